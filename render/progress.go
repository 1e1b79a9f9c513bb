package render

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"
)

const (
	// progressMin is the input size from which kg publish shows progress.
	progressMin = 4 << 20
	// progressEvery is how often the progress line is redrawn.
	progressEvery = 200 * time.Millisecond
	// rateWarmup is how long progress is measured before a rate, and the
	// time left that follows from it, is shown: over the first few
	// milliseconds a buffered read makes the rate look like GB/s.
	rateWarmup = time.Second
	// progressBarWidth is the characters of the bar between its brackets.
	progressBarWidth = 24
)

// Progress shows how much of the input kg publish has read, with the rate
// and the time left, when its input is long and stderr is a terminal (in
// logs it would only be noise). The zero value shows nothing.
type Progress struct {
	w     io.Writer
	total int64 // bytes; -1 when unknown (stdin)
	start time.Time
	done  atomic.Int64

	mu       sync.Mutex // one writer to the terminal at a time
	stop     chan struct{}
	stopOnce sync.Once
	drawn    sync.WaitGroup
}

// ProgressOf returns the progress of reading paths, drawn on w, or nil
// when it is not shown (w is not a terminal, or the input is short).
func ProgressOf(w io.Writer, paths []string) *Progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
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
		return nil
	}
	return startProgress(f, total, progressEvery)
}

// startProgress draws the progress line on w every interval until Finish.
func startProgress(w io.Writer, total int64, every time.Duration) *Progress {
	p := &Progress{w: w, total: total, start: time.Now(), stop: make(chan struct{})}
	p.drawn.Add(1)
	go func() {
		defer p.drawn.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				fmt.Fprintf(p.w, "\r%s\x1b[K", progressLine(p.done.Load(), p.total, time.Since(p.start)))
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// Write counts bytes read.
func (p *Progress) Write(b []byte) (int, error) {
	p.done.Add(int64(len(b)))
	return len(b), nil
}

// Writer returns where read bytes are counted, or nil.
func (p *Progress) Writer() io.Writer {
	if p == nil {
		return nil
	}
	return p
}

// Messages returns w, or, while the progress line is drawn on it, a writer
// that clears the line before each message, so that a message written in
// whole lines is not appended to the line; the next frame is drawn below.
func (p *Progress) Messages(w io.Writer) io.Writer {
	if p == nil {
		return w
	}
	return messageWriter{p}
}

type messageWriter struct{ p *Progress }

func (m messageWriter) Write(b []byte) (int, error) {
	m.p.mu.Lock()
	defer m.p.mu.Unlock()
	if _, err := io.WriteString(m.p.w, "\r\x1b[K"); err != nil {
		return 0, err
	}
	return m.p.w.Write(b)
}

// Finish stops drawing and clears the line.
func (p *Progress) Finish() {
	if p == nil {
		return
	}
	p.stopOnce.Do(func() {
		close(p.stop)
		p.drawn.Wait()
		fmt.Fprint(p.w, "\r\x1b[K")
	})
}

// progressLine is one frame: the bytes read (of total, with a bar, when
// total is known), then, once rateWarmup has passed, the rate and the time
// left at that rate, and the time elapsed.
func progressLine(done, total int64, elapsed time.Duration) string {
	var b strings.Builder
	b.WriteString("publishing ")
	if total > 0 {
		frac := min(float64(done)/float64(total), 1)
		filled := int(frac * progressBarWidth)
		fmt.Fprintf(&b, "%3d%% [%s%s] %s / %s", int(frac*100),
			strings.Repeat("=", filled), strings.Repeat(" ", progressBarWidth-filled),
			formatBytes(done), formatBytes(total))
	} else {
		b.WriteString(formatBytes(done))
	}
	if rate, ok := progressRate(done, elapsed); ok {
		fmt.Fprintf(&b, "  %s/s", formatBytes(int64(rate)))
		if total > 0 && done < total {
			left := time.Duration(float64(total-done) / rate * float64(time.Second))
			// Rounded up, so that no time left reads 0:00 while some is.
			fmt.Fprintf(&b, "  %s left", formatClock(left+time.Second-1))
		}
	}
	fmt.Fprintf(&b, "  %s elapsed", formatClock(elapsed))
	return b.String()
}

// progressRate is the mean rate in bytes per second, known once rateWarmup
// has passed and something was read.
func progressRate(done int64, elapsed time.Duration) (float64, bool) {
	if elapsed < rateWarmup || done <= 0 {
		return 0, false
	}
	return float64(done) / elapsed.Seconds(), true
}

// formatBytes writes n in binary units with one decimal: 512 B, 3.4 MiB.
func formatBytes(n int64) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	v := float64(n)
	unit := ""
	for _, u := range []string{"KiB", "MiB", "GiB", "TiB"} {
		v /= 1024
		unit = u
		if v < 1024 {
			break
		}
	}
	return fmt.Sprintf("%.1f %s", v, unit)
}

// formatClock writes d as a clock in whole seconds: m:ss, or h:mm:ss from
// an hour.
func formatClock(d time.Duration) string {
	s := int64(d / time.Second)
	if s < 0 {
		s = 0
	}
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
