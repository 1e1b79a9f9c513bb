// Package neo4jstore writes graph batches to Neo4j. It is the only package
// that imports the Neo4j driver. Every write is an idempotent MERGE on a
// uniquely constrained key, every value reaches Cypher as a parameter, and
// labels and relationship types come from the fixed set of package
// graphmodel, so replaying a batch never changes the graph and no message
// can inject Cypher.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/redact"
	"github.com/newsgraph/kg/retry"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://, neo4j://, bolt+s:// or neo4j+s://
	User     string // empty for a server without authentication
	Password string
	Database string // passed on every session; empty means the server's default
	// MaxConnectionPoolSize bounds Bolt connections; 0 means the driver's default (100).
	MaxConnectionPoolSize int
}

// Store is a Neo4j database holding the graph.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	log    *slog.Logger
	states *knownStates // the states writes found in the graph
}

// OpenWhenUp is Open, waiting for Neo4j while ctx lasts: a worker started
// before its database is unready, not dead. It returns the last connection
// error when ctx ends first.
func OpenWhenUp(ctx context.Context, cfg Config, log *slog.Logger) (*Store, error) {
	var store *Store
	err := retry.Do(ctx, retry.Policy{First: time.Second, Max: 30 * time.Second}, func() error {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		var err error
		store, err = Open(cctx, cfg, log)
		return err
	}, func(err error, _ int, wait time.Duration) {
		log.Warn("neo4j not reachable; retrying", "neo4j", redact.URL(cfg.URI), "err", redact.URL(err.Error()), "backoff", wait)
	})
	return store, err
}

// Open connects to Neo4j and verifies that it answers.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*Store, error) {
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		if cfg.MaxConnectionPoolSize > 0 {
			c.MaxConnectionPoolSize = cfg.MaxConnectionPoolSize
		}
		c.SocketConnectTimeout = 5 * time.Second
		c.ConnectionAcquisitionTimeout = 30 * time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j driver for %s: %w", redact.URL(cfg.URI), err)
	}
	s := &Store{driver: driver, db: cfg.Database, log: log, states: newKnownStates()}
	ctx, cancel := cancellable(ctx)
	defer cancel()
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(ctx)
		return nil, fmt.Errorf("neo4j at %s: %w", redact.URL(cfg.URI), err)
	}
	return s, nil
}

// Close closes the driver's connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Ping reports whether the database answers a query now.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := cancellable(ctx)
	defer cancel()
	_, err := neo4j.ExecuteQuery(ctx, s.driver, "RETURN 1", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	return err
}

// cancellable returns ctx with a deadline, adding a distant one when ctx
// has none. The driver watches a context while it waits for the server only
// when the context has a deadline (its reads race ctx.Done() only then):
// without one, cancelling the context does not stop a wait on a server that
// accepted the connection but never answers (a frozen process, a stalled
// proxy), and kg query ignored Ctrl-C for as long as the server was stuck.
func cancellable(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithDeadline(ctx, time.Now().Add(farFuture))
}

// farFuture is a deadline that never fires in practice; it exists only to
// make the driver watch the context (see cancellable).
const farFuture = 100 * 365 * 24 * time.Hour

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode})
}

// Classify wraps err with the class its Neo4j status code belongs to.
// Errors of no class (a constraint violation, a syntax error: our bugs) are
// returned as they are, and the worker stops on them.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	// The driver gave up retrying within its budget: the errors it saw were
	// retryable, and the last one says which class the failure is in.
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		if n := len(limit.Errors); n > 0 {
			if c := Classify(limit.Errors[n-1]); errors.Is(c, graphmodel.ErrTooBig) {
				return fmt.Errorf("%w: %w", graphmodel.ErrTooBig, err)
			}
		}
		return fmt.Errorf("%w: %w", graphmodel.ErrTransient, err)
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch ne.Code {
		case "Neo.ClientError.Transaction.TransactionTimedOut",
			"Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
			"Neo.TransientError.General.TransactionOutOfMemoryError",
			"Neo.ClientError.General.TransactionOutOfMemoryError":
			return fmt.Errorf("%w: %w", graphmodel.ErrTooBig, err)
		case "Neo.ClientError.Statement.TypeError",
			"Neo.ClientError.Statement.ArgumentError",
			"Neo.ClientError.Statement.EntityNotFound",
			"Neo.ClientError.Request.Invalid",
			"Neo.ClientError.Request.InvalidFormat":
			return fmt.Errorf("%w: %w", graphmodel.ErrRejected, err)
		}
	}
	if neo4j.IsRetryable(err) || neo4j.IsConnectivityError(err) || errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("%w: %w", graphmodel.ErrTransient, err)
	}
	var ue *neo4j.UsageError
	if errors.As(err, &ue) {
		return err
	}
	if isPoolTimeout(err) {
		return fmt.Errorf("%w: %w", graphmodel.ErrTransient, err)
	}
	return err
}

func isPoolTimeout(err error) bool {
	var te *neo4j.ConnectivityError
	return errors.As(err, &te)
}
