package corenlp

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/newsgraph/kg/ingest"
)

// document is the part of CoreNLP's JSON output this package reads.
type document struct {
	Sentences []sentence `json:"sentences"`
}

type sentence struct {
	Tokens []token `json:"tokens"`
	Basic  []edge  `json:"basicDependencies"`
	// A pointer, to tell "absent" (fall back to the basic edges) from
	// "present and empty".
	EnhancedPlusPlus *[]edge `json:"enhancedPlusPlusDependencies"`
}

type token struct {
	Index int    `json:"index"` // 1-based
	Word  string `json:"word"`
	Lemma string `json:"lemma"`
	POS   string `json:"pos"`
	// UTF-16 code units from the start of the request body.
	Begin int `json:"characterOffsetBegin"`
	End   int `json:"characterOffsetEnd"`
}

type edge struct {
	Rel       string `json:"dep"`
	Governor  int    `json:"governor"`  // 1-based; 0 is ROOT
	Dependent int    `json:"dependent"` // 1-based
}

// errMalformed marks a response that cannot be read back onto the request.
var errMalformed = errors.New("malformed response")

// decode reads CoreNLP's JSON for req into out, indexed like the caller's
// sentences.
//
// Response sentences are matched to request lines in order, by their
// character offsets: each must lie inside one line, after the previous
// one's line. So a line the server split in two, a sentence across lines, or
// more sentences than lines is an error, never a silent shift of parses onto
// the wrong sentences. A line with no token at all (only zero-width or
// control characters, which the tokenizer drops) yields no sentence; its
// Parse stays empty.
func decode(body []byte, req *request, out []ingest.Parse) error {
	var doc document
	if err := json.Unmarshal(body, &doc); err != nil {
		return fmt.Errorf("%w: %v", errMalformed, err)
	}
	if len(doc.Sentences) > len(req.lines) {
		return fmt.Errorf("%w: %d sentences for %d lines", errMalformed, len(doc.Sentences), len(req.lines))
	}
	next := 0 // the first line the next sentence may belong to
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		if len(s.Tokens) == 0 {
			return fmt.Errorf("%w: sentence %d has no tokens", errMalformed, si)
		}
		li := lineOf(req.lines, s.Tokens[0].Begin)
		if li < next {
			return fmt.Errorf("%w: sentence %d does not follow sentence %d (line %d after line %d): the count or order does not match the request",
				errMalformed, si, si-1, li, next-1)
		}
		p, err := readSentence(s, &req.lines[li])
		if err != nil {
			return fmt.Errorf("%w: sentence %d: %v", errMalformed, si, err)
		}
		out[req.inputs[li]] = p
		next = li + 1
	}
	return nil
}

// lineOf returns the index of the line holding UTF-16 offset off, or -1.
func lineOf(lines []line, off int) int {
	i := sort.Search(len(lines), func(i int) bool { return lines[i].start16+lines[i].len16 >= off })
	if i == len(lines) || off < lines[i].start16 {
		return -1
	}
	return i
}

func readSentence(s *sentence, ln *line) (ingest.Parse, error) {
	p := ingest.Parse{Tokens: make([]ingest.ParseToken, len(s.Tokens))}
	prevEnd := 0
	for i, t := range s.Tokens {
		if t.Index != i+1 {
			return ingest.Parse{}, fmt.Errorf("token %d has index %d", i+1, t.Index)
		}
		b, e := t.Begin-ln.start16, t.End-ln.start16
		if b < prevEnd || e < b || e > ln.len16 {
			return ingest.Parse{}, fmt.Errorf("token %d (%q) at %d-%d is outside its line or overlaps the previous token", i+1, t.Word, t.Begin, t.End)
		}
		bb, eb := ln.byteAt[b], ln.byteAt[e]
		if bb < 0 || eb < 0 {
			return ingest.Parse{}, fmt.Errorf("token %d (%q) at %d-%d splits a surrogate pair", i+1, t.Word, t.Begin, t.End)
		}
		p.Tokens[i] = ingest.ParseToken{Word: t.Word, Lemma: t.Lemma, POS: t.POS, Begin: bb, End: eb}
		prevEnd = e
	}
	edges := s.Basic
	if s.EnhancedPlusPlus != nil {
		edges = *s.EnhancedPlusPlus
	}
	if len(edges) == 0 {
		return ingest.Parse{}, errors.New("no dependencies (is depparse among the annotators?)")
	}
	n := len(s.Tokens)
	p.Deps = make([]ingest.Dep, 0, len(edges))
	for _, e := range edges {
		if e.Governor < 0 || e.Governor > n || e.Dependent < 1 || e.Dependent > n || e.Rel == "" {
			return ingest.Parse{}, fmt.Errorf("edge %s(%d, %d) outside the sentence's %d tokens", e.Rel, e.Governor, e.Dependent, n)
		}
		d := ingest.Dep{Rel: e.Rel, Head: e.Governor - 1, Dependent: e.Dependent - 1}
		if e.Governor == 0 {
			d.Rel = "root" // CoreNLP spells it ROOT
		}
		p.Deps = append(p.Deps, d)
	}
	return p, nil
}
