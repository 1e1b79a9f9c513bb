package ingest

import (
	"sort"
	"strings"
	"time"

	"sync"
	"unicode"

	"github.com/newsgraph/kg/graphmodel"
)

// form is how a text refers to a known entity.
type form int

const (
	formName      form = iota // "China", "People's Republic of China", "United Nations"
	formDemonym               // "Chinese", "North Koreans"
	formCapital               // "Beijing": the government only when it acts
	formAcronym               // "UN", "PRC": matched in its exact case
	formMetonym               // "the White House", "the Kremlin": a body acting for its state
	formAmbiguous             // "Korean", "Congo": one of several states, by context
)

// known is an entity of the state and organization tables.
type known struct {
	kind    graphmodel.Kind
	key     string
	name    string
	acronym string
	state   string // metonyms: the key of the state they act for
	role    string // metonyms: the role they act in ("presidency", "military")
}

type phrase struct {
	words []string // lower-case tokens
	exact []string // the tokens as written, for formAcronym
	form  form
	ent   *known
	// formAmbiguous: the states the words may mean, and the one they mean
	// when the article names none of them (nil: none).
	alts     []*known
	fallback *known
}

// gazetteer finds known entities by their written forms.
type gazetteer struct {
	byFirst map[string][]phrase // first lower-case token -> phrases, longest first
	states  map[string]*known   // key -> state
	orgs    map[string]*known   // key -> organization
}

// metonyms are the government buildings and places that news uses for the
// government they house.
var metonyms = []struct{ name, iso3, role string }{
	{"White House", "USA", "presidency"},
	{"Pentagon", "USA", "military"},
	{"Capitol Hill", "USA", "congress"},
	{"Kremlin", "RUS", "presidency"},
	{"Downing Street", "GBR", "prime minister's office"},
	{"Whitehall", "GBR", "government"},
	{"Elysee", "FRA", "presidency"},
	{"Élysée", "FRA", "presidency"},
	{"Elysee Palace", "FRA", "presidency"},
	{"Quai d'Orsay", "FRA", "foreign ministry"},
	{"Zhongnanhai", "CHN", "leadership"},
	{"Blue House", "KOR", "presidency"},
	{"Chancellery", "DEU", "chancellery"},
}

// knownGroups are well-known organizations that news names without a head
// noun ("Taliban", "Hezbollah", "G7") or by a fixed name, and national
// bodies that act for their state ("CIA", "Mossad"). Unlike orgTable they
// are not seeded into the graph: writers create them like any other
// organization.
var knownGroups = []struct {
	name, acronym string
	aliases       []string
	iso3, role    string // national bodies: the state they act for, and in what role
}{
	// international courts whose names the name rules would cut short
	{name: "International Tribunal for the Law of the Sea", acronym: "ITLOS"},
	// armed and political movements
	{name: "Taliban", aliases: []string{"Taleban"}},
	{name: "Islamic State", acronym: "ISIS", aliases: []string{"ISIL", "Daesh", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant", "ISIS Caliphate"}},
	{name: "al-Qaeda", aliases: []string{"al-Qaida", "Al Qaeda", "Al Qaida", "Al-Qaeda", "Al-Qaida"}},
	{name: "Hezbollah", aliases: []string{"Hizbollah", "Hizballah"}},
	{name: "Hamas"},
	{name: "Islamic Jihad", aliases: []string{"Palestinian Islamic Jihad"}},
	{name: "Houthi movement", aliases: []string{"Houthis", "Houthi rebels", "Ansar Allah", "Houthi"}},
	{name: "Boko Haram"},
	{name: "al-Shabaab", aliases: []string{"al-Shabab", "Al-Shabaab", "Al Shabaab"}},
	{name: "Muslim Brotherhood"},
	{name: "Kurdistan Workers' Party", acronym: "PKK", aliases: []string{"Kurdistan Workers Party"}},
	{name: "People's Protection Units", acronym: "YPG"},
	{name: "Syrian Democratic Forces", acronym: "SDF"},
	{name: "Fatah"},
	{name: "FARC", aliases: []string{"Revolutionary Armed Forces of Colombia"}},
	// forums and blocs outside the seeded table
	{name: "Group of Seven", acronym: "G7", aliases: []string{"G-7"}},
	{name: "Group of Eight", acronym: "G8", aliases: []string{"G-8"}},
	{name: "Group of Twenty", acronym: "G20", aliases: []string{"G-20"}},
	{name: "Mercosur", aliases: []string{"Mercosul", "Southern Common Market"}},
	{name: "BRICS"},
	// national bodies that act for their state
	{name: "Islamic Revolutionary Guard Corps", acronym: "IRGC", aliases: []string{"Revolutionary Guards", "Revolutionary Guard", "Revolutionary Guard Corps"}, iso3: "IRN", role: "military"},
	{name: "Central Intelligence Agency", acronym: "CIA", iso3: "USA", role: "intelligence"},
	{name: "Federal Bureau of Investigation", acronym: "FBI", iso3: "USA", role: "police"},
	{name: "National Security Agency", acronym: "NSA", iso3: "USA", role: "intelligence"},
	{name: "United States Department of State", aliases: []string{"State Department", "US State Department", "U.S. State Department", "Department of State"}, iso3: "USA", role: "state department"},
	{name: "United States Department of Justice", aliases: []string{"Justice Department", "US Justice Department", "U.S. Justice Department", "Department of Justice"}, acronym: "DOJ", iso3: "USA", role: "justice department"},
	{name: "Securities and Exchange Commission", acronym: "SEC", iso3: "USA", role: "securities regulator"},
	{name: "Federal Trade Commission", acronym: "FTC", iso3: "USA", role: "trade regulator"},
	{name: "Commodity Futures Trading Commission", acronym: "CFTC", iso3: "USA", role: "commodities regulator"},
	{name: "Serious Fraud Office", acronym: "SFO", iso3: "GBR", role: "fraud prosecutor"},
	{name: "Federal Security Service", acronym: "FSB", iso3: "RUS", role: "intelligence"},
	{name: "KGB", iso3: "SUN", role: "intelligence"},
	{name: "Mossad", iso3: "ISR", role: "intelligence"},
	{name: "Secret Intelligence Service", acronym: "MI6", iso3: "GBR", role: "intelligence"},
	{name: "Security Service", acronym: "MI5", iso3: "GBR", role: "intelligence"},
	{name: "Inter-Services Intelligence", acronym: "ISI", iso3: "PAK", role: "intelligence"},
}

var loadGazetteer = sync.OnceValue(buildGazetteer)

func buildGazetteer() *gazetteer {
	g := &gazetteer{
		byFirst: make(map[string][]phrase),
		states:  make(map[string]*known),
		orgs:    make(map[string]*known),
	}
	for i := range stateTable {
		s := &stateTable[i]
		k := &known{kind: graphmodel.KindState, key: graphmodel.StateKey(s.ISO3), name: s.Name}
		g.states[k.key] = k
		g.add(s.Name, formName, k)
		for _, n := range s.Names {
			g.add(n, formName, k)
		}
		for _, n := range s.Demonyms {
			g.add(n, formDemonym, k)
		}
		for _, n := range s.Capitals {
			g.add(n, formCapital, k)
		}
	}
	for i := range orgTable {
		o := &orgTable[i]
		k := &known{kind: graphmodel.KindOrganization, key: graphmodel.OrgKey(o.Name), name: o.Name, acronym: o.Acronym}
		g.orgs[k.key] = k
		g.add(o.Name, formName, k)
		if o.Acronym != "" {
			g.add(o.Acronym, formAcronym, k)
		}
		for _, n := range o.Aliases {
			g.add(n, formName, k)
		}
	}
	for _, o := range knownGroups {
		k := &known{kind: graphmodel.KindOrganization, key: graphmodel.OrgKey(o.name), name: o.name, acronym: o.acronym, role: o.role}
		if o.iso3 != "" {
			k.state = graphmodel.StateKey(o.iso3)
		}
		g.add(o.name, formName, k)
		if o.acronym != "" {
			g.add(o.acronym, formAcronym, k)
		}
		for _, n := range o.aliases {
			g.add(n, formName, k)
		}
	}
	for _, m := range metonyms {
		k := &known{kind: graphmodel.KindOrganization, key: graphmodel.OrgKey(m.name), name: m.name,
			state: graphmodel.StateKey(m.iso3), role: m.role}
		g.add(m.name, formMetonym, k)
	}
	for _, a := range ambiguousForms {
		p := phrase{form: formAmbiguous}
		for _, t := range tokenize(a.surface) {
			p.words = append(p.words, t.lower)
			p.exact = append(p.exact, t.text)
		}
		for _, iso := range a.states {
			p.alts = append(p.alts, g.states[graphmodel.StateKey(iso)])
		}
		if a.fallback != "" {
			p.fallback = g.states[graphmodel.StateKey(a.fallback)]
		}
		p.ent = p.alts[0]
		// the ambiguous reading replaces any plain one of the same words
		ps := g.byFirst[p.words[0]][:0]
		for _, q := range g.byFirst[p.words[0]] {
			if !equalWords(q.words, p.words) {
				ps = append(ps, q)
			}
		}
		g.byFirst[p.words[0]] = append(ps, p)
	}
	for first, ps := range g.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		g.byFirst[first] = ps
	}
	return g
}

func (g *gazetteer) add(surface string, f form, k *known) {
	toks := tokenize(surface)
	if len(toks) == 0 {
		return
	}
	p := phrase{form: f, ent: k}
	for _, t := range toks {
		p.words = append(p.words, t.lower)
		p.exact = append(p.exact, t.text)
	}
	// Short all-capital forms ("US", "UN", "PRC") only match as written, so
	// that the pronoun "us" is never the United States.
	if f == formName && isAcronym(surface) {
		p.form = formAcronym
	}
	for _, q := range g.byFirst[p.words[0]] {
		if q.ent == k && equalWords(q.words, p.words) {
			return
		}
	}
	g.byFirst[p.words[0]] = append(g.byFirst[p.words[0]], p)
}

func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && letters <= 6
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// match returns the longest phrase that starts at toks[i]. Names must start
// with a capital letter ("Turkey", not "turkey"); acronyms must match their
// case exactly.
func (g *gazetteer) match(toks []token, i int) (phrase, bool) {
	if !toks[i].cap && !particleWord(toks[i]) {
		return phrase{}, false
	}
	for _, p := range g.byFirst[toks[i].lower] {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for j, w := range p.words {
			t := toks[i+j]
			if t.lower != w || (p.form == formAcronym && t.text != p.exact[j]) {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return phrase{}, false
}

// leaderStates maps the key of every known leader to the ISO3 code of the
// state they led.
var leaderStates = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(leaderTable))
	for _, l := range leaderTable {
		m[graphmodel.ActorKey(l.Name)] = l.ISO3
	}
	return m
})

// knownPersons holds the names of knownPersonList as their words joined by
// spaces, the form knownPerson looks them up in.
var knownPersons = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(knownPersonList))
	for _, n := range knownPersonList {
		m[n] = true
	}
	return m
})

// knownPerson reports whether name, written in full, is a person of the
// actor dictionary whose given name alone would not make it one.
func knownPerson(name string) bool {
	return knownPersons()[strings.Join(nameWords(name), " ")]
}

// leaderSurnames maps the surname of every known leader that no other known
// leader shares (folded, lower case) to the leader's fullest name. Variants
// of one name ("Recep Erdogan", "Recep Tayyip Erdogan") are one leader.
var leaderSurnames = sync.OnceValue(func() map[string]string {
	byLast := make(map[string][][]string)
	longest := make(map[string][]string)
	common := make(map[string]string) // the shortest form with two full words or more
	for _, l := range leaderTable {
		w := nameWords(l.Name)
		if len(w) < 2 {
			continue
		}
		last := w[len(w)-1]
		byLast[last] = append(byLast[last], w)
		if len(w) > len(longest[last]) || len(w) == len(longest[last]) && !hasInitial(w) {
			longest[last] = w // the fullest form, spelled out
		}
		if !hasInitial(w) && (common[last] == "" || len(w) < len(nameWords(common[last]))) {
			common[last] = l.Name
		}
	}
	names := make(map[string]string)
	for last, variants := range byLast {
		same := true
		for _, v := range variants {
			if !subsetWords(v, longest[last]) {
				same = false
			}
		}
		if same && common[last] != "" && len(last) >= 4 && !givenNames[last] && !capStop[last] && !titles[last] && !orgHeads[last] {
			names[last] = common[last]
		}
	}
	return names
})

// leaderSurnameState returns the ISO3 code of the state the leader named
// name led.
func leaderSurnameState(name string) string { return leaderStates()[graphmodel.ActorKey(name)] }

func hasInitial(words []string) bool {
	for _, w := range words {
		if len(w) == 1 {
			return true
		}
	}
	return false
}

// subsetWords reports whether every word of a is in b; an initial matches
// a word it begins.
func subsetWords(a, b []string) bool {
	for _, w := range a {
		found := false
		for _, x := range b {
			found = found || x == w || len(w) == 1 && strings.HasPrefix(x, w)
		}
		if !found {
			return false
		}
	}
	return true
}

// givenNames are the first names that mark a capitalised pair of words as a
// person's name: "Jane Roe".
var givenNames = func() map[string]bool {
	m := make(map[string]bool, len(givenNameList))
	for _, n := range givenNameList {
		m[n] = true
	}
	return m
}()

// ambiguousForms are names and demonyms shared by several states. The
// article's own explicit mentions decide; fallback is the usual reading.
var ambiguousForms = []struct {
	surface  string
	states   []string
	fallback string
}{
	{"Korean", []string{"PRK", "KOR"}, ""},
	{"Koreans", []string{"PRK", "KOR"}, ""},
	{"Korea", []string{"PRK", "KOR"}, ""},
	{"Congo", []string{"COD", "COG"}, "COD"},
	{"Congolese", []string{"COD", "COG"}, "COD"},
}

var georgiaKey = graphmodel.StateKey("GEO")

// usStateContext reports whether a sentence is about the United States'
// states or politics, where "Georgia" is the American state: another state
// named beside it, or party and office words of American politics.
func usStateContext(toks []token) bool {
	for i, t := range toks {
		if usStateWords[t.lower] && t.cap {
			return true
		}
		if i+1 < len(toks) && (t.lower == "north" || t.lower == "south") && (toks[i+1].lower == "carolina" || toks[i+1].lower == "dakota") {
			return true
		}
	}
	return false
}

var usStateWords = set("alabama", "alaska", "arizona", "arkansas", "california", "colorado",
	"connecticut", "delaware", "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
	"kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
	"mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon",
	"pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "wisconsin", "wyoming",
	"atlanta", "savannah", "republican", "republicans", "democrat", "democrats", "gop",
	"congressman", "congresswoman", "congressional", "statehouse")

// eras are the states that a modern state's forms meant before it took its
// present shape: "Moscow said" in 1985 is the Soviet Union. Only the forms
// listed move; dates are the historical state's first and last day.
var eras = []struct {
	modern, historical string
	from, to           string
	forms              []form
}{
	{"RUS", "SUN", "1922-12-30", "1991-12-25", []form{formCapital, formMetonym}},
	{"DEU", "BRD", "1949-05-23", "1990-10-02", []form{formName, formDemonym}},
	{"SRB", "YUG", "1918-12-01", "2003-02-03", []form{formCapital}},
	{"SRB", "SCG", "2003-02-04", "2006-06-04", []form{formCapital}},
	{"CZE", "CSK", "1918-10-28", "1992-12-31", []form{formCapital}},
}

// historical returns the state that the form of the state key meant on
// date, or nil when it means the state itself (or the date is unknown).
func (g *gazetteer) historical(key string, f form, date time.Time) *known {
	if date.IsZero() {
		return nil
	}
	day := date.Format("2006-01-02")
	for _, e := range eras {
		if graphmodel.StateKey(e.modern) != key || day < e.from || day > e.to {
			continue
		}
		for _, ef := range e.forms {
			if ef == f {
				return g.states[graphmodel.StateKey(e.historical)]
			}
		}
	}
	return nil
}
