package ingest

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/kg/graphmodel"
)

// Relation binding over a dependency parse. The frames of lexicon/ say,
// for each cue word, where in the parse its subject, object and charge
// sit; one binder walks those paths for every frame. Parties are the
// article's mentions (names, resolved pronouns and descriptions,
// government bodies acting for their state); a path that reaches no
// mention binds nothing, so an unresolved party drops the claim.

// parsed is one sentence with its parse, aligned to the sentence's tokens.
type parsed struct {
	d     *doc
	si    int // the sentence's index in d.sents
	s     *sentence
	p     *Parse
	tokOf []int   // parse token -> sentence token, -1 when none
	down  [][]Dep // edges by head
	up    [][]Dep // edges by dependent
	lemma []string
}

// parseText renders a sentence's tokens as the text sent to the parser
// and returns where each token starts in it: words and punctuation are
// separated by spaces, except a possessive and closing punctuation, which
// keep to the word before them.
func parseText(toks []token) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(toks))
	for i, t := range toks {
		if i > 0 && !(t.text == "'s" || (!t.word && strings.Contains(",.;:!?)]%'\"", t.text) && t.text != "\"")) {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t.text)
	}
	return b.String(), starts
}

func newParsed(d *doc, si int, p *Parse, starts []int) *parsed {
	s := d.sents[si]
	ps := &parsed{d: d, si: si, s: s, p: p, tokOf: make([]int, len(p.Tokens)), lemma: make([]string, len(p.Tokens)),
		down: make([][]Dep, len(p.Tokens)), up: make([][]Dep, len(p.Tokens))}
	for i, t := range p.Tokens {
		// the sentence token whose text holds the parse token's start
		k := sort.Search(len(starts), func(j int) bool { return starts[j] > t.Begin }) - 1
		if k >= 0 && t.Begin < starts[k]+len(s.toks[k].text) {
			ps.tokOf[i] = k
		} else {
			ps.tokOf[i] = -1
		}
		ps.lemma[i] = strings.ToLower(t.Lemma)
		// a name in capitals is no pronoun: "US" is not "us", "IT" not "it"
		if l := ps.lemma[i]; (firstPersonWords[l] || groupPronouns[l] || personPronouns[l]) &&
			strings.HasPrefix(t.POS, "NNP") && t.Lemma == strings.ToUpper(t.Lemma) {
			ps.lemma[i] = t.Lemma
		}
	}
	for _, e := range p.Deps {
		if e.Dependent < 0 || e.Dependent >= len(p.Tokens) || e.Head >= len(p.Tokens) {
			continue // a malformed edge binds nothing
		}
		ps.up[e.Dependent] = append(ps.up[e.Dependent], e)
		if e.Head >= 0 {
			ps.down[e.Head] = append(ps.down[e.Head], e)
		}
	}
	return ps
}

// posClass maps a Penn Treebank tag to the classes frames name.
func posClass(tag string) byte {
	switch {
	case strings.HasPrefix(tag, "VB"):
		return 'V'
	case strings.HasPrefix(tag, "NN"):
		return 'N'
	case strings.HasPrefix(tag, "JJ"):
		return 'A'
	case tag == "IN" || strings.HasPrefix(tag, "RB"):
		return 'P'
	}
	return 0
}

func (st step) matches(rel string) bool {
	if st.prefix {
		return strings.HasPrefix(rel, st.rel)
	}
	return rel == st.rel
}

// walk returns the tokens path p reaches from token i.
func (ps *parsed) walk(i int, p path) []int {
	cur := []int{i}
	for _, st := range p {
		if st.stay {
			continue
		}
		if st.rel == "clause" && st.up {
			cur = ps.clauseHeads(cur)
			if len(cur) == 0 {
				return nil
			}
			continue
		}
		if st.rel == "<appos" {
			cur = ps.commaBefore(cur)
			if len(cur) == 0 {
				return nil
			}
			continue
		}
		var next []int
		for _, c := range cur {
			edges := ps.down[c]
			if st.up {
				edges = ps.up[c]
			}
			for _, e := range edges {
				if !st.matches(e.Rel) {
					continue
				}
				n := e.Dependent
				if st.up {
					n = e.Head
				}
				if n >= 0 && !containsInt(next, n) {
					next = append(next, n)
				}
			}
		}
		if len(next) == 0 {
			return nil
		}
		cur = next
	}
	return cur
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// holds reports whether a frame's condition holds at cue i.
func (ps *parsed) holds(l *frameLexicon, i int, c cond) bool {
	found := false
	for _, p := range c.alts {
		for _, t := range ps.walk(i, p) {
			if l.inClass(c.class, ps.lemma[t]) {
				found = true
			}
		}
	}
	return found != c.neg
}

// partyAt returns the party a parse token stands for: the mention that
// covers it; for a noun that names none, what it is predicated of or in
// apposition to ("X, the country that ...", "X is the first state
// that ..."); a government noun's state ("the foreign ministry of Japan",
// "Chinese officials"), or the state the article is about when the noun
// names none ("officials said"); a description of a state ("the kingdom")
// resolved to the state last named before. The zero textParty when it names
// none of these.
func (ps *parsed) partyAt(l *frameLexicon, i int) textParty {
	return ps.partyAtDepth(l, i, 0)
}

func (ps *parsed) partyAtDepth(l *frameLexicon, i, depth int) textParty {
	if a := ps.mentionParty(i); a.ent != nil {
		if a.pronoun > 0 && ps.nearerPlural(l, i, a.ent) {
			return textParty{} // "sued the gun makers, accusing them": not the state
		}
		// "the Islamic Republic", "the Jewish State": a capitalised
		// description the name rules took for an organization of its own;
		// a name whose state noun completes an "of" names a body of that
		// state ("the Constitutional Court of the Czech Republic"), no state
		if a.ent.kind != graphmodel.KindState && ps.d.g.orgs[a.ent.key] == nil && ps.definite(i) {
			if w := strings.Fields(strings.ToLower(a.ent.name)); len(w) > 0 && l.inClass("statenoun", w[len(w)-1]) && !slices.Contains(w, "of") {
				if e, ok := ps.d.epithet(strings.Join(w, " ")); ok {
					return textParty{ent: e}
				}
				if e := ps.d.lastState(ps.si, ps.tokOf[i]); e != nil {
					return textParty{ent: e, described: ps.tokOf[i] + 1}
				}
			}
		}
		return a
	}
	// a capital the mention rules took for a place ("turned to Moscow")
	// is its government when a frame's path reaches it
	if e := ps.capitalAt(i); e != nil {
		return textParty{ent: e}
	}
	// a relative pronoun stands for the noun its clause modifies: the
	// parse's ref edge, or, where the parse left none, the word its clause
	// hangs from ("the country that accused ...")
	if depth <= 1 {
		for _, e := range ps.up[i] {
			if e.Rel == "ref" && e.Head >= 0 {
				return ps.partyAtDepth(l, e.Head, depth+1)
			}
		}
		if tag := ps.p.Tokens[i].POS; tag == "WDT" || tag == "WP" {
			for _, e := range ps.up[i] {
				if e.Head < 0 || !strings.HasPrefix(e.Rel, "nsubj") {
					continue
				}
				for _, c := range ps.up[e.Head] {
					switch {
					case c.Head < 0:
					case c.Rel == "acl:relcl", c.Rel == "acl", c.Rel == "ccomp", c.Rel == "dep":
						return ps.partyAtDepth(l, c.Head, depth+1)
					}
				}
			}
		}
	}
	if depth > 1 || !strings.HasPrefix(ps.p.Tokens[i].POS, "NN") {
		return textParty{}
	}
	lem := ps.lemma[i]
	if l.inClass("membernoun", lem) {
		if g := ps.groupOf(l, i, 0); g != nil {
			return textParty{ent: g}
		}
	}
	if l.inClass("govnoun", lem) {
		if a := ps.stateOf(l, i, lem); a.ent != nil {
			return a
		}
	}
	// a panel or tribunal speaks for the organization it sits in: "a WTO
	// (dispute) panel", "a tribunal at the X Court"
	if l.inClass("panelnoun", lem) {
		for _, e := range ps.down[i] {
			switch e.Rel {
			case "compound", "nmod:at", "nmod:of", "nmod:poss":
			default:
				continue
			}
			for _, t := range append([]int{e.Dependent}, ps.compounds(e.Dependent)...) {
				if a := ps.mentionParty(t); a.ent != nil && a.ent.kind == graphmodel.KindOrganization {
					return a
				}
			}
		}
	}
	// a noun predicated of a party, or in apposition to one
	for _, e := range ps.up[i] {
		if e.Rel == "appos" && e.Head >= 0 {
			if a := ps.partyAtDepth(l, e.Head, depth+1); a.ent != nil {
				return a
			}
		}
	}
	// a role noun with the person's name after it, which the parse hung
	// from the noun instead of the other way round: "chief inspector Jane
	// Roe wrote ...", "the envoy, Jane Roe, asked ..."
	for _, e := range ps.down[i] {
		if e.Rel != "appos" && (e.Rel != "dep" || !ps.nameFollows(i, e.Dependent)) {
			continue
		}
		if a := ps.mentionParty(e.Dependent); a.ent != nil && a.ent.kind == graphmodel.KindActor {
			return a
		}
	}
	if ps.has(i, "cop") {
		for _, e := range ps.down[i] {
			if e.Rel == "nsubj" {
				if a := ps.partyAtDepth(l, e.Dependent, depth+1); a.ent != nil {
					return a
				}
			}
		}
	}
	// a group speaks through the members it names: "critics such as X",
	// "groups including X", "critics, which include X"
	for _, e := range ps.down[i] {
		t := -1
		switch e.Rel {
		case "nmod:such_as", "nmod:including":
			t = e.Dependent
		case "acl", "acl:relcl":
			if l.inClass("include", ps.lemma[e.Dependent]) {
				for _, o := range ps.down[e.Dependent] {
					if o.Rel == "obj" {
						t = o.Dependent
					}
				}
			}
		}
		if t >= 0 {
			if a := ps.partyAtDepth(l, t, depth+1); a.ent != nil {
				return a
			}
		}
	}
	// an act or thing stands for the agent the text gives it: "the ban
	// imposed by X", "the attack by X"
	for _, p := range explicitAgents {
		for _, t := range ps.walk(i, p) {
			if a := ps.partyAtDepth(l, t, depth+1); a.ent != nil {
				return a
			}
		}
	}
	// a document speaks for whoever brought, issued or wrote it
	if l.inClass("document", lem) {
		if a := ps.documentAuthor(l, i, depth); a.ent != nil {
			return a
		}
	}
	if l.inClass("govnoun", lem) && !ps.hasParty(l, i) {
		// the state the article is about, else the state the sentence
		// before was about, as its subject ("X expelled two envoys of Y.
		// The government said ...")
		if e := ps.d.dominantState(); e != nil {
			return textParty{ent: e, role: lem, implicit: true}
		}
		if e := ps.d.topicState(ps.si); e != nil {
			return textParty{ent: e, role: lem, implicit: true}
		}
	}
	// "the president", "the prime minister": the person named last before
	// it, as "he" or "she" would be
	if tag := ps.p.Tokens[i].POS; l.inClass("leadertitle", lem) && tag == "NN" && ps.definite(i) && !ps.hasParty(l, i) {
		if k := ps.tokOf[i]; k >= 0 {
			if e := ps.d.antecedent(ps.si, k, true, nil); e != nil {
				return textParty{ent: e}
			}
		}
	}
	if tag := ps.p.Tokens[i].POS; l.inClass("statenoun", lem) && (tag == "NN" || tag == "NNP") && ps.definite(i) && !ps.hasParty(l, i) {
		for _, e := range ps.down[i] {
			if e.Rel == "amod" || e.Rel == "compound" {
				if st, ok := ps.d.epithet(ps.lemma[e.Dependent] + " " + lem); ok {
					return textParty{ent: st}
				}
			}
		}
		if e := ps.d.lastState(ps.si, ps.tokOf[i]); e != nil {
			return textParty{ent: e, described: ps.tokOf[i] + 1}
		}
	}
	return textParty{}
}

// stateEpithets map the descriptions news uses for one state alone ("the
// Jewish state", "the Islamic Republic") to its ISO code.
var stateEpithets = func() map[string]string {
	m := make(map[string]string)
	for e := range wordList("state-epithets") {
		words, iso, _ := strings.Cut(e, ">")
		m[words] = strings.ToUpper(iso)
	}
	return m
}()

// epithet resolves a state's epithet to that state when the article names
// it; ok is false for words that are no epithet. An epithet of a state the
// article never names resolves to nothing.
func (d *doc) epithet(words string) (*docEntity, bool) {
	iso, ok := stateEpithets[words]
	if !ok {
		return nil, false
	}
	e := d.byKey[graphmodel.StateKey(iso)]
	if e == nil || e.count == 0 {
		return nil, true
	}
	return e, true
}

// explicitAgents are where any noun's agent sits.
var explicitAgents = []path{
	{{rel: "acl"}, {rel: "obl:agent"}}, {{rel: "acl"}, {rel: "obl:by"}}, {{rel: "nmod:by"}},
}

// documentAgents are where a document's author sits as its agent: "a suit
// brought by X", "a report by X", "a statement from X"; documentOwners
// where it sits as its owner: "X's complaint", "the Japanese report". An
// agent comes first: "the U.S. case brought by X" is X's.
var (
	documentAgents = []path{
		{{rel: "acl"}, {rel: "obl:agent"}}, {{rel: "acl"}, {rel: "obl:by"}}, {{rel: "nmod:by"}}, {{rel: "nmod:from"}},
	}
	participleAgents = []path{{{rel: "obl:agent"}}, {{rel: "obl:by"}}}
	documentOwners   = []path{{{rel: "nmod:poss"}}, {{rel: "compound"}}, {{rel: "amod"}}}
)

// documentAuthor returns the party a document noun at i stands for: its
// agent, else its owner; the zero textParty for a document nobody is
// named the author of ("a report published on Tuesday").
func (ps *parsed) documentAuthor(l *frameLexicon, i, depth int) textParty {
	first := func(from int, paths []path) textParty {
		for _, p := range paths {
			for _, t := range ps.walk(from, p) {
				if a := ps.partyAtDepth(l, t, depth+1); a.ent != nil {
					return a
				}
			}
		}
		return textParty{}
	}
	if a := first(i, documentAgents); a.ent != nil {
		return a
	}
	// "the complaint filed by X alleged ...": the parse may take the
	// participle that modifies the document for the sentence's verb, with
	// the document its subject and the author its "by" phrase
	for _, e := range ps.up[i] {
		if e.Rel == "nsubj" && e.Head >= 0 && ps.p.Tokens[e.Head].POS == "VBN" {
			if a := first(e.Head, participleAgents); a.ent != nil {
				return a
			}
		}
	}
	return first(i, documentOwners)
}

// groupOf returns the international organization whose members a member
// noun names, or nil: "members of ASEAN", "OPEC member states", "Arab
// League members", "member states of the African Union". A group acts
// through its members; members of any other body ("members of the
// public", "a member of parliament") stand for nobody.
func (ps *parsed) groupOf(l *frameLexicon, i, depth int) *docEntity {
	for _, e := range ps.down[i] {
		switch e.Rel {
		case "compound", "nmod:of", "nmod:poss", "amod":
		default:
			continue
		}
		if a := ps.mentionParty(e.Dependent); a.ent != nil {
			if a.ent.kind == graphmodel.KindOrganization && ps.d.g.orgs[a.ent.key] != nil {
				return a.ent
			}
			continue
		}
		// "member" of "EU member states" carries the group
		if depth == 0 && e.Rel == "compound" && l.inClass("membernoun", ps.lemma[e.Dependent]) {
			if g := ps.groupOf(l, e.Dependent, 1); g != nil {
				return g
			}
		}
	}
	return nil
}

// stateOf returns the state a government noun belongs to, from its
// modifiers: "Japan's foreign ministry", "Chinese officials", "the
// government of Iraq".
func (ps *parsed) stateOf(l *frameLexicon, i int, role string) textParty {
	for _, e := range ps.down[i] {
		switch e.Rel {
		case "compound", "amod", "nmod:poss", "nmod:of", "nmod:from", "nmod:for":
		default:
			continue
		}
		a := ps.mentionParty(e.Dependent)
		if a.ent == nil {
			continue
		}
		if a.ent.state != nil {
			a.ent = a.ent.state
		}
		if a.ent.kind == graphmodel.KindActor {
			if a.ent.leads == nil {
				continue
			}
			a.ent = a.ent.leads
		}
		if a.ent.kind == graphmodel.KindState && a.role == "" {
			a.role = role
		}
		return a
	}
	return textParty{}
}

// reciprocal reports whether one of the object paths of the cue at i
// reaches "each other" or "one another".
func (ps *parsed) reciprocal(i int, paths []path) bool {
	for _, p := range paths {
		for _, t := range ps.walk(i, p) {
			switch ps.lemma[t] {
			case "other":
				if ps.hasLemma(t, "det", "each") {
					return true
				}
			case "one":
				if ps.hasLemma(t, "dep", "another") || ps.hasLemma(t, "det", "another") || ps.hasLemma(t, "amod", "another") {
					return true
				}
			case "another":
				if ps.hasLemma(t, "nummod", "one") || ps.hasLemma(t, "det", "one") {
					return true
				}
			}
		}
	}
	return false
}

// nearerPlural reports whether an object "them" at parse token i has a
// plural common noun between it and the mention of e it was resolved to (or
// the start of the sentence when e was named before it): that noun is the
// likelier antecedent, and it names no party.
func (ps *parsed) nearerPlural(l *frameLexicon, i int, e *docEntity) bool {
	k := ps.tokOf[i]
	if k < 0 || !objectPlurals[ps.s.toks[k].lower] {
		return false
	}
	from := 0
	for _, m := range ps.s.ms {
		if m.ent == e && !m.pronoun && m.end <= k {
			from = m.end
		}
	}
	for j, t := range ps.p.Tokens {
		kj := ps.tokOf[j]
		if kj < from || kj >= k || t.POS != "NNS" || l.inClass("govnoun", ps.lemma[j]) || ps.mentionParty(j).ent != nil {
			continue
		}
		return true
	}
	return false
}

var objectPlurals = set("them")

// has reports whether token i has a dependent over rel.
func (ps *parsed) has(i int, rel string) bool {
	for _, e := range ps.down[i] {
		if e.Rel == rel {
			return true
		}
	}
	return false
}

// hasParty reports whether a noun's modifiers name a party of their own
// ("Iraq's foreign ministry"): then the noun is that party's or nobody's,
// never the article's main state.
func (ps *parsed) hasParty(l *frameLexicon, i int) bool {
	for _, e := range ps.down[i] {
		if e.Rel == "compound" || e.Rel == "amod" || strings.HasPrefix(e.Rel, "nmod") {
			if ps.mentionParty(e.Dependent).ent != nil {
				return true
			}
		}
	}
	return false
}

// definite reports whether a noun is introduced by "the" or a
// demonstrative, so that it refers back ("the kingdom"), not forward or
// to something new ("a kingdom").
func (ps *parsed) definite(i int) bool {
	for _, e := range ps.down[i] {
		if e.Rel == "det" {
			switch ps.lemma[e.Dependent] {
			case "the", "this", "that":
				return true
			}
		}
	}
	return false
}

func (ps *parsed) mentionParty(i int) textParty {
	k := ps.tokOf[i]
	if k < 0 {
		return textParty{}
	}
	if st := ps.d.quotedSpeaker(ps.si, k); st != nil {
		return textParty{ent: st} // "our" in a quotation: the speaker's state
	}
	for _, m := range ps.s.ms {
		if m.start <= k && k < m.end {
			a := claimParty(ps.s.toks, m)
			if t := ps.s.toks[m.start]; m.pronoun && m.end == m.start+1 && (groupPronouns[t.lower] || personPronouns[t.lower]) {
				a.pronoun = m.start + 1
			}
			if a.ent.kind == graphmodel.KindActor {
				a.of = ps.affiliation(i, m)
			}
			return a
		}
	}
	return textParty{}
}

// affiliation returns the party a person's name is modified by, up to two
// words away ("Taliban military spokesperson X", "X of the foreign
// ministry"), or nil.
func (ps *parsed) affiliation(i int, m mention) *docEntity {
	level := []int{i}
	for depth := 0; depth < 2; depth++ {
		var next []int
		for _, t := range level {
			for _, e := range ps.down[t] {
				switch {
				case e.Rel == "compound", e.Rel == "amod", e.Rel == "appos", e.Rel == "nmod:poss", e.Rel == "nmod:of", e.Rel == "nmod:for":
				default:
					continue
				}
				if k := ps.tokOf[e.Dependent]; k >= m.start && k < m.end {
					continue // a word of the name itself
				}
				if a := ps.mentionParty(e.Dependent); a.ent != nil && a.ent != m.ent {
					return a.ent
				}
				next = append(next, e.Dependent)
			}
		}
		level = next
	}
	return nil
}

// distinct returns the pair with a pronoun that was resolved to the other
// party resolved again without it: a pronoun object never stands for the
// subject of its own clause. ok is false when the two stay one.
func (ps *parsed) distinct(subj, obj textParty) (textParty, textParty, bool) {
	if subj.ent != obj.ent {
		return subj, obj, true
	}
	for _, p := range []*textParty{&obj, &subj} {
		if p.described > 0 {
			// "Damascus accused the Jewish state": the state named last
			// before the description that is not the other party
			for _, e := range ps.d.lastStates(ps.si, p.described-1, 2) {
				if e != p.ent {
					*p = textParty{ent: e}
					return subj, obj, true
				}
			}
		}
		if p.pronoun == 0 {
			continue
		}
		other, at := subj.ent, p.pronoun-1
		if e := ps.d.antecedentOf(ps.si, at, personPronouns[ps.s.toks[at].lower], other, p == &obj); e != nil && e != other {
			*p = textParty{ent: e}
			if e.state != nil {
				*p = textParty{ent: e.state, role: e.role}
			}
			return subj, obj, subj.ent != obj.ent
		}
	}
	return subj, obj, false
}

// parties returns the parties of the first path that reaches any. A
// phrase stands for its conjuncts too ("X and Y, both allies of Z").
func (ps *parsed) parties(l *frameLexicon, i int, paths []path) []textParty {
	for _, p := range paths {
		if len(p) == 1 && p[0].rel == accuserStep {
			if a := ps.d.accuser; a.ent != nil && ps.si-ps.d.accuserAt <= maxAccuserDistance {
				return []textParty{a}
			}
			continue
		}
		if len(p) == 1 && p[0].rel == disputedStep {
			if a, ok := ps.disputed(); ok {
				return []textParty{a.accused}
			}
			continue
		}
		if n := len(p); n > 1 && p[n-1].rel == actStep {
			var out []textParty
			for _, t := range ps.walk(i, p[:n-1]) {
				if a := ps.actAgent(l, t); a.ent != nil && !hasParty(out, a) {
					out = append(out, a)
				}
			}
			if len(out) > 0 {
				return out
			}
			continue
		}
		var out []textParty
		for _, t := range ps.withConjuncts(ps.walk(i, p)) {
			if two := ps.pairAt(l, t); two != nil {
				for _, a := range two {
					if !hasParty(out, a) {
						out = append(out, a)
					}
				}
				continue
			}
			if a := ps.partyAt(l, t); a.ent != nil && !hasParty(out, a) {
				out = append(out, a)
			}
		}
		if out = personsOverImplicit(out); len(out) > 0 {
			return out
		}
	}
	return nil
}

// personsOverImplicit drops the implicit state from parties that name a
// person: a government noun coordinated with named persons ("X, Y and a
// third officer") is one more person, not the state the article is about.
func personsOverImplicit(as []textParty) []textParty {
	if !slices.ContainsFunc(as, func(a textParty) bool { return a.ent.kind == graphmodel.KindActor }) {
		return as
	}
	return slices.DeleteFunc(as, func(a textParty) bool { return a.implicit })
}

// maxAccuserDistance is how many sentences back the legal action an
// "@accuser" frame takes its subject from may be told: 4, about one
// paragraph of a news story (a suit told first, its defendants after a
// sentence or two on the charge).
const maxAccuserDistance = 4

func hasParty(as []textParty, a textParty) bool {
	for _, b := range as {
		if b.ent == a.ent {
			return true
		}
	}
	return false
}

// charge returns the words of the first charge path that reaches a word
// that is not a name: the phrase that word heads, bounded. Of several
// words one path reaches, the last is the charge ("for the first time
// blamed X for the attack"), unless it is coordinated with an earlier one:
// then the charge is the coordination, from its first word ("for arming
// and training the rebels").
func (ps *parsed) charge(l *frameLexicon, i int, paths []path) string {
	for _, p := range paths {
		ts := ps.walk(i, p)
		for k := len(ts) - 1; k >= 0; k-- {
			if ps.mentionParty(ts[k]).ent != nil || ps.conjOfAny(ts[k], ts[:k]) {
				continue
			}
			heads := []int{ts[k]}
			for _, t := range ts[k+1:] {
				if ps.conjOfAny(t, heads[:1]) {
					heads = append(heads, t)
				}
			}
			// "for X and for Y": a coordination the parse left as two
			// phrases of one head; the charge runs from the first
			if j := ps.repeatedBefore(ts[k], ts[:k]); j >= 0 {
				heads = append([]int{j}, heads...)
			}
			if c := ps.phraseOf(heads); c != "" {
				return c
			}
		}
	}
	return ""
}

// repeatedBefore returns the word of earlier that t repeats the preposition
// of after "and" or "or" ("for X and for Y" gives X for Y), or -1.
func (ps *parsed) repeatedBefore(t int, earlier []int) int {
	for _, e := range ps.down[t] {
		if e.Rel != "case" {
			continue
		}
		k := ps.tokOf[e.Dependent]
		if k < 1 || (ps.s.toks[k-1].lower != "and" && ps.s.toks[k-1].lower != "or") {
			return -1
		}
		for j := len(earlier) - 1; j >= 0; j-- {
			if kj := ps.tokOf[earlier[j]]; kj >= 0 && kj < k && ps.mentionParty(earlier[j]).ent == nil && ps.hasLemma(earlier[j], "case", ps.lemma[e.Dependent]) {
				return earlier[j]
			}
		}
	}
	return -1
}

// conjOfAny reports whether t is coordinated under one of heads.
func (ps *parsed) conjOfAny(t int, heads []int) bool {
	for _, e := range ps.up[t] {
		if strings.HasPrefix(e.Rel, "conj") && containsInt(heads, e.Head) {
			return true
		}
	}
	return false
}

// phraseSkip are the edges that leave a phrase: its subject, its clause
// markers and what is only attached to it.
var phraseSkip = set("nsubj", "nsubj:pass", "obl:agent", "csubj", "cop", "aux", "aux:pass", "mark", "punct", "ref",
	"acl:relcl", "advcl", "parataxis", "cc", "discourse", "dep", "appos", "nsubj:xsubj")

// maxChargeTokens bounds a charge phrase.
const maxChargeTokens = 14

func (ps *parsed) phrase(head int) string {
	return ps.phraseOf([]int{head})
}

// phraseOf is the phrase of one head and the words coordinated with it.
func (ps *parsed) phraseOf(heads []int) string {
	head := heads[0]
	seen := map[int]bool{}
	for _, h := range heads {
		seen[h] = true
	}
	queue := append([]int(nil), heads...)
	for len(queue) > 0 && len(seen) < 4*maxChargeTokens {
		c := queue[0]
		queue = queue[1:]
		for _, e := range ps.down[c] {
			if phraseSkip[e.Rel] || strings.HasPrefix(e.Rel, "conj") || strings.HasPrefix(e.Rel, "advcl") || seen[e.Dependent] {
				continue
			}
			seen[e.Dependent] = true
			queue = append(queue, e.Dependent)
		}
	}
	// The contiguous run of sentence tokens around the head.
	lo, hi := ps.tokOf[head], ps.tokOf[head]
	if lo < 0 {
		return ""
	}
	for t := range seen {
		k := ps.tokOf[t]
		if k < 0 {
			continue
		}
		if k < lo && lo-k <= maxChargeTokens {
			lo = k
		}
		if k > hi && k-hi <= maxChargeTokens {
			hi = k
		}
	}
	toks := ps.s.toks[lo : hi+1]
	// keep a bounded window around the head, trimmed of leading
	// prepositions and articles
	for len(toks) > 0 && (determiners[toks[0].lower] || !toks[0].word) {
		toks = toks[1:]
	}
	for len(toks) > 0 && !toks[len(toks)-1].word {
		toks = toks[:len(toks)-1]
	}
	if len(toks) > maxChargeTokens {
		toks = toks[:maxChargeTokens]
	}
	return joinTokens(toks)
}

var determiners = set("the", "a", "an", "of", "for", "that", "to", "with", "over", "in", "on", "as", "behind")

// blocked reports whether the cue at i is not asserted: negated, only
// possible, conditional, under a verb of denial, or in a question.
func (ps *parsed) blocked(l *frameLexicon, i int) bool {
	if n := len(ps.s.toks); n > 0 && ps.s.toks[n-1].text == "?" {
		return true
	}
	// the cue and the clauses above it, up to the sentence's root
	cur := i
	for depth := 0; depth < 4 && cur >= 0; depth++ {
		for _, e := range ps.down[cur] {
			lem := ps.lemma[e.Dependent]
			switch {
			case e.Rel == "neg", (e.Rel == "advmod" || e.Rel == "det") && l.inClass("negation", lem):
				return true
			case e.Rel == "advmod" && ps.hasClass(l, e.Dependent, "advmod", "negation"):
				return true // "no longer"
			case e.Rel == "aux" && l.inClass("possible", lem):
				return true
			case e.Rel == "mark" && l.inClass("conditional", lem):
				return true
			case depth == 0 && strings.HasPrefix(e.Rel, "nsubj") && ps.hasLemma(e.Dependent, "cc:preconj", "neither"):
				return true // "neither X nor Y accused Z"
			}
		}
		if depth > 0 && l.inClass("deny", ps.lemma[cur]) {
			return true
		}
		next := -1
		for _, e := range ps.up[cur] {
			if e.Rel == "dep" && e.Head >= 0 && l.inClass("deny", ps.lemma[e.Head]) {
				return true // "denied having accused", the parse's loose link
			}
			if e.Rel == "xcomp" || e.Rel == "ccomp" || strings.HasPrefix(e.Rel, "advcl") || strings.HasPrefix(e.Rel, "conj") {
				next = e.Head
				break
			}
		}
		if next < 0 || (depth > 0 && !clauseLink(ps, cur)) {
			break
		}
		cur = next
	}
	return false
}

// clauseLink reports whether token c hangs from its head as a complement
// clause (whose assertion the head controls), not as a conjunct.
func clauseLink(ps *parsed, c int) bool {
	for _, e := range ps.up[c] {
		if e.Rel == "xcomp" || e.Rel == "ccomp" || strings.HasPrefix(e.Rel, "advcl") {
			return true
		}
	}
	return false
}

// bind finds the relations one parsed sentence asserts.
func (ps *parsed) bind(l *frameLexicon) []found {
	ps.recordActs(l)
	var out []found
	for i, t := range ps.p.Tokens {
		frames := l.byCue[ps.lemma[i]]
		if len(frames) == 0 {
			continue
		}
		pc := posClass(t.POS)
		blockedChecked, isBlocked := false, false
		for _, f := range frames {
			if f.pos != '*' && f.pos != pc {
				continue
			}
			ok := true
			for _, c := range f.needs {
				if c.class != subjectClass && !ps.holds(l, i, c) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if !blockedChecked {
				blockedChecked, isBlocked = true, ps.blocked(l, i)
			}
			if isBlocked {
				break
			}
			subs := ps.parties(l, i, f.subj)
			if len(subs) == 0 || !ps.standsFor(l, i, f.needs, subs) {
				continue
			}
			if f.rel == graphmodel.AccusedOf && !f.discourse && l.inClass("legalaction", ps.lemma[i]) {
				ps.d.accuser, ps.d.accuserAt = subs[0], ps.si
				ps.d.accuserCharge = ps.charge(l, i, f.charge)
			}
			var pairs [][2]textParty
			if f.pairs {
				for a := 0; a < len(subs); a++ {
					for b := a + 1; b < len(subs); b++ {
						pairs = append(pairs, [2]textParty{subs[a], subs[b]})
					}
				}
			} else if f.other {
				if o, ok := ps.onlyOther(subs); ok {
					for _, s := range subs {
						pairs = append(pairs, [2]textParty{s, o})
					}
				}
			} else if objs := ps.parties(l, i, f.obj); len(objs) > 0 {
				for _, o := range objs {
					for _, s := range subs {
						pairs = append(pairs, [2]textParty{s, o})
					}
				}
			} else if ps.reciprocal(i, f.obj) {
				// "X and Y accused each other": each of the other
				for _, a := range subs {
					for _, b := range subs {
						if a.ent != b.ent {
							pairs = append(pairs, [2]textParty{a, b})
						}
					}
				}
			}
			if len(pairs) == 0 {
				continue
			}
			charge := ""
			if f.rel == graphmodel.AccusedOf {
				charge = ps.charge(l, i, f.charge)
				if charge == "" && f.discourse && subs[0].ent == ps.d.accuser.ent {
					charge = ps.d.accuserCharge // what the suit or the charges were over
				}
				if a, ok := ps.disputed(); charge == "" && f.disputed && ok {
					charge = a.charge // what the dispute taken up is over
				}
			}
			hedged := ps.hasClass(l, i, "advmod", "hedge")
			for _, p := range pairs {
				subj, obj, ok := ps.distinct(p[0], p[1])
				if !ok || subj.of == obj.ent || obj.of == subj.ent {
					continue // one party, or a body and who speaks for it
				}
				out = append(out, found{typ: f.rel, subj: subj, obj: obj, subjAt: -1, charge: charge, confidence: f.confidence, hedged: hedged})
				if f.rel == graphmodel.AccusedOf {
					ps.d.accusations = append(ps.d.accusations, accusation{accused: obj, charge: charge, si: ps.si})
				}
			}
			if len(out) > 0 && f.rel == out[len(out)-1].typ {
				break // the first frame of a cue that binds wins
			}
		}
	}
	return out
}

// standsFor reports whether the "@subject" conditions of a frame hold at
// cue i: some word the condition's path reaches is one of the subject
// parties (or, negated, none is).
func (ps *parsed) standsFor(l *frameLexicon, i int, needs []cond, subs []textParty) bool {
	for _, c := range needs {
		if c.class != subjectClass {
			continue
		}
		found := false
		for _, p := range c.alts {
			for _, t := range ps.walk(i, p) {
				if a := ps.partyAt(l, t); a.ent != nil && hasParty(subs, a) {
					found = true
				}
			}
		}
		if found == c.neg {
			return false
		}
	}
	return true
}

// compounds returns the words that modify token i as compounds.
func (ps *parsed) compounds(i int) []int {
	var out []int
	for _, e := range ps.down[i] {
		if e.Rel == "compound" {
			out = append(out, e.Dependent)
		}
	}
	return out
}

// hasLemma reports whether token i has a dependent over rel with lemma.
func (ps *parsed) hasLemma(i int, rel, lemma string) bool {
	for _, e := range ps.down[i] {
		if e.Rel == rel && ps.lemma[e.Dependent] == lemma {
			return true
		}
	}
	return false
}

// hasClass reports whether token i has a dependent over rel whose lemma is
// in class.
func (ps *parsed) hasClass(l *frameLexicon, i int, rel, class string) bool {
	for _, e := range ps.down[i] {
		if e.Rel == rel && l.inClass(class, ps.lemma[e.Dependent]) {
			return true
		}
	}
	return false
}

// commaBefore returns, for each of toks, the last word of the phrase just
// before the comma that opens the token's own phrase: the noun an
// apposition renames when the parse has attached the apposition elsewhere
// (a sentence-final "..., their allies").
func (ps *parsed) commaBefore(toks []int) []int {
	var out []int
	for _, t := range toks {
		first := t
		for _, e := range ps.down[t] {
			switch e.Rel {
			case "det", "nmod:poss", "amod", "compound", "advmod":
				first = min(first, e.Dependent)
			}
		}
		k := ps.tokOf[first]
		if k < 2 || ps.s.toks[k-1].text != "," {
			continue
		}
		for j := range ps.p.Tokens {
			if ps.tokOf[j] == k-2 {
				out = append(out, j)
				break
			}
		}
	}
	return out
}

// clauseHeads returns, for each of toks, the word itself if it has a
// subject, else the nearest word above it that has one: the head of the
// clause that tells of it. A clause the phrase is itself the subject of
// does not tell of it ("X's alleged failure to act" parsed as the subject
// of "act"): the climb goes on above it.
func (ps *parsed) clauseHeads(toks []int) []int {
	var out []int
	for _, t := range toks {
		if ps.hasSubject(t) {
			out = append(out, t)
			continue
		}
		cur := t
		for depth := 0; depth < 8; depth++ {
			next, subj := -1, false
			for _, e := range ps.up[cur] {
				if e.Head >= 0 && e.Rel != "ref" && !strings.HasPrefix(e.Rel, "conj") {
					next, subj = e.Head, strings.HasPrefix(e.Rel, "nsubj")
					break
				}
			}
			if next < 0 {
				break
			}
			cur = next
			if !subj && ps.hasSubject(cur) {
				out = append(out, cur)
				break
			}
		}
	}
	return out
}

// withConjuncts returns toks and the words coordinated with them, whether
// the coordination hangs from the word or the word from it.
func (ps *parsed) withConjuncts(toks []int) []int {
	out := toks
	add := func(t int) {
		if !containsInt(out, t) {
			out = append(out, t)
		}
	}
	for _, t := range toks {
		for _, e := range ps.down[t] {
			if strings.HasPrefix(e.Rel, "conj") {
				add(e.Dependent)
			}
		}
		for _, e := range ps.up[t] {
			if strings.HasPrefix(e.Rel, "conj") && e.Head >= 0 {
				add(e.Head)
				for _, s := range ps.down[e.Head] {
					if strings.HasPrefix(s.Rel, "conj") {
						add(s.Dependent)
					}
				}
			}
		}
	}
	return out
}

// capitalAt returns the state whose capital the parse token names, or nil.
func (ps *parsed) capitalAt(i int) *docEntity {
	k := ps.tokOf[i]
	if k < 0 || !ps.s.toks[k].cap {
		return nil
	}
	for _, start := range []int{k, k - 1} { // "Moscow"; "New Delhi" headed by "Delhi"
		if start < 0 {
			continue
		}
		p, ok := ps.d.g.match(ps.s.toks, start)
		if !ok || p.form != formCapital || start+len(p.words) != k+1 {
			continue
		}
		st := p.ent
		if h := ps.d.g.historical(st.key, p.form, ps.d.date); h != nil {
			st = h
		}
		return ps.d.entity(st.kind, st.key, st.name)
	}
	return nil
}

// pairAt resolves a description of two states ("the two countries", "both
// sides") to the last two states named before it, or returns nil.
func (ps *parsed) pairAt(l *frameLexicon, i int) []textParty {
	if !l.inClass("pairnoun", ps.lemma[i]) || !(ps.hasLemma(i, "nummod", "two") || ps.hasLemma(i, "det", "both") || ps.hasLemma(i, "det:predet", "both")) {
		return nil
	}
	// "its two allies" are two others of one party, not the pair named last
	for _, e := range ps.down[i] {
		if e.Rel == "nmod:poss" && ps.lemma[e.Dependent] != "their" && ps.lemma[e.Dependent] != "our" {
			return nil
		}
	}
	states := ps.d.lastStates(ps.si, ps.tokOf[i], 2)
	if len(states) < 2 {
		return nil
	}
	return []textParty{{ent: states[0]}, {ent: states[1]}}
}

// hasSubject reports whether token i has a subject of any kind: its own,
// a passive one, or one it shares with the verb that controls it.
func (ps *parsed) hasSubject(i int) bool {
	return ps.has(i, "nsubj") || ps.has(i, "nsubj:pass") || ps.has(i, "nsubj:xsubj")
}

// An act told with its agent ("X launched an offensive", "X's navy
// announced the seizure of ...", "X arrested two citizens") may be taken up
// again by a definite description in a later sentence ("the operation",
// "the seizure", "the arrests"); "@act" path steps resolve such a
// description to that agent.

// act is one act a parsed sentence told with its agent.
type act struct {
	kind  string // the first noun of its act-kinds group
	party textParty
	si    int
}

// maxActDistance is how many sentences back an act a description takes up
// may be told: 2, the sentence before and the one before it.
const maxActDistance = 2

// actKinds maps an act noun to its group (the group's first noun), and
// actVerbs a verb of acts (or a verb and the verb of its complement
// clause, "order+leave") to its noun.
var actKinds, actVerbs = func() (map[string]string, map[string]string) {
	kinds := make(map[string]string)
	for g := range wordList("act-kinds") {
		nouns := strings.Fields(g)
		for _, n := range nouns {
			kinds[n] = nouns[0]
		}
	}
	verbs := make(map[string]string)
	for e := range wordList("act-verbs") {
		v, n, _ := strings.Cut(e, ">")
		verbs[v] = n
		if head, _, ok := strings.Cut(v, "+"); ok && verbs[head] == "" {
			verbs[head] = "+" // a verb that tells an act only with its complement
		}
	}
	return kinds, verbs
}()

// actKind returns the group of an act noun or verb lemma, "" for neither.
func actKind(lemma string, verb bool) string {
	if verb {
		return actKinds[actVerbs[lemma]] // "" for a verb marked "+"
	}
	return actKinds[lemma]
}

var (
	actVerbAgents = []path{{{rel: "nsubj"}}, {{rel: "obl:agent"}}, {{rel: "nsubj:xsubj"}}}
	actNounAgents = []path{{{rel: "nmod:by"}}, {{rel: "acl"}, {rel: "obl:agent"}}, {{rel: "nmod:poss"}}, {{rel: "amod"}}, {{rel: "compound"}}}
)

// recordActs notes the acts the sentence tells with an agent, for the
// descriptions of later sentences.
func (ps *parsed) recordActs(l *frameLexicon) {
	for i, t := range ps.p.Tokens {
		var kind string
		var agents []textParty
		switch posClass(t.POS) {
		case 'V':
			kind = actKind(ps.lemma[i], true)
			for _, e := range ps.down[i] {
				if kind == "" && e.Rel == "xcomp" {
					kind = actKind(ps.lemma[i]+"+"+ps.lemma[e.Dependent], true) // "ordered X to leave"
				}
			}
			if kind != "" {
				agents = ps.parties(l, i, actVerbAgents)
				if by := ps.instigators(l, i); len(by) > 0 {
					agents = by
				}
			}
		case 'N':
			if kind = actKind(ps.lemma[i], false); kind != "" {
				agents = ps.parties(l, i, actNounAgents)
				if len(agents) == 0 {
					for _, e := range ps.up[i] {
						if e.Rel == "obj" && e.Head >= 0 && l.inClass("actsupport", ps.lemma[e.Head]) {
							agents = ps.parties(l, e.Head, actVerbAgents)
						}
					}
				}
			}
		}
		if len(agents) == 1 && !ps.blocked(l, i) {
			ps.d.acts = append(ps.d.acts, act{kind: kind, party: agents[0], si: ps.si})
		}
	}
}

// instigators returns the parties at whose behest, or on whose orders, the
// act of verb i was done ("X suspended parliament at the behest of Y", "on
// Y's orders"): the party answerable for the act, rather than the one who
// carried it out.
func (ps *parsed) instigators(l *frameLexicon, i int) []textParty {
	for _, e := range ps.down[i] {
		if !strings.HasPrefix(e.Rel, "obl:") || !l.inClass("instigation", ps.lemma[e.Dependent]) {
			continue
		}
		if by := ps.parties(l, e.Dependent, actInstigatorOf); len(by) > 0 {
			return by
		}
	}
	return nil
}

var actInstigatorOf = []path{{{rel: "nmod:of"}}, {{rel: "nmod:poss"}}}

// actAgent returns the agent of the act a definite description at token i
// takes up: the last act of its kind told in one of the maxActDistance
// sentences before. The zero textParty when there is none, or when the
// description names a party of its own.
func (ps *parsed) actAgent(l *frameLexicon, i int) textParty {
	kind := actKind(ps.lemma[i], false)
	if kind == "" || !ps.definite(i) || ps.hasParty(l, i) || ps.mentionParty(i).ent != nil {
		return textParty{}
	}
	for k := len(ps.d.acts) - 1; k >= 0; k-- {
		a := ps.d.acts[k]
		if a.si >= ps.si {
			continue
		}
		if ps.si-a.si > maxActDistance {
			break
		}
		if a.kind == kind {
			return textParty{ent: a.party.ent, role: a.party.role}
		}
	}
	return textParty{}
}

// accusation is one accused-of claim a parsed sentence found.
type accusation struct {
	accused textParty
	charge  string
	si      int
}

// maxDisputedDistance is how many sentences back the accusation a
// "@disputed" object takes up may be told: 2, as for an act taken up.
const maxDisputedDistance = 2

// disputed returns the last accusation told in one of the
// maxDisputedDistance sentences before this one: the matter a definite "the dispute" or "the
// case" with nothing of its own takes up. ok is false when there is none.
func (ps *parsed) disputed() (accusation, bool) {
	for k := len(ps.d.accusations) - 1; k >= 0; k-- {
		a := ps.d.accusations[k]
		if a.si >= ps.si {
			continue
		}
		if ps.si-a.si > maxDisputedDistance {
			break
		}
		return a, true
	}
	return accusation{}, false
}

// onlyOther returns the one party the sentence names besides subs (and the
// bodies and people that act for them); ok is false when it names none or
// more than one.
func (ps *parsed) onlyOther(subs []textParty) (textParty, bool) {
	var other textParty
	for _, m := range ps.s.ms {
		a := claimParty(ps.s.toks, m)
		if a.ent == nil || hasParty(subs, a) || hasParty(subs, textParty{ent: m.ent}) {
			continue
		}
		if m.ent.state != nil && hasParty(subs, textParty{ent: m.ent.state}) || m.ent.leads != nil && hasParty(subs, textParty{ent: m.ent.leads}) {
			continue
		}
		if other.ent != nil && other.ent != a.ent {
			return textParty{}, false
		}
		other = a
	}
	return other, other.ent != nil
}

// nameFollows reports whether the mention that covers parse token j starts
// right after token i: a name that follows its title.
func (ps *parsed) nameFollows(i, j int) bool {
	ki, kj := ps.tokOf[i], ps.tokOf[j]
	if ki < 0 || kj < 0 {
		return false
	}
	for _, m := range ps.s.ms {
		if m.start <= kj && kj < m.end {
			return m.start == ki+1
		}
	}
	return false
}
