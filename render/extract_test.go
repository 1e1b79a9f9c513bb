package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

// An article with nothing found prints empty lists, never null, and an
// entity without aliases an empty list too.
func TestPredictJSON(t *testing.T) {
	b, err := json.Marshal(Predict(graphmodel.Article{ID: "a", ExtractorVersion: "v"}))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"article_id":"a","extractor_version":"v","entities":[],"relations":[]}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
	a := graphmodel.Article{ID: "b", Entities: []graphmodel.Entity{{Key: "state:CHN", Name: "China", Kind: "State"}},
		Claims: []graphmodel.Claim{{Type: graphmodel.RelTypes[0], Subject: "state:CHN", Object: "state:PRK", Confidence: 0.5}}}
	p := Predict(a)
	if len(p.Entities) != 1 || p.Entities[0].Aliases == nil || p.Entities[0].Type != "State" ||
		len(p.Relations) != 1 || p.Relations[0].Type != string(graphmodel.RelTypes[0]) || p.Relations[0].Confidence != 0.5 {
		t.Errorf("Predict(%+v) = %+v", a, p)
	}
}

// JSON Lines print one object per article as it comes; a drawing waits
// for Finish; the parser's line sums the articles' figures.
func TestExtraction(t *testing.T) {
	a := graphmodel.Article{ID: "a", Entities: []graphmodel.Entity{{Key: "state:CHN", Name: "China", Kind: "State"}}}
	st := ingest.ParseStats{Sentences: 2, Parsed: 1, Bytes: 10, ParsedBytes: 5}
	var out, errOut bytes.Buffer
	e := NewExtraction(&out, false, false)
	e.Article(a, st)
	e.Article(a, st)
	if err := e.Finish(&errOut, true); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), `{"article_id":"a"`); n != 2 {
		t.Errorf("%d objects:\n%s", n, out.String())
	}
	if want := "parsed 2 of 4 sentences (50.0%), 10 of 20 bytes (50.0%)\n"; errOut.String() != want {
		t.Errorf("parse line %q, want %q", errOut.String(), want)
	}
	out.Reset()
	errOut.Reset()
	e = NewExtraction(&out, true, false)
	e.Article(a, st)
	if out.Len() != 0 {
		t.Errorf("a drawing printed before Finish: %s", out.String())
	}
	if err := e.Finish(&errOut, false); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "graph") && !strings.HasPrefix(out.String(), "digraph") || !strings.Contains(out.String(), "China") || errOut.Len() != 0 {
		t.Errorf("drawing:\n%s\nstderr %q", out.String(), errOut.String())
	}
}
