package ingest

import (
	"bytes"
	"fmt"
)

// Limits the pre-scan holds a message value to before anything is decoded.
// Articles and events are flat objects (an article's deepest value is a
// string in its authors array, at depth 2) with a few dozen values, so the
// limits leave ample room for unknown fields while keeping what one message
// can cost the decoder proportional to its bytes.
const (
	// MaxJSONDepth bounds the nesting of arrays and objects.
	MaxJSONDepth = 16
	// MaxJSONTokens bounds the values (strings, numbers, literals, arrays
	// and objects) of one message: 100 000, a hundred times the most an
	// article with a thousand authors needs.
	MaxJSONTokens = 100_000
)

// prescan walks a JSON value once, building nothing, and rejects what would
// cost the decoder far more than its size: nesting deeper than MaxJSONDepth
// (too-deep; 900 KiB of '[' once took a worker to 320 MiB) and more than
// MaxJSONTokens values (oversize). It does not check the grammar; the
// decoder does, on what passes.
func prescan(value []byte) error {
	depth, tokens := 0, 0
	for i := 0; i < len(value); i++ {
		switch c := value[i]; c {
		case ' ', '\t', '\n', '\r', ',', ':':
		case '"':
			tokens++
			i = stringEnd(value, i+1)
		case '[', '{':
			tokens++
			depth++
			if depth > MaxJSONDepth {
				return malformed(ReasonTooDeep, fmt.Sprintf("nested deeper than %d at byte %d", MaxJSONDepth, i))
			}
		case ']', '}':
			depth--
		default: // a number or a literal: skip to its end
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

// stringEnd returns the index of the quote that ends the string whose
// contents start at i, or len(value) when none does. A quote ends it
// unless an odd run of backslashes precedes it: a backslash escapes the
// byte after it.
func stringEnd(value []byte, i int) int {
	start := i
	for {
		j := bytes.IndexByte(value[i:], '"')
		if j < 0 {
			return len(value)
		}
		i += j
		n := 0
		for k := i - 1; k >= start && value[k] == '\\'; k-- {
			n++
		}
		if n%2 == 0 {
			return i
		}
		i++
	}
}

func delimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '"', '[', ']', '{', '}':
		return true
	}
	return false
}
