// Command kg is the knowledge-graph pipeline for international-relations
// news: it publishes articles to Kafka, runs the workers that write them to
// Neo4j, extracts offline, manages the schema and queries the graph.
//
// Everything here is wiring: configuration, logging and clients. The work
// is done by packages ingest, graphmodel and consumers.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/redact"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first signal cancels ctx and every command winds down; the
	// default action is restored then, so a second one ends kg at once.
	go func() {
		<-ctx.Done()
		stop()
	}()
	if err := rootCmd().ExecuteContext(ctx); err != nil {
		// Errors may quote an address; a password written into one stays out.
		fmt.Fprintln(os.Stderr, "kg:", redact.URL(err.Error()))
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError is a command line that asks for something that cannot be:
// an unknown value, a malformed argument. kg exits with status 2 on it,
// apart from failures of the work itself (status 1).
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

func rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "kg",
		Short:         "Knowledge-graph ingestion for international-relations news",
		Long:          "kg turns news articles and event records into a Neo4j graph of states, people and\norganizations and the relations between them: ally-of, accused-of, requested-help-from.\n\nConfiguration comes from KG_* environment variables; `kg worker --help` lists them all.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildVersion(),
	}
	root.SetVersionTemplate("{{.Version}}")
	root.AddCommand(workerCmd(), publishCmd(), extractCmd(), schemaCmd(), queryCmd(), dlqCmd(), reprocessCmd(), benchCmd())
	return root
}
