package consumers

import (
	"context"
	"errors"
	"fmt"
	"time"

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

// TopicSpec describes a topic to create when it does not exist yet.
type TopicSpec struct {
	Partitions int  // default 3
	Compact    bool // cleanup.policy=compact: the article topic is the source of truth for reprocessing
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

// EnsureTopic creates topic when it does not exist and waits until every
// partition has a leader. An existing topic is left as it is.
func EnsureTopic(ctx context.Context, brokers []string, sec Security, topic string, spec TopicSpec) error {
	tr, err := sec.Transport()
	if err != nil {
		return err
	}
	// Closed after use: until then its pool refreshes the metadata of
	// every topic of the cluster every few seconds.
	defer tr.CloseIdleConnections()
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Transport: tr, Timeout: 10 * time.Second}
	if spec.Partitions <= 0 {
		spec.Partitions = 3
	}
	var configs []kafka.ConfigEntry
	if spec.Compact {
		configs = append(configs, kafka.ConfigEntry{ConfigName: "cleanup.policy", ConfigValue: "compact"})
	}
	res, err := client.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{{
		Topic: topic, NumPartitions: spec.Partitions, ReplicationFactor: -1, ConfigEntries: configs,
	}}})
	if err != nil {
		return fmt.Errorf("create topic %s: %w", topic, err)
	}
	if err := res.Errors[topic]; err != nil && !errors.Is(err, kafka.TopicAlreadyExists) {
		return fmt.Errorf("create topic %s: %w", topic, err)
	}
	for {
		meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
		if err == nil && len(meta.Topics) == 1 && meta.Topics[0].Error == nil && len(meta.Topics[0].Partitions) > 0 {
			ready := true
			for _, p := range meta.Topics[0].Partitions {
				if p.Error != nil || p.Leader.Port == 0 {
					ready = false
				}
			}
			if ready {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("topic %s has no leader yet: %w", topic, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Lag returns how many messages of the topics the group has not committed
// yet: the sum over partitions of the end offset minus the committed one.
func Lag(ctx context.Context, brokers []string, sec Security, group string, topics ...string) (int64, error) {
	tr, err := sec.Transport()
	if err != nil {
		return 0, err
	}
	defer tr.CloseIdleConnections()
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Transport: tr, Timeout: 10 * time.Second}
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: topics})
	if err != nil {
		return 0, err
	}
	ends := map[string][]kafka.OffsetRequest{}
	parts := map[string][]int{}
	for _, t := range meta.Topics {
		if t.Error != nil {
			return 0, fmt.Errorf("topic %s: %w", t.Name, t.Error)
		}
		for _, p := range t.Partitions {
			ends[t.Name] = append(ends[t.Name], kafka.LastOffsetOf(p.ID))
			parts[t.Name] = append(parts[t.Name], p.ID)
		}
	}
	last, err := client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: ends})
	if err != nil {
		return 0, err
	}
	committed, err := client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: parts})
	if err != nil {
		return 0, err
	}
	var lag int64
	for topic, ps := range last.Topics {
		done := map[int]int64{}
		for _, p := range committed.Topics[topic] {
			done[p.Partition] = max(p.CommittedOffset, 0)
		}
		for _, p := range ps {
			lag += p.LastOffset - done[p.Partition]
		}
	}
	return lag, nil
}

// GroupStable reports whether the consumer group has members and has
// finished rebalancing.
func GroupStable(ctx context.Context, brokers []string, sec Security, group string) (bool, error) {
	tr, err := sec.Transport()
	if err != nil {
		return false, err
	}
	defer tr.CloseIdleConnections()
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Transport: tr, Timeout: 10 * time.Second}
	res, err := client.DescribeGroups(ctx, &kafka.DescribeGroupsRequest{GroupIDs: []string{group}})
	if err != nil {
		return false, err
	}
	for _, g := range res.Groups {
		if g.GroupID == group && g.Error == nil {
			return g.GroupState == "Stable" && len(g.Members) > 0, nil
		}
	}
	return false, nil
}
