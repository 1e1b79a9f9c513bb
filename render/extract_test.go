package render

import (
	"encoding/json"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
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
