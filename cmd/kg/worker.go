package main

import (
	"context"
	"fmt"
	"net"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/config"
	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/redact"
)

func workerCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "worker",
		Short: "Consume the article topic and write the graph",
		Long: `Consume the article topic in a consumer group and write what the articles assert to Neo4j.
Add replicas with the same KG_KAFKA_GROUP_ID to share the partitions. SIGTERM stops fetching,
finishes the batch in flight within KG_SHUTDOWN_TIMEOUT, and commits only what was written.

` + config.Usage(),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadSetup(cmd)
			if err != nil {
				return err
			}
			return runWorker(cmd.Context(), s)
		},
	}
}

func runWorker(ctx context.Context, s *setup) error {
	cfg, log := s.Config, s.log
	// Bind the ports first: a worker that cannot serve its health
	// endpoints must not run on unwatched.
	var httpLn, pprofLn net.Listener
	if cfg.HTTPAddr != "" {
		ln, err := net.Listen("tcp", cfg.HTTPAddr)
		if err != nil {
			return fmt.Errorf("KG_HTTP_ADDR %s: cannot serve metrics and health: %w", cfg.HTTPAddr, err)
		}
		defer ln.Close()
		httpLn = ln
	}
	if cfg.PProf {
		ln, err := net.Listen("tcp", cfg.PProfAddr)
		if err != nil {
			return fmt.Errorf("KG_PPROF_ADDR %s: cannot serve pprof: %w", cfg.PProfAddr, err)
		}
		defer ln.Close()
		pprofLn = ln
	}
	store, err := s.waitStore(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil // shut down before Neo4j answered: a clean stop
		}
		return err
	}
	defer store.Close(context.Background())
	if err := store.CheckSchema(ctx); err != nil {
		return err
	}
	x, err := cfg.Extractor()
	if err != nil {
		return err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	w, err := consumers.NewWorker(cfg.Consumers(), store, x, log, reg)
	if err != nil {
		return err
	}
	if httpLn != nil {
		stop := consumers.Serve(log, httpLn, consumers.OpsHandler(reg, w, store))
		defer stop()
	}
	if pprofLn != nil {
		stop := consumers.Serve(log, pprofLn, consumers.PProfHandler())
		defer stop()
	}
	log.Info("worker starting", "brokers", config.RedactAll(cfg.KafkaBrokers), "group", cfg.KafkaGroupID, "articles", cfg.ArticlesTopic,
		"events", cfg.EventsTopic, "neo4j", redact.URL(cfg.Neo4jURI), "parser", cfg.ParserLabel(), "extractor_version", x.Version())
	err = w.Run(ctx)
	log.Info("worker stopped", "err", err)
	return err
}
