package consumers

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
)

// breaker trips when more than maxShare of the last window messages were
// dead-lettered.
type breaker struct {
	mu       sync.Mutex
	window   []bool // true: dead-lettered
	next     int
	full     bool
	maxShare float64
}

func newBreaker(window int, maxShare float64) *breaker {
	return &breaker{window: make([]bool, window), maxShare: maxShare}
}

// record adds total messages of which bad were dead-lettered, and reports
// whether the breaker is still closed. It judges only once it has seen a
// minimum of messages, so one bad message at start-up does not trip it.
func (b *breaker) record(total, bad int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := 0; i < total; i++ {
		b.window[b.next] = i < bad
		b.next++
		if b.next == len(b.window) {
			b.next, b.full = 0, true
		}
	}
	n := b.next
	if b.full {
		n = len(b.window)
	}
	if n < min(len(b.window), 20) {
		return true
	}
	failed := 0
	for i := 0; i < n; i++ {
		if b.window[i] {
			failed++
		}
	}
	return float64(failed) <= b.maxShare*float64(n)
}

// partitionState tracks a partition's progress for the stall detector.
type partitionState struct {
	topic     string
	partition int

	mu   sync.Mutex
	next int64     // offset of the next message to write; negative until known
	lag  int64     // messages from next to the partition's end, as last measured
	last time.Time // when the partition last committed, or was found caught up
}

// progressed records a committed batch: next is the offset after it.
func (p *partitionState) progressed(now time.Time, next, lag int64) {
	p.mu.Lock()
	p.next, p.lag, p.last = next, lag, now
	p.mu.Unlock()
}

// measured records the partition's end; it returns the lag and whether the
// partition is stalled: it has lag and has not advanced for timeout. A
// partition found caught up counts as progressing, so one that was idle
// for an hour is not stalled by the first message that arrives.
func (p *partitionState) measured(now time.Time, first, end int64, timeout time.Duration) (int64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	next := p.next
	if next < first {
		next = first // not known yet, or compacted or deleted away
	}
	p.lag = max(end-next, 0)
	if p.lag == 0 {
		p.last = now
	}
	return p.lag, p.stalled(now, timeout)
}

func (p *partitionState) stalled(now time.Time, timeout time.Duration) bool {
	return p.lag > 0 && now.Sub(p.last) > timeout
}

func partitionKey(topic string, partition int) string { return fmt.Sprintf("%s/%d", topic, partition) }

// partitionState registers a partition the worker now owns, starting at
// offset (negative: the start of the partition).
func (w *Worker) partitionState(topic string, partition int, offset int64) *partitionState {
	p := &partitionState{topic: topic, partition: partition, next: offset, last: w.now()}
	w.progress.Store(partitionKey(topic, partition), p)
	return p
}

// dropPartition forgets a partition the worker no longer owns, with its
// series: another worker reports it now.
func (w *Worker) dropPartition(p *partitionState) {
	if v, ok := w.progress.Load(partitionKey(p.topic, p.partition)); ok && v == p {
		w.progress.Delete(partitionKey(p.topic, p.partition))
		part := strconv.Itoa(p.partition)
		w.m.lag.DeleteLabelValues(p.topic, part)
		w.m.stalled.DeleteLabelValues(p.topic, part)
	}
}

// partitions returns the partitions the worker owns, by topic.
func (w *Worker) partitions() map[string][]*partitionState {
	out := map[string][]*partitionState{}
	w.progress.Range(func(_, v any) bool {
		p := v.(*partitionState)
		out[p.topic] = append(out[p.topic], p)
		return true
	})
	return out
}

// watchLag measures every owned partition's lag each LagInterval until ctx
// ends, so that kg_consumer_lag is real on every assigned partition (not
// only after a batch commits) and a partition that stops advancing while
// it has lag shows as stalled, whatever holds it up.
func (w *Worker) watchLag(ctx context.Context) {
	t := time.NewTicker(w.cfg.LagInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		w.measureLag(ctx)
	}
}

// measureLag asks the brokers for the ends of the owned partitions and
// updates their lag and stall series. A failed request leaves the last
// figures in place; Ready reports Kafka unreachable meanwhile.
func (w *Worker) measureLag(ctx context.Context) {
	now := w.now()
	for topic, parts := range w.partitions() {
		ids := make([]int, len(parts))
		for i, p := range parts {
			ids[i] = p.partition
		}
		bounds, err := w.ends(ctx, topic, ids)
		if err != nil {
			w.log.Debug("partition ends", "topic", topic, "err", err)
			continue
		}
		for _, p := range parts {
			b, ok := bounds[p.partition]
			if !ok {
				continue
			}
			lag, stalled := p.measured(now, b[0], b[1], w.cfg.StallTimeout)
			part := strconv.Itoa(p.partition)
			w.m.lag.WithLabelValues(topic, part).Set(float64(lag))
			v := 0.0
			if stalled {
				v = 1
			}
			w.m.stalled.WithLabelValues(topic, part).Set(v)
		}
	}
}

// partitionEnds returns the first and the end offset of each partition.
func (w *Worker) partitionEnds(ctx context.Context, topic string, partitions []int) (map[int][2]int64, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	out := make(map[int][2]int64, len(partitions))
	for _, which := range []int{0, 1} {
		reqs := make([]kafka.OffsetRequest, len(partitions))
		for i, p := range partitions {
			reqs[i] = kafka.FirstOffsetOf(p)
			if which == 1 {
				reqs[i] = kafka.LastOffsetOf(p)
			}
		}
		res, err := w.client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
		if err != nil {
			return nil, err
		}
		for _, po := range res.Topics[topic] {
			if po.Error != nil {
				return nil, fmt.Errorf("%s/%d: %w", topic, po.Partition, po.Error)
			}
			b := out[po.Partition]
			if which == 0 {
				b[0] = po.FirstOffset
			} else {
				b[1] = po.LastOffset
			}
			out[po.Partition] = b
		}
	}
	return out, nil
}

// Stalled returns an error naming the partitions that have lag but have
// not advanced within StallTimeout: the worker is alive but stuck.
func (w *Worker) Stalled() error {
	now := w.now()
	var stuck []string
	w.progress.Range(func(k, v any) bool {
		p := v.(*partitionState)
		p.mu.Lock()
		if p.stalled(now, w.cfg.StallTimeout) {
			stuck = append(stuck, fmt.Sprintf("%s (lag %d)", k.(string), p.lag))
		}
		p.mu.Unlock()
		return true
	})
	if len(stuck) > 0 {
		sort.Strings(stuck)
		return fmt.Errorf("no progress for %s on %s", w.cfg.StallTimeout, strings.Join(stuck, ", "))
	}
	return nil
}

// Healthy reports the stall detector for /healthz.
func (w *Worker) Healthy() error { return w.Stalled() }

// Ready returns an error when Kafka cannot be reached, the graph is
// failing or a partition is stalled. A graph outage makes the worker
// unready, not dead: it keeps retrying and becomes ready again by itself.
func (w *Worker) Ready(ctx context.Context) error {
	if !w.graphOK.Load() {
		return errors.New("graph writes are failing")
	}
	if w.parserDown.Load() {
		return errors.New("language parser unreachable: extraction is waiting")
	}
	if err := w.Stalled(); err != nil {
		return err
	}
	var lastErr error
	for _, b := range w.cfg.Brokers {
		conn, err := w.dialer.DialContext(ctx, "tcp", b)
		if err == nil {
			conn.Close()
			return nil
		}
		lastErr = err
	}
	var ne net.Error
	if errors.As(lastErr, &ne) {
		return fmt.Errorf("kafka unreachable: %v", ne)
	}
	return fmt.Errorf("kafka unreachable: %w", lastErr)
}
