package consumers

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Serve serves h on ln until the returned function shuts it down.
func Serve(log *slog.Logger, ln net.Listener, h http.Handler) func() {
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

// Pinger is the graph store as /readyz sees it: reachable or not.
type Pinger interface {
	Ping(ctx context.Context) error
}

// OpsHandler serves /metrics, /healthz (progress) and /readyz (Kafka and
// Neo4j reachable) of the worker w, whose store is store.
func OpsHandler(reg *prometheus.Registry, w *Worker, store Pinger) *http.ServeMux {
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

// PProfHandler serves /debug/pprof/, for profiling the worker.
func PProfHandler() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}
