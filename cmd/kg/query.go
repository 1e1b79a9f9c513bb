package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/graphmodel/neo4jstore"
)

func queryCmd() *cobra.Command {
	var params []string
	var format string
	var timeout time.Duration
	var relatedOnly bool
	cmd := &cobra.Command{
		Use:   "query CYPHER",
		Short: "Run a read-only Cypher query and print the result",
		Long: `Run a Cypher query in a read-only transaction (a query that writes fails) and print
the result as an aligned table or as JSON Lines. Pass values with --param name=value and use
them as $name: values never belong inside the query text.

The query reads the graph and nothing else. kg refuses, before sending it, a query that uses
LOAD CSV, TERMINATE TRANSACTIONS, a function outside Neo4j's built-in ones, or CALLs a
procedure other than these read-only ones:
` + wrap(strings.Join(neo4jstore.AllowedProcedures, ", "), "  ", 92) + `
(SHOW commands and CALL { subqueries } are fine). The Neo4j configurations in deploy/ also
forbid LOAD CSV from files and from any network address.

--timeout bounds the query: Neo4j ends its transaction then, and kg stops waiting a few
seconds later.`,
		Example: `  kg query 'MATCH (:State {iso3: $iso})-[:ALLY_OF]-(x) RETURN x.name' --param iso=CHN`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := make(map[string]any, len(params))
			for _, kv := range params {
				k, v, ok := strings.Cut(kv, "=")
				if !ok || k == "" {
					return fmt.Errorf("--param %q: want name=value", kv)
				}
				p[k] = v
			}
			// Refused before connecting: no round trip for a query that is never sent.
			if err := neo4jstore.Confine(args[0]); err != nil {
				return err
			}
			if timeout <= 0 {
				return fmt.Errorf("--timeout %s: want a positive duration", timeout)
			}
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			store, err := neo4jstore.Open(ctx, cfg.neo4j(), textLogger(slog.LevelInfo))
			if err != nil {
				return err
			}
			defer store.Close(ctx)
			t, err := store.ConfinedQuery(ctx, args[0], p, timeout)
			if errors.Is(err, neo4jstore.ErrTimedOut) {
				return fmt.Errorf("%w (raise --timeout for a longer query)", err)
			}
			if err != nil {
				return err
			}
			if relatedOnly && format != "dot" {
				return fmt.Errorf("--related-only is for --format dot")
			}
			switch format {
			case "table":
				return printTable(cmd.OutOrStdout(), t)
			case "json":
				return printJSON(cmd.OutOrStdout(), t)
			case "dot":
				return printDot(cmd.OutOrStdout(), t, relatedOnly)
			}
			return fmt.Errorf("--format %q: want table, json or dot", format)
		},
	}
	cmd.Flags().StringArrayVarP(&params, "param", "p", nil, "query parameter name=value (repeatable)")
	cmd.Flags().DurationVar(&timeout, "timeout", 60*time.Second, "stop the query after this long (the server ends its transaction)")
	cmd.Flags().StringVar(&format, "format", "table", "output: table, json (JSON Lines) or dot (Graphviz: the nodes, relationships and paths returned)")
	cmd.Flags().BoolVar(&relatedOnly, "related-only", false, "with --format dot: leave out the nodes that no relationship in the result touches")
	return cmd
}

// wrap breaks text at spaces into lines of at most width, each indented.
func wrap(text, indent string, width int) string {
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

func printTable(w io.Writer, t neo4jstore.Table) error {
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
			cells[i] = clip(strings.ReplaceAll(render(v), "\t", " "), maxCell)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(%d rows)\n", len(t.Rows))
	return err
}

// maxCell keeps a table readable; --format json prints values whole.
const maxCell = 100

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func printJSON(w io.Writer, t neo4jstore.Table) error {
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

// plain turns driver values into JSON-friendly ones.
func plain(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		return map[string]any{"labels": x.Labels, "properties": plainMap(x.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": x.Type, "properties": plainMap(x.Props)}
	case dbtype.Date:
		return x.String()
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = plain(x[i])
		}
		return out
	case map[string]any:
		return plainMap(x)
	case fmt.Stringer:
		return x.String()
	}
	return v
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = plain(v)
	}
	return out
}

func render(v any) string {
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
