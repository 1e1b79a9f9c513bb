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

// Check counts a row the way kg publish reports it: a read error and a
// message that does not decode are invalid, a valid one is counted by its
// outcome.
func TestTallyCheck(t *testing.T) {
	tally := NewTally()
	if err := tally.Check(nil, nil, 0, errors.New("bad row")); err == nil || err.Error() != "bad row" {
		t.Errorf("Check of a read error = %v", err)
	}
	if err := tally.Check([]byte("e1"), []byte("not json"), 0, nil); err == nil {
		t.Errorf("Check of a message that is not JSON = nil")
	}
	if err := tally.Check([]byte("gdelt:1"), []byte(`{"id": "gdelt:1", "cameo": "0231", "occurred_at": "2018-03-26"}`), 0, nil); err != nil {
		t.Errorf("Check of a valid event = %v", err)
	}
	if inv, only, claims := tally.Totals(); tally.Rows != 3 || inv != 2 || only+claims != 1 {
		t.Errorf("rows %d = %d invalid + %d event only + %d claims, want 3 = 2 + 1", tally.Rows, inv, only, claims)
	}
}
