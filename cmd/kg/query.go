package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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
` + render.Wrap(strings.Join(neo4jstore.AllowedProcedures, ", "), "  ", 92) + `
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
			p, err := neo4jstore.ParseParams(params)
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
			if _, err := render.Writer(format, relatedOnly); err != nil {
				return err
			}
			if relatedOnly && format != "dot" {
				return fmt.Errorf("--related-only is for --format dot")
			}
			ctx := cmd.Context()
			_, store, err := setupStore(cmd)
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
	write, err := render.Writer(format, relatedOnly)
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
