package bench

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
)

// result is what a run measured.
type result struct {
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
	warmUpMax                             float64 // the worst latency of the untimed warm-up; NaN without one
	latency                               latencyFigures
	rssThroughput, rssLatency, batchBytes int64
	batchMessages, writeConcurrency       int
	partitions                            int
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

func rates(runs []float64) string {
	var out []string
	for _, r := range runs {
		out = append(out, fmt.Sprintf("%.0f", r))
	}
	return strings.Join(out, ", ")
}

func (r result) print(out io.Writer) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	n := len(r.ceilingRuns)
	fmt.Fprintf(tw, "machine\t%d cores, GOMAXPROCS %d\n", runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(tw, "layout\t%s\n", r.layout)
	fmt.Fprintf(tw, "graph before\t%d claims\n", r.claimsBefore)
	fmt.Fprintf(tw, "ceiling sweep (batch×writers, the better of two passes)\t%s\n", strings.Join(r.sweep, ", "))
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
	// The worker's CPU is a figure of its own, the median of the rounds
	// as the others are, not the CPU of the run whose rate is the median.
	var cpus []float64
	for _, run := range r.pipelines {
		cpus = append(cpus, run.worker.cpuSecs)
	}
	cpu := spreadOf(cpus)
	fmt.Fprintf(tw, "pipeline's worker CPU\t%.2f (%.2f–%.2f) s for the %d events, %.1f µs per event; %.2f of a core on average in the median run\n",
		cpu.median, cpu.min, cpu.max, r.events, 1e6*cpu.median/float64(r.events), p.worker.cpuSecs/p.secs)
	deadlocks := 0
	for _, run := range r.pipelines {
		deadlocks += run.worker.deadlocks
	}
	fmt.Fprintf(tw, "deadlocks retried\t%d (ceiling), %d (pipeline), over all rounds\n", r.ceilingDeadlocks, deadlocks)
	if r.articles > 0 {
		fmt.Fprintf(tw, "pipeline, articles\t%.0f articles/s (extraction alone: %.0f articles/s; extractor %s)\n",
			float64(r.articles)/r.articleSecs, float64(r.articles)/r.extractSecs, r.extractor)
	}
	l := r.latency
	fmt.Fprintf(tw, "latency at %d articles\tp50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max ≤ %.0f ms (kg_end_to_end_seconds; max is its bucket's bound)%s\n",
		r.latencySent, 1000*l.p50, 1000*l.p90, 1000*l.p99, 1000*l.max, r.warmUpNote())
	target := 64<<20 + 2*r.batchBytes
	fmt.Fprintf(tw, "worker peak RSS\t%.1f MiB (throughput run), %.1f MiB (latency run); target %.0f MiB\n",
		float64(r.rssThroughput)/(1<<20), float64(r.rssLatency)/(1<<20), float64(target)/(1<<20))
	return tw.Flush()
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

// spread is the median of runs and their range.
type spread struct {
	median, min, max float64
}

func spreadOf(runs []float64) spread {
	if len(runs) == 0 {
		return spread{}
	}
	s := slices.Clone(runs)
	sort.Float64s(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return spread{median: m, min: s[0], max: s[len(s)-1]}
}

func (s spread) String() string {
	return fmt.Sprintf("%.0f (%.0f–%.0f)", s.median, s.min, s.max)
}

// medianIndex is the index of the run whose value is the median (the
// lower of the two middle ones for an even count).
func medianIndex(runs []float64) int {
	idx := make([]int, len(runs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return runs[idx[a]] < runs[idx[b]] })
	return idx[(len(idx)-1)/2]
}

// printLatency prints the figures of a latency run alone.
func (r result) printLatency(out io.Writer, rate float64) error {
	l := r.latency
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "machine\t%d cores, GOMAXPROCS %d\n", runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(tw, "layout\t%s\n", r.layout)
	fmt.Fprintf(tw, "latency at %d articles\tp50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max ≤ %.0f ms at %.0f articles/s (kg_end_to_end_seconds; max is its bucket's bound)%s\n",
		r.latencySent, 1000*l.p50, 1000*l.p90, 1000*l.p99, 1000*l.max, rate, r.warmUpNote())
	fmt.Fprintf(tw, "worker peak RSS\t%.1f MiB\n", float64(r.rssLatency)/(1<<20))
	return tw.Flush()
}

// warmUpNote names the latency warm-up's worst latency, when there was a
// warm-up.
func (r *result) warmUpNote() string {
	if math.IsNaN(r.warmUpMax) || r.warmUpMax == 0 {
		return ""
	}
	return fmt.Sprintf("; after a warm-up whose max was ≤ %.0f ms", 1000*r.warmUpMax)
}
