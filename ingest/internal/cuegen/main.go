// Command cuegen writes the CAMEO-derived cue verbs of the relations
// requested-help-from and accused-of, lexicon/cameo-verbs.tsv and
// lexicon/cameo-verb-nouns.tsv, from PETRARCH2's verb dictionary kept in
// ./petrarch2 (MIT, Open Event Data Alliance; see petrarch2/SOURCE.md for the
// format).
//
// It runs from the ingest directory through `go generate` (see
// ../../generate.go).
//
// The dictionary groups synonymous verbs in blocks. Every verb has a code of
// its own (written after it, or the block's), and every pattern of a block
// names in its comment the verb it was written for. The generator reads a
// pattern as evidence about that verb only: PETRARCH applies a block's
// patterns to all its verbs, which would make "flog" and "lecture" accusers
// because "censure" is one. A pattern whose comment names no verb of its
// block belongs to the block's verb when the block has only one, and is
// dropped otherwise.
//
// A verb is a cue of a relation on its own (a row of cameo-verbs.tsv) when
// its own code maps to the relation, or when a pattern of the relation names
// no noun at all, or when a pattern of the relation shares the first two
// digits of the verb's own code (its CAMEO category: 02 appeal, 10 demand, 11
// disapprove): the pattern's noun then only narrows what is asked for or
// alleged. Its row gives the verb's own code when that maps, else the most
// frequent code of its patterns; the prepositions its patterns put after it;
// and how many patterns of the relation were written for it. A verb whose
// own category differs ("raise", "seek", "repeat") takes on the relation
// only with the pattern's object noun, so it yields (verb, noun) rows in
// cameo-verb-nouns.tsv instead. The lists nounBound and excluded below
// overrule the dictionary for verbs that news text mostly uses otherwise.
//
// The generator refuses to write files that break the invariants the loader
// relies on: one row per (lemma, relation) and per (lemma, noun, relation),
// codes from the relation table of DESIGN.md, no tab or newline in a field.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Relation names, as in graphmodel and DESIGN.md.
const (
	relRequestedHelp = "requested-help-from"
	relAccused       = "accused-of"
)

// relationCodes is DESIGN.md's table of the CAMEO codes that assert a
// relation. Every other code is an event only and never seeds a cue.
var relationCodes = map[string]string{
	"021": relRequestedHelp, "0211": relRequestedHelp, "0212": relRequestedHelp, "0213": relRequestedHelp, "0214": relRequestedHelp,
	"022": relRequestedHelp,
	"023": relRequestedHelp, "0231": relRequestedHelp, "0232": relRequestedHelp, "0233": relRequestedHelp, "0234": relRequestedHelp,
	"103": relRequestedHelp, "1031": relRequestedHelp, "1032": relRequestedHelp, "1033": relRequestedHelp, "1034": relRequestedHelp,
	"112": relAccused, "1121": relAccused, "1122": relAccused, "1123": relAccused, "1124": relAccused, "1125": relAccused,
	"115": relAccused,
	"116": relAccused,
}

// nounBound lists cues that the dictionary makes cues on their own but that
// news text uses far more often in another sense: only their noun-bound
// patterns count (cameo-verb-nouns.tsv), where the object noun carries the
// meaning.
var nounBound = map[[2]string]string{
	{"apply", relRequestedHelp}:     "mostly \"apply pressure\" or \"rules apply\"; the request is \"apply for asylum\"",
	{"demand", relRequestedHelp}:    "a demand is coercive (CAMEO 10); only a demand for aid (103x) is a request for help",
	{"propose", relRequestedHelp}:   "a proposal is no request for help; its patterns name peacekeeping and joint exercises",
	{"recommend", relRequestedHelp}: "a recommendation is no request for help; its patterns name deployments and relief flights",
}

// excluded lists (lemma, relation) pairs that are no cue at all, not even
// with the nouns of their patterns.
var excluded = map[[2]string]string{
	{"claim", relAccused}:        "mostly reported speech or \"claimed responsibility\"; its one accusing pattern is \"claim insurgents\"",
	{"insist", relRequestedHelp}: "\"insisted that\" states a position; its one pattern (insist on the return of refugees) leaves only the noun \"return\"",
}

// excludedNouns lists (lemma, noun) pairs of cameo-verb-nouns.tsv whose
// pattern the dictionary got wrong or that read otherwise once the noun is
// singular.
var excludedNouns = map[[2]string]string{
	{"defend", "tax"}:   "defending a tax is no appeal for economic cooperation (0211)",
	{"give", "ground"}:  "\"give ground\" is to retreat; the dictionary meant grounds as evidence",
	{"need", "ground"}:  "singular \"ground\" reads as territory; the dictionary meant grounds as evidence",
	{"snatch", "right"}: "taking away a right is no accusation (112)",
	{"sound", "alarm"}:  "sounding the alarm is a warning, not an accusation (112)",
}

// maxSynset is the largest synonym set whose members are written out as
// nouns; larger sets (currencies, weapons, aircraft) are open classes that a
// list of cue nouns cannot stand for.
const maxSynset = 20

// header is the first line of both generated files.
const header = "# Generated by ingest/internal/cuegen from PETRARCH2's CAMEO.2.0.txt (MIT). Do not edit.\n"

func main() {
	dictPath := flag.String("dict", filepath.Join("internal", "cuegen", "petrarch2", "CAMEO.2.0.txt"), "PETRARCH2 verb dictionary to read")
	verbsPath := flag.String("verbs", filepath.Join("lexicon", "cameo-verbs.tsv"), "file to write the cue verbs into")
	nounsPath := flag.String("nouns", filepath.Join("lexicon", "cameo-verb-nouns.tsv"), "file to write the noun-bound cue verbs into")
	verbose := flag.Bool("v", false, "print notes on patterns that were dropped (no verb to attribute them to, no usable object noun) and on excluded lemmas")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("cuegen: ")

	f, err := os.Open(*dictPath)
	if err != nil {
		log.Fatal(err)
	}
	dict, err := parseDictionary(f)
	f.Close()
	if err != nil {
		log.Fatalf("%s: %v", *dictPath, err)
	}
	var notes []string
	verbs, nouns := buildCues(dict, &notes)
	if *verbose {
		for _, n := range notes {
			fmt.Fprintln(os.Stderr, "note:", n)
		}
	}
	vb, err := formatVerbs(verbs)
	if err != nil {
		log.Fatal(err)
	}
	nb, err := formatNouns(nouns)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*verbsPath, vb, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*nounsPath, nb, 0o644); err != nil {
		log.Fatal(err)
	}
}

// dictionary is the part of the verb dictionary the cues come from.
type dictionary struct {
	synsets map[string][]string // "&NAME" -> members as written, words joined by "_" ("SAFE_HOUSE", "CASH_")
	blocks  []block
}

type block struct {
	name     string
	code     string // the default code of the block's verbs; "" for none
	verbs    []verb
	patterns []pattern
}

type verb struct {
	key   string // the base form as written, without '+': "ASK_FOR"; pattern comments name verbs this way
	lemma string // lower case, words joined by a space: "ask for"
	code  string // the verb's own code, else the block's; "" for none
	line  int
}

type pattern struct {
	code     string    // "" for the null code
	by       string    // first word of the comment: the verb the pattern was written for
	particle string    // lower-case particle of a phrasal verb right after the verb: "out" in REACH * OUT
	pre      []element // before the verb: subject nouns
	post     []element // after the verb: objects and prepositional phrases
	line     int
}

// element is a preposition or a noun phrase of a pattern.
type element struct {
	prep string   // lower-case preposition; "" for a noun phrase
	noun []string // upper-case words as written; may hold "&NAME" references
}

var codeRE = regexp.MustCompile(`\[([^\]]*)\]`)

// parseDictionary reads the synonym sets and the verb blocks.
func parseDictionary(r io.Reader) (*dictionary, error) {
	d := &dictionary{synsets: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	inVerbs := false
	synset := ""
	var cur *block
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "#######"):
			continue
		case strings.HasPrefix(line, "<!"):
			return nil, fmt.Errorf("line %d: xml comments are not supported", n)
		case strings.HasPrefix(line, "####### VERB PATTERNS"):
			inVerbs = true
			continue
		case strings.HasPrefix(line, "#######"):
			continue
		}
		if !inVerbs {
			if strings.HasPrefix(line, "&") {
				synset = strings.Fields(line)[0]
				continue
			}
			if strings.HasPrefix(line, "+") {
				if synset == "" {
					return nil, fmt.Errorf("line %d: synonym outside a synonym set", n)
				}
				member := strings.Fields(stripComment(line)[1:])
				if len(member) > 0 {
					d.synsets[synset] = append(d.synsets[synset], strings.Join(member, "_"))
				}
				continue
			}
			return nil, fmt.Errorf("line %d: unexpected line before the verb patterns: %q", n, line)
		}
		switch {
		case strings.HasPrefix(line, "~"):
			// Verb transformations (SAY + ATTACK = 112) combine two
			// events; they name no cue verb of their own.
			continue
		case strings.HasPrefix(line, "---"):
			f := strings.Fields(line)
			if len(f) < 2 {
				return nil, fmt.Errorf("line %d: verb block without a name", n)
			}
			b := block{name: f[1]}
			if m := codeRE.FindStringSubmatch(line); m != nil {
				b.code = normCode(m[1])
			}
			d.blocks = append(d.blocks, b)
			cur = &d.blocks[len(d.blocks)-1]
		case cur == nil:
			return nil, fmt.Errorf("line %d: %q outside a verb block", n, line)
		case strings.HasPrefix(line, "-"):
			p, ok := parsePattern(line[1:])
			if !ok {
				continue // no verb position: nothing to attribute
			}
			p.line = n
			cur.patterns = append(cur.patterns, p)
		default:
			v, ok := parseVerb(line, cur.code)
			if !ok {
				continue
			}
			v.line = n
			cur.verbs = append(cur.verbs, v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(d.blocks) == 0 {
		return nil, errors.New("no verb blocks")
	}
	return d, nil
}

// stripComment drops a trailing "# ..." comment.
func stripComment(s string) string {
	if i := strings.Index(s, "#"); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return strings.TrimSpace(s)
}

// normCode turns a dictionary code into the code of the event it stands for:
// "0231" stays, "042:043" (source and target codes) is "042", ":173" is
// "173", "---" (the null code) is "".
func normCode(s string) string {
	for _, part := range strings.Split(strings.TrimSpace(s), ":") {
		part = strings.TrimSpace(part)
		if part != "" {
			if strings.Trim(part, "-") == "" {
				return ""
			}
			return part
		}
	}
	return ""
}

// parseVerb reads a verb line: the base form, optionally its inflected
// forms in {...} (ignored: the base form is the lemma) and its own code.
func parseVerb(line, blockCode string) (verb, bool) {
	s := stripComment(line)
	code := blockCode
	if m := codeRE.FindStringSubmatchIndex(s); m != nil {
		code = normCode(s[m[2]:m[3]])
		s = s[:m[0]] + s[m[1]:]
	}
	if i := strings.Index(s, "{"); i >= 0 {
		s = s[:i]
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return verb{}, false
	}
	key := strings.ReplaceAll(f[0], "+", "")
	lemma := strings.ToLower(strings.Join(strings.FieldsFunc(key, func(r rune) bool { return r == '_' }), " "))
	if lemma == "" {
		return verb{}, false
	}
	return verb{key: key, lemma: lemma, code: code}, true
}

// parsePattern reads the text after a pattern's leading '-'. It reports
// false for a pattern without a verb position.
func parsePattern(s string) (pattern, bool) {
	body, comment, _ := strings.Cut(s, "#")
	var p pattern
	if f := strings.Fields(comment); len(f) > 0 {
		p.by = strings.ToUpper(strings.Trim(f[0], ",;.<>"))
	}
	// The code is the last bracket of the body; anything after it is noise.
	ms := codeRE.FindAllStringSubmatchIndex(body, -1)
	if ms == nil {
		return p, false
	}
	last := ms[len(ms)-1]
	p.code = normCode(body[last[2]:last[3]])
	body = body[:last[0]]
	pre, post, ok := strings.Cut(body, "*")
	if !ok {
		return p, false
	}
	p.pre = parseSegment(pre)
	p.post = parseSegment(post)
	// A particle right after the verb makes a phrasal verb of it ("reach
	// out"); it is no object noun.
	if len(p.post) > 0 && p.post[0].noun != nil && particles[p.post[0].noun[0]] {
		p.particle = strings.ToLower(p.post[0].noun[0])
		if rest := p.post[0].noun[1:]; len(rest) > 0 {
			p.post[0].noun = rest
		} else {
			p.post = p.post[1:]
		}
	}
	return p, true
}

// prepositions that head a prepositional phrase of a pattern.
var prepositions = map[string]bool{
	"ABOUT": true, "ACROSS": true, "AFTER": true, "AGAINST": true, "ALONG": true, "AMONG": true,
	"AS": true, "AT": true, "BEFORE": true, "BEHIND": true, "BETWEEN": true, "BY": true,
	"FOR": true, "FROM": true, "IN": true, "INTO": true, "OF": true, "ON": true, "OVER": true,
	"THROUGH": true, "TO": true, "TOWARD": true, "TOWARDS": true, "UNDER": true, "UNTIL": true,
	"UPON": true, "WITH": true, "WITHIN": true, "WITHOUT": true,
}

// particles that follow a verb to make a phrasal verb.
var particles = map[string]bool{
	"ASIDE": true, "AWAY": true, "BACK": true, "DOWN": true, "FORWARD": true,
	"OFF": true, "OUT": true, "TOGETHER": true, "UP": true,
}

// isMarker reports the pattern tokens that stand for actors or skipped
// words rather than text: $ source, + target, ^ skip, % compound actor.
func isMarker(w string) bool {
	return w == "$" || w == "+" || w == "^" || w == "%"
}

// parseSegment splits one side of a pattern into prepositions and noun
// phrases. A parenthesised phrase is a preposition and its object; {A B} is
// one noun phrase; consecutive bare words are one noun phrase (the TABARI
// style "CALL FOR AID"), with leading and trailing prepositions split off.
func parseSegment(s string) []element {
	var out []element
	var run []string   // bare words
	var brace []string // words of an open {...}
	inBrace, inParen, parenHead := false, false, false
	flush := func() {
		i, j := 0, len(run)
		for i < j && prepositions[run[i]] {
			out = append(out, element{prep: strings.ToLower(run[i])})
			i++
		}
		var tail []element
		for j > i && prepositions[run[j-1]] {
			tail = append([]element{{prep: strings.ToLower(run[j-1])}}, tail...)
			j--
		}
		if j > i {
			out = append(out, element{noun: append([]string(nil), run[i:j]...)})
		}
		out = append(out, tail...)
		run = run[:0]
	}
	for _, tok := range strings.Fields(s) {
		if strings.HasPrefix(tok, "(") {
			flush()
			inParen, parenHead = true, true
		}
		closeParen := strings.HasSuffix(tok, ")")
		w := strings.Trim(tok, "()")
		openBrace := strings.HasPrefix(w, "{")
		closeBrace := strings.HasSuffix(w, "}")
		w = strings.Trim(w, "{}")
		switch {
		case w == "":
		case parenHead && prepositions[w]:
			out = append(out, element{prep: strings.ToLower(w)})
		case isMarker(w):
			flush()
		case inBrace || openBrace:
			if !inBrace {
				flush()
			}
			inBrace = true
			brace = append(brace, w)
			if closeBrace {
				out = append(out, element{noun: brace})
				brace, inBrace = nil, false
			}
		default:
			run = append(run, w)
		}
		parenHead = false
		if closeParen && inParen {
			flush()
			inParen = false
		}
	}
	flush()
	if inBrace && len(brace) > 0 {
		out = append(out, element{noun: brace})
	}
	return out
}

// nounFree reports whether a pattern constrains no noun at all, so that it
// holds for the verb whatever its object.
func (p pattern) nounFree() bool {
	for _, e := range append(append([]element(nil), p.pre...), p.post...) {
		if e.noun != nil {
			return false
		}
	}
	return true
}

// preps returns the prepositions the pattern puts after the verb. An "of"
// right after a noun belongs to the noun (DEATH (OF ^), CANCELLATION (OF
// DEBT)), not to the verb.
func (p pattern) preps() []string {
	var out []string
	for i, e := range p.post {
		if e.prep == "" || e.prep == "of" && i > 0 && p.post[i-1].noun != nil {
			continue
		}
		out = append(out, e.prep)
	}
	return out
}

// objectNouns returns the pattern's key object noun, the first noun phrase
// after the verb (a direct object, else a preposition's object), singular,
// lower case, with small synonym sets written out. It returns nil when the
// pattern has no object noun or refers to a large or unknown synonym set;
// why is the reason for the notes.
func (p pattern) objectNouns(synsets map[string][]string) (nouns []string, why string) {
	for _, e := range p.post {
		if e.noun != nil {
			return expandNoun(e.noun, synsets)
		}
	}
	return nil, "no object noun (a subject or a preposition only)"
}

// expandNoun writes out a noun phrase: each &NAME reference becomes each of
// its members, and the last word is made singular.
func expandNoun(words []string, synsets map[string][]string) ([]string, string) {
	type part struct {
		text  string
		fixed bool // the dictionary marks it as no regular noun ('_' at the end): keep as written
	}
	phrases := [][]part{nil}
	for _, w := range words {
		var alts []part
		if strings.HasPrefix(w, "&") {
			members, ok := synsets[w]
			if !ok {
				return nil, "unknown synonym set " + w
			}
			if len(members) > maxSynset {
				return nil, fmt.Sprintf("synonym set %s has %d members (more than %d)", w, len(members), maxSynset)
			}
			setFixed := strings.HasSuffix(w, "_")
			for _, m := range members {
				fixed := setFixed || strings.HasSuffix(m, "_")
				text := strings.Join(strings.FieldsFunc(m, func(r rune) bool { return r == '_' }), " ")
				alts = append(alts, part{strings.ToLower(text), fixed})
			}
		} else {
			alts = []part{{strings.ToLower(w), false}}
		}
		var next [][]part
		for _, ph := range phrases {
			for _, a := range alts {
				next = append(next, append(append([]part(nil), ph...), a))
			}
		}
		phrases = next
	}
	// Two sets in one phrase ({&FIGHT &CRIME CHARGES}) multiply into
	// combinations nobody writes; keep a phrase to what one small set gives.
	if len(phrases) > maxSynset {
		return nil, fmt.Sprintf("%d combinations of synonym sets (more than %d)", len(phrases), maxSynset)
	}
	seen := map[string]bool{}
	var out []string
	for _, ph := range phrases {
		texts := make([]string, len(ph))
		for i, pt := range ph {
			texts[i] = pt.text
		}
		if last := ph[len(ph)-1]; !last.fixed {
			lw := strings.Fields(texts[len(texts)-1])
			lw[len(lw)-1] = singular(lw[len(lw)-1])
			texts[len(texts)-1] = strings.Join(lw, " ")
		}
		s := strings.Join(texts, " ")
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out, ""
}

// pluralOnly are nouns whose final s is no plural ending.
var pluralOnly = map[string]bool{
	"arms": true, "news": true, "means": true, "series": true, "species": true,
	"headquarters": true, "politics": true, "economics": true, "aids": true,
	"rights": true, "damages": true, "talks": true, "assets": true,
}

// singular returns the singular of a lower-case English noun by the
// regular rules; the dictionary's nouns are regular or listed above.
func singular(w string) string {
	switch {
	case pluralOnly[w] || len(w) < 4:
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// verbRow is a line of cameo-verbs.tsv.
type verbRow struct {
	lemma, relation, cameo string
	preps                  []string
	patterns               int
}

// nounRow is a line of cameo-verb-nouns.tsv.
type nounRow struct {
	lemma, noun, relation, cameo string
}

// cue gathers the evidence for one (lemma, relation).
type cue struct {
	ownCode  string         // the verb's own code when it maps to the relation
	onItsOwn bool           // the verb is a cue whatever its object
	patterns int            // patterns of the relation written for the verb
	codes    map[string]int // their codes
	preps    map[string]bool
	nouns    map[string]map[string]int // object noun -> code -> patterns
}

// buildCues turns the dictionary into the rows of both files, sorted.
func buildCues(d *dictionary, notes *[]string) ([]verbRow, []nounRow) {
	note := func(format string, args ...any) { *notes = append(*notes, fmt.Sprintf(format, args...)) }
	cues := map[[2]string]*cue{}
	get := func(lemma, rel string) *cue {
		k := [2]string{lemma, rel}
		c := cues[k]
		if c == nil {
			c = &cue{codes: map[string]int{}, preps: map[string]bool{}, nouns: map[string]map[string]int{}}
			cues[k] = c
		}
		return c
	}
	for _, b := range d.blocks {
		for _, v := range b.verbs {
			if rel := relationCodes[v.code]; rel != "" {
				c := get(v.lemma, rel)
				c.onItsOwn = true
				if c.ownCode == "" || v.code < c.ownCode {
					c.ownCode = v.code
				}
			}
		}
		for _, p := range b.patterns {
			rel := relationCodes[p.code]
			if rel == "" {
				continue
			}
			v, ok := attribute(b, p)
			if !ok {
				note("line %d: block %s: pattern [%s] written for %q, which is no verb of the block: dropped", p.line, b.name, p.code, p.by)
				continue
			}
			lemma := v.lemma
			if p.particle != "" {
				lemma += " " + p.particle
			}
			c := get(lemma, rel)
			c.patterns++
			c.codes[p.code]++
			for _, pr := range p.preps() {
				c.preps[pr] = true
			}
			if p.nounFree() || v.code != "" && category(v.code) == category(p.code) {
				c.onItsOwn = true
			}
			nouns, why := p.objectNouns(d.synsets)
			if nouns == nil {
				note("line %d: %s [%s]: %s", p.line, lemma, p.code, why)
			}
			for _, n := range nouns {
				if c.nouns[n] == nil {
					c.nouns[n] = map[string]int{}
				}
				c.nouns[n][p.code]++
			}
		}
	}

	var verbs []verbRow
	var nouns []nounRow
	for k, c := range cues {
		lemma, rel := k[0], k[1]
		if reason, ok := excluded[k]; ok {
			note("%s (%s) excluded: %s", lemma, rel, reason)
			continue
		}
		own := c.onItsOwn
		if reason, ok := nounBound[k]; ok && own {
			note("%s (%s) only with its nouns: %s", lemma, rel, reason)
			own = false
		}
		if own {
			code := c.ownCode
			if code == "" {
				code = mostFrequent(c.codes)
			}
			var preps []string
			for p := range c.preps {
				preps = append(preps, p)
			}
			sort.Strings(preps)
			verbs = append(verbs, verbRow{lemma: lemma, relation: rel, cameo: code, preps: preps, patterns: c.patterns})
			continue
		}
		for n, codes := range c.nouns {
			if reason, ok := excludedNouns[[2]string{lemma, n}]; ok {
				note("%s %s (%s) excluded: %s", lemma, n, rel, reason)
				continue
			}
			nouns = append(nouns, nounRow{lemma: lemma, noun: n, relation: rel, cameo: mostFrequent(codes)})
		}
	}
	sort.Slice(verbs, func(i, j int) bool {
		if verbs[i].lemma != verbs[j].lemma {
			return verbs[i].lemma < verbs[j].lemma
		}
		return verbs[i].relation < verbs[j].relation
	})
	sort.Slice(nouns, func(i, j int) bool {
		a, b := nouns[i], nouns[j]
		if a.lemma != b.lemma {
			return a.lemma < b.lemma
		}
		if a.noun != b.noun {
			return a.noun < b.noun
		}
		return a.relation < b.relation
	})
	sort.Strings(*notes)
	return verbs, nouns
}

// attribute finds the verb a pattern was written for: the verb its comment
// names, else the block's only verb.
func attribute(b block, p pattern) (verb, bool) {
	for _, v := range b.verbs {
		if v.key == p.by {
			return v, true
		}
	}
	if len(b.verbs) == 1 {
		return b.verbs[0], true
	}
	return verb{}, false
}

// category is a code's CAMEO root: its first two digits.
func category(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// mostFrequent returns the code with the most patterns, the smallest on a
// tie.
func mostFrequent(codes map[string]int) string {
	best, n := "", 0
	for c, k := range codes {
		if k > n || k == n && c < best {
			best, n = c, k
		}
	}
	return best
}

func formatVerbs(rows []verbRow) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(header)
	buf.WriteString("lemma\trelation\tcameo\tpreps\tpatterns\n")
	seen := map[[2]string]bool{}
	for _, r := range rows {
		k := [2]string{r.lemma, r.relation}
		if seen[k] {
			return nil, fmt.Errorf("two rows for %s %s", r.lemma, r.relation)
		}
		seen[k] = true
		if relationCodes[r.cameo] != r.relation {
			return nil, fmt.Errorf("%s %s: code %q is not one of the relation's", r.lemma, r.relation, r.cameo)
		}
		fields := []string{r.lemma, r.relation, r.cameo, strings.Join(r.preps, ","), strconv.Itoa(r.patterns)}
		if err := checkFields(fields); err != nil {
			return nil, err
		}
		buf.WriteString(strings.Join(fields, "\t") + "\n")
	}
	return buf.Bytes(), nil
}

func formatNouns(rows []nounRow) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(header)
	buf.WriteString("lemma\tnoun\trelation\tcameo\n")
	seen := map[[3]string]bool{}
	for _, r := range rows {
		k := [3]string{r.lemma, r.noun, r.relation}
		if seen[k] {
			return nil, fmt.Errorf("two rows for %s %s %s", r.lemma, r.noun, r.relation)
		}
		seen[k] = true
		if relationCodes[r.cameo] != r.relation {
			return nil, fmt.Errorf("%s %s %s: code %q is not one of the relation's", r.lemma, r.noun, r.relation, r.cameo)
		}
		fields := []string{r.lemma, r.noun, r.relation, r.cameo}
		if err := checkFields(fields); err != nil {
			return nil, err
		}
		buf.WriteString(strings.Join(fields, "\t") + "\n")
	}
	return buf.Bytes(), nil
}

// checkFields refuses fields that would break the tab-separated format.
func checkFields(fields []string) error {
	for _, f := range fields {
		if strings.ContainsAny(f, "\t\n\r") {
			return fmt.Errorf("field %q holds a tab or a line break", f)
		}
	}
	if fields[0] == "" {
		return errors.New("empty lemma")
	}
	return nil
}
