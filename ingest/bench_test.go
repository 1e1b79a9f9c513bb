package ingest

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// devArticles returns the shipped dev articles, decoded.
func devArticles(tb testing.TB) []ArticleMessage {
	tb.Helper()
	f, err := os.ReadFile("testdata/articles-dev.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	var out []ArticleMessage
	for _, line := range bytes.Split(bytes.TrimSpace(f), []byte("\n")) {
		m, err := DecodeArticle(nil, line, 0)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// BenchmarkExtractDev measures throughput over real news: run with
// GOMAXPROCS=1 go test -bench Extract -benchmem ./ingest and read MB/s.
func BenchmarkExtractDev(b *testing.B) {
	arts := devArticles(b)
	x := NewExtractor(nil)
	n := 0
	for _, m := range arts {
		n += len(m.Title) + len(m.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, m := range arts {
			x.Extract(m.Title, m.Text)
		}
	}
}

// adversarial are inputs built to find work that grows faster than the
// text: each is scaled to the wanted size.
var adversarial = []struct {
	name string
	unit string
}{
	{"punctuation", `!?.,;:--""''(())[]... `},
	{"endless-sentence", "and the United States asked China for help while officials in Beijing said that Kim Jong Un accused them of lying "},
	{"capitalised-words", "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec Romeo Sierra Tango "},
}

func adversarialText(unit string, size int) string {
	return strings.Repeat(unit, size/len(unit)+1)[:size]
}

// BenchmarkExtractAdversarial reports ns/byte at 10 KB and 1 MiB; the two
// must stay within a small factor of each other (linear cost).
func BenchmarkExtractAdversarial(b *testing.B) {
	x := NewExtractor(nil)
	for _, a := range adversarial {
		for _, size := range []int{10 << 10, 1 << 20} {
			text := adversarialText(a.unit, size)
			b.Run(fmt.Sprintf("%s/%dKiB", a.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(size))
				start := time.Now()
				for b.Loop() {
					x.Extract("", text)
				}
				b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(size), "ns/byte")
			})
		}
	}
}

// FuzzExtract: the extractor never panics, keeps its caps, and finishes
// within a bound on any input.
func FuzzExtract(f *testing.F) {
	f.Add("", readSeed(f))
	f.Add("Headline", "Japan asked the United States for help. Iran accused Saudi Arabia of attacking its embassy.")
	f.Add("", "Kim Jong-un (KJU) said. KJU, his ally. \"Their\" allies' 's 's")
	f.Add("", "(((( )))) ,,,, .... U.S.. U.N. 'S 'S Mr. . Dr.")
	f.Add("", adversarialText(adversarial[2].unit, 4000))
	f.Add("Le président", "Le président de la République a annoncé mardi que la France ne participerait pas aux négociations.")
	x := NewExtractor(nil)
	f.Fuzz(func(t *testing.T, title, text string) {
		start := time.Now()
		r := x.Extract(title, text)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v on %d bytes", d, len(title)+len(text))
		}
		if len(r.Entities) > 400 || len(r.Claims) > 100 {
			t.Errorf("%d entities, %d claims: over the caps", len(r.Entities), len(r.Claims))
		}
		for _, c := range r.Claims {
			if c.Subject == c.Object {
				t.Errorf("claim with one entity on both sides: %+v", c)
			}
		}
	})
}
