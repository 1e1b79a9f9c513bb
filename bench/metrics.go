package bench

import (
	"fmt"
	"math"
	"net/http"
	"sort"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// The bench reads what a worker did from the worker's own Prometheus
// metrics, as an operator would.

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

// workerFigures scrapes the worker at addr.
func workerFigures(addr string) (workerStats, error) {
	fams, err := scrapeMetrics(addr)
	if err != nil {
		return workerStats{}, err
	}
	return statsOf(fams)
}

// statsOf reads workerStats from a worker's metric families.
func statsOf(fams map[string]*dto.MetricFamily) (workerStats, error) {
	var st workerStats
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

// latencyFigures are end-to-end latencies in seconds.
type latencyFigures struct {
	p50, p90, p99, max float64
}

// latencyQuantiles reads the worker's end-to-end histogram.
func latencyQuantiles(addr string) (latencyFigures, error) {
	h, err := latencyHistogram(addr)
	if err != nil {
		return latencyFigures{}, err
	}
	return figuresOf(h), nil
}

// latencyHistogram reads kg_end_to_end_seconds from the worker at addr.
func latencyHistogram(addr string) (*dto.Histogram, error) {
	fams, err := scrapeMetrics(addr)
	if err != nil {
		return nil, err
	}
	return histogramOf(fams)
}

// since is h less the samples before of the same histogram held: the
// samples recorded between the two readings.
func since(h, before *dto.Histogram) *dto.Histogram {
	prior := make(map[float64]uint64, len(before.GetBucket()))
	for _, b := range before.GetBucket() {
		prior[b.GetUpperBound()] = b.GetCumulativeCount()
	}
	out := &dto.Histogram{}
	count := h.GetSampleCount() - before.GetSampleCount()
	out.SampleCount = &count
	for _, b := range h.GetBucket() {
		bound, c := b.GetUpperBound(), b.GetCumulativeCount()-prior[b.GetUpperBound()]
		out.Bucket = append(out.Bucket, &dto.Bucket{UpperBound: &bound, CumulativeCount: &c})
	}
	return out
}

func figuresOf(h *dto.Histogram) latencyFigures {
	return latencyFigures{p50: quantile(h, 0.5), p90: quantile(h, 0.9), p99: quantile(h, 0.99), max: quantile(h, 1)}
}

// latencyOf interpolates the percentiles of kg_end_to_end_seconds within
// their buckets and bounds its maximum by the upper bound of the highest
// bucket that holds a sample.
func latencyOf(fams map[string]*dto.MetricFamily) (latencyFigures, error) {
	h, err := histogramOf(fams)
	if err != nil {
		return latencyFigures{}, err
	}
	return figuresOf(h), nil
}

func histogramOf(fams map[string]*dto.MetricFamily) (*dto.Histogram, error) {
	f, ok := fams["kg_end_to_end_seconds"]
	if !ok || len(f.GetMetric()) == 0 {
		return nil, fmt.Errorf("no kg_end_to_end_seconds")
	}
	return f.GetMetric()[0].GetHistogram(), nil
}

func scrapeMetrics(addr string) (map[string]*dto.MetricFamily, error) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("the worker's /metrics: %s", resp.Status)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	return parser.TextToMetricFamilies(resp.Body)
}

// quantile interpolates the q-quantile of h within its bucket; NaN for an
// empty histogram, +Inf beyond the last bound.
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
