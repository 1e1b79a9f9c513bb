package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/newsgraph/kg/consumers"
)

// DeadLetters is what kg dlq inspect prints: the dead letters counted by
// topic, reason and state, or, with list, one line per dead letter (and,
// with showValue, its value under it), then a total per topic.
type DeadLetters struct {
	out             io.Writer
	tw              *tabwriter.Writer
	list, showValue bool
	counts          consumers.DeadLetterTally
}

// NewDeadLetters starts the report on out; showValue implies list.
func NewDeadLetters(out io.Writer, list, showValue bool) *DeadLetters {
	r := &DeadLetters{out: out, tw: tabwriter.NewWriter(out, 0, 4, 2, ' ', 0), list: list || showValue,
		showValue: showValue, counts: consumers.DeadLetterTally{}}
	if r.list {
		fmt.Fprintln(r.tw, "TOPIC\tPARTITION/OFFSET\tSTATE\tREASON\tFROM\tKEY\tATTEMPT\tDETAIL")
	}
	return r
}

// Add counts d, a dead letter of topic t, and lists it when listing.
func (r *DeadLetters) Add(t string, d consumers.DeadLetter) error {
	r.counts.Add(t, d)
	if !r.list {
		return nil
	}
	state := "open"
	if d.Replayed {
		state = "replayed"
	}
	detail := d.Detail
	if d.Truncated {
		detail = fmt.Sprintf("[truncated: %d of %d bytes kept] %s", len(d.Value), d.OrigValueBytes, detail)
	}
	fmt.Fprintf(r.tw, "%s\t%d/%d\t%s\t%s\t%s/%d/%d\t%s\t%d\t%s\n", t, d.Partition, d.Offset, state, d.Reason,
		d.Topic, d.OrigPartition, d.OrigOffset, Clip(string(d.Key), 40), d.Attempt, Clip(detail, 120))
	if r.showValue {
		// Flushed first: the value is not a column.
		r.tw.Flush()
		fmt.Fprintf(r.out, "    value (%d bytes): %s\n", len(d.Value), printable(d.Value))
	}
	return nil
}

// Finish writes the counts (when not listing) and the totals of topics.
func (r *DeadLetters) Finish(topics []string) {
	if !r.list {
		fmt.Fprintln(r.tw, "TOPIC\tREASON\tOPEN\tREPLAYED")
		for _, t := range topics {
			for _, reason := range r.counts.Reasons(t) {
				fmt.Fprintf(r.tw, "%s\t%s\t%d\t%d\n", t, reason, r.counts[t][reason].Open, r.counts[t][reason].Replayed)
			}
		}
	}
	r.tw.Flush()
	for _, t := range topics {
		total := r.counts.Total(t)
		fmt.Fprintf(r.out, "%s: %d open dead letters, %d replayed\n", t, total.Open, total.Replayed)
	}
}

// printable is a value as text: as it is when it is UTF-8, else quoted
// with Go escapes, so a binary value cannot garble the terminal.
func printable(b []byte) string {
	if utf8.Valid(b) && !strings.ContainsFunc(string(b), func(r rune) bool { return r < 0x20 && r != '\t' }) {
		return string(b)
	}
	return strconv.Quote(string(b))
}

// WouldReplay is the line of kg dlq replay --dry-run for d, a dead letter
// of topic t.
func WouldReplay(out io.Writer, t string, d consumers.DeadLetter) {
	fmt.Fprintf(out, "would replay %s %d/%d (%s) to %s\n", t, d.Partition, d.Offset, d.Reason, d.Topic)
}

// Replayed is the last line of kg dlq replay: how many dead letters were
// (or, with dryRun, would be) replayed from topics, and how many were
// skipped as replayed before (done) or at --max-attempts.
func Replayed(out io.Writer, dryRun bool, n int, topics []string, done, skipped, maxAttempts int) {
	verb := "replayed"
	if dryRun {
		verb = "would replay"
	}
	fmt.Fprintf(out, "%s %d dead letters from %s", verb, n, strings.Join(topics, " and "))
	if done > 0 {
		fmt.Fprintf(out, "; %d replayed before, skipped (--again replays them)", done)
	}
	if skipped > 0 {
		fmt.Fprintf(out, "; %d skipped at --max-attempts %d", skipped, maxAttempts)
	}
	fmt.Fprintln(out)
}
