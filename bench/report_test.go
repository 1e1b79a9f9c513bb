package bench

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestSpreadOf(t *testing.T) {
	for _, c := range []struct {
		runs []float64
		want spread
		at   int // medianIndex
	}{
		{[]float64{5}, spread{5, 5, 5}, 0},
		{[]float64{3, 1, 2}, spread{2, 1, 3}, 2},
		{[]float64{30, 10, 50, 20, 40}, spread{30, 10, 50}, 0},
		{[]float64{4, 1, 3, 2}, spread{2.5, 1, 4}, 3}, // the lower middle run
	} {
		in := slices.Clone(c.runs)
		if got := spreadOf(c.runs); got != c.want {
			t.Errorf("spreadOf(%v) = %+v, want %+v", c.runs, got, c.want)
		}
		if !slices.Equal(in, c.runs) {
			t.Errorf("spreadOf reordered its argument: %v", c.runs)
		}
		if got := medianIndex(c.runs); got != c.at {
			t.Errorf("medianIndex(%v) = %d, want %d", c.runs, got, c.at)
		}
	}
	if got := spreadOf(nil); got != (spread{}) {
		t.Errorf("spreadOf(nil) = %+v, want zeros", got)
	}
	if got := spreadOf([]float64{math.NaN(), math.NaN()}); !math.IsNaN(got.median) {
		t.Errorf("spreadOf of unknown figures = %+v, want NaN", got)
	}
}

// The worker's CPU is the median of the rounds with their range, not the
// CPU of the round whose rate is the median.
func TestReportWorkerCPU(t *testing.T) {
	r := result{events: 100000, batchMessages: 2000, writeConcurrency: 2, partitions: 3}
	for i, c := range []struct{ rate, cpu float64 }{{20000, 0.60}, {21000, 0.45}, {22000, 0.50}, {19000, 0.47}, {23000, 0.52}} {
		r.pipelineRuns = append(r.pipelineRuns, c.rate)
		r.pipelines = append(r.pipelines, pipelineStats{secs: 100000 / c.rate, rows: 100000, publishSecs: 1, written: 10000 * (i + 1),
			worker: workerStats{cpuSecs: c.cpu}})
		r.ceilingRuns = append(r.ceilingRuns, 25000)
	}
	r.pipeline = r.pipelines[medianIndex(r.pipelineRuns)]
	var out strings.Builder
	if err := r.print(&out); err != nil {
		t.Fatal(err)
	}
	want := "0.50 (0.45–0.60) s for the 100000 events, 5.0 µs per event; 0.09 of a core on average in the median run"
	if !strings.Contains(out.String(), want) {
		t.Errorf("report:\n%s\nwant a line with %q", out.String(), want)
	}
}
