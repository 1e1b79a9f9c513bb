package neo4jstore

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// retriesAtOnce bounds how often one transaction is retried at once, after
// a deadlock or a lost race to create an event, before the error goes to
// the caller's backoff.
const retriesAtOnce = 10

// inTx runs fn in a write transaction and commits it. A deadlock, the cost
// of concurrent writers that share hot entities, is retried at once after a
// pause of some tens of milliseconds, and counted; the driver's managed
// transactions would pause for seconds. So is a transaction that created
// an event another one committed after this one had read it absent
// (createEvents): run again, its read finds the event. Every other error
// is returned classified (see Classify), for the caller's backoff.
func inTx[T any](ctx context.Context, s *Store, fn func(tx runner) (T, error)) (res T, deadlocks int, err error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for try := 1; ; try++ {
		res, err = once(ctx, sess, fn)
		deadlock := isDeadlock(err)
		if !deadlock && !isLostCreate(err) || try > retriesAtOnce {
			return res, deadlocks, Classify(err)
		}
		if deadlock {
			deadlocks++
		}
		pause := time.Duration(try*(10+rand.IntN(40))) * time.Millisecond
		select {
		case <-ctx.Done():
			return res, deadlocks, Classify(err)
		case <-time.After(pause):
		}
	}
}

func once[T any](ctx context.Context, sess neo4j.SessionWithContext, fn func(tx runner) (T, error)) (T, error) {
	var zero T
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return zero, err
	}
	defer tx.Close(ctx) // rolls back unless committed
	res, err := fn(tx)
	if err != nil {
		return zero, err
	}
	if err := tx.Commit(ctx); err != nil {
		return zero, err
	}
	return res, nil
}

// runner runs statements in a transaction.
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

func isDeadlock(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne.Code == "Neo.TransientError.Transaction.DeadlockDetected"
}

// isLostCreate reports whether err is a unique constraint refusing a node
// that another transaction created first. Every statement but createEvents
// merges on the unique keys, so only it can see one.
func isLostCreate(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}
