package consumers

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// recorder is a Sender that keeps the size of each call.
type recorder struct {
	calls []int
	fail  error
}

func (r *recorder) Publish(_ context.Context, msgs []Message) error {
	if r.fail != nil {
		return r.fail
	}
	r.calls = append(r.calls, len(msgs))
	return nil
}

func (r *recorder) Topic() string { return "t" }

func TestOutboxSendsInChunks(t *testing.T) {
	ctx := context.Background()
	rec := &recorder{}
	o := NewOutbox(rec)
	for i := range 2*PublishChunk + 7 {
		if err := o.Add(ctx, Message{Key: []byte{byte(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	if o.Sent() != 2*PublishChunk {
		t.Errorf("sent %d before Flush, want %d", o.Sent(), 2*PublishChunk)
	}
	if err := o.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := o.Flush(ctx); err != nil { // nothing queued: no call
		t.Fatal(err)
	}
	if want := []int{PublishChunk, PublishChunk, 7}; !slices.Equal(rec.calls, want) {
		t.Errorf("calls of %v messages, want %v", rec.calls, want)
	}
	if o.Sent() != 2*PublishChunk+7 {
		t.Errorf("sent %d, want %d", o.Sent(), 2*PublishChunk+7)
	}

	down := errors.New("down")
	o = NewOutbox(&recorder{fail: down})
	o.Add(ctx, Message{})
	if err := o.Flush(ctx); !errors.Is(err, down) || o.Sent() != 0 {
		t.Errorf("failed flush: err %v, sent %d; want %v, 0", err, o.Sent(), down)
	}
}
