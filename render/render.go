// Package render writes what kg prints for people and for other tools: the
// result of a query as an aligned table, as JSON Lines or as a Graphviz
// drawing; what kg extract finds, as JSON Lines or a drawing; the reports
// of kg publish, kg dlq and kg reprocess; the progress line of kg publish
// on a terminal; and kg --version. It reads the store's own values
// (neo4jstore.Node, Relationship, Path) and never the driver's.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/newsgraph/kg/graphmodel/neo4jstore"
)

// Table writes t as an aligned table: the column names, a rule under each,
// one line per row with every cell on one line and clipped to maxCell
// characters, and the number of rows.
func Table(w io.Writer, t neo4jstore.Table) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Columns, "\t"))
	rule := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rule[i] = strings.Repeat("-", len(c))
	}
	fmt.Fprintln(tw, strings.Join(rule, "\t"))
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = Clip(strings.ReplaceAll(cell(v), "\t", " "), maxCell)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(%d rows)\n", len(t.Rows))
	return err
}

// maxCell keeps a table readable; JSON prints values whole.
const maxCell = 100

// Clip shortens s to n characters, the last an ellipsis, when it is longer.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// JSON writes t as JSON Lines: one object per row, keyed by column. A node
// is {"labels", "properties"}, a relationship {"type", "properties"}, a
// path {"nodes", "relationships"}.
func JSON(w io.Writer, t neo4jstore.Table) error {
	enc := json.NewEncoder(w)
	for _, row := range t.Rows {
		obj := make(map[string]any, len(row))
		for i, v := range row {
			obj[t.Columns[i]] = plain(v)
		}
		if err := enc.Encode(obj); err != nil {
			return err
		}
	}
	return nil
}

// plain turns nodes, relationships and paths into JSON-friendly maps; the
// store gives every other value as JSON can write it (dates and times
// already in ISO 8601).
func plain(v any) any {
	switch x := v.(type) {
	case neo4jstore.Node:
		return plainNode(x)
	case neo4jstore.Relationship:
		return plainRel(x)
	case neo4jstore.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = plainNode(n)
		}
		rels := make([]any, len(x.Rels))
		for i, r := range x.Rels {
			rels[i] = plainRel(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = plain(x[i])
		}
		return out
	case map[string]any:
		return plainMap(x)
	}
	return v
}

func plainNode(n neo4jstore.Node) map[string]any {
	return map[string]any{"labels": n.Labels, "properties": plainMap(n.Props)}
}

func plainRel(r neo4jstore.Relationship) map[string]any {
	return map[string]any{"type": r.Type, "properties": plainMap(r.Props)}
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = plain(v)
	}
	return out
}

// cell writes one value for a table: null, a string as it is, a list, a
// map, a node, a relationship or a path as JSON, a float with three
// significant digits.
func cell(v any) string {
	switch x := plain(v).(type) {
	case nil:
		return "null"
	case string:
		return x
	case []any, map[string]any:
		b, _ := json.Marshal(x)
		return string(b)
	case float64:
		return fmt.Sprintf("%.3g", x)
	default:
		return fmt.Sprint(x)
	}
}

// Writer returns the writer of a query result in format: table, json or
// dot (relatedOnly leaves out the nodes no relationship touches).
func Writer(format string, relatedOnly bool) (func(io.Writer, neo4jstore.Table) error, error) {
	switch format {
	case "table":
		return Table, nil
	case "json":
		return JSON, nil
	case "dot":
		return func(w io.Writer, t neo4jstore.Table) error { return Dot(w, t, relatedOnly) }, nil
	}
	return nil, fmt.Errorf("--format %q: want table, json or dot", format)
}

// Wrap breaks text at spaces into lines of at most width, each indented.
func Wrap(text, indent string, width int) string {
	var b strings.Builder
	line := indent
	for _, w := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += w
	}
	b.WriteString(line)
	return b.String()
}
