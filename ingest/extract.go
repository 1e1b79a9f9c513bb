package ingest

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/kg/graphmodel"
)

// ExtractorVersion names the behaviour of this extractor. It is recorded on
// every article and claim, so that reprocessing knows what produced what.
// Change it whenever the output for some input changes.
const ExtractorVersion = "rules-2026.12.1"

// Extractor finds entities and relations in article text. Its tables are
// built once per process and shared; an Extractor is safe for concurrent use.
type Extractor struct {
	g      *gazetteer
	ov     *Overrides
	parser Parser // nil: relations from the rules-only surface patterns
}

// NewExtractor returns an extractor over the built-in state and
// organization tables, applying the analyst's overrides ov (nil for none).
func NewExtractor(ov *Overrides) *Extractor { return &Extractor{g: loadGazetteer(), ov: ov} }

// Result is what one article yields.
type Result struct {
	Entities []graphmodel.Entity
	Mentions []graphmodel.Mention
	Claims   []graphmodel.Claim
	// Skipped is why the article was not read ("non-english"), or ""
	// when it was. A skipped article yields no entities and no claims.
	Skipped string
}

// docEntity is one entity of one article, with every form the article used.
type docEntity struct {
	kind    graphmodel.Kind
	key     string
	name    string
	acronym string
	forms   []string // surface forms in order of first use
	count   int
	order   int
	state   *docEntity // government bodies and metonyms: the state they act for
	role    string     // ... and the role they act in
	words   []string   // people: the words of the fullest name
	leads   *docEntity // people: the state they are known to lead
	metonym bool       // a building or place standing for its state's government
	keyName string     // organizations named by their form: the name their key is made of
	// nameWords of keyName (else name), and the string they were made of:
	// orgVariant compares them for every organization sharing a last word,
	// and slugging each again made a list of names quadratic.
	variantWords []string
	variantOf    string
}

// mention is one reference to an entity in one sentence, over tokens
// [start, end).
type mention struct {
	start, end int
	ent        *docEntity
	pronoun    bool
}

type sentence struct {
	text    string
	toks    []token
	ms      []mention // in token order
	pending []span    // capitalised words not yet resolved
}

type span struct{ start, end int }

// doc is the state of one extraction.
type doc struct {
	g        *gazetteer
	date     time.Time // publication date, zero when unknown
	ov       *Overrides
	ents     []*docEntity
	byKey    map[string]*docEntity
	acronyms map[string]*docEntity // acronyms the article defines: "(CSIS)"
	sents    []*sentence
	// Indexes that keep the lookups of pending words independent of the
	// number of entities: people by every word of their names, and
	// organizations by their first word.
	actorsByWord map[string][]*docEntity
	orgsByFirst  map[string][]*docEntity
	orgsByLast   map[string][]*docEntity
	named        int
	extra        []found // claims a trigger yields beside its first (reused) // people and organizations found by their form
	// speakers are the states first-person words inside quotations stand
	// for (quotes.go)
	speakers map[quotePos]*docEntity
	// accuser is the party that brought the legal action the sentences
	// bound so far told last (sued, charged, indicted, filed a suit), and
	// accuserAt the sentence that told it: "@accuser" frames take it.
	// accuserCharge is what that action was over.
	accuser       textParty
	accuserAt     int
	accuserCharge string
	// acts are the acts the sentences bound so far told with their
	// agents, in order: "@act" steps take them up.
	acts []act
	// accusations are the accused-of claims the sentences bound so far
	// found, in order: "@disputed" objects take them up.
	accusations []accusation
}

// Extract finds the entities and claims of one article. The title counts as
// the first sentence.
func (x *Extractor) Extract(title, text string) Result {
	return x.ExtractDated(title, text, time.Time{})
}

// ExtractDated is Extract for an article published at published (zero when
// unknown): names of states that changed ("Moscow" before 1992 is the
// Soviet Union) are read as of that date.
func (x *Extractor) ExtractDated(title, text string, published time.Time) Result {
	d := x.read(title, text, published)
	if d == nil {
		return Result{Skipped: SkipNonEnglish}
	}
	return d.result(d.relations())
}

// read finds the entities and mentions of one article and resolves what
// refers back to them, ready for relation binding. It returns nil for a
// text that is not English.
func (x *Extractor) read(title, text string, published time.Time) *doc {
	d := &doc{g: x.g, ov: x.ov, byKey: make(map[string]*docEntity), acronyms: make(map[string]*docEntity),
		actorsByWord: make(map[string][]*docEntity), orgsByFirst: make(map[string][]*docEntity),
		orgsByLast: make(map[string][]*docEntity), date: published}
	if !looksEnglish(text) {
		return nil
	}
	paras := Paragraphs(text)
	// Many texts repeat the headline as their first line; read it once. A
	// headline in capitals only tells no name from a word, so it is not
	// read at all.
	if title = strings.TrimSpace(title); title != "" && !allCaps(title) && (len(paras) == 0 || normSpace(paras[0]) != normSpace(title)) {
		paras = append([]string{title}, paras...)
	}
read:
	for _, p := range paras {
		for _, s := range Sentences(p) {
			if boilerplateSentence(s) {
				continue // "... its territory. Copyright 2003 The Associated Press."
			}
			toks := tokenize(s)
			// One endless sentence is read in pieces, so that the work
			// per sentence (mention lookups, antecedents) stays bounded.
			for len(toks) > 0 {
				if len(d.sents) >= maxSentences {
					break read
				}
				piece, text := toks, s
				if len(toks) > maxSentenceTokens {
					piece, text = toks[:maxSentenceTokens], joinTokens(toks[:maxSentenceTokens])
				}
				toks = toks[len(piece):]
				d.sents = append(d.sents, &sentence{text: text, toks: piece})
			}
		}
	}
	for _, s := range d.sents {
		d.findMentions(s)
	}
	for _, s := range d.sents {
		d.resolvePending(s)
	}
	d.settleBodies()
	d.settleOrgs()
	d.dropLoneMetonyms()
	d.linkLeaders()
	d.applyOverrides()
	d.resolvePronouns()
	d.resolveGovernments()
	d.resolveQuotedSpeakers()
	return d
}

// maxSentences bounds the work on one article: news stories have tens to a
// few hundred sentences; past this the input is not a story.
const maxSentences = 2000

// maxForms bounds the surface forms kept per entity (aliases are capped
// lower, at graphmodel.MaxAliases, when the result is built).
const maxForms = 2 * graphmodel.MaxAliases

// maxSentenceTokens bounds one sentence: news sentences have tens of
// tokens; a longer run is read as several sentences.
const maxSentenceTokens = 300

// maxNamedEntities bounds the people and organizations one article may
// introduce by their form (the tables bound the states and known
// organizations); past it a text is a list, not a story, and the rest of its
// names are ignored.
const maxNamedEntities = 4 * graphmodel.MaxEntities

func normSpace(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("’", "'", "‘", "'").Replace(s)), " ")
}

// entity returns the article's entity with key k, creating it.
func (d *doc) entity(kind graphmodel.Kind, key, name string) *docEntity {
	if e, ok := d.byKey[key]; ok {
		return e
	}
	e := &docEntity{kind: kind, key: key, name: name, order: len(d.ents)}
	d.byKey[key] = e
	d.ents = append(d.ents, e)
	if kind == graphmodel.KindOrganization {
		if w := nameWords(name); len(w) > 1 {
			d.orgsByFirst[w[0]] = append(d.orgsByFirst[w[0]], e)
			d.orgsByLast[w[len(w)-1]] = append(d.orgsByLast[w[len(w)-1]], e)
		} else if len(w) == 1 {
			d.orgsByFirst[w[0]] = append(d.orgsByFirst[w[0]], e) // "Akzo"
		}
	}
	return e
}

// namedEntity is entity for the people and organizations found by their
// form, or nil once the article has introduced maxNamedEntities of them.
func (d *doc) namedEntity(kind graphmodel.Kind, key, name string) *docEntity {
	if _, ok := d.byKey[key]; !ok {
		if d.named >= maxNamedEntities {
			return nil
		}
		d.named++
	}
	return d.entity(kind, key, name)
}

// setWords records the words of a person's fullest name and indexes them.
func (d *doc) setWords(e *docEntity, words []string) {
	e.words = words
	for _, w := range words {
		l := d.actorsByWord[w]
		if len(l) == 0 || l[len(l)-1] != e {
			d.actorsByWord[w] = append(l, e)
		}
	}
}

func (d *doc) addMention(s *sentence, start, end int, e *docEntity) {
	form := joinTokens(s.toks[start:end])
	if d.ov.blocks(form, e.key) {
		return
	}
	e.count++
	if form != "" && len(e.forms) < maxForms && !containsFold(e.forms, form) {
		e.forms = append(e.forms, form)
	}
	s.ms = append(s.ms, mention{start: start, end: end, ent: e})
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// findMentions is the first pass over a sentence: known names from the
// gazetteer, and capitalised spans that look like organizations or people.
// Single words that may be a surname or an acronym wait in s.pending until
// every full name of the article is known.
func (d *doc) findMentions(s *sentence) {
	toks := s.toks
	for i := 0; i < len(toks); {
		// Wire copy marks a company by angle brackets, "<Acme Holdings
		// Ltd>", and a ticker the same way, "<ACME.N>": the one names an
		// organization whatever its words, the other names nothing.
		if j := bracketEnd(toks, i); j > 0 {
			if bracketedName(toks[i+1 : j]) {
				d.orgMention(s, i+1, j)
			}
			i = j + 1
			continue
		}
		// a name the ticker follows is a company's: "Vantor <VNT.AS>"
		if end := capSpanEnd(toks, i); end > i {
			if j := bracketEnd(toks, end); j > 0 && !bracketedName(toks[end+1:j]) {
				if _, known := d.g.match(toks, i); !known {
					i = d.orgMention(s, i, end)
					continue
				}
			}
		}
		// "First Meridian Corp", "Second National Bank": an ordinal inside a
		// sentence opens the organization name it precedes
		if i > 0 && toks[i].cap && nameOrdinals[toks[i].lower] && i+1 < len(toks) && nameWord(toks[i+1]) {
			if end := capSpanEnd(toks, i+1); isOrgSpan(toks[i:end]) {
				i = d.orgMention(s, i, end)
				continue
			}
		}
		p, known := d.g.match(toks, i)
		end := capSpanEnd(toks, i)
		if !known && end > i+1 && (i == 0 || !toks[i-1].word) {
			end = d.stateInside(toks, i, end)
		}
		if end > i && (!known || end-i > len(p.words)) {
			if next := d.chunk(s, i, end); next > i {
				i = next
				continue
			}
		}
		if known {
			d.knownMention(s, i, p)
			i += len(p.words)
			continue
		}
		if end > i {
			s.pending = append(s.pending, span{i, end})
			i = end
			continue
		}
		i++
	}
	sort.Slice(s.ms, func(a, b int) bool { return s.ms[a].start < s.ms[b].start })
}

// stateInside returns where a state's name starts inside the capitalised
// span [i, end) that opens a sentence or a quotation, when the words before
// it are capitalised only for that and the state modifies who acts for it
// ("Senior French officials", "Top Chinese diplomats"), else end.
// A given name before it makes a person ("Michael Jordan"), a connector a
// longer name ("Bank of Japan").
func (d *doc) stateInside(toks []token, i, end int) int {
	for j := i + 1; j < end; j++ {
		if givenNames[foldWord(toks[j-1].lower)] || connectors[toks[j-1].lower] || orgHeads[toks[j-1].lower] {
			return end
		}
		p, ok := d.g.match(toks, j)
		if ok && p.ent.kind == graphmodel.KindState && (p.form == formName || p.form == formAcronym || p.form == formDemonym) {
			for k := j + len(p.words); k < end; k++ {
				if orgHeads[toks[k].lower] {
					return end // "Royal Thai Navy" is one name
				}
			}
			// the state modifies the people or body acting for it
			if k := j + len(p.words); k < len(toks) && govNouns[toks[k].lower] {
				return j
			}
			return end
		}
	}
	return end
}

// knownMention records a gazetteer match, unless its context says it is not
// the entity: a capital city used as a place ("in Beijing"), or a demonym
// inside a larger name ("Latin American").
func (d *doc) knownMention(s *sentence, i int, p phrase) {
	toks := s.toks
	end := i + len(p.words)
	switch p.form {
	case formCapital:
		// "in Beijing" is a place; "an ally of Washington" is not
		if i > 0 && placePrepositions[toks[i-1].lower] && !(toks[i-1].lower == "of" && i > 1 && relationNouns[toks[i-2].lower]) {
			return
		}
		if end+1 < len(toks) && toks[end].text == "," && toks[end+1].cap && !isSayVerb(toks, end+2) {
			return // "Washington, D.C.", "Paris, France"
		}
		if end < len(toks) && toks[end].lower == "state" {
			return // "Washington state"
		}
	case formDemonym:
		if i > 0 && toks[i-1].cap && demonymModifiers[toks[i-1].lower] {
			return
		}
	}
	k := p.ent
	if p.form == formAmbiguous {
		// "Korean", "Congo": the reading the article already made
		// explicit, else the usual one, else none.
		k = p.fallback
		for _, alt := range p.alts {
			if e := d.byKey[alt.key]; e != nil && e.count > 0 {
				k = alt
				break
			}
		}
		if k == nil {
			return
		}
	}
	if k.key == georgiaKey && p.form == formName && usStateContext(toks) {
		return // "Jane Roe of Georgia", "Ohio, Georgia, Iowa"
	}
	if h := d.g.historical(k.key, p.form, d.date); h != nil {
		k = h // "Moscow" in 1985 is the Soviet Union
	}
	e := d.entity(k.kind, k.key, k.name)
	e.metonym = e.metonym || p.form == formMetonym
	e.acronym = k.acronym
	if k.state != "" && e.state == nil {
		st := d.g.states[k.state]
		if h := d.g.historical(st.key, formMetonym, d.date); h != nil {
			st = h // the Kremlin of 1985 speaks for the Soviet Union
		}
		e.state = d.entity(st.kind, st.key, st.name)
		e.role = k.role
	}
	if p.form == formMetonym && e.state != nil && !weakMetonyms[k.name] {
		e.state.count++ // "the Kremlin said" refers to Russia
	}
	d.addMention(s, i, end, e)
	d.maybeAcronym(s, end, e)
}

var demonymModifiers = wordList("demonym-modifiers")

func isSayVerb(toks []token, i int) bool { return i < len(toks) && sayVerbs[toks[i].lower] }

// nationalNameHeads end the part of a name that "of" and a state
// complete: "Steel Producers Association of Brazil" is one name.
var nationalNameHeads = wordList("national-name-heads")

// nameOrdinals may open an organization's name: "First Meridian Corp".
var nameOrdinals = wordList("name-ordinals")

// maxBracketed bounds the words of a name in angle brackets.
const maxBracketed = 12

// bracketEnd returns the index of the ">" that closes a "<" at toks[i],
// or 0 when toks[i] opens no short bracketed span.
func bracketEnd(toks []token, i int) int {
	if i >= len(toks) || toks[i].text != "<" {
		return 0
	}
	for j := i + 1; j < len(toks) && j <= i+maxBracketed+1; j++ {
		switch toks[j].text {
		case ">":
			if j > i+1 {
				return j
			}
			return 0
		case "<":
			return 0
		}
	}
	return 0
}

// bracketedName reports whether the words in angle brackets are a name
// rather than a ticker: capitalised, and not all upper case.
func bracketedName(words []token) bool {
	if !words[0].cap {
		return false
	}
	for _, w := range words {
		if w.word && w.text != strings.ToUpper(w.text) {
			return true
		}
	}
	return false
}

// capSpanEnd returns the end of the run of capitalised words that starts at
// toks[i], or i when none starts there. Connectors ("of", "for", "and",
// "bin") may join capitalised words; "People's" may too.
func capSpanEnd(toks []token, i int) int {
	if !nameWord(toks[i]) {
		return i
	}
	end := i + 1
	for end < len(toks) {
		t := toks[end]
		switch {
		case nameWord(t):
			end++
		case particleWord(t):
			end++ // "Bashar al-Assad", "Valéry Giscard d'Estaing"
		case t.text == "." && isInitial(toks[end-1]) && end+1 < len(toks) && nameWord(toks[end+1]):
			end++ // "George W. Bush", "John R. Bolton"
		case t.word && t.cap && monthNames[t.lower] && givenNames[toks[end-1].lower]:
			end++ // "Theresa May"
		case t.text == "'s" && possessiveInName[toks[end-1].lower] && end+1 < len(toks) && toks[end+1].cap:
			end++
		case connectors[t.lower] && !t.cap && end+1 < len(toks) && toks[end+1].cap && toks[end+1].word && !capStop[toks[end+1].lower]:
			end++
		case connectors[t.lower] && !t.cap && t.lower == "of" && end+2 < len(toks) && toks[end+1].lower == "the" && toks[end+2].cap:
			end += 2
		default:
			return trimConnectors(toks, i, end)
		}
	}
	return trimConnectors(toks, i, end)
}

// nameWord reports whether t may be a word of a name: capitalised, not a
// function word, and not a compound modifier ("Kurdish-led", "US-backed").
func nameWord(t token) bool {
	return t.word && t.cap && !capStop[t.lower] && !modifierCompound(t.lower)
}

// isInitial reports whether t is one capital letter: a middle initial.
func isInitial(t token) bool {
	r, size := utf8.DecodeRuneInString(t.text)
	return size == len(t.text) && unicode.IsUpper(r)
}

// particleWord reports whether t is an Arabic or French name particle
// joined to the next part of the name: "al-Assad", "el-Sisi", "d'Estaing".
func particleWord(t token) bool {
	if !t.word || t.cap {
		return false
	}
	for _, p := range nameParticles {
		if len(t.text) > len(p) && strings.HasPrefix(t.lower, p) {
			r, _ := utf8.DecodeRuneInString(t.text[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

var nameParticles = []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ul-", "ud-", "bin-", "ibn-", "abu-", "d'", "l'", "di-", "da-"}

// modifierCompound reports whether a hyphenated word is a modifier that
// precedes a name without being part of it: "Kurdish-led", "Iran-backed".
func modifierCompound(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && compoundModifiers[w[i+1:]]
}

var compoundModifiers = wordList("compound-modifiers")

var missionHeads = wordList("mission-heads")

var monthNames = set("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december")

// mentioned reports whether the article names the entity with key k.
func (d *doc) mentioned(k string) bool {
	e := d.byKey[k]
	return e != nil && e.count > 0
}

// actsAsPerson reports whether the lone word at i stands where a person
// acts or owns: not first in its sentence (where any word is capitalised)
// nor after a preposition, and followed by a possessive or a lower-case verb
// ("Erdogan attacked", "Trump's decision").
func actsAsPerson(toks []token, i int) bool {
	if i == 0 || afterPreposition(toks, i) || i+1 >= len(toks) {
		return i == 0 && i+1 < len(toks) && sayVerbs[toks[i+1].lower]
	}
	n := toks[i+1]
	return n.text == "'s" || (n.word && !n.cap && !notVerbs[n.lower] && !connectors[n.lower])
}

// orgListItem reports whether the span at i is an item of a list that a
// plural organization noun introduces: "firms including Deutsche Bahn,
// Daimler, and Siemens", "companies such as Shell and BP".
func orgListItem(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-30; j-- {
		t := toks[j]
		switch {
		case t.text == "," || t.lower == "and" || t.lower == "or" || t.cap && t.word:
			continue
		case t.lower == "including" || t.lower == "like" || (t.lower == "as" && j > 0 && toks[j-1].lower == "such"):
			k := j - 1
			if t.lower == "as" {
				k--
			}
			return k >= 0 && orgPlurals[toks[k].lower]
		default:
			return false
		}
	}
	return false
}

var orgPlurals = wordList("org-plurals")

// camelCase reports whether a word has a capital after a lower-case letter
// inside it ("JetBlue", "PolitiFact", "WikiLeaks"): the spelling of brands
// and organizations. Surnames written so ("McConnell", "DeVos", "MacArthur",
// "LeBron") are not.
func camelCase(w string) bool {
	for _, p := range []string{"Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "Von", "O'"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	prevLower := false
	for _, r := range w {
		if unicode.IsUpper(r) && prevLower {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

var possessiveInName = wordList("possessive-in-name")

func trimConnectors(toks []token, i, end int) int {
	for end > i+1 && !toks[end-1].cap && !particleWord(toks[end-1]) {
		end--
	}
	return end
}

// chunk classifies the capitalised span toks[start:end] and records what it
// finds. It returns where the scan continues, or start when the span is not
// recognised and the caller should try the gazetteer instead.
func (d *doc) chunk(s *sentence, start, end int) int {
	return d.chunkTitled(s, start, end, false)
}

// chunkTitled is chunk for a span that follows a title the caller already
// read ("President of the United States | Donald Trump").
func (d *doc) chunkTitled(s *sentence, start, end int, titled bool) int {
	toks := s.toks
	words := toks[start:end]
	// Places are not entities, and their words are no one's name: "Hong
	// Kong", "New York", "the Persian Gulf", "Harvest Festival Week".
	if _, known := d.g.match(toks, start); !known {
		if n := placePrefix(words); n == len(words) {
			return end
		} else if n > 0 {
			if next := d.chunk(s, start+n, end); next > start+n {
				return next
			}
			return start + n
		}
	}
	// "Members of the National Assembly", "Leaders of the African Union":
	// a group of people, then the name.
	if len(words) > 2 && groupNouns[words[0].lower] && words[1].lower == "of" {
		rest := start + 2
		if rest < end && toks[rest].lower == "the" {
			rest++
		}
		if next := d.chunk(s, rest, end); next > rest {
			return next
		}
		if _, known := d.g.match(toks, rest); known {
			return rest // "Members of NATO": the gazetteer's name
		}
		return start
	}
	// "Speaker of the House", "President of the United States Donald
	// Trump", "Minister of Defence Jane Roe": a title and what it is of.
	if len(words) > 2 && titles[words[0].lower] && !orgHeads[words[0].lower] && words[0].lower != "house" && words[1].lower == "of" {
		rest := start + 2
		if rest < end && toks[rest].lower == "the" {
			rest++
		}
		if next := d.chunkTitled(s, rest, end, true); next > rest {
			return next
		}
		return start
	}
	// "the Labour Party and the Interior Ministry" is two names: an "and"
	// after a whole organization name splits. A name opening with its head
	// ("Institute for Peace and Security Studies"), or whose words before
	// the "and" are no name of their own ("Arms and Munitions Board",
	// "Baxter, Lowe and Co"), keeps it.
	if !opensWithHead(words) {
		for j := start + 1; j < end; j++ {
			if (toks[j].lower == "and" || toks[j].lower == "&") && isOrgSpan(toks[start:j]) {
				if next := d.chunk(s, start, j); next > start {
					return next
				}
				return start
			}
		}
	}
	// "Coastal Research Institute Director Jane Roe": an
	// organization, then a title and a person.
	for j := start + 1; j+1 < end; j++ {
		if orgHeads[toks[j].lower] && personTitles[toks[j+1].lower] && !orgHeads[toks[j+1].lower] {
			if isOrgSpan(toks[start : j+1]) {
				d.orgMention(s, start, j+1)
				if next := d.personSpan(s, j+1, end, false); next > j+1 {
					return next
				}
				return j + 1
			}
		}
	}
	if isOrgSpan(words) {
		// "Orla Air of Peru", "Federal Shipping Office of Austria": an
		// organization and the state it belongs to.
		if j := end - 1; j-start >= 3 {
			for k := start + 2; k < end; k++ {
				if toks[k-1].lower != "of" || !isOrgSpan(toks[start:k-1]) {
					continue
				}
				if p, ok := d.g.match(toks, k); ok && p.ent.kind == graphmodel.KindState && k+len(p.words) == end {
					if nationalNameHeads[toks[k-2].lower] {
						// "Steel Producers Association of Brazil": a
						// national body whose name ends with its state
						st := d.entity(p.ent.kind, p.ent.key, p.ent.name)
						st.count++
						return d.orgMention(s, start, end)
					}
					d.orgMention(s, start, k-1)
					d.knownMention(s, k, p)
					return end
				}
			}
		}
		return d.orgMention(s, start, end)
	}
	// A legislature named by its common noun alone: "Parliament",
	// "Congress", "the Senate"; it is the one of the article's state.
	if len(words) == 1 && legislatures[words[0].lower] {
		d.bodyMention(s, start, end)
		return end
	}
	// Names of people never hold "of", "for", "and" or "the": cut there
	// and read the part before on its own ("Jane Roe and John Doe").
	for j := start + 1; j < end; j++ {
		if l := toks[j].lower; !toks[j].cap && (l == "of" || l == "for" || l == "and" || l == "the" || l == "on" || l == "&") {
			if next := d.chunk(s, start, j); next > start {
				return next
			}
			return start
		}
	}
	// A known state or organization opening the span: let the gazetteer
	// take it ("U.S. Secretary of State Mike Pompeo" is handled word by
	// word), unless what follows is a title and a name.
	if p, ok := d.g.match(toks, start); ok {
		rest := start + len(p.words)
		if rest < end {
			if p.form == formName && ambiguousNames[p.words[0]] && len(p.words) == 1 && !titles[toks[rest].lower] {
				// "Jordan Peterson", "Chad Smith", "Georgia Brown": a
				// given name, not the state.
				return d.personSpan(s, start, end, titled)
			}
			d.knownMention(s, start, p)
			if next := d.personSpan(s, rest, end, titled); next > rest {
				return next
			}
			return rest
		}
		return start
	}
	if next := d.personSpan(s, start, end, titled); next > start {
		return next
	}
	return start
}

// isOrgSpan reports whether capitalised words name an organization by their
// form: a head noun at the end ("Foreign Ministry", "Sony Pictures"), or a
// head noun before "of/for/on ..." ("Institute for Maritime and Polar
// Research", "Norwegian Directorate of Fisheries").
func isOrgSpan(words []token) bool {
	if len(words) < 2 {
		return false
	}
	if orgHeads[words[len(words)-1].lower] {
		return true
	}
	for i := 0; i+2 < len(words); i++ {
		if (orgHeads[words[i].lower] || words[i].lower == "house") && (words[i+1].lower == "of" || words[i+1].lower == "for" || words[i+1].lower == "on") {
			return true
		}
	}
	return false
}

// opensWithHead reports whether a span reads "Head of/for/on ...":
// "Ministry of Fisheries", "Institute for Maritime and Polar Research".
func opensWithHead(words []token) bool {
	return len(words) > 2 && orgHeads[words[0].lower] && (words[1].lower == "of" || words[1].lower == "for" || words[1].lower == "on")
}

// placePrefix returns how many of the capitalised words at the start of a
// span name a place: a known territory or city ("Hong Kong", "New York"), a
// name opening with "New", "San", "Los" ..., or one ending in a geographic
// noun ("Persian Gulf", "Golan Heights", "Harvest Festival Week"). Places are
// not entities, and their words are no one's name.
func placePrefix(words []token) int {
	for n := min(len(words), 4); n >= 1; n-- {
		var b strings.Builder
		for i, w := range words[:n] {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.lower)
		}
		if places[b.String()] {
			return n
		}
	}
	if len(words) > 1 && len(words) <= 3 && !orgHeads[words[len(words)-1].lower] &&
		(placeOpeners[words[0].lower] || placeNouns[words[len(words)-1].lower]) {
		return len(words)
	}
	return 0
}

// orgMention records an organization named by its form. When its first
// words are a state ("Chinese Embassy", "North Korean Foreign Ministry",
// "U.S. Army") the state is mentioned too, and a government body acts for
// it in claims.
func (d *doc) orgMention(s *sentence, start, end int) int {
	toks := s.toks
	head := end - 1
	// "the French Embassy in Lima": a mission is named with its city.
	if missionHeads[toks[end-1].lower] && end+1 < len(toks) && toks[end].lower == "in" && nameWord(toks[end+1]) {
		if p, ok := d.g.match(toks, end+1); !ok || p.form == formCapital {
			end = capSpanEnd(toks, end+1)
		}
	}
	name := joinTokens(toks[start:end])
	// The key spells a state prefix by the state's name, so that "US
	// House of Representatives" and "United States House of
	// Representatives" are one organization in every article.
	keyName := name
	if p, ok := d.g.match(toks, start); ok && p.ent.kind == graphmodel.KindState && start+len(p.words) < end &&
		(p.form == formName || p.form == formAcronym) {
		keyName = d.g.states[p.ent.key].name + " " + joinTokens(toks[start+len(p.words):end])
	}
	e := d.orgVariant(keyName)
	if e == nil {
		e = d.namedEntity(graphmodel.KindOrganization, graphmodel.OrgKey(keyName), name)
		if e == nil {
			return end
		}
		e.keyName = keyName
	} else if e.keyName != "" {
		// the fuller name the article uses
		if len(nameWords(keyName)) > len(nameWords(e.keyName)) {
			e.keyName = keyName
		}
		if len(nameWords(name)) > len(nameWords(e.name)) {
			e.name = name
		}
	}
	if p, ok := d.g.match(toks, start); ok && p.ent.kind == graphmodel.KindState && p.form != formAmbiguous && p.form != formCapital && start+len(p.words) < end {
		st := d.entity(p.ent.kind, p.ent.key, p.ent.name)
		st.count++
		if f := joinTokens(toks[start : start+len(p.words)]); !containsFold(st.forms, f) {
			st.forms = append(st.forms, f)
		}
		if govHeads[toks[head].lower] && e.state == nil {
			e.state = st
			e.role = strings.ToLower(joinTokens(toks[start+len(p.words) : head+1]))
		}
	}
	// "Government of Iraq", "Ministry of Defence of Ukraine": a body of
	// the state named after "of".
	if e.state == nil && govHeads[toks[start].lower] && start+2 < end && toks[start+1].lower == "of" {
		k := start + 2
		if toks[k].lower == "the" {
			k++
		}
		for ; k < end; k++ {
			if p, ok := d.g.match(toks, k); ok && p.ent.kind == graphmodel.KindState && k+len(p.words) == end {
				st := d.entity(p.ent.kind, p.ent.key, p.ent.name)
				st.count++
				e.state, e.role = st, strings.ToLower(toks[start].text)
				break
			}
		}
	}
	// "Britain's Foreign Office", "Japan's Defence Ministry": a body named
	// by its office alone belongs to the state whose possessive precedes
	// it. A body with a name of its own ("X's Ministry of International
	// Trade and Industry") keeps its name's reading.
	if e.state == nil && govHeads[toks[head].lower] && start >= 2 && (toks[start-1].text == "'s" || toks[start-1].text == "’s") && officeName(toks[start:head]) {
		for k := start - 2; k >= 0 && k >= start-4; k-- {
			if p, ok := d.g.match(toks, k); ok && p.ent.kind == graphmodel.KindState && p.form != formAmbiguous && k+len(p.words) == start-1 {
				e.state = d.entity(p.ent.kind, p.ent.key, p.ent.name)
				e.role = strings.ToLower(joinTokens(toks[start : head+1]))
				break
			}
		}
	}
	d.addMention(s, start, end, e)
	d.maybeAcronym(s, end, e)
	return end
}

// officeName reports whether the words before a body's head only name an
// office ("Foreign", "Defence", "Interior"), as opposed to a name of its own.
func officeName(words []token) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !officeModifiers[w.lower] {
			return false
		}
	}
	return true
}

// orgVariant returns the organization the article already named whose name
// ends with the words of keyName or is the end of it, two words at least:
// "General Assembly" after "United Nations General Assembly", "United
// States House of Representatives" after "House of Representatives".
func (d *doc) orgVariant(keyName string) *docEntity {
	words := nameWords(keyName)
	if len(words) < 2 {
		return nil
	}
	if e := d.byKey[graphmodel.OrgKey(keyName)]; e != nil {
		return e
	}
	for _, e := range d.orgsByLast[words[len(words)-1]] {
		if e.kind != graphmodel.KindOrganization || e.state != nil && e.keyName == "" {
			continue
		}
		ew := e.orgWords()
		short, long := words, ew
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(short) >= 2 && len(short) < len(long) && equalWords(long[len(long)-len(short):], short) {
			if len(words) > len(ew) && e.keyName == "" {
				continue // a known organization's name is not extended
			}
			return e
		}
	}
	return nil
}

// orgWords returns the words orgVariant compares: those of keyName, else
// of name, made once for each value either takes.
func (e *docEntity) orgWords() []string {
	from := e.name
	if e.keyName != "" {
		from = e.keyName
	}
	if e.variantWords == nil || e.variantOf != from {
		e.variantWords, e.variantOf = nameWords(from), from
	}
	return e.variantWords
}

// settleOrgs gives the organizations named by their form the key of their
// fullest name.
func (d *doc) settleOrgs() {
	for _, e := range d.ents {
		if e.keyName != "" {
			e.key = graphmodel.OrgKey(e.keyName)
		}
	}
}

// weakMetonyms are the metonyms that are also ordinary names of buildings
// elsewhere; they count only in an article that names their state.
var weakMetonyms = wordList("weak-metonyms")

// dropLoneMetonyms forgets a weak metonym whose state the article never
// names: "the Blue House" of a story about Harare is a house, not Seoul.
func (d *doc) dropLoneMetonyms() {
	dropped := false
	for _, e := range d.ents {
		if e.metonym && weakMetonyms[e.name] && e.state != nil && e.state.count == 0 {
			e.count = 0
			dropped = true
		}
	}
	if !dropped {
		return
	}
	for _, s := range d.sents {
		kept := s.ms[:0]
		for _, m := range s.ms {
			if !m.ent.metonym || !weakMetonyms[m.ent.name] || m.ent.count > 0 {
				kept = append(kept, m)
			}
		}
		s.ms = kept
	}
}

// maybeAcronym records an acronym the text defines right after a name:
// "Center for Strategic and International Studies (CSIS)".
func (d *doc) maybeAcronym(s *sentence, end int, e *docEntity) {
	toks := s.toks
	if end+2 < len(toks) && toks[end].text == "(" && toks[end+2].text == ")" && isAcronym(toks[end+1].text) {
		a := toks[end+1].text
		d.acronyms[a] = e
		if e.kind == graphmodel.KindOrganization && e.acronym == "" {
			e.acronym = a
		}
	}
}

// personSpan reads toks[start:end] as a person's name with optional titles
// before it. It records the person and returns end when the words look like
// a name in a context that says so; otherwise it returns start. titled says
// a title came before the span.
func (d *doc) personSpan(s *sentence, start, end int, titled bool) int {
	toks := s.toks
	i := start
	// Titles, and a role noun that opens a sentence ("Voter Jane Roe",
	// "Activist Joshua Wong").
	for i < end && (titles[toks[i].lower] || (i == 0 && roleNouns[toks[i].lower])) {
		i++
	}
	// A title after its portfolio ("Health Minister Jane Roe", "Energy
	// Secretary John Doe"): the name starts after the
	// last title word that leaves two words for it.
	for k := end - 3; k > i; k-- {
		if titles[toks[k].lower] {
			i = k + 1
			break
		}
	}
	titled = titled || i > start
	n := end - i
	initials := 0
	for k := i; k < end; k++ {
		t := toks[k]
		if k > i && k+1 < end && (isInitial(t) && toks[k+1].text == "." || t.text == "." && isInitial(toks[k-1])) {
			initials++ // "George W. Bush"
			continue
		}
		if k > i && k+1 < end && !t.cap && (surnameParticles[t.lower] || patronymParticles[t.lower]) {
			initials++ // "Vaz de Souza": a particle is no word of its own
			continue
		}
		if !t.word || utf8.RuneCountInString(t.text) < 2 || orgHeads[t.lower] || legislatures[t.lower] {
			return start
		}
	}
	if n -= initials; n == 0 || n > 4 {
		return start
	}
	if n == 1 {
		if titled {
			s.pending = append(s.pending, span{i, end})
			return end
		}
		return start
	}
	if loadFrames().inClass("statenoun", toks[end-1].lower) {
		return start // "the Islamic Republic", "the Jewish State": a description of a state
	}
	name := joinTokens(toks[i:end])
	if !titled && !personContext(toks, start, end) && !givenNames[foldWord(toks[i].lower)] && !d.listOfPeople(s, start) {
		if _, leader := leaderStates()[graphmodel.ActorKey(name)]; !leader && !knownPerson(name) {
			return start
		}
	}
	words := nameWords(name)
	// "Robert Mugabe" after "Robert Gabriel Mugabe" (or before it) is one
	// person: same first and last name.
	e := d.variantOf(words)
	if e == nil {
		e = d.namedEntity(graphmodel.KindActor, graphmodel.ActorKey(name), name)
		if e == nil {
			return end
		}
	}
	if len(words) > len(e.words) {
		d.setWords(e, words)
		e.name = name
	}
	d.addMention(s, i, end, e)
	return end
}

// foldWord folds the accents of a lower-case word: "nicolás" -> "nicolas".
func foldWord(w string) string {
	for _, r := range w {
		if r >= utf8.RuneSelf {
			return strings.ReplaceAll(graphmodel.Slug(w), "-", "")
		}
	}
	return w
}

// variantOf returns the person already named with the same first and last
// words as words, when there is exactly one.
func (d *doc) variantOf(words []string) *docEntity {
	if len(words) < 2 {
		return nil
	}
	var hit *docEntity
	for _, e := range d.actorsByWord[words[len(words)-1]] {
		if len(e.words) >= 2 && e.words[0] == words[0] && e.words[len(e.words)-1] == words[len(words)-1] {
			if hit != nil && hit != e {
				return nil
			}
			hit = e
		}
	}
	return hit
}

// listOfPeople reports whether the span at start continues a list of people
// ("Representatives Jane Roe, John Doe, and Mary Major"): a comma
// or "and" after a person's name.
func (d *doc) listOfPeople(s *sentence, start int) bool {
	j := start - 1
	if j >= 0 && s.toks[j].lower == "and" {
		j--
	}
	if j >= 0 && s.toks[j].text == "," {
		j--
	}
	if j == start-1 || j < 0 {
		return false
	}
	for k := len(s.ms) - 1; k >= 0; k-- {
		if s.ms[k].end == j+1 {
			return s.ms[k].ent.kind == graphmodel.KindActor
		}
	}
	return false
}

// bodyMention records a legislature named by its common noun alone
// ("Parliament", "the Senate"). Its state is settled once the article is
// read (settleBodies); until then it has a provisional key.
func (d *doc) bodyMention(s *sentence, start, end int) {
	name := joinTokens(s.toks[start:end])
	e := d.namedEntity(graphmodel.KindOrganization, "body:"+strings.ToLower(name), name)
	if e == nil {
		return
	}
	e.role = strings.ToLower(name)
	d.addMention(s, start, end, e)
}

// settleBodies gives the legislatures named by a common noun the state the
// article is most about (the state mentioned most often), so that "the
// Senate" of an American story and of a Philippine one are different
// entities. Without any state, the body keeps its bare name.
func (d *doc) settleBodies() {
	var top *docEntity
	for _, e := range d.ents {
		if e.kind == graphmodel.KindState && e.count > 0 && (top == nil || e.count > top.count) {
			top = e
		}
	}
	for _, e := range d.ents {
		if !strings.HasPrefix(e.key, "body:") {
			continue
		}
		if top == nil {
			e.key = graphmodel.OrgKey(e.name)
			continue
		}
		e.key = graphmodel.OrgKey(top.name + " " + e.name)
		e.state = top
	}
}

// personContext reports whether the words around a span say it is a
// person: a role noun or verb of saying before it ("said John Doe",
// "the envoy, Jane Roe"), a verb of saying or an apposition after it
// ("Doe said", "John Doe, a trade expert").
func personContext(toks []token, start, end int) bool {
	j := start - 1
	if j >= 0 && toks[j].text == "," {
		j--
	}
	if j >= 0 && roleNouns[toks[j].lower] {
		return true
	}
	if end < len(toks) && sayVerbs[toks[end].lower] {
		return true
	}
	if end+1 < len(toks) && toks[end].text == "," {
		switch toks[end+1].lower {
		case "a", "an", "the", "who", "whose", "said", "says", "told":
			return true
		}
	}
	return false
}

// nameWords splits a name into words, hyphens included, so that "Kim
// Jong-un" and "Kim Jong Un" compare equal word by word.
func nameWords(name string) []string {
	slug := graphmodel.Slug(name)
	if slug == "" {
		return nil
	}
	return strings.Split(slug, "-")
}

// resolvePending is the second pass: single capitalised words and
// unrecognised spans that are an acronym the article defined, the surname or
// given name of a person it named in full, or the first word of an
// organization it named ("Sony" after "Sony Pictures").
func (d *doc) resolvePending(s *sentence) {
	for _, sp := range s.pending {
		toks := s.toks[sp.start:sp.end]
		if len(toks) == 1 {
			if e := d.acronyms[toks[0].text]; e != nil {
				d.addMention(s, sp.start, sp.end, e)
				continue
			}
		}
		if e := d.personByPart(toks); e != nil && !d.ov.distinctKeys(graphmodel.ActorKey(joinTokens(toks)), graphmodel.ActorKey(e.name)) {
			d.addMention(s, sp.start, sp.end, e)
			continue
		}
		if len(toks) == 1 {
			if e := d.orgByFirstWord(toks[0]); e != nil {
				d.addMention(s, sp.start, sp.end, e)
				continue
			}
		}
		// "JetBlue", "PolitiFact": a brand's spelling names an
		// organization.
		if len(toks) == 1 && camelCase(toks[0].text) && !isAcronym(toks[0].text) {
			if e := d.namedEntity(graphmodel.KindOrganization, graphmodel.OrgKey(toks[0].text), toks[0].text); e != nil {
				e.keyName = toks[0].text
				d.addMention(s, sp.start, sp.end, e)
			}
			continue
		}
		// "German firms including Deutsche Bahn, Daimler and Siemens":
		// the names listed after a plural organization noun.
		if orgListItem(s.toks, sp.start) {
			// "Apple and Shell" is two names
			from := sp.start
			for k := sp.start; k <= sp.end; k++ {
				if k < sp.end && s.toks[k].lower != "and" && s.toks[k].text != "&" {
					continue
				}
				if k > from {
					name := joinTokens(s.toks[from:k])
					if e := d.namedEntity(graphmodel.KindOrganization, graphmodel.OrgKey(name), name); e != nil {
						e.keyName = name
						d.addMention(s, from, k, e)
					}
				}
				from = k + 1
			}
			continue
		}
		// A lone surname of exactly one known head of state or
		// government: "Erdogan", "Trump", but never "Johnson" or "Kim".
		if len(toks) == 1 && !legislatures[toks[0].lower] && actsAsPerson(s.toks, sp.start) {
			// ... in a story that names the state they led
			if name, ok := leaderSurnames()[foldWord(toks[0].lower)]; ok && d.mentioned(graphmodel.StateKey(leaderSurnameState(name))) {
				if e := d.namedEntity(graphmodel.KindActor, graphmodel.ActorKey(name), name); e != nil {
					if e.words == nil {
						d.setWords(e, nameWords(name))
					}
					d.addMention(s, sp.start, sp.end, e)
				}
				continue
			}
		}
		// A title with a lone surname nobody named in full:
		// "President Trump". Keep the surname as the person's name.
		if prev := sp.start - 1; len(toks) == 1 && prev >= 0 && personTitles[s.toks[prev].lower] && s.toks[prev].cap && !legislatures[toks[0].lower] {
			name := toks[0].text
			e := d.namedEntity(graphmodel.KindActor, graphmodel.ActorKey(name), name)
			if e == nil {
				continue
			}
			if e.words == nil {
				d.setWords(e, nameWords(name))
			}
			d.addMention(s, sp.start, sp.end, e)
		}
	}
	s.pending = nil
	sort.Slice(s.ms, func(a, b int) bool { return s.ms[a].start < s.ms[b].start })
}

// personByPart finds the person whose full name ends with the given words
// ("Lewis", "Jong Un"), or starts with them when that is unique ("Kim").
func (d *doc) personByPart(toks []token) *docEntity {
	var words []string
	for _, t := range toks {
		words = append(words, nameWords(t.text)...)
	}
	if len(words) == 0 {
		return nil
	}
	var byFirst *docEntity
	firstHits := 0
	for _, e := range d.actorsByWord[words[0]] {
		if len(e.words) <= len(words) {
			continue
		}
		if equalWords(e.words[len(e.words)-len(words):], words) {
			return e
		}
		if equalWords(e.words[:len(words)], words) {
			byFirst = e
			firstHits++
		}
	}
	if firstHits == 1 {
		return byFirst
	}
	if len(words) == 1 {
		return d.personByParticleSurname(words[0])
	}
	return nil
}

// Lower-case words inside a name that are no name of their own:
// surnameParticles join the words of a surname, whose first word may stand
// for the person ("Vaz" of "Vaz de Souza", "von der Leyen");
// patronymParticles join a given name to the father's ("bin Salman"), so
// the word before them is no surname.
var (
	surnameParticles  = set("da", "das", "de", "del", "der", "den", "di", "do", "dos", "du", "van", "von")
	patronymParticles = set("bin", "ibn", "al", "el")
)

// personByParticleSurname finds the person named in full whose surname
// opens with word before a particle ("Souza" of "Vaz de Souza" is a
// surname, and so is "Vaz"), when exactly one person of the article has
// it.
func (d *doc) personByParticleSurname(word string) *docEntity {
	var hit *docEntity
	for _, e := range d.ents {
		if e.kind != graphmodel.KindActor || len(e.words) < 3 {
			continue
		}
		n := len(e.words)
		for k := 1; k < n-2; k++ {
			if e.words[k] != word {
				continue
			}
			particles := true
			for _, w := range e.words[k+1 : n-1] {
				particles = particles && surnameParticles[w]
			}
			if particles {
				if hit != nil && hit != e {
					return nil
				}
				hit = e
			}
		}
	}
	return hit
}

// orgByFirstWord finds the organization the article named in full whose
// first word is t, when t is not a state's form ("Sony" -> "Sony Pictures",
// but "Chinese" never -> "Chinese Embassy").
func (d *doc) orgByFirstWord(t token) *docEntity {
	var hit *docEntity
	for _, e := range d.orgsByFirst[t.lower] {
		if e.state != nil {
			continue
		}
		w := nameWords(e.name)
		// "Sony" after "Sony Pictures"; "Akzo" after "Vantor <VNT.AS>"
		if (len(w) > 1 || e.name == t.text) && w[0] == t.lower && !orgHeads[t.lower] {
			if hit != nil && hit != e {
				return nil
			}
			hit = e
		}
	}
	return hit
}

// linkLeaders gives every person the article names in full the state they
// are known to lead, and fixes people's keys to their fullest name.
func (d *doc) linkLeaders() {
	for _, e := range d.ents {
		if e.kind != graphmodel.KindActor {
			continue
		}
		e.key = graphmodel.ActorKey(e.name)
		if iso, ok := leaderStates()[e.key]; ok {
			st := d.g.states[graphmodel.StateKey(iso)]
			if st != nil {
				e.leads = d.entity(st.kind, st.key, st.name)
			}
		}
	}
}

// result turns the article's entities and claims into graph values.
func (d *doc) result(claims []graphmodel.Claim) Result {
	var r Result
	seen := make(map[string]bool, len(d.ents))
	// a metonym acts for its state everywhere: the graph gets the state,
	// which the metonym's forms name too ("the Kremlin" is Russia)
	for _, e := range d.ents {
		if e.metonym && e.state != nil && e.count > 0 {
			for _, f := range e.forms {
				if len(e.state.forms) < maxForms && !containsFold(e.state.forms, f) {
					e.state.forms = append(e.state.forms, f)
				}
			}
		}
	}
	for _, e := range d.ents {
		if e.count == 0 || seen[e.key] || len(r.Entities) >= graphmodel.MaxEntities || (e.metonym && e.state != nil) {
			continue
		}
		seen[e.key] = true
		var aliases []string
		for _, f := range e.forms {
			if f != e.name && len(aliases) < graphmodel.MaxAliases {
				aliases = append(aliases, graphmodel.Truncate(f, graphmodel.MaxNameBytes))
			}
		}
		r.Entities = append(r.Entities, graphmodel.Entity{
			Key: e.key, Kind: e.kind, Name: graphmodel.Truncate(e.name, graphmodel.MaxNameBytes),
			Aliases: aliases, Acronym: e.acronym,
		})
		r.Mentions = append(r.Mentions, graphmodel.Mention{Key: e.key, Count: e.count})
	}
	r.Claims = claims
	return r
}

// allCaps reports whether s has letters and none of them is lower case.
func allCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}
