// Package retry tries an operation again while it fails in a way that may
// pass: a Kafka or Neo4j that is down, a language parser that is busy. It
// waits between tries, doubling the wait up to a cap, for as long as a
// context lasts or a number of tries allows, and lets the caller see each
// failure before the wait, for its logs, metrics and health signals.
package retry

import (
	"context"
	"math/rand/v2"
	"time"
)

// Policy says how long to wait between tries and how often to try.
type Policy struct {
	// First is the wait after the first failure; each later wait is twice
	// the one before, up to Max.
	First time.Duration
	// Max caps the wait; below First (or zero) every wait is First.
	Max time.Duration
	// Tries bounds the tries in all; zero tries until the context ends.
	Tries int
	// Jitter draws each wait at random between half of it and all of it,
	// so that clients which failed together do not retry in step.
	Jitter bool
}

// Wait is the wait after the nth consecutive failure (n from 1), before
// jitter.
func (p Policy) Wait(n int) time.Duration {
	d := p.First
	for i := 1; i < n && d < p.Max; i++ {
		d *= 2
	}
	return min(d, max(p.Max, p.First))
}

// Stop marks an error that another try cannot mend: when try returns
// Stop(err), Do returns err without trying again. Stop(nil) is nil.
func Stop(err error) error {
	if err == nil {
		return nil
	}
	return &stopError{err}
}

type stopError struct{ err error }

func (e *stopError) Error() string { return e.err.Error() }
func (e *stopError) Unwrap() error { return e.err }

// Do calls try until it returns nil, returns an error marked with Stop,
// has been called p.Tries times, or ctx ends. Before each wait it calls
// notify, when not nil, with the error, the number of the try that failed
// (from 1) and the wait; notify is not called when no further try follows.
//
// Do returns nil or try's last error, unmarked; when ctx ends during a
// wait, it returns ctx.Err(). It never tries after ctx has ended: a try
// that fails once ctx is done is the last.
func Do(ctx context.Context, p Policy, try func() error, notify func(err error, try int, wait time.Duration)) error {
	for n := 1; ; n++ {
		err := try()
		if err == nil {
			return nil
		}
		if se, ok := err.(*stopError); ok {
			return se.err
		}
		if ctx.Err() != nil || (p.Tries > 0 && n >= p.Tries) {
			return err
		}
		wait := p.Wait(n)
		if p.Jitter {
			wait = wait/2 + rand.N(wait/2+1)
		}
		if notify != nil {
			notify(err, n, wait)
		}
		if !Sleep(ctx, wait) {
			return ctx.Err()
		}
	}
}

// Sleep waits d or until ctx ends, and reports whether it waited d.
func Sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
