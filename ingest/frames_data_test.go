package ingest

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/kg/graphmodel"
)

// udRelations are the Universal Dependencies relations (and CoreNLP's
// enhanced++ subtypes' bases) a frame path may name; a typo in a path
// would otherwise bind nothing, silently.
var udRelations = set("nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "advcl", "advmod", "nmod",
	"appos", "amod", "acl", "det", "case", "compound", "conj", "cop", "mark", "aux", "ref", "flat", "nummod",
	"parataxis", "dep", "cc", "fixed", "<appos", "clause", accuserStep, actStep, disputedStep)

func TestLexiconData(t *testing.T) {
	l := loadFrames()
	perRel := make(map[graphmodel.RelType]int)
	for cue, frames := range l.byCue {
		if cue != strings.ToLower(cue) || strings.TrimSpace(cue) != cue || cue == "" {
			t.Errorf("cue %q: want a lower-case lemma", cue)
		}
		for _, f := range frames {
			perRel[f.rel]++
			for _, ps := range [][]path{f.subj, f.obj, f.charge} {
				for _, p := range ps {
					for _, st := range p {
						base, _, _ := strings.Cut(st.rel, ":")
						if !st.stay && !udRelations[base] {
							t.Errorf("cue %q: path step %q names no dependency relation", cue, st.rel)
						}
					}
				}
			}
		}
	}
	for _, r := range graphmodel.RelTypes {
		if perRel[r] == 0 {
			t.Errorf("no frame for %s", r)
		}
	}
	// Every CAMEO cue verb binds its relation.
	if err := eachRow(lexiconFS, "lexicon/cameo-verbs.tsv", 5, func(f []string) error {
		for _, fr := range l.byCue[f[0]] {
			if string(fr.rel) == f[1] && fr.pos == 'V' {
				return nil
			}
		}
		t.Errorf("CAMEO cue verb %q has no %s frame", f[0], f[1])
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"help", "cease", "report", "wrong", "negation", "govnoun", "statenoun", "hedge"} {
		if len(l.classes[c]) == 0 {
			t.Errorf("class %q is empty", c)
		}
	}
}

// The loader refuses rows it cannot read rather than binding nothing.
func TestLexiconRefusesBadRows(t *testing.T) {
	classes := "help\thelp aid\n"
	good := "ask\tV\trequested-help-from\tnsubj\tobj\t-\tobl:for=help\t0.9\n"
	tests := []struct {
		name, frames, classes string
		wantErr               string
	}{
		{"good", good, classes, ""},
		{"fields", "ask\tV\trequested-help-from\tnsubj\tobj\n", classes, "fields"},
		{"pos", strings.Replace(good, "\tV\t", "\tX\t", 1), classes, "pos"},
		{"relation", strings.Replace(good, "requested-help-from", "befriended", 1), classes, "befriended"},
		{"class", strings.Replace(good, "=help", "=nothing", 1), classes, "names no class"},
		{"confidence", strings.Replace(good, "0.9", "1.5", 1), classes, "confidence"},
		{"pairs", strings.Replace(good, "\tobj\t", "\t-\t", 1), classes, "only ally-of"},
		{"step", strings.Replace(good, "\tnsubj\t", "\tnsubj>>obj\t", 1), classes, "bad path step"},
		{"empty class", good, "help\t \n", "no words"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{
			"lexicon/frames.tsv":           {Data: []byte(tt.frames)},
			"lexicon/classes.tsv":          {Data: []byte(tt.classes)},
			"lexicon/cameo-verbs.tsv":      {Data: []byte("")},
			"lexicon/cameo-verb-nouns.tsv": {Data: []byte("")},
		}
		_, err := parseLexicon(fsys)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: err %v, want one saying %q", tt.name, err, tt.wantErr)
		}
	}
}

// The word lists of lexicon/words.tsv: no list twice, no entry twice in a
// list, entries lower case and trimmed (weak-metonyms keeps the case of the
// names it lists), and every list named by the code.
func TestWordLists(t *testing.T) {
	lists := make(map[string]bool)
	if err := eachRow(lexiconFS, "lexicon/words.tsv", 2, func(f []string) error {
		if lists[f[0]] {
			t.Errorf("list %s twice", f[0])
		}
		lists[f[0]] = true
		seen := make(map[string]bool)
		for _, e := range strings.Split(f[1], ", ") {
			if seen[e] {
				t.Errorf("%s: %q twice", f[0], e)
			}
			seen[e] = true
			if e != strings.TrimSpace(e) || e == "" || (f[0] != "weak-metonyms" && e != strings.ToLower(e)) {
				t.Errorf("%s: entry %q: want trimmed lower case", f[0], e)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("lexicon.go")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := os.ReadFile("extract.go")
	if err != nil {
		t.Fatal(err)
	}
	ep, err := os.ReadFile("extract_parsed.go")
	if err != nil {
		t.Fatal(err)
	}
	bd, err := os.ReadFile("bind.go")
	if err != nil {
		t.Fatal(err)
	}
	code := string(src) + string(ex) + string(ep) + string(bd)
	for name := range lists {
		if !strings.Contains(code, `wordList("`+name+`")`) {
			t.Errorf("list %s is in words.tsv but no code reads it", name)
		}
	}
}

// Every state epithet names a state of the gazetteer.
func TestStateEpithets(t *testing.T) {
	g := buildGazetteer()
	for words, iso := range stateEpithets {
		if g.states[graphmodel.StateKey(iso)] == nil {
			t.Errorf("state-epithets: %q names %s, which is no state", words, iso)
		}
	}
	if len(stateEpithets) == 0 {
		t.Error("no state epithets read")
	}
}
