package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/config"
	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
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
	w, err := consumers.NewWorker(consumers.Config{
		Brokers:            cfg.KafkaBrokers,
		GroupID:            cfg.KafkaGroupID,
		ArticlesTopic:      cfg.ArticlesTopic,
		EventsTopic:        cfg.EventsTopic,
		Security:           cfg.Security(),
		BatchMaxMessages:   cfg.BatchMaxMessages,
		BatchMaxBytes:      cfg.BatchMaxBytes,
		BatchLinger:        cfg.BatchLinger,
		WriteConcurrency:   cfg.WriteConcurrency,
		MaxMessageBytes:    cfg.MaxMessageBytes,
		DLQMaxShare:        cfg.DLQMaxShare,
		ShutdownTimeout:    cfg.ShutdownTimeout,
		SessionTimeout:     cfg.SessionTimeout,
		StallTimeout:       cfg.StallTimeout,
		DeadLetterMaxBytes: cfg.DeadLetterMaxBytes,
		// A partition extracts a request's worth more articles than the
		// client sends at once, so the next ones are ready to go.
		ParserConcurrency: 2 * cfg.ParserConcurrency,
	}, store, x, log, reg)
	if err != nil {
		return err
	}
	if httpLn != nil {
		stop := serve(log, httpLn, opsHandler(reg, w, store))
		defer stop()
	}
	if pprofLn != nil {
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
		stop := serve(log, pprofLn, mux)
		defer stop()
	}
	log.Info("worker starting", "brokers", config.RedactAll(cfg.KafkaBrokers), "group", cfg.KafkaGroupID, "articles", cfg.ArticlesTopic,
		"events", cfg.EventsTopic, "neo4j", redact.URL(cfg.Neo4jURI), "parser", cfg.ParserLabel(), "extractor_version", x.Version())
	err = w.Run(ctx)
	log.Info("worker stopped", "err", err)
	return err
}

// serve serves h on ln until the returned function shuts it down.
func serve(log *slog.Logger, ln net.Listener, h http.Handler) func() {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", "addr", ln.Addr().String(), "err", err)
		}
	}()
	return func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}
}

// opsHandler serves /metrics, /healthz (progress) and /readyz (Kafka and
// Neo4j reachable).
func opsHandler(reg *prometheus.Registry, w *consumers.Worker, store *neo4jstore.Store) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(rw http.ResponseWriter, r *http.Request) {
		if err := w.Healthy(); err != nil {
			http.Error(rw, err.Error(), http.StatusServiceUnavailable)
			return
		}
		rw.Write([]byte("ok\n"))
	})
	mux.HandleFunc("/readyz", func(rw http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		// The driver may block past the context while it dials a server
		// that is down; a probe must answer in time all the same.
		ping := make(chan error, 1)
		go func() { ping <- store.Ping(ctx) }()
		select {
		case err := <-ping:
			if err != nil {
				http.Error(rw, "neo4j unreachable", http.StatusServiceUnavailable)
				return
			}
		case <-ctx.Done():
			http.Error(rw, "neo4j unreachable: no answer in 3s", http.StatusServiceUnavailable)
			return
		}
		if err := w.Ready(ctx); err != nil {
			http.Error(rw, err.Error(), http.StatusServiceUnavailable)
			return
		}
		rw.Write([]byte("ok\n"))
	})
	return mux
}
