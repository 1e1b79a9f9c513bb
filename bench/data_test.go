package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The default data is in the repository, relative to its root, and gives
// events of both sources and articles to repeat.
func TestDefaultDataIsInTheRepository(t *testing.T) {
	t.Chdir("..") // the repository's root, where make bench runs kg bench
	events, err := readEvents(DefaultGDELT, DefaultICEWS, 5000, "s")
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]int{}
	ids := map[string]bool{}
	for _, m := range events {
		sources[m.Source]++
		if ids[m.ID] {
			t.Fatalf("id %s repeated", m.ID)
		}
		ids[m.ID] = true
	}
	if len(events) != 5000 || sources["gdelt"] == 0 || sources["icews"] == 0 {
		t.Errorf("%d events by source %v; want 5000 from gdelt and icews", len(events), sources)
	}
	articles, err := readArticles(DefaultArticleFile, 300, "s")
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 300 || !strings.HasSuffix(string(articles[299].Key), "~s.299") {
		t.Errorf("%d articles, the last %q; want 300, the last with a unique id", len(articles), articles[len(articles)-1].Key)
	}
}

func TestExpandPaths(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.CSV", "b.CSV", "c.tsv"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := expandPaths("gdelt", []string{filepath.Join(dir, "*.CSV"), filepath.Join(dir, "c.tsv")})
	if err != nil || len(got) != 3 {
		t.Errorf("expandPaths = %v, %v; want the three files", got, err)
	}
	for _, bad := range []string{filepath.Join(dir, "*.json"), filepath.Join(dir, "missing.CSV"), "[", ""} {
		if got, err := expandPaths("gdelt", []string{bad}); err == nil || !strings.Contains(err.Error(), "--gdelt") {
			t.Errorf("expandPaths(%q) = %v, %v; want an error naming --gdelt", bad, got, err)
		}
	}
}

func TestReadArticlesRejectsAFileWithoutArticles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "none.jsonl")
	if err := os.WriteFile(p, []byte("not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readArticles(p, 10, "s"); err == nil || !strings.Contains(err.Error(), "no article messages") {
		t.Errorf("readArticles of a file without articles: %v", err)
	}
	if _, err := readArticles(p+".missing", 10, "s"); err == nil {
		t.Errorf("readArticles of a missing file: no error")
	}
}

func TestCheckTarget(t *testing.T) {
	for _, c := range []struct {
		database string
		any      bool
		ok       bool
	}{{"kgbench", false, true}, {"neo4j", false, false}, {"neo4j", true, true}, {"", false, false}} {
		err := CheckTarget(c.database, c.any)
		if (err == nil) != c.ok {
			t.Errorf("CheckTarget(%q, %v) = %v, want ok %v", c.database, c.any, err, c.ok)
		}
	}
}
