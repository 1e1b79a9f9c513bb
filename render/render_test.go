package render

import (
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel/neo4jstore"
)

// A row of every kind of value the store returns.
func mixedTable() neo4jstore.Table {
	chn := neo4jstore.Node{ID: "4:x:1", Labels: []string{"Entity", "State"}, Props: map[string]any{"name": "China", "since": "2014-03-01"}}
	prk := neo4jstore.Node{ID: "4:x:2", Labels: []string{"Entity", "State"}, Props: map[string]any{"name": "North Korea"}}
	ally := neo4jstore.Relationship{ID: "5:x:9", Type: "ALLY_OF", Start: "4:x:1", End: "4:x:2", Props: map[string]any{"claims": int64(2)}}
	return neo4jstore.Table{
		Columns: []string{"n", "r", "p", "misc", "f", "none", "text"},
		Rows: [][]any{
			{chn, ally, neo4jstore.Path{Nodes: []neo4jstore.Node{chn, prk}, Rels: []neo4jstore.Relationship{ally}},
				map[string]any{"when": "2026-12-05T23:09:47Z", "l": []any{int64(1), nil, true}}, 1.0 / 3, nil, "a\tb " + strings.Repeat("é", 120)},
			{prk, nil, nil, []any{}, 2.5, nil, "short"},
		},
	}
}

func TestTable(t *testing.T) {
	var b strings.Builder
	if err := Table(&b, mixedTable()); err != nil {
		t.Fatal(err)
	}
	chn := `{"labels":["Entity","State"],"properties":{"name":"China","since":"2014-03-01"}}`
	prk := `{"labels":["Entity","State"],"properties":{"name":"North Korea"}}`
	ally := `{"properties":{"claims":2},"type":"ALLY_OF"}`
	path := Clip(`{"nodes":[`+chn+`,`+prk+`],"relationships":[`+ally+`]}`, maxCell)
	long := "a b " + strings.Repeat("é", 95) + "…"
	cells := [][]string{
		{"n", "r", "p", "misc", "f", "none", "text"},
		{"-", "-", "-", "----", "-", "----", "----"},
		{chn, ally, path, `{"l":[1,null,true],"when":"2026-12-05T23:09:47Z"}`, "0.333", "null", long},
		{prk, "null", "null", "[]", "2.5", "null", "short"},
	}
	want := aligned(cells) + "(2 rows)\n"
	if got := b.String(); got != want {
		t.Errorf("table:\n got %q\nwant %q", got, want)
	}
}

func TestJSON(t *testing.T) {
	var b strings.Builder
	if err := JSON(&b, mixedTable()); err != nil {
		t.Fatal(err)
	}
	chn := `{"labels":["Entity","State"],"properties":{"name":"China","since":"2014-03-01"}}`
	prk := `{"labels":["Entity","State"],"properties":{"name":"North Korea"}}`
	ally := `{"properties":{"claims":2},"type":"ALLY_OF"}`
	want := `{"f":0.3333333333333333,"misc":{"l":[1,null,true],"when":"2026-12-05T23:09:47Z"},"n":` + chn +
		`,"none":null,"p":{"nodes":[` + chn + `,` + prk + `],"relationships":[` + ally + `]},"r":` + ally +
		`,"text":"a\tb ` + strings.Repeat("é", 120) + `"}` + "\n" +
		`{"f":2.5,"misc":[],"n":` + prk + `,"none":null,"p":null,"r":null,"text":"short"}` + "\n"
	if got := b.String(); got != want {
		t.Errorf("json:\n got %s\nwant %s", got, want)
	}
}

// A path draws its nodes and relationships.
func TestDotPath(t *testing.T) {
	var b strings.Builder
	if err := Dot(&b, mixedTable(), false); err != nil {
		t.Fatal(err)
	}
	want := `digraph kg {
  rankdir=LR;
  node [fontname="Helvetica"];
  edge [fontname="Helvetica", fontsize=10];
  "4:x:1" [label="China", shape=box];
  "4:x:2" [label="North Korea", shape=box];
  "4:x:1" -> "4:x:2" [label="ALLY_OF", dir=none];
}
`
	if got := b.String(); got != want {
		t.Errorf("dot:\n%s\nwant\n%s", got, want)
	}
}

// aligned lays out cells in columns two spaces apart, each as wide as its
// widest cell in characters; the last column is not padded.
func aligned(cells [][]string) string {
	widths := make([]int, len(cells[0]))
	for _, row := range cells {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	var b strings.Builder
	for _, row := range cells {
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(c))+2))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
