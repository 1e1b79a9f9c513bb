package main

import (
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

// Names from articles reach DOT only inside quoted strings: no quote,
// backslash or newline can end the string early.
func TestDotQuotesNames(t *testing.T) {
	g := newDotGraph()
	drawArticle(g, graphmodel.Article{
		Entities: []graphmodel.Entity{
			{Key: "actor:x", Kind: graphmodel.KindActor, Name: "Robert \"Bob\"\\ ];\ndigraph evil {"},
			{Key: "state:USA", Kind: graphmodel.KindState, Name: "United States"},
		},
		Claims: []graphmodel.Claim{{Type: graphmodel.AccusedOf, Subject: "actor:x", Object: "state:USA", Charge: "a \"charge\""}},
	})
	var b strings.Builder
	if err := g.write(&b); err != nil {
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
