package consumers

import (
	"bytes"
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/segmentio/kafka-go"

	"github.com/newsgraph/kg/ingest"
)

// A message too large for the dead-letter topic becomes a dead letter
// that keeps its origin, its headers, the reason and a prefix of its
// value, marked truncated with the original length; one that fits is kept
// whole and unmarked.
func TestDeadLetterMessageTruncates(t *testing.T) {
	const limit = 1_000_000
	big := bytes.Repeat([]byte("x"), 6_200_000)
	d := deadLetter{msg: kafka.Message{Key: []byte("a1"), Value: big, Offset: 42,
		Headers: []kafka.Header{{Key: "trace", Value: []byte("t1")}}}, reason: ingest.ReasonOversize, detail: "value is 6200000 bytes"}
	m, truncated := deadLetterMessage("articles", 3, d, "2026-01-01T00:00:00Z", limit)
	if !truncated {
		t.Fatal("a 6.2 MB message was not truncated")
	}
	if size := recordSize(m.Key, m.Value, m.Headers); size > limit {
		t.Errorf("truncated dead letter is %d bytes, limit %d", size, limit)
	}
	if !bytes.Equal(m.Value, big[:DeadLetterPrefixBytes]) {
		t.Errorf("value is %d bytes, want the first %d of the original", len(m.Value), DeadLetterPrefixBytes)
	}
	p := parseDeadLetter(m)
	if !p.Truncated || p.OrigValueBytes != len(big) {
		t.Errorf("truncated %v, original %d bytes; want true, %d", p.Truncated, p.OrigValueBytes, len(big))
	}
	if p.Reason != "oversize" || p.Topic != "articles" || p.OrigPartition != 3 || p.OrigOffset != 42 || string(p.Key) != "a1" {
		t.Errorf("origin lost: %+v", p)
	}
	if len(p.Headers) != 1 || p.Headers[0].Key != "trace" {
		t.Errorf("original headers %v, want the trace header kept", p.Headers)
	}

	// Just over the limit once the kg headers are added: still truncated.
	edge := bytes.Repeat([]byte("y"), 1_048_400)
	if m, truncated := deadLetterMessage("articles", 0, deadLetter{msg: kafka.Message{Key: []byte("a2"), Value: edge}, reason: ingest.ReasonOversize}, "t", limit); !truncated || recordSize(m.Key, m.Value, m.Headers) > limit {
		t.Errorf("a 1,048,400-byte value: truncated %v, %d bytes", truncated, recordSize(m.Key, m.Value, m.Headers))
	}

	// Huge original headers and key are cut as well.
	hd := deadLetter{msg: kafka.Message{Key: bytes.Repeat([]byte("k"), 300_000), Value: []byte("{}"),
		Headers: []kafka.Header{{Key: "h", Value: bytes.Repeat([]byte("v"), 900_000)}}}, reason: ingest.ReasonKeyMismatch}
	if m, truncated := deadLetterMessage("articles", 0, hd, "t", limit); !truncated || recordSize(m.Key, m.Value, m.Headers) > limit {
		t.Errorf("huge key and headers: truncated %v, %d bytes", truncated, recordSize(m.Key, m.Value, m.Headers))
	}

	small := deadLetter{msg: kafka.Message{Key: []byte("a3"), Value: []byte(`{"id": 1}`)}, reason: ingest.ReasonWrongType}
	m, truncated = deadLetterMessage("articles", 0, small, "t", limit)
	if truncated || string(m.Value) != `{"id": 1}` || parseDeadLetter(m).Truncated {
		t.Errorf("a small message was changed: truncated %v, value %q", truncated, m.Value)
	}
}

// The worker writes the truncated form, so the write succeeds against a
// writer that refuses anything over the limit, as a broker does.
func TestDeadLetterNeverExceedsLimit(t *testing.T) {
	dlq := &limitDLQ{limit: 1_000_000}
	w := testWorker(nil, nil)
	w.dlq = dlq
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	dead := []deadLetter{{msg: kafka.Message{Key: []byte("a"), Value: bytes.Repeat([]byte("x"), 6_200_000)}, reason: ingest.ReasonOversize}}
	if err := w.deadLetter(ctx, "articles", 0, dead); err != nil {
		t.Fatalf("dead letter of a 6.2 MB message: %v", err)
	}
	if len(dlq.msgs) != 1 || header(dlq.msgs[0], hdrTruncated) != strconv.Itoa(6_200_000) {
		t.Errorf("dead letters %d, kg-truncated %q", len(dlq.msgs), header(dlq.msgs[0], hdrTruncated))
	}
	if got := testutil.ToFloat64(w.m.deadLettered.WithLabelValues("oversize")); got != 1 {
		t.Errorf("oversize dead letters counted %v, want 1", got)
	}
}

type limitDLQ struct {
	limit int
	msgs  []kafka.Message
}

func (d *limitDLQ) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	for _, m := range msgs {
		if recordSize(m.Key, m.Value, m.Headers) > d.limit {
			return kafka.MessageSizeTooLarge
		}
	}
	d.msgs = append(d.msgs, msgs...)
	return nil
}
func (d *limitDLQ) Close() error { return nil }

// Only a null value is a tombstone: a keyed message whose value kafka-go
// read as nil is checked, and an empty one is dead-lettered as empty while
// a null one retracts.
func TestEmptyValueIsNotATombstone(t *testing.T) {
	dlq := &fakeDLQ{}
	w := testWorker(nil, dlq)
	nulls := map[int64]bool{1: true}
	w.isNull = func(_ context.Context, _ string, _ int, offset int64) (bool, error) { return nulls[offset], nil }
	msgs := []kafka.Message{
		{Offset: 0, Key: []byte("a")},                 // empty value
		{Offset: 1, Key: []byte("b")},                 // null value
		{Offset: 2, Key: []byte("c\x00"), Value: nil}, // null, with a NUL in its key
	}
	nulls[2] = true
	if err := w.markEmptyValues(context.Background(), "articles", 0, msgs); err != nil {
		t.Fatal(err)
	}
	srcs, dead, _, err := buildBatch(context.Background(), ingest.NewExtractor(nil), articleTopic, msgs, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 1 || !srcs[0].tombstone || srcs[0].id != "b" {
		t.Errorf("sources %+v, want only b's tombstone", srcs)
	}
	reasons := map[string]ingest.Reason{}
	for _, d := range dead {
		reasons[string(d.msg.Key)] = d.reason
	}
	if reasons["a"] != ingest.ReasonEmpty || reasons["c\x00"] != ingest.ReasonInvalidField || len(dead) != 2 {
		t.Errorf("dead letters %v, want a empty and the NUL key invalid-field", reasons)
	}
}
