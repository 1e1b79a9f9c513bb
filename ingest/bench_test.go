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

// nameLists are lists of distinct names, each 900 KiB: every name is new,
// so each lookup among the names an article already has meets a longer
// list. Each entry turns one name into its piece of the list.
var nameLists = []struct {
	name string
	form func(name string) string
}{
	{"names", func(n string) string { return n + " " }},                // 83,778 capitalised names
	{"ministries", func(n string) string { return n + " Ministry, " }}, // organizations sharing a last word
	{"banks", func(n string) string { return n + " Bank accused " }},   // ... and a relation trigger
	{"committees", func(n string) string { return "United Nations " + n + " Committee, " }},
	{"groups", func(n string) string { return n + " Group (" + strings.ToUpper(n[:4]) + "), " }}, // with acronyms
	{"people", func(n string) string { return "John " + n + ", " }},
}

// BenchmarkExtractNameList measures lists of 900 KiB of distinct names
// against the dev articles: ns/byte of each, and x-dev, its ns/byte over
// the dev articles' ns/byte, measured in the same run. Extraction must
// stay linear with a constant that holds on such text: x-dev within 5.
func BenchmarkExtractNameList(b *testing.B) {
	x := NewExtractor(nil)
	arts := devArticles(b)
	devBytes := 0
	for _, m := range arts {
		devBytes += len(m.Title) + len(m.Text)
	}
	devStart := time.Now()
	rounds := 0
	for ; rounds < 5 || time.Since(devStart) < time.Second; rounds++ {
		for _, m := range arts {
			x.Extract(m.Title, m.Text)
		}
	}
	devPerByte := float64(time.Since(devStart).Nanoseconds()) / float64(rounds*devBytes)
	const size = 900 << 10
	for _, l := range nameLists {
		text := nameListOf(size, l.form)
		b.Run(l.name, func(b *testing.B) {
			b.SetBytes(size)
			start := time.Now()
			for b.Loop() {
				x.Extract("", text)
			}
			perByte := float64(time.Since(start).Nanoseconds()) / float64(b.N) / size
			b.ReportMetric(perByte, "ns/byte")
			b.ReportMetric(perByte/devPerByte, "x-dev")
		})
	}
}

// nameListOf returns size bytes of distinct names put in form.
func nameListOf(size int, form func(string) string) string {
	names := strings.Fields(nameList(size))
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(form(names[i%len(names)]))
	}
	return b.String()[:size]
}

// FuzzExtract: the extractor never panics, keeps its caps, and finishes
// within a bound on any input.
func FuzzExtract(f *testing.F) {
	f.Add("", readSeed(f))
	f.Add("Headline", "Japan asked the United States for help. Iran accused Saudi Arabia of attacking its embassy.")
	f.Add("", "Kim Jong-un (KJU) said. KJU, his ally. \"Their\" allies' 's 's")
	f.Add("", "(((( )))) ,,,, .... U.S.. U.N. 'S 'S Mr. . Dr.")
	f.Add("", "Akzo <AKZO.AS> sold <Meda Establishment> to First Boston Corp <FBC")
	f.Add("", "Shares of the group went to Akzo")
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

// nameList returns size bytes of distinct capitalised ten-letter names,
// one after another with nothing but a space between them: one sentence
// of a name-shaped token every 11 bytes (900 KiB hold 83,778), each new,
// so nothing keyed by name is ever found twice.
func nameList(size int) string {
	var b strings.Builder
	b.Grow(size + 11)
	for i := 0; b.Len() < size; i++ {
		b.WriteByte('A' + byte(i%26))
		n := i / 26
		for k := 0; k < 9; k++ {
			b.WriteByte('a' + byte(n%26))
			n /= 26
		}
		b.WriteByte(' ')
	}
	return b.String()[:size]
}
