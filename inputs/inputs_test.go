package inputs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Files are read by their kind and stdin as JSON Lines, every byte is
// counted on progress, and each line keeps its position (a bad one is
// caught by the decoder later).
func TestReadArticles(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(txt, []byte("Headline\n\nBody text."), 0o644); err != nil {
		t.Fatal(err)
	}
	stdin := "{\"id\":\"a\"}\nnot json\n"
	var progress bytes.Buffer
	var got []Record
	err := ReadArticles([]string{txt, "-"}, strings.NewReader(stdin), &progress, func(r Record) error {
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || string(got[0].Key) != "story" || got[0].Err != nil || string(got[1].Key) != "a" || got[2].Where != "stdin:2" || string(got[2].Value) != "not json" {
		t.Fatalf("records %+v", got)
	}
	if progress.Len() != len("Headline\n\nBody text.")+len(stdin) {
		t.Errorf("progress counted %d bytes", progress.Len())
	}
	if err := ReadArticles([]string{filepath.Join(dir, "missing.txt")}, nil, nil, func(Record) error { return nil }); err == nil {
		t.Errorf("a missing file is no error")
	}
}

func TestReadEventsGDELT(t *testing.T) {
	path := "../ingest/testdata/events/gdelt2-excerpt.export.CSV"
	n := 0
	err := ReadEvents(GDELT, []string{path}, nil, nil, func(r Record) error {
		n++
		if r.Err == nil && (!strings.HasPrefix(string(r.Key), "gdelt:") || !strings.HasPrefix(r.Where, path+":")) {
			t.Errorf("record %s %q", r.Where, r.Key)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Errorf("read %d rows, %v", n, err)
	}
}
