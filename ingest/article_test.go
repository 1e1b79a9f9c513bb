package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeArticle(t *testing.T) {
	long := `{"id": "` + strings.Repeat("x", 257) + `", "text": "t"}`
	tests := []struct {
		name  string
		key   string
		value string
		max   int
		want  Reason // "" when valid
	}{
		{"minimal", "a", `{"id": "a", "text": "Some text."}`, 0, ""},
		{"no key", "", `{"id": "a", "text": "Some text."}`, 0, ""},
		{"all fields", "a", `{"id": "a", "text": "t", "title": "T", "source": "s", "url": "u", "language": "en",
			"published_at": "2014-12-20", "updated_at": "2014-12-20T10:00:00+01:00", "authors": ["x"], "schema_version": 1}`, 0, ""},
		{"unknown fields ignored", "a", `{"id": "a", "text": "t", "extra": {"x": 1}}`, 0, ""},
		{"rfc3339 published", "a", `{"id": "a", "text": "t", "published_at": "2014-12-20T23:00:00-05:00"}`, 0, ""},
		{"not json", "a", `{"id": "a", "text": `, 0, ReasonNotJSON},
		{"plain text", "a", `hello`, 0, ReasonNotJSON},
		{"json array", "a", `[1, 2]`, 0, ReasonWrongType},
		{"id a number", "a", `{"id": 7, "text": "t"}`, 0, ReasonWrongType},
		{"text an object", "a", `{"id": "a", "text": {}}`, 0, ReasonWrongType},
		{"authors a string", "a", `{"id": "a", "text": "t", "authors": "x"}`, 0, ReasonWrongType},
		{"missing id", "", `{"text": "t"}`, 0, ReasonMissingField},
		{"empty text", "a", `{"id": "a", "text": "  "}`, 0, ReasonMissingField},
		{"missing text", "a", `{"id": "a"}`, 0, ReasonMissingField},
		{"id too long", "", long, 0, ReasonInvalidField},
		{"bad date", "a", `{"id": "a", "text": "t", "published_at": "20 Dec 2014"}`, 0, ReasonInvalidField},
		{"bad updated_at", "a", `{"id": "a", "text": "t", "updated_at": "2014-12-20"}`, 0, ReasonInvalidField},
		{"future schema", "a", `{"id": "a", "text": "t", "schema_version": 2}`, 0, ReasonSchemaVersion},
		{"negative schema", "a", `{"id": "a", "text": "t", "schema_version": -1}`, 0, ReasonInvalidField},
		{"invalid utf-8", "a", "{\"id\": \"a\", \"text\": \"\xff\xfe\"}", 0, ReasonInvalidUTF8},
		{"oversize", "a", `{"id": "a", "text": "` + strings.Repeat("x", 100) + `"}`, 50, ReasonOversize},
		{"key differs from id", "b", `{"id": "a", "text": "t"}`, 0, ReasonKeyMismatch},
		{"byte order mark", "a", "\xef\xbb\xbf" + `{"id": "a", "text": "t"}`, 0, ""},
		{"schema 0", "a", `{"id": "a", "text": "t", "schema_version": 0}`, 0, ReasonSchemaVersion},
		{"schema null", "a", `{"id": "a", "text": "t", "schema_version": null}`, 0, ReasonSchemaVersion},
		{"schema a string", "a", `{"id": "a", "text": "t", "schema_version": "1"}`, 0, ReasonWrongType},
		{"schema 1.5", "a", `{"id": "a", "text": "t", "schema_version": 1.5}`, 0, ReasonWrongType},
		{"id with NUL", "", "{\"id\": \"a\\u0000b\", \"text\": \"t\"}", 0, ReasonInvalidField},
		{"id with a newline", "", `{"id": "a\nb", "text": "t"}`, 0, ReasonInvalidField},
		{"id with DEL", "", "{\"id\": \"a\x7fb\", \"text\": \"t\"}", 0, ReasonInvalidField},
		{"id with C1 control", "", `{"id": "a\u0085b", "text": "t"}`, 0, ReasonInvalidField},
		{"empty value", "a", "", 0, ReasonEmpty},
		{"unclosed arrays", "a", strings.Repeat("[", 900<<10), 0, ReasonTooDeep},
		{"deep in an unknown field", "a", `{"id": "a", "text": "t", "x": ` + strings.Repeat("[", 17) + strings.Repeat("]", 17) + `}`, 0, ReasonTooDeep},
		{"deep within the limit", "a", `{"id": "a", "text": "t", "x": ` + strings.Repeat("[", 15) + strings.Repeat("]", 15) + `}`, 0, ""},
		{"too many values", "a", `{"id": "a", "text": "t", "authors": [` + strings.Repeat(`"x",`, MaxJSONTokens) + `"x"]}`, 4 << 20, ReasonOversize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeArticle([]byte(tt.key), []byte(tt.value), tt.max)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("got %v, want a malformed-message error", err)
			}
			if got := ReasonOf(err); got != tt.want {
				t.Fatalf("reason %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestDecodeArticleNormalizesDates(t *testing.T) {
	m, err := DecodeArticle(nil, []byte(`{"id": "a", "text": "t", "published_at": "2014-12-20T23:00:00-05:00",
		"updated_at": "2014-12-21T05:00:00+01:00"}`), 0)
	if err != nil {
		t.Fatal(err)
	}
	if m.PublishedAt != "2014-12-20" {
		t.Errorf("published_at = %q, want the date in its own offset, 2014-12-20", m.PublishedAt)
	}
	if want := "2014-12-21T04:00:00.000000000Z"; m.UpdatedAt != want {
		t.Errorf("updated_at = %q, want %q (UTC, fixed width so that revisions sort as text)", m.UpdatedAt, want)
	}
	if m.SchemaVersion != 1 {
		t.Errorf("schema_version = %d, want the default 1", m.SchemaVersion)
	}
}

// FuzzDecodeArticle: the decoder never panics, and every error it returns
// is a classified malformed-message error.
func FuzzDecodeArticle(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "text": "t"}`, `{"id": 1}`, `[]`, `null`, `{"id": "a", "text": "t", "published_at": "x"}`,
		"\xff", `{"id": "a", "text": "t", "schema_version": 99}`, `{"id":"a","text":"t","authors":[1]}`,
	} {
		f.Add([]byte("a"), []byte(s))
	}
	f.Fuzz(func(t *testing.T, key, value []byte) {
		m, err := DecodeArticle(key, value, 4096)
		shared, sharedErr := DecodeArticleShared(key, value, 4096)
		if fmt.Sprint(sharedErr) != fmt.Sprint(err) || !reflect.DeepEqual(shared, m) {
			t.Fatalf("DecodeArticleShared: %+v, %v; DecodeArticle: %+v, %v", shared, sharedErr, m, err)
		}
		if err != nil {
			if !errors.Is(err, ErrMalformed) || ReasonOf(err) == ReasonUnknownMessage {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		if m.ID == "" || strings.TrimSpace(m.Text) == "" {
			t.Fatalf("accepted a message without id or text: %+v", m)
		}
	})
}

func BenchmarkDecodeArticle(b *testing.B) {
	value := []byte(`{"id": "seed", "title": "U.S. seeks China's help", "published_at": "2014-12-20",
		"updated_at": "2014-12-20T10:00:00Z", "text": "` + strings.Repeat("The Obama administration has asked China for help. ", 100) + `"}`)
	b.SetBytes(int64(len(value)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeArticle([]byte("seed"), value, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// An article in another language is skipped with its reason, whether its
// language tag or its text says so.
func TestArticleSkipsOtherLanguages(t *testing.T) {
	x := NewExtractor(nil)
	for _, m := range []ArticleMessage{
		{ID: "tagged", Language: "fr", Text: "Japan asked the United States for help."},
		{ID: "untagged", Text: "Le gouvernement français a demandé l'aide de l'Allemagne pour la reconstruction du pays et des villes. " +
			"Selon le ministre, les travaux sont urgents et il est nécessaire que les deux pays agissent ensemble dans les " +
			"prochains mois, mais les détails de cette aide ne sont pas encore connus."},
	} {
		a := rulesArticle(x, m)
		if a.Skipped != SkipNonEnglish || len(a.Claims) != 0 {
			t.Errorf("%s: skipped %q with %d claims, want %q and none", m.ID, a.Skipped, len(a.Claims), SkipNonEnglish)
		}
	}
	if a := rulesArticle(x, ArticleMessage{ID: "en", Language: "en", Text: "Japan asked the United States for help."}); a.Skipped != "" || len(a.Claims) != 1 {
		t.Errorf("English article: skipped %q with %d claims, want read with one claim", a.Skipped, len(a.Claims))
	}
}

// The pre-scan counts nesting and values without being fooled by strings:
// brackets, quotes and escapes inside a string are text.
func TestPrescan(t *testing.T) {
	tests := []struct {
		name  string
		value string
		want  Reason
	}{
		{"flat", `{"id": "a", "text": "t", "authors": ["x", "y"], "n": 1.5e3, "b": true, "z": null}`, ""},
		{"brackets in a string", `{"text": "` + strings.Repeat("[{", 100) + `"}`, ""},
		{"escaped quote then brackets", `{"text": "a\"[[[[[[[[[[[[[[[[[[[[\\"}`, ""},
		{"at the depth limit", strings.Repeat("[", MaxJSONDepth) + strings.Repeat("]", MaxJSONDepth), ""},
		{"one past it", strings.Repeat("[", MaxJSONDepth+1) + strings.Repeat("]", MaxJSONDepth+1), ReasonTooDeep},
		{"unclosed", strings.Repeat("{\"a\":", 100), ReasonTooDeep},
		{"values at the limit", "[" + strings.Repeat("1,", MaxJSONTokens-2) + "1]", ""},
		{"values past it", "[" + strings.Repeat("1,", MaxJSONTokens-1) + "1]", ReasonOversize},
		{"unterminated string", `{"text": "abc`, ""}, // the decoder's to refuse
	}
	for _, tt := range tests {
		err := prescan([]byte(tt.value))
		if got := reasonOrEmpty(err); got != tt.want {
			t.Errorf("%s: reason %q (%v), want %q", tt.name, got, err, tt.want)
		}
	}
}

func reasonOrEmpty(err error) Reason {
	if err == nil {
		return ""
	}
	return ReasonOf(err)
}

// Decoding a value the pre-scan passes allocates in proportion to its
// size: 900 KiB of unclosed brackets allocate next to nothing.
func TestPrescanBoundsAllocation(t *testing.T) {
	value := []byte(strings.Repeat("[", 900<<10))
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := DecodeArticle(nil, value, 0); ReasonOf(err) != ReasonTooDeep {
			t.Fatalf("got %v, want too-deep", err)
		}
	})
	if allocs > 50 {
		t.Errorf("%v allocations to reject 900 KiB of '[', want a handful", allocs)
	}
}

// ContentHash is the SHA-256 of json.Marshal of the message without its
// schema version: stored hashes must not change with how it is computed.
func TestContentHashIsMarshalDigest(t *testing.T) {
	for _, m := range []ArticleMessage{
		{ID: "a", Text: "t"},
		{ID: "a<b>&", Text: "line\nbreak \u2028 \"quoted\"\n", Title: "T", Authors: []string{"x", "y"}, SchemaVersion: 1, UpdatedAt: "2014-12-20T10:00:00.000000000Z"},
		{ID: "big", Text: strings.Repeat("Iran accused Saudi Arabia. ", 10000) + "\n"},
	} {
		want := m
		want.SchemaVersion = 0
		b, _ := stdjson.Marshal(want)
		sum := sha256.Sum256(b)
		if got := ContentHash(m); got != hex.EncodeToString(sum[:]) {
			t.Errorf("ContentHash(%q) = %s, want the digest of json.Marshal, %x", m.ID, got, sum)
		}
	}
}
