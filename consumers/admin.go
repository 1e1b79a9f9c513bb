package consumers

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/segmentio/kafka-go"
)

// Topic administration: creating the pipeline's topics, and what the
// cluster says of topics and consumer groups (partitions, lag, a group's
// state). Reading and writing records is elsewhere.

// TopicSpec describes a topic to create when it does not exist yet.
type TopicSpec struct {
	Partitions int  // default 3
	Compact    bool // cleanup.policy=compact: the article topic is the source of truth for reprocessing
}

// EnsureTopic creates topic when it does not exist and waits until every
// partition has a leader. An existing topic is left as it is.
func EnsureTopic(ctx context.Context, brokers []string, sec Security, topic string, spec TopicSpec) error {
	client, done, err := adminClient(brokers, sec)
	if err != nil {
		return err
	}
	defer done()
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
	client, done, err := adminClient(brokers, sec)
	if err != nil {
		return 0, err
	}
	defer done()
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
	client, done, err := adminClient(brokers, sec)
	if err != nil {
		return false, err
	}
	defer done()
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

// ErrNoTopic: a topic to read does not exist. Reading never creates one
// (only kg publish and kg worker do, with the partitions and compaction the
// pipeline needs).
var ErrNoTopic = errors.New("topic does not exist")

// partitionsOf returns the partition ids of topic, or an error wrapping
// ErrNoTopic when the cluster has no such topic. The metadata request does
// not ask the broker to create the topic.
func partitionsOf(ctx context.Context, brokers []string, sec Security, topic string) ([]int, error) {
	client, done, err := adminClient(brokers, sec)
	if err != nil {
		return nil, err
	}
	defer done()
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	if len(meta.Topics) != 1 || errors.Is(meta.Topics[0].Error, kafka.UnknownTopicOrPartition) {
		return nil, fmt.Errorf("%s: %w", topic, ErrNoTopic)
	}
	if err := meta.Topics[0].Error; err != nil {
		return nil, fmt.Errorf("partitions of %s: %w", topic, err)
	}
	ids := make([]int, 0, len(meta.Topics[0].Partitions))
	for _, p := range meta.Topics[0].Partitions {
		ids = append(ids, p.ID)
	}
	sort.Ints(ids)
	return ids, nil
}

// TopicExists reports whether the cluster has topic, without creating it.
func TopicExists(ctx context.Context, brokers []string, sec Security, topic string) (bool, error) {
	_, err := partitionsOf(ctx, brokers, sec, topic)
	if errors.Is(err, ErrNoTopic) {
		return false, nil
	}
	return err == nil, err
}

// adminClient returns a client for requests about topics and groups, and
// the function that closes its connections: until then its transport's
// pool refreshes the metadata of every topic of the cluster every few
// seconds.
func adminClient(brokers []string, sec Security) (*kafka.Client, func(), error) {
	tr, err := sec.Transport()
	if err != nil {
		return nil, nil, err
	}
	return &kafka.Client{Addr: kafka.TCP(brokers...), Transport: tr, Timeout: 10 * time.Second}, tr.CloseIdleConnections, nil
}
