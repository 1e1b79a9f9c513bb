package consumers

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sort"
	"strings"
	"sync"
	"time"
)

// breaker trips when more than maxShare of the last window messages were
// dead-lettered.
type breaker struct {
	mu       sync.Mutex
	window   []bool // true: dead-lettered
	next     int
	full     bool
	maxShare float64
}

func newBreaker(window int, maxShare float64) *breaker {
	return &breaker{window: make([]bool, window), maxShare: maxShare}
}

// record adds total messages of which bad were dead-lettered, and reports
// whether the breaker is still closed. It judges only once it has seen a
// minimum of messages, so one bad message at start-up does not trip it.
func (b *breaker) record(total, bad int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := 0; i < total; i++ {
		b.window[b.next] = i < bad
		b.next++
		if b.next == len(b.window) {
			b.next, b.full = 0, true
		}
	}
	n := b.next
	if b.full {
		n = len(b.window)
	}
	if n < min(len(b.window), 20) {
		return true
	}
	failed := 0
	for i := 0; i < n; i++ {
		if b.window[i] {
			failed++
		}
	}
	return float64(failed) <= b.maxShare*float64(n)
}

// partitionState tracks a partition's progress for /healthz.
type partitionState struct {
	mu   sync.Mutex
	lag  int64
	last time.Time
}

func (p *partitionState) progressed(now time.Time, lag int64) {
	p.mu.Lock()
	p.lag, p.last = lag, now
	p.mu.Unlock()
}

func (w *Worker) partitionState(topic string, partition int) *partitionState {
	key := fmt.Sprintf("%s/%d", topic, partition)
	v, _ := w.progress.LoadOrStore(key, &partitionState{last: w.now()})
	return v.(*partitionState)
}

// Healthy returns an error naming the partitions that have lag but have not
// progressed within StallTimeout: the worker is alive but stuck.
func (w *Worker) Healthy() error {
	now := w.now()
	var stuck []string
	w.progress.Range(func(k, v any) bool {
		p := v.(*partitionState)
		p.mu.Lock()
		if p.lag > 0 && now.Sub(p.last) > w.cfg.StallTimeout {
			stuck = append(stuck, k.(string))
		}
		p.mu.Unlock()
		return true
	})
	if len(stuck) > 0 {
		sort.Strings(stuck)
		return fmt.Errorf("no progress for %s on %s", w.cfg.StallTimeout, strings.Join(stuck, ", "))
	}
	return nil
}

// Ready returns an error when Kafka cannot be reached or the graph is
// failing. A graph outage makes the worker unready, not dead: it keeps
// retrying and becomes ready again by itself.
func (w *Worker) Ready(ctx context.Context) error {
	if !w.graphOK.Load() {
		return errors.New("graph writes are failing")
	}
	if !w.parserOK.Load() {
		return errors.New("language parser unreachable: extraction is waiting")
	}
	var lastErr error
	for _, b := range w.cfg.Brokers {
		conn, err := w.dialer.DialContext(ctx, "tcp", b)
		if err == nil {
			conn.Close()
			return nil
		}
		lastErr = err
	}
	var ne net.Error
	if errors.As(lastErr, &ne) {
		return fmt.Errorf("kafka unreachable: %v", ne)
	}
	return fmt.Errorf("kafka unreachable: %w", lastErr)
}
