package consumers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/semaphore"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/retry"
)

// GraphWriter writes one batch in one transaction. Its errors are
// classified with the graphmodel error classes.
type GraphWriter interface {
	Write(ctx context.Context, b *graphmodel.Batch, now time.Time) (graphmodel.WriteStats, error)
}

// messageWriter is what the worker needs of a Kafka writer: the dead-letter
// producer.
type messageWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
	Close() error
}

// ErrCircuitOpen stops the worker when too much of its input is being
// dead-lettered.
var ErrCircuitOpen = errors.New("dead-letter circuit breaker open")

// WorkerGODEBUG is the GODEBUG setting deploy/ gives a worker, and kg
// bench the worker it measures. A worker works in short stretches between
// waits on Kafka and Neo4j. Each time it wakes from such a wait with a
// system call, Go's sysmon thread, asleep while the process idled, wakes
// too and polls every 20 µs for the next millisecond (golang/go#18236, no
// setting of its own). With Neo4j on a core of its own that polling was a
// fifth of the worker's CPU (docs/performance.md). sysmon does not sleep
// that way while schedtrace is set, so it is not woken into the polling: it
// backs off to every 10 ms and stays there. The trace line schedtrace asks
// for comes every 2^31-1 ms (24.8 days), the longest period it takes, and
// at start-up on a host that has been up longer.
const WorkerGODEBUG = "schedtrace=2147483647"

// Worker consumes the article topic in a consumer group and writes to the
// graph.
type Worker struct {
	cfg     Config
	graph   GraphWriter
	x       *ingest.Extractor
	log     *slog.Logger
	m       *metrics
	dialer  *kafka.Dialer
	dlq     messageWriter
	breaker *breaker
	writes  chan struct{} // a slot per graph transaction in flight
	// builders bounds the partitions decoding and extracting at once to
	// GOMAXPROCS-1, so that a writer woken by Neo4j's answer finds a free
	// processor instead of waiting out a builder's time slice.
	builders chan struct{}
	budget   *semaphore.Weighted // bytes of messages held in batches, across partitions
	now      func() time.Time

	client *kafka.Client // one-off requests: tombstone checks, partition ends
	// isNull reports whether a record's value is null (recordIsNull).
	isNull func(ctx context.Context, topic string, partition int, offset int64) (bool, error)
	// ends returns the first and end offsets of partitions (partitionEnds).
	ends func(ctx context.Context, topic string, partitions []int) (map[int][2]int64, error)

	graphOK    atomic.Bool // the last graph write did not fail transiently
	parserDown atomic.Bool // the last extraction could not reach the parser
	progress   sync.Map    // partitionKey -> *partitionState of the partitions owned
}

// NewWorker returns a worker; Run starts it.
func NewWorker(cfg Config, graph GraphWriter, x *ingest.Extractor, log *slog.Logger, reg prometheus.Registerer) (*Worker, error) {
	cfg.setDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	dialer, err := cfg.Security.Dialer()
	if err != nil {
		return nil, err
	}
	dlqTopics := []string{DeadLetterTopic(cfg.ArticlesTopic)}
	if cfg.EventsTopic != "" {
		dlqTopics = append(dlqTopics, DeadLetterTopic(cfg.EventsTopic))
	}
	dlq, err := NewWriter(cfg.Brokers, cfg.Security, dlqTopics...)
	if err != nil {
		return nil, err
	}
	// A dead letter is at most DeadLetterMaxBytes; the writer must take one.
	dlq.BatchBytes = max(dlq.BatchBytes, int64(cfg.DeadLetterMaxBytes)+4096)
	tr, err := cfg.Security.Transport()
	if err != nil {
		return nil, err
	}
	tr.MetadataTopics = []string{cfg.ArticlesTopic} // not every topic of the cluster
	if cfg.EventsTopic != "" {
		tr.MetadataTopics = append(tr.MetadataTopics, cfg.EventsTopic)
	}
	w := &Worker{
		client: &kafka.Client{Addr: kafka.TCP(cfg.Brokers...), Transport: tr, Timeout: 10 * time.Second},
		cfg:    cfg, graph: graph, x: x, log: log, m: newMetrics(reg), dialer: dialer, dlq: dlq,
		breaker: newBreaker(cfg.DLQWindow, cfg.DLQMaxShare), writes: make(chan struct{}, cfg.WriteConcurrency),
		budget: semaphore.NewWeighted(cfg.memoryBudget()), builders: make(chan struct{}, max(runtime.GOMAXPROCS(0)-1, 1)),
		now: time.Now,
	}
	w.isNull, w.ends = w.recordIsNull, w.partitionEnds
	w.graphOK.Store(true)
	return w, nil
}

// Run consumes until ctx ends or a fatal error occurs. When ctx ends, each
// partition stops fetching, finishes the batch it is writing within
// ShutdownTimeout (or abandons it uncommitted), and the worker leaves the
// group. Run returns nil after a clean shutdown.
func (w *Worker) Run(ctx context.Context) error {
	defer w.dlq.Close()
	if tr, ok := w.client.Transport.(*kafka.Transport); ok {
		defer tr.CloseIdleConnections()
	}
	// Topics that do not exist yet are created as the pipeline needs them
	// (the article topic compacted), rather than by broker defaults.
	topics := []string{w.cfg.ArticlesTopic}
	specs := []TopicSpec{{Compact: true}, {Partitions: 1}}
	names := []string{w.cfg.ArticlesTopic, DeadLetterTopic(w.cfg.ArticlesTopic)}
	if w.cfg.EventsTopic != "" {
		topics = append(topics, w.cfg.EventsTopic)
		specs = append(specs, TopicSpec{}, TopicSpec{Partitions: 1})
		names = append(names, w.cfg.EventsTopic, DeadLetterTopic(w.cfg.EventsTopic))
	}
	for i, name := range names {
		if err := EnsureTopic(ctx, w.cfg.Brokers, w.cfg.Security, name, specs[i]); err != nil {
			if ctx.Err() != nil {
				return nil // shut down while starting: nothing was read, nothing to commit
			}
			return err
		}
	}
	group, err := kafka.NewConsumerGroup(kafka.ConsumerGroupConfig{
		ID:                     w.cfg.GroupID,
		Brokers:                w.cfg.Brokers,
		Dialer:                 w.dialer,
		Topics:                 topics,
		StartOffset:            kafka.FirstOffset,
		SessionTimeout:         w.cfg.SessionTimeout,
		HeartbeatInterval:      w.cfg.SessionTimeout / 5,
		RebalanceTimeout:       w.cfg.SessionTimeout,
		JoinGroupBackoff:       time.Second,
		PartitionWatchInterval: 5 * time.Second,
		WatchPartitionChanges:  true,
		Logger:                 kafka.LoggerFunc(func(msg string, args ...any) { w.log.Debug(fmt.Sprintf(msg, args...)) }),
		ErrorLogger:            kafka.LoggerFunc(func(msg string, args ...any) { w.log.Warn(fmt.Sprintf(msg, args...)) }),
	})
	if err != nil {
		return fmt.Errorf("join consumer group %s: %w", w.cfg.GroupID, err)
	}

	// hard ends ShutdownTimeout after ctx: the bound on a batch in flight.
	hard, hardCancel := context.WithCancel(context.Background())
	defer hardCancel()
	stopTimer := context.AfterFunc(ctx, func() { time.AfterFunc(w.cfg.ShutdownTimeout, hardCancel) })
	defer stopTimer()

	run, fail := context.WithCancelCause(ctx)
	defer fail(nil)
	go w.watchLag(run)
	var wg sync.WaitGroup
	for {
		gen, err := group.Next(run)
		if err != nil {
			if run.Err() != nil || errors.Is(err, kafka.ErrGroupClosed) {
				break
			}
			// kafka-go backs off inside Next while it rejoins; a failure it
			// returns at once must not spin.
			w.log.Warn("consumer group", "err", err)
			select {
			case <-run.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		w.log.Info("joined generation", "generation", gen.ID, "member", gen.MemberID, "partitions", countPartitions(gen))
		for topic, parts := range gen.Assignments {
			for _, p := range parts {
				wg.Add(1)
				gen.Start(func(genCtx context.Context) {
					defer wg.Done()
					if err := w.consume(run, genCtx, hard, gen, topic, p.ID, p.Offset); err != nil {
						fail(err)
					}
				})
			}
		}
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(w.cfg.ShutdownTimeout + 5*time.Second):
		w.log.Error("partitions did not stop in time")
	}
	if err := group.Close(); err != nil {
		w.log.Warn("leave consumer group", "err", err)
	}
	if cause := context.Cause(run); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return nil
}

func countPartitions(gen *kafka.Generation) int {
	n := 0
	for _, ps := range gen.Assignments {
		n += len(ps)
	}
	return n
}

// consume processes one partition for one generation. stop ends fetching;
// genCtx ends with the generation; hard bounds a write in flight after stop.
// It returns an error only when the worker must stop.
func (w *Worker) consume(stop, genCtx, hard context.Context, gen *kafka.Generation, topic string, partition int, offset int64) error {
	log := w.log.With("topic", topic, "partition", partition)
	r := &partitionReader{dialer: w.dialer, brokers: w.cfg.Brokers, topic: topic, partition: partition,
		maxWait: 250 * time.Millisecond, log: log, offset: offset}
	defer r.Close()
	state := w.partitionState(topic, partition, offset)
	defer w.dropPartition(state)
	fetchCtx, cancelFetch := context.WithCancel(genCtx)
	defer cancelFetch()
	defer context.AfterFunc(stop, cancelFetch)()
	writeCtx, cancelWrite := context.WithCancel(genCtx)
	defer cancelWrite()
	defer context.AfterFunc(hard, cancelWrite)()

	var buf []kafka.Message // the last batch's slice, reused
	bufs := new(batchBuffers)
	for {
		msgs, held, err := w.fetch(fetchCtx, r, buf)
		if len(msgs) == 0 {
			if fetchCtx.Err() != nil {
				return nil
			}
			log.Warn("fetch", "err", err)
			select { // a fetch that keeps failing must not spin
			case <-fetchCtx.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		// A batch fetched in this generation is written with the
		// generation's context: once a rebalance ends it, nothing more of
		// the batch is written and nothing is committed.
		err = w.process(writeCtx, topic, partition, msgs, bufs)
		w.budget.Release(held)
		last := msgs[len(msgs)-1]
		bufs.reset()
		clear(msgs) // the messages' values go with their budget
		buf = msgs[:0]
		if err != nil {
			if writeCtx.Err() != nil {
				log.Info("batch abandoned: generation or shutdown ended it", "messages", len(msgs))
				return nil
			}
			return err
		}
		if err := gen.CommitOffsets(map[string]map[int]int64{topic: {partition: last.Offset + 1}}); err != nil {
			log.Warn("commit failed; the next owner of the partition re-reads the batch", "err", err)
			return nil
		}
		lag := max(last.HighWaterMark-last.Offset-1, 0)
		w.m.lag.WithLabelValues(topic, strconv.Itoa(partition)).Set(float64(lag))
		w.m.stalled.WithLabelValues(topic, strconv.Itoa(partition)).Set(0)
		state.progressed(w.now(), last.Offset+1, lag)
		if stop.Err() != nil {
			return nil
		}
	}
}

// fetch blocks for the first message, then collects more until the batch
// is full by count or bytes, the partition has no more for now,
// BatchLinger has passed, or the worker's memory budget is spent. It
// appends the batch to buf[:0] and returns it with the budget it holds,
// which the caller releases once the batch is written or abandoned.
//
// A message is read into memory only after the budget for the largest
// message (readReserve) is taken, and the part of it that the message does
// not need is given back at once: all the message bytes the worker holds,
// in batches or being read, are within the budget.
func (w *Worker) fetch(ctx context.Context, r *partitionReader, buf []kafka.Message) ([]kafka.Message, int64, error) {
	reserve := w.cfg.readReserve()
	wait := func(ctx context.Context) error { return w.budget.Acquire(ctx, reserve) }
	try := func(context.Context) error {
		if !w.budget.TryAcquire(reserve) {
			return errBudgetSpent
		}
		return nil
	}
	release := func() { w.budget.Release(reserve) }

	r.maxBytes = w.fetchBytes(r, 0, 0)
	m, err := r.next(ctx, wait, release)
	if err != nil {
		return nil, 0, err
	}
	held := w.settle(m, reserve)
	msgs := append(buf[:0], m)
	size := len(m.Value)
	linger, cancel := context.WithTimeout(ctx, w.cfg.BatchLinger)
	defer cancel()
	for len(msgs) < w.cfg.BatchMaxMessages && size < w.cfg.BatchMaxBytes && !caughtUp(m) {
		r.maxBytes = w.fetchBytes(r, len(msgs), size)
		// Once other partitions hold the budget, write what there is.
		if m, err = r.next(linger, try, release); err != nil {
			break // linger over, or the budget spent
		}
		held += w.settle(m, reserve)
		msgs = append(msgs, m)
		size += len(m.Value)
	}
	r.pause()
	r.wireBytes = wireBytes(size, len(msgs))
	w.m.consumed.Add(float64(len(msgs)))
	w.m.batchSize.Observe(float64(len(msgs)))
	return msgs, held, nil
}

// fetchBytes is what a fetch asks for when a batch holds n messages of
// size bytes: what the rest of the batch takes, as the partition's last
// batch measured its messages on the wire, and never more than the batch
// has room for. What a fetch brings past a full batch is read off the
// connection and discarded, so erring low costs a round trip and erring
// high a read; the broker sends a record batch larger than asked for
// whole.
func (w *Worker) fetchBytes(r *partitionReader, n, size int) int {
	per := r.wireBytes
	if per == 0 {
		per = 1 << 10 // not measured yet
	}
	want := per*(w.cfg.BatchMaxMessages-n) + 16<<10
	return max(min(want, w.cfg.BatchMaxBytes-size), 1)
}

// wireBytes estimates what a message of a batch of n messages of size
// bytes takes in a fetch response: its value and about as much as a key
// and a record's framing take.
func wireBytes(size, n int) int { return size/max(n, 1) + 64 }

// errBudgetSpent ends a batch when other partitions hold the budget.
var errBudgetSpent = errors.New("memory budget spent")

// settle gives back the part of a read's reserve that m does not weigh,
// and returns m's weight, which the batch holds.
func (w *Worker) settle(m kafka.Message, reserve int64) int64 {
	n := w.weight(m, m.Topic != w.cfg.EventsTopic)
	w.budget.Release(reserve - n)
	return n
}

// caughtUp reports whether m was the last message of its partition when it
// was fetched: waiting for more would only delay the batch, and what
// arrives while it is written makes the next one. A message's high-water
// mark is that of its own fetch, and the partition reader fetches only when
// the batch asks for more, so a backlog that grew while a batch was written
// comes in one fetch and joins one batch. (A reader that fetched ahead one
// message at a time made every message of a backlog look caught up: batches
// of one, a transaction each, and a stall of a second grew into a tail of
// seconds.)
func caughtUp(m kafka.Message) bool {
	return m.HighWaterMark > 0 && m.Offset+1 >= m.HighWaterMark
}

// weight is what a message counts against the memory budget: its bytes,
// and for an article what its extraction keeps until the batch is written
// (articleFootprint), at most the reserve a partition takes to read one.
// Only a message over the message limit weighs more than it counts, and it
// is dead-lettered with its batch; waiting for more budget with the message
// read could deadlock behind a partition waiting for a reserve.
func (w *Worker) weight(m kafka.Message, article bool) int64 {
	n := int64(len(m.Key) + len(m.Value))
	if article {
		n *= articleFootprint
	}
	return min(n, w.cfg.readReserve())
}

// articleFootprint is what an article message weighs per byte: itself,
// the entities, mentions, claims and evidence its extraction yields (1.3 to
// 1.5 bytes per byte of message on the sample articles, which
// TestArticleFootprint holds under 2), and the statement parameters the
// write copies them into, all held until the batch is written. A budget
// counting the message alone let a batch of articles hold several times
// the bytes it allowed: with 10,000 articles in a row, the worker's peak
// RSS reached 79 MiB at GOMEMLIMIT=64MiB.
const articleFootprint = 4

// process turns one fetched batch into graph writes and dead letters,
// built in the partition's buffers. It returns nil only when every message
// is either written or dead-lettered.
func (w *Worker) process(ctx context.Context, topic string, partition int, msgs []kafka.Message, bufs *batchBuffers) error {
	k := articleTopic
	if topic == w.cfg.EventsTopic {
		k = eventTopic
	}
	if k == articleTopic {
		if err := w.markEmptyValues(ctx, topic, partition, msgs); err != nil {
			return err
		}
	}
	srcs, dead, took, err := w.build(ctx, k, msgs, bufs)
	if err != nil {
		return err
	}
	w.m.extract.Observe(took.Seconds())
	w.m.observeArticles(w.x.Version(), srcs)
	if !w.breaker.record(len(msgs), len(dead)) {
		return fmt.Errorf("%w: more than %.0f%% of the last %d messages were malformed", ErrCircuitOpen, 100*w.cfg.DLQMaxShare, w.cfg.DLQWindow)
	}
	if err := w.deadLetter(ctx, topic, partition, dead); err != nil {
		return err
	}
	if err := w.writeSources(ctx, topic, partition, srcs); err != nil {
		return err
	}
	for _, s := range srcs {
		if s.tombstone {
			w.m.retracted.Inc()
			w.log.Info("article retracted", "id", s.id, "offset", s.msg.Offset)
		}
	}
	w.m.written.Add(float64(len(msgs) - len(dead)))
	committed := w.now()
	for _, m := range msgs {
		if !m.Time.IsZero() {
			w.m.endToEnd.Observe(committed.Sub(m.Time).Seconds())
		}
	}
	return nil
}

// build builds a batch, waiting while the language parser cannot be
// reached: the batch is extracted again once it can, and nothing of it is
// written or committed meanwhile. The wait raises a health signal (/readyz
// and kg_parser_unavailable_total) and ends with ctx.
//
// A builder slot bounds the CPU work of decoding and extracting. An article
// batch extracted through the parser spends its time waiting on another
// process, so it takes no slot: a slow or absent parser never holds back
// the event topic.
func (w *Worker) build(ctx context.Context, k kind, msgs []kafka.Message, bufs *batchBuffers) ([]source, []deadLetter, time.Duration, error) {
	slot := k == eventTopic || !w.x.Parses()
	var srcs []source
	var dead []deadLetter
	var took time.Duration
	err := retry.Do(ctx, retry.Policy{First: 500 * time.Millisecond, Max: w.cfg.RetryMaxBackoff}, func() error {
		if slot {
			select {
			case w.builders <- struct{}{}:
			case <-ctx.Done():
				return retry.Stop(ctx.Err())
			}
		}
		var err error
		srcs, dead, took, err = bufs.build(ctx, w.x, k, msgs, w.cfg.MaxMessageBytes, w.cfg.ParserConcurrency)
		if slot {
			<-w.builders
		}
		if err != nil && !errors.Is(err, ingest.ErrParserUnavailable) {
			return retry.Stop(err)
		}
		return err
	}, func(err error, _ int, wait time.Duration) {
		w.parserDown.Store(true)
		w.m.parserWaits.Inc()
		w.log.Warn("language parser unavailable; the batch waits", "err", err, "backoff", wait, "messages", len(msgs))
	})
	if err != nil {
		return nil, nil, 0, err
	}
	w.parserDown.Store(false)
	return srcs, dead, took, nil
}

// markEmptyValues gives the keyed messages whose value kafka-go read as nil
// a non-nil empty value unless the record's value really is null.
// kafka-go's reader returns nil for both, and only a null value (a
// tombstone) retracts an article: an empty one is dead-lettered. Tombstones
// are rare, so asking the broker once for each costs little. A failed
// look-up is retried until ctx ends; the partition makes no progress
// meanwhile, which the stall detector reports.
func (w *Worker) markEmptyValues(ctx context.Context, topic string, partition int, msgs []kafka.Message) error {
	for i := range msgs {
		m := &msgs[i]
		if m.Value != nil || len(m.Key) == 0 {
			continue
		}
		err := retry.Do(ctx, w.retryPolicy(), func() error {
			null, err := w.isNull(ctx, topic, partition, m.Offset)
			if err == nil && !null {
				m.Value = []byte{}
			}
			return err
		}, func(err error, _ int, wait time.Duration) {
			w.log.Warn("cannot tell a tombstone from an empty value; retrying", "offset", m.Offset, "err", err, "backoff", wait)
		})
		if err != nil {
			return ctx.Err() // Do gives up only when ctx ends
		}
	}
	return nil
}

// recordIsNull fetches the record at offset and reports whether its value
// is null, which the protocol-level reader tells from an empty value.
func (w *Worker) recordIsNull(ctx context.Context, topic string, partition int, offset int64) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	res, err := w.client.Fetch(ctx, &kafka.FetchRequest{Topic: topic, Partition: partition, Offset: offset,
		MinBytes: 1, MaxBytes: 64 << 10, MaxWait: time.Second})
	if err != nil {
		return false, err
	}
	if res.Error != nil {
		return false, res.Error
	}
	if res.Records == nil {
		return false, fmt.Errorf("no records at %s/%d/%d", topic, partition, offset)
	}
	for {
		r, err := res.Records.ReadRecord()
		if err != nil {
			return false, fmt.Errorf("record %s/%d/%d not found: %w", topic, partition, offset, err)
		}
		if r.Offset == offset {
			return r.Value == nil, nil
		}
	}
}

// writeSources writes sources in one transaction, retrying transient errors
// with backoff, splitting batches that are too big, and bisecting a
// rejected batch down to the messages the graph refuses, which are
// dead-lettered.
func (w *Worker) writeSources(ctx context.Context, topic string, partition int, srcs []source) error {
	if len(srcs) == 0 {
		return nil
	}
	b := batchOf(srcs)
	err := retry.Do(ctx, w.retryPolicy(), func() error {
		select {
		case w.writes <- struct{}{}:
		case <-ctx.Done():
			return retry.Stop(ctx.Err())
		}
		start := time.Now()
		st, err := w.graph.Write(ctx, &b, w.now())
		w.m.writeSeconds.Observe(time.Since(start).Seconds())
		<-w.writes
		w.m.retries.WithLabelValues("deadlock").Add(float64(st.Deadlocks))
		if err != nil && !errors.Is(err, graphmodel.ErrTransient) {
			return retry.Stop(err)
		}
		return err
	}, func(err error, _ int, wait time.Duration) {
		w.graphOK.Store(false)
		w.m.retries.WithLabelValues("transient").Inc()
		w.log.Warn("graph write failed; retrying the batch", "err", err, "backoff", wait, "sources", len(srcs))
	})
	switch {
	case err == nil:
		w.graphOK.Store(true)
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	// A batch that breaks the graph model (an entity key or a field over
	// its cap) is bisected like one the database refused: what one odd
	// message makes of itself must not stop the partition.
	case errors.Is(err, graphmodel.ErrTooBig), errors.Is(err, graphmodel.ErrRejected), errors.Is(err, graphmodel.ErrInvalid):
		reason, label := ReasonRejected, "rejected"
		if errors.Is(err, graphmodel.ErrTooBig) {
			reason, label = ReasonTooBig, "too-big"
		}
		w.m.retries.WithLabelValues(label).Inc()
		if len(srcs) == 1 {
			return w.deadLetter(ctx, topic, partition, []deadLetter{{msg: *srcs[0].msg, reason: reason, detail: err.Error()}})
		}
		mid := len(srcs) / 2
		if err := w.writeSources(ctx, topic, partition, srcs[:mid]); err != nil {
			return err
		}
		return w.writeSources(ctx, topic, partition, srcs[mid:])
	default:
		return fmt.Errorf("graph write: %w", err)
	}
}

// retryPolicy is the backoff of graph writes and Kafka requests after a
// transient failure: 100ms doubling to RetryMaxBackoff, for as long as the
// worker runs.
func (w *Worker) retryPolicy() retry.Policy {
	return retry.Policy{First: 100 * time.Millisecond, Max: w.cfg.RetryMaxBackoff}
}

// deadLetter sends messages to the dead-letter topic with the reason and
// where they came from, waiting for all replicas.
func (w *Worker) deadLetter(ctx context.Context, topic string, partition int, dead []deadLetter) error {
	if len(dead) == 0 {
		return nil
	}
	failedAt := w.now().UTC().Format(time.RFC3339Nano)
	out := make([]kafka.Message, 0, len(dead))
	for _, d := range dead {
		dl, truncated := deadLetterMessage(topic, partition, d, failedAt, w.cfg.DeadLetterMaxBytes)
		out = append(out, dl)
		w.log.Warn("dead-lettered", "reason", d.reason, "detail", d.detail, "offset", d.msg.Offset,
			"bytes", len(d.msg.Value), "truncated", truncated)
	}
	// Each dead letter fits the topic's limit by construction, so a write
	// fails only while Kafka does: retry it, and say so. The partition
	// makes no progress meanwhile, which the stall detector reports on
	// /readyz and kg_partition_stalled.
	err := retry.Do(ctx, w.retryPolicy(), func() error { return w.dlq.WriteMessages(ctx, out...) },
		func(err error, attempt int, wait time.Duration) {
			w.m.dlqRetries.Inc()
			w.log.Warn("dead-letter write failed; retrying", "err", err, "attempt", attempt, "backoff", wait)
		})
	if err != nil {
		return ctx.Err() // Do gives up only when ctx ends
	}
	for _, d := range dead {
		w.m.deadLettered.WithLabelValues(string(d.reason)).Inc()
	}
	return nil
}

// deadLetterMessage returns the dead letter of d: the original key, value,
// headers and timestamp with the reason and the origin in kg-* headers.
// When that would exceed maxBytes (the dead-letter topic's limit), the
// value is cut to a prefix of DeadLetterPrefixBytes, an oversized key and
// headers are cut too, and kg-truncated records the original value's
// length: the origin headers still lead to the original, which `kg dlq
// replay` fetches while the source topic retains it. A message larger than
// any dead-letter topic accepts can thus never stall its partition.
func deadLetterMessage(topic string, partition int, d deadLetter, failedAt string, maxBytes int) (kafka.Message, bool) {
	kg := []kafka.Header{
		{Key: hdrError, Value: []byte(d.reason)},
		{Key: hdrDetail, Value: []byte(graphmodel.Truncate(d.detail, 1024))},
		{Key: hdrTopic, Value: []byte(topic)},
		{Key: hdrPartition, Value: []byte(strconv.Itoa(partition))},
		{Key: hdrOffset, Value: []byte(strconv.FormatInt(d.msg.Offset, 10))},
		{Key: hdrFailedAt, Value: []byte(failedAt)},
	}
	key, value, orig := d.msg.Key, d.msg.Value, d.msg.Headers
	truncated := recordSize(key, value, orig)+recordSize(nil, nil, kg) > maxBytes
	if truncated {
		kg = append(kg, kafka.Header{Key: hdrTruncated, Value: []byte(strconv.Itoa(len(value)))})
		value = value[:min(len(value), DeadLetterPrefixBytes)]
		if len(key) > deadLetterKeyBytes {
			key = key[:deadLetterKeyBytes]
		}
		if recordSize(nil, nil, orig) > DeadLetterPrefixBytes {
			orig = nil // kept in the original, which the origin headers name
		}
	}
	headers := make([]kafka.Header, 0, len(orig)+len(kg))
	headers = append(append(headers, orig...), kg...)
	return kafka.Message{Topic: DeadLetterTopic(topic), Key: key, Value: value, Headers: headers, Time: d.msg.Time}, truncated
}

// Bounds of a truncated dead letter.
const (
	// DeadLetterPrefixBytes is how much of an oversized value a dead letter
	// keeps: enough to see what it was.
	DeadLetterPrefixBytes = 64 << 10
	deadLetterKeyBytes    = 1 << 10
)

// recordSize is an upper bound of what a record takes in a record batch:
// its bytes and the varints and attributes around them.
func recordSize(key, value []byte, headers []kafka.Header) int {
	n := 32 + len(key) + len(value)
	for _, h := range headers {
		n += 10 + len(h.Key) + len(h.Value)
	}
	return n
}
