package corenlp

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/ingest"
)

// realClient is a client of the server at KG_TEST_PARSER (default
// http://127.0.0.1:9000, where deploy/local/services runs it). The test
// fails, never skips, when the server does not answer.
func realClient(t testing.TB, cfg Config) *Client {
	t.Helper()
	cfg.URL = parserURL()
	c := New(cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Ready(ctx); err != nil {
		t.Fatalf("the parser at %s (KG_TEST_PARSER) is not ready: %v; start it with deploy/local/services up", parserURL(), err)
	}
	return c
}

func TestRealServer(t *testing.T) {
	// Small requests, so one call makes several at once.
	c := realClient(t, Config{MaxSentences: 2})
	in := []string{
		"Sanctions were imposed on the regime by the European Union.",
		"",
		"Beijing — which denies the charge — was accused by Washington of espionage.",
		"The prime minister asked Germany for help\nafter the floods.",
		"Émile Zola’s “J’accuse” 🙂 still shapes French politics.",
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ps, err := c.Parse(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != len(in) {
		t.Fatalf("got %d parses, want %d", len(ps), len(in))
	}
	for i, p := range ps {
		checkTree(t, in[i], p)
		for _, tok := range p.Tokens {
			got := strings.ReplaceAll(in[i][tok.Begin:tok.End], "\n", " ")
			// Words are the text CoreNLP read, except for its normalized
			// brackets and quotes.
			if got != tok.Word && !strings.ContainsAny(got, "()[]{}\"'“”‘’") {
				t.Errorf("sentence %d: bytes %d-%d hold %q, word %q", i, tok.Begin, tok.End, got, tok.Word)
			}
		}
	}
	for _, e := range []struct {
		i              int
		rel, head, dep string
	}{
		{0, "nsubj:pass", "imposed", "Sanctions"},
		{0, "obl:agent", "imposed", "Union"},
		{2, "nsubj:pass", "accused", "Beijing"},
		{2, "obl:agent", "accused", "Washington"},
		{2, "obl:of", "accused", "espionage"},
		{3, "obj", "asked", "Germany"},
		{3, "obl:for", "asked", "help"},
	} {
		if !hasEdge(ps[e.i], e.rel, e.head, e.dep) {
			t.Errorf("sentence %d: no %s(%s, %s) in %s", e.i, e.rel, e.head, e.dep, describe(ps[e.i]))
		}
	}
	if len(ps[1].Tokens) != 0 {
		t.Errorf("blank sentence parsed as %s", describe(ps[1]))
	}
	if got := ps[3].Tokens[len(ps[3].Tokens)-1]; got.Word != "." || got.End != len(in[3]) {
		t.Errorf("the sentence with a line break ends with %+v, want the final period at byte %d: one sentence", got, len(in[3]))
	}
}

// BenchmarkParseReal parses batches of 64 sentences on the real server:
// ns/op over 64 is the wall time per sentence with two requests in flight.
func BenchmarkParseReal(b *testing.B) {
	c := realClient(b, Config{})
	base := []string{
		"The treaty was signed by the foreign ministers of both countries.",
		"Russia and China signed the agreement and pledged closer military cooperation.",
		"The diplomat who negotiated the deal praised the allies that supported it.",
		"Officials in Seoul said the talks had failed after the envoy's final offer was rejected.",
	}
	var in []string
	for i := 0; len(in) < 64; i++ {
		in = append(in, fmt.Sprintf("%s (%d)", base[i%len(base)], i)) // distinct, so nothing is cached
	}
	ctx := context.Background()
	var ps []ingest.Parse
	var err error
	for b.Loop() {
		if ps, err = c.Parse(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
	if len(ps) != len(in) {
		b.Fatalf("got %d parses, want %d", len(ps), len(in))
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(in)), "ms/sentence")
}
