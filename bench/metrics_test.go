package bench

import (
	"math"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

const exposition = `# TYPE kg_end_to_end_seconds histogram
kg_end_to_end_seconds_bucket{le="0.1"} 50
kg_end_to_end_seconds_bucket{le="0.2"} 90
kg_end_to_end_seconds_bucket{le="0.5"} 100
kg_end_to_end_seconds_bucket{le="+Inf"} 100
kg_end_to_end_seconds_sum 12
kg_end_to_end_seconds_count 100
# TYPE kg_neo4j_retries_total counter
kg_neo4j_retries_total{reason="deadlock"} 3
kg_neo4j_retries_total{reason="transient"} 7
# TYPE kg_neo4j_write_seconds histogram
kg_neo4j_write_seconds_bucket{le="+Inf"} 4
kg_neo4j_write_seconds_sum 2.5
kg_neo4j_write_seconds_count 4
# TYPE kg_batch_messages histogram
kg_batch_messages_bucket{le="+Inf"} 4
kg_batch_messages_sum 8000
kg_batch_messages_count 4
# TYPE kg_messages_written_total counter
kg_messages_written_total 8000
# TYPE process_cpu_seconds_total counter
process_cpu_seconds_total 1.5
`

func TestFiguresFromMetrics(t *testing.T) {
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(exposition))
	if err != nil {
		t.Fatal(err)
	}
	l, err := latencyOf(fams)
	if err != nil {
		t.Fatal(err)
	}
	// p50 is the top of the first bucket; p90 the top of the second; p99
	// nine tenths into the third; max the bound of the highest with a sample.
	want := latencyFigures{p50: 0.1, p90: 0.2, p99: 0.2 + 0.3*0.9, max: 0.5}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"p50", l.p50, want.p50}, {"p90", l.p90, want.p90}, {"p99", l.p99, want.p99}, {"max", l.max, want.max}} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	st, err := statsOf(fams)
	if err != nil {
		t.Fatal(err)
	}
	if want := (workerStats{deadlocks: 3, batches: 4, written: 8000, writeSecs: 2.5, cpuSecs: 1.5}); st != want {
		t.Errorf("statsOf = %+v, want %+v", st, want)
	}
	if d := st.since(workerStats{deadlocks: 1, batches: 1, written: 1000, writeSecs: 0.5, cpuSecs: 0.5}); d != (workerStats{2, 3, 7000, 2, 1}) {
		t.Errorf("since = %+v", d)
	}
	delete(fams, "kg_batch_messages")
	if _, err := statsOf(fams); err == nil || !strings.Contains(err.Error(), "kg_batch_messages") {
		t.Errorf("statsOf without kg_batch_messages: %v", err)
	}
	delete(fams, "kg_end_to_end_seconds")
	if _, err := latencyOf(fams); err == nil {
		t.Errorf("latencyOf without the histogram: no error")
	}
}

func TestParseVmHWM(t *testing.T) {
	for status, want := range map[string]int64{
		"Name:\tkg\nVmPeak:\t  900 kB\nVmHWM:\t   81920 kB\nVmRSS:\t 40000 kB\n": 81920 << 10,
		"Name:\tkg\n":      -1,
		"VmHWM:\n":         -1,
		"VmHWM:\t12x kB\n": -1,
	} {
		if got := parseVmHWM(status); got != want {
			t.Errorf("parseVmHWM(%q) = %d, want %d", status, got, want)
		}
	}
}

// TestSinceSubtractsEarlierSamples checks that the latencies of a warm-up
// are left out of the timed part's figures.
func TestSinceSubtractsEarlierSamples(t *testing.T) {
	hist := func(counts ...uint64) *dto.Histogram {
		h := &dto.Histogram{}
		var n uint64
		for i, c := range counts {
			bound := []float64{0.1, 0.2, 0.5, 2}[i]
			cum := c
			h.Bucket = append(h.Bucket, &dto.Bucket{UpperBound: &bound, CumulativeCount: &cum})
			n = c
		}
		h.SampleCount = &n
		return h
	}
	// The warm-up: 10 samples, 4 of them slow (up to 2 s).
	before := hist(4, 6, 6, 10)
	// After the timed part: 100 more samples, all within 0.1 s.
	after := hist(104, 106, 106, 110)
	got := figuresOf(since(after, before))
	if got.max != 0.1 {
		t.Errorf("max %.3f s, want 0.1: the warm-up's slow samples counted", got.max)
	}
	if all := figuresOf(after); all.max != 2 {
		t.Errorf("max over both %.3f s, want 2", all.max)
	}
}
