package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The seed story yields its three relations, no other core relation, and
// every entity its gold annotation requires.
func TestExtractSeed(t *testing.T) {
	r := NewExtractor(nil).Extract("", readSeed(t))
	var got []string
	for _, c := range r.Claims {
		got = append(got, c.Subject+" "+string(c.Type)+" "+c.Object)
		if c.Evidence == "" || c.Confidence <= 0 || c.Confidence > 1 {
			t.Errorf("claim %s %s %s: evidence %q, confidence %v", c.Subject, c.Type, c.Object, c.Evidence, c.Confidence)
		}
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
	for _, c := range r.Claims {
		if c.Type == graphmodel.AccusedOf && !strings.Contains(c.Charge, "Sony Pictures") {
			t.Errorf("accusation charge %q, want the attack on Sony Pictures", c.Charge)
		}
	}
	names := make(map[string]graphmodel.Kind)
	for _, e := range r.Entities {
		names[e.Name] = e.Kind
	}
	required := map[string]graphmodel.Kind{
		"United States": graphmodel.KindState, "China": graphmodel.KindState, "North Korea": graphmodel.KindState,
		"Russia": graphmodel.KindState, "South Korea": graphmodel.KindState,
		"Barack Obama": graphmodel.KindActor, "Kim Jong Un": graphmodel.KindActor, "James Lewis": graphmodel.KindActor,
		"Robert King": graphmodel.KindActor, "Seth Rogen": graphmodel.KindActor, "James Franco": graphmodel.KindActor,
		"Sony Pictures": graphmodel.KindOrganization, "United Nations": graphmodel.KindOrganization,
		"Center for Strategic and International Studies": graphmodel.KindOrganization,
		"People's Liberation Army":                       graphmodel.KindOrganization,
	}
	for name, kind := range required {
		if got, ok := names[name]; !ok || got != kind {
			t.Errorf("entity %q: got kind %q (found %v), want %q", name, got, ok, kind)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{"Mr. Smith met Gen. Lee. They talked.", []string{"Mr. Smith met Gen. Lee.", "They talked."}},
		{"The U.S. government said so.", []string{"The U.S. government said so."}},
		{"It came from the U.S. The talks ended.", []string{"It came from the U.S.", "The talks ended."}},
		{"“Stop,” he said. “Now.”", []string{"“Stop,” he said.", "“Now.”"}},
		{"George W. Bush spoke.", []string{"George W. Bush spoke."}},
		{"Is it true? Yes!", []string{"Is it true?", "Yes!"}},
		{"No end", []string{"No end"}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParagraphsDropBoilerplate(t *testing.T) {
	text := "Headline here\n\nJane Doe (c) 2014, The Daily Paper. LONDON — The story starts.\n\n- Advertisement -\n\n" +
		"Photo: Someone/Agency\n\nMore story.\n\nJohn Roe in Paris contributed to this report.\n\nDoe reported from Tokyo."
	got := Paragraphs(text)
	want := []string{"Headline here", "The story starts.", "More story."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

func TestParagraphsDropNonStory(t *testing.T) {
	tests := []struct {
		line string
		keep bool
	}{
		{"By Jane Doe and John Roe", false},
		{"BY JANE DOE, Associated Press", false},
		{"By Monday, the talks had ended.", true},
		{"By a vote of 230 to 197, the House passed the bill.", true},
		{"Advertisement", false},
		{"Story continues below advertisement", false},
		{"Sponsored content", false},
		{"Copyright 2019 The Associated Press. All rights reserved.", false},
		{"© 2014 The Washington Post", false},
		{"Protesters in Hong Kong on Sunday. Anthony Wallace/AFP via Getty Images", false},
		{"Photo: Jane Doe/Reuters", false},
		{"Read more: What the sanctions mean", false},
		{"Sign up for our daily newsletter", false},
		{"Follow us on Twitter for updates", false},
		{"Click here to subscribe", false},
		{"Reporting by Jane Doe in Tehran contributed to this report.", false},
		{"The minister said the talks would resume.", true},
		{"Related talks are planned for May.", true},
	}
	for _, tt := range tests {
		got := Paragraphs("Headline\n" + tt.line)
		if kept := len(got) == 2; kept != tt.keep {
			t.Errorf("%q: kept %v, want %v", tt.line, kept, tt.keep)
		}
	}
}

func TestRelationPatterns(t *testing.T) {
	tests := []struct {
		text string
		want string // "subject type object", or "" for no claim
	}{
		{"Japan asked the United States for help after the storm.", "state:JPN requested-help-from state:USA"},
		{"Kuwait sought protection for its tankers from the United States.", "state:KWT requested-help-from state:USA"},
		{"France called on Germany to send troops.", "state:FRA requested-help-from state:DEU"},
		{"Britain urged Iran to stop seizing ships.", ""},
		{"Iran accused Saudi Arabia of attacking its embassy.", "state:IRN accused-of state:SAU"},
		{"Saudi Arabia was accused by Iran of attacking its embassy.", "state:IRN accused-of state:SAU"},
		{"Saudi Arabia has been accused of attacking the embassy.", ""},
		{"Iran did not accuse Saudi Arabia of anything.", ""},
		{"Russia blamed the attack on Ukraine.", "state:RUS accused-of state:UKR"},
		{"Japan, a close ally of the United States, protested.", "state:JPN ally-of state:USA"},
		{"The United States and its ally Japan protested.", "state:JPN ally-of state:USA"},
		{"Pakistan and China are close allies.", "state:CHN ally-of state:PAK"},
		{"Germany backed France in the talks.", ""},
		// coordinated subjects and nominal objects
		{"Germany and France have alleged Russian involvement in the hacking.", "state:DEU accused-of state:RUS; state:FRA accused-of state:RUS"},
		// participles: the agent is the clause's subject or the noun before
		{"Britain was more forceful in blaming Russia for the poisoning.", "state:GBR accused-of state:RUS"},
		{"The Canadian prime minister posted a message blaming China for the detentions.", "state:CAN accused-of state:CHN"},
		{"Mexico joined the calls by Canadian officials asking the United States to lift the tariffs.", "state:CAN requested-help-from state:USA"},
		{"The Philippine ambassador wrote to the Chinese Embassy in Manila asking to release the fishermen.", "state:PHL requested-help-from state:CHN"},
		// accusation nouns brought by a verb
		{"The US Justice Department filed charges against China over the hacking.", "state:USA accused-of state:CHN"},
		// naming as a wrongdoer; criticising a named act
		{"Israel labelled Iran and Syria as sponsors of terrorism.", "state:ISR accused-of state:IRN; state:ISR accused-of state:SYR"},
		{"Poland condemned Russia's invasion of Ukraine.", "state:POL accused-of state:RUS"},
		{"Chile attacked the decision by Peru to close the border.", "state:CHL accused-of state:PER"},
		// reported speech
		{"British officials said Russia was behind the poisoning.", "state:GBR accused-of state:RUS"},
		{"British officials said Russia was a partner.", ""},
		{"Ukraine alleged Russia is shelling the city.", "state:UKR accused-of state:RUS"},
		{"Iran denied allegations that it was behind the attack.", ""},
		// requests by nouns and the allies of a subject
		{"French troops returned at the request of Mali.", "state:MLI requested-help-from state:FRA"},
		{"American troops came back at the Iraqi government's request.", "state:IRQ requested-help-from state:USA"},
		{"The United States has been urging allies such as Japan to limit imports.", "state:JPN ally-of state:USA"},
		{"Japan asked China to be patient.", ""},
		// an unnamed government is the state the story is about
		{"Afghanistan held talks on Monday. Afghanistan's army fought in Ghazni. An Afghan official, Ahmad Khan, alleged the central government was \"hiding casualty figures\".",
			"actor:ahmad-khan accused-of state:AFG"},
		// a condemned act's author, named before
		{"Turkey began a military offensive in Syria. The operation was condemned by members of the European Union.",
			"org:european-union accused-of state:TUR"},
		{"Britain and France launched strikes on Libya. The bombing was condemned by Russia and China.",
			"state:CHN accused-of state:FRA; state:RUS accused-of state:FRA"},
		{"Kuwait, a staunch U.S. ally, allowed troops to use its territory.", "state:KWT ally-of state:USA"},
		{"In a statement, Canada cited Iran's \"brutal repression\" of protesters as the reason for the sanctions.", "state:CAN accused-of state:IRN"},
		{"Canada cited Iran's growing economy as a reason to trade.", ""},
		{"Germany criticized Russia's decision to expel the diplomats.", "state:DEU accused-of state:RUS"},
		// denials
		{"Russia denied accusing Ukraine of shelling the plant.", ""},
		{"Iran denied the American allegations that it was behind the attack.", "state:USA accused-of state:IRN"},
		{"Saudi Arabia rejected claims that it had funded the group.", ""},
	}
	x := NewExtractor(nil)
	for _, tt := range tests {
		r := x.Extract("", tt.text)
		var got []string
		for _, c := range r.Claims {
			got = append(got, c.Subject+" "+string(c.Type)+" "+c.Object)
		}
		sort.Strings(got)
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Hedged statements are marked as such, with a lower confidence.
func TestHedgedModality(t *testing.T) {
	x := NewExtractor(nil)
	for _, tt := range []struct {
		text     string
		modality string
	}{
		{"Iran accused Iraq of smuggling oil.", graphmodel.Asserted},
		{"Iran reportedly accused Iraq of smuggling oil.", graphmodel.Hedged},
		{"Iran may have asked Iraq for help.", graphmodel.Hedged},
		{"Officials said Iraq was allegedly behind the smuggling, Iran said.", ""},
	} {
		r := x.Extract("", tt.text)
		switch {
		case tt.modality == "" && len(r.Claims) > 0:
			t.Errorf("%q: got %d claims, want none", tt.text, len(r.Claims))
		case tt.modality != "" && len(r.Claims) != 1:
			t.Errorf("%q: got %d claims, want 1", tt.text, len(r.Claims))
		case tt.modality != "" && r.Claims[0].Modality != tt.modality:
			t.Errorf("%q: modality %q, want %q", tt.text, r.Claims[0].Modality, tt.modality)
		case tt.modality == graphmodel.Hedged && r.Claims[0].Confidence >= 0.9*0.8:
			t.Errorf("%q: hedged claim with confidence %v", tt.text, r.Claims[0].Confidence)
		}
	}
}

// The caps of graphmodel hold whatever the article.
func TestExtractCaps(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "Spokesman Alpha%d Beta%d said the Ministry of Item%d had asked the United States for help. ", i, i, i)
	}
	b.WriteString("Kim Jong Un said so. " + strings.Repeat("Kim said so. Kim Jong-un said so. KIM JONG UN said so. ", 50))
	r := NewExtractor(nil).Extract("", b.String())
	if len(r.Entities) > graphmodel.MaxEntities || len(r.Claims) > graphmodel.MaxClaims {
		t.Errorf("%d entities, %d claims: over the caps", len(r.Entities), len(r.Claims))
	}
	for _, e := range r.Entities {
		if len(e.Aliases) > graphmodel.MaxAliases || len(e.Name) > graphmodel.MaxNameBytes {
			t.Errorf("%s: %d aliases, name of %d bytes", e.Key, len(e.Aliases), len(e.Name))
		}
	}
	for _, c := range r.Claims {
		if len(c.Evidence) > graphmodel.MaxEvidenceBytes || len(c.Charge) > graphmodel.MaxChargeBytes {
			t.Errorf("claim evidence %d bytes, charge %d bytes", len(c.Evidence), len(c.Charge))
		}
	}
}

// Golden files: the extraction of every shipped dev article, reviewed like
// code. Run `go test ./ingest -run Golden -update` after an intended change
// and read the diff.
func TestGolden(t *testing.T) {
	f, err := os.ReadFile("testdata/articles-dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(nil)
	for _, line := range bytes.Split(bytes.TrimSpace(f), []byte("\n")) {
		m, err := DecodeArticle(nil, line, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(m.ID, func(t *testing.T) {
			a := rulesArticle(x, m)
			got, err := json.MarshalIndent(struct {
				Entities []graphmodel.Entity
				Claims   []graphmodel.Claim
			}{a.Entities, a.Claims}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", m.ID+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("extraction of %s differs from %s; run with -update and review the diff", m.ID, path)
			}
		})
	}
}

// rulesArticle extracts m with an extractor that has no parser, which
// cannot fail.
func rulesArticle(x *Extractor, m ArticleMessage) graphmodel.Article {
	a, _, err := x.ArticleContext(context.Background(), m)
	if err != nil {
		panic(err) // no parser, no I/O: a bug
	}
	return a
}
