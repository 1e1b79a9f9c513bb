package ingest

import (
	"errors"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

func TestTallyCountsOutcomes(t *testing.T) {
	tally := NewTally()
	tally.Add(InvalidOutcome(malformed(ReasonBadRow, "3 columns")), "")
	tally.Add(InvalidOutcome(errors.New("no reason")), "")
	tally.Add(eventOnly(NoClaimNotRelation), "")
	tally.Add(Outcome{Kind: OutcomeClaim}, graphmodel.AccusedOf)
	tally.Add(Outcome{Kind: OutcomeClaim}, graphmodel.AccusedOf)
	inv, only, claims := tally.Totals()
	if tally.Rows != 5 || inv != 2 || only != 1 || claims != 2 {
		t.Errorf("rows %d = %d invalid + %d event only + %d claims, want 5 = 2 + 1 + 2", tally.Rows, inv, only, claims)
	}
	if tally.Invalid[ReasonBadRow] != 1 || tally.Invalid[ReasonUnknownMessage] != 1 {
		t.Errorf("invalid by reason %v, want bad-row 1 and unknown 1", tally.Invalid)
	}
	if tally.EventOnly[NoClaimNotRelation] != 1 || tally.Claims[graphmodel.AccusedOf] != 2 {
		t.Errorf("event only %v, claims %v; want not-a-relation 1, accused-of 2", tally.EventOnly, tally.Claims)
	}
}
