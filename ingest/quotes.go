package ingest

import (
	"strings"

	"github.com/newsgraph/kg/graphmodel"
)

// First-person words inside a quotation ("we", "our", "us") stand for the
// state the quotation's speaker speaks for, when the text says which:
// "'Australia is our ally,' the Japanese foreign minister said" makes "our"
// Japan. The speaker is the first party named in the attribution after the
// quotation's close ("..., X said") or before its opening ("X said: '...").
// A speaker speaks for a state when it is a state, a government body of
// one, a state named with an office ("the Turkish foreign minister", "a
// Qatari foreign ministry spokesman", "Armenia's defence ministry
// spokeswoman"), or a person the article names with such a title ("U.S.
// Secretary of Commerce Jane Roe") or knows to lead a state. A company, a
// private person or a speaker the text leaves unnamed speaks for no state,
// and their "we" stays nobody.

// firstPersonWords are the first-person plural words a quotation's speaker
// may use for their state.
var firstPersonWords = set("we", "our", "us", "ours")

// quotePos is a token of the article: sentence, token.
type quotePos struct{ si, k int }

// resolveQuotedSpeakers records, for each first-person word inside a
// quotation, the state the quotation's speaker speaks for.
func (d *doc) resolveQuotedSpeakers() {
	open := false
	var start quotePos
	var words []quotePos
	for si, s := range d.sents {
		for k, t := range s.toks {
			switch {
			case t.text == `"` && !open:
				open, start, words = true, quotePos{si, k}, nil
			case t.text == `"`:
				open = false
				if len(words) == 0 {
					continue
				}
				st := d.speakerState(start, quotePos{si, k})
				if st == nil {
					continue
				}
				for _, w := range words {
					if d.speakers == nil {
						d.speakers = make(map[quotePos]*docEntity)
					}
					d.speakers[w] = st
				}
			case open && firstPersonWords[t.lower] && t.text != strings.ToUpper(t.text):
				// "we", "We", "our"; not "US", the state
				words = append(words, quotePos{si, k})
			}
		}
		// a quotation never runs on past a paragraph's worth of sentences
		// unclosed: an unpaired mark opens nothing
		if open && si-start.si >= maxQuoteSentences {
			open = false
		}
	}
}

// maxQuoteSentences bounds how far a quotation may run before its close.
const maxQuoteSentences = 4

// speakerState returns the state the speaker of the quotation from open to
// close speaks for, or nil.
func (d *doc) speakerState(open, close quotePos) *docEntity {
	// "...," X said: the attribution after the close, up to the sentence's
	// end or the next quotation
	s := d.sents[close.si]
	end := len(s.toks)
	for k := close.k + 1; k < len(s.toks); k++ {
		if s.toks[k].text == `"` {
			end = k
			break
		}
	}
	if m, ok := firstMention(s, close.k+1, end); ok && attribution(s.toks[close.k+1:end]) {
		return d.speaksFor(s, m)
	}
	// X said: "...": the attribution before the opening
	s = d.sents[open.si]
	if k := open.k - 1; k >= 0 && (s.toks[k].text == ":" || s.toks[k].text == ",") {
		if m, ok := firstMention(s, 0, open.k); ok && attribution(s.toks[:open.k]) {
			return d.speaksFor(s, m)
		}
	}
	return nil
}

// attribution reports whether the words hold a verb of saying.
func attribution(toks []token) bool {
	for _, t := range toks {
		if saysVerb(t) {
			return true
		}
	}
	return false
}

// saysVerb reports whether t is a verb of saying, not one of the
// auxiliaries and pronouns say-verbs also lists to mark a name as a
// person's.
func saysVerb(t token) bool {
	return sayVerbs[t.lower] && !sayAuxiliaries[t.lower]
}

var sayAuxiliaries = set("was", "is", "has", "had", "who", "will", "would", "met", "visited", "resigned", "died")

// firstMention returns the first mention that starts in tokens [from, to).
func firstMention(s *sentence, from, to int) (mention, bool) {
	for _, m := range s.ms {
		if m.start >= from && m.start < to {
			return m, true
		}
	}
	return mention{}, false
}

// speaksFor returns the state the speaker named by mention m speaks for,
// or nil.
func (d *doc) speaksFor(s *sentence, m mention) *docEntity {
	e := m.ent
	switch {
	case e.state != nil:
		return e.state // a government body or metonym
	case e.kind == graphmodel.KindState:
		// "Japan said", "the Turkish foreign minister said"
		if m.end < len(s.toks) && saysVerb(s.toks[m.end]) || officeAfter(s.toks, m.end) {
			return e
		}
	case e.kind == graphmodel.KindActor:
		if e.leads != nil {
			return e.leads
		}
		return d.titledState(e)
	}
	return nil
}

// officeAfter reports whether the words from k on, up to the end of their
// noun phrase, name an office of the state before them: "foreign minister",
// "'s defence ministry spokeswoman", "Secretary of State".
func officeAfter(toks []token, k int) bool {
	if k < len(toks) && toks[k].text == "'s" {
		k++
	}
	office := false
	for n := 0; k < len(toks) && n < 5; k, n = k+1, n+1 {
		t := toks[k]
		switch {
		case speakerOffices[t.lower]:
			office = true
		case orgHeads[t.lower] && !govHeads[t.lower]:
			return false // "a Dutch online bank"
		case !t.word || saysVerb(t) || (!t.cap && !titles[t.lower] && !govNouns[t.lower] && !officeModifiers[t.lower]):
			return office
		}
	}
	return office
}

// titledState returns the state a person is named with an office of, in
// any sentence of the article ("U.S. Secretary of Commerce Jane Roe"), or
// nil.
func (d *doc) titledState(e *docEntity) *docEntity {
	for _, s := range d.sents {
		for j, m := range s.ms {
			if m.ent != e || m.pronoun {
				continue
			}
			// the state named last before the person's name, with only an
			// office between them
			for i := j - 1; i >= 0; i-- {
				st := s.ms[i]
				if st.end > m.start {
					continue
				}
				if st.end == m.start || !officeBetween(s.toks[st.end:m.start]) {
					break
				}
				switch {
				case st.ent.state != nil:
					return st.ent.state // "State Department spokesman Jane Roe"
				case st.ent.kind == graphmodel.KindState:
					return st.ent
				}
				break
			}
		}
	}
	return nil
}

// officeBetween reports whether the words between a state and a person's
// name are an office and nothing else: "Secretary of Commerce", "'s foreign
// minister".
func officeBetween(toks []token) bool {
	if len(toks) > 0 && toks[0].text == "'s" {
		toks = toks[1:]
	}
	if len(toks) == 0 || len(toks) > 5 {
		return false
	}
	office := false
	for _, t := range toks {
		switch {
		case speakerOffices[t.lower]:
			office = true
		case orgHeads[t.lower] && !govHeads[t.lower]:
			return false
		case !t.word || (!t.cap && !titles[t.lower]):
			return false
		}
	}
	return office
}

// quotedSpeaker returns the state the first-person word at token k of
// sentence si stands for, or nil.
func (d *doc) quotedSpeaker(si, k int) *docEntity {
	return d.speakers[quotePos{si, k}]
}
