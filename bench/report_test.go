package bench

import (
	"math"
	"slices"
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
