package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

// PublishSummary is the last line of kg publish: the messages sent (or,
// with dryRun, printed) for topic, and the inputs rejected.
func PublishSummary(out io.Writer, sent, bad int, topic string, dryRun bool) {
	if dryRun {
		fmt.Fprintf(out, "dry run: %d messages for %s", sent, topic)
	} else {
		fmt.Fprintf(out, "published %d messages to %s", sent, topic)
	}
	if bad > 0 {
		fmt.Fprintf(out, "; %d rejected", bad)
	}
	fmt.Fprintln(out)
}

// EventTally writes the summary of an event import: the rows read, then
// each outcome with its count and its counts per reason, in the fixed
// order of the reasons.
func EventTally(w io.Writer, t *ingest.Tally, format string) {
	inv, only, claims := t.Totals()
	fmt.Fprintf(w, "%s: %d rows read = %d invalid + %d event only + %d claims\n", format, t.Rows, inv, only, claims)
	var parts []string
	for _, r := range ingest.Reasons {
		if n := t.Invalid[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", r, n))
		}
	}
	fmt.Fprintf(w, "  invalid: %d%s\n", inv, list(parts))
	parts = parts[:0]
	for _, r := range ingest.NoClaimReasons {
		if n := t.EventOnly[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", r, n))
		}
	}
	fmt.Fprintf(w, "  event only: %d%s\n", only, list(parts))
	parts = parts[:0]
	for _, typ := range graphmodel.RelTypes {
		if n := t.Claims[typ]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", typ, n))
		}
	}
	fmt.Fprintf(w, "  claims: %d%s\n", claims, list(parts))
}

func list(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
