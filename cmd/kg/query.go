package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/graphmodel/neo4jstore"
	"github.com/newsgraph/kg/render"
)

func queryCmd() *cobra.Command {
	var params []string
	var format string
	var timeout time.Duration
	var relatedOnly bool
	cmd := &cobra.Command{
		Use:   "query CYPHER|-",
		Short: "Run a read-only Cypher query and print the result",
		Long: `Run a Cypher query in a read-only transaction (a query that writes fails) and print
the result as an aligned table or as JSON Lines. "kg query -" reads the query from
standard input.

Pass values with --param and use them as $name: values never belong inside the query
text. --param name=value passes the string "value"; --param name:=JSON passes a typed
value written as JSON, as cypher-shell's :param does: -p n:=10 (an integer, for
LIMIT $n), -p ratio:=0.5, -p ok:=true, -p isos:='["CHN","PRK"]', -p m:='{"a":1}'.

Dates and times print in ISO 8601 (2026-12-05T23:09:47Z, 2014-03-01) in every format.
A node prints as {"labels", "properties"}, a relationship as {"type", "properties"} and
a path as {"nodes", "relationships"}, in JSON and in a table's cells alike.
What Neo4j says about the query (a label, relationship type or property key the
database has never seen, a cartesian product, a deprecated feature) is printed to
standard error: a misspelled label returns no rows, and this says why.

The query reads the graph and nothing else. kg refuses, before sending it, a query that uses
LOAD CSV, TERMINATE TRANSACTIONS, a function outside Neo4j's built-in ones, or CALLs a
procedure other than these read-only ones:
` + wrap(strings.Join(neo4jstore.AllowedProcedures, ", "), "  ", 92) + `
(SHOW commands and CALL { subqueries } are fine). The Neo4j configurations in deploy/ also
forbid LOAD CSV from files and from any network address.

--timeout bounds the query: Neo4j ends its transaction then, and kg stops waiting a few
seconds later. Ctrl-C (SIGINT) or SIGTERM cancels the query at once, also while Neo4j does
not answer; a second one ends kg without waiting.`,
		Example: `  kg query 'MATCH (:State {iso3: $iso})-[:ALLY_OF]-(x) RETURN x.name' --param iso=CHN
  kg query 'MATCH (c:Claim) RETURN c.occurred_at, c.type LIMIT $n' -p n:=5 --format json
  echo 'MATCH (s:State) WHERE s.iso3 IN $isos RETURN s.name' | kg query - -p isos:='["CHN","PRK"]'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := parseParams(params)
			if err != nil {
				return err
			}
			cypher := args[0]
			if cypher == "-" {
				b, err := io.ReadAll(cmd.InOrStdin())
				if err != nil {
					return fmt.Errorf("reading the query from standard input: %w", err)
				}
				cypher = string(b)
			}
			if strings.TrimSpace(cypher) == "" {
				return errors.New("empty query")
			}
			// Refused before connecting: no round trip for a query that is never sent.
			if err := neo4jstore.Confine(cypher); err != nil {
				return err
			}
			if timeout <= 0 {
				return fmt.Errorf("--timeout %s: want a positive duration", timeout)
			}
			if _, err := outputFormat(format, relatedOnly); err != nil {
				return err
			}
			if relatedOnly && format != "dot" {
				return fmt.Errorf("--related-only is for --format dot")
			}
			s, err := loadSetup(cmd)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			store, err := s.openStore(ctx)
			if err != nil {
				return cancelled(ctx, err)
			}
			defer store.Close(ctx)
			return runQuery(ctx, store, cypher, p, timeout, format, relatedOnly, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringArrayVarP(&params, "param", "p", nil, "query parameter: name=string or name:=JSON (repeatable)")
	cmd.Flags().DurationVar(&timeout, "timeout", 60*time.Second, "stop the query after this long (the server ends its transaction)")
	cmd.Flags().StringVar(&format, "format", "table", "output: table, json (JSON Lines) or dot (Graphviz: the nodes, relationships and paths returned)")
	cmd.Flags().BoolVar(&relatedOnly, "related-only", false, "with --format dot: leave out the nodes that no relationship in the result touches")
	return cmd
}

// runQuery runs one confined query and prints its result to out and the
// server's notices to errOut.
func runQuery(ctx context.Context, store *neo4jstore.Store, cypher string, params map[string]any, timeout time.Duration, format string, relatedOnly bool, out, errOut io.Writer) error {
	write, err := outputFormat(format, relatedOnly)
	if err != nil {
		return err
	}
	t, err := store.ConfinedQuery(ctx, cypher, params, timeout)
	if errors.Is(err, neo4jstore.ErrTimedOut) {
		return fmt.Errorf("%w (raise --timeout for a longer query)", err)
	}
	if err != nil {
		return cancelled(ctx, err)
	}
	err = write(out, t)
	// After the rows, where "(0 rows)" leaves one asking why.
	for _, n := range t.Notices {
		fmt.Fprintf(errOut, "kg: %s\n", n)
	}
	return err
}

func outputFormat(format string, relatedOnly bool) (func(io.Writer, neo4jstore.Table) error, error) {
	switch format {
	case "table":
		return render.Table, nil
	case "json":
		return render.JSON, nil
	case "dot":
		return func(w io.Writer, t neo4jstore.Table) error { return render.Dot(w, t, relatedOnly) }, nil
	}
	return nil, fmt.Errorf("--format %q: want table, json or dot", format)
}

// errCancelled is the error of a query stopped by SIGINT or SIGTERM.
var errCancelled = errors.New("query cancelled")

// cancelled says so when err came from ctx being cancelled (a signal)
// rather than from the server.
func cancelled(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return fmt.Errorf("%w: %w", errCancelled, err)
	}
	return err
}

// parseParams reads --param values: name=value is the string value,
// name:=JSON a typed one (see parseJSONParam).
func parseParams(kvs []string) (map[string]any, error) {
	p := make(map[string]any, len(kvs))
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || k == ":" {
			return nil, fmt.Errorf("--param %q: want name=string or name:=JSON", kv)
		}
		if name, typed := strings.CutSuffix(k, ":"); typed {
			val, err := parseJSONParam(v)
			if err != nil {
				return nil, fmt.Errorf("--param %s: %w", name, err)
			}
			p[name] = val
			continue
		}
		p[k] = v
	}
	return p, nil
}

// parseJSONParam reads one JSON value as the Cypher value it stands for:
// a whole number is an INTEGER (int64), any other number a FLOAT, an array
// a LIST and an object a MAP, so LIMIT $n and x IN $list work.
func parseJSONParam(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("%q is not a JSON value: %w", s, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%q holds more than one JSON value", s)
	}
	return cypherValue(v)
}

func cypherValue(v any) (any, error) {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(x.String(), 10, 64); err == nil {
			return i, nil
		}
		if !strings.ContainsAny(x.String(), ".eE") {
			return nil, fmt.Errorf("%s does not fit a 64-bit integer", x)
		}
		return x.Float64()
	case []any:
		out := make([]any, len(x))
		for i := range x {
			var err error
			if out[i], err = cypherValue(x[i]); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			var err error
			if out[k], err = cypherValue(e); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return v, nil // string, bool or nil
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

// clip shortens s to n characters (render.Clip), for the commands that
// print one line per message.
