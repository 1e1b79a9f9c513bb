package consumers

import (
	"slices"
	"testing"

	"github.com/newsgraph/kg/ingest"
)

// Every reason a dead letter can carry is listed once: those of decoding,
// which ingest sets, and those of the graph write, which the worker sets.
func TestReasonsListEveryDeadLetterReason(t *testing.T) {
	seen := map[ingest.Reason]bool{}
	for _, r := range Reasons {
		if seen[r] {
			t.Errorf("reason %q listed twice", r)
		}
		seen[r] = true
	}
	for _, r := range append(slices.Clone(ingest.Reasons), ReasonRejected, ReasonTooBig) {
		if !seen[r] {
			t.Errorf("reason %q missing from Reasons", r)
		}
	}
	if len(Reasons) != len(ingest.Reasons)+2 {
		t.Errorf("%d reasons, want ingest's %d and the graph's 2", len(Reasons), len(ingest.Reasons))
	}
}
