package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
)

// Graphviz output: `kg query --format dot` draws the nodes, relationships
// and paths a query returns; `kg extract --format dot` draws what each
// article asserts. Pipe it to `dot -Tpng`.

// dotGraph collects nodes and edges, each once.
type dotGraph struct {
	nodes map[string]string // id -> label
	kinds map[string]string // id -> shape-deciding kind
	edges map[string][3]string
}

func newDotGraph() *dotGraph {
	return &dotGraph{nodes: map[string]string{}, kinds: map[string]string{}, edges: map[string][3]string{}}
}

func (g *dotGraph) node(id, label, kind string) {
	g.nodes[id] = label
	g.kinds[id] = kind
}

func (g *dotGraph) edge(from, to, label string) {
	g.edges[from+"\x00"+to+"\x00"+label] = [3]string{from, to, label}
}

var dotShapes = map[string]string{
	"State": "box", "Actor": "ellipse", "Organization": "hexagon", "Article": "note", "Event": "diamond", "Claim": "point",
}

func (g *dotGraph) write(w io.Writer) error {
	var b strings.Builder
	b.WriteString("digraph kg {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	ids := make([]string, 0, len(g.nodes))
	for id := range g.nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		shape := dotShapes[g.kinds[id]]
		if shape == "" {
			shape = "ellipse"
		}
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s];\n", dotQuote(id), dotQuote(g.nodes[id]), shape)
	}
	keys := make([]string, 0, len(g.edges))
	for k := range g.edges {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := g.edges[k]
		fmt.Fprintf(&b, "  %s -> %s [label=%s];\n", dotQuote(e[0]), dotQuote(e[1]), dotQuote(e[2]))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// dotQuote quotes a DOT ID: message content never breaks out of the string.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// printDot draws the nodes, relationships and paths in a query's rows;
// other values are ignored.
func printDot(w io.Writer, t neo4jstore.Table) error {
	g := newDotGraph()
	var add func(v any)
	add = func(v any) {
		switch x := v.(type) {
		case dbtype.Node:
			g.node(x.ElementId, nodeLabel(x), kindOf(x.Labels))
		case dbtype.Relationship:
			g.edge(x.StartElementId, x.EndElementId, x.Type)
		case dbtype.Path:
			for _, n := range x.Nodes {
				add(n)
			}
			for _, r := range x.Relationships {
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
		for _, id := range e[:2] {
			if _, ok := g.nodes[id]; !ok {
				g.node(id, id, "")
			}
		}
	}
	return g.write(w)
}

func kindOf(labels []string) string {
	for _, l := range labels {
		if l != "Entity" {
			return l
		}
	}
	return "Entity"
}

func nodeLabel(n dbtype.Node) string {
	for _, p := range []string{"name", "title", "id", "type", "key"} {
		if s, ok := n.Props[p].(string); ok && s != "" {
			return s
		}
	}
	return kindOf(n.Labels)
}

// drawArticle adds an article's entities and claims: entities by key, so
// that articles naming the same entity meet on one node.
func drawArticle(g *dotGraph, a graphmodel.Article) {
	names := map[string]string{}
	for _, e := range a.Entities {
		names[e.Key] = e.Name
		kind := map[graphmodel.Kind]string{graphmodel.KindState: "State", graphmodel.KindActor: "Actor",
			graphmodel.KindOrganization: "Organization"}[e.Kind]
		g.node(e.Key, e.Name, kind)
	}
	for _, c := range a.Claims {
		label := string(c.Type)
		if c.Charge != "" {
			label += ": " + clip(c.Charge, 40)
		}
		g.edge(c.Subject, c.Object, label)
	}
}
