package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/kg/graphmodel"
)

// FramesVersion names the behaviour of relation binding over a parse: the
// frames and the binder. It is recorded on every article and claim an
// extractor with a parser produces.
const FramesVersion = "frames-2026.12.3"

// WithParser returns a copy of x that binds relations over the parses p
// returns, instead of the rules-only surface patterns.
func (x *Extractor) WithParser(p Parser) *Extractor {
	y := *x
	y.parser = p
	return &y
}

// Parses reports whether x binds relations over a parser's parse.
func (x *Extractor) Parses() bool { return x.parser != nil }

// Version is the extractor version recorded on what x produces: the code's
// version, and with overrides a digest of their rules ("+overrides-1a2b3c4d"),
// since they change the output as much as the code does.
func (x *Extractor) Version() string {
	v := ExtractorVersion
	if x.Parses() {
		v = FramesVersion
	}
	if d := x.ov.digest(); d != "" {
		v += "+overrides-" + d
	}
	return v
}

// ExtractContext is ExtractDated with relations bound over the parser's
// parse when x has one. Only sentences that can carry a relation are
// parsed: a cue word and two candidate parties. An error wraps
// ErrParserUnavailable; nothing was extracted then.
func (x *Extractor) ExtractContext(ctx context.Context, title, text string, published time.Time) (Result, ParseStats, error) {
	d := x.read(title, text, published)
	if d == nil {
		return Result{Skipped: SkipNonEnglish}, ParseStats{}, nil
	}
	if x.parser == nil {
		return d.result(d.relations()), ParseStats{}, nil
	}
	l := loadFrames()
	var texts []string
	var cands []int
	var starts [][]int
	st := ParseStats{Sentences: len(d.sents)}
	// sentences that name defendants, or take up an act told before: the
	// legal action or the act before them is parsed even with one party,
	// to give them their accuser or agent
	var named, takesUp []int
	for si, s := range d.sents {
		for i, t := range s.toks {
			if t.word && l.discourseCue(t.lower) && !slices.Contains(named, si) {
				named = append(named, si)
			}
			if definiteAct(s.toks, i) && !slices.Contains(takesUp, si) {
				takesUp = append(takesUp, si)
			}
		}
	}
	for si, s := range d.sents {
		t, at := parseText(s.toks)
		st.Bytes += len(t)
		if !d.candidate(l, si) && !l.accuserCandidate(s, si, named) && !actCandidate(s, si, takesUp) {
			continue
		}
		if st.Parsed >= MaxParsedSentences {
			st.Unparsed++
			continue
		}
		texts = append(texts, t)
		starts = append(starts, at)
		cands = append(cands, si)
		st.Parsed++
		st.ParsedBytes += len(t)
	}
	var parses []Parse
	if len(texts) > 0 {
		var err error
		parses, err = x.parser.Parse(ctx, texts)
		if err != nil {
			return Result{}, st, err
		}
		if len(parses) != len(texts) {
			return Result{}, st, fmt.Errorf("%w: %d parses for %d sentences", ErrParserUnavailable, len(parses), len(texts))
		}
	}
	var cs claimSet
	for k, si := range cands {
		ps := newParsed(d, si, &parses[k], starts[k])
		for _, f := range ps.bind(l) {
			cs.add(f, d.sents[si].text)
		}
	}
	return d.result(cs.list()), st, nil
}

// ParseStats counts what one extraction sent to the parser.
type ParseStats struct {
	Sentences, Parsed  int
	Bytes, ParsedBytes int
	// Unparsed counts the candidate sentences past MaxParsedSentences,
	// which bind nothing.
	Unparsed int
}

// MaxParsedSentences bounds the sentences one article sends to the
// parser, and so the parser's time and the memory of its answers per
// article: news articles send about seven (at most a few dozen); a text
// that would send more is not a story, and the rest of it binds no
// relation.
const MaxParsedSentences = 100

// candidate reports whether a sentence may carry a relation: a word that
// may be a cue, and two words that may be parties (names, pronouns,
// descriptions resolved to entities, government nouns).
func (d *doc) candidate(l *frameLexicon, si int) bool {
	s := d.sents[si]
	var held map[string]bool // made when a frame first needs a class
	has := func(class string) bool {
		if held == nil {
			held = make(map[string]bool)
		}
		v, ok := held[class]
		if !ok {
			v = l.inClass(class, "*") || slices.ContainsFunc(s.toks, func(t token) bool {
				return t.word && mayBeForm(t.lower, func(lemma string) bool { return l.inClass(class, lemma) })
			})
			held[class] = v
		}
		return v
	}
	cue := false
	for _, t := range s.toks {
		if t.word && l.mayBeCueIn(t.lower, has) {
			cue = true
			break
		}
	}
	if !cue {
		return false
	}
	parties := len(s.ms)
	if parties >= 2 {
		return true
	}
	// a cue that takes its subject from the sentences before ("named as a
	// defendant") brings one party of its own, as does the description of
	// an act told before ("the offensive")
	for i, t := range s.toks {
		if t.word && l.discourseCue(t.lower) || definiteAct(s.toks, i) {
			parties++
			break
		}
	}
	for i, t := range s.toks {
		if covered(s.ms, i) {
			continue
		}
		// "the kingdom", "the Islamic Republic", "the island nation"
		description := l.inClass("statenoun", t.lower) && afterThe(s.toks, i)
		// "the president": the person named last before it
		leader := l.inClass("leadertitle", t.lower) && i > 0 && s.toks[i-1].lower == "the"
		if groupPronouns[t.lower] || personPronouns[t.lower] || l.inClass("govnoun", t.lower) || description || leader || d.quotedSpeaker(si, i) != nil {
			parties++
		}
		// "the two countries", "both sides": two parties named before
		if i > 0 && (s.toks[i-1].lower == "two" || s.toks[i-1].lower == "both") && l.inClass("pairnoun", singular(t.lower)) {
			parties += 2
		}
	}
	return parties >= 2
}

// afterThe reports whether token i follows "the" with at most three
// modifying words or hyphens between: "the kingdom", "the Gulf state",
// "the communist-run island".
func afterThe(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch {
		case toks[j].lower == "the":
			return true
		case !toks[j].word && toks[j].text != "-":
			return false
		}
	}
	return false
}

// discourseCue reports whether a word form is a cue with a frame whose
// subject is a party of the sentences before.
func (l *frameLexicon) discourseCue(w string) bool {
	for _, f := range l.byCue[singular(w)] {
		if f.discourse {
			return true
		}
	}
	return false
}

// singular is a plural noun's singular form, near enough for word
// classes: "countries" is "country", "sides" "side".
func singular(w string) string {
	if stem, ok := strings.CutSuffix(w, "ies"); ok && len(stem) > 1 {
		return stem + "y"
	}
	if stem, ok := strings.CutSuffix(w, "s"); ok && len(stem) > 1 && !strings.HasSuffix(stem, "s") {
		return stem
	}
	return w
}

func covered(ms []mention, i int) bool {
	for _, m := range ms {
		if m.start <= i && i < m.end {
			return true
		}
	}
	return false
}

// accuserCandidate reports whether sentence si may tell the legal action
// whose defendants a sentence of named, at most maxAccuserDistance after
// it, names: a legal-action cue and a party.
func (l *frameLexicon) accuserCandidate(s *sentence, si int, named []int) bool {
	near := false
	for _, n := range named {
		if n >= si && n-si <= maxAccuserDistance {
			near = true
		}
	}
	if !near || len(s.ms) == 0 && !slices.ContainsFunc(s.toks, func(t token) bool { return l.inClass("govnoun", t.lower) }) {
		return false
	}
	for _, t := range s.toks {
		if t.word && mayBeForm(t.lower, func(lemma string) bool { return l.inClass("legalaction", lemma) }) {
			return true
		}
	}
	return false
}

// definiteAct reports whether token i of toks is an act noun after "the"
// or a demonstrative: a description that may take up an act told before.
func definiteAct(toks []token, i int) bool {
	if !toks[i].word || actKinds[singular(toks[i].lower)] == "" {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch toks[j].lower {
		case "the", "this", "that", "these", "those":
			return true
		}
		if !toks[j].word {
			return false
		}
	}
	return false
}

// actCandidate reports whether sentence si may tell an act a sentence of
// takesUp, at most maxActDistance after it, takes up: a party and a word
// that may tell an act.
func actCandidate(s *sentence, si int, takesUp []int) bool {
	near := false
	for _, n := range takesUp {
		if n > si && n-si <= maxActDistance {
			near = true
		}
	}
	if !near || len(s.ms) == 0 {
		return false
	}
	for _, t := range s.toks {
		if t.word && (actKinds[singular(t.lower)] != "" || mayBeForm(t.lower, func(lemma string) bool { return actVerbs[lemma] != "" })) {
			return true
		}
	}
	return false
}

// mayBeCueIn reports whether a word form may be the cue of a frame whose
// conditions the sentence may meet: every word class a condition needs
// some word of ("concluded" as a finding needs a wrongful act) has a word
// form in the sentence, as has reports.
func (l *frameLexicon) mayBeCueIn(w string, has func(class string) bool) bool {
	return mayBeForm(w, func(lemma string) bool {
		for i := range l.byCue[lemma] {
			if l.byCue[lemma][i].classesHeld(has) {
				return true
			}
		}
		return false
	})
}

// mayBeForm reports whether a word form may be an inflection of a lemma
// is reports true of.
func mayBeForm(w string, is func(string) bool) bool {
	if is(w) || is(irregularCueForms[w]) {
		return true
	}
	for _, suf := range []string{"s", "es", "ed", "d", "ing", "ies", "ied"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 2 {
			continue
		}
		if is(stem) || is(stem+"e") {
			return true
		}
		if (suf == "ies" || suf == "ied") && is(stem+"y") {
			return true
		}
		// a doubled final consonant: "allied" is "ally", "plotted" "plot"
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] && is(stem[:n-1]) {
			return true
		}
	}
	return false
}

// claimSet folds what the sentences of one article assert into one claim
// per (type, subject, object), keeping the strongest evidence and every
// charge.
type claimSet struct {
	byPair map[string]int
	claims []graphmodel.Claim
}

func (cs *claimSet) add(f found, evidence string) {
	if f.subj.ent == nil || f.obj.ent == nil || f.subj.ent == f.obj.ent {
		return
	}
	f.evidence = evidence
	// A party named only through its body ("a State Department
	// spokesman") is among the article's entities all the same.
	for _, e := range []*docEntity{f.subj.ent, f.obj.ent} {
		if e.count == 0 {
			e.count = 1
		}
	}
	c := f.claim()
	p := graphmodel.Pair(c.Type, c.Subject, c.Object)
	if cs.byPair == nil {
		cs.byPair = make(map[string]int)
	}
	i, ok := cs.byPair[p]
	switch {
	case !ok:
		if len(cs.claims) >= graphmodel.MaxClaims {
			return
		}
		cs.byPair[p] = len(cs.claims)
		cs.claims = append(cs.claims, c)
	case c.Confidence > cs.claims[i].Confidence:
		c.Charge = joinCharges(c.Charge, cs.claims[i].Charge)
		cs.claims[i] = c
	default:
		cs.claims[i].Charge = joinCharges(cs.claims[i].Charge, c.Charge)
	}
}

func (cs *claimSet) list() []graphmodel.Claim { return cs.claims }

// dominantState is the state the article is about: the one it mentions
// most, when that one clearly leads (twice the mentions of any other).
func (d *doc) dominantState() *docEntity {
	var top, second *docEntity
	for _, e := range d.ents {
		if e.kind != graphmodel.KindState || e.count == 0 {
			continue
		}
		switch {
		case top == nil || e.count > top.count:
			top, second = e, top
		case second == nil || e.count > second.count:
			second = e
		}
	}
	if top == nil || (second != nil && second.count*2 > top.count) {
		return nil
	}
	return top
}

// topicState returns the state that the sentence before si is about: the
// first party it names as a subject, when that party is a state (not when
// it is a person or a body: "X said that Y was pleased" is not about Y).
func (d *doc) topicState(si int) *docEntity {
	if si == 0 {
		return nil
	}
	s := d.sents[si-1]
	for _, m := range s.ms {
		if m.ent == nil || m.pronoun || !isSubject(s.toks, m) {
			continue
		}
		if m.ent.kind == graphmodel.KindState {
			return m.ent
		}
		return nil
	}
	return nil
}

// lastState returns the state named last before token k of sentence si,
// in that sentence or the two before it: what "the kingdom" or "the
// island nation" refers back to.
func (d *doc) lastState(si, k int) *docEntity {
	if st := d.lastStates(si, k, 1); len(st) == 1 {
		return st[0]
	}
	return nil
}

// lastStates returns up to n distinct states named last before token k of
// sentence si, in that sentence or the two before it, the latest first.
// Within a sentence a state in the position of an acting subject comes
// before one that only modifies a noun ("Qatar hosts the largest American
// base. The emirate ..." refers to Qatar).
func (d *doc) lastStates(si, k, n int) []*docEntity {
	var out []*docEntity
	for back := 0; back <= 2 && si-back >= 0; back++ {
		s := d.sents[si-back]
		for _, subjects := range []bool{true, false} {
			for j := len(s.ms) - 1; j >= 0; j-- {
				m := s.ms[j]
				if back == 0 && m.end > k || isSubject(s.toks, m) != subjects {
					continue
				}
				e := m.ent
				if e.state != nil {
					e = e.state
				}
				if e.kind == graphmodel.KindState && !slices.Contains(out, e) {
					out = append(out, e)
					if len(out) == n {
						return out
					}
				}
			}
		}
	}
	return out
}

// irregularCueForms maps the irregular inflections of cue verbs to their
// lemmas ("sought" -> "seek").
var irregularCueForms = func() map[string]string {
	m := make(map[string]string)
	for e := range wordList("irregular-cue-forms") {
		form, lemma, _ := strings.Cut(e, ">")
		m[form] = lemma
	}
	return m
}()
