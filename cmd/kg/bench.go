package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
	"github.com/newsgraph/kg/ingest"
)

type benchOpts struct {
	events, articles, grow int
	rate                   float64
	latencyFor             time.Duration
	gdelt, icews           []string
	articleFile            string
	batchSizes, writers    []int
	profile                string
	partitions             int
	rounds                 int
	latencyOnly            bool
	layout                 layoutOpts
}

func benchCmd() *cobra.Command {
	var o benchOpts
	var anyDatabase bool
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure the pipeline against the write ceiling on the real services",
		Long: `Measure, in one run on the configured Kafka and Neo4j:
  1. grow the graph to --grow claims (once; later runs reuse it);
  2. a sweep of batch sizes and numbers of concurrent writers for the ceiling: the events
     written straight to Neo4j by batched UNWIND statements;
  3. the ceiling, the pipeline's writer alone and the pipeline in turn, --rounds times (5),
     each reported as the median and the range of its runs: the ceiling alternating between
     the best and the second best configuration of the sweep; the writer alone with the batches and write concurrency of
     the worker, in this process, without Kafka, then with contiguous batches as the loader
     cuts them; the pipeline with --events event messages (real GDELT and ICEWS rows, ids
     made unique where repeated) published to and consumed by a kg worker process that has
     joined its group and written a warm-up of its own, timed from the first publish to the
     last commit, with the worker's CPU time; for the ceiling and the pipeline, Neo4j's CPU
     time per event (utime+stime of its process, from /proc);
  4. --articles articles through the same worker;
  5. latency from a record's create time to its graph commit under an open-loop publisher
     at --rate articles/s (p50, p90, p99 and max), and the worker's peak RSS with
     GOMEMLIMIT=64MiB.
When Neo4j runs on this machine (its pid from --neo4j-pid or deploy/local/services' pid file
under --state-dir) and the machine has two CPUs or more, Neo4j is pinned to CPUs of its own
(--neo4j-cpus, default the upper half) and Kafka, the bench, its publisher and the worker to
the rest, for the whole run; --no-pin leaves the scheduler alone. The report names the layout.
The worker runs with the KG_ settings of the environment (batch size, write concurrency, KG_PARSER:
with the parser, the article figures are the parser's; KG_PARSER=off measures the rules alone).
It writes to fresh topics and adds its events and articles to the graph, so it refuses to run
on any Neo4j database but "kgbench", the one of the bench's own instance that make bench
(deploy/local/with-services bench kg bench) starts, unless --any-database is given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			if err := checkBenchTarget(cfg, anyDatabase); err != nil {
				return err
			}
			// the bench's own instance (make bench) before the user's
			for _, env := range []string{"KG_BENCH_LOCAL_DIR", "KG_LOCAL_DIR"} {
				if !cmd.Flags().Changed("state-dir") && os.Getenv(env) != "" {
					o.layout.stateDir = os.Getenv(env)
					break
				}
			}
			return runBench(cmd.Context(), cfg, o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.events, "events", 100000, "event messages through the pipeline (and through the ceiling loader)")
	f.IntVar(&o.articles, "articles", 10000, "articles through the pipeline")
	f.IntVar(&o.grow, "grow", 1000000, "claims the graph holds before measuring")
	f.Float64Var(&o.rate, "rate", 50, "articles per second of the open-loop publisher for latency")
	f.DurationVar(&o.latencyFor, "latency-for", 30*time.Second, "how long the latency publisher runs")
	f.StringArrayVar(&o.gdelt, "gdelt", nil, "GDELT export files (default: the samples in ../shared/data/raw)")
	f.StringArrayVar(&o.icews, "icews", nil, "ICEWS files (default: the sample in ../shared/data/raw)")
	f.StringVar(&o.articleFile, "article-file", "ingest/testdata/articles-dev.jsonl", "article messages to repeat")
	f.IntSliceVar(&o.batchSizes, "batch-sizes", []int{1000, 2000, 5000, 10000}, "batch sizes the ceiling sweep tries")
	f.IntSliceVar(&o.writers, "writers", []int{1, 2, 3}, "concurrent transactions the ceiling sweep tries with each batch size")
	f.StringVar(&o.profile, "cpu-profile", "", "write a 10 s CPU profile of the worker during the event run to this file")
	f.IntVar(&o.partitions, "partitions", 3, "partitions of the bench's topics")
	f.BoolVar(&anyDatabase, "any-database", false, "benchmark a Neo4j database other than kgbench (it adds the bench's data to that graph)")
	f.IntVar(&o.rounds, "rounds", 5, "rounds of the ceiling, the writer alone and the pipeline; each is reported as the median and range of its rounds")
	f.StringVar(&o.layout.neo4jCPUs, "neo4j-cpus", "", "CPUs Neo4j is pinned to, as a list (\"1\", \"2-3\"); default the upper half of the CPUs")
	f.BoolVar(&o.latencyOnly, "latency-only", false, "run the latency measurement (step 5) alone, on topics of its own")
	f.BoolVar(&o.layout.noPin, "no-pin", false, "leave CPU placement to the scheduler")
	f.StringVar(&o.layout.stateDir, "state-dir", ".local", "deploy/local/services' state dir, whose run/neo4j.pid and run/kafka.pid name the processes (default $KG_BENCH_LOCAL_DIR, which make bench sets, else $KG_LOCAL_DIR, else .local)")
	f.IntVar(&o.layout.neo4jPid, "neo4j-pid", 0, "Neo4j's process, when there is no pid file")
	f.IntVar(&o.layout.kafkaPid, "kafka-pid", 0, "Kafka's process, when there is no pid file")
	return cmd
}

func runBench(ctx context.Context, cfg Config, o benchOpts, out io.Writer) error {
	log := textLogger(slog.LevelWarn)
	say := func(format string, args ...any) { fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...) }
	if o.gdelt == nil {
		o.gdelt, _ = filepath.Glob("../shared/data/raw/gdelt2-export-*/*.export.CSV")
	}
	if o.icews == nil {
		o.icews, _ = filepath.Glob("../shared/data/raw/icews-sample-andybega/icews_sample.tsv")
	}
	// Every run writes rows of its own: ids carry the run's stamp, so that
	// a second run measures writes, not the skipping of known versions.
	stamp := strconv.FormatInt(time.Now().Unix(), 36)
	events, err := benchEvents(o.gdelt, o.icews, o.events, stamp)
	if err != nil {
		return err
	}
	articles, err := benchArticles(o.articleFile, o.articles, stamp)
	if err != nil {
		return err
	}
	store, err := neo4jstore.Open(ctx, cfg.neo4j(), log)
	if err != nil {
		return err
	}
	defer store.Close(ctx)
	if err := store.CheckSchema(ctx); err != nil {
		return err
	}
	if o.rounds < 1 {
		return fmt.Errorf("--rounds %d: want at least 1", o.rounds)
	}
	lay, err := newLayout(o.layout, cfg.Neo4jURI)
	if err != nil {
		return err
	}
	defer lay.undo()
	say("layout: %s", lay)
	if o.latencyOnly {
		return latencyOnly(ctx, cfg, o, lay, stamp, articles, out)
	}
	res := benchResult{events: len(events), articles: len(articles), layout: lay.String()}

	// 1. Grow the graph.
	claims, err := countClaims(ctx, store)
	if err != nil {
		return err
	}
	if claims < o.grow {
		say("growing the graph from %d to %d claims", claims, o.grow)
		start := time.Now()
		if err := grow(ctx, store, claims, o.grow, stamp); err != nil {
			return err
		}
		say("grown in %s", time.Since(start).Round(time.Second))
	}
	res.claimsBefore, _ = countClaims(ctx, store)

	// 2. The sweep for the ceiling.
	graphEvents := func(prefix string, msgs []ingest.EventMessage) []graphmodel.Event {
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
	// Every batch size with every number of writers. Each try writes a
	// sample spread over all the events (GDELT and ICEWS alike) again,
	// under ids of its own.
	type config struct {
		size, writers int
		rate          float64
	}
	var tried []config
	var sample []ingest.EventMessage
	for i := 0; i < len(events); i += max(len(events)/30000, 1) {
		sample = append(sample, events[i])
	}
	try := func(size, writers int) error {
		evs := graphEvents(fmt.Sprintf("sweep%d.%d:", size, writers), sample)
		start := time.Now()
		if _, err := store.BulkEvents(ctx, evs, size, writers, time.Now()); err != nil {
			return err
		}
		rate := float64(len(evs)) / time.Since(start).Seconds()
		say("ceiling sweep: batch %d, %d writers: %.0f events/s", size, writers, rate)
		res.sweep = append(res.sweep, fmt.Sprintf("%d×%d: %.0f/s", size, writers, rate))
		tried = append(tried, config{size, writers, rate})
		return nil
	}
	for _, writers := range o.writers {
		for _, size := range o.batchSizes {
			if err := try(size, writers); err != nil {
				return err
			}
		}
	}
	sort.SliceStable(tried, func(i, j int) bool { return tried[i].rate > tried[j].rate })

	// 3. The pipeline: a kg worker process that has joined its group and
	// written an untimed warm-up of its own, as the sweep is for the loader
	// (the broker, the worker and Neo4j's statements start cold otherwise:
	// a first run after the services started gave half the rate of the
	// next).
	articleTopic, eventTopic, group := "bench-"+stamp+"-articles", "bench-"+stamp+"-events", "bench-"+stamp
	sec := cfg.security()
	for _, t := range []struct {
		name    string
		compact bool
	}{{articleTopic, true}, {eventTopic, false}} {
		if err := consumers.EnsureTopic(ctx, cfg.KafkaBrokers, sec, t.name, consumers.TopicSpec{Partitions: o.partitions, Compact: t.compact}); err != nil {
			return err
		}
	}
	w, err := startBenchWorker(cfg, articleTopic, eventTopic, group, lay)
	if err != nil {
		return err
	}
	if err := waitJoined(ctx, cfg, group, w); err != nil {
		w.stop()
		return err
	}
	if err := warmUp(ctx, cfg, o, stamp, events, articleTopic, eventTopic, group, w); err != nil {
		w.stop()
		return err
	}

	// The ceiling and the pipeline take turns, --rounds times, on the graph
	// as the previous run left it, and each is reported as the median and
	// the range of its runs: all have the same chance against the noise of
	// a shared machine (runs of the same thing differ by up to a quarter
	// here) and the growth of the graph. The ceiling's runs alternate
	// between the two best configurations of the sweep, which measured each
	// on a sample only.
	for round := range o.rounds {
		c := tried[min(round%2, len(tried)-1)]
		evs := graphEvents(fmt.Sprintf("ceiling%d:", round), events)
		cpu0 := lay.neo4jCPU()
		start := time.Now()
		st, err := store.BulkEvents(ctx, evs, c.size, c.writers, time.Now())
		if err != nil {
			w.stop()
			return err
		}
		secs := time.Since(start).Seconds()
		cpu := (lay.neo4jCPU() - cpu0) / float64(len(evs))
		say("ceiling: batch %d, %d writers: %d events, %d claims in %.1fs; Neo4j %.1f µs of CPU per event", c.size, c.writers, st.Events, st.Claims, secs, 1e6*cpu)
		res.ceilingRuns = append(res.ceilingRuns, float64(len(events))/secs)
		res.ceilingCPU = append(res.ceilingCPU, 1e6*cpu)
		res.ceilingRowRuns = append(res.ceilingRowRuns, float64(st.Events+st.Claims)/secs)
		res.ceilingDeadlocks += st.Deadlocks
		res.ceilingConfigs = append(res.ceilingConfigs, fmt.Sprintf("%d×%d", c.size, c.writers))

		// The pipeline's writer alone: what Write does with batches like
		// the worker's, in this process, without Kafka or the worker; then
		// with contiguous batches as the loader cuts them, which separates
		// the cost of the statements from that of the batches' make-up.
		for _, run := range []struct {
			name       string
			partitions int
			rates      *[]float64
		}{{"writer", o.partitions, &res.writerRuns}, {"contiguous", 1, &res.contiguousRuns}} {
			evs = graphEvents(fmt.Sprintf("%s%d:", run.name, round), events)
			start = time.Now()
			if err := writeAlone(ctx, store, evs, run.partitions, cfg.BatchMaxMessages, cfg.WriteConcurrency); err != nil {
				w.stop()
				return err
			}
			secs = time.Since(start).Seconds()
			say("writer alone (%d partitions): %d events in %.1fs", run.partitions, len(evs), secs)
			*run.rates = append(*run.rates, float64(len(events))/secs)
		}

		cpu0 = lay.neo4jCPU()
		run, err := pipelineRun(ctx, cfg, store, w, eventTopic, group, events, round, o.profile)
		if err != nil {
			w.stop()
			return err
		}
		cpu = (lay.neo4jCPU() - cpu0) / float64(len(events))
		say("pipeline: %d events in %.1fs; Neo4j %.1f µs of CPU per event", len(events), run.secs, 1e6*cpu)
		res.pipelineRuns = append(res.pipelineRuns, float64(len(events))/run.secs)
		res.pipelineCPU = append(res.pipelineCPU, 1e6*cpu)
		res.pipelines = append(res.pipelines, run)
	}
	// The pipeline's details are those of its median run.
	res.pipeline = res.pipelines[medianIndex(res.pipelineRuns)]

	// 4. Articles through the same worker.
	start := time.Now()
	if err := publishAll(ctx, cfg, articleTopic, articles); err != nil {
		w.stop()
		return err
	}
	if err := waitLag(ctx, cfg, group, articleTopic, w); err != nil {
		w.stop()
		return err
	}
	res.articleSecs = time.Since(start).Seconds()
	x, err := cfg.extractor()
	if err != nil {
		w.stop()
		return err
	}
	res.extractor = x.Version()
	if res.extractSecs, err = extractOnly(ctx, x, articles); err != nil {
		w.stop()
		return err
	}
	res.rssThroughput = w.peakRSS()
	w.stop()

	// 5. Latency under an open-loop publisher, with a fresh worker.
	if err := latencyRun(ctx, cfg, o, lay, articleTopic, eventTopic, group, articles, &res); err != nil {
		return err
	}
	res.batchBytes = int64(cfg.BatchMaxBytes)
	res.batchMessages, res.writeConcurrency, res.partitions = cfg.BatchMaxMessages, cfg.WriteConcurrency, o.partitions
	res.print(out)
	return nil
}

// latencyRun publishes articles at o.rate for o.latencyFor to a fresh
// worker and reads the latencies its histogram recorded.
func latencyRun(ctx context.Context, cfg Config, o benchOpts, lay *benchLayout, articleTopic, eventTopic, group string, articles []consumers.Message, res *benchResult) error {
	w, err := startBenchWorker(cfg, articleTopic, eventTopic, group, lay)
	if err != nil {
		return err
	}
	defer w.stop()
	if err := waitReady(w.addr, time.Minute); err != nil {
		return err
	}
	if err := waitJoined(ctx, cfg, group, w); err != nil {
		return err
	}
	sent, err := openLoop(ctx, cfg, articleTopic, articles, o.rate, o.latencyFor)
	if err != nil {
		return err
	}
	if err := waitLag(ctx, cfg, group, articleTopic, w); err != nil {
		return err
	}
	res.latencySent = sent
	if res.latency, err = latencyQuantiles(w.addr); err != nil {
		return err
	}
	res.rssLatency = w.peakRSS()
	return nil
}

// latencyOnly runs step 5 alone, on topics of its own.
func latencyOnly(ctx context.Context, cfg Config, o benchOpts, lay *benchLayout, stamp string, articles []consumers.Message, out io.Writer) error {
	articleTopic, eventTopic, group := "bench-"+stamp+"-articles", "bench-"+stamp+"-events", "bench-"+stamp
	for _, t := range []struct {
		name    string
		compact bool
	}{{articleTopic, true}, {eventTopic, false}} {
		if err := consumers.EnsureTopic(ctx, cfg.KafkaBrokers, cfg.security(), t.name, consumers.TopicSpec{Partitions: o.partitions, Compact: t.compact}); err != nil {
			return err
		}
	}
	var res benchResult
	if err := latencyRun(ctx, cfg, o, lay, articleTopic, eventTopic, group, articles, &res); err != nil {
		return err
	}
	l := res.latency
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "machine\t%d cores, GOMAXPROCS %d\n", runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(tw, "layout\t%s\n", lay)
	fmt.Fprintf(tw, "latency at %d articles\tp50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max ≤ %.0f ms at %.0f articles/s (kg_end_to_end_seconds; max is its bucket's bound)\n",
		res.latencySent, 1000*l.p50, 1000*l.p90, 1000*l.p99, 1000*l.max, o.rate)
	fmt.Fprintf(tw, "worker peak RSS\t%.1f MiB\n", float64(res.rssLatency)/(1<<20))
	return tw.Flush()
}

type benchResult struct {
	events, articles, claimsBefore        int
	sweep                                 []string
	layout                                string
	ceilingConfigs                        []string  // batch×writers of each run
	ceilingDeadlocks                      int       // over all runs
	ceilingRuns, pipelineRuns             []float64 // events/s of each run
	ceilingRowRuns                        []float64 // graph rows/s of each run
	ceilingCPU, pipelineCPU               []float64 // Neo4j's µs of CPU per event in each run
	writerRuns, contiguousRuns            []float64
	pipelines                             []pipelineStats
	pipeline                              pipelineStats // the median run
	articleSecs, extractSecs              float64
	extractor                             string // the extractor version of both article figures
	latencySent                           int
	latency                               latencyFigures
	rssThroughput, rssLatency, batchBytes int64
	batchMessages, writeConcurrency       int
	partitions                            int
}

// writeAlone writes events with Store.Write as a worker would: split into
// partitions by id, each cut into batches of batchSize, written by up to
// writers transactions at once. It separates what the pipeline's writer
// costs Neo4j from what sharing the machine with Kafka and the worker does.
// With one partition the batches are contiguous runs of the events, as the
// loader cuts them; with more, transactions in flight at once hold events
// from the same stretch of the input, as a worker's partitions do.
func writeAlone(ctx context.Context, store *neo4jstore.Store, events []graphmodel.Event, partitions, batchSize, writers int) error {
	parts := make([][]graphmodel.Event, max(partitions, 1))
	for _, e := range events {
		h := fnv.New32a()
		h.Write([]byte(e.ID))
		i := h.Sum32() % uint32(len(parts))
		parts[i] = append(parts[i], e)
	}
	batches := make(chan []graphmodel.Event)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(batches)
		for start := 0; ; start += batchSize {
			sent := false
			for _, p := range parts {
				if start < len(p) {
					select {
					case batches <- p[start:min(start+batchSize, len(p))]:
					case <-ctx.Done():
						return ctx.Err()
					}
					sent = true
				}
			}
			if !sent {
				return nil
			}
		}
	})
	for range max(writers, 1) {
		g.Go(func() error {
			for b := range batches {
				if _, err := store.Write(ctx, &graphmodel.Batch{Events: b}, time.Now()); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// pipelineStats are the figures of one timed pass of the events through
// the pipeline.
type pipelineStats struct {
	secs        float64 // from the first publish to the last commit
	rows        int     // events and the claims they made
	publishSecs float64 // until the publisher was done
	// written is what the worker had written when the publisher was done.
	written int
	worker  workerStats
}

// pipelineRun publishes the events, under ids of the round's own, to a
// worker that is running and idle, and times them until the worker has
// committed the last.
func pipelineRun(ctx context.Context, cfg Config, store *neo4jstore.Store, w *benchWorker, topic, group string, events []ingest.EventMessage, round int, profile string) (pipelineStats, error) {
	var run pipelineStats
	msgs := make([]ingest.EventMessage, len(events))
	for i, m := range events {
		m.ID = fmt.Sprintf("%s/%d", m.ID, round)
		msgs[i] = m
	}
	values := eventMessages(msgs)
	base, err := workerFigures(w.addr)
	if err != nil {
		return run, err
	}
	claimsBefore, err := countClaims(ctx, store)
	if err != nil {
		return run, err
	}
	start := time.Now()
	if err := publishAll(ctx, cfg, topic, values); err != nil {
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
	if profile != "" && round == 0 {
		go func() {
			if err := cpuProfile(w.pprofAddr, profile, 10*time.Second); err != nil {
				fmt.Fprintf(os.Stderr, "bench: cpu profile: %v\n", err)
			}
		}()
	}
	if err := waitLag(ctx, cfg, group, topic, w); err != nil {
		return run, err
	}
	run.secs = time.Since(start).Seconds()
	after, err := workerFigures(w.addr)
	if err != nil {
		return run, err
	}
	run.worker = after.since(base)
	claimsAfter, err := countClaims(ctx, store)
	if err != nil {
		return run, err
	}
	run.rows = len(events) + claimsAfter - claimsBefore
	return run, nil
}

func rates(runs []float64) string {
	var out []string
	for _, r := range runs {
		out = append(out, fmt.Sprintf("%.0f", r))
	}
	return strings.Join(out, ", ")
}

func (r benchResult) print(out io.Writer) {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	n := len(r.ceilingRuns)
	fmt.Fprintf(tw, "machine\t%d cores, GOMAXPROCS %d\n", runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(tw, "layout\t%s\n", r.layout)
	fmt.Fprintf(tw, "graph before\t%d claims\n", r.claimsBefore)
	fmt.Fprintf(tw, "ceiling sweep (batch×writers)\t%s\n", strings.Join(r.sweep, ", "))
	fmt.Fprintf(tw, "figures\tmedian (min–max) of %d rounds\n", n)
	ceil := spreadOf(r.ceilingRuns)
	p := r.pipeline
	pipe := spreadOf(r.pipelineRuns)
	fmt.Fprintf(tw, "ceiling\t%s events/s, %s graph rows/s (batch×writers by round: %s; runs: %s events/s)\n",
		ceil, spreadOf(r.ceilingRowRuns), strings.Join(r.ceilingConfigs, ", "), rates(r.ceilingRuns))
	fmt.Fprintf(tw, "pipeline, events\t%s messages/s, %.0f graph rows/s in the median run (batch %d, writers %d, partitions %d; runs: %s events/s)\n",
		pipe, float64(p.rows)/p.secs, r.batchMessages, r.writeConcurrency, r.partitions, rates(r.pipelineRuns))
	fmt.Fprintf(tw, "pipeline / ceiling\t%.2f (of the medians)\n", pipe.median/ceil.median)
	fmt.Fprintf(tw, "Neo4j CPU per event\t%s µs (ceiling), %s µs (pipeline)\n", cpuSpread(r.ceilingCPU), cpuSpread(r.pipelineCPU))
	alone := spreadOf(r.writerRuns)
	fmt.Fprintf(tw, "pipeline's writer alone\t%s events/s, %.2f of the ceiling (no Kafka, no worker process; runs: %s events/s)\n",
		alone, alone.median/ceil.median, rates(r.writerRuns))
	contiguous := spreadOf(r.contiguousRuns)
	fmt.Fprintf(tw, "  with contiguous batches\t%s events/s, %.2f of the ceiling (one partition, batches cut as the loader cuts them; runs: %s events/s)\n",
		contiguous, contiguous.median/ceil.median, rates(r.contiguousRuns))
	if max(alone.median, contiguous.median) > ceil.median {
		// Write runs the loader's statements and more: only noise larger
		// than the difference lets it win.
		fmt.Fprintf(tw, "warning\tthe writer alone beat the loader, which does less: the noise of this run exceeds the differences measured; run the bench again\n")
	}
	after := float64(r.events-p.written) / (p.secs - p.publishSecs)
	fmt.Fprintf(tw, "pipeline while publishing\t%.0f events/s for %.1fs, then %.0f events/s (%.2f of the ceiling; median run)\n",
		float64(p.written)/p.publishSecs, p.publishSecs, after, after/ceil.median)
	fmt.Fprintf(tw, "pipeline's write slots\tbusy %.0f%% of the run, %d batches of %.0f events on average (median run)\n",
		100*p.worker.writeSecs/(p.secs*float64(r.writeConcurrency)), p.worker.batches, float64(r.events)/float64(max(p.worker.batches, 1)))
	fmt.Fprintf(tw, "pipeline's worker CPU\t%.2f s for the %d events, %.2f of a core on average (median run)\n",
		p.worker.cpuSecs, r.events, p.worker.cpuSecs/p.secs)
	deadlocks := 0
	for _, run := range r.pipelines {
		deadlocks += run.worker.deadlocks
	}
	fmt.Fprintf(tw, "deadlocks retried\t%d (ceiling), %d (pipeline), over all rounds\n", r.ceilingDeadlocks, deadlocks)
	fmt.Fprintf(tw, "pipeline, articles\t%.0f articles/s (extraction alone: %.0f articles/s; extractor %s)\n",
		float64(r.articles)/r.articleSecs, float64(r.articles)/r.extractSecs, r.extractor)
	l := r.latency
	fmt.Fprintf(tw, "latency at %d articles\tp50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max ≤ %.0f ms (kg_end_to_end_seconds; max is its bucket's bound)\n",
		r.latencySent, 1000*l.p50, 1000*l.p90, 1000*l.p99, 1000*l.max)
	target := 64<<20 + 2*r.batchBytes
	fmt.Fprintf(tw, "worker peak RSS\t%.1f MiB (throughput run), %.1f MiB (latency run); target %.0f MiB\n",
		float64(r.rssThroughput)/(1<<20), float64(r.rssLatency)/(1<<20), float64(target)/(1<<20))
	tw.Flush()
}

// cpuSpread prints µs figures, which are unknown (NaN) when Neo4j's
// process was not found.
func cpuSpread(runs []float64) string {
	s := spreadOf(runs)
	if math.IsNaN(s.median) {
		return "unknown (Neo4j's process not found)"
	}
	return fmt.Sprintf("%.1f (%.1f–%.1f)", s.median, s.min, s.max)
}

// benchEvents reads event rows and repeats them, with ids made unique, to n.
func benchEvents(gdelt, icews []string, n int, stamp string) ([]ingest.EventMessage, error) {
	var base []ingest.EventMessage
	keep := func(r ingest.EventRow) error {
		if r.Err == nil {
			base = append(base, r.Message)
		}
		return nil
	}
	for _, p := range gdelt {
		if err := withFile(p, func(f io.Reader) error { return ingest.ReadGDELT(f, keep) }); err != nil {
			return nil, err
		}
	}
	for _, p := range icews {
		if err := withFile(p, func(f io.Reader) error { return ingest.ReadICEWS(f, keep) }); err != nil {
			return nil, err
		}
	}
	if len(base) == 0 {
		return nil, fmt.Errorf("no event rows: name files with --gdelt or --icews")
	}
	out := make([]ingest.EventMessage, 0, n)
	for i := 0; len(out) < n; i++ {
		m := base[i%len(base)]
		m.ID = fmt.Sprintf("%s~%s.%d", m.ID, stamp, i/len(base))
		out = append(out, m)
	}
	return out, nil
}

func eventMessages(events []ingest.EventMessage) []consumers.Message {
	out := make([]consumers.Message, 0, len(events))
	for _, m := range events {
		b, _ := json.Marshal(m)
		out = append(out, consumers.Message{Key: []byte(m.ID), Value: b})
	}
	return out
}

// benchArticles repeats the article messages of a file, with unique ids, to n.
func benchArticles(path string, n int, stamp string) ([]consumers.Message, error) {
	var base []map[string]any
	err := withFile(path, func(f io.Reader) error {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 4<<20)
		for sc.Scan() {
			var m map[string]any
			if json.Unmarshal(sc.Bytes(), &m) == nil {
				base = append(base, m)
			}
		}
		return sc.Err()
	})
	if err != nil || len(base) == 0 {
		return nil, fmt.Errorf("articles from %s: %v", path, err)
	}
	out := make([]consumers.Message, 0, n)
	for i := 0; len(out) < n; i++ {
		m := base[i%len(base)]
		id := fmt.Sprintf("%s~%s.%d", m["id"], stamp, i)
		c := map[string]any{}
		for k, v := range m {
			c[k] = v
		}
		c["id"] = id
		b, _ := json.Marshal(c)
		out = append(out, consumers.Message{Key: []byte(id), Value: b})
	}
	return out, nil
}

func publishAll(ctx context.Context, cfg Config, topic string, msgs []consumers.Message) error {
	p, err := consumers.NewPublisher(ctx, cfg.KafkaBrokers, cfg.security(), topic, consumers.TopicSpec{})
	if err != nil {
		return err
	}
	defer p.Close()
	for start := 0; start < len(msgs); start += 5000 {
		if err := p.Publish(ctx, msgs[start:min(start+5000, len(msgs))]); err != nil {
			return err
		}
	}
	return nil
}

// openLoop publishes articles at a steady rate, whatever the consumer does,
// and returns how many it sent. Each message gets a fresh id.
func openLoop(ctx context.Context, cfg Config, topic string, articles []consumers.Message, rate float64, d time.Duration) (int, error) {
	p, err := consumers.NewPublisher(ctx, cfg.KafkaBrokers, cfg.security(), topic, consumers.TopicSpec{})
	if err != nil {
		return 0, err
	}
	defer p.Close()
	interval := time.Duration(float64(time.Second) / rate)
	start := time.Now()
	sent := 0
	for time.Since(start) < d {
		var m map[string]any
		json.Unmarshal(articles[sent%len(articles)].Value, &m)
		m["id"] = fmt.Sprintf("%s~live%d", m["id"], sent)
		b, _ := json.Marshal(m)
		// Each publish is its own call, so that a record's create time is
		// when it was sent.
		go p.Publish(ctx, []consumers.Message{{Key: []byte(m["id"].(string)), Value: b}})
		sent++
		time.Sleep(time.Until(start.Add(time.Duration(sent) * interval)))
	}
	time.Sleep(time.Second) // let the last sends finish
	return sent, nil
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

func countClaims(ctx context.Context, s *neo4jstore.Store) (int, error) {
	t, err := s.Query(ctx, `MATCH (c:Claim) RETURN count(c)`, nil)
	if err != nil {
		return 0, err
	}
	return int(t.Rows[0][0].(int64)), nil
}

// grow adds synthetic events, each asserting one claim between two
// different states, until the graph holds target claims.
func grow(ctx context.Context, s *neo4jstore.Store, have, target int, stamp string) error {
	states := []string{"USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "IRN", "ISR", "SAU",
		"TUR", "PAK", "KOR", "PRK", "UKR", "SYR", "EGY", "NGA", "ZAF", "MEX", "CAN", "AUS"}
	codes := []string{"0231", "112", "022", "1121", "0211"}
	const chunk = 20000
	next := have
	for have < target {
		var evs []graphmodel.Event
		for n := 0; n < min(chunk, target-have); n++ {
			i := next
			next++
			subj := i % len(states)
			obj := (subj + 1 + (i/len(states))%(len(states)-1)) % len(states) // never the subject
			m := ingest.EventMessage{
				ID:         fmt.Sprintf("grow-%s:%d", stamp, i),
				CAMEO:      codes[i%len(codes)],
				Subject:    &ingest.EventParty{Code: states[subj] + "GOV"},
				Object:     &ingest.EventParty{Code: states[obj]},
				OccurredAt: fmt.Sprintf("20%02d-%02d-%02d", 10+i%15, 1+i%12, 1+i%28),
				Source:     "bench",
			}
			if ev, oc := ingest.EventToGraph(m); oc.Kind == ingest.OutcomeClaim {
				evs = append(evs, ev)
			}
		}
		st, err := s.BulkEvents(ctx, evs, 5000, 1, time.Now())
		if err != nil {
			return err
		}
		if st.Claims == 0 {
			return fmt.Errorf("growing wrote no claims")
		}
		have += st.Claims
		fmt.Fprintf(os.Stderr, "bench: grown to %d claims\n", have)
	}
	return nil
}

// benchWorker is a kg worker process.
type benchWorker struct {
	cmd       *exec.Cmd
	addr      string // metrics and health
	pprofAddr string
	done      chan error
}

func startBenchWorker(cfg Config, articles, events, group string, lay *benchLayout) (*benchWorker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	pl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	pprofAddr := pl.Addr().String()
	pl.Close()
	cmd := exec.Command(exe, "worker")
	limit := 64 << 20 // GOMEMLIMIT as deploy/ sets it
	cmd.Env = append(os.Environ(), "KG_ARTICLES_TOPIC="+articles, "KG_EVENTS_TOPIC="+events,
		"KG_KAFKA_GROUP_ID="+group, "KG_HTTP_ADDR="+addr, "KG_LOG_LEVEL=warn", "KG_PPROF=true", "KG_PPROF_ADDR="+pprofAddr,
		"GOMEMLIMIT="+strconv.Itoa(limit))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := &benchWorker{cmd: cmd, addr: addr, pprofAddr: pprofAddr, done: make(chan error, 1)}
	go func() { w.done <- cmd.Wait() }()
	if err := lay.pinChild(cmd.Process.Pid); err != nil {
		w.stop()
		return nil, err
	}
	return w, nil
}

func (w *benchWorker) stop() {
	w.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-w.done:
	case <-time.After(time.Minute):
		w.cmd.Process.Kill()
	}
}

// peakRSS reads the process's high-water resident set size from /proc.
func (w *benchWorker) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", w.cmd.Process.Pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return -1
}

func waitLag(ctx context.Context, cfg Config, group, topic string, w *benchWorker) error {
	for {
		select {
		case err := <-w.done:
			return fmt.Errorf("worker exited: %v", err)
		default:
		}
		lag, err := consumers.Lag(ctx, cfg.KafkaBrokers, cfg.security(), group, topic)
		if err == nil && lag == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// cpuProfile saves a CPU profile of the worker at addr.
func cpuProfile(addr, path string, d time.Duration) error {
	var resp *http.Response
	var err error
	for range 100 { // the worker serves HTTP once Neo4j answers
		resp, err = http.Get(fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, int(d.Seconds())))
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}

// waitJoined waits until the worker has joined its consumer group.
func waitJoined(ctx context.Context, cfg Config, group string, w *benchWorker) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-w.done:
			return fmt.Errorf("worker exited: %v", err)
		default:
		}
		if ok, err := consumers.GroupStable(ctx, cfg.KafkaBrokers, cfg.security(), group); err == nil && ok {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("the worker did not join group %s in 2 minutes", group)
}

func waitReady(addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("worker not ready after %s", timeout)
}

// latencyFigures are end-to-end latencies in seconds.
type latencyFigures struct {
	p50, p90, p99, max float64
}

// latencyQuantiles reads the worker's end-to-end histogram, interpolates
// its percentiles within their buckets and bounds its maximum by the
// upper bound of the highest bucket that holds a sample.
func latencyQuantiles(addr string) (latencyFigures, error) {
	fams, err := scrapeMetrics(addr)
	if err != nil {
		return latencyFigures{}, err
	}
	f, ok := fams["kg_end_to_end_seconds"]
	if !ok || len(f.GetMetric()) == 0 {
		return latencyFigures{}, fmt.Errorf("no kg_end_to_end_seconds")
	}
	h := f.GetMetric()[0].GetHistogram()
	return latencyFigures{p50: quantile(h, 0.5), p90: quantile(h, 0.9), p99: quantile(h, 0.99), max: quantile(h, 1)}, nil
}

// deadlocks reads how many deadlocked transactions the worker at addr retried.
// workerStats are what a worker's metrics say about a run.
type workerStats struct {
	deadlocks, batches int
	written            int     // messages whose write committed
	writeSecs          float64 // in transactions, summed over the write slots
	cpuSecs            float64 // the worker process's CPU time
}

// since returns what happened after base.
func (s workerStats) since(base workerStats) workerStats {
	return workerStats{deadlocks: s.deadlocks - base.deadlocks, batches: s.batches - base.batches,
		written: s.written - base.written, writeSecs: s.writeSecs - base.writeSecs, cpuSecs: s.cpuSecs - base.cpuSecs}
}

// warmUp sends 10,000 events and 1,000 articles of their own through the
// worker and waits until they are written.
func warmUp(ctx context.Context, cfg Config, o benchOpts, stamp string, events []ingest.EventMessage, articleTopic, eventTopic, group string, w *benchWorker) error {
	warm := make([]ingest.EventMessage, 0, 10000)
	for _, m := range events[:min(10000, len(events))] {
		m.ID = "warm~" + m.ID
		warm = append(warm, m)
	}
	articles, err := benchArticles(o.articleFile, 1000, stamp+"w")
	if err != nil {
		return err
	}
	if err := publishAll(ctx, cfg, eventTopic, eventMessages(warm)); err != nil {
		return err
	}
	if err := publishAll(ctx, cfg, articleTopic, articles); err != nil {
		return err
	}
	for _, topic := range []string{eventTopic, articleTopic} {
		if err := waitLag(ctx, cfg, group, topic, w); err != nil {
			return err
		}
	}
	return nil
}

func workerFigures(addr string) (workerStats, error) {
	var st workerStats
	fams, err := scrapeMetrics(addr)
	if err != nil {
		return st, err
	}
	for _, name := range []string{"kg_neo4j_retries_total", "kg_neo4j_write_seconds", "kg_batch_messages", "kg_messages_written_total", "process_cpu_seconds_total"} {
		if len(fams[name].GetMetric()) == 0 {
			return st, fmt.Errorf("the worker's metrics lack %s", name)
		}
	}
	for _, m := range fams["kg_neo4j_retries_total"].GetMetric() {
		for _, l := range m.GetLabel() {
			if l.GetName() == "reason" && l.GetValue() == "deadlock" {
				st.deadlocks = int(m.GetCounter().GetValue())
			}
		}
	}
	st.writeSecs = fams["kg_neo4j_write_seconds"].GetMetric()[0].GetHistogram().GetSampleSum()
	st.batches = int(fams["kg_batch_messages"].GetMetric()[0].GetHistogram().GetSampleCount())
	st.written = int(fams["kg_messages_written_total"].GetMetric()[0].GetCounter().GetValue())
	st.cpuSecs = fams["process_cpu_seconds_total"].GetMetric()[0].GetCounter().GetValue()
	return st, nil
}

func scrapeMetrics(addr string) (map[string]*dto.MetricFamily, error) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	return parser.TextToMetricFamilies(resp.Body)
}

func quantile(h *dto.Histogram, q float64) float64 {
	total := float64(h.GetSampleCount())
	if total == 0 {
		return math.NaN()
	}
	buckets := h.GetBucket()
	sort.Slice(buckets, func(i, j int) bool { return buckets[i].GetUpperBound() < buckets[j].GetUpperBound() })
	rank := q * total
	prevBound, prevCount := 0.0, 0.0
	for _, b := range buckets {
		c := float64(b.GetCumulativeCount())
		if c >= rank {
			if c == prevCount {
				return b.GetUpperBound()
			}
			return prevBound + (b.GetUpperBound()-prevBound)*(rank-prevCount)/(c-prevCount)
		}
		prevBound, prevCount = b.GetUpperBound(), c
	}
	return math.Inf(1)
}
