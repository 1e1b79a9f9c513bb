package render

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		done, total int64
		elapsed     time.Duration
		want        string
	}{
		// The first frame: a buffered read has already counted 64 KiB
		// in a few milliseconds; no rate (it would read as GB/s) and no
		// time left yet.
		{64 << 10, 40 * mib, 3 * time.Millisecond, "publishing   0% [                        ] 64.0 KiB / 40.0 MiB  0:00 elapsed"},
		{20 * mib, 40 * mib, 200 * time.Millisecond, "publishing  50% [============            ] 20.0 MiB / 40.0 MiB  0:00 elapsed"},
		{10 * mib, 40 * mib, 2 * time.Second, "publishing  25% [======                  ] 10.0 MiB / 40.0 MiB  5.0 MiB/s  0:06 left  0:02 elapsed"},
		{40 * mib, 40 * mib, 4 * time.Second, "publishing 100% [========================] 40.0 MiB / 40.0 MiB  10.0 MiB/s  0:04 elapsed"},
		// A time left of 3.2 s reads 0:04, never 0:00 while some is left.
		{30 * mib, 40 * mib, 9600 * time.Millisecond, "publishing  75% [==================      ] 30.0 MiB / 40.0 MiB  3.1 MiB/s  0:04 left  0:09 elapsed"},
		// stdin: no total, the rate once it is measured.
		{512, -1, 500 * time.Millisecond, "publishing 512 B  0:00 elapsed"},
		{3 * mib, -1, 61 * time.Second, "publishing 3.0 MiB  50.4 KiB/s  1:01 elapsed"},
		// Nothing read after the warm-up: no rate of 0 B/s and no endless time left.
		{0, 40 * mib, 2 * time.Second, "publishing   0% [                        ] 0 B / 40.0 MiB  0:02 elapsed"},
	} {
		if got := progressLine(c.done, c.total, c.elapsed); got != c.want {
			t.Errorf("progressLine(%d, %d, %v)\n got %q\nwant %q", c.done, c.total, c.elapsed, got, c.want)
		}
	}
}

func TestFormatClock(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0:00"}, {999 * time.Millisecond, "0:00"}, {59 * time.Second, "0:59"}, {61 * time.Second, "1:01"},
		{3723 * time.Second, "1:02:03"}, {-time.Second, "0:00"},
	} {
		if got := formatClock(c.d); got != c.want {
			t.Errorf("formatClock(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

func TestFormatBytes(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {1023, "1023 B"}, {1024, "1.0 KiB"}, {1536 << 10, "1.5 MiB"}, {5 << 30, "5.0 GiB"}, {3 << 40, "3.0 TiB"},
	} {
		if got := formatBytes(c.n); got != c.want {
			t.Errorf("formatBytes(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// The drawn line counts what was written to the progress, and Finish
// clears it.
func TestProgressDrawsAndClears(t *testing.T) {
	var out syncBuffer
	p := startProgress(&out, 8<<20, time.Millisecond)
	p.Write(make([]byte, 2<<20))
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "2.0 MiB / 8.0 MiB") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	// A message clears the line first rather than extending it.
	fmt.Fprintf(p.Messages(&out), "f.jsonl:2: skipped: not-json\n")
	p.Finish()
	p.Finish() // twice is harmless
	got := out.String()
	if !strings.Contains(got, "\rpublishing  25% [") {
		t.Errorf("no frame with 25%% read:\n%q", got)
	}
	if !strings.Contains(got, "\x1b[K\r\x1b[Kf.jsonl:2: skipped: not-json\n") {
		t.Errorf("the message is not on a line of its own:\n%q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("the line is not cleared at the end:\n%q", got)
	}
	var none *Progress
	if none.Writer() != nil {
		t.Errorf("a progress not shown counts bytes")
	}
	if none.Messages(&out) != &out {
		t.Errorf("a progress not shown changes messages")
	}
	none.Finish()
}

// syncBuffer is a bytes.Buffer safe for the drawing goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
