package neo4jstore

import (
	"fmt"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

// Entities are upserted only when a row brings a form (name, alias,
// acronym) the node does not hold: a row of known forms is skipped before
// its MERGE. Whatever order the rows arrive in, and whether or not a row
// was skipped, the node ends with the best name, every other form as an
// alias, and the smallest acronym.
func TestEntityFormsInAnyOrder(t *testing.T) {
	kim := "actor:kim-jong-un"
	un := "org:united-nations-development-programme"
	rows := []graphmodel.Entity{
		{Key: kim, Kind: graphmodel.KindActor, Name: "Kim"},
		{Key: kim, Kind: graphmodel.KindActor, Name: "Kim Jong-un", Aliases: []string{"Kim"}},
		{Key: kim, Kind: graphmodel.KindActor, Name: "Kim Jong Un"},
		{Key: kim, Kind: graphmodel.KindActor, Name: "Kim", Aliases: []string{"Kim Jong-un"}}, // known forms only
		{Key: un, Kind: graphmodel.KindOrganization, Name: "UNDP"},
		{Key: un, Kind: graphmodel.KindOrganization, Name: "United Nations Development Programme", Acronym: "UNDP"},
		{Key: un, Kind: graphmodel.KindOrganization, Name: "UNDP", Acronym: "UNDP"}, // known forms only
		{Key: un, Kind: graphmodel.KindOrganization, Name: "UNDP", Acronym: "PNUD"}, // a smaller acronym
	}
	want := "Kim Jong Un [Kim Kim Jong-un] <nil>; United Nations Development Programme [UNDP] PNUD"
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {3, 2, 6, 0, 7, 1, 5, 4}} {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			s := openTest(t)
			// One batch per row, so that every row after the first meets
			// the node the earlier ones left.
			for i, k := range order {
				a := art(fmt.Sprintf("a%d", i), "")
				a.Entities = append(a.Entities, rows[k])
				a.Mentions = append(a.Mentions, graphmodel.Mention{Key: rows[k].Key, Count: 1})
				write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{a}})
			}
			got := queryRows(t, s, `MATCH (e:Entity) WHERE e.key IN [$kim, $un]
RETURN e.name, e.aliases, e.acronym ORDER BY e.key`, map[string]any{"kim": kim, "un": un})
			var s2 string
			for i, r := range got {
				if i > 0 {
					s2 += "; "
				}
				s2 += fmt.Sprintf("%v %v %v", r[0], r[1], r[2])
			}
			if s2 != want {
				t.Errorf("entities after rows %v:\n got %s\nwant %s", order, s2, want)
			}
		})
	}
}
