package ingest

import (
	"errors"

	"github.com/newsgraph/kg/graphmodel"
)

// Tally counts the outcomes of event rows (see Outcome): the rows read,
// the invalid ones by reason, those that are an event only by reason, and
// the claims by relation type. kg publish prints it after an import.
type Tally struct {
	Rows      int
	Invalid   map[Reason]int
	EventOnly map[NoClaimReason]int
	Claims    map[graphmodel.RelType]int
}

// NewTally returns an empty tally.
func NewTally() *Tally {
	return &Tally{Invalid: map[Reason]int{}, EventOnly: map[NoClaimReason]int{}, Claims: map[graphmodel.RelType]int{}}
}

// Add counts one row by its outcome; rel is the type of its claim when the
// outcome is a claim. A row that could not be read or decoded is
// InvalidOutcome of its error.
func (t *Tally) Add(o Outcome, rel graphmodel.RelType) {
	t.Rows++
	switch o.Kind {
	case OutcomeInvalid:
		t.Invalid[o.Invalid]++
	case OutcomeEventOnly:
		t.EventOnly[o.NoClaim]++
	case OutcomeClaim:
		t.Claims[rel]++
	}
}

// Totals returns the rows of each outcome; they add up to Rows.
func (t *Tally) Totals() (invalid, eventOnly, claims int) {
	return sum(t.Invalid), sum(t.EventOnly), sum(t.Claims)
}

func sum[K comparable](m map[K]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// Check decodes and maps one event message as the worker will, counts its
// outcome, and returns why it is invalid (nil when it is not): readErr is
// the error of reading the row, if any.
func (t *Tally) Check(key, value []byte, maxBytes int, readErr error) error {
	err := readErr
	var m EventMessage
	if err == nil {
		m, err = DecodeEvent(key, value, maxBytes)
	}
	if err != nil {
		t.Add(InvalidOutcome(err), "")
		return err
	}
	ev, outcome := EventToGraph(m)
	var rel graphmodel.RelType
	if outcome.Kind == OutcomeClaim {
		rel = ev.Claims[0].Type
	}
	t.Add(outcome, rel)
	if outcome.Kind == OutcomeInvalid {
		return errors.New(outcome.String())
	}
	return nil
}
