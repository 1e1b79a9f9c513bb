package consumers

import (
	"context"
	"fmt"
	"io"
)

// DryRun is the Sender of kg publish --dry-run: it prints message values
// as JSON Lines, and a tombstone as {"tombstone": key}.
type DryRun struct {
	w     io.Writer
	topic string
}

// Publish prints msgs.
func (d *DryRun) Publish(_ context.Context, msgs []Message) error {
	for _, m := range msgs {
		if m.Value == nil {
			fmt.Fprintf(d.w, "{\"tombstone\":%q}\n", m.Key)
			continue
		}
		if _, err := fmt.Fprintf(d.w, "%s\n", m.Value); err != nil {
			return err
		}
	}
	return nil
}

// Topic is the topic the messages were meant for.
func (d *DryRun) Topic() string { return d.topic }

// NewDryRun prints to w the messages meant for topic.
func NewDryRun(w io.Writer, topic string) *DryRun { return &DryRun{w: w, topic: topic} }
