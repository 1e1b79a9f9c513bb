// Package bench measures the pipeline against the write ceiling on the
// real services, for kg bench: it grows the graph, sweeps the batch sizes
// and writers of the bulk loader for the ceiling, times the pipeline's
// writer alone and a kg worker process fed through Kafka, and measures
// articles and end-to-end latency. The figures it prints are those of
// README.md's Performance section.
package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strconv"
	"time"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
	"github.com/newsgraph/kg/ingest"
)

// Default data, relative to the repository's root, where make bench runs:
// the excerpts of real GDELT 2.0 and ICEWS rows the tests use (29 rows,
// repeated under fresh ids to --events) and the development articles. The
// figures in README.md were measured on the full files, which --gdelt and
// --icews name (see README.md, Performance).
var (
	DefaultGDELT       = []string{"ingest/testdata/events/gdelt2-excerpt.export.CSV"}
	DefaultICEWS       = []string{"ingest/testdata/events/icews-excerpt.tsv"}
	DefaultArticleFile = "ingest/testdata/articles-dev.jsonl"
)

// Services are the Kafka and Neo4j the bench runs on and the settings of
// the worker it measures, as kg's configuration gives them.
type Services struct {
	Neo4j        neo4jstore.Config
	KafkaBrokers []string
	Kafka        consumers.Security
	// The worker's batches and write concurrency, which the writer-alone
	// runs copy.
	BatchMaxMessages, BatchMaxBytes, WriteConcurrency int
	// Extractor is the worker's, for the extraction-alone figure.
	Extractor *ingest.Extractor
	// Worker is the command line of a kg worker. It runs with the bench's
	// environment, to which the bench adds its topics, group and addresses.
	Worker []string
	Log    *slog.Logger // the store's
	// Progress receives the bench's progress lines and the worker's output.
	Progress io.Writer
}

// Options are kg bench's flags; the defaults are kg bench's.
type Options struct {
	Events, Articles, Grow int
	Rate                   float64       // articles/s of the open-loop publisher
	LatencyFor             time.Duration // how long it publishes
	// LatencyWarmUp is how long it publishes before the timed part, whose
	// latencies alone are reported.
	LatencyWarmUp time.Duration
	// GDELT and ICEWS name event files, or glob patterns of them; each
	// pattern must match a file.
	GDELT, ICEWS        []string
	ArticleFile         string // article messages, JSON Lines
	BatchSizes, Writers []int  // the ceiling's sweep
	CPUProfile          string // a file for a CPU profile of the worker; empty for none
	AllocProfile        string // a file for the worker's allocations during the event run; empty for none
	Partitions          int
	Rounds              int
	WarmUpRounds        int // untimed rounds before them
	LatencyOnly         bool
	// AnyDatabase lets the bench write to a database other than Database.
	AnyDatabase bool
	Layout      LayoutOptions
}

// Run measures, prints the figures to out and reports progress to
// svc.Progress. It refuses to run on a database other than Database
// unless o.AnyDatabase is set.
func Run(ctx context.Context, svc Services, o Options, out io.Writer) error {
	if err := CheckTarget(svc.Neo4j.Database, o.AnyDatabase); err != nil {
		return err
	}
	if o.Rounds < 1 {
		return fmt.Errorf("--rounds %d: want at least 1", o.Rounds)
	}
	if o.WarmUpRounds < 0 {
		return fmt.Errorf("--warm-up-rounds %d: want 0 or more", o.WarmUpRounds)
	}
	if svc.Extractor == nil || len(svc.Worker) == 0 || svc.Progress == nil {
		return fmt.Errorf("bench: Services lacks the extractor, the worker command or the progress writer")
	}
	b, err := prepare(ctx, svc, o)
	if err != nil {
		return err
	}
	defer b.close(ctx)
	if o.LatencyOnly {
		return b.latencyOnly(ctx, out)
	}
	if err := b.growGraph(ctx); err != nil {
		return err
	}
	best, err := b.sweep(ctx)
	if err != nil {
		return err
	}
	w, err := b.startPipeline(ctx)
	if err != nil {
		return err
	}
	defer w.stop()
	// Neo4j compiles its hot code during its first minutes of work: in
	// one run the ceiling's first timed round cost it 76 µs of CPU per
	// event and its fifth 44. The warm-up rounds run every step as a
	// timed round does, and their figures are dropped, so that the
	// figures describe Neo4j as a deployment runs it.
	figures := b.res
	for i := range o.WarmUpRounds {
		b.say("warm-up round %d of %d (untimed)", i+1, o.WarmUpRounds)
		if err := b.round(ctx, w, -1-i, best[0]); err != nil {
			return err
		}
	}
	b.res = figures
	for round := range o.Rounds {
		if err := b.round(ctx, w, round, best[min(round%2, len(best)-1)]); err != nil {
			return err
		}
	}
	// The pipeline's details are those of its median run.
	b.res.pipeline = b.res.pipelines[medianIndex(b.res.pipelineRuns)]
	if len(b.articles) > 0 {
		if err := b.articleRun(ctx, w); err != nil {
			return err
		}
	} else {
		b.res.rssThroughput = w.peakRSS()
	}
	w.stop()
	if err := b.latencyRun(ctx); err != nil {
		return err
	}
	return b.res.print(out)
}

// run is the state of one bench run.
type run struct {
	svc    Services
	o      Options
	stamp  string // in every id the run writes
	store  *neo4jstore.Store
	lay    *layout
	topics topics
	// events and articles are the messages of every timed pass.
	events   []ingest.EventMessage
	articles []consumers.Message
	// the latency step's templates: articles, or the file's first when there are none
	latencyArticles []consumers.Message
	res             result
}

// topics are the bench's topics and the worker's group, fresh for each run.
type topics struct {
	articles, events, group string
}

func (b *run) say(format string, args ...any) {
	fmt.Fprintf(b.svc.Progress, "bench: "+format+"\n", args...)
}

// prepare reads the data, connects to Neo4j and lays the processes out.
func prepare(ctx context.Context, svc Services, o Options) (*run, error) {
	// Every run writes rows of its own: ids carry the run's stamp, so that
	// a second run measures writes, not the skipping of known versions.
	stamp := strconv.FormatInt(time.Now().Unix(), 36)
	b := &run{svc: svc, o: o, stamp: stamp,
		topics: topics{articles: "bench-" + stamp + "-articles", events: "bench-" + stamp + "-events", group: "bench-" + stamp}}
	var err error
	if b.events, err = readEvents(o.GDELT, o.ICEWS, o.Events, stamp); err != nil {
		return nil, err
	}
	if b.articles, err = readArticles(o.ArticleFile, o.Articles, stamp); err != nil {
		return nil, err
	}
	// The latency step repeats the articles of step 4, or, when that step
	// has none (--articles 0), those of the file.
	b.latencyArticles = b.articles
	if len(b.latencyArticles) == 0 {
		if b.latencyArticles, err = readArticles(o.ArticleFile, 1, stamp); err != nil {
			return nil, err
		}
	}
	if b.store, err = neo4jstore.Open(ctx, svc.Neo4j, svc.Log); err != nil {
		return nil, err
	}
	if err := b.store.CheckSchema(ctx); err != nil {
		b.store.Close(ctx)
		return nil, err
	}
	if b.lay, err = newLayout(o.Layout, svc.Neo4j.URI); err != nil {
		b.store.Close(ctx)
		return nil, err
	}
	b.say("layout: %s", b.lay)
	b.res = result{events: len(b.events), articles: len(b.articles), layout: b.lay.String(),
		batchBytes: int64(svc.BatchMaxBytes), batchMessages: svc.BatchMaxMessages,
		writeConcurrency: svc.WriteConcurrency, partitions: o.Partitions}
	return b, nil
}

func (b *run) close(ctx context.Context) {
	b.lay.undo()
	b.store.Close(ctx)
}

// growGraph (step 1) grows the graph to o.Grow claims, once: later runs
// find it grown.
func (b *run) growGraph(ctx context.Context) error {
	claims, err := countClaims(ctx, b.store)
	if err != nil {
		return err
	}
	if claims < b.o.Grow {
		b.say("growing the graph from %d to %d claims", claims, b.o.Grow)
		start := time.Now()
		if err := grow(ctx, b.store, claims, b.o.Grow, b.stamp, b.say); err != nil {
			return err
		}
		b.say("grown in %s", time.Since(start).Round(time.Second))
	}
	b.res.claimsBefore, err = countClaims(ctx, b.store)
	return err
}

// ceilingConfig is one configuration of the bulk loader and its rate.
type ceilingConfig struct {
	size, writers int
	rate          float64
}

// sweep (step 2) tries every batch size with every number of writers and
// returns the configurations, the fastest first. Each try writes a sample
// spread over all the events (GDELT and ICEWS alike) again, under ids of
// its own. The configurations are tried twice, in one order and then in
// the reverse, and each keeps its better rate: Neo4j warms up as the
// sweep goes (after a start, a first try ran at a fifth of the rate of a
// later one), and in a single pass the configurations tried last won for
// being last.
func (b *run) sweep(ctx context.Context) ([]ceilingConfig, error) {
	var sample []ingest.EventMessage
	for i := 0; i < len(b.events); i += max(len(b.events)/30000, 1) {
		sample = append(sample, b.events[i])
	}
	var tried []ceilingConfig
	for _, writers := range b.o.Writers {
		for _, size := range b.o.BatchSizes {
			tried = append(tried, ceilingConfig{size: size, writers: writers})
		}
	}
	if len(tried) == 0 {
		return nil, fmt.Errorf("the ceiling sweep tried nothing: give --batch-sizes and --writers")
	}
	for pass := range 2 {
		for k := range tried {
			c := &tried[k]
			if pass == 1 {
				c = &tried[len(tried)-1-k]
			}
			evs := graphEvents(fmt.Sprintf("sweep%d.%d.%d:", pass, c.size, c.writers), sample)
			start := time.Now()
			if _, err := b.store.BulkEvents(ctx, evs, c.size, c.writers, time.Now()); err != nil {
				return nil, err
			}
			rate := float64(len(evs)) / time.Since(start).Seconds()
			b.say("ceiling sweep, pass %d: batch %d, %d writers: %.0f events/s", pass+1, c.size, c.writers, rate)
			c.rate = max(c.rate, rate)
		}
	}
	for _, c := range tried {
		b.res.sweep = append(b.res.sweep, fmt.Sprintf("%d×%d: %.0f/s", c.size, c.writers, c.rate))
	}
	sort.SliceStable(tried, func(i, j int) bool { return tried[i].rate > tried[j].rate })
	return tried, nil
}

// startPipeline (step 3) creates the bench's topics and starts a kg worker
// that has joined its group and written an untimed warm-up of its own, as
// the sweep is for the loader (the broker, the worker and Neo4j's
// statements start cold otherwise: a first run after the services started
// gave half the rate of the next).
func (b *run) startPipeline(ctx context.Context) (*worker, error) {
	if err := b.createTopics(ctx); err != nil {
		return nil, err
	}
	w, err := b.startWorker()
	if err != nil {
		return nil, err
	}
	if err := b.waitJoined(ctx, w); err != nil {
		w.stop()
		return nil, err
	}
	if err := b.warmUp(ctx, w); err != nil {
		w.stop()
		return nil, err
	}
	return w, nil
}

func (b *run) createTopics(ctx context.Context) error {
	for _, t := range []struct {
		name    string
		compact bool
	}{{b.topics.articles, true}, {b.topics.events, false}} {
		spec := consumers.TopicSpec{Partitions: b.o.Partitions, Compact: t.compact}
		if err := consumers.EnsureTopic(ctx, b.svc.KafkaBrokers, b.svc.Kafka, t.name, spec); err != nil {
			return err
		}
	}
	return nil
}

// warmUp sends 10,000 events and 1,000 articles of their own through the
// worker and waits until they are written.
func (b *run) warmUp(ctx context.Context, w *worker) error {
	warm := make([]ingest.EventMessage, 0, 10000)
	for _, m := range b.events[:min(10000, len(b.events))] {
		m.ID = "warm~" + m.ID
		warm = append(warm, m)
	}
	articles, err := readArticles(b.o.ArticleFile, 1000, b.stamp+"w")
	if err != nil {
		return err
	}
	if err := b.publishAll(ctx, b.topics.events, eventMessages(warm)); err != nil {
		return err
	}
	if err := b.publishAll(ctx, b.topics.articles, articles); err != nil {
		return err
	}
	for _, topic := range []string{b.topics.events, b.topics.articles} {
		if err := b.waitLag(ctx, topic, w); err != nil {
			return err
		}
	}
	return nil
}

// round is one round of the ceiling, the writer alone and the pipeline.
// They take turns, o.Rounds times, on the graph as the previous run left
// it, and each is reported as the median and the range of its runs: all
// have the same chance against the noise of a shared machine (runs of the
// same thing differ by up to a quarter here) and the growth of the graph.
// The ceiling's runs alternate between the two best configurations of the
// sweep, which measured each on a sample only.
func (b *run) round(ctx context.Context, w *worker, round int, c ceilingConfig) error {
	if err := b.ceilingRun(ctx, round, c); err != nil {
		return err
	}
	if err := b.writerAloneRuns(ctx, round); err != nil {
		return err
	}
	return b.pipelineRun(ctx, w, round)
}

// ceilingRun writes all the events with the bulk loader in configuration c.
func (b *run) ceilingRun(ctx context.Context, round int, c ceilingConfig) error {
	evs := graphEvents(fmt.Sprintf("ceiling%d:", round), b.events)
	cpu0 := b.lay.neo4jCPU()
	start := time.Now()
	st, err := b.store.BulkEvents(ctx, evs, c.size, c.writers, time.Now())
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	cpu := (b.lay.neo4jCPU() - cpu0) / float64(len(evs))
	b.say("ceiling: batch %d, %d writers: %d events, %d claims in %.1fs; Neo4j %.1f µs of CPU per event", c.size, c.writers, st.Events, st.Claims, secs, 1e6*cpu)
	r := &b.res
	r.ceilingRuns = append(r.ceilingRuns, float64(len(b.events))/secs)
	r.ceilingCPU = append(r.ceilingCPU, 1e6*cpu)
	r.ceilingRowRuns = append(r.ceilingRowRuns, float64(st.Events+st.Claims)/secs)
	r.ceilingDeadlocks += st.Deadlocks
	r.ceilingConfigs = append(r.ceilingConfigs, fmt.Sprintf("%d×%d", c.size, c.writers))
	return nil
}

// writerAloneRuns time what Write does with batches like the worker's, in
// this process, without Kafka or the worker; then with contiguous batches
// as the loader cuts them, which separates the cost of the statements from
// that of the batches' make-up.
func (b *run) writerAloneRuns(ctx context.Context, round int) error {
	for _, run := range []struct {
		name       string
		partitions int
		rates      *[]float64
	}{{"writer", b.o.Partitions, &b.res.writerRuns}, {"contiguous", 1, &b.res.contiguousRuns}} {
		evs := graphEvents(fmt.Sprintf("%s%d:", run.name, round), b.events)
		cpu0 := b.lay.neo4jCPU()
		start := time.Now()
		if err := writeAlone(ctx, b.store, evs, run.partitions, b.svc.BatchMaxMessages, b.svc.WriteConcurrency); err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		cpu := (b.lay.neo4jCPU() - cpu0) / float64(len(evs))
		b.say("writer alone (%d partitions): %d events in %.1fs; Neo4j %.1f µs of CPU per event", run.partitions, len(evs), secs, 1e6*cpu)
		*run.rates = append(*run.rates, float64(len(b.events))/secs)
	}
	return nil
}

// pipelineRun publishes the events, under ids of the round's own, to a
// worker that is running and idle, and times them until the worker has
// committed the last.
func (b *run) pipelineRun(ctx context.Context, w *worker, round int) error {
	cpu0 := b.lay.neo4jCPU()
	run, err := b.timePipeline(ctx, w, round)
	if err != nil {
		return err
	}
	n := len(b.events)
	cpu := (b.lay.neo4jCPU() - cpu0) / float64(n)
	b.say("pipeline: %d events in %.1fs; Neo4j %.1f µs of CPU per event", n, run.secs, 1e6*cpu)
	b.res.pipelineRuns = append(b.res.pipelineRuns, float64(n)/run.secs)
	b.res.pipelineCPU = append(b.res.pipelineCPU, 1e6*cpu)
	b.res.pipelines = append(b.res.pipelines, run)
	return nil
}

func (b *run) timePipeline(ctx context.Context, w *worker, round int) (pipelineStats, error) {
	var run pipelineStats
	msgs := make([]ingest.EventMessage, len(b.events))
	for i, m := range b.events {
		// A prefix of the round's own, as graphEvents gives the other
		// steps' events (readEvents).
		m.ID = fmt.Sprintf("pipeline%d:%s", round, m.ID)
		msgs[i] = m
	}
	values := eventMessages(msgs)
	base, err := workerFigures(w.addr)
	if err != nil {
		return run, err
	}
	claimsBefore, err := countClaims(ctx, b.store)
	if err != nil {
		return run, err
	}
	start := time.Now()
	if err := b.publishAll(ctx, b.topics.events, values); err != nil {
		return run, err
	}
	// What the worker does once the publisher is done says what sharing
	// the machine with the publisher cost.
	run.publishSecs = time.Since(start).Seconds()
	published, err := workerFigures(w.addr)
	if err != nil {
		return run, err
	}
	run.written = published.since(base).written
	for kind, path := range map[string]string{"profile": b.o.CPUProfile, "allocs": b.o.AllocProfile} {
		if path != "" && round == 0 {
			go func() {
				if err := saveProfile(w.pprofAddr, kind, path, 10*time.Second); err != nil {
					b.say("%s profile: %v", kind, err)
				}
			}()
		}
	}
	if err := b.waitLag(ctx, b.topics.events, w); err != nil {
		return run, err
	}
	run.secs = time.Since(start).Seconds()
	after, err := workerFigures(w.addr)
	if err != nil {
		return run, err
	}
	run.worker = after.since(base)
	claimsAfter, err := countClaims(ctx, b.store)
	if err != nil {
		return run, err
	}
	run.rows = len(b.events) + claimsAfter - claimsBefore
	return run, nil
}

// articleRun (step 4) sends the articles through the same worker, then
// extracts them in this process alone, and reads the worker's peak RSS.
func (b *run) articleRun(ctx context.Context, w *worker) error {
	start := time.Now()
	if err := b.publishAll(ctx, b.topics.articles, b.articles); err != nil {
		return err
	}
	if err := b.waitLag(ctx, b.topics.articles, w); err != nil {
		return err
	}
	b.res.articleSecs = time.Since(start).Seconds()
	b.res.extractor = b.svc.Extractor.Version()
	var err error
	if b.res.extractSecs, err = extractOnly(ctx, b.svc.Extractor, b.articles); err != nil {
		return err
	}
	b.res.rssThroughput = w.peakRSS()
	return nil
}

// latencyRun (step 5) publishes articles at o.Rate for o.LatencyFor to a
// fresh worker and reads the latencies its histogram recorded.
func (b *run) latencyRun(ctx context.Context) error {
	w, err := b.startWorker()
	if err != nil {
		return err
	}
	defer w.stop()
	if err := waitReady(w.addr, time.Minute); err != nil {
		return err
	}
	if err := b.waitJoined(ctx, w); err != nil {
		return err
	}
	// The warm-up's latencies are left out: Neo4j plans a statement again
	// once the statistics it was planned with have changed enough, and the
	// steps before this one multiplied the graph's articles, so the first
	// seconds of article writes wait for planning that a graph growing at
	// a deployment's pace does rarely. Its worst latency is reported.
	if b.o.LatencyWarmUp > 0 {
		if _, err := b.openLoop(ctx, b.topics.articles, "warm", b.latencyArticles, b.o.Rate, b.o.LatencyWarmUp); err != nil {
			return err
		}
		if err := b.waitLag(ctx, b.topics.articles, w); err != nil {
			return err
		}
	}
	before, err := latencyHistogram(w.addr)
	if err != nil {
		return err
	}
	b.res.warmUpMax = quantile(before, 1)
	sent, err := b.openLoop(ctx, b.topics.articles, "live", b.latencyArticles, b.o.Rate, b.o.LatencyFor)
	if err != nil {
		return err
	}
	if err := b.waitLag(ctx, b.topics.articles, w); err != nil {
		return err
	}
	b.res.latencySent = sent
	after, err := latencyHistogram(w.addr)
	if err != nil {
		return err
	}
	b.res.latency = figuresOf(since(after, before))
	b.res.rssLatency = w.peakRSS()
	return nil
}

// latencyOnly runs step 5 alone, on topics of its own.
func (b *run) latencyOnly(ctx context.Context, out io.Writer) error {
	if err := b.createTopics(ctx); err != nil {
		return err
	}
	if err := b.latencyRun(ctx); err != nil {
		return err
	}
	return b.res.printLatency(out, b.o.Rate)
}

// graphEvents maps event messages, under ids with prefix, to graph events,
// leaving out the invalid ones.
func graphEvents(prefix string, msgs []ingest.EventMessage) []graphmodel.Event {
	var out []graphmodel.Event
	for _, m := range msgs {
		m.ID = prefix + m.ID
		ev, oc := ingest.EventToGraph(m)
		if oc.Kind != ingest.OutcomeInvalid {
			out = append(out, ev)
		}
	}
	return out
}

// extractOnly extracts the articles with x, the worker's extractor (with
// the parser when KG_PARSER says so), one after another, and returns the
// seconds it took.
func extractOnly(ctx context.Context, x *ingest.Extractor, articles []consumers.Message) (float64, error) {
	start := time.Now()
	for _, a := range articles {
		m, err := ingest.DecodeArticle(a.Key, a.Value, 0)
		if err != nil {
			continue
		}
		if _, _, err := x.ArticleContext(ctx, m); err != nil {
			return 0, err
		}
	}
	return time.Since(start).Seconds(), nil
}
