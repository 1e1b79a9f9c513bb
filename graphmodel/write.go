package graphmodel

import "errors"

// WriteStats says what one batch write did.
type WriteStats struct {
	Articles      int // article versions written
	Retracted     int // tombstones applied
	Events        int // event records written (new or changed)
	Skipped       int // versions older than, or identical to, what the graph holds
	ClaimsCreated int
	ClaimsDeleted int
	// Added and Removed count the claims created and deleted, by relation
	// type: what reprocessing reports.
	Added, Removed map[RelType]int
	// Deadlocks counts the times the transaction was retried after a
	// deadlock before it succeeded.
	Deadlocks int
}

// Count adds n to m[t], making m when it is nil.
func Count(m *map[RelType]int, t RelType, n int) {
	if *m == nil {
		*m = make(map[RelType]int)
	}
	(*m)[t] += n
}

// Error classes of a failed write. A graph writer wraps its errors with one
// of them so that the caller can steer: back off, split, or dead-letter.
// An error of no class is a bug, and the worker stops on it.
var (
	// ErrTransient: the database is unavailable, a deadlock or leader
	// switch aborted the transaction, or memory ran short. The same batch
	// may succeed later.
	ErrTransient = errors.New("transient graph error")
	// ErrTooBig: the transaction timed out or exceeded its memory limit.
	// Smaller batches may succeed.
	ErrTooBig = errors.New("transaction too big")
	// ErrRejected: the database rejected a value of the batch. Retrying the
	// same data cannot succeed.
	ErrRejected = errors.New("graph rejected the data")
)
