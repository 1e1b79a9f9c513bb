package consumers

import (
	"context"
	"errors"
	"fmt"

	"github.com/segmentio/kafka-go"
)

// Message is a record to publish: a nil Value is a tombstone.
type Message struct {
	Key, Value []byte
}

// Publisher writes messages to one topic, keyed with the murmur2
// partitioner and acknowledged by all in-sync replicas.
type Publisher struct {
	w *Writer
}

// NewPublisher returns a publisher to topic, creating the topic as spec
// says when it is missing.
func NewPublisher(ctx context.Context, brokers []string, sec Security, topic string, spec TopicSpec) (*Publisher, error) {
	if err := EnsureTopic(ctx, brokers, sec, topic, spec); err != nil {
		return nil, err
	}
	w, err := NewWriter(brokers, sec, topic)
	if err != nil {
		return nil, err
	}
	w.Topic = topic
	return &Publisher{w: w}, nil
}

// Publish writes msgs and returns once all are acknowledged.
func (p *Publisher) Publish(ctx context.Context, msgs []Message) error {
	out := make([]kafka.Message, len(msgs))
	for i, m := range msgs {
		out[i] = kafka.Message{Key: m.Key, Value: m.Value}
	}
	if err := p.w.WriteMessages(ctx, out...); err != nil {
		return fmt.Errorf("publish to %s: %w", p.w.Topic, summarize(err))
	}
	return nil
}

// summarize shortens kafka-go's error for a failed batch, which lists
// every message's error, to the count and the first one.
func summarize(err error) error {
	var we kafka.WriteErrors
	if !errors.As(err, &we) {
		return err
	}
	for _, e := range we {
		if e != nil {
			return fmt.Errorf("%d of %d messages failed, first: %w", we.Count(), len(we), e)
		}
	}
	return err
}

// Topic returns the topic published to.
func (p *Publisher) Topic() string { return p.w.Topic }

// Close flushes and closes the publisher.
func (p *Publisher) Close() error { return p.w.Close() }

// Sender publishes messages to a topic: a Publisher, or what kg publish
// --dry-run prints.
type Sender interface {
	Publish(ctx context.Context, msgs []Message) error
	Topic() string
}

// PublishChunk is how many messages an Outbox sends in one call.
const PublishChunk = 500

// Outbox collects messages and sends them to a Sender in chunks of
// PublishChunk, so that a file of a million rows is neither sent one
// message at a time nor held whole.
type Outbox struct {
	out     Sender
	pending []Message
	sent    int
}

// NewOutbox returns an outbox sending to out.
func NewOutbox(out Sender) *Outbox { return &Outbox{out: out} }

// Add queues m, sending the queue when it holds a chunk.
func (o *Outbox) Add(ctx context.Context, m Message) error {
	o.pending = append(o.pending, m)
	if len(o.pending) >= PublishChunk {
		return o.Flush(ctx)
	}
	return nil
}

// Flush sends what is queued.
func (o *Outbox) Flush(ctx context.Context) error {
	if len(o.pending) == 0 {
		return nil
	}
	if err := o.out.Publish(ctx, o.pending); err != nil {
		return err
	}
	o.sent += len(o.pending)
	o.pending = o.pending[:0]
	return nil
}

// Sent returns how many messages have been sent.
func (o *Outbox) Sent() int { return o.sent }
