package corenlp

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/kg/ingest"
)

// -update re-records testdata/*.json from the real server at KG_TEST_PARSER
// (make parser-golden).
var update = flag.Bool("update", false, "re-record testdata/*.json from the CoreNLP server at KG_TEST_PARSER")

// parserURL is the real server the integration tests use.
func parserURL() string {
	if u := os.Getenv("KG_TEST_PARSER"); u != "" {
		return u
	}
	return DefaultURL
}

// recorded are the cases whose real server responses live in testdata.
// Every sentence here is written for these tests.
var recorded = []struct {
	name      string
	sentences []string
	edges     [][3]string // rel, head word, dependent word: must be in the parse of sentence 0
}{
	{
		name:      "passive",
		sentences: []string{"The treaty was signed by the foreign ministers of both countries."},
		edges: [][3]string{
			{"root", "", "signed"}, {"nsubj:pass", "signed", "treaty"}, {"aux:pass", "signed", "was"},
			{"obl:agent", "signed", "ministers"}, {"nmod:of", "ministers", "countries"},
		},
	},
	{
		name:      "coordination",
		sentences: []string{"Russia and China signed the agreement and pledged closer military cooperation."},
		edges: [][3]string{
			// enhanced++: the shared subject reaches both verbs, both conjuncts are subjects
			{"nsubj", "signed", "Russia"}, {"nsubj", "signed", "China"}, {"nsubj", "pledged", "Russia"},
			{"conj:and", "Russia", "China"}, {"conj:and", "signed", "pledged"}, {"obj", "pledged", "cooperation"},
		},
	},
	{
		name:      "relative-clause",
		sentences: []string{"The diplomat who negotiated the deal praised the allies that supported it."},
		edges: [][3]string{
			// enhanced++: the relative pronoun's role goes to the noun it stands for
			{"acl:relcl", "diplomat", "negotiated"}, {"nsubj", "negotiated", "diplomat"}, {"ref", "diplomat", "who"},
			{"nsubj", "praised", "diplomat"}, {"nsubj", "supported", "allies"},
		},
	},
	{
		name:      "non-ascii",
		sentences: []string{"Ministers met in Zürich — again 🙂 — and the café owner greeted émigrés."},
		edges: [][3]string{
			{"obl:in", "met", "Zürich"}, {"compound", "owner", "café"}, {"obj", "greeted", "émigrés"},
			{"conj:and", "met", "greeted"},
		},
	},
	{
		// Several sentences in one request, a blank one among them, and one
		// with a line break inside that must stay one sentence.
		name: "batch",
		sentences: []string{
			"\"We asked Japan for help,\" the minister said (in Seoul).",
			"  ",
			"Officials in Seoul\nsaid the talks had failed.",
			"Ça va? 🙂 The envoy’s “final” offer was rejected.",
		},
		edges: [][3]string{{"obj", "asked", "Japan"}, {"obl:for", "asked", "help"}, {"parataxis", "asked", "said"}},
	},
}

// rawTokens is what the tests check offsets against: the text CoreNLP saw
// for each token.
type rawDoc struct {
	Sentences []struct {
		Tokens []struct {
			OriginalText string `json:"originalText"`
		} `json:"tokens"`
	} `json:"sentences"`
}

func TestRecorded(t *testing.T) {
	for _, tc := range recorded {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join("testdata", tc.name+".json")
			reqs := split(tc.sentences, DefaultMaxSentences, DefaultMaxRequestBytes)
			if len(reqs) != 1 {
				t.Fatalf("the case makes %d requests, want 1", len(reqs))
			}
			if *update {
				record(t, file, reqs[0].body)
			}
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (record it with make parser-golden)", err)
			}
			srv := replay(t, reqs[0].body, raw)
			ps, err := New(Config{URL: srv.URL}).Parse(context.Background(), tc.sentences)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != len(tc.sentences) {
				t.Fatalf("got %d parses, want %d", len(ps), len(tc.sentences))
			}
			checkOffsets(t, tc.sentences, ps, raw)
			for i, p := range ps {
				checkTree(t, tc.sentences[i], p)
			}
			for _, e := range tc.edges {
				if !hasEdge(ps[0], e[0], e[1], e[2]) {
					t.Errorf("no edge %s(%s, %s) in %s", e[0], e[1], e[2], describe(ps[0]))
				}
			}
		})
	}
}

// TestRecordedBatch checks what only the batch case shows: the blank
// sentence is skipped and the line break stays inside its sentence.
func TestRecordedBatch(t *testing.T) {
	tc := recorded[len(recorded)-1]
	raw, err := os.ReadFile(filepath.Join("testdata", tc.name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	srv := replay(t, split(tc.sentences, DefaultMaxSentences, DefaultMaxRequestBytes)[0].body, raw)
	ps, err := New(Config{URL: srv.URL}).Parse(context.Background(), tc.sentences)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps[1].Tokens) != 0 || len(ps[1].Deps) != 0 {
		t.Errorf("blank sentence: got %s, want an empty parse", describe(ps[1]))
	}
	if got, want := words(ps[2]), "Officials in Seoul said the talks had failed ."; got != want {
		t.Errorf("sentence with a line break: got words %q, want %q", got, want)
	}
	if !hasEdge(ps[2], "nsubj", "said", "Officials") {
		t.Errorf("sentence with a line break: no nsubj(said, Officials) in %s", describe(ps[2]))
	}
	// The emoji is 4 bytes; "’" and "“" 3 each: offsets after them are bytes.
	s := tc.sentences[3]
	for _, tok := range ps[3].Tokens {
		if tok.Word == "offer" {
			if want := strings.Index(s, "offer"); tok.Begin != want || tok.End != want+len("offer") {
				t.Errorf("offer at %d-%d, want %d-%d", tok.Begin, tok.End, want, want+5)
			}
		}
	}
}

// record asks the real server for body and writes its response to file.
func record(t *testing.T, file, body string) {
	t.Helper()
	c := New(Config{URL: parserURL()})
	resp, err := http.Post(c.annotate, "text/plain; charset=utf-8", strings.NewReader(body))
	if err != nil {
		t.Fatalf("recording from %s: %v", parserURL(), err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("recording from %s: %s %v: %s", parserURL(), resp.Status, err, b)
	}
	var pretty strings.Builder
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(&pretty)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(pretty.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replay serves a recorded response to exactly the request it was recorded
// for: the same properties and text.
func replay(t *testing.T, body string, response []byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.URL.Path != "/" {
			t.Errorf("request %s %s, want POST /", r.Method, r.URL.Path)
		}
		if p := r.URL.Query().Get("properties"); p != properties {
			t.Errorf("properties %s, want %s", p, properties)
		}
		if string(got) != body {
			t.Errorf("request text %q, want the recorded %q", got, body)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(response)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// checkOffsets: each token's byte range in the caller's sentence holds the
// text CoreNLP read for it (line breaks read as spaces).
func checkOffsets(t *testing.T, sentences []string, ps []ingest.Parse, raw []byte) {
	t.Helper()
	var doc rawDoc
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	j := 0 // raw sentence j is the j-th non-blank input
	for i, s := range sentences {
		if blank(s) {
			continue
		}
		if j >= len(doc.Sentences) {
			t.Fatalf("sentence %d has no recorded sentence", i)
		}
		toks := doc.Sentences[j].Tokens
		j++
		if len(toks) != len(ps[i].Tokens) {
			t.Errorf("sentence %d: %d tokens, recorded %d", i, len(ps[i].Tokens), len(toks))
			continue
		}
		for k, tok := range ps[i].Tokens {
			if tok.Begin < 0 || tok.End > len(s) || tok.Begin > tok.End {
				t.Errorf("sentence %d token %d (%q): offsets %d-%d outside %d bytes", i, k, tok.Word, tok.Begin, tok.End, len(s))
				continue
			}
			got := strings.Map(func(r rune) rune {
				if isLineBreak(r) {
					return ' '
				}
				return r
			}, s[tok.Begin:tok.End])
			if got != toks[k].OriginalText {
				t.Errorf("sentence %d token %d: bytes %d-%d hold %q, CoreNLP read %q", i, k, tok.Begin, tok.End, got, toks[k].OriginalText)
			}
		}
	}
}

// checkTree: one root, every edge between tokens of the sentence, every
// token the dependent of some edge.
func checkTree(t *testing.T, s string, p ingest.Parse) {
	t.Helper()
	if blank(s) {
		return
	}
	roots := 0
	for _, d := range p.Deps {
		if d.Head == -1 {
			roots++
			if d.Rel != "root" {
				t.Errorf("%q: edge from the root is %q, want root", s, d.Rel)
			}
		}
		if d.Head < -1 || d.Head >= len(p.Tokens) || d.Dependent < 0 || d.Dependent >= len(p.Tokens) {
			t.Errorf("%q: edge %+v outside %d tokens", s, d, len(p.Tokens))
		}
	}
	if roots != 1 {
		t.Errorf("%q: %d root edges, want 1", s, roots)
	}
	reached := make([]bool, len(p.Tokens))
	for _, d := range p.Deps {
		if d.Dependent >= 0 && d.Dependent < len(reached) {
			reached[d.Dependent] = true
		}
	}
	for i, ok := range reached {
		if !ok {
			t.Errorf("%q: token %d (%q) has no head", s, i, p.Tokens[i].Word)
		}
	}
}

// hasEdge: head "" stands for the root.
func hasEdge(p ingest.Parse, rel, head, dep string) bool {
	for _, d := range p.Deps {
		h := ""
		if d.Head >= 0 {
			h = p.Tokens[d.Head].Word
		}
		if d.Rel == rel && h == head && p.Tokens[d.Dependent].Word == dep {
			return true
		}
	}
	return false
}

func words(p ingest.Parse) string {
	var ws []string
	for _, tok := range p.Tokens {
		ws = append(ws, tok.Word)
	}
	return strings.Join(ws, " ")
}

func describe(p ingest.Parse) string {
	var es []string
	for _, d := range p.Deps {
		h := "ROOT"
		if d.Head >= 0 && d.Head < len(p.Tokens) {
			h = p.Tokens[d.Head].Word
		}
		dep := "?"
		if d.Dependent >= 0 && d.Dependent < len(p.Tokens) {
			dep = p.Tokens[d.Dependent].Word
		}
		es = append(es, d.Rel+"("+h+", "+dep+")")
	}
	return "[" + words(p) + "] " + strings.Join(es, " ")
}
