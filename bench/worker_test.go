package bench

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/kg/consumers"
)

func TestWorkerRuntimeEnv(t *testing.T) {
	for _, tc := range []struct {
		godebug string
		want    []string
	}{
		{"", []string{"GOMEMLIMIT=67108864", "GODEBUG=schedtrace=2147483647"}},
		{"gctrace=1", []string{"GOMEMLIMIT=67108864", "GODEBUG=gctrace=1,schedtrace=2147483647"}},
	} {
		if got := workerRuntimeEnv(tc.godebug); !slices.Equal(got, tc.want) {
			t.Errorf("workerRuntimeEnv(%q) = %q, want %q", tc.godebug, got, tc.want)
		}
	}
}

// The runtime ignores a schedtrace it cannot read as a 32-bit number of
// milliseconds, without a word.
func TestWorkerGODEBUGIsReadByTheRuntime(t *testing.T) {
	key, value, ok := strings.Cut(consumers.WorkerGODEBUG, "=")
	if !ok || key != "schedtrace" {
		t.Fatalf("WorkerGODEBUG %q: want schedtrace=N", consumers.WorkerGODEBUG)
	}
	if n, err := strconv.ParseInt(value, 10, 32); err != nil || n <= 0 {
		t.Errorf("schedtrace=%s: the runtime reads a positive 32-bit number (%d, %v)", value, n, err)
	}
}
