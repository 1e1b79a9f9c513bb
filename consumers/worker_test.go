package consumers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/semaphore"

	"github.com/newsgraph/kg/graphmodel"
)

// fakeGraph is a GraphWriter that refuses what a test tells it to.
type fakeGraph struct {
	mu      sync.Mutex
	calls   int
	written map[string]bool
	refuse  func(b *graphmodel.Batch, call int) error
}

func (g *fakeGraph) Write(_ context.Context, b *graphmodel.Batch, _ time.Time) (graphmodel.WriteStats, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.calls++
	if err := g.refuse(b, g.calls); err != nil {
		return graphmodel.WriteStats{}, err
	}
	for _, a := range b.Articles {
		g.written[a.ID] = true
	}
	return graphmodel.WriteStats{Articles: len(b.Articles)}, nil
}

// fakeDLQ records dead letters instead of producing them.
type fakeDLQ struct{ msgs []kafka.Message }

func (d *fakeDLQ) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	d.msgs = append(d.msgs, msgs...)
	return nil
}
func (d *fakeDLQ) Close() error { return nil }

func testWorker(g GraphWriter, dlq *fakeDLQ) *Worker {
	cfg := Config{Brokers: []string{"x"}, GroupID: "g", ArticlesTopic: "articles", RetryMaxBackoff: time.Millisecond}
	cfg.setDefaults()
	return &Worker{cfg: cfg, graph: g, dlq: dlq, m: newMetrics(prometheus.NewRegistry()),
		log: slog.New(slog.NewTextHandler(io.Discard, nil)), breaker: newBreaker(200, 0.5), writes: make(chan struct{}, cfg.WriteConcurrency),
		budget: semaphore.NewWeighted(cfg.memoryBudget()), builders: make(chan struct{}, 1), now: time.Now}
}

func sources(n int) []source {
	srcs := make([]source, n)
	for i := range srcs {
		id := fmt.Sprintf("a%02d", i)
		srcs[i] = source{id: id, msg: &kafka.Message{Key: []byte(id), Offset: int64(i)}, article: &graphmodel.Article{ID: id}}
	}
	return srcs
}

func has(b *graphmodel.Batch, id string) bool {
	for _, a := range b.Articles {
		if a.ID == id {
			return true
		}
	}
	return false
}

// A batch the graph rejects is bisected down to the message it refuses:
// that one is dead-lettered, every other one is written, in a number of
// writes logarithmic in the batch, not one per message.
func TestWriteSourcesIsolatesRejected(t *testing.T) {
	g := &fakeGraph{written: map[string]bool{}, refuse: func(b *graphmodel.Batch, _ int) error {
		if has(b, "a11") {
			return fmt.Errorf("%w: property too large to index", graphmodel.ErrRejected)
		}
		return nil
	}}
	dlq := &fakeDLQ{}
	w := testWorker(g, dlq)
	if err := w.writeSources(context.Background(), "articles", 0, sources(32)); err != nil {
		t.Fatal(err)
	}
	if len(dlq.msgs) != 1 || string(dlq.msgs[0].Key) != "a11" || dlq.msgs[0].Topic != "articles.dlq" {
		t.Fatalf("dead letters %v, want only a11 to articles.dlq", dlq.msgs)
	}
	if len(g.written) != 31 || g.written["a11"] {
		t.Errorf("written %d, want the 31 others", len(g.written))
	}
	if g.calls > 2*5+1 {
		t.Errorf("%d writes for 32 messages; bisection needs at most 11", g.calls)
	}
	if got := testutil.ToFloat64(w.m.deadLettered.WithLabelValues("graph-rejected")); got != 1 {
		t.Errorf("dead-letter metric %v, want 1", got)
	}
}

// A batch too big for one transaction is split until it fits; nothing is
// dead-lettered.
func TestWriteSourcesSplitsTooBig(t *testing.T) {
	g := &fakeGraph{written: map[string]bool{}, refuse: func(b *graphmodel.Batch, _ int) error {
		if len(b.Articles) > 4 {
			return fmt.Errorf("%w: transaction timed out", graphmodel.ErrTooBig)
		}
		return nil
	}}
	dlq := &fakeDLQ{}
	w := testWorker(g, dlq)
	if err := w.writeSources(context.Background(), "articles", 0, sources(20)); err != nil {
		t.Fatal(err)
	}
	if len(g.written) != 20 || len(dlq.msgs) != 0 {
		t.Errorf("written %d, dead-lettered %d; want 20 and 0", len(g.written), len(dlq.msgs))
	}
}

// Transient errors are retried on the same batch until it goes through;
// the worker is unready meanwhile and ready after.
func TestWriteSourcesRetriesTransient(t *testing.T) {
	g := &fakeGraph{written: map[string]bool{}, refuse: func(_ *graphmodel.Batch, call int) error {
		if call <= 3 {
			return fmt.Errorf("%w: deadlock", graphmodel.ErrTransient)
		}
		return nil
	}}
	w := testWorker(g, &fakeDLQ{})
	w.graphOK.Store(true)
	if err := w.writeSources(context.Background(), "articles", 0, sources(5)); err != nil {
		t.Fatal(err)
	}
	if g.calls != 4 || len(g.written) != 5 || !w.graphOK.Load() {
		t.Errorf("calls %d written %d ready %v; want 4, 5, true", g.calls, len(g.written), w.graphOK.Load())
	}
	if got := testutil.ToFloat64(w.m.retries.WithLabelValues("transient")); got != 3 {
		t.Errorf("retry metric %v, want 3", got)
	}
}

// Any other error is a bug: the worker stops instead of dead-lettering.
func TestWriteSourcesStopsOnUnknownError(t *testing.T) {
	boom := errors.New("Neo.ClientError.Schema.ConstraintValidationFailed")
	g := &fakeGraph{written: map[string]bool{}, refuse: func(*graphmodel.Batch, int) error { return boom }}
	dlq := &fakeDLQ{}
	err := testWorker(g, dlq).writeSources(context.Background(), "articles", 0, sources(3))
	if !errors.Is(err, boom) || len(dlq.msgs) != 0 {
		t.Errorf("got %v with %d dead letters; want the error and none", err, len(dlq.msgs))
	}
}

// A batch that breaks the graph model, as Store.Write finds with
// Batch.Validate before it opens a transaction, is bisected like one the
// database refuses: the message at fault is dead-lettered, the rest land,
// and the worker goes on.
func TestWriteSourcesIsolatesInvalid(t *testing.T) {
	g := &fakeGraph{written: map[string]bool{}, refuse: func(b *graphmodel.Batch, _ int) error { return b.Validate() }}
	dlq := &fakeDLQ{}
	w := testWorker(g, dlq)
	srcs := sources(16)
	// An entity whose key is over its cap, as the key function made it
	// before keys were bounded.
	srcs[5].article.Entities = []graphmodel.Entity{{Key: "org:" + strings.Repeat("a", 5005), Kind: graphmodel.KindOrganization, Name: "A"}}
	if err := w.writeSources(context.Background(), "articles", 0, srcs); err != nil {
		t.Fatalf("an invalid article stopped the partition: %v", err)
	}
	if len(dlq.msgs) != 1 || string(dlq.msgs[0].Key) != "a05" {
		t.Fatalf("dead letters %v, want only a05", dlq.msgs)
	}
	if got := header(dlq.msgs[0], hdrError); got != "graph-rejected" {
		t.Errorf("reason %q, want graph-rejected", got)
	}
	if len(g.written) != 15 {
		t.Errorf("written %d, want the 15 others", len(g.written))
	}
}

func header(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

// A fetch asks for what the rest of the batch takes, as the last batch
// measured its messages, within the room the batch has left.
func TestFetchBytes(t *testing.T) {
	w := &Worker{cfg: Config{BatchMaxMessages: 2000, BatchMaxBytes: 8 << 20}}
	for _, c := range []struct {
		name          string
		wire, n, size int
		want          int
	}{
		{"not measured yet", 0, 0, 0, 2000<<10 + 16<<10},
		{"small events", 400, 0, 0, 400*2000 + 16<<10},
		{"half a batch of small events", 400, 1000, 336 << 10, 400*1000 + 16<<10},
		{"large articles: the room left", 900 << 10, 1, 900 << 10, 8<<20 - 900<<10},
		{"no room left: one byte, the broker sends a record batch whole", 900 << 10, 9, 8 << 20, 1},
	} {
		r := &partitionReader{wireBytes: c.wire}
		if got := w.fetchBytes(r, c.n, c.size); got != c.want {
			t.Errorf("%s: got %d bytes, want %d", c.name, got, c.want)
		}
	}
}
