package render

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/newsgraph/kg/consumers"
)

// Reprocess is what kg reprocess prints: the messages read, the articles
// rewritten, and the claims added and removed by relation type.
func Reprocess(out io.Writer, rep consumers.ReprocessReport) {
	fmt.Fprintf(out, "read %d messages: %d articles rewritten, %d unchanged, %d retracted, %d malformed\n",
		rep.Messages, rep.Written, rep.Skipped, rep.Retracted, rep.Invalid)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RELATION\tADDED\tREMOVED")
	for _, t := range rep.Relations() {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", t, rep.Added[t], rep.Removed[t])
	}
	tw.Flush()
}
