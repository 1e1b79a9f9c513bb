package ingest

import (
	"fmt"
	"testing"
)

// prescanBytewise is prescan as it was first written, a byte at a time:
// the reference that prescan's faster string skipping must agree with.
func prescanBytewise(value []byte) error {
	depth, tokens := 0, 0
	for i := 0; i < len(value); i++ {
		switch c := value[i]; c {
		case ' ', '\t', '\n', '\r', ',', ':':
		case '"':
			tokens++
			for i++; i < len(value) && value[i] != '"'; i++ {
				if value[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			tokens++
			depth++
			if depth > MaxJSONDepth {
				return malformed(ReasonTooDeep, fmt.Sprintf("nested deeper than %d at byte %d", MaxJSONDepth, i))
			}
		case ']', '}':
			depth--
		default:
			tokens++
			for i+1 < len(value) && !delimiter(value[i+1]) {
				i++
			}
		}
		if tokens > MaxJSONTokens {
			return malformed(ReasonOversize, fmt.Sprintf("more than %d JSON values", MaxJSONTokens))
		}
	}
	return nil
}

func FuzzPrescanAgreesWithBytewise(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "text": "t"}`, `"\\"`, `"\\\"[[[["`, `"a\"b" [`, `"\`, `"\\`, `"`, `[[["x\\\\"]]]`,
		`{"a": "\"\"\"", "b": [1, 2, "\\\\\\\""]}`, `"unterminated \" [`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, value []byte) {
		if got, want := fmt.Sprint(prescan(value)), fmt.Sprint(prescanBytewise(value)); got != want {
			t.Fatalf("prescan(%q) = %s, the bytewise scan says %s", value, got, want)
		}
	})
}
