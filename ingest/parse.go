package ingest

import (
	"context"
	"errors"
)

// Parser returns the dependency parse of sentences, one Parse per sentence
// in the order given. Implementations talk to a language parser service;
// this package only reads their output, so it stays free of I/O.
//
// An error means no parse came back for the call as a whole (the service is
// down, slow or overloaded): the caller retries later and writes nothing
// meanwhile. It wraps ErrParserUnavailable.
type Parser interface {
	Parse(ctx context.Context, sentences []string) ([]Parse, error)
}

// ErrParserUnavailable marks a parse that could not be had now. It is
// transient: the same article parses once the service is back.
var ErrParserUnavailable = errors.New("parser unavailable")

// Parse is one sentence's parse: its tokens and the Universal Dependencies
// edges between them (enhanced++ where the parser gives them, so that
// coordination, relative clauses and controlled subjects appear as edges).
type Parse struct {
	Tokens []ParseToken `json:"tokens"`
	Deps   []Dep        `json:"deps"`
}

// ParseToken is one token of a parsed sentence. Begin and End are byte
// offsets into the sentence text as it was sent.
type ParseToken struct {
	Word  string `json:"word"`
	Lemma string `json:"lemma"`
	POS   string `json:"pos"` // Penn Treebank tag: VBD, NN, NNP, ...
	Begin int    `json:"begin"`
	End   int    `json:"end"`
}

// Dep is one labelled edge from Head to Dependent, both token indexes
// (0-based). The root's edge has Head -1 and Rel "root".
type Dep struct {
	Rel       string `json:"rel"` // "nsubj", "obj", "obl:agent", "nmod:poss", "obl:of", ...
	Head      int    `json:"head"`
	Dependent int    `json:"dep"`
}
