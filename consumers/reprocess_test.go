package consumers

import (
	"slices"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

func TestWithoutRelations(t *testing.T) {
	adjust, err := WithoutRelations([]string{"ally-of"})
	if err != nil {
		t.Fatal(err)
	}
	a := graphmodel.Article{ExtractorVersion: "v1", Claims: []graphmodel.Claim{{Type: graphmodel.AllyOf}, {Type: graphmodel.AccusedOf}}}
	adjust(&a)
	if len(a.Claims) != 1 || a.Claims[0].Type != graphmodel.AccusedOf || a.ExtractorVersion != "v1+without-ally-of" {
		t.Errorf("claims %v, version %q; want accused-of alone, v1+without-ally-of", a.Claims, a.ExtractorVersion)
	}
	if adjust, err := WithoutRelations(nil); adjust != nil || err != nil {
		t.Errorf("no types: %v, %v; want no adjustment", adjust != nil, err)
	}
	if _, err := WithoutRelations([]string{"friend-of"}); err == nil {
		t.Error("an unknown relation type is accepted")
	}
}

func TestReprocessReportRelations(t *testing.T) {
	rep := ReprocessReport{
		Added:   map[graphmodel.RelType]int{graphmodel.RequestedHelpFrom: 1, graphmodel.AllyOf: 2},
		Removed: map[graphmodel.RelType]int{graphmodel.AllyOf: 1, graphmodel.AccusedOf: 3},
	}
	want := []graphmodel.RelType{graphmodel.AccusedOf, graphmodel.AllyOf, graphmodel.RequestedHelpFrom}
	if got := rep.Relations(); !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
}
