package ingest

import (
	"fmt"
	"strings"
	"sync"
)

// The word lists of entity recognition live in lexicon/words.tsv, one list
// a line: its name, a tab, its entries separated by ", ". They are read
// once, when the package is initialised; the data ships with the binary
// and TestWordLists checks it, so a list that cannot be read is a build
// defect.

var (
	wordsOnce sync.Once
	words     map[string]map[string]bool
	wordsErr  error
)

// wordList returns the entries of the named list of lexicon/words.tsv as a
// set.
func wordList(name string) map[string]bool {
	wordsOnce.Do(func() { words, wordsErr = readWordLists() })
	if wordsErr != nil {
		panic("ingest: " + wordsErr.Error())
	}
	l, ok := words[name]
	if !ok {
		panic("ingest: lexicon/words.tsv has no list " + name)
	}
	return l
}

func readWordLists() (map[string]map[string]bool, error) {
	out := make(map[string]map[string]bool)
	err := eachRow(lexiconFS, "lexicon/words.tsv", 2, func(f []string) error {
		if _, dup := out[f[0]]; dup {
			return fmt.Errorf("list %s twice", f[0])
		}
		l := make(map[string]bool)
		for _, e := range strings.Split(f[1], ", ") {
			if e = strings.TrimSpace(e); e == "" {
				return fmt.Errorf("list %s has an empty entry", f[0])
			}
			l[e] = true
		}
		out[f[0]] = l
		return nil
	})
	return out, err
}
