package consumers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"testing"

	"github.com/segmentio/kafka-go"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

func msg(offset int64, key, value string) kafka.Message {
	m := kafka.Message{Offset: offset, Key: []byte(key)}
	if value != "" {
		m.Value = []byte(value)
	}
	return m
}

func article(id, updated, text string) string {
	if updated == "" {
		return fmt.Sprintf(`{"id": %q, "text": %q}`, id, text)
	}
	return fmt.Sprintf(`{"id": %q, "text": %q, "updated_at": %q}`, id, text, updated)
}

func TestBuildBatch(t *testing.T) {
	x := ingest.NewExtractor(nil)
	tests := []struct {
		name        string
		msgs        []kafka.Message
		articles    map[string]string // id -> text of the version that must win
		retractions []string
		dead        []ingest.Reason
	}{
		{
			name:     "one article",
			msgs:     []kafka.Message{msg(0, "a", article("a", "", "v1"))},
			articles: map[string]string{"a": "v1"},
		},
		{
			name:     "later offset wins without revisions",
			msgs:     []kafka.Message{msg(0, "a", article("a", "", "v1")), msg(1, "a", article("a", "", "v2"))},
			articles: map[string]string{"a": "v2"},
		},
		{
			name: "newer revision wins over later offset",
			msgs: []kafka.Message{
				msg(0, "a", article("a", "2020-01-02T00:00:00Z", "v2")),
				msg(1, "a", article("a", "2020-01-01T00:00:00Z", "v1")),
			},
			articles: map[string]string{"a": "v2"},
		},
		{
			name:        "tombstone after a version retracts",
			msgs:        []kafka.Message{msg(0, "a", article("a", "", "v1")), msg(1, "a", "")},
			retractions: []string{"a"},
		},
		{
			name:     "version after a tombstone wins",
			msgs:     []kafka.Message{msg(0, "a", ""), msg(1, "a", article("a", "", "v3"))},
			articles: map[string]string{"a": "v3"},
		},
		{
			name: "a stale copy after a tombstone stays retracted",
			msgs: []kafka.Message{
				msg(0, "a", article("a", "2020-01-01T00:00:00Z", "v1")),
				msg(1, "a", article("a", "2020-01-02T00:00:00Z", "v2")),
				msg(2, "a", ""),
				msg(3, "a", article("a", "2020-01-01T00:00:00Z", "v1")),
			},
			retractions: []string{"a"},
		},
		{
			name: "a newer version after a tombstone brings the article back",
			msgs: []kafka.Message{
				msg(0, "a", article("a", "2020-01-02T00:00:00Z", "v2")),
				msg(1, "a", ""),
				msg(2, "a", article("a", "2020-01-03T00:00:00Z", "v3")),
			},
			articles: map[string]string{"a": "v3"},
		},
		{
			name: "malformed messages are dead letters, others go on",
			msgs: []kafka.Message{
				msg(0, "a", article("a", "", "v1")), msg(1, "b", `{"id": "b"`), msg(2, "c", `{"id": "c"}`),
				msg(3, "", ""), msg(4, "d", article("d", "", "v1")),
			},
			articles: map[string]string{"a": "v1", "d": "v1"},
			dead:     []ingest.Reason{ingest.ReasonNotJSON, ingest.ReasonMissingField, ingest.ReasonMissingField},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcs, dead, _, err := buildBatch(context.Background(), x, articleTopic, tt.msgs, 0, 1)
			if err != nil {
				t.Fatal(err)
			}
			b := batchOf(srcs)
			if err := b.Validate(); err != nil {
				t.Fatalf("batch invalid: %v", err)
			}
			got := map[string]string{}
			for _, s := range srcs {
				if !s.tombstone {
					var m struct{ Text string }
					m.Text = textOf(t, s.msg.Value)
					got[s.id] = m.Text
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(nonNilMap(tt.articles)) {
				t.Errorf("articles %v, want %v", got, tt.articles)
			}
			if fmt.Sprint(b.Retractions) != fmt.Sprint(tt.retractions) {
				t.Errorf("retractions %v, want %v", b.Retractions, tt.retractions)
			}
			var reasons []ingest.Reason
			for _, d := range dead {
				reasons = append(reasons, d.reason)
			}
			if fmt.Sprint(reasons) != fmt.Sprint(tt.dead) {
				t.Errorf("dead letters %v, want %v", reasons, tt.dead)
			}
		})
	}
}

func textOf(t *testing.T, value []byte) string {
	m, err := ingest.DecodeArticle(nil, value, 0)
	if err != nil {
		t.Fatal(err)
	}
	return m.Text
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// An event batch keeps the newest version of each id, in the order the
// ids first came, and any run of its sources makes a batch of exactly
// their events, as the writer's bisection takes them.
func TestBuildEventBatch(t *testing.T) {
	event := func(id, cameo string) string {
		return fmt.Sprintf(`{"id": %q, "cameo": %q, "occurred_at": "2018-03-26", "subject": {"code": "USAGOV"}, "object": {"code": "CHN"}}`, id, cameo)
	}
	msgs := []kafka.Message{
		msg(0, "e1", event("e1", "042")), msg(1, "e2", event("e2", "043")), msg(2, "bad", `{"id": "bad"}`),
		msg(3, "e1", event("e1", "0231")), msg(4, "e3", event("e3", "112")), msg(5, "e2", event("e2", "044")),
	}
	srcs, dead, _, err := buildBatch(context.Background(), ingest.NewExtractor(nil), eventTopic, msgs, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].msg.Offset != 2 {
		t.Errorf("dead letters %+v, want offset 2", dead)
	}
	want := []string{"e1 0231 3", "e2 044 5", "e3 112 4"}
	for _, run := range [][2]int{{0, 3}, {0, 1}, {1, 3}, {2, 3}} {
		sub := srcs[run[0]:run[1]]
		b := batchOf(sub)
		var got []string
		for i, ev := range b.Events {
			got = append(got, fmt.Sprintf("%s %s %d", ev.ID, ev.CAMEO, sub[i].msg.Offset))
		}
		if fmt.Sprint(got) != fmt.Sprint(want[run[0]:run[1]]) {
			t.Errorf("sources %d to %d: events %q, want %q", run[0], run[1], got, want[run[0]:run[1]])
		}
		if err := b.Validate(); err != nil {
			t.Errorf("sources %d to %d: %v", run[0], run[1], err)
		}
	}
}

// A partition's buffers serve batch after batch: each batch built in them
// is the batch buildBatch builds anew, and reset leaves nothing of the
// last batch's messages in them.
func TestBatchBuffersReused(t *testing.T) {
	event := func(id, cameo string) string {
		return fmt.Sprintf(`{"id": %q, "cameo": %q, "occurred_at": "2018-03-26", "subject": {"code": "USAGOV", "name": "x%s"}, "object": {"code": "CHN"}}`, id, cameo, id)
	}
	var batches [][]kafka.Message
	for b, n := range []int{3, 40, 7, 40} { // the second outgrows the first's slabs
		var msgs []kafka.Message
		for i := range n {
			id := fmt.Sprintf("e%d-%d", b, i%(n-1)) // one id twice: a version superseded
			msgs = append(msgs, msg(int64(i), id, event(id, []string{"042", "0231", "112"}[i%3])))
		}
		batches = append(batches, msgs)
	}
	batches = append(batches, []kafka.Message{msg(0, "a1", `{"id": "a1", "text": "China and Russia are allies."}`)})
	x := ingest.NewExtractor(nil)
	bufs := new(batchBuffers)
	for i, msgs := range batches {
		k := eventTopic
		if i == len(batches)-1 {
			k = articleTopic
		}
		got, _, _, err := bufs.build(context.Background(), x, k, msgs, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		want, _, _, err := buildBatch(context.Background(), x, k, msgs, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(batchOf(got), batchOf(want)) {
			t.Errorf("batch %d built in reused buffers:\n%+v\nbuilt anew:\n%+v", i, batchOf(got), batchOf(want))
		}
		srcs, events := bufs.srcs, bufs.events
		bufs.reset()
		for j, s := range srcs {
			if !reflect.DeepEqual(s, source{}) {
				t.Fatalf("batch %d: source %d survives reset: %+v", i, j, s)
			}
		}
		for j := range events {
			if !reflect.DeepEqual(events[j], graphmodel.Event{}) {
				t.Fatalf("batch %d: event %d survives reset: %+v", i, j, events[j])
			}
		}
	}
}

func TestBreaker(t *testing.T) {
	b := newBreaker(100, 0.5)
	if !b.record(10, 10) {
		t.Error("tripped on the first 10 messages; it judges only after 20")
	}
	if !b.record(30, 0) {
		t.Error("tripped at 10 bad of 40")
	}
	if b.record(40, 40) {
		t.Error("closed at 50 bad of 80, over the 0.5 share")
	}
	b = newBreaker(100, 0.5)
	for i := 0; i < 50; i++ {
		if !b.record(100, 1) {
			t.Fatalf("tripped at 1%% bad after %d batches", i)
		}
	}
}

// BenchmarkBuildBatch decodes, extracts and deduplicates a batch of the
// sample articles, as the worker does for every fetch.
func BenchmarkBuildBatch(b *testing.B) {
	msgs, size := sampleArticles(b)
	x := ingest.NewExtractor(nil)
	benchBuild(b, x, articleTopic, msgs, size)
}

// BenchmarkBuildEventBatch decodes and maps a batch of real GDELT event
// messages, as the worker does for every fetch from the event topic.
func BenchmarkBuildEventBatch(b *testing.B) {
	benchEventFile(b, "../../shared/data/raw/gdelt2-export-20180326044500/20180326044500.export.CSV", ingest.ReadGDELT)
}

// The ICEWS sample names its parties, people among them, where GDELT
// codes them.
func BenchmarkBuildEventBatchICEWS(b *testing.B) {
	benchEventFile(b, "../../shared/data/raw/icews-sample-andybega/icews_sample.tsv", ingest.ReadICEWS)
}

// benchEventFile builds the first 2,000 events of the file, read with
// read, as one batch of event messages.
func benchEventFile(b *testing.B, path string, read func(io.Reader, func(ingest.EventRow) error) error) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var msgs []kafka.Message
	size := 0
	err = read(f, func(r ingest.EventRow) error {
		if r.Err == nil && len(msgs) < 2000 {
			v, _ := json.Marshal(r.Message)
			msgs = append(msgs, kafka.Message{Offset: int64(len(msgs)), Key: []byte(r.Message.ID), Value: v})
			size += len(v)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	benchBuild(b, ingest.NewExtractor(nil), eventTopic, msgs, size)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/event")
}

// benchBuild builds msgs, size bytes of them, into a batch b.N times; every
// message must become a source.
func benchBuild(b *testing.B, x *ingest.Extractor, k kind, msgs []kafka.Message, size int) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	bufs := new(batchBuffers) // a partition's, batch after batch
	for b.Loop() {
		srcs, dead, _, err := bufs.build(context.Background(), x, k, msgs, 0, 1)
		if err != nil {
			b.Fatal(err)
		}
		if len(srcs) != len(msgs) || len(dead) != 0 {
			b.Fatalf("%d sources, %d dead letters", len(srcs), len(dead))
		}
	}
}

// TestArticleFootprint measures what batches of extracted sample articles
// keep beside their messages, per byte of message: the budget weighs an
// article at articleFootprint bytes per byte, the message and the write's
// parameters included.
func TestArticleFootprint(t *testing.T) {
	msgs, size := sampleArticles(t)
	x := ingest.NewExtractor(nil)
	// The first batches load the extractor's tables, which are not theirs.
	for range 3 {
		if _, _, _, err := buildBatch(context.Background(), x, articleTopic, msgs, 0, 1); err != nil {
			t.Fatal(err)
		}
	}
	const batches = 10
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	var srcs [][]source
	for range batches {
		b, _, _, err := buildBatch(context.Background(), x, articleTopic, msgs, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, b)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	kept := float64(int64(ms.HeapAlloc)-int64(before)) / float64(batches*size)
	runtime.KeepAlive(srcs)
	t.Logf("%d batches of %d articles, %d bytes of messages each: extraction keeps %.1f bytes per byte", batches, len(msgs), size, kept)
	if kept > 2 {
		t.Errorf("extraction keeps %.1f bytes per byte of message, more than the 2 that articleFootprint (%d) allows it beside the message and the parameters", kept, articleFootprint)
	}
}

// sampleArticles are the sample articles as messages, and their bytes.
func sampleArticles(tb testing.TB) ([]kafka.Message, int) {
	f, err := os.ReadFile("../ingest/testdata/articles-dev.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	var msgs []kafka.Message
	size := 0
	for i, line := range bytes.Split(bytes.TrimSpace(f), []byte("\n")) {
		msgs = append(msgs, kafka.Message{Offset: int64(i), Value: line})
		size += len(line)
	}
	return msgs, size
}
