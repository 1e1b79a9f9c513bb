package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// progressMin is the input size from which kg publish shows progress.
const progressMin = 4 << 20

// progress shows how much of the input kg publish has read, with the rate
// and the time left, when its input is long and stderr is a terminal (in
// logs it would only be noise).
type progress struct{ bar *progressbar.ProgressBar }

// progressBar returns the progress of reading paths; the zero value shows
// nothing.
func progressBar(cmd *cobra.Command, paths []string) progress {
	f, ok := cmd.ErrOrStderr().(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return progress{}
	}
	var total int64
	for _, p := range paths {
		if p == "-" {
			total = -1 // unknown: show the rate only
			break
		}
		if st, err := os.Stat(p); err == nil {
			total += st.Size()
		}
	}
	if total >= 0 && total < progressMin {
		return progress{}
	}
	return progress{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("publishing"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// writer returns where read bytes are counted, or nil.
func (p progress) writer() io.Writer {
	if p.bar == nil {
		return nil
	}
	return p.bar
}

// Finish clears the bar.
func (p progress) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
