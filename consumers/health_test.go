package consumers

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// The stall detector: a partition with lag that has not advanced for
// StallTimeout is stalled, named by /readyz and /healthz and flagged in
// kg_partition_stalled, whatever holds it up; lag is reported on every
// owned partition from the start, not only after a batch commits; an idle
// partition is never stalled, not even by the first message after a long
// quiet; and a partition the worker no longer owns leaves the series.
func TestStallDetector(t *testing.T) {
	w := testWorker(nil, &fakeDLQ{})
	w.cfg.StallTimeout = 2 * time.Minute
	w.graphOK.Store(true)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w.now = func() time.Time { return clock }
	ends := map[int][2]int64{0: {0, 10}, 1: {0, 0}}
	var endsErr error
	w.ends = func(_ context.Context, topic string, parts []int) (map[int][2]int64, error) {
		if topic != "articles" {
			t.Errorf("ends asked for topic %q", topic)
		}
		return ends, endsErr
	}
	stuck := w.partitionState("articles", 0, -2) // from the start: next unknown
	idle := w.partitionState("articles", 1, 0)

	w.measureLag(context.Background())
	if got := testutil.ToFloat64(w.m.lag.WithLabelValues("articles", "0")); got != 10 {
		t.Errorf("lag before any batch %v, want 10", got)
	}
	if got := testutil.ToFloat64(w.m.lag.WithLabelValues("articles", "1")); got != 0 {
		t.Errorf("idle partition's lag %v, want 0", got)
	}
	if err := w.Stalled(); err != nil {
		t.Errorf("stalled at once: %v", err)
	}

	clock = clock.Add(3 * time.Minute) // partition 0 holds a batch it cannot finish
	w.measureLag(context.Background())
	err := w.Stalled()
	if err == nil || !strings.Contains(err.Error(), "articles/0 (lag 10)") || strings.Contains(err.Error(), "articles/1") {
		t.Errorf("Stalled() = %v, want articles/0 alone", err)
	}
	if err := w.Ready(context.Background()); err == nil || !strings.Contains(err.Error(), "articles/0") {
		t.Errorf("Ready() = %v, want it to name articles/0", err)
	}
	if got := testutil.ToFloat64(w.m.stalled.WithLabelValues("articles", "0")); got != 1 {
		t.Errorf("kg_partition_stalled{0} = %v, want 1", got)
	}
	if got := testutil.ToFloat64(w.m.stalled.WithLabelValues("articles", "1")); got != 0 {
		t.Errorf("kg_partition_stalled{1} = %v, want 0", got)
	}

	// A message arrives on the partition that was idle for three minutes:
	// not stalled.
	ends[1] = [2]int64{0, 1}
	w.measureLag(context.Background())
	if err := w.Stalled(); err != nil && strings.Contains(err.Error(), "articles/1") {
		t.Errorf("a partition idle until now is stalled: %v", err)
	}

	// Kafka does not answer: the last figures stay.
	endsErr = errors.New("connection refused")
	w.measureLag(context.Background())
	if got := testutil.ToFloat64(w.m.lag.WithLabelValues("articles", "0")); got != 10 {
		t.Errorf("lag after a failed measurement %v, want the last, 10", got)
	}
	endsErr = nil

	// The batch goes through: progress clears the stall.
	stuck.progressed(clock, 10, 0)
	ends[0] = [2]int64{0, 10}
	w.measureLag(context.Background())
	if err := w.Stalled(); err != nil {
		t.Errorf("after progress Stalled() = %v", err)
	}

	// A partition taken away leaves the series.
	w.dropPartition(idle)
	if n := testutil.CollectAndCount(w.m.lag); n != 1 {
		t.Errorf("%d lag series after dropping a partition, want 1", n)
	}
}
