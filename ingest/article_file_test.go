package ingest

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func readAll(t *testing.T, read func(string, string, func(FileRecord) error) error, name, input string) []FileRecord {
	t.Helper()
	var got []FileRecord
	if err := read(name, input, func(r FileRecord) error { got = append(got, r); return nil }); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return got
}

func byName(name, input string, fn func(FileRecord) error) error {
	return ReadArticleFile(name, strings.NewReader(input), fn)
}

// The extension picks the reader: JSON Lines, one JSON value or array, or
// plain text whose id is the file's base name.
func TestReadArticleFileByExtension(t *testing.T) {
	for _, c := range []struct {
		name, input string
		want        []FileRecord // Err compared by reason only
	}{
		{"dir/a.jsonl", "{\"id\":\"x\",\"text\":\"t\"}\n\n  {\"text\":\"no id\"}  \n",
			[]FileRecord{{Where: "dir/a.jsonl:1", Key: []byte("x"), Value: []byte(`{"id":"x","text":"t"}`)},
				{Where: "dir/a.jsonl:3", Value: []byte(`{"text":"no id"}`)}}},
		{"b.NDJSON", `{"id":"y"}`, []FileRecord{{Where: "b.NDJSON:1", Key: []byte("y"), Value: []byte(`{"id":"y"}`)}}},
		{"c.json", "[\n {\"id\": \"p\"},\n 7\n]", []FileRecord{
			{Where: "c.json[0]", Key: []byte("p"), Value: []byte(`{"id":"p"}`)},
			{Where: "c.json[1]", Value: []byte(`7`)}}},
		{"d.json", "{ \"id\": \"q\" }\n", []FileRecord{{Where: "d.json", Key: []byte("q"), Value: []byte(`{"id":"q"}`)}}},
		{"e.json", `[{"id":"r"}] x`, []FileRecord{
			{Where: "e.json[0]", Key: []byte("r"), Value: []byte(`{"id":"r"}`)},
			{Where: "e.json", Err: &MalformedError{Reason: ReasonNotJSON}}}},
		{"news/2019-001.txt", "Talks resume\n\nThe talks resumed.\n", []FileRecord{{Where: "news/2019-001.txt", Key: []byte("2019-001"),
			Value: []byte(`{"id":"2019-001","text":"Talks resume\n\nThe talks resumed.\n","title":"Talks resume"}`)}}},
		{"bin.txt", "ab\x00c", []FileRecord{{Where: "bin.txt", Err: &MalformedError{Reason: ReasonInvalidUTF8}}}},
		{"bad.jsonl", "{\"id\":\"ok\"}\n\xff\n", []FileRecord{
			{Where: "bad.jsonl:1", Key: []byte("ok"), Value: []byte(`{"id":"ok"}`)},
			{Where: "bad.jsonl:2", Err: &MalformedError{Reason: ReasonInvalidUTF8}}}},
	} {
		got := readAll(t, byName, c.name, c.input)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %d records %+v, want %d", c.name, len(got), got, len(c.want))
			continue
		}
		for i, w := range c.want {
			g := got[i]
			if g.Where != w.Where || string(g.Key) != string(w.Key) || string(g.Value) != string(w.Value) {
				t.Errorf("%s record %d: got %s %q %s, want %s %q %s", c.name, i, g.Where, g.Key, g.Value, w.Where, w.Key, w.Value)
			}
			if (g.Err == nil) != (w.Err == nil) || (w.Err != nil && ReasonOf(g.Err) != ReasonOf(w.Err)) {
				t.Errorf("%s record %d: err %v, want reason %v", c.name, i, g.Err, w.Err)
			}
		}
	}
}

// A bad byte is reported at its offset in the whole input, not the line.
func TestReadJSONLinesNamesTheOffsetOfABadByte(t *testing.T) {
	got := readAll(t, byName, "f.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\x00\"}\n")
	if len(got) != 2 || got[1].Err == nil || !strings.Contains(got[1].Err.Error(), "NUL byte at byte offset 19") {
		t.Errorf("got %+v, want the second line rejected at byte offset 19", got)
	}
}

// An error of fn ends the read and is returned as it is.
func TestReadStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := ReadJSONLines("f", strings.NewReader("{}\n{}\n{}\n"), func(FileRecord) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d records, want stop after 1", err, n)
	}
}

func TestHeadline(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Talks resume\nThe talks resumed today.", "Talks resume"},
		{"  Talks resume  \n\nbody", "Talks resume"},
		{"The talks resumed today.\nMore text.", ""}, // a sentence, not a headline
		{"Only one line", ""},
		{"Title\n   \n", ""}, // nothing after it
		{strings.Repeat("x", 201) + "\nbody", ""},
		{strings.Repeat("x", 200) + "\nbody", strings.Repeat("x", 200)},
	} {
		if got := headline(c.text); got != c.want {
			t.Errorf("headline(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// ReadJSONFile never panics, and every record it passes on is either a
// rejection with its reason or a compact JSON value named by its file.
func FuzzReadJSONFile(f *testing.F) {
	for _, seed := range []string{`[{"id":"a","text":"t"}]`, `{"id":"a"}`, `[1, [2`, `[] x`, "\xff", `"s"`, `[`, ``, "{\n", "[{\"id\":\n\"a\"}]"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		err := ReadJSONFile("f.json", strings.NewReader(string(b)), func(r FileRecord) error {
			if !strings.HasPrefix(r.Where, "f.json") {
				t.Errorf("record named %q", r.Where)
			}
			// Invalid JSON is passed on as it is, for DecodeArticle to reject.
			if r.Err == nil && json.Valid(r.Value) && strings.ContainsAny(string(r.Value), "\n") {
				t.Errorf("%s: value %q spans lines", r.Where, r.Value)
			}
			return nil
		})
		if err != nil {
			t.Errorf("read error %v: every problem is a record", err)
		}
	})
}
