package corenlp_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsgraph/kg/corenlp"
	"github.com/newsgraph/kg/ingest"
)

// The speed of article extraction with the parser in the path, against the
// parser alone on the same sentences (the ceiling), on the 64 articles of
// dev and dev2:
//
//	make bench-parser
//
// The server is the one at KG_TEST_PARSER (default http://127.0.0.1:9000).
// Its CPU time, read from /proc, turns the figures into articles per parser
// CPU-second (per parser core): the process is found by KG_TEST_PARSER_PID,
// or else by the pid file deploy/local/services writes
// ($KG_LOCAL_DIR/run/corenlp.pid, KG_LOCAL_DIR default <repo>/.local).
// Without either the benchmarks report wall-clock figures only.

// benchInFlight is how many articles are extracted at once, as a worker's
// partitions building batches side by side do. Each extraction sends its
// sentences in one Parse call; the client keeps its default of 2 requests
// in flight, one per thread of the local server.
const benchInFlight = 4

// userHZ is the unit of utime and stime in /proc/<pid>/stat: fixed at 100
// by the Linux ABI (getconf CLK_TCK).
const userHZ = 100

// BenchmarkArticlesParsed extracts all the articles through a real client,
// benchInFlight at a time, and reports articles/s, articles per parser
// CPU-second, the parser's CPU per article, the slowest article and the
// share of sentences and bytes the extractor sent to the parser.
func BenchmarkArticlesParsed(b *testing.B) {
	arts := benchArticles(b)
	x := ingest.NewExtractor(nil).WithParser(benchClient(b))
	ctx := context.Background()
	cpu := newParserCPU(b)
	warmUp(b, cpu, func() error {
		_, _, err := extractAll(ctx, x, arts)
		return err
	})
	var st ingest.ParseStats
	var slowest time.Duration
	cpu.start(b)
	for b.Loop() {
		s, worst, err := extractAll(ctx, x, arts)
		if err != nil {
			b.Fatal(err)
		}
		st = s // the same every pass
		slowest = max(slowest, worst)
	}
	report(b, cpu, len(arts))
	b.ReportMetric(float64(slowest.Microseconds())/1000, "max-ms/article")
	b.ReportMetric(100*float64(st.Parsed)/float64(max(st.Sentences, 1)), "%sentences-parsed")
	b.ReportMetric(100*float64(st.ParsedBytes)/float64(max(st.Bytes, 1)), "%bytes-parsed")
	b.Logf("per pass: %d articles, %d of %d sentences parsed, %d of %d bytes",
		len(arts), st.Parsed, st.Sentences, st.ParsedBytes, st.Bytes)
}

// BenchmarkParserAlone is the ceiling of BenchmarkArticlesParsed: the exact
// sentences the extractor sends, in the same calls, with the same number in
// flight, straight to the client, no extraction around them. Its articles
// are the 64 whose sentences these are.
func BenchmarkParserAlone(b *testing.B) {
	arts := benchArticles(b)
	c := benchClient(b)
	rec := &recordingParser{p: c}
	ctx := context.Background()
	if _, _, err := extractAll(ctx, ingest.NewExtractor(nil).WithParser(rec), arts); err != nil {
		b.Fatal(err)
	}
	calls := rec.calls
	sentences, size := 0, 0
	for _, call := range calls {
		sentences += len(call)
		for _, s := range call {
			size += len(s)
		}
	}
	cpu := newParserCPU(b)
	warmUp(b, cpu, func() error { return parseAll(ctx, c, calls) })
	cpu.start(b)
	for b.Loop() {
		if err := parseAll(ctx, c, calls); err != nil {
			b.Fatal(err)
		}
	}
	report(b, cpu, len(arts))
	b.Logf("per pass: %d calls for %d articles, %d sentences, %d bytes", len(calls), len(arts), sentences, size)
}

// Warm-up: the server's JIT makes its first pass over these articles about
// twice as slow as a warm one, and its CPU per pass keeps falling for a few
// passes more on a freshly started server. warmUp makes untimed passes
// until one costs the parser no less than 95% of the CPU of the one
// before, at least warmMinPasses and at most warmMaxPasses of them; with
// the parser's CPU unknown, warmBlindPasses.
const (
	warmMinPasses   = 2
	warmMaxPasses   = 8
	warmBlindPasses = 4
)

func warmUp(b *testing.B, cpu *parserCPU, pass func() error) {
	b.Helper()
	var last []string
	prev := time.Duration(-1)
	for i := 1; i <= warmMaxPasses; i++ {
		cpu.start(b)
		if err := pass(); err != nil {
			b.Fatal(err)
		}
		used, ok := cpu.used(b)
		if !ok {
			if i >= warmBlindPasses {
				break
			}
			continue
		}
		last = append(last, used.Round(10*time.Millisecond).String())
		if i >= warmMinPasses && float64(used) >= 0.95*float64(prev) {
			break
		}
		prev = used
	}
	if len(last) > 0 {
		b.Logf("warm-up passes, parser CPU each: %s", strings.Join(last, " "))
	}
}

// recordingParser keeps the sentences of every Parse call it passes on.
type recordingParser struct {
	p     ingest.Parser
	mu    sync.Mutex
	calls [][]string
}

func (r *recordingParser) Parse(ctx context.Context, sentences []string) ([]ingest.Parse, error) {
	r.mu.Lock()
	r.calls = append(r.calls, slices.Clone(sentences))
	r.mu.Unlock()
	return r.p.Parse(ctx, sentences)
}

// extractAll extracts arts, benchInFlight at a time, and returns the sum of
// their parse stats and the longest any one took.
func extractAll(ctx context.Context, x *ingest.Extractor, arts []ingest.ArticleMessage) (ingest.ParseStats, time.Duration, error) {
	var (
		mu      sync.Mutex
		sum     ingest.ParseStats
		slowest time.Duration
	)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(benchInFlight)
	for _, m := range arts {
		g.Go(func() error {
			start := time.Now()
			_, st, err := x.ArticleContext(ctx, m)
			took := time.Since(start)
			if err != nil {
				return fmt.Errorf("article %s: %w", m.ID, err)
			}
			mu.Lock()
			defer mu.Unlock()
			sum.Sentences += st.Sentences
			sum.Parsed += st.Parsed
			sum.Bytes += st.Bytes
			sum.ParsedBytes += st.ParsedBytes
			slowest = max(slowest, took)
			return nil
		})
	}
	err := g.Wait()
	return sum, slowest, err
}

// parseAll makes the recorded calls, benchInFlight at a time.
func parseAll(ctx context.Context, p ingest.Parser, calls [][]string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(benchInFlight)
	for _, call := range calls {
		g.Go(func() error {
			ps, err := p.Parse(ctx, call)
			if err != nil {
				return err
			}
			if len(ps) != len(call) {
				return fmt.Errorf("%d parses for %d sentences", len(ps), len(call))
			}
			return nil
		})
	}
	return g.Wait()
}

// report adds the throughput figures of the timed loop over n articles.
func report(b *testing.B, cpu *parserCPU, n int) {
	articles := float64(b.N * n)
	b.ReportMetric(articles/b.Elapsed().Seconds(), "articles/s")
	used, ok := cpu.used(b)
	if !ok {
		return
	}
	b.ReportMetric(articles/used.Seconds(), "articles/parser-cpu-s")
	b.ReportMetric(float64(used.Milliseconds())/articles, "parser-cpu-ms/article")
}

// parserCPU reads the CPU time of the parser server process; pid 0 when it
// is not known, and then the benchmarks report wall-clock figures only.
type parserCPU struct {
	pid    int
	before time.Duration
}

func newParserCPU(b *testing.B) *parserCPU {
	b.Helper()
	if s := os.Getenv("KG_TEST_PARSER_PID"); s != "" {
		pid, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || pid <= 0 {
			b.Fatalf("KG_TEST_PARSER_PID %q is not a process id", s)
		}
		return &parserCPU{pid: pid}
	}
	local := os.Getenv("KG_LOCAL_DIR")
	if local == "" {
		local = filepath.Join("..", ".local")
	}
	file := filepath.Join(local, "run", "corenlp.pid")
	raw, err := os.ReadFile(file)
	if err != nil {
		b.Logf("parser CPU not measured: no KG_TEST_PARSER_PID and %v; wall-clock figures only", err)
		return &parserCPU{}
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil || pid <= 0 {
		b.Logf("parser CPU not measured: %s holds no process id; wall-clock figures only", file)
		return &parserCPU{}
	}
	// The pid file may be stale, or belong to a server other than the one
	// at KG_TEST_PARSER: its CPU would not be the parser's work.
	if why := notTheServer(pid); why != "" {
		b.Logf("parser CPU not measured: pid %d from %s %s; wall-clock figures only", pid, file, why)
		return &parserCPU{}
	}
	return &parserCPU{pid: pid}
}

// notTheServer says why pid is not the CoreNLP server at KG_TEST_PARSER,
// or "" when it is.
func notTheServer(pid int) string {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return "is not running"
	}
	args := strings.Split(string(bytes.TrimRight(raw, "\x00")), "\x00")
	if !slices.Contains(args, "edu.stanford.nlp.pipeline.StanfordCoreNLPServer") {
		return "is not a CoreNLP server"
	}
	port := "9000" // the server's default
	if i := slices.Index(args, "-port"); i >= 0 && i+1 < len(args) {
		port = args[i+1]
	}
	if u, err := url.Parse(benchParserURL()); err == nil && u.Port() != "" && u.Port() != port {
		return fmt.Sprintf("is the server on port %s, not %s", port, benchParserURL())
	}
	return ""
}

func (c *parserCPU) start(b *testing.B) {
	b.Helper()
	if c.pid == 0 {
		return
	}
	var err error
	if c.before, err = cpuTime(c.pid); err != nil {
		b.Fatal(err)
	}
}

// used returns the CPU time the parser spent since start.
func (c *parserCPU) used(b *testing.B) (time.Duration, bool) {
	b.Helper()
	if c.pid == 0 {
		return 0, false
	}
	after, err := cpuTime(c.pid)
	if err != nil {
		b.Fatal(err)
	}
	return after - c.before, true
}

// cpuTime is the user plus system time of process pid, all its threads.
func cpuTime(pid int) (time.Duration, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("parser CPU time: %w", err)
	}
	// The command name, field 2, is in parentheses and may hold spaces:
	// count fields from the last ')'. Then field 3 (state) is rest[0], and
	// utime and stime, fields 14 and 15, are rest[11] and rest[12].
	i := bytes.LastIndexByte(raw, ')')
	if i < 0 {
		return 0, fmt.Errorf("parser CPU time: /proc/%d/stat has no command name", pid)
	}
	rest := strings.Fields(string(raw[i+1:]))
	if len(rest) < 13 {
		return 0, fmt.Errorf("parser CPU time: /proc/%d/stat has %d fields", pid, len(rest)+2)
	}
	var ticks int64
	for _, f := range rest[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("parser CPU time: /proc/%d/stat: %w", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / userHZ, nil
}

// benchParserURL is the server the benchmarks use.
func benchParserURL() string {
	if u := os.Getenv("KG_TEST_PARSER"); u != "" {
		return u
	}
	return corenlp.DefaultURL
}

// benchClient is a client of the server at KG_TEST_PARSER with the
// defaults a worker uses; the benchmark fails when the server is not ready.
func benchClient(b *testing.B) *corenlp.Client {
	b.Helper()
	c := corenlp.New(corenlp.Config{URL: benchParserURL()})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Ready(ctx); err != nil {
		b.Fatalf("the parser at %s (KG_TEST_PARSER) is not ready: %v; start it with deploy/local/services start corenlp", benchParserURL(), err)
	}
	return c
}

// benchArticles returns the 25 dev articles (ingest/testdata) and the 39
// of dev2, read from the shared data at run time: its Reuters texts are for
// research use and are not copied into the repository. KG_SHARED_DIR
// overrides where ../shared is (relative paths from the repository root,
// as in deploy/local/quality-gate). A missing file fails the benchmark.
func benchArticles(b *testing.B) []ingest.ArticleMessage {
	b.Helper()
	shared := os.Getenv("KG_SHARED_DIR")
	if shared == "" {
		shared = filepath.Join("..", "shared")
	}
	if !filepath.IsAbs(shared) {
		shared = filepath.Join("..", shared) // the tests run in corenlp/
	}
	var out []ingest.ArticleMessage
	for _, path := range []string{
		filepath.Join("..", "ingest", "testdata", "articles-dev.jsonl"),
		filepath.Join(shared, "data", "articles-dev2.jsonl"),
	} {
		arts, err := readArticles(path)
		if err != nil {
			b.Fatalf("%v (KG_SHARED_DIR sets where ../shared is)", err)
		}
		out = append(out, arts...)
	}
	return out
}

// readArticles decodes a file of article messages, one per line.
func readArticles(path string) ([]ingest.ArticleMessage, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []ingest.ArticleMessage
	for n, line := range bytes.Split(raw, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		m, err := ingest.DecodeArticle(nil, line, 0)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil, errors.New(path + ": no articles")
	}
	return out, nil
}
