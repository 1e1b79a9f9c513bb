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
