package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
)

// Graphviz output: `kg query --format dot` draws the nodes, relationships
// and paths a query returns; `kg extract --format dot` draws what each
// article asserts. Pipe it to `dot -Tpng`.

// Graph collects nodes and edges, each once, for a Graphviz drawing.
type Graph struct {
	nodes map[string]string // id -> label
	kinds map[string]string // id -> shape-deciding kind
	edges map[string]edge
}

// edge is an arrow from one node to another, or, for a symmetric
// relation (ally-of), a line between them.
type edge struct {
	from, to, label string
	undirected      bool
}

// NewGraph returns an empty drawing.
func NewGraph() *Graph {
	return &Graph{nodes: map[string]string{}, kinds: map[string]string{}, edges: map[string]edge{}}
}

func (g *Graph) node(id, label, kind string) {
	g.nodes[id] = label
	g.kinds[id] = kind
}

// edge adds an edge once. An undirected edge is drawn once per pair,
// whichever way round it was given.
func (g *Graph) edge(from, to, label string, undirected bool) {
	if undirected && to < from {
		from, to = to, from
	}
	g.edges[from+"\x00"+to+"\x00"+label] = edge{from: from, to: to, label: label, undirected: undirected}
}

// DropUnrelated removes the nodes that no edge touches: in a drawing of
// relations, the entities merely mentioned are noise.
func (g *Graph) DropUnrelated() {
	related := map[string]bool{}
	for _, e := range g.edges {
		related[e.from], related[e.to] = true, true
	}
	for id := range g.nodes {
		if !related[id] {
			delete(g.nodes, id)
			delete(g.kinds, id)
		}
	}
}

var shapes = map[string]string{
	"State": "box", "Actor": "ellipse", "Organization": "hexagon", "Article": "note", "Event": "diamond", "Claim": "point",
}

// Write writes the drawing in the DOT language, nodes and edges sorted so
// that the same graph is the same text.
func (g *Graph) Write(w io.Writer) error {
	var b strings.Builder
	b.WriteString("digraph kg {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	ids := make([]string, 0, len(g.nodes))
	for id := range g.nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		shape := shapes[g.kinds[id]]
		if shape == "" {
			shape = "ellipse"
		}
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s];\n", quote(id), quote(g.nodes[id]), shape)
	}
	keys := make([]string, 0, len(g.edges))
	for k := range g.edges {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := g.edges[k]
		dir := ""
		if e.undirected {
			dir = ", dir=none"
		}
		fmt.Fprintf(&b, "  %s -> %s [label=%s%s];\n", quote(e.from), quote(e.to), quote(e.label), dir)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// quote quotes a DOT ID: message content never breaks out of the string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// Dot draws the nodes, relationships and paths in a query's rows; other
// values are ignored. relatedOnly leaves out the nodes that no
// relationship in the result touches.
func Dot(w io.Writer, t neo4jstore.Table, relatedOnly bool) error {
	g := NewGraph()
	var add func(v any)
	add = func(v any) {
		switch x := v.(type) {
		case neo4jstore.Node:
			g.node(x.ID, nodeLabel(x), kindOf(x.Labels))
		case neo4jstore.Relationship:
			g.edge(x.Start, x.End, x.Type, symmetricEdge(x.Type))
		case neo4jstore.Path:
			for _, n := range x.Nodes {
				add(n)
			}
			for _, r := range x.Rels {
				add(r)
			}
		case []any:
			for _, y := range x {
				add(y)
			}
		}
	}
	for _, row := range t.Rows {
		for _, v := range row {
			add(v)
		}
	}
	// A relationship whose end points the query did not return still
	// gets nodes, named by their element ids.
	for _, e := range g.edges {
		for _, id := range []string{e.from, e.to} {
			if _, ok := g.nodes[id]; !ok {
				g.node(id, id, "")
			}
		}
	}
	if relatedOnly {
		g.DropUnrelated()
	}
	return g.Write(w)
}

// symmetricEdge reports whether relationships of type typ are the summary
// edge of a symmetric relation: ALLY_OF is stored one way round but means
// both.
func symmetricEdge(typ string) bool {
	for _, t := range graphmodel.RelTypes {
		if t.EdgeType() == typ {
			return t.Symmetric()
		}
	}
	return false
}

func kindOf(labels []string) string {
	for _, l := range labels {
		if l != "Entity" {
			return l
		}
	}
	return "Entity"
}

func nodeLabel(n neo4jstore.Node) string {
	for _, p := range []string{"name", "title", "id", "type", "key"} {
		if s, ok := n.Props[p].(string); ok && s != "" {
			return s
		}
	}
	return kindOf(n.Labels)
}

// Article adds an article's entities and claims: entities by key, so that
// articles naming the same entity meet on one node.
func (g *Graph) Article(a graphmodel.Article) {
	for _, e := range a.Entities {
		kind := map[graphmodel.Kind]string{graphmodel.KindState: "State", graphmodel.KindActor: "Actor",
			graphmodel.KindOrganization: "Organization"}[e.Kind]
		g.node(e.Key, e.Name, kind)
	}
	for _, c := range a.Claims {
		label := string(c.Type)
		if c.Charge != "" {
			label += ": " + Clip(c.Charge, 40)
		}
		g.edge(c.Subject, c.Object, label, c.Type.Symmetric())
	}
}
