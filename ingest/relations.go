package ingest

import (
	"strings"

	"github.com/newsgraph/kg/graphmodel"
)

// Pronouns that may stand for a state or an organization, and for a person.
var (
	groupPronouns  = set("it", "its", "they", "their", "them")
	personPronouns = set("he", "his", "him", "she", "her")
)

// resolvePronouns links each pronoun to the entity it most likely stands
// for: the nearest earlier entity of a fitting kind in the position of an
// acting subject, in the same sentence or the two before it. Unresolved
// pronouns stay unlinked; no claim is ever built on a guess across a
// paragraph.
func (d *doc) resolvePronouns() {
	for si, s := range d.sents {
		var added []mention
		for ti, t := range s.toks {
			person := personPronouns[t.lower]
			if !person && !groupPronouns[t.lower] {
				continue
			}
			if e := d.antecedent(si, ti, person, nil); e != nil {
				added = append(added, mention{start: ti, end: ti + 1, ent: e, pronoun: true})
			}
		}
		s.ms = mergeMentions(s.ms, added)
	}
}

// antecedent returns the entity a pronoun at sentence si, token ti refers
// to, skipping the entity skip.
func (d *doc) antecedent(si, ti int, person bool, skip *docEntity) *docEntity {
	return d.antecedentOf(si, ti, person, skip, false)
}

// antecedentOf is antecedent; prepositional lets a phrase after a
// preposition stand as the antecedent when no subject does.
func (d *doc) antecedentOf(si, ti int, person bool, skip *docEntity, prepositional bool) *docEntity {
	for back := 0; back <= 2 && si-back >= 0; back++ {
		s := d.sents[si-back]
		limit := len(s.toks)
		if back == 0 {
			limit = ti
		}
		var fallback *docEntity
		for k := len(s.ms) - 1; k >= 0; k-- {
			m := s.ms[k]
			if m.end > limit || m.ent == skip || (m.ent.kind == graphmodel.KindActor) != person || accuserOfNoun(s.toks, m) {
				continue
			}
			if isSubject(s.toks, m) {
				return m.ent
			}
			// a phrase after a preposition is no antecedent ("in Iran, it
			// said"), unless the subject was ruled out: "turned to X, asking
			// it" can only mean X
			if fallback == nil && (prepositional || !afterPreposition(s.toks, m.start)) {
				fallback = m.ent
			}
		}
		if fallback != nil {
			return fallback
		}
	}
	return nil
}

// accuserOfNoun reports whether a mention modifies an accusation or request
// noun ("the Estonian allegations that it ..."): the pronoun that follows in the
// noun's clause is the other party, never this one.
func accuserOfNoun(toks []token, m mention) bool {
	j := m.end
	if j < len(toks) && toks[j].text == "'s" {
		j++
	}
	return j < len(toks) && (accuseNouns[toks[j].lower] || requestNouns[toks[j].lower])
}

// resolveGovernments links "the government" with no state named to the
// state the article is about: the one it mentions most, when one clearly
// leads; when none does, to the state the sentence before has as its
// subject. "The central government", "the authorities" and "the regime"
// of a story about Afghanistan are Afghanistan's, even right after a
// sentence about the United States.
func (d *doc) resolveGovernments() {
	dominant := d.dominantState()
	for si, s := range d.sents {
		top := dominant
		if top == nil {
			top = d.topicState(si)
		}
		if top == nil {
			continue
		}
		var added []mention
		for i := 0; i+1 < len(s.toks); i++ {
			if s.toks[i].lower != "the" {
				continue
			}
			j := i + 1
			if governmentAdjs[s.toks[j].lower] && j+1 < len(s.toks) {
				j++
			}
			if !unnamedGovernments[s.toks[j].lower] || s.toks[j].cap {
				continue
			}
			if j+1 < len(s.toks) && s.toks[j+1].lower == "of" {
				continue // "the government of Iraq" names its state
			}
			added = append(added, mention{start: i + 1, end: j + 1, ent: top, pronoun: true})
		}
		s.ms = mergeMentions(s.ms, added)
	}
}

var (
	governmentAdjs     = set("central", "federal", "national")
	unnamedGovernments = set("government", "authorities", "regime")
)

func mergeMentions(ms, added []mention) []mention {
	if len(added) == 0 {
		return ms
	}
	out := make([]mention, 0, len(ms)+len(added))
	i, j := 0, 0
	for i < len(ms) || j < len(added) {
		if j == len(added) || (i < len(ms) && ms[i].start < added[j].start) {
			out = append(out, ms[i])
			i++
		} else {
			out = append(out, added[j])
			j++
		}
	}
	return out
}

// afterPreposition reports whether the phrase that starts at toks[i] sits
// after a preposition ("in the United Nations"), and so is no subject.
func afterPreposition(toks []token, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].lower == "the" || toks[j].lower == "a" || toks[j].lower == "an") {
		j--
	}
	return j >= 0 && prepositions[toks[j].lower]
}

// prepositionBefore returns the preposition before the phrase that starts
// at toks[i], or "".
func prepositionBefore(toks []token, i int) string {
	j := i - 1
	for j >= 0 && (toks[j].lower == "the" || toks[j].lower == "a" || toks[j].lower == "an") {
		j--
	}
	if j >= 0 && prepositions[toks[j].lower] {
		return toks[j].lower
	}
	return ""
}

// isSubject reports whether a mention stands where an acting subject
// stands: not after a preposition, and followed by what may be its verb
// (possibly after a role noun: "U.S. officials said").
func isSubject(toks []token, m mention) bool {
	if afterPreposition(toks, m.start) {
		return false
	}
	j := m.end
	for j < len(toks) && (govNouns[toks[j].lower] || toks[j].text == "'s") {
		j++
	}
	return j < len(toks) && toks[j].word && !toks[j].cap && !notVerbs[toks[j].lower]
}

// textParty is the party a claim found in an article's text names: the
// document entity, or the state a government body acts for, with the body's
// role. It is still being resolved (pronouns and descriptions are resolved
// again against the other party of their clause), so it points at a
// docEntity; an event's party, already resolved to the graph, is a party
// (event_actor.go). "Actor" is kept for people (graphmodel.KindActor).
type textParty struct {
	ent  *docEntity
	role string
	// pronoun is 1 + the token index of the pronoun that named the
	// party, 0 when none named it: a pronoun resolved to the other party
	// of its own clause is resolved again without it ("Japan accused it").
	pronoun int
	// of is the body a person is named as speaking or acting for ("Taliban
	// spokesman X"), or nil: X claiming an act for the Taliban accuses no one.
	of *docEntity
	// described is 1 + the token index of a description ("the kingdom")
	// that named the party as the state named last, 0 when none did: like
	// a pronoun, it is resolved again without the other party of its clause.
	described int
	// implicit is set for the state the article is about standing for a
	// government noun that names no state ("officials said").
	implicit bool
}

// claimParty maps a mention to the party of a claim. Government bodies and
// metonyms act for their state; a state followed by a role noun acts in that
// role ("U.S. officials").
func claimParty(toks []token, m mention) textParty {
	e := m.ent
	if e.state != nil {
		return textParty{ent: e.state, role: e.role}
	}
	// "the Obama administration", "Kim Jong Un's regime": the government
	// a leader heads acts for the leader's state. When the state is not
	// known the claim has no party, rather than a wrong one.
	if e.kind == graphmodel.KindActor {
		j := m.end
		if j < len(toks) && toks[j].text == "'s" {
			j++
		}
		if j < len(toks) && governmentOf[toks[j].lower] {
			if e.leads != nil {
				return textParty{ent: e.leads, role: toks[j].lower}
			}
			return textParty{}
		}
	}
	if e.kind == graphmodel.KindState && m.end < len(toks) && govNouns[toks[m.end].lower] {
		return textParty{ent: e, role: toks[m.end].lower}
	}
	return textParty{ent: e}
}

// governmentOf are the nouns that make a leader's name stand for the
// government: "the Obama administration".
var governmentOf = set("administration", "government", "regime", "cabinet")

// found is one relation found in one sentence.
type found struct {
	typ        graphmodel.RelType
	subj, obj  textParty
	subjAt     int // first token of the subject's mention, or -1: where coordinated subjects sit
	charge     string
	confidence float64
	hedged     bool
	evidence   string
}

// relations finds the claims of every sentence and folds them into one claim
// per (type, subject, object), keeping the strongest evidence.
func (d *doc) relations() []graphmodel.Claim {
	var cs claimSet
	for si, s := range d.sents {
		for ti := range s.toks {
			for _, f := range d.triggerAt(si, ti) {
				cs.add(f, s.text)
			}
		}
	}
	return cs.list()
}

func (f found) claim() graphmodel.Claim {
	c := graphmodel.Claim{
		Type: f.typ, Subject: f.subj.ent.key, Object: f.obj.ent.key,
		SubjectRole: graphmodel.Truncate(f.subj.role, graphmodel.MaxRoleBytes),
		ObjectRole:  graphmodel.Truncate(f.obj.role, graphmodel.MaxRoleBytes),
		Charge:      graphmodel.Truncate(f.charge, graphmodel.MaxChargeBytes),
		Confidence:  f.confidence,
		Modality:    graphmodel.Asserted,
		Evidence:    graphmodel.Truncate(f.evidence, graphmodel.MaxEvidenceBytes),
	}
	if f.hedged {
		c.Modality = graphmodel.Hedged
		c.Confidence *= 0.7
	}
	if f.typ.Symmetric() && c.Object < c.Subject {
		c.Subject, c.Object = c.Object, c.Subject
		c.SubjectRole, c.ObjectRole = c.ObjectRole, c.SubjectRole
	}
	return c
}

func joinCharges(a, b string) string {
	switch {
	case a == "" || strings.Contains(a, b):
		return a
	case b == "" || strings.Contains(b, a):
		return b
	}
	return graphmodel.Truncate(a+"; "+b, graphmodel.MaxChargeBytes)
}

// Trigger words.
var (
	requestVerbs = set("ask", "asks", "asked", "asking", "request", "requests", "requested",
		"requesting", "urge", "urges", "urged", "urging", "implore", "implored", "beseech",
		"plead", "pleaded", "pled", "petition", "petitioned")
	callVerbs    = set("call", "calls", "called", "calling", "appeal", "appeals", "appealed", "appealing", "turn", "turns", "turned", "turning")
	seekVerbs    = set("seek", "seeks", "sought", "seeking", "enlist", "enlists", "enlisted", "solicit", "solicited")
	requestNouns = set("request", "requests", "appeal", "appeals", "plea", "pleas", "call", "calls", "invitation")
	helpNouns    = set("help", "aid", "assistance", "support", "protection", "cooperation", "co-operation",
		"mediation", "backing", "intervention", "funds", "funding", "loan", "loans", "troops", "weapons",
		"arms", "relief", "rescue", "shelter", "asylum", "extradition", "intelligence")
	// A request that the object stop or undo a hostile act is a demand,
	// not a request for help.
	demandVerbs = set("stop", "end", "halt", "cease", "withdraw", "leave", "refrain", "quit",
		"abandon", "resign", "step", "pull", "stand", "back", "drop", "reverse", "desist", "surrender")

	// stateVerbs after "asked X to" ask for an attitude, not an action:
	// "asking Cengiz to be patient".
	stateVerbs = set("be", "remain", "stay", "keep", "calm", "feel", "understand", "accept", "forgive")

	accuseVerbs = set("accuse", "accuses", "accused", "accusing")
	blameVerbs  = set("blame", "blames", "blamed", "blaming")
	chargeVerbs = set("charge", "charges", "charged", "charging")
	suitVerbs   = set("indict", "indicts", "indicted", "indicting", "sue", "sues", "sued", "suing", "convict", "convicted", "prosecute", "prosecuted",
		"impeach", "impeaches", "impeached", "impeaching")
	condemnVerbs = set("denounce", "denounces", "denounced", "denouncing", "condemn", "condemns", "condemned", "condemning", "criticize", "criticized", "criticised")
	allegeVerbs  = set("allege", "alleges", "alleged", "alleging", "claim", "claims", "claimed", "claiming", "say", "says", "said", "saying")
	// attackVerbs criticise an act when their object is one: "attacked the
	// proclamation ... by Donald Trump". On their own they are violence.
	attackVerbs = set("attack", "attacks", "attacked", "attacking", "slam", "slams", "slammed", "blast", "blasts", "blasted",
		"decry", "decries", "decried", "deplore", "deplores", "deplored", "lambast", "lambasted", "rebuke", "rebuked", "rebuking")
	// citeVerbs point at a harmful act as a reason: "cited the Cuban
	// government's repression of the Cuban people".
	citeVerbs = set("cite", "cites", "cited", "citing")
	// labelVerbs name their object as a wrongdoer: "named the PKK and the
	// YPG as terrorists", "called Trump's conduct a breach of ...".
	labelVerbs = set("name", "names", "named", "label", "labels", "labelled", "labeled", "brand", "brands", "branded",
		"designate", "designates", "designated", "dub", "dubbed", "term", "termed", "declare", "declared", "describe", "describes", "described")
	wrongNouns = set("terrorist", "terrorists", "terrorism", "criminal", "criminals", "murderer", "murderers",
		"killer", "killers", "aggressor", "aggressors", "occupier", "occupiers", "invader", "invaders",
		"traitor", "traitors", "thief", "thieves", "liar", "liars", "lie", "lies", "breach", "violation",
		"violations", "crime", "crimes", "abuse", "betrayal", "aggression", "genocide", "fraud", "extremists",
		"extremist", "massacre", "atrocity", "atrocities")
	// involvementNouns after a party make an allegation about its act:
	// "alleged Syrian involvement".
	involvementNouns = set("involvement", "role", "responsibility", "complicity", "interference", "meddling",
		"hand", "backing", "support", "culpability", "guilt", "participation")
	// actNouns are what a party does that others criticise: "Trump's
	// decision", "the proclamation ... by Donald Trump".
	actNouns = set("decision", "decisions", "move", "moves", "plan", "plans", "policy", "policies", "proclamation",
		"announcement", "remarks", "statement", "statements", "conduct", "actions", "action", "behavior",
		"behaviour", "invasion", "offensive", "operation", "attack", "attacks", "comments", "handling",
		"treatment", "crackdown", "annexation", "occupation", "withdrawal", "strikes", "strike", "bombing",
		"incursion", "recognition", "ban", "sanctions", "blockade", "seizure", "detention", "arrest",
		"execution", "killing", "murder", "response", "refusal", "order", "orders", "rhetoric", "threats")
	// filingVerbs bring an accusation noun: "unsealed charges against him".
	filingVerbs = set("filed", "files", "file", "brought", "brings", "bring", "unsealed", "unseals", "pressed",
		"presses", "laid", "lodged", "lodges", "levelled", "leveled", "levels", "made", "makes", "announced",
		"issued", "issues")
	accuseNouns = set("accusation", "accusations", "allegation", "allegations", "charges", "indictment", "indictments", "lawsuit", "complaint", "complaints", "claims")

	allyWords   = set("ally", "allies", "allied", "alliance", "alliances")
	allyAdjs    = set("close", "closest", "key", "longtime", "long-time", "staunch", "main", "traditional", "strategic", "treaty", "major", "military", "regional", "important", "old", "oldest", "loyal", "firm", "steadfast", "chief")
	negations   = set("not", "never", "n't", "no", "denied", "denies", "deny", "denying", "without")
	hedges      = set("reportedly", "allegedly", "may", "might", "could", "possibly", "apparently", "perhaps", "likely", "suspected", "believed", "rumored", "rumoured")
	auxiliaries = set("has", "have", "had", "was", "were", "is", "are", "been", "being", "be", "will", "would", "also", "again", "publicly", "formally", "repeatedly", "previously", "recently", "then", "now", "had", "did", "does", "do", "officially", "strongly", "on", "last", "this", "week", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "later", "earlier", "once", "twice", "already", "even", "openly", "directly", "reportedly", "allegedly")
)

// triggerAt returns the relations a trigger word at sentence si, token ti
// asserts.
func (d *doc) triggerAt(si, ti int) []found {
	s := d.sents[si]
	toks := s.toks
	w := toks[ti].lower
	var fs []found
	add := func(f found, ok bool) {
		if ok {
			fs = append(fs, f)
		}
	}
	switch {
	case requestVerbs[w], callVerbs[w], seekVerbs[w]:
		f, ok := d.request(s, ti)
		switch {
		case !ok && callVerbs[w]:
			fs = d.labelAs(s, ti) // "Pelosi called Trump's conduct a breach of ..."
			if len(fs) > 0 {
				break
			}
			fallthrough
		case !ok && requestNouns[w]:
			f, ok = d.requestNoun(s, ti) // "at the Peruvian government's request"
		}
		add(f, ok)
	case requestNouns[w]:
		add(d.requestNoun(s, ti))
	case accuseVerbs[w], blameVerbs[w], chargeVerbs[w], suitVerbs[w], condemnVerbs[w]:
		d.extra = d.extra[:0]
		f, ok := d.accuse(s, ti)
		if ok {
			fs = append(fs, d.extra...) // the other agents of a passive
		}
		if !ok && condemnVerbs[w] {
			f, ok = d.criticizeAct(s, ti)
		}
		if !ok && accuseNouns[w] {
			f, ok = d.accuseNoun(s, ti) // "filed new charges against him"
		}
		add(f, ok)
	case attackVerbs[w], citeVerbs[w]:
		add(d.criticizeAct(s, ti))
	case labelVerbs[w]:
		fs = d.labelAs(s, ti)
	case allegeVerbs[w]:
		add(d.allege(s, ti))
	case accuseNouns[w]:
		add(d.accuseNoun(s, ti))
	case allyWords[w]:
		add(d.ally(si, ti))
	default:
		return nil
	}
	// A denial before an accusation noun is the accused speaking ("Iran
	// denied the US allegations that ..."): the accuser's allegation
	// stands. Before a verb it takes the claim back ("denied accusing").
	if len(fs) == 0 || negated(toks, ti, accuseNouns[w] || requestNouns[w]) {
		return nil
	}
	hedge := hedged(toks, ti)
	// "Both Chile and Peru have alleged ...": every
	// coordinated subject asserts the relation.
	n := len(fs)
	for i := 0; i < n; i++ {
		fs[i].hedged = hedge
		if fs[i].subjAt <= 0 {
			continue
		}
		for _, m := range coordinatedBefore(s, fs[i].subjAt) {
			g := fs[i]
			g.subj = claimParty(toks, m)
			fs = append(fs, g)
		}
	}
	return fs
}

// coordinatedBefore returns the mentions joined to the one starting at
// token i by "and" or commas: "Saudi Arabia and [the United States]",
// "France, Germany and [Italy]".
func coordinatedBefore(s *sentence, i int) []mention {
	var out []mention
	for len(out) < 8 {
		j := i - 1
		if j >= 0 && (s.toks[j].lower == "the") {
			j--
		}
		if j < 1 || !(s.toks[j].lower == "and" || s.toks[j].text == ",") {
			return out
		}
		if s.toks[j].lower == "and" && j >= 1 && s.toks[j-1].text == "," {
			j--
		}
		m, ok := mentionEndingAt(s, j)
		if !ok || m.ent.kind == graphmodel.KindActor && j < i-2 && s.toks[j].text == "," {
			return out
		}
		out = append(out, m)
		i = m.start
	}
	return out
}

// coordinatedAfter returns the mention at token i and those joined to it by
// "and" or commas, skipping an acronym in brackets after each: "both the
// Kurdistan Workers' Party (PKK) and People's Protection Units (YPG)".
func coordinatedAfter(s *sentence, i int) []mention {
	toks := s.toks
	if i < len(toks) && (toks[i].lower == "both" || toks[i].lower == "either") {
		i++
	}
	var out []mention
	for len(out) < 8 {
		m, ok := mentionAt(s, i)
		if !ok {
			return out
		}
		out = append(out, m)
		j := m.end
		if j+2 < len(toks) && toks[j].text == "(" && toks[j+2].text == ")" {
			j += 3
		}
		if j < len(toks) && toks[j].text == "," {
			j++
		}
		if j < len(toks) && (toks[j].lower == "and" || toks[j].lower == "or") {
			j++
		}
		if j == m.end {
			return out
		}
		i = j
	}
	return out
}

// agentOf finds who acts through the verb at ti: its subject right before
// it; for a participle, the noun it follows ("officials asking ...") or the
// subject of its clause ("Pompeo posted a message blaming ..."); for a verb
// after "and", the subject of the first verb ("He named it ... and named
// ..."). It returns the token where the subject's mention starts.
func agentOf(s *sentence, ti int) (textParty, int, bool) {
	if m, ok := subjectMention(s, ti); ok {
		return claimParty(s.toks, m), m.start, true
	}
	toks := s.toks
	participle := strings.HasSuffix(toks[ti].lower, "ing")
	if participle {
		// "officials asking ...", "the calls by officials asking ...",
		// but not "wrote to the embassy asking ...": that is its addressee.
		if m, ok := mentionEndingAt(s, ti); ok && (!afterPreposition(toks, m.start) || prepositionBefore(toks, m.start) == "by") {
			return claimParty(toks, m), m.start, true
		}
	}
	if participle || (ti > 0 && toks[ti-1].lower == "and") || (ti > 1 && toks[ti-1].lower == "also" && toks[ti-2].lower == "and") {
		if m, ok := clauseSubject(s, ti); ok {
			return claimParty(toks, m), m.start, true
		}
	}
	return textParty{}, -1, false
}

// clauseSubject returns the last mention before token ti that stands as an
// acting subject, not inside a quotation.
func clauseSubject(s *sentence, ti int) (mention, bool) {
	var best mention
	ok := false
	for _, m := range s.ms {
		if m.end > ti {
			break
		}
		if isSubject(s.toks, m) {
			best, ok = m, true
		}
	}
	return best, ok
}

func negated(toks []token, ti int, noun bool) bool {
	for j := ti - 1; j >= 0 && j >= ti-3; j-- {
		if l := toks[j].lower; negations[l] && !(noun && denials[l]) {
			return true
		}
	}
	return false
}

// denials negate a verb of accusing ("denied accusing"), not an accusation
// noun that names its accuser ("denied the US allegations").
var denials = set("denied", "denies", "deny", "denying")

func hedged(toks []token, ti int) bool {
	for j := ti - 1; j >= 0 && j >= ti-4; j-- {
		if hedges[toks[j].lower] {
			return true
		}
	}
	return false
}

// mentionAt returns the mention that starts at token i, skipping articles
// and ally adjectives.
func mentionAt(s *sentence, i int) (mention, bool) {
	for i < len(s.toks) && (s.toks[i].lower == "the" || s.toks[i].lower == "a" || s.toks[i].lower == "an") {
		i++
	}
	// Titles before a name are not part of its mention: "asked Queen
	// Elizabeth II", "censured President Jane Roe".
	for steps := 0; steps < 6 && i < len(s.toks); steps++ {
		for _, m := range s.ms {
			if m.start == i {
				return m, true
			}
			if m.start > i {
				break
			}
		}
		if groupNouns[s.toks[i].lower] && i+1 < len(s.toks) && s.toks[i+1].lower == "of" {
			i++ // "members of the African Union"
		} else if !titles[s.toks[i].lower] {
			break
		}
		i++
	}
	return mention{}, false
}

// mentionEndingAt returns the mention that ends at token i (exclusive),
// looking through a possessive "'s" and role nouns: the "U.S." of "the U.S.
// allegations" and of "the U.S. government's allegations".
func mentionEndingAt(s *sentence, i int) (mention, bool) {
	for i > 0 && (s.toks[i-1].text == "'s" || govNouns[s.toks[i-1].lower]) {
		i--
	}
	for k := len(s.ms) - 1; k >= 0; k-- {
		if s.ms[k].end == i {
			return s.ms[k], true
		}
	}
	return mention{}, false
}

// subjectMention finds the acting subject of a verb at token ti: the
// nearest earlier mention that is not inside a prepositional phrase, with
// only auxiliaries, adverbs, role nouns or a relative "who" between them; or
// the last name of an apposition that lists the subject's members ("his
// critics, which include Greenpeace, blame ...").
func subjectMention(s *sentence, ti int) (mention, bool) {
	j := ti - 1
	for j >= 0 && (auxiliaries[s.toks[j].lower] || hedges[s.toks[j].lower]) {
		j--
	}
	if j >= 1 && (s.toks[j].lower == "who" || s.toks[j].lower == "which") && s.toks[j-1].text == "," {
		j -= 2
	}
	if j >= 1 && s.toks[j].text == "," {
		if m, ok := mentionEndingAt(s, j); ok {
			// an apposition: "An Afghan official, Ahmad Khan, alleged"
			if m.start > 0 && s.toks[m.start-1].text == "," {
				return m, true
			}
			for k := m.start - 1; k >= 0 && k >= m.start-12; k-- {
				if l := s.toks[k].lower; l == "include" || l == "includes" || l == "including" || l == "among" {
					return m, true
				}
			}
		}
		return mention{}, false
	}
	m, ok := mentionEndingAt(s, j+1)
	if !ok || afterPreposition(s.toks, m.start) {
		return mention{}, false
	}
	return m, true
}

// subjectBefore is subjectMention as the party of a claim.
func subjectBefore(s *sentence, ti int) (textParty, bool) {
	m, ok := subjectMention(s, ti)
	if !ok {
		return textParty{}, false
	}
	return claimParty(s.toks, m), true
}

func (d *doc) request(s *sentence, ti int) (found, bool) {
	toks := s.toks
	w := toks[ti].lower
	f := found{typ: graphmodel.RequestedHelpFrom, confidence: 0.9}
	subj, at, ok := agentOf(s, ti)
	if !ok {
		return f, false
	}
	f.subj, f.subjAt = subj, at
	next := ti + 1
	switch {
	case callVerbs[w]:
		// "called on X to", "appealed to X for", "turned to X for help"
		if next >= len(toks) || !(toks[next].lower == "on" || toks[next].lower == "upon" || toks[next].lower == "to") {
			return f, false
		}
		m, ok := mentionAt(s, next+1)
		if !ok || !askContinues(toks, m.end) {
			return f, false
		}
		f.obj = claimParty(toks, m)
		return f, true
	case seekVerbs[w]:
		// "seeks China's help", "sought protection from the U.S."
		if m, ok := mentionAt(s, next); ok && m.end+1 < len(toks) && toks[m.end].text == "'s" && helpNouns[toks[m.end+1].lower] {
			f.obj = claimParty(toks, m)
			return f, true
		}
		for j := next; j < len(toks) && j < next+10; j++ {
			if helpNouns[toks[j].lower] {
				for k := j + 1; k < len(toks) && k < j+8; k++ {
					if toks[k].lower == "from" {
						if m, ok := mentionAt(s, k+1); ok {
							f.obj = claimParty(toks, m)
							return f, true
						}
					}
					if toks[k].text == "," || toks[k].text == "." {
						break
					}
				}
				return f, false
			}
		}
		return f, false
	default:
		// "asked Chile for help", "urged Peru to lift the ban"
		m, ok := mentionAt(s, next)
		if ok && askContinues(toks, m.end) {
			f.obj = claimParty(toks, m)
			return f, true
		}
		if !strings.HasSuffix(w, "ing") || ok {
			return f, false
		}
		// "wrote to the US Embassy asking to waive her immunity"
		if o, ok := mentionEndingAt(s, ti); ok && o.start > 0 && (toks[o.start-1].lower == "to" || (o.start > 1 && toks[o.start-1].lower == "the" && toks[o.start-2].lower == "to")) {
			f.obj = claimParty(toks, o)
			return f, true
		}
		// "sent a note requesting the files to the minister": the
		// first "to" after the request names its addressee, or nothing.
		for k := next; k < len(toks) && k < next+10; k++ {
			if !toks[k].word {
				break
			}
			if toks[k].lower == "to" {
				if o, ok := mentionAt(s, k+1); ok {
					f.obj = claimParty(toks, o)
					f.confidence = 0.7
					return f, true
				}
				break
			}
		}
		return f, false
	}
}

// askContinues reports whether the words after the object of an asking verb
// make it a request for help or action: "for help", "to block ...", but not
// "to stop ...".
func askContinues(toks []token, i int) bool {
	for i < len(toks) && (toks[i].text == "'s" || govNouns[toks[i].lower]) {
		i++
	}
	if i >= len(toks) {
		return false
	}
	switch toks[i].lower {
	case "for":
		return true
	case "to":
		return i+1 < len(toks) && !demandVerbs[toks[i+1].lower] && !stateVerbs[toks[i+1].lower] && toks[i+1].lower != "not"
	}
	return false
}

// requestNoun reads "the French request to the Chileans", "China's appeal to
// Russia for ...", "a request for help from China" with a subject right
// before the noun.
func (d *doc) requestNoun(s *sentence, ti int) (found, bool) {
	toks := s.toks
	f := found{typ: graphmodel.RequestedHelpFrom, confidence: 0.8}
	// "at the request of X", "at the invitation of X": X asked the
	// subject of the clause.
	if ti > 0 && toks[ti-1].lower == "the" && ti > 1 && toks[ti-2].lower == "at" && ti+1 < len(toks) && toks[ti+1].lower == "of" {
		if m, ok := mentionAt(s, ti+2); ok {
			if o, ok := clauseSubject(s, ti-2); ok && o.ent != m.ent {
				f.subj, f.obj, f.subjAt = claimParty(toks, m), claimParty(toks, o), m.start
				return f, true
			}
		}
		return f, false
	}
	m, ok := mentionEndingAt(s, ti)
	if !ok {
		return f, false
	}
	f.subj = claimParty(toks, m)
	// "at the Peruvian government's request"
	if b := m.start - 1; b >= 0 && (toks[b].lower == "at" || (toks[b].lower == "the" && b > 0 && toks[b-1].lower == "at")) {
		if o, ok := clauseSubject(s, b); ok && o.ent != m.ent {
			f.obj = claimParty(toks, o)
			return f, true
		}
		return f, false
	}
	j := ti + 1
	if j < len(toks) && (toks[j].lower == "to" || toks[j].lower == "on") {
		if o, ok := mentionAt(s, j+1); ok {
			f.obj = claimParty(toks, o)
			return f, true
		}
		return f, false
	}
	if j+2 < len(toks) && toks[j].lower == "for" && helpNouns[toks[j+1].lower] && toks[j+2].lower == "from" {
		if o, ok := mentionAt(s, j+3); ok {
			f.obj = claimParty(toks, o)
			return f, true
		}
	}
	return f, false
}

func (d *doc) accuse(s *sentence, ti int) (found, bool) {
	toks := s.toks
	w := toks[ti].lower
	f := found{typ: graphmodel.AccusedOf, confidence: 0.9}
	if ti > 0 && toks[ti-1].lower == "in" && chargeVerbs[w] { // "in charge of"
		return f, false
	}
	// Passive with an agent: "X was accused by Y of ...".
	if ti+1 < len(toks) && toks[ti+1].lower == "by" && isPassive(toks, ti) {
		obj, ok := subjectBefore(s, ti)
		m, ok2 := mentionAt(s, ti+2)
		if !ok && ok2 && condemnVerbs[w] {
			// "The operation was condemned by the EU": the accused is the
			// author of the operation, named in an earlier sentence.
			obj, ok = d.actAuthor(s, ti)
		}
		if !ok || !ok2 {
			return f, false
		}
		f.subj, f.obj, f.subjAt = claimParty(toks, m), obj, m.start
		agents := coordinatedAfter(s, ti+2) // "condemned by France and Germany"
		last := agents[len(agents)-1].end
		if last < len(toks) && (toks[last].lower == "of" || toks[last].lower == "for" || toks[last].lower == "over") {
			f.charge = chargeAfter(toks, last)
		} else if j := actNounBefore(toks, ti); j >= 0 {
			f.charge = toks[j].lower // "the invasion was condemned"
		}
		if len(agents) > 1 {
			d.extra = d.extra[:0]
			for _, a := range agents[1:] {
				g := f
				g.subj = claimParty(toks, a)
				d.extra = append(d.extra, g)
			}
		}
		return f, true
	}
	if isPassive(toks, ti) {
		return f, false // no accuser named
	}
	subj, at, ok := agentOf(s, ti)
	if !ok {
		return f, false
	}
	f.subjAt = at
	m, ok := mentionAt(s, ti+1)
	if !ok {
		// "blamed the attack on Iran"
		if blameVerbs[w] {
			for k := ti + 1; k < len(toks) && k < ti+12; k++ {
				if toks[k].lower == "on" {
					if o, ok := mentionAt(s, k+1); ok {
						f.subj, f.obj = subj, claimParty(toks, o)
						f.charge = cleanCharge(toks[ti+1 : k])
						return f, true
					}
				}
				if toks[k].text == "," || toks[k].text == "." {
					break
				}
			}
		}
		return f, false
	}
	f.subj, f.obj = subj, claimParty(toks, m)
	after := m.end
	for after < len(toks) && (toks[after].text == "'s" || govNouns[toks[after].lower]) {
		after++
	}
	switch {
	case accuseVerbs[w]:
		if after >= len(toks) || toks[after].lower != "of" {
			return f, false
		}
	case chargeVerbs[w]:
		if after >= len(toks) || toks[after].lower != "with" {
			return f, false
		}
	case condemnVerbs[w]:
		if after >= len(toks) || (toks[after].lower != "for" && toks[after].lower != "over") {
			return f, false
		}
		f.confidence = 0.75
	}
	f.charge = chargeAfter(toks, after)
	return f, true
}

func isPassive(toks []token, ti int) bool {
	j := ti - 1
	for j >= 0 && hedges[toks[j].lower] {
		j--
	}
	if j < 0 {
		return false
	}
	switch toks[j].lower {
	case "was", "were", "been", "being", "is", "are", "be", "get", "got":
		return true
	}
	return false
}

// accuseNoun reads "the French allegations that it was behind the raid",
// "Iran's accusations against Saudi Arabia".
func (d *doc) accuseNoun(s *sentence, ti int) (found, bool) {
	toks := s.toks
	f := found{typ: graphmodel.AccusedOf, confidence: 0.8}
	m, ok := mentionEndingAt(s, ti)
	if ok {
		f.subj, f.subjAt = claimParty(toks, m), m.start
	} else {
		// "the Department of Justice unsealed further charges against
		// him": the subject of the verb that brings the accusation.
		v := ti - 1
		for v > 0 && v >= ti-3 && toks[v].word && !filingVerbs[toks[v].lower] {
			v--
		}
		if v < 0 || !filingVerbs[toks[v].lower] {
			return f, false
		}
		subj, at, ok := agentOf(s, v)
		if !ok {
			return f, false
		}
		f.subj, f.subjAt = subj, at
	}
	j := ti + 1
	if j >= len(toks) {
		return f, false
	}
	switch toks[j].lower {
	case "against":
		if o, ok := mentionAt(s, j+1); ok {
			f.obj = claimParty(toks, o)
			f.charge = chargeAfter(toks, o.end)
			return f, true
		}
	case "that":
		if o, ok := mentionAt(s, j+1); ok {
			f.obj = claimParty(toks, o)
			f.charge = chargeAfterClause(toks, o.end)
			return f, true
		}
	}
	return f, false
}

// chargeAfter reads the act after "of", "for", "with", "over" or "on
// charges of": "of smuggling weapons".
func chargeAfter(toks []token, i int) string {
	for i < len(toks) && (toks[i].text == "'s" || govNouns[toks[i].lower]) {
		i++
	}
	for i < len(toks) {
		switch toks[i].lower {
		case "of", "for", "with", "over", "on", "charges", "charge", "counts":
			i++
			continue
		}
		break
	}
	return cleanCharge(clauseFrom(toks, i))
}

// chargeAfterClause reads the act of "that X was behind the attack on Sony".
func chargeAfterClause(toks []token, i int) string {
	for i < len(toks) && (auxiliaries[toks[i].lower] || toks[i].lower == "behind" || toks[i].lower == "responsible" || toks[i].lower == "for") {
		i++
	}
	return cleanCharge(clauseFrom(toks, i))
}

// clauseFrom returns the words from i to the end of the clause, at most 12.
func clauseFrom(toks []token, i int) []token {
	j := i
	for j < len(toks) && j < i+12 {
		t := toks[j]
		if !t.word && t.text != "-" {
			break
		}
		if j > i && (t.lower == "and" || t.lower == "but" || t.lower == "which" || t.lower == "after" || t.lower == "because" || t.lower == "while") {
			break
		}
		j++
	}
	return toks[i:j]
}

func cleanCharge(toks []token) string {
	for len(toks) > 0 && (toks[0].lower == "the" || toks[0].lower == "a" || toks[0].lower == "an") {
		toks = toks[1:]
	}
	return joinTokens(toks)
}

// ally reads the forms of alliance: "the Chileans, their allies",
// "X's ally Y", "U.S. ally Japan", "Y, an ally of X", "X is allied with Y",
// "an alliance between X and Y".
func (d *doc) ally(si, ti int) (found, bool) {
	s := d.sents[si]
	toks := s.toks
	f := found{typ: graphmodel.AllyOf, confidence: 0.85}
	w := toks[ti].lower
	// "France has been urging allies such as Chile": the allies of
	// the clause's subject.
	if w == "allies" && ti+2 < len(toks) && ((toks[ti+1].lower == "such" && toks[ti+2].lower == "as") || toks[ti+1].lower == "including" || toks[ti+1].lower == "like") {
		k := ti + 2
		if toks[ti+1].lower == "such" {
			k = ti + 3
		}
		owner, ok := clauseSubject(s, ti)
		members := coordinatedAfter(s, k)
		if !ok || len(members) == 0 {
			return f, false
		}
		f.subj, f.obj = claimParty(toks, owner), claimParty(toks, members[0])
		return f, true
	}
	// "X, their allies" / "X and its ally Y"
	if ti >= 1 && (toks[ti-1].lower == "their" || toks[ti-1].lower == "its" || toks[ti-1].lower == "his" || toks[ti-1].lower == "her") {
		j := ti - 2
		var member mention
		var ok bool
		if j >= 0 && toks[j].text == "," {
			member, ok = mentionEndingAt(s, j)
		} else if j >= 0 && toks[j].lower == "and" {
			// "X and its ally Y": the possessor is X, the ally comes after
			owner, ok1 := mentionEndingAt(s, j)
			m, ok2 := mentionAt(s, ti+1)
			if ok1 && ok2 {
				f.subj, f.obj = claimParty(toks, owner), claimParty(toks, m)
				return f, true
			}
			return f, false
		} else if m, ok2 := mentionAt(s, ti+1); ok2 {
			member, ok = m, true // "their ally Russia"
		}
		if !ok {
			return f, false
		}
		person := toks[ti-1].lower == "his" || toks[ti-1].lower == "her"
		owner := d.antecedent(si, member.start, person, member.ent)
		if owner == nil {
			return f, false
		}
		f.subj, f.obj = textParty{ent: owner}, claimParty(toks, member)
		f.confidence = 0.75
		return f, true
	}
	switch w {
	case "ally", "allies":
		// "Y, an ally of X" / "Y is a close ally of X"
		if ti+1 < len(toks) && toks[ti+1].lower == "of" {
			owner, ok := mentionAt(s, ti+2)
			if !ok {
				return f, false
			}
			j := ti - 1
			for j >= 0 && (allyAdjs[toks[j].lower] || toks[j].lower == "a" || toks[j].lower == "an" || toks[j].lower == "the") {
				j--
			}
			if j >= 0 && (toks[j].text == "," || toks[j].lower == "is" || toks[j].lower == "are" || toks[j].lower == "remains" || toks[j].lower == "was" || toks[j].lower == "as") {
				if member, ok := mentionEndingAt(s, j); ok {
					f.subj, f.obj = claimParty(toks, member), claimParty(toks, owner)
					return f, true
				}
			}
			return f, false
		}
		j := ti - 1
		for j >= 0 && allyAdjs[toks[j].lower] {
			j--
		}
		if j >= 0 && pairVerbs[toks[j].lower] {
			return d.pairBefore(s, j, f) // "X and Y are close allies"
		}
		// "X's ally Y", "U.S. ally Japan", "X's closest ally, Y"
		owner, ok := mentionEndingAt(s, j+1)
		if !ok {
			return f, false
		}
		k := ti + 1
		if k < len(toks) && toks[k].text == "," {
			k++
		}
		member, ok := mentionAt(s, k)
		if !ok {
			// "Kuwait, a staunch U.S. ally, ...": the apposition's noun
			b := owner.start - 1
			for b >= 0 && (allyAdjs[toks[b].lower] || toks[b].lower == "a" || toks[b].lower == "an" || toks[b].lower == "the") {
				b--
			}
			if b >= 1 && toks[b].text == "," {
				if m, ok := mentionEndingAt(s, b); ok && m.ent != owner.ent {
					f.subj, f.obj = claimParty(toks, m), claimParty(toks, owner)
					return f, true
				}
			}
			return f, false
		}
		f.subj, f.obj = claimParty(toks, owner), claimParty(toks, member)
		return f, true
	case "allied":
		if ti+1 < len(toks) && toks[ti+1].lower == "with" {
			subj, ok := subjectBefore(s, ti)
			obj, ok2 := mentionAt(s, ti+2)
			if ok && ok2 {
				f.subj, f.obj = subj, claimParty(toks, obj)
				return f, true
			}
		}
	case "alliance":
		// "an alliance between X and Y", "alliance with X"
		if ti+1 < len(toks) && (toks[ti+1].lower == "between" || toks[ti+1].lower == "of") {
			a, ok := mentionAt(s, ti+2)
			if ok && a.end < len(toks) && toks[a.end].lower == "and" {
				if b, ok := mentionAt(s, a.end+1); ok {
					f.subj, f.obj = claimParty(toks, a), claimParty(toks, b)
					return f, true
				}
			}
		}
		if ti+1 < len(toks) && toks[ti+1].lower == "with" {
			if subj, ok := subjectBefore(s, ti-1); ok {
				if obj, ok := mentionAt(s, ti+2); ok {
					f.subj, f.obj = subj, claimParty(toks, obj)
					return f, true
				}
			}
		}
	}
	return f, false
}

var pairVerbs = set("are", "were", "remain", "remained", "became", "become", "being")

// pairBefore reads "X and Y are (close) allies", where the verb is at v.
func (d *doc) pairBefore(s *sentence, v int, f found) (found, bool) {
	toks := s.toks
	b, ok := mentionEndingAt(s, v)
	if !ok || b.start < 1 || toks[b.start-1].lower != "and" {
		return f, false
	}
	a, ok := mentionEndingAt(s, b.start-1)
	if !ok {
		return f, false
	}
	f.subj, f.obj = claimParty(toks, a), claimParty(toks, b)
	return f, true
}

// labelAs reads an accusation by naming: "named both the Kurdistan
// Workers' Party (PKK) and People's Protection Units (YPG) as terrorists",
// "branded Iran a state sponsor of terrorism", "called Trump's conduct a
// breach of his Constitutional responsibilities".
func (d *doc) labelAs(s *sentence, ti int) []found {
	toks := s.toks
	if isPassive(toks, ti) {
		return nil
	}
	subj, at, ok := agentOf(s, ti)
	if !ok {
		return nil
	}
	objs := coordinatedAfter(s, ti+1)
	if len(objs) == 0 {
		return nil
	}
	j := objs[len(objs)-1].end
	if j+2 < len(toks) && toks[j].text == "(" && toks[j+2].text == ")" {
		j += 3
	}
	// "Roe's conduct": the party's act is what is named.
	if j < len(toks) && toks[j].text == "'s" {
		j++
		for k := 0; k < 3 && j < len(toks) && toks[j].word && !toks[j].cap && actNouns[toks[j].lower]; k++ {
			j++
		}
	}
	if j < len(toks) && toks[j].lower == "as" {
		j++
	}
	for j < len(toks) && (toks[j].lower == "a" || toks[j].lower == "an" || toks[j].lower == "the" || toks[j].text == `"` || toks[j].text == "'") {
		j++
	}
	// the wrongdoing noun, possibly after one or two adjectives
	k := j
	for k < len(toks) && k < j+3 && toks[k].word && !wrongNouns[toks[k].lower] {
		k++
	}
	if k >= len(toks) || !wrongNouns[toks[k].lower] {
		return nil
	}
	charge := cleanCharge(clauseFrom(toks, j))
	var out []found
	for _, o := range objs {
		out = append(out, found{typ: graphmodel.AccusedOf, subj: subj, subjAt: at, obj: claimParty(toks, o),
			charge: charge, confidence: 0.75})
	}
	return out
}

// criticizeAct reads the denouncing of a named act: "condemned Turkey's
// offensive", "attacked the proclamation of ... by Donald Trump". The
// accused is the act's author.
func (d *doc) criticizeAct(s *sentence, ti int) (found, bool) {
	toks := s.toks
	f := found{typ: graphmodel.AccusedOf, confidence: 0.7}
	if isPassive(toks, ti) || (ti > 0 && (toks[ti-1].lower == "the" || toks[ti-1].lower == "a" || toks[ti-1].lower == "an")) {
		return f, false
	}
	subj, at, ok := agentOf(s, ti)
	if !ok {
		return f, false
	}
	f.subj, f.subjAt = subj, at
	cite := citeVerbs[toks[ti].lower]
	// "X's decision", "the Peruvian government's "continued crackdown ...""
	if m, ok := mentionAt(s, ti+1); ok {
		j := m.end
		for j < len(toks) && govNouns[toks[j].lower] {
			j++
		}
		if j < len(toks) && toks[j].text == "'s" {
			k := j + 1
			for k < len(toks) && k < j+4 && (toks[k].text == `"` || toks[k].text == "'" || toks[k].word && !toks[k].cap && !harmNouns[toks[k].lower] && !actNouns[toks[k].lower]) {
				k++ // quotes and adjectives before the noun
			}
			if k < len(toks) && (harmNouns[toks[k].lower] || !cite && actNouns[toks[k].lower]) {
				f.obj = claimParty(toks, m)
				f.charge = cleanCharge(clauseFrom(toks, k-countAdjs(toks, k, j+1)))
				return f, true
			}
		}
		return f, false
	}
	if cite {
		return f, false
	}
	// "the proclamation of ... by X"
	j := ti + 1
	if j >= len(toks) || !(toks[j].lower == "the" || toks[j].lower == "this" || toks[j].lower == "its" || toks[j].lower == "a") {
		return f, false
	}
	if j+1 >= len(toks) || !actNouns[toks[j+1].lower] {
		return f, false
	}
	for k := j + 2; k < len(toks) && k < j+20; k++ {
		if !toks[k].word && toks[k].text != "-" {
			break
		}
		if toks[k].lower == "by" {
			if o, ok := mentionAt(s, k+1); ok {
				f.obj = claimParty(toks, o)
				f.charge = cleanCharge(toks[j+1 : k])
				return f, true
			}
			break
		}
	}
	return f, false
}

// allege reads reported accusations: "Hotak alleged the government is
// hiding casualty figures", "Saudi Arabia and the United States have alleged
// Iranian involvement", "the U.S. claims Mahan flies fighters to Syria",
// "officials said North Korea was behind the attack". With "say" the clause
// must name the wrongdoing ("behind", "responsible for", "guilty of").
func (d *doc) allege(s *sentence, ti int) (found, bool) {
	toks := s.toks
	w := toks[ti].lower
	f := found{typ: graphmodel.AccusedOf, confidence: 0.75}
	if ti > 0 {
		switch p := toks[ti-1].lower; {
		case p == "'s" || p == "the" || p == "these" || p == "those" || p == "such":
			return d.accuseNoun(s, ti) // "Moyo's claims that ..."
		case p == "a" || p == "an" || isPassive(toks, ti) || prepositions[p]:
			return f, false // "an alleged breach", "was claimed by"
		}
	}
	subj, at, ok := agentOf(s, ti)
	if !ok {
		return f, false
	}
	f.subj, f.subjAt = subj, at
	j := ti + 1
	if j < len(toks) && toks[j].lower == "that" {
		j++
	}
	m, ok := mentionAt(s, j)
	if !ok {
		return f, false
	}
	f.obj = claimParty(toks, m)
	k := m.end
	for k < len(toks) && (govNouns[toks[k].lower] || toks[k].text == "'s") {
		k++
	}
	if k >= len(toks) {
		return f, false
	}
	say := w == "say" || w == "says" || w == "said" || w == "saying"
	if involvementNouns[toks[k].lower] && !say {
		f.charge = cleanCharge(clauseFrom(toks, k))
		return f, true
	}
	// the clause's verb, after auxiliaries
	v := k
	for v < len(toks) && (auxiliaries[toks[v].lower] || toks[v].text == `"` || toks[v].text == "'") {
		v++ // `are "hiding ...`: a quotation may open after the auxiliary
	}
	if v >= len(toks) || !toks[v].word || toks[v].cap || notVerbs[toks[v].lower] {
		return f, false
	}
	blame := toks[v].lower == "behind" || toks[v].lower == "guilty" || toks[v].lower == "culpable" ||
		((toks[v].lower == "responsible" || toks[v].lower == "involved") && harmFollows(toks, v+1))
	if say || strings.HasPrefix(w, "claim") {
		if !blame {
			if say || copulas[toks[v-1].lower] && v-1 >= k {
				return f, false // "X said Y was a partner", "X claims Y is ..."
			}
		}
		f.confidence = 0.6
	}
	f.charge = chargeAfterClause(toks, k)
	return f, true
}

// harmFollows reports whether a harmful act follows "responsible" or
// "involved": "responsible for the poisoning", not "responsible for
// security".
func harmFollows(toks []token, i int) bool {
	for k := i; k < len(toks) && k < i+5; k++ {
		if harmNouns[toks[k].lower] {
			return true
		}
		if !toks[k].word {
			return false
		}
	}
	return false
}

// countAdjs counts the words between from and the noun at k.
func countAdjs(toks []token, k, from int) int {
	n := 0
	for i := k - 1; i >= from && toks[i].word; i-- {
		n++
	}
	return n
}

var harmNouns = set("repression", "oppression", "persecution", "crackdown", "aggression", "occupation",
	"annexation", "attack", "attacks", "killing", "killings", "death", "deaths", "bombing",
	"bombings", "crash", "hack", "hacking", "murder", "murders", "shooting", "violence",
	"poisoning", "massacre", "downing", "explosion", "explosions", "abuses", "abuse", "crimes",
	"crime", "assassination", "kidnapping", "coup", "invasion", "strike", "strikes", "shelling",
	"cyberattack", "cyberattacks", "sabotage", "genocide", "atrocities", "torture", "fraud",
	"corruption", "interference", "meddling", "espionage", "smuggling", "disappearance", "fire", "fires")

var copulas = set("is", "are", "was", "were", "be", "been", "being")

// actAuthor finds who did the act that is the subject of the passive verb
// at ti ("The incursion was denounced"): the subject of the nearest earlier
// sentence, at most three back, that names an act of the same kind
// ("Chad began a military incursion").
func (d *doc) actAuthor(s *sentence, ti int) (textParty, bool) {
	if actNounBefore(s.toks, ti) < 0 {
		return textParty{}, false
	}
	si := -1
	for k, x := range d.sents {
		if x == s {
			si = k
			break
		}
	}
	for back := 1; back <= 3 && si-back >= 0; back++ {
		p := d.sents[si-back]
		for k := len(p.toks) - 1; k >= 0; k-- {
			if militaryActs[p.toks[k].lower] {
				if m, ok := clauseSubject(p, k); ok {
					return claimParty(p.toks, m), true
				}
			}
		}
	}
	return textParty{}, false
}

// actNounBefore returns the position of "the operation" in "the operation
// was condemned", with the passive verb at ti, or -1.
func actNounBefore(toks []token, ti int) int {
	j := ti - 1
	for j >= 0 && (auxiliaries[toks[j].lower] || hedges[toks[j].lower]) {
		j--
	}
	if j < 1 || !militaryActs[toks[j].lower] || !(toks[j-1].lower == "the" || toks[j-1].lower == "this" || toks[j-1].lower == "that") {
		return -1
	}
	return j
}

// militaryActs are the acts one state commits against another that others
// condemn; any of them refers back to any other.
var militaryActs = set("operation", "offensive", "invasion", "incursion", "assault", "attack",
	"attacks", "strike", "strikes", "bombing", "bombardment", "annexation", "occupation", "campaign")
