package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// testDictionary builds a small dictionary in PETRARCH2's format: a small
// and a large synonym set, then verb blocks that exercise a block's default
// code, a verb's own code, a pattern's code overriding both, a multiword
// verb, irregular forms, noun-bound patterns, a phrasal verb and patterns
// that cannot be attributed.
func testDictionary() string {
	var big strings.Builder
	for i := 1; i <= maxSynset+1; i++ {
		fmt.Fprintf(&big, "+COIN%02d\n", i)
	}
	return `# A test dictionary
####### SYNONYM SETS #######

&ASYLUM
+ASYLUM
+SAFE_HOUSE
+SHELTER

&CURRENCY
` + big.String() + `
####### VERB PATTERNS #######

---  BLAME   [112]  ---
ACCUSE
BLAME  # comment after a verb
CONDEMN [111]
CONVICT [173]
SCOLD [111]
- * (OF TORTURE)                  [1122]   # ACCUSE
- * (FOR ATTACK)                  [1124]   # CONDEMN
- * DEATH (OF ^)                  [112]    # BLAME
- * (IN COURT)                    [173]    # CONVICT

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [021]
ASK     [020]
WONDER
- * (FOR {FINANCIAL AID})         [0231]   # ASK
- * HELP                          [023]    # ASK
- * (FOR HELP)                    [023]    # ASK
- * &CURRENCY                     [0231]   # ASK
- * MEETING                       [036]    # ASK

---  SEARCH   [---]  ---
SEEK {SEEKS SEEKING SOUGHT } [030]
HUNT
- * &ASYLUM                       [0233]   # SEEK
- * COMPENSATIONS                 [0231]   # SEEK
- * &CURRENCY                     [0231]   # SEEK
- * TALKS                         [026]    # SEEK

---  REGARD   [---]  ---
REGARD
- * (AS {WAR CRIMES}) [1121]

---  REACH   [---]  ---
REACH
- * OUT (TO ALLIES)               [022]    # REACH

---  DEMAND   [100]  ---
DEMAND
PRESS
- * SUPPORT                       [022]    # URGE
- * AID                           [103]    # DEMAND

---  ALLEGE   [110]  ---
CLAIM
- * INSURGENTS                    [112]    # CLAIM

~ a (b . ATTACK) SAY = a b 112
`
}

func TestBuildCues(t *testing.T) {
	d, err := parseDictionary(strings.NewReader(testDictionary()))
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	verbs, nouns := buildCues(d, &notes)
	vb, err := formatVerbs(verbs)
	if err != nil {
		t.Fatal(err)
	}
	nb, err := formatNouns(nouns)
	if err != nil {
		t.Fatal(err)
	}

	// accuse: the block's default code, no code of its own.
	// ask: its own code (020) maps to nothing, but its patterns of the
	// same CAMEO category do; 023 and 0231 tie, the smaller wins.
	// ask for: a multiword verb with its own code and no pattern.
	// blame: the "of" after DEATH is the noun's, not the verb's.
	// condemn: its own code (111) maps to nothing; the pattern's 1124 does.
	// scold and convict: condemn's pattern is not theirs; 173 maps to nothing.
	wantVerbs := header + "lemma\trelation\tcameo\tpreps\tpatterns\n" +
		"accuse\taccused-of\t112\tof\t1\n" +
		"ask\trequested-help-from\t023\tfor\t4\n" +
		"ask for\trequested-help-from\t021\t\t0\n" +
		"blame\taccused-of\t112\t\t1\n" +
		"condemn\taccused-of\t1124\tfor\t1\n"
	if got := string(vb); got != wantVerbs {
		t.Errorf("verbs:\ngot\n%s\nwant\n%s", got, wantVerbs)
	}

	// seek (own code 030) takes on the relation only with the nouns: the
	// small synonym set is written out, the large one dropped, the plural
	// made singular. regard: an uncommented pattern of a one-verb block.
	// reach out: a particle is part of the verb, not its object. demand is
	// listed in nounBound; claim is excluded; URGE is no verb of its block.
	wantNouns := header + "lemma\tnoun\trelation\tcameo\n" +
		"demand\taid\trequested-help-from\t103\n" +
		"reach out\tally\trequested-help-from\t022\n" +
		"regard\twar crime\taccused-of\t1121\n" +
		"seek\tasylum\trequested-help-from\t0233\n" +
		"seek\tcompensation\trequested-help-from\t0231\n" +
		"seek\tsafe house\trequested-help-from\t0233\n" +
		"seek\tshelter\trequested-help-from\t0233\n"
	if got := string(nb); got != wantNouns {
		t.Errorf("nouns:\ngot\n%s\nwant\n%s", got, wantNouns)
	}

	joined := strings.Join(notes, "\n")
	for _, want := range []string{
		`written for "URGE", which is no verb of the block`,
		"seek [0231]: synonym set &CURRENCY has 21 members",
		"claim (accused-of) excluded",
		"demand (requested-help-from) only with its nouns",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("notes lack %q; got:\n%s", want, joined)
		}
	}
}

func TestParseVerb(t *testing.T) {
	for _, tc := range []struct {
		line, blockCode string
		want            verb
	}{
		{"SEEK {SEEKS SEEKING SOUGHT } [030]", "", verb{key: "SEEK", lemma: "seek", code: "030"}},
		{"ACCUSE [112] ", "111", verb{key: "ACCUSE", lemma: "accuse", code: "112"}},
		{"CHARGE", "112", verb{key: "CHARGE", lemma: "charge", code: "112"}},
		{"+DRESS_DOWN {+DRESSES_DOWN +DRESSED_DOWN +DRESSING_DOWN} ", "111", verb{key: "DRESS_DOWN", lemma: "dress down", code: "111"}},
		{"RE_+ARREST", "173", verb{key: "RE_ARREST", lemma: "re arrest", code: "173"}},
		{"PLACE  # PAS  9/27/91", "---", verb{key: "PLACE", lemma: "place", code: ""}},
	} {
		got, ok := parseVerb(tc.line, normCode(tc.blockCode))
		if !ok || got != tc.want {
			t.Errorf("parseVerb(%q) = %+v, %v; want %+v", tc.line, got, ok, tc.want)
		}
	}
}

func TestNormCodeAndSingular(t *testing.T) {
	for in, want := range map[string]string{"0231": "0231", "042:043": "042", ":173": "173", "---": "", "112:112": "112", "": ""} {
		if got := normCode(in); got != want {
			t.Errorf("normCode(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"atrocities": "atrocity", "ties": "tie", "abuses": "abuse", "assurances": "assurance",
		"crimes": "crime", "arms": "arms", "news": "news", "process": "process", "aid": "aid",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// The committed lexicon files are what the generator writes from the
// committed dictionary.
func TestLexiconUpToDate(t *testing.T) {
	f, err := os.Open(filepath.Join("petrarch2", "CAMEO.2.0.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := parseDictionary(f)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	verbs, nouns := buildCues(d, &notes)
	vb, err := formatVerbs(verbs)
	if err != nil {
		t.Fatal(err)
	}
	nb, err := formatNouns(nouns)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]byte{"cameo-verbs.tsv": vb, "cameo-verb-nouns.tsv": nb} {
		got, err := os.ReadFile(filepath.Join("..", "..", "lexicon", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("lexicon/%s is stale: run go generate in ingest", name)
		}
	}
}

// designCodes is DESIGN.md's table, written out independently of the
// generator's.
func designCodes() map[string]string {
	m := map[string]string{}
	for _, c := range []string{"021", "0211", "0212", "0213", "0214", "022", "023", "0231", "0232", "0233", "0234", "103", "1031", "1032", "1033", "1034"} {
		m[c] = "requested-help-from"
	}
	for _, c := range []string{"112", "1121", "1122", "1123", "1124", "1125", "115", "116"} {
		m[c] = "accused-of"
	}
	return m
}

// readTSV reads a generated file, checks its two header lines and returns
// its rows.
func readTSV(t *testing.T, name, columns string, fields int) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "lexicon", name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("%s: %d lines, want a header and rows", name, len(lines))
	}
	if lines[0]+"\n" != header {
		t.Errorf("%s: first line %q, want %q", name, lines[0], header)
	}
	if lines[1] != columns {
		t.Errorf("%s: columns %q, want %q", name, lines[1], columns)
	}
	var rows [][]string
	for i, l := range lines[2:] {
		f := strings.Split(l, "\t")
		if len(f) != fields {
			t.Errorf("%s:%d: %d fields, want %d: %q", name, i+3, len(f), fields, l)
			continue
		}
		rows = append(rows, f)
	}
	return rows
}

func TestLexiconFiles(t *testing.T) {
	codes := designCodes()
	verbs := readTSV(t, "cameo-verbs.tsv", "lemma\trelation\tcameo\tpreps\tpatterns", 5)
	seen := map[[2]string]bool{}
	for _, r := range verbs {
		lemma, rel, code, preps, n := r[0], r[1], r[2], r[3], r[4]
		if lemma == "" || lemma != strings.ToLower(lemma) || strings.TrimSpace(lemma) != lemma {
			t.Errorf("verb %q: lemma must be lower case without outer spaces", lemma)
		}
		if rel != "requested-help-from" && rel != "accused-of" {
			t.Errorf("verb %q: relation %q", lemma, rel)
		}
		if codes[code] != rel {
			t.Errorf("verb %q: code %q is not in DESIGN.md's table for %s", lemma, code, rel)
		}
		if k := [2]string{lemma, rel}; seen[k] {
			t.Errorf("verb %q %s: two rows", lemma, rel)
		} else {
			seen[k] = true
		}
		if preps != "" {
			ps := strings.Split(preps, ",")
			if !slices.IsSorted(ps) || len(slices.Compact(slices.Clone(ps))) != len(ps) {
				t.Errorf("verb %q: preps %q not sorted and distinct", lemma, preps)
			}
			for _, p := range ps {
				if !prepositions[strings.ToUpper(p)] || p != strings.ToLower(p) {
					t.Errorf("verb %q: %q is no lower-case preposition", lemma, p)
				}
			}
		}
		if k, err := strconv.Atoi(n); err != nil || k < 0 {
			t.Errorf("verb %q: patterns %q", lemma, n)
		}
	}

	nouns := readTSV(t, "cameo-verb-nouns.tsv", "lemma\tnoun\trelation\tcameo", 4)
	seenNoun := map[[3]string]bool{}
	for _, r := range nouns {
		lemma, noun, rel, code := r[0], r[1], r[2], r[3]
		if lemma == "" || noun == "" || noun != strings.ToLower(noun) || lemma != strings.ToLower(lemma) {
			t.Errorf("noun row %q: lemma and noun must be lower case and set", r)
		}
		if codes[code] != rel {
			t.Errorf("noun row %q: code %q is not in DESIGN.md's table for %s", r, code, rel)
		}
		if seen[[2]string{lemma, rel}] {
			t.Errorf("noun row %q: the verb is already a cue on its own", r)
		}
		if k := [3]string{lemma, noun, rel}; seenNoun[k] {
			t.Errorf("noun row %q: two rows", r)
		} else {
			seenNoun[k] = true
		}
	}

	// Well-known cues that the dictionary makes cues on their own.
	for _, c := range [][2]string{
		{"accuse", "accused-of"}, {"blame", "accused-of"}, {"charge", "accused-of"},
		{"allege", "accused-of"}, {"denounce", "accused-of"}, {"condemn", "accused-of"},
		{"ask", "requested-help-from"}, {"appeal", "requested-help-from"},
		{"request", "requested-help-from"}, {"plead", "requested-help-from"},
	} {
		if !seen[c] {
			t.Errorf("well-known cue %s (%s) is missing", c[0], c[1])
		}
	}
	// Well-known cues the dictionary lacks; if one appears, the list of
	// missing cues given with the lexicon is out of date.
	for lemma, why := range map[string]string{
		"sue":    "coded 173 (legal action), not 115",
		"indict": "coded 173 (legal action)",
		"urge":   "no verb entry; patterns written for it sit in the DEMAND block",
		"seek":   "coded 030; a cue only with its nouns",
	} {
		for _, rel := range []string{"accused-of", "requested-help-from"} {
			if seen[[2]string{lemma, rel}] {
				t.Errorf("%s (%s) is now a cue on its own (it was missing: %s)", lemma, rel, why)
			}
		}
	}
	for _, k := range [][3]string{
		{"give", "ground", "accused-of"},
		{"sound", "alarm", "accused-of"},
	} {
		if seenNoun[k] {
			t.Errorf("noun-bound cue %q is listed; it reads otherwise", k)
		}
	}
	for _, k := range [][3]string{
		{"seek", "help", "requested-help-from"},
		{"seek", "compensation", "requested-help-from"},
		{"pin", "blame", "accused-of"},
		{"repeat", "allegation", "accused-of"},
	} {
		if !seenNoun[k] {
			t.Errorf("noun-bound cue %q is missing", k)
		}
	}
}
