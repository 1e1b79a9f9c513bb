package ingest

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/kg/graphmodel"
)

// The language data of relation binding: frames, word classes and the cue
// verbs taken from the CAMEO verb dictionary. See lexicon/frames.tsv for
// the format.
//
//go:embed lexicon/*.tsv
var lexiconFS embed.FS

// step is one move along the parse: down an edge labelled rel from the
// current word, or up the edge that reaches it. A rel ending in ":*"
// matches every subtype; "." stays put.
type step struct {
	up     bool
	rel    string
	prefix bool // rel is a prefix ("obl:" of "obl:*")
	stay   bool
}

type path []step

// cond is one condition of a frame: some word one of the paths reaches is
// in class (or, negated, none is).
type cond struct {
	neg   bool
	alts  []path
	class string
}

// frame is one row of frames.tsv: how a cue binds a relation's parties.
type frame struct {
	cue        string
	pos        byte // 'V', 'N', 'A', 'P' or '*'
	rel        graphmodel.RelType
	subj, obj  []path
	pairs      bool // ally-of with no object paths: the subjects pair up
	charge     []path
	needs      []cond
	confidence float64
	template   bool // given to the cue by a template row, not a row of its own
	// discourse is set when a subject path is "@accuser": the party that
	// brought the legal action told just before stands as the subject.
	discourse bool
	// other is set when the object path is "@other": the one party of the
	// sentence that is not the subject, when there is exactly one.
	other bool
	// disputed is set when the object path is "@disputed": the party
	// accused just before stands as the object, and the charge is that
	// accusation's when the row finds none.
	disputed bool
}

// classesHeld reports whether has holds for every word class that one of
// the frame's conditions needs some word of; a condition that needs a word
// to be absent, or to stand for the subject, needs no class.
func (f *frame) classesHeld(has func(class string) bool) bool {
	for _, c := range f.needs {
		if !c.neg && c.class != subjectClass && !has(c.class) {
			return false
		}
	}
	return true
}

// frameLexicon is the parsed language data.
type frameLexicon struct {
	byCue   map[string][]frame
	classes map[string]map[string]bool
}

var (
	lexOnce sync.Once
	lex     *frameLexicon
)

// loadFrames parses the embedded data once. The data ships with the
// binary and is checked by tests, so an error here is a build defect.
func loadFrames() *frameLexicon {
	lexOnce.Do(func() {
		var err error
		lex, err = parseLexicon(lexiconFS)
		if err != nil {
			panic("ingest: " + err.Error())
		}
	})
	return lex
}

// inClass reports whether lemma belongs to class ("any" holds every word).
func (l *frameLexicon) inClass(class, lemma string) bool {
	c := l.classes[class]
	return c["*"] || c[lemma]
}

func parseLexicon(fsys fs.FS) (*frameLexicon, error) {
	l := &frameLexicon{byCue: make(map[string][]frame), classes: make(map[string]map[string]bool)}
	if err := eachRow(fsys, "lexicon/classes.tsv", 2, func(f []string) error {
		words := strings.Fields(f[1])
		if len(words) == 0 {
			return fmt.Errorf("class %q has no words", f[0])
		}
		c := l.classes[f[0]]
		if c == nil {
			c = make(map[string]bool)
			l.classes[f[0]] = c
		}
		for _, w := range words {
			c[w] = true
		}
		return nil
	}); err != nil {
		return nil, err
	}
	templates := make(map[string][]frame) // "@verb accused-of", "@wrong accused-of"
	if err := eachRow(fsys, "lexicon/frames.tsv", 8, func(f []string) error {
		fr, err := parseFrame(f, l.classes)
		if err != nil {
			return err
		}
		if strings.HasPrefix(fr.cue, "@") {
			templates[fr.cue] = append(templates[fr.cue], fr)
			return nil
		}
		l.byCue[fr.cue] = append(l.byCue[fr.cue], fr)
		return nil
	}); err != nil {
		return nil, err
	}
	// The predicates of a class take the template named after it: "@wrong"
	// rows for the verbs of wrongdoing in reported speech, "@breachverb"
	// for the verbs of breaking a rule, "@unlawful" for the findings that
	// an act was unlawful. Templates go in name order, so
	// a word of two classes gets its frames in one order every run.
	var names []string
	for name := range templates {
		if name != "@verb" && name != "@noun" {
			if l.classes[name[1:]] == nil {
				return nil, fmt.Errorf("template %s names no class of classes.tsv", name)
			}
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		for w := range l.classes[name[1:]] {
			for _, t := range templates[name] {
				l.add(w, t)
			}
		}
	}
	// CAMEO cue verbs without a row of their own take their relation's
	// verb template.
	if err := eachRow(fsys, "lexicon/cameo-verbs.tsv", 5, func(f []string) error {
		rel, err := graphmodel.ParseRelType(f[1])
		if err != nil {
			return err
		}
		for _, t := range templates["@verb"] {
			if t.rel == rel {
				l.add(f[0], t)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	// CAMEO cue verbs that are cues only with an object noun ("lodge a
	// complaint", "seek compensation") take their relation's noun
	// template, whose "@" class is the verb's nouns.
	nouns := make(map[string]map[string]bool) // "lemma relation" -> head nouns
	if err := eachRow(fsys, "lexicon/cameo-verb-nouns.tsv", 4, func(f []string) error {
		rel, err := graphmodel.ParseRelType(f[2])
		if err != nil {
			return err
		}
		k := f[0] + " " + string(rel)
		if nouns[k] == nil {
			nouns[k] = make(map[string]bool)
		}
		words := strings.Fields(f[1])
		nouns[k][words[len(words)-1]] = true
		return nil
	}); err != nil {
		return nil, err
	}
	for k, heads := range nouns {
		lemma, rel, _ := strings.Cut(k, " ")
		class := "cameo " + k
		l.classes[class] = heads
		for _, t := range templates["@noun"] {
			if string(t.rel) != rel {
				continue
			}
			t.needs = append([]cond(nil), t.needs...)
			for i := range t.needs {
				if t.needs[i].class == "@" {
					t.needs[i].class = class
				}
			}
			l.add(lemma, t)
		}
	}
	return l, nil
}

// add gives cue the template t unless the cue has a row of its own for
// t's relation and part of speech.
func (l *frameLexicon) add(cue string, t frame) {
	for _, f := range l.byCue[cue] {
		if f.rel == t.rel && f.pos == t.pos && !f.template {
			return
		}
	}
	t.cue, t.template = cue, true
	l.byCue[cue] = append(l.byCue[cue], t)
}

// eachRow calls fn with the fields of every data row of a TSV file: blank
// lines and lines starting with # are skipped, and every row must have n
// fields.
func eachRow(fsys fs.FS, name string, n int, fn func([]string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != n {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(fields), n)
		}
		if fields[0] == "lemma" || fields[0] == "cue" || fields[0] == "class" {
			continue // a header row
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

func parseFrame(f []string, classes map[string]map[string]bool) (frame, error) {
	fr := frame{cue: f[0]}
	if len(f[1]) != 1 || !strings.Contains("VNAP*", f[1]) {
		return fr, fmt.Errorf("pos %q is not one of V N A P *", f[1])
	}
	fr.pos = f[1][0]
	rel, err := graphmodel.ParseRelType(f[2])
	if err != nil {
		return fr, err
	}
	fr.rel = rel
	if fr.subj, err = parsePaths(f[3]); err != nil {
		return fr, err
	}
	if len(fr.subj) == 0 {
		return fr, fmt.Errorf("no subject path")
	}
	for _, p := range fr.subj {
		if len(p) == 1 && p[0].rel == accuserStep {
			fr.discourse = true
		}
	}
	if f[4] == otherStep {
		fr.other = true
	} else if f[4] == disputedStep {
		fr.disputed = true
		fr.obj = []path{{{rel: disputedStep}}}
	} else if f[4] == "-" {
		if rel != graphmodel.AllyOf {
			return fr, fmt.Errorf("only ally-of pairs its subjects")
		}
		fr.pairs = true
	} else if fr.obj, err = parsePaths(f[4]); err != nil {
		return fr, err
	}
	if fr.charge, err = parsePaths(f[5]); err != nil {
		return fr, err
	}
	if f[6] != "-" {
		for _, c := range strings.Split(f[6], ",") {
			var cd cond
			if strings.HasPrefix(c, "!") {
				cd.neg, c = true, c[1:]
			}
			ps, class, ok := strings.Cut(c, "=")
			if !ok || (classes[class] == nil && class != "@" && class != subjectClass) {
				return fr, fmt.Errorf("condition %q names no class of classes.tsv", c)
			}
			cd.class = class
			if cd.alts, err = parsePaths(strings.ReplaceAll(ps, "|", ",")); err != nil {
				return fr, err
			}
			fr.needs = append(fr.needs, cd)
		}
	}
	fr.confidence, err = strconv.ParseFloat(f[7], 64)
	if err != nil || fr.confidence <= 0 || fr.confidence > 1 {
		return fr, fmt.Errorf("confidence %q is not in (0, 1]", f[7])
	}
	return fr, nil
}

// accuserStep is the one-step path to the party that brought the legal
// action (a suit, charges, an indictment) the text told last, in the same
// sentence or one of the maxAccuserDistance before: "X sued ... Named as a defendant in
// the suit was Y."
const accuserStep = "@accuser"

// actStep, the last step of a path, resolves the definite description of
// an act the path reaches ("condemned the offensive") to the agent of the
// act of its kind told in one of the maxActDistance sentences before
// ("X launched an offensive").
const actStep = "@act"

// subjectClass, as the class of a condition, holds when some word the
// condition's path reaches stands for the row's subject: "X said its
// diplomats had been expelled by Y", where "its" is X. It is checked once
// the subject is bound.
const subjectClass = "@subject"

// otherStep, as the whole object column, is the only party the sentence
// names besides the subject: "Despite X's allegations of fraud, Y was sworn
// in". With two such parties, or none, the row binds nothing.
const otherStep = "@other"

// disputedStep, as the whole object column, is the party the last
// accusation told in one of the maxDisputedDistance sentences before accused:
// "The court ruled that X's tax broke the rules. ... Y brought the dispute
// to the court" disputes with X. What the accusation was over is the
// charge.
const disputedStep = "@disputed"

func parsePaths(s string) ([]path, error) {
	if s == "-" {
		return nil, nil
	}
	var out []path
	for _, p := range strings.Split(s, ",") {
		var ps path
		for _, st := range strings.Split(p, ">") {
			var x step
			switch {
			case st == ".":
				x.stay = true
			case strings.HasPrefix(st, "^"):
				x.up, x.rel = true, st[1:]
			default:
				x.rel = st
			}
			if strings.HasSuffix(x.rel, ":*") {
				x.rel, x.prefix = strings.TrimSuffix(x.rel, "*"), true
			}
			if !x.stay && (x.rel == "" || strings.ContainsAny(x.rel, " ^") || strings.Contains(x.rel[1:], "<")) {
				return nil, fmt.Errorf("bad path step %q in %q", st, s)
			}
			ps = append(ps, x)
		}
		out = append(out, ps)
	}
	return out, nil
}
