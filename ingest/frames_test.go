package ingest_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/kg/corenlp"
	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

// The tests of relation binding run on parses recorded from the real
// CoreNLP server (testdata/parses/*.json), so they need no server.
// `make parser-golden` re-records them from the server at KG_TEST_PARSER.
var recordParses = flag.Bool("record-parses", false, "re-record testdata/parses/*.json from the CoreNLP server at KG_TEST_PARSER")

var updateFrames = flag.Bool("update-frames", false, "rewrite testdata/golden-frames/*.json")

// replayParser answers from recorded parses; when recording, it asks the
// real server for each sentence and keeps the answer.
type replayParser struct {
	mu     sync.Mutex
	path   string
	parses map[string]ingest.Parse
	live   ingest.Parser
}

// recordings holds one replayParser per file, shared by the tests that
// read it, so that a recording run saves every sentence any of them sent.
var recordings = struct {
	sync.Mutex
	m map[string]*replayParser
}{m: make(map[string]*replayParser)}

func openParses(t *testing.T, name string) *replayParser {
	t.Helper()
	recordings.Lock()
	defer recordings.Unlock()
	if r := recordings.m[name]; r != nil {
		return r
	}
	r := &replayParser{path: filepath.Join("testdata", "parses", name+".json"), parses: make(map[string]ingest.Parse)}
	if *recordParses {
		u := os.Getenv("KG_TEST_PARSER")
		if u == "" {
			u = corenlp.DefaultURL
		}
		r.live = corenlp.New(corenlp.Config{URL: u})
	} else {
		b, err := os.ReadFile(r.path)
		if err != nil {
			t.Fatalf("%v (record with make parser-golden)", err)
		}
		if err := json.Unmarshal(b, &r.parses); err != nil {
			t.Fatalf("%s: %v", r.path, err)
		}
	}
	recordings.m[name] = r
	return r
}

// TestMain saves what a recording run parsed, once every test has run.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if *recordParses && code == 0 {
		for _, r := range recordings.m {
			if err := r.save(); err != nil {
				fmt.Fprintln(os.Stderr, err)
				code = 1
			}
		}
	}
	os.Exit(code)
}

func (r *replayParser) Parse(ctx context.Context, sentences []string) ([]ingest.Parse, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]ingest.Parse, len(sentences))
	for i, s := range sentences {
		p, ok := r.parses[s]
		if !ok {
			if r.live == nil {
				return nil, fmt.Errorf("no recorded parse of %q: run make parser-golden", s)
			}
			ps, err := r.live.Parse(ctx, []string{s})
			if err != nil {
				return nil, err
			}
			p = ps[0]
			r.parses[s] = p
		}
		out[i] = p
	}
	return out, nil
}

func (r *replayParser) save() error {
	b, err := json.MarshalIndent(r.parses, "", " ") // map keys sort: a stable file
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(r.path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(r.path, append(b, '\n'), 0o644)
}

type paraphrase struct {
	line                                       int
	rel, subj, obj, charge, construction, text string
}

// readTable returns the data rows of a tab-separated test table with their
// line numbers: # lines and blank lines are skipped, the first other line is
// the header, and every row must have n fields.
func readTable(t *testing.T, path string, n int) (rows [][]string, lines []int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	header := false
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !header {
			header = true
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != n {
			t.Fatalf("%s:%d: %d fields, want %d", path, line, len(c), n)
		}
		rows, lines = append(rows, c), append(lines, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows, lines
}

// readParaphrases reads the paraphrase and near-miss table. Rows that share
// a text expect all their relations from it together.
func readParaphrases(t *testing.T) []paraphrase {
	rows, lines := readTable(t, "testdata/relations/paraphrases.tsv", 6)
	out := make([]paraphrase, len(rows))
	for i, c := range rows {
		out[i] = paraphrase{lines[i], c[0], c[1], c[2], c[3], c[4], c[5]}
	}
	return out
}

// Floors of the paraphrase table: a ratchet. Raise them when binding
// improves; never lower them to let a change through.
const (
	minParaphrasesFound = 453 // of 524 relations the table expects
	// claims no row expects, outside the near misses: "despite X's
	// allegations of ..., Y did ..." names the accused in the sentence
	// before, and the one other party of the sentence is taken instead
	maxParaphraseExtras = 1
	// accusations found whose charge lacks the table's word: a reported
	// "was carried out by" gives the verb as the charge, not the act
	maxChargeMisses = 9
	// near misses that yield any relation: a pronoun whose true antecedent
	// is no entity ("struck a port of X. It appealed ...") still resolves
	// to the party nearby, and "he" after two persons named as coordinated
	// subjects resolves to the nearer one
	maxNearMissesYielding = 2
)

// TestFramesParaphrases runs the paraphrase and near-miss table through the
// frames. A near miss must yield no relation at all; of the relations the
// table expects, at least minParaphrasesFound must be found, with at most
// maxParaphraseExtras claims it does not expect.
func TestFramesParaphrases(t *testing.T) {
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "paraphrases"))
	rows := readParaphrases(t)
	byText := make(map[string][]paraphrase)
	var texts []string
	for _, r := range rows {
		if byText[r.text] == nil {
			texts = append(texts, r.text)
		}
		byText[r.text] = append(byText[r.text], r)
	}
	found, expected, extras, chargeMisses, nearMisses := 0, 0, 0, 0, 0
	for _, text := range texts {
		want := byText[text]
		r, _, err := x.ExtractContext(context.Background(), "", text, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		got := namedClaims(r)
		if want[0].rel == "none" {
			if len(got) > 0 {
				nearMisses++
			}
			for _, c := range got {
				t.Logf("paraphrases.tsv:%d (%s): near miss yields %s: %s", want[0].line, want[0].construction, c, text)
			}
			continue
		}
		used := make([]bool, len(got))
		for _, w := range want {
			expected++
			i := findClaim(got, used, w)
			if i < 0 {
				t.Logf("paraphrases.tsv:%d (%s): missed %s -> %s", w.line, w.construction, w.subj, w.obj)
				continue
			}
			used[i] = true
			found++
			if c := got[i].claim; w.charge != "-" && !strings.Contains(strings.ToLower(c.Charge), strings.ToLower(w.charge)) {
				chargeMisses++
				t.Logf("paraphrases.tsv:%d: charge %q lacks %q", w.line, c.Charge, w.charge)
			}
		}
		for i, c := range got {
			if !used[i] {
				extras++
				t.Logf("paraphrases.tsv:%d (%s): extra %s", want[0].line, want[0].construction, c)
			}
		}
	}
	t.Logf("found %d of %d expected relations, %d extra claims, %d charges off", found, expected, extras, chargeMisses)
	if found < minParaphrasesFound {
		t.Errorf("found %d of %d expected relations, want at least %d", found, expected, minParaphrasesFound)
	}
	if chargeMisses > maxChargeMisses {
		t.Errorf("%d charges lack the word the table expects, want at most %d", chargeMisses, maxChargeMisses)
	}
	if nearMisses > maxNearMissesYielding {
		t.Errorf("%d near misses yield a relation, want at most %d", nearMisses, maxNearMissesYielding)
	}
	if extras > maxParaphraseExtras {
		t.Errorf("%d claims no row expects, want at most %d", extras, maxParaphraseExtras)
	}
}

// named is a claim with every name of its two parties.
type named struct {
	claim     graphmodel.Claim
	subj, obj []string
}

func (n named) String() string {
	return fmt.Sprintf("%s: %s -> %s", n.claim.Type, n.subj[0], n.obj[0])
}

// namedClaims gives the claims of r the names, aliases and acronyms of
// their parties.
func namedClaims(r ingest.Result) []named {
	names := make(map[string][]string)
	for _, e := range r.Entities {
		names[e.Key] = append([]string{e.Name}, e.Aliases...)
		if e.Acronym != "" {
			names[e.Key] = append(names[e.Key], e.Acronym)
		}
	}
	var out []named
	for _, c := range r.Claims {
		out = append(out, named{c, append(names[c.Subject], c.Subject), append(names[c.Object], c.Object)})
	}
	return out
}

// findClaim returns the first claim not yet used that says what w says, or
// -1. ally-of matches either way round. A party of w may list names that
// are all right, separated by "|" ("Recep Tayyip Erdogan|Turkey": a leader
// speaking, or the state the leader speaks for).
func findClaim(got []named, used []bool, w paraphrase) int {
	has := func(names []string, want string) bool {
		for _, n := range names {
			for _, name := range strings.Split(want, "|") {
				if strings.EqualFold(n, name) {
					return true
				}
			}
		}
		return false
	}
	for i, c := range got {
		if used[i] || string(c.claim.Type) != w.rel {
			continue
		}
		if has(c.subj, w.subj) && has(c.obj, w.obj) ||
			c.claim.Type == graphmodel.AllyOf && has(c.subj, w.obj) && has(c.obj, w.subj) {
			return i
		}
	}
	return -1
}

// The seed story keeps its three relations through the frames, and gains
// no false one.
func TestFramesSeed(t *testing.T) {
	b, err := os.ReadFile("testdata/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "dev"))
	r, st, err := x.ExtractContext(context.Background(), "", string(b), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.Claims {
		got = append(got, c.Subject+" "+string(c.Type)+" "+c.Object)
	}
	sort.Strings(got)
	want := []string{
		"state:CHN ally-of state:PRK",
		"state:USA accused-of state:PRK",
		"state:USA requested-help-from state:CHN",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("claims:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if st.Parsed == 0 || st.Parsed >= st.Sentences {
		t.Errorf("parsed %d of %d sentences: want some, not all", st.Parsed, st.Sentences)
	}
}

// TestFramesGolden pins what the frames extract from the dev articles
// (Wikinews, CC BY 2.5, and the seed story). Run
// `go test ./ingest -run FramesGolden -update-frames` after an intended
// change and review the diff.
func TestFramesGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/articles-dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "dev"))
	for _, line := range bytes.Split(in, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		m, err := ingest.DecodeArticle(nil, line, 0)
		if err != nil {
			t.Fatal(err)
		}
		a, _, err := x.ArticleContext(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.MarshalIndent(a.Claims, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		path := filepath.Join("testdata", "golden-frames", m.ID+".json")
		if *updateFrames || *recordParses {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update-frames to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("claims of %s differ from %s; run with -update-frames and review the diff:\n%s", m.ID, path, got)
		}
	}
}

// A hedge on the cue marks the claim hedged and lowers its confidence; a
// plain statement is asserted.
func TestFramesHedged(t *testing.T) {
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "paraphrases"))
	for _, tt := range []struct {
		text, modality string
	}{
		{"Iran reportedly asked Russia for air defence systems.", graphmodel.Hedged},
		{"Iran asked Russia for air defence systems.", graphmodel.Asserted},
	} {
		r, _, err := x.ExtractContext(context.Background(), "", tt.text, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Claims) != 1 || r.Claims[0].Modality != tt.modality {
			t.Errorf("%q: claims %+v, want one %s", tt.text, r.Claims, tt.modality)
		}
	}
}

// A reported wrongdoing in the passive accuses its agent, and the charge
// leaves the agent out.
func TestFramesReportedPassive(t *testing.T) {
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "paraphrases"))
	r, _, err := x.ExtractContext(context.Background(), "", "Japan said the attack on the tanker was carried out by Iran.", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Claims) != 1 || r.Claims[0].Subject != "state:JPN" || r.Claims[0].Object != "state:IRN" ||
		r.Claims[0].Type != graphmodel.AccusedOf || strings.Contains(r.Claims[0].Charge, "Iran") {
		t.Errorf("claims %+v, want Japan accusing Iran of the attack", r.Claims)
	}
}

// Near misses of rows added after the paraphrase table was written: each
// must yield no relation.
func TestFramesMoreNearMisses(t *testing.T) {
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "paraphrases"))
	for _, text := range []string{
		"China criticized a mutual defence pact with Japan.",
		"Japan asked for China's resignation from the committee.",
		"The court did not convict Russia of anything.",
		"France and Germany signed a trade treaty with Italy.",
		"Taliban spokesman Zabihullah Mujahid said the Taliban had carried out the attack.",
		// a letter asks its addressee only for help or action, and only
		// when the asking names no one else
		"Somalia sent Kenya a request for comment on the report.",
		"Ghana sent Nigeria a letter asking for comment.",
		"Ghana sent Nigeria a letter asking its farmers to plant maize.",
		"France wrote to Germany asking it to stop the arms shipments to the rebels.",
		"In a letter to Vladimir Putin, Joe Biden asked him to release the journalist.",
		// relying on a party for a supply, or to do business, is no request
		"Russia relies on China to buy most of its oil exports.",
		"India looked to Russia for cheap oil last year.",
	} {
		r, _, err := x.ExtractContext(context.Background(), "", text, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range namedClaims(r) {
			t.Errorf("%q yields %s", text, c)
		}
	}
}

// Requests by letter and counting on a party, in wordings the paraphrase
// table does not use: each yields its one request.
func TestFramesLetterAndCountOn(t *testing.T) {
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "paraphrases"))
	for _, c := range []struct{ text, subj, obj string }{
		{"Ghana sent Nigeria a letter asking for help with the floods.", "Ghana", "Nigeria"},
		{"In a letter to the IMF, Sri Lanka requested an emergency loan.", "Sri Lanka", "International Monetary Fund"},
		{"In a letter to the IMF, Sri Lanka sought an emergency loan.", "Sri Lanka", "International Monetary Fund"},
		{"Poland said it was counting on NATO to defend its eastern border.", "Poland", "North Atlantic Treaty Organization"},
	} {
		r, _, err := x.ExtractContext(context.Background(), "", c.text, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		got := namedClaims(r)
		if len(got) != 1 || findClaim(got, make([]bool, 1), paraphrase{rel: string(graphmodel.RequestedHelpFrom), subj: c.subj, obj: c.obj}) != 0 {
			t.Errorf("%q yields %v, want %s requested-help-from %s", c.text, got, c.subj, c.obj)
		}
	}
}

// countingParser counts the sentences it is asked to parse and answers with
// empty parses: enough for an extraction to bind nothing.
type countingParser struct{ n int }

func (c *countingParser) Parse(_ context.Context, s []string) ([]ingest.Parse, error) {
	c.n += len(s)
	return make([]ingest.Parse, len(s)), nil
}

// One article sends at most MaxParsedSentences sentences to the parser,
// however many could carry a relation; the rest are counted.
func TestParsedSentencesBounded(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 3*ingest.MaxParsedSentences; i++ {
		b.WriteString("Iran accused Iraq of shelling the border. ")
	}
	p := &countingParser{}
	_, st, err := ingest.NewExtractor(nil).WithParser(p).ExtractContext(context.Background(), "", b.String(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if p.n != ingest.MaxParsedSentences || st.Parsed != ingest.MaxParsedSentences || st.Unparsed != 2*ingest.MaxParsedSentences {
		t.Errorf("parsed %d (stats %d, unparsed %d) of %d candidates, want %d parsed", p.n, st.Parsed, st.Unparsed, 3*ingest.MaxParsedSentences, ingest.MaxParsedSentences)
	}
}

// heldOutItem is one snippet of the held-out table with every relation it
// asserts.
type heldOutItem struct {
	id, text string
	want     []paraphrase
}

func readHeldOut(t *testing.T) []heldOutItem {
	rows, lines := readTable(t, "testdata/relations/heldout.tsv", 5)
	var items []heldOutItem
	byID := make(map[string]int)
	for k, c := range rows {
		i, ok := byID[c[0]]
		if !ok {
			i = len(items)
			byID[c[0]] = i
			items = append(items, heldOutItem{id: c[0], text: c[4]})
		}
		if c[1] != "none" {
			items[i].want = append(items[i].want, paraphrase{line: lines[k], rel: c[1], subj: c[2], obj: c[3], charge: "-"})
		}
	}
	return items
}

// Floors of the held-out table, a ratchet like the paraphrase table's.
const (
	minHeldOutFound  = 63 // of 96 relations
	maxHeldOutExtras = 2  // claims the table does not list
)

// TestFramesHeldOut scores the held-out table: 66 multi-sentence snippets
// written from the annotation guidelines alone, by someone who had seen
// neither the frames nor the other tables, and never used to write a
// frame. It measures; it is not a target to tune to.
func TestFramesHeldOut(t *testing.T) {
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "heldout"))
	found, expected, extras := 0, 0, 0
	for _, it := range readHeldOut(t) {
		r, _, err := x.ExtractContext(context.Background(), "", it.text, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		got := namedClaims(r)
		used := make([]bool, len(got))
		for _, w := range it.want {
			expected++
			if i := findClaim(got, used, w); i >= 0 {
				used[i] = true
				found++
				continue
			}
			t.Logf("heldout %s: missed %s: %s -> %s", it.id, w.rel, w.subj, w.obj)
		}
		for i, c := range got {
			if !used[i] {
				extras++
				t.Logf("heldout %s: extra %s", it.id, c)
			}
		}
	}
	p, r := float64(found)/float64(max(found+extras, 1)), float64(found)/float64(max(expected, 1))
	t.Logf("held-out: found %d of %d relations, %d extra claims: precision %.2f, recall %.2f, F1 %.2f",
		found, expected, extras, p, r, 2*p*r/max(p+r, 1e-9))
	if found < minHeldOutFound {
		t.Errorf("found %d of %d held-out relations, want at least %d", found, expected, minHeldOutFound)
	}
	if extras > maxHeldOutExtras {
		t.Errorf("%d extra claims on the held-out table, want at most %d", extras, maxHeldOutExtras)
	}
}

// Condemning a party's wrongful act accuses the party; condemning an act
// with no party named accuses no one.
func TestFramesCondemnedActs(t *testing.T) {
	checkClaims(t, []claimCase{
		{"Japan condemned North Korea's latest missile test.", "state:JPN accused-of state:PRK"},
		{"The European Union denounced the Russian annexation of Crimea.", "org:european-union accused-of state:RUS"},
		{"France's condemnation of the Iranian attack came within hours.", "state:FRA accused-of state:IRN"},
		{"Japan condemned the missile test.", ""},
		{"Japan condemned North Korea's election.", ""},
		// a named act rejected as a wrong, denounced or attacked in words
		{"Turkey denounced the U.S. decision to move its embassy.", "state:TUR accused-of state:USA"},
		{"Ukraine rejected the Russian seizure of the ships as illegal.", "state:UKR accused-of state:RUS"},
		{"Kenya rejected the new British trade measures.", ""},
		{"Iran rejected the U.S. proposal as a violation of its rights.", ""},
		{"Rebels attacked the Malian army's positions near the border.", ""},
		// an act done despite a party's criticism
		{"Despite Chinese protests, Japan's prime minister visited the shrine.", "state:CHN accused-of state:JPN"},
		{"Despite objections from Egypt, Ethiopia did not begin the filling.", ""},
		{"The summit went ahead despite objections from France.", ""},
	})
}

// A plural description of states ("the countries that asked ...") never
// resolves to the one state named before it.
func TestFramesPluralDescription(t *testing.T) {
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "paraphrases"))
	text := "The United States sent envoys to the region. Among the countries that asked China for debt relief this year was Zambia."
	r, _, err := x.ExtractContext(context.Background(), "", text, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Claims {
		if c.Subject == "state:USA" || c.Object == "state:USA" {
			t.Errorf("claim %s %s %s: the plural 'the countries' taken for the United States", c.Subject, c.Type, c.Object)
		}
	}
}

// A ruling that an act told before was unlawful accuses the act's agent,
// or the party at whose behest it was done; a ruling that it was lawful,
// or an act told without its agent, accuses no one.
func TestFramesActRuledUnlawful(t *testing.T) {
	checkClaims(t, []claimCase{
		{"Norway seized a Russian trawler in June. The International Tribunal for the Law of the Sea ruled that the seizure was unlawful.", "org:international-tribunal-for-the-law-of-the-sea accused-of state:NOR"},
		{"Norway seized a Russian trawler in June. The International Tribunal for the Law of the Sea ruled that the seizure was lawful.", ""},
		{"A Russian trawler was seized in June. The International Tribunal for the Law of the Sea ruled that the seizure was unlawful.", ""},
		{"King Harald suspended parliament in May. The European Court of Human Rights ruled on Friday that the suspension was unlawful.", "org:european-court-of-human-rights accused-of actor:harald"},
		{"King Harald suspended parliament at the behest of Tomas Berg in May. The European Court of Human Rights ruled on Friday the suspension was unlawful.", "org:european-court-of-human-rights accused-of actor:tomas-berg"},
	})
}

// Testimony of a harm suffered accuses the harm's agent when the one harmed
// is the speaker or the speaker's own people or property; a harm told of
// someone else, a dismissal and a kindness accuse no one.
func TestFramesHarmSuffered(t *testing.T) {
	checkClaims(t, []claimCase{
		{"Estonia said on Monday that its consul had been detained by Russia for six hours.", "state:EST accused-of state:RUS"},
		{"Estonia said on Monday that Latvian sailors had been detained by Russia for six hours.", ""},
		{"Estonia said on Monday that its fishing boats had been fired on by Russian border guards.", "state:EST accused-of state:RUS"},
		{"Former banker Tomas Berg said he had been fired by Nordbank in 2019.", ""},
		{"Former banker Tomas Berg said he had been helped by Nordbank in 2019.", ""},
		{"Former banker Tomas Berg said he had been threatened by two guards, Ivo Kask and Mart Saar.", "actor:tomas-berg accused-of actor:ivo-kask; actor:tomas-berg accused-of actor:mart-saar"},
	})
}

// A document accuses for its named author, a dispute brought over a
// party's act accuses the party, and a dispute taken up from the sentences
// before accuses whom they accused; a document with no author and a
// dispute over what nobody owns accuse no one.
func TestFramesDocumentsAndDisputes(t *testing.T) {
	checkClaims(t, []claimCase{
		{"A complaint lodged by Brazil accused Argentina of dumping steel.", "state:BRA accused-of state:ARG"},
		{"The complaint, filed on Monday, accused Argentina of dumping steel.", ""},
		{"Mexico lodged a complaint with the WTO over Canadian dairy quotas.", "state:MEX accused-of state:CAN"},
		{"Peru brought a dispute over fishing rights to the International Court of Justice.", ""},
		{"Peru brought the dispute to the International Court of Justice.", ""},
		{"The European Union accused Japan of taxing imported liquor unfairly. Canada brought the dispute to the WTO in 1995.",
			"org:european-union accused-of state:JPN; state:CAN accused-of state:JPN"},
	})
}

// claimCase is a text and the claims it must yield, "subject type object"
// in sorted order joined by "; ", or "" for none.
type claimCase struct{ text, want string }

// checkClaims extracts each case's text over the recorded parses and
// compares the claims with the case's.
func checkClaims(t *testing.T, cases []claimCase) {
	t.Helper()
	x := ingest.NewExtractor(nil).WithParser(openParses(t, "paraphrases"))
	for _, tt := range cases {
		r, _, err := x.ExtractContext(context.Background(), "", tt.text, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range r.Claims {
			got = append(got, c.Subject+" "+string(c.Type)+" "+c.Object)
		}
		sort.Strings(got)
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%q: claims %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A sentence is parsed only when some cue of it has a frame whose needed
// words the sentence holds: an act noun between two states is a cue of a
// finding only with a verb of finding, and "help" is a call on a party
// only with a verb of obligation.
func TestParsedOnlyWithNeededWords(t *testing.T) {
	for _, tt := range []struct {
		text   string
		parsed bool
	}{
		{"The killing of the envoy by Ruritanian agents shocked Freedonia.", false},
		{"Investigators in Freedonia found that the killing of the envoy was ordered by Ruritanian agents.", true},
		{"Japan and Peru held talks on the help their fishermen get.", false},
		{"\"Japan must help us,\" Peru's president said.", true},
	} {
		p := &countingParser{}
		if _, _, err := ingest.NewExtractor(nil).WithParser(p).ExtractContext(context.Background(), "", tt.text, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if got := p.n > 0; got != tt.parsed {
			t.Errorf("%q: parsed %v, want %v", tt.text, got, tt.parsed)
		}
	}
}

// A government noun that names no state stands for the state the article
// is about, else for the state the sentence before has as its subject, and
// never for the other party of its claim.
func TestFramesGovernmentTopic(t *testing.T) {
	checkClaims(t, []claimCase{
		// no state leads: the subject of the sentence before
		{"Greece expelled two Turkish diplomats on Monday, a day after Turkey expelled a Greek consul. The government accused Turkey of spying on its navy.", "state:GRC accused-of state:TUR"},
		{"Greece expelled two Turkish diplomats on Monday, a day after Turkey expelled a Greek consul. Officials accused Turkey of spying on its navy.", "state:GRC accused-of state:TUR"},
		{"Greece expelled two Turkish diplomats on Monday. The government accused Greece of overreacting.", ""},
		{"Protests spread through the capital on Sunday. The government accused unnamed foreigners of stirring them up.", ""},
		// the state the article is about comes first, even right after a
		// sentence about another state
		{"Venezuela is facing its worst economic crisis. Venezuela's oil output has collapsed. The United States imposed new sanctions on the state oil company on Monday. The government called the measures illegal and asked Russia for help.", "state:VEN requested-help-from state:RUS"},
		// a person as the subject before: the sentence is about the person
		{"Foreign Minister Anna Berg said on Monday that Greece was pleased with the talks. The government accused Turkey of spying on its navy.", ""},
	})
}

// Asking a party to approve a sum is a request; asking it to cut one is a
// demand.
func TestFramesMoneyAskedFor(t *testing.T) {
	checkClaims(t, []claimCase{
		{"Peru asked Japan to approve 300 million dollars for the rebuilding of its ports.", "state:PER requested-help-from state:JPN"},
		{"Peru asked Japan to cut its tariffs by 300 million dollars.", ""},
	})
}
