package corenlp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/newsgraph/kg/ingest"
)

// fakeServer answers like CoreNLP for the tests of the client's transport
// logic: one sentence per line, one token per space-separated word, each
// word's head the first word. fail, when set, decides the fate of a request
// before that.
type fakeServer struct {
	requests atomic.Int32
	mu       sync.Mutex
	inFlight int
	maxSeen  int
	delay    time.Duration
	fail     func(n int32, w http.ResponseWriter) bool // n counts from 1
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := f.requests.Add(1)
	f.mu.Lock()
	f.inFlight++
	f.maxSeen = max(f.maxSeen, f.inFlight)
	f.mu.Unlock()
	defer func() { f.mu.Lock(); f.inFlight--; f.mu.Unlock() }()
	body, _ := io.ReadAll(r.Body)
	if f.fail != nil && f.fail(n, w) {
		return
	}
	if f.delay > 0 {
		time.Sleep(f.delay)
	}
	_ = json.NewEncoder(w).Encode(fakeParse(string(body)))
}

// fakeParse builds CoreNLP-shaped JSON for text.
func fakeParse(text string) document {
	var doc document
	off := 0 // UTF-16
	for _, ln := range strings.Split(text, "\n") {
		var s sentence
		pos := off
		for _, w := range strings.Split(ln, " ") {
			n := len(utf16.Encode([]rune(w)))
			if w != "" {
				k := len(s.Tokens) + 1
				s.Tokens = append(s.Tokens, token{Index: k, Word: w, Lemma: strings.ToLower(w), POS: "NN", Begin: pos, End: pos + n})
				if k == 1 {
					s.Basic = append(s.Basic, edge{Rel: "ROOT", Governor: 0, Dependent: 1})
				} else {
					s.Basic = append(s.Basic, edge{Rel: "dep", Governor: 1, Dependent: k})
				}
			}
			pos += n + 1 // the word and the space after it
		}
		if len(s.Tokens) > 0 {
			doc.Sentences = append(doc.Sentences, s)
		}
		off += len(utf16.Encode([]rune(ln))) + 1
	}
	return doc
}

func serve(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// quick keeps retries fast in tests.
func quick(url string) Config {
	return Config{URL: url, Backoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond}
}

func TestParseEmptyInputSendsNothing(t *testing.T) {
	f := &fakeServer{}
	c := New(quick(serve(t, f)))
	for _, in := range [][]string{nil, {}} {
		ps, err := c.Parse(context.Background(), in)
		if ps != nil || err != nil {
			t.Errorf("Parse(%#v) = %v, %v; want nil, nil", in, ps, err)
		}
	}
	ps, err := c.Parse(context.Background(), []string{"", " \t", "\n"})
	if err != nil || len(ps) != 3 {
		t.Errorf("Parse(blank sentences) = %v, %v; want 3 empty parses", ps, err)
	}
	if n := f.requests.Load(); n != 0 {
		t.Errorf("%d requests, want 0", n)
	}
}

func TestParseSplitsAndBoundsConcurrency(t *testing.T) {
	f := &fakeServer{delay: 20 * time.Millisecond}
	cfg := quick(serve(t, f))
	cfg.MaxSentences = 3
	cfg.MaxConcurrent = 2
	c := New(cfg)
	var in []string
	for i := range 20 {
		in = append(in, fmt.Sprintf("s%d word%d é🙂", i, i))
	}
	// Two calls at once share the client's bound.
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			ps, err := c.Parse(context.Background(), in)
			if err != nil {
				t.Error(err)
				return
			}
			for i, p := range ps {
				if got, want := words(p), in[i]; got != want {
					t.Errorf("sentence %d: got %q, want %q", i, got, want)
				}
				if last := p.Tokens[len(p.Tokens)-1]; in[i][last.Begin:last.End] != "é🙂" {
					t.Errorf("sentence %d: last token at %d-%d, want the bytes of é🙂", i, last.Begin, last.End)
				}
			}
		})
	}
	wg.Wait()
	if n := f.requests.Load(); n != 14 { // 2 calls × ceil(20/3)
		t.Errorf("%d requests, want 14", n)
	}
	if f.maxSeen > 2 || f.maxSeen < 2 {
		t.Errorf("at most %d requests in flight, want 2", f.maxSeen)
	}
}

func TestParseRetries(t *testing.T) {
	tests := []struct {
		name     string
		fail     func(n int32, w http.ResponseWriter) bool
		wantErr  string // "" = success
		requests int32
	}{
		{"500 then success", func(n int32, w http.ResponseWriter) bool {
			if n < 3 {
				http.Error(w, "java.lang.OutOfMemoryError", http.StatusInternalServerError)
				return true
			}
			return false
		}, "", 3},
		{"503 every time", func(n int32, w http.ResponseWriter) bool {
			http.Error(w, "CoreNLP request timed out. Your document may be too long.", http.StatusServiceUnavailable)
			return true
		}, "CoreNLP request timed out", 4},
		{"400 is not retried", func(n int32, w http.ResponseWriter) bool {
			http.Error(w, "bad properties", http.StatusBadRequest)
			return true
		}, "400 Bad Request: bad properties", 1},
		{"connection dropped, then success", func(n int32, w http.ResponseWriter) bool {
			if n == 1 {
				conn, _, _ := w.(http.Hijacker).Hijack()
				conn.Close()
				return true
			}
			return false
		}, "", 2},
		{"wrong sentence count is not retried", func(n int32, w http.ResponseWriter) bool {
			_ = json.NewEncoder(w).Encode(fakeParse("a b\nc d\ne f"))
			return true
		}, "3 sentences for 2 lines", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeServer{fail: tc.fail}
			ps, err := New(quick(serve(t, f))).Parse(context.Background(), []string{"a b", "c d"})
			if tc.wantErr == "" {
				if err != nil || len(ps) != 2 || words(ps[1]) != "c d" {
					t.Errorf("got %v, %v; want the two parses", ps, err)
				}
			} else {
				if err == nil || !errors.Is(err, ingest.ErrParserUnavailable) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("got error %v; want one wrapping ErrParserUnavailable that says %q", err, tc.wantErr)
				}
				if ps != nil {
					t.Errorf("got parses %v with the error", ps)
				}
			}
			if n := f.requests.Load(); n != tc.requests {
				t.Errorf("%d requests, want %d", n, tc.requests)
			}
		})
	}
}

func TestParseTimeoutIsRetriedThenReported(t *testing.T) {
	f := &fakeServer{delay: 300 * time.Millisecond}
	cfg := quick(serve(t, f))
	cfg.RequestTimeout = 50 * time.Millisecond
	cfg.Attempts = 2
	_, err := New(cfg).Parse(context.Background(), []string{"slow sentence"})
	if !errors.Is(err, ingest.ErrParserUnavailable) || !strings.Contains(err.Error(), "no answer within 50ms") {
		t.Errorf("got %v; want ErrParserUnavailable saying no answer within 50ms", err)
	}
	if n := f.requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestParseCallerCancelStopsRetrying(t *testing.T) {
	f := &fakeServer{fail: func(n int32, w http.ResponseWriter) bool {
		http.Error(w, "down", http.StatusBadGateway)
		return true
	}}
	cfg := quick(serve(t, f))
	cfg.Backoff, cfg.MaxBackoff, cfg.Attempts = time.Hour, time.Hour, 10
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := New(cfg).Parse(ctx, []string{"a"})
	if !errors.Is(err, ingest.ErrParserUnavailable) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v; want ErrParserUnavailable and the caller's deadline", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("returned after %s, want soon after the caller's deadline", d)
	}
}

func TestErrorsHideUserInfo(t *testing.T) {
	// A port nobody listens on: take one, then free it.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg := quick("http://kg:s3cret-pw@" + addr)
	cfg.Attempts = 2
	c := New(cfg)
	_, perr := c.Parse(context.Background(), []string{"a"})
	rerr := c.Ready(context.Background())
	for _, err := range []error{perr, rerr} {
		if !errors.Is(err, ingest.ErrParserUnavailable) {
			t.Errorf("got %v, want ErrParserUnavailable", err)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "s3cret") || strings.Contains(msg, "kg:") {
			t.Errorf("error shows the URL's user info: %s", msg)
		}
		if !strings.Contains(msg, addr) || !strings.Contains(msg, "connection refused") {
			t.Errorf("error %q does not say which server or why", msg)
		}
	}
	if !strings.Contains(perr.Error(), "attempt 2 of 2") {
		t.Errorf("error %q does not say it gave up after 2 attempts", perr)
	}
}

func TestBasicAuthFromURL(t *testing.T) {
	var user, pass string
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, _ = r.BasicAuth()
		_ = json.NewEncoder(w).Encode(fakeParse("a"))
	}))
	_, err := New(quick(strings.Replace(srv, "http://", "http://kg:pw@", 1))).Parse(context.Background(), []string{"a"})
	if err != nil || user != "kg" || pass != "pw" {
		t.Errorf("got %v, basic auth %q:%q; want kg:pw", err, user, pass)
	}
}

func TestBadURL(t *testing.T) {
	for _, u := range []string{"127.0.0.1:9000", "ftp://host", "http://"} {
		c := New(Config{URL: u})
		if _, err := c.Parse(context.Background(), []string{"a"}); !errors.Is(err, ingest.ErrParserUnavailable) {
			t.Errorf("Parse with URL %q: got %v, want ErrParserUnavailable", u, err)
		}
		if err := c.Ready(context.Background()); !errors.Is(err, ingest.ErrParserUnavailable) {
			t.Errorf("Ready with URL %q: got %v, want ErrParserUnavailable", u, err)
		}
	}
}

func TestReady(t *testing.T) {
	var ready, statusPort atomic.Bool
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			t.Errorf("Ready sent %s, want GET", r.Method)
		}
		switch {
		case r.URL.Path == "/ready" && statusPort.Load():
			http.Error(w, "URI /ready not handled", http.StatusNotFound)
		case r.URL.Path == "/ready" && !ready.Load():
			http.Error(w, "server is not ready yet. uptime=1s", http.StatusServiceUnavailable)
		case r.URL.Path == "/ready":
			_, _ = io.WriteString(w, "ready\n")
		case r.URL.Path == "/ping" && statusPort.Load():
			_, _ = io.WriteString(w, "pong\n")
		default:
			t.Errorf("Ready sent GET %s", r.URL.Path)
			http.NotFound(w, r)
		}
	}))
	c := New(Config{URL: srv + "/"})
	if err := c.Ready(context.Background()); !errors.Is(err, ingest.ErrParserUnavailable) || !strings.Contains(err.Error(), "503") {
		t.Errorf("not ready: got %v, want ErrParserUnavailable with 503", err)
	}
	ready.Store(true)
	if err := c.Ready(context.Background()); err != nil {
		t.Errorf("ready: got %v", err)
	}
	statusPort.Store(true) // /ready lives on another port: /ping answers
	if err := c.Ready(context.Background()); err != nil {
		t.Errorf("ready with a separate status port: got %v", err)
	}
}

func TestResponseSizeCap(t *testing.T) {
	f := &fakeServer{}
	cfg := quick(serve(t, f))
	cfg.MaxResponseBytes = 100
	_, err := New(cfg).Parse(context.Background(), []string{"a b c d e f"})
	if !errors.Is(err, ingest.ErrParserUnavailable) || !strings.Contains(err.Error(), "over 100 bytes") {
		t.Errorf("got %v, want ErrParserUnavailable saying the response is over 100 bytes", err)
	}
}
