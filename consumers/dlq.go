package consumers

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"
)

// DeadLetter is one record of a dead-letter topic, with the reason and
// origin the worker recorded.
type DeadLetter struct {
	Partition      int   // in the dead-letter topic
	Offset         int64 // in the dead-letter topic
	Key, Value     []byte
	Headers        []kafka.Header // the original message's headers, kg-* headers removed
	Time           time.Time      // the original message's timestamp
	Reason, Detail string
	Topic          string // where it came from
	OrigPartition  int
	OrigOffset     int64
	FailedAt       string
	Attempt        int // how many times it was replayed before it failed this time
	// Truncated: the message was too large for the dead-letter topic, and
	// Value is a prefix of OrigValueBytes bytes; the original is at Topic,
	// OrigPartition, OrigOffset while that topic retains it.
	Truncated      bool
	OrigValueBytes int
	// Replayed: kg dlq replay republished this dead letter, and a replay
	// record in the dead-letter topic says so. It stays in the topic (the
	// topic is a log) but is no longer open.
	Replayed bool
}

// Headers the worker and the replayer add.
const (
	hdrError         = "kg-error"
	hdrDetail        = "kg-detail"
	hdrTopic         = "kg-topic"
	hdrPartition     = "kg-partition"
	hdrOffset        = "kg-offset"
	hdrFailedAt      = "kg-failed-at"
	hdrReplayAttempt = "kg-replay-attempt"
	hdrReplayedFrom  = "kg-replayed-from"
	// hdrTruncated marks a dead letter that keeps only a prefix of its
	// value; it holds the original value's length in bytes.
	hdrTruncated = "kg-truncated"
	// hdrReplayOf marks a replay record of the dead-letter topic rather
	// than a dead letter: the dead letter at "<partition>/<offset>" of the
	// same topic was replayed.
	hdrReplayOf = "kg-replay-of"
)

func parseDeadLetter(m kafka.Message) DeadLetter {
	d := DeadLetter{Partition: m.Partition, Offset: m.Offset, Key: m.Key, Value: m.Value, Time: m.Time}
	for _, h := range m.Headers {
		v := string(h.Value)
		switch h.Key {
		case hdrError:
			d.Reason = v
		case hdrDetail:
			d.Detail = v
		case hdrTopic:
			d.Topic = v
		case hdrPartition:
			d.OrigPartition, _ = strconv.Atoi(v)
		case hdrOffset:
			d.OrigOffset, _ = strconv.ParseInt(v, 10, 64)
		case hdrFailedAt:
			d.FailedAt = v
		case hdrReplayAttempt:
			d.Attempt, _ = strconv.Atoi(v)
		case hdrTruncated:
			d.Truncated = true
			d.OrigValueBytes, _ = strconv.Atoi(v)
		case hdrReplayedFrom:
		default:
			d.Headers = append(d.Headers, h)
		}
	}
	return d
}

// ReadDeadLetters calls fn for every dead letter of the topic, from the
// start of each partition up to its end when the call began, in partition
// and offset order, with Replayed set for those a replay record marks.
// Replay records themselves are not dead letters and are not passed to fn.
// A topic that does not exist is an error wrapping ErrNoTopic.
func ReadDeadLetters(ctx context.Context, brokers []string, sec Security, topic string, fn func(DeadLetter) error) error {
	var dead []DeadLetter
	replayed := map[string]bool{}
	err := readTopic(ctx, brokers, sec, topic, func(m kafka.Message) error {
		for _, h := range m.Headers {
			if h.Key == hdrReplayOf {
				replayed[string(h.Value)] = true
				return nil
			}
		}
		dead = append(dead, parseDeadLetter(m))
		return nil
	})
	if err != nil {
		return err
	}
	for _, d := range dead {
		d.Replayed = replayed[deadLetterAt(d.Partition, d.Offset)]
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// deadLetterAt names a record of a dead-letter topic, as kg-replay-of and
// kg dlq replay --offset do.
func deadLetterAt(partition int, offset int64) string {
	return fmt.Sprintf("%d/%d", partition, offset)
}

// replayRecord returns the record that marks d as replayed in dlqTopic. Its
// key is its own, so compaction of a dead-letter topic (should an operator
// enable it) keeps it beside the dead letter it marks.
func replayRecord(d DeadLetter, dlqTopic string, at time.Time) kafka.Message {
	where := deadLetterAt(d.Partition, d.Offset)
	return kafka.Message{Topic: dlqTopic, Key: []byte("kg-replay:" + where), Value: []byte(where),
		Headers: []kafka.Header{{Key: hdrReplayOf, Value: []byte(where)}}, Time: at}
}

// readTopic calls fn for every record of every partition of topic, from the
// start up to the end when the call began, partition by partition. A topic
// that does not exist is an error wrapping ErrNoTopic.
func readTopic(ctx context.Context, brokers []string, sec Security, topic string, fn func(kafka.Message) error) error {
	dialer, err := sec.Dialer()
	if err != nil {
		return err
	}
	parts, err := partitionsOf(ctx, brokers, sec, topic)
	if err != nil {
		return err
	}
	for _, p := range parts {
		if err := readPartition(ctx, brokers, dialer, topic, p, fn); err != nil {
			return err
		}
	}
	return nil
}

func readPartition(ctx context.Context, brokers []string, dialer *kafka.Dialer, topic string, partition int, fn func(kafka.Message) error) error {
	leader, err := dialer.DialLeader(ctx, "tcp", brokers[0], topic, partition)
	if err != nil {
		return fmt.Errorf("leader of %s/%d: %w", topic, partition, err)
	}
	first, last, err := leader.ReadOffsets()
	leader.Close()
	if err != nil {
		return fmt.Errorf("offsets of %s/%d: %w", topic, partition, err)
	}
	if last <= first {
		return nil
	}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, Partition: partition, Dialer: dialer,
		MaxWait: 250 * time.Millisecond})
	defer r.Close()
	if err := r.SetOffset(first); err != nil {
		return err
	}
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return fmt.Errorf("read %s/%d: %w", topic, partition, err)
		}
		if err := fn(m); err != nil {
			return err
		}
		if m.Offset+1 >= last {
			return nil
		}
	}
}

// ReplayMessage returns the message that republishes d to its original
// topic: the original key, value, headers and timestamp, with the replay
// recorded in kg-replay-attempt (its count) and kg-replayed-from.
func ReplayMessage(d DeadLetter, dlqTopic string) (kafka.Message, error) {
	if d.Topic == "" {
		return kafka.Message{}, errors.New("dead letter has no kg-topic header")
	}
	headers := append([]kafka.Header(nil), d.Headers...)
	headers = append(headers,
		kafka.Header{Key: hdrReplayAttempt, Value: []byte(strconv.Itoa(d.Attempt + 1))},
		kafka.Header{Key: hdrReplayedFrom, Value: []byte(fmt.Sprintf("%s/%d/%d", dlqTopic, d.Partition, d.Offset))},
	)
	return kafka.Message{Topic: d.Topic, Key: d.Key, Value: d.Value, Headers: headers, Time: d.Time}, nil
}

// Replay republishes dead letters to their original topics, then marks
// each as replayed with a replay record in dlqTopic, so that inspection
// counts it apart and a later replay skips it. Should the marks fail after
// the republishing succeeded, the dead letters stay open and may be
// replayed again: writes are idempotent downstream, so replaying the same
// record twice leaves the graph as replaying it once.
func Replay(ctx context.Context, brokers []string, sec Security, dlqTopic string, dead []DeadLetter) error {
	w, err := NewWriter(brokers, sec)
	if err != nil {
		return err
	}
	defer w.Close()
	msgs := make([]kafka.Message, 0, len(dead))
	for _, d := range dead {
		if d.Truncated {
			// The dead letter keeps a prefix: replay the original, which
			// the source topic holds while it retains it.
			orig, err := FetchOriginal(ctx, brokers, sec, d)
			if err != nil {
				return fmt.Errorf("%s/%d/%d: %w", dlqTopic, d.Partition, d.Offset, err)
			}
			d.Key, d.Value, d.Headers = orig.Key, orig.Value, orig.Headers
		}
		m, err := ReplayMessage(d, dlqTopic)
		if err != nil {
			return fmt.Errorf("%s/%d/%d: %w", dlqTopic, d.Partition, d.Offset, err)
		}
		msgs = append(msgs, m)
	}
	if len(msgs) == 0 {
		return nil
	}
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		return err
	}
	now := time.Now()
	marks := make([]kafka.Message, 0, len(dead))
	for _, d := range dead {
		marks = append(marks, replayRecord(d, dlqTopic, now))
	}
	if err := w.WriteMessages(ctx, marks...); err != nil {
		return fmt.Errorf("mark %d dead letters of %s as replayed (they were replayed): %w", len(marks), dlqTopic, err)
	}
	return nil
}

// FetchOriginal reads the message a dead letter came from, at its origin
// topic, partition and offset. It fails when the topic no longer retains
// it (deleted by retention, or compacted away by a later version).
func FetchOriginal(ctx context.Context, brokers []string, sec Security, d DeadLetter) (kafka.Message, error) {
	if d.Topic == "" {
		return kafka.Message{}, errors.New("dead letter has no kg-topic header")
	}
	dialer, err := sec.Dialer()
	if err != nil {
		return kafka.Message{}, err
	}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: d.Topic, Partition: d.OrigPartition, Dialer: dialer,
		MaxWait: 250 * time.Millisecond, MaxBytes: max(d.OrigValueBytes+(1<<20), 1<<20)})
	defer r.Close()
	if err := r.SetOffset(d.OrigOffset); err != nil {
		return kafka.Message{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	m, err := r.ReadMessage(ctx)
	if err != nil {
		return kafka.Message{}, fmt.Errorf("original at %s/%d/%d: %w", d.Topic, d.OrigPartition, d.OrigOffset, err)
	}
	if m.Offset != d.OrigOffset {
		return kafka.Message{}, fmt.Errorf("original at %s/%d/%d is no longer retained (next is %d)", d.Topic, d.OrigPartition, d.OrigOffset, m.Offset)
	}
	return m, nil
}

// DeadLetterTopics returns the dead-letter topics of the article topic and,
// when there is one, of the event topic.
func DeadLetterTopics(articlesTopic, eventsTopic string) []string {
	topics := []string{DeadLetterTopic(articlesTopic)}
	if eventsTopic != "" {
		topics = append(topics, DeadLetterTopic(eventsTopic))
	}
	return topics
}

// ReadDeadLetterTopics calls fn for every dead letter of each topic in
// turn, as ReadDeadLetters does for one.
func ReadDeadLetterTopics(ctx context.Context, brokers []string, sec Security, topics []string, fn func(topic string, d DeadLetter) error) error {
	for _, topic := range topics {
		err := ReadDeadLetters(ctx, brokers, sec, topic, func(d DeadLetter) error { return fn(topic, d) })
		if err != nil {
			return err
		}
	}
	return nil
}

// DeadLetterAt names a record of a dead-letter topic as kg-replay-of and
// kg dlq replay --offset do: "partition/offset".
func DeadLetterAt(partition int, offset int64) string { return deadLetterAt(partition, offset) }

var deadLetterAtForm = regexp.MustCompile(`^[0-9]+/[0-9]+$`)

// ParseDeadLetterAt reads "partition/offset" as DeadLetterAt writes it.
func ParseDeadLetterAt(s string) (string, error) {
	if !deadLetterAtForm.MatchString(s) {
		return "", errors.New("want PARTITION/OFFSET of the dead-letter topic, such as 0/12")
	}
	ps, os, _ := strings.Cut(s, "/")
	p, perr := strconv.ParseInt(ps, 10, 32)
	off, oerr := strconv.ParseInt(os, 10, 64)
	if err := errors.Join(perr, oerr); err != nil {
		return "", err
	}
	return DeadLetterAt(int(p), off), nil
}

// DeadLetterCount counts dead letters, open and replayed apart.
type DeadLetterCount struct{ Open, Replayed int }

// DeadLetterTally counts dead letters by dead-letter topic and reason.
type DeadLetterTally map[string]map[string]DeadLetterCount

// Add counts d, a dead letter of topic.
func (t DeadLetterTally) Add(topic string, d DeadLetter) {
	if t[topic] == nil {
		t[topic] = map[string]DeadLetterCount{}
	}
	c := t[topic][d.Reason]
	if d.Replayed {
		c.Replayed++
	} else {
		c.Open++
	}
	t[topic][d.Reason] = c
}

// Reasons returns the reasons counted in topic, sorted.
func (t DeadLetterTally) Reasons(topic string) []string {
	reasons := make([]string, 0, len(t[topic]))
	for r := range t[topic] {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	return reasons
}

// Total returns the dead letters of topic, all reasons together.
func (t DeadLetterTally) Total(topic string) DeadLetterCount {
	var total DeadLetterCount
	for _, c := range t[topic] {
		total.Open += c.Open
		total.Replayed += c.Replayed
	}
	return total
}

// ReplayChoice says which dead letters to replay.
type ReplayChoice struct {
	Reasons     map[string]bool // kg-error values to replay; empty: every reason
	At          map[string]bool // DeadLetterAt names in the dead-letter topic; empty: wherever
	MaxAttempts int             // skip dead letters replayed this many times already; 0: no limit
	Again       bool            // replay dead letters marked replayed, too
}

// ReplayPlan is what a ReplayChoice picks among the dead letters of some
// dead-letter topics.
type ReplayPlan struct {
	Chosen  map[string][]DeadLetter // by dead-letter topic, in offset order
	Found   map[string][]string     // for each name of ReplayChoice.At, the topics holding a dead letter there
	Done    int                     // chosen but replayed before (and Again not given): skipped
	Skipped int                     // chosen but replayed MaxAttempts times already: skipped
}

// consider adds d, a dead letter of topic, to the plan if c chooses it.
func (p *ReplayPlan) consider(c ReplayChoice, topic string, d DeadLetter) {
	if p.Chosen == nil {
		p.Chosen, p.Found = map[string][]DeadLetter{}, map[string][]string{}
	}
	if len(c.At) > 0 {
		at := deadLetterAt(d.Partition, d.Offset)
		if !c.At[at] {
			return
		}
		p.Found[at] = append(p.Found[at], topic)
	}
	if len(c.Reasons) > 0 && !c.Reasons[d.Reason] {
		return
	}
	if d.Replayed && !c.Again {
		p.Done++
		return
	}
	if c.MaxAttempts > 0 && d.Attempt >= c.MaxAttempts {
		p.Skipped++
		return
	}
	p.Chosen[topic] = append(p.Chosen[topic], d)
}

// PlanReplay reads the dead letters of topics and returns those c chooses.
// A topic that does not exist is an error wrapping ErrNoTopic.
func PlanReplay(ctx context.Context, brokers []string, sec Security, topics []string, c ReplayChoice) (ReplayPlan, error) {
	p := ReplayPlan{Chosen: map[string][]DeadLetter{}, Found: map[string][]string{}}
	err := ReadDeadLetterTopics(ctx, brokers, sec, topics, func(topic string, d DeadLetter) error {
		p.consider(c, topic, d)
		return nil
	})
	return p, err
}
