package render

import (
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
)

// Names from articles reach DOT only inside quoted strings: no quote,
// backslash or newline can end the string early.
func TestDotQuotesNames(t *testing.T) {
	g := NewGraph()
	g.Article(graphmodel.Article{
		Entities: []graphmodel.Entity{
			{Key: "actor:x", Kind: graphmodel.KindActor, Name: "Robert \"Bob\"\\ ];\ndigraph evil {"},
			{Key: "state:USA", Kind: graphmodel.KindState, Name: "United States"},
		},
		Claims: []graphmodel.Claim{{Type: graphmodel.AccusedOf, Subject: "actor:x", Object: "state:USA", Charge: "a \"charge\""}},
	})
	var b strings.Builder
	if err := g.Write(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`"actor:x" [label="Robert \"Bob\"\\ ];\ndigraph evil {", shape=ellipse];`,
		`"state:USA" [label="United States", shape=box];`,
		`"actor:x" -> "state:USA" [label="accused-of: a \"charge\""];`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s:\n%s", want, out)
		}
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 8 {
		t.Errorf("%d lines, want the header, 3 statements and the closing brace:\n%s", len(lines), out)
	}
}

// A query's rows as the store returns them: China, its ally North Korea
// (the ALLY_OF edge stored from the smaller key), the United States
// accusing North Korea, and an article that mentions all three and Japan.
func allyTable() neo4jstore.Table {
	state := func(id, name string) neo4jstore.Node {
		return neo4jstore.Node{ID: id, Labels: []string{"Entity", "State"}, Props: map[string]any{"name": name}}
	}
	chn, prk, usa, jpn := state("n:chn", "China"), state("n:prk", "North Korea"), state("n:usa", "United States"), state("n:jpn", "Japan")
	art := neo4jstore.Node{ID: "n:art", Labels: []string{"Article"}, Props: map[string]any{"title": "A story"}}
	ally := neo4jstore.Relationship{ID: "r:1", Start: "n:chn", End: "n:prk", Type: "ALLY_OF"}
	accuses := neo4jstore.Relationship{ID: "r:2", Start: "n:usa", End: "n:prk", Type: "ACCUSED_OF"}
	return neo4jstore.Table{Columns: []string{"a", "r", "b", "mentioned"}, Rows: [][]any{
		{chn, ally, prk, []any{art, jpn}},
		{usa, accuses, prk, []any{art, jpn}},
	}}
}

func TestDotQueryAllyOfIsUndirected(t *testing.T) {
	var b strings.Builder
	if err := Dot(&b, allyTable(), false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`"n:chn" -> "n:prk" [label="ALLY_OF", dir=none];`,
		`"n:usa" -> "n:prk" [label="ACCUSED_OF"];`,
		`"n:jpn" [label="Japan", shape=box];`,
		`"n:art" [label="A story", shape=note];`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s:\n%s", want, out)
		}
	}
}

// --related-only leaves out the nodes no relationship touches: the article
// and Japan here.
func TestDotQueryRelatedOnly(t *testing.T) {
	var b strings.Builder
	if err := Dot(&b, allyTable(), true); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, gone := range []string{`"n:jpn"`, `"n:art"`} {
		if strings.Contains(out, gone) {
			t.Errorf("DOT still has %s:\n%s", gone, out)
		}
	}
	for _, want := range []string{`"n:chn" [label="China"`, `"n:prk" [label="North Korea"`, `"n:usa" [label="United States"`,
		`"n:chn" -> "n:prk" [label="ALLY_OF", dir=none];`} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s:\n%s", want, out)
		}
	}
}

// In kg extract's drawing, ally-of claims of one pair given either way
// round are one undirected edge; other relations keep their direction.
func TestDotArticleAllyOfOncePerPair(t *testing.T) {
	g := NewGraph()
	ents := []graphmodel.Entity{
		{Key: "state:CHN", Kind: graphmodel.KindState, Name: "China"},
		{Key: "state:PRK", Kind: graphmodel.KindState, Name: "North Korea"},
		{Key: "state:JPN", Kind: graphmodel.KindState, Name: "Japan"},
	}
	g.Article(graphmodel.Article{Entities: ents, Claims: []graphmodel.Claim{
		{Type: graphmodel.AllyOf, Subject: "state:PRK", Object: "state:CHN"},
		{Type: graphmodel.AccusedOf, Subject: "state:PRK", Object: "state:CHN"},
	}})
	g.Article(graphmodel.Article{Entities: ents, Claims: []graphmodel.Claim{
		{Type: graphmodel.AllyOf, Subject: "state:CHN", Object: "state:PRK"},
	}})
	g.DropUnrelated()
	var b strings.Builder
	if err := g.Write(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if got := strings.Count(out, `[label="ally-of"`); got != 1 {
		t.Errorf("%d ally-of edges, want 1:\n%s", got, out)
	}
	for _, want := range []string{`"state:CHN" -> "state:PRK" [label="ally-of", dir=none];`, `"state:PRK" -> "state:CHN" [label="accused-of"];`} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Japan") {
		t.Errorf("an entity in no relation is drawn after DropUnrelated:\n%s", out)
	}
}
