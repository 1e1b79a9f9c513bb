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
	for back := 0; back <= 2 && si-back >= 0; back++ {
		s := d.sents[si-back]
		limit := len(s.toks)
		if back == 0 {
			limit = ti
		}
		var fallback *docEntity
		for k := len(s.ms) - 1; k >= 0; k-- {
			m := s.ms[k]
			if m.end > limit || m.ent == skip || (m.ent.kind == graphmodel.KindActor) != person {
				continue
			}
			if isSubject(s.toks, m) {
				return m.ent
			}
			if fallback == nil && !afterPreposition(s.toks, m.start) {
				fallback = m.ent
			}
		}
		if fallback != nil {
			return fallback
		}
	}
	return nil
}

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

// actor is the party a claim names: the entity, or the state a government
// body acts for, with the body's role.
type actor struct {
	ent  *docEntity
	role string
}

// claimParty maps a mention to the party of a claim. Government bodies and
// metonyms act for their state; a state followed by a role noun acts in that
// role ("U.S. officials").
func claimParty(toks []token, m mention) actor {
	e := m.ent
	if e.state != nil {
		return actor{ent: e.state, role: e.role}
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
				return actor{ent: e.leads, role: toks[j].lower}
			}
			return actor{}
		}
	}
	if e.kind == graphmodel.KindState && m.end < len(toks) && govNouns[toks[m.end].lower] {
		return actor{ent: e, role: toks[m.end].lower}
	}
	return actor{ent: e}
}

// governmentOf are the nouns that make a leader's name stand for the
// government: "the Obama administration".
var governmentOf = set("administration", "government", "regime", "cabinet")

// found is one relation found in one sentence.
type found struct {
	typ        graphmodel.RelType
	subj, obj  actor
	charge     string
	confidence float64
	hedged     bool
	evidence   string
}

// relations finds the claims of every sentence and folds them into one claim
// per (type, subject, object), keeping the strongest evidence.
func (d *doc) relations() []graphmodel.Claim {
	byPair := make(map[string]*graphmodel.Claim)
	var order []string
	for si, s := range d.sents {
		for ti := range s.toks {
			for _, f := range d.triggerAt(si, ti) {
				if f.subj.ent == nil || f.obj.ent == nil || f.subj.ent == f.obj.ent {
					continue
				}
				f.evidence = s.text
				c := f.claim()
				p := graphmodel.Pair(c.Type, c.Subject, c.Object)
				old, ok := byPair[p]
				switch {
				case !ok:
					if len(order) >= graphmodel.MaxClaims {
						continue
					}
					byPair[p] = &c
					order = append(order, p)
				case c.Confidence > old.Confidence:
					c.Charge = joinCharges(c.Charge, old.Charge)
					*old = c
				default:
					old.Charge = joinCharges(old.Charge, c.Charge)
				}
			}
		}
	}
	out := make([]graphmodel.Claim, 0, len(order))
	for _, p := range order {
		out = append(out, *byPair[p])
	}
	return out
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
	requestNouns = set("request", "requests", "appeal", "appeals", "plea", "pleas", "call", "calls")
	helpNouns    = set("help", "aid", "assistance", "support", "protection", "cooperation", "co-operation",
		"mediation", "backing", "intervention", "funds", "funding", "loan", "loans", "troops", "weapons",
		"arms", "relief", "rescue", "shelter", "asylum", "extradition", "intelligence")
	// A request that the object stop or undo a hostile act is a demand,
	// not a request for help.
	demandVerbs = set("stop", "end", "halt", "cease", "withdraw", "leave", "refrain", "quit",
		"abandon", "resign", "step", "pull", "stand", "back", "drop", "reverse", "desist", "surrender")

	accuseVerbs  = set("accuse", "accuses", "accused", "accusing")
	blameVerbs   = set("blame", "blames", "blamed", "blaming")
	chargeVerbs  = set("charge", "charges", "charged", "charging")
	suitVerbs    = set("indict", "indicts", "indicted", "indicting", "sue", "sues", "sued", "suing", "convict", "convicted", "prosecute", "prosecuted")
	condemnVerbs = set("denounce", "denounces", "denounced", "denouncing", "condemn", "condemns", "condemned", "condemning", "criticize", "criticized", "criticised")
	allegeVerbs  = set("allege", "alleges", "alleged", "claim", "claims", "claimed", "say", "says", "said")
	accuseNouns  = set("accusation", "accusations", "allegation", "allegations", "charges", "indictment", "indictments", "lawsuit", "complaint")

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
	w := s.toks[ti].lower
	var f found
	var ok bool
	switch {
	case requestVerbs[w], callVerbs[w], seekVerbs[w]:
		f, ok = d.request(s, ti)
	case requestNouns[w]:
		f, ok = d.requestNoun(s, ti)
	case accuseVerbs[w], blameVerbs[w], chargeVerbs[w], suitVerbs[w], condemnVerbs[w]:
		f, ok = d.accuse(s, ti)
	case accuseNouns[w]:
		f, ok = d.accuseNoun(s, ti)
	case allyWords[w]:
		f, ok = d.ally(si, ti)
	default:
		return nil
	}
	if !ok || negated(s.toks, ti) {
		return nil
	}
	f.hedged = hedged(s.toks, ti)
	return []found{f}
}

func negated(toks []token, ti int) bool {
	for j := ti - 1; j >= 0 && j >= ti-3; j-- {
		if negations[toks[j].lower] {
			return true
		}
	}
	return false
}

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
	for _, m := range s.ms {
		if m.start == i {
			return m, true
		}
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

// subjectBefore finds the acting subject of a verb at token ti: the nearest
// earlier mention that is not inside a prepositional phrase, with only
// auxiliaries, adverbs, role nouns or a relative "who" between them.
func subjectBefore(s *sentence, ti int) (actor, bool) {
	j := ti - 1
	for j >= 0 && (auxiliaries[s.toks[j].lower] || hedges[s.toks[j].lower]) {
		j--
	}
	if j >= 1 && (s.toks[j].lower == "who" || s.toks[j].lower == "which") && s.toks[j-1].text == "," {
		j -= 2
	}
	m, ok := mentionEndingAt(s, j+1)
	if !ok || afterPreposition(s.toks, m.start) {
		return actor{}, false
	}
	return claimParty(s.toks, m), true
}

func (d *doc) request(s *sentence, ti int) (found, bool) {
	toks := s.toks
	w := toks[ti].lower
	f := found{typ: graphmodel.RequestedHelpFrom, confidence: 0.9}
	subj, ok := subjectBefore(s, ti)
	if !ok {
		return f, false
	}
	f.subj = subj
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
		// "asked China for help", "urged the U.S. to waive immunity"
		m, ok := mentionAt(s, next)
		if !ok || !askContinues(toks, m.end) {
			return f, false
		}
		f.obj = claimParty(toks, m)
		return f, true
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
		return i+1 < len(toks) && !demandVerbs[toks[i+1].lower] && toks[i+1].lower != "not"
	}
	return false
}

// requestNoun reads "the U.S. request to the Chinese", "China's appeal to
// Russia for ...", "a request for help from China" with a subject right
// before the noun.
func (d *doc) requestNoun(s *sentence, ti int) (found, bool) {
	toks := s.toks
	f := found{typ: graphmodel.RequestedHelpFrom, confidence: 0.8}
	m, ok := mentionEndingAt(s, ti)
	if !ok {
		return f, false
	}
	f.subj = claimParty(toks, m)
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
	if ti > 0 && (toks[ti-1].lower == "in") { // "in charge of"
		return f, false
	}
	// Passive with an agent: "X was accused by Y of ...".
	if ti+1 < len(toks) && toks[ti+1].lower == "by" && isPassive(toks, ti) {
		obj, ok := subjectBefore(s, ti)
		m, ok2 := mentionAt(s, ti+2)
		if !ok || !ok2 {
			return f, false
		}
		f.subj, f.obj = claimParty(toks, m), obj
		f.charge = chargeAfter(toks, m.end)
		return f, true
	}
	if isPassive(toks, ti) {
		return f, false // no accuser named
	}
	subj, ok := subjectBefore(s, ti)
	if !ok {
		return f, false
	}
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

// accuseNoun reads "the U.S. allegations that it was behind the attack",
// "Iran's accusations against Saudi Arabia".
func (d *doc) accuseNoun(s *sentence, ti int) (found, bool) {
	toks := s.toks
	f := found{typ: graphmodel.AccusedOf, confidence: 0.8}
	m, ok := mentionEndingAt(s, ti)
	if !ok {
		return f, false
	}
	f.subj = claimParty(toks, m)
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
// charges of": "of conducting economic espionage".
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

// ally reads the forms of alliance: "the North Koreans, their allies",
// "X's ally Y", "U.S. ally Japan", "Y, an ally of X", "X is allied with Y",
// "an alliance between X and Y".
func (d *doc) ally(si, ti int) (found, bool) {
	s := d.sents[si]
	toks := s.toks
	f := found{typ: graphmodel.AllyOf, confidence: 0.85}
	w := toks[ti].lower
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
		f.subj, f.obj = actor{ent: owner}, claimParty(toks, member)
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
