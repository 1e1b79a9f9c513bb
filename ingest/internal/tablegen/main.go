// Command tablegen writes the state, organization and person tables of
// package ingest (statetable.go, orgtable.go and persontable.go) from real
// data:
//
//   - ISO 3166-1 codes, short names and capitals from the Go module
//     github.com/biter777/countries;
//   - CAMEO codes of states and organizations, the formal names that the
//     dictionaries list as synonyms of a state, the given names of the
//     persons they list and the heads of state and government among them,
//     from the PETRARCH2 actor dictionaries kept in ./petrarch2 (MIT, Open
//     Event Data Alliance);
//   - the curated tables at the end of this file, where those sources are
//     wrong, stale or silent: common English names, official names, aliases,
//     demonyms, capitals, historical states, the list of organizations,
//     common given names, words that are not given names and leaders since
//     the dictionaries were frozen in 2014.
//
// It runs from the ingest directory through `go generate` (see
// ../../generate.go). The generated files never import the ISO module: the
// tables are plain Go literals, so package ingest has no dependency on it.
//
// The generator refuses to write tables that break the invariants the
// extractor relies on: every name, alias and demonym belongs to one state
// only, no alias or demonym is a capital, every ISO 3166-1 entry is either a
// state here or a listed territory, and every organization's CAMEO code is
// backed by the dictionary; every given name is a plain lower-case word that
// is no title, common word or word of a state's name, and every leader names
// a state of the table under a name no other leader has.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biter777/countries"
)

func main() {
	dataDir := flag.String("data", filepath.Join("internal", "tablegen", "petrarch2"), "directory holding the PETRARCH2 dictionaries")
	outDir := flag.String("out", ".", "directory to write statetable.go, orgtable.go and persontable.go into")
	verbose := flag.Bool("v", false, "print notes on the data checks (states without a dictionary entry, capitals the dictionary lacks, names taken from the dictionary, given names left out, leaders left out or claimed by two states)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("tablegen: ")

	notes := func(format string, args ...any) {
		if *verbose {
			fmt.Fprintf(os.Stderr, "note: "+format+"\n", args...)
		}
	}

	countryDict, err := parseDictionary(filepath.Join(*dataDir, "Phoenix.Countries.actors.txt"))
	if err != nil {
		log.Fatal(err)
	}
	intlDict, err := parseDictionary(filepath.Join(*dataDir, "Phoenix.International.actors.txt"))
	if err != nil {
		log.Fatal(err)
	}

	states, err := buildStates(countryDict, notes)
	if err != nil {
		log.Fatal(err)
	}
	if err := checkStates(states); err != nil {
		log.Fatal(err)
	}
	orgs, err := buildOrgs(intlDict, notes)
	if err != nil {
		log.Fatal(err)
	}
	if err := checkOrgs(orgs); err != nil {
		log.Fatal(err)
	}

	given, leaders, known, err := buildPersons(countryDict, states, notes)
	if err != nil {
		log.Fatal(err)
	}
	if err := checkPersons(given, leaders, known, states); err != nil {
		log.Fatal(err)
	}

	if err := writeGo(filepath.Join(*outDir, "statetable.go"), stateSource(states)); err != nil {
		log.Fatal(err)
	}
	if err := writeGo(filepath.Join(*outDir, "orgtable.go"), orgSource(orgs)); err != nil {
		log.Fatal(err)
	}
	if err := writeGo(filepath.Join(*outDir, "persontable.go"), personSource(given, leaders, known)); err != nil {
		log.Fatal(err)
	}
}

// ---------------------------------------------------------------------------
// PETRARCH2 dictionaries

// dictEntry is one actor of a PETRARCH2 dictionary: a root phrase, its
// synonyms and its codes. Phrases are normalized by normPhrase. note is the
// comment on the root's line ("CountryInfo.txt" marks the persons taken from
// the CountryInfo file); section is the last heading comment above it
// ("U.S. Presidents").
type dictEntry struct {
	root    string
	syns    []string
	codes   []dictCode
	line    int
	note    string
	section string
}

// dictCode is one bracketed code, with its optional date restriction
// ("<900823", "910825-911221", ">911221").
type dictCode struct {
	code  string
	dates string
}

var bracketRE = regexp.MustCompile(`\[([^\]]*)\]`)

// parseDictionary reads a PETRARCH2 actor file. A line that starts in column
// one is a new root (codes may follow on the same line); a "+" line adds a
// synonym to the current root; an indented line carries codes of the current
// root; "#" starts a comment. A comment line that is not a commented-out
// entry (no "_", no "[") is a heading.
func parseDictionary(path string) ([]*dictEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	var entries []*dictEntry
	var cur *dictEntry
	section := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if h, ok := strings.CutPrefix(line, "#"); ok {
			if h = strings.TrimSpace(h); h != "" && !strings.ContainsAny(h, "_[") {
				section = h
			}
			continue
		}
		note := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line, note = line[:i], strings.TrimSpace(line[i+1:])
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		codes := parseCodes(line)
		text := line
		if i := strings.IndexByte(text, '['); i >= 0 {
			text = text[:i]
		}
		switch {
		case line[0] == ' ' || line[0] == '\t':
			if cur != nil {
				cur.codes = append(cur.codes, codes...)
			}
		case line[0] == '+':
			if cur == nil {
				continue
			}
			// A few lines hold two synonyms ("+TAIOAN_ +TAWIAN_").
			for _, s := range strings.Split(text[1:], " +") {
				if p := normPhrase(s); p != "" {
					cur.syns = append(cur.syns, p)
				}
			}
			cur.codes = append(cur.codes, codes...)
		default:
			cur = &dictEntry{root: normPhrase(text), codes: codes, line: n, note: note, section: section}
			entries = append(entries, cur)
		}
	}
	return entries, sc.Err()
}

func parseCodes(line string) []dictCode {
	var out []dictCode
	for _, m := range bracketRE.FindAllStringSubmatch(line, -1) {
		fields := strings.Fields(m[1])
		if len(fields) == 0 {
			continue
		}
		c := dictCode{code: fields[0]}
		if len(fields) > 1 {
			c.dates = fields[1]
		}
		out = append(out, c)
	}
	return out
}

// normPhrase turns a dictionary phrase ("PEOPLE'S_REPUBLIC_OF_CHINA_") or an
// English name ("People's Republic of China") into one comparable form:
// upper case, accents folded, words separated by single spaces, hyphens read
// as spaces, a leading "THE" dropped.
func normPhrase(s string) string {
	s = strings.ToUpper(foldAccents(s))
	s = strings.NewReplacer("_", " ", "-", " ").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimPrefix(s, "THE ")
	return s
}

// currentCode returns the code a country entry has today: the last code
// without an end date. Entries of states that no longer exist (Czechoslovakia,
// [CSK 19181001-19930101]) have no open code; for them the last code is used.
func currentCode(e *dictEntry) string {
	last := ""
	for _, c := range e.codes {
		if c.dates == "" || strings.HasPrefix(c.dates, ">") {
			last = c.code
		}
	}
	if last == "" && len(e.codes) > 0 {
		last = e.codes[len(e.codes)-1].code
	}
	return last
}

var stateCodeRE = regexp.MustCompile(`^[A-Z]{3}$`)

// ---------------------------------------------------------------------------
// States

// state is one row of the generated stateTable.
type state struct {
	ISO3, Name, CAMEO         string
	Names, Demonyms, Capitals []string
	Historical                bool
}

// dictState is what the country dictionary says about one state.
type dictState struct {
	cameo string
	syns  []string // normalized synonyms of all its root entries
}

// countryEntries groups the root entries of the country dictionary by the
// state they stand for. A root stands for a state when its current code is a
// three-letter state code; roots in skipRoots are regions or cities that the
// dictionary codes as their state and are left out.
func countryEntries(dict []*dictEntry) map[string]*dictState {
	byISO := make(map[string]*dictState)
	for _, e := range dict {
		code := currentCode(e)
		if !stateCodeRE.MatchString(code) || skipRoots[e.root] {
			continue
		}
		iso := code
		if v, ok := cameoToISO[code]; ok {
			iso = v
		}
		ds := byISO[iso]
		if ds == nil {
			ds = &dictState{cameo: code}
			byISO[iso] = ds
		}
		ds.syns = append(ds.syns, e.root)
		ds.syns = append(ds.syns, e.syns...)
	}
	return byISO
}

func buildStates(dict []*dictEntry, note func(string, ...any)) ([]state, error) {
	fromDict := countryEntries(dict)

	// Every ISO 3166-1 entry of the module must be a curated state or a
	// listed territory, so that a new code cannot slip in unnoticed.
	isoName := make(map[string]string)
	isoCapital := make(map[string]string)
	for _, c := range countries.All() {
		a3 := c.Alpha3()
		if _, ok := territories[a3]; ok {
			continue
		}
		if cs, ok := curatedStates[a3]; ok && cs.historical {
			continue // the module still lists Yugoslavia; it is curated below
		}
		if _, ok := curatedStates[a3]; !ok {
			return nil, fmt.Errorf("ISO 3166-1 entry %s (%s) is neither a curated state nor a listed territory", a3, c.String())
		}
		isoName[a3] = c.String()
		if capital := c.Capital().String(); capital != "" && capital != "None" && !strings.Contains(capital, "Unknown") {
			isoCapital[a3] = capital
		}
	}

	var current, historical []state
	for iso3, cs := range curatedStates {
		if !cs.historical {
			if _, ok := isoName[iso3]; !ok {
				return nil, fmt.Errorf("curated state %s is not in the ISO module", iso3)
			}
		}
		s := state{ISO3: iso3, Historical: cs.historical}

		// Name: the curated common name, else the ISO short name.
		s.Name = cs.name
		if s.Name == "" {
			s.Name = isoName[iso3]
		}
		if s.Name == "" || strings.ContainsAny(s.Name, "(),") {
			return nil, fmt.Errorf("%s: no usable common name (ISO: %q)", iso3, isoName[iso3])
		}

		// CAMEO: the state's own dictionary entry; for West Germany the
		// entry that lists it as a synonym; else the ISO code.
		ds := fromDict[iso3]
		switch {
		case cs.cameoFrom != "":
			e := findEntry(dict, cs.cameoFrom)
			if e == nil {
				return nil, fmt.Errorf("%s: no dictionary entry for %q", iso3, cs.cameoFrom)
			}
			s.CAMEO = currentCode(e)
		case ds != nil:
			s.CAMEO = ds.cameo
		default:
			s.CAMEO = iso3
			note("%s %s: no root entry in the country dictionary; CAMEO code set to the ISO code", iso3, s.Name)
		}

		// Names: official name, curated names, the ISO short name when it
		// is a plain name, then formal variants from the dictionary.
		var names []string
		if cs.official != "" {
			names = append(names, cs.official)
		}
		names = append(names, cs.names...)
		if n := isoName[iso3]; n != "" && !strings.ContainsAny(n, "()") {
			names = append(names, n)
		}
		if ds != nil {
			for _, syn := range ds.syns {
				if v, ok := formalVariant(syn, s.Name); ok {
					names = append(names, v)
					note("%s: name %q taken from the dictionary", iso3, v)
				}
			}
		}
		s.Names = cleanList(names, append([]string{s.Name}, cs.drop...))

		s.Demonyms = cleanList(cs.demonyms, nil)

		// Capitals: the curated list when there is one (the module is
		// stale or incomplete there), else the module's capital. A capital
		// that is the state's own name (Singapore, Monaco, Vatican City)
		// adds nothing and is left out.
		caps := cs.capitals
		if caps == nil && isoCapital[iso3] != "" {
			caps = []string{isoCapital[iso3]}
		}
		s.Capitals = cleanList(caps, []string{s.Name})
		if ds != nil {
			for _, c := range s.Capitals {
				if !containsNorm(ds.syns, c) {
					note("%s: capital %q is not among the dictionary's synonyms", iso3, c)
				}
			}
		}

		if s.Historical {
			historical = append(historical, s)
		} else {
			current = append(current, s)
		}
	}
	for iso3 := range fromDict {
		if _, ok := curatedStates[iso3]; !ok {
			if _, terr := territories[iso3]; !terr {
				note("dictionary code %s is neither a state nor a territory here", iso3)
			}
		}
	}

	// Current states first, then historical ones, each by code: a lookup
	// that takes the first state with a given capital ("Moscow", "Prague")
	// then finds the current state, not its predecessor.
	sort.Slice(current, func(i, j int) bool { return current[i].ISO3 < current[j].ISO3 })
	sort.Slice(historical, func(i, j int) bool { return historical[i].ISO3 < historical[j].ISO3 })
	return append(current, historical...), nil
}

// findEntry returns the dictionary entry whose root or one of whose synonyms
// is the phrase.
func findEntry(dict []*dictEntry, phrase string) *dictEntry {
	p := normPhrase(phrase)
	for _, e := range dict {
		if e.root == p {
			return e
		}
		for _, s := range e.syns {
			if s == p {
				return e
			}
		}
	}
	return nil
}

// formalVariant accepts a dictionary synonym as a name of the state when it
// is a formal name built on the state's common name: "REPUBLIC OF GEORGIA",
// "HASHEMITE KINGDOM OF THE JORDAN". Everything else the dictionary lists
// (demonyms, cities, provinces, rivers, misspellings, native names) is left
// out: the curated tables hold the names and demonyms worth keeping.
func formalVariant(syn, name string) (string, bool) {
	words := strings.Fields(syn)
	key := strings.Fields(normPhrase(name))
	if len(words) <= len(key)+1 {
		return "", false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '\'' {
				return "", false // parentheses, commas, dots, digits
			}
		}
	}
	head, tail := words[:len(words)-len(key)], words[len(words)-len(key):]
	if strings.Join(tail, " ") != strings.Join(key, " ") {
		return "", false
	}
	if head[len(head)-1] == "THE" {
		head = head[:len(head)-1]
	}
	if len(head) < 2 || head[len(head)-1] != "OF" {
		return "", false
	}
	noun := false
	for _, w := range head[:len(head)-1] {
		if !formalWords[w] {
			return "", false
		}
		if formalNouns[w] {
			noun = true
		}
	}
	if !noun {
		return "", false
	}
	// Rebuild in English case: the formal words capitalized, "of", "the"
	// and "and" in lower case, the state's name as the table writes it.
	prefix := words[:len(words)-len(key)]
	out := make([]string, 0, len(prefix)+1)
	for i, w := range prefix {
		lw := strings.ToLower(w)
		if i > 0 && (lw == "of" || lw == "the" || lw == "and") {
			out = append(out, lw)
			continue
		}
		r, size := utf8.DecodeRuneInString(lw)
		out = append(out, string(unicode.ToUpper(r))+lw[size:])
	}
	out = append(out, name)
	return strings.Join(out, " "), true
}

// cleanList trims, drops empty entries, entries equal to one of skip and
// repeats (case-insensitively, accents kept), and keeps the first spelling.
func cleanList(in, skip []string) []string {
	seen := make(map[string]bool)
	for _, s := range skip {
		seen[strings.ToLower(s)] = true
	}
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

func containsNorm(list []string, s string) bool {
	p := normPhrase(s)
	for _, x := range list {
		if x == p {
			return true
		}
	}
	return false
}

// checkStates enforces the invariants of the table.
func checkStates(states []state) error {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }

	iso3RE := regexp.MustCompile(`^[A-Z]{3}$`)
	owner := make(map[string]string)    // lower-case name/alias/demonym -> ISO3
	capitals := make(map[string]string) // lower-case capital -> ISO3
	currentCount := 0
	for _, s := range states {
		if !iso3RE.MatchString(s.ISO3) {
			fail("%s: code is not three upper-case letters", s.ISO3)
		}
		if !s.Historical {
			currentCount++
		}
		if len(s.Demonyms) == 0 {
			if _, ok := noDemonym[s.ISO3]; !ok {
				fail("%s %s: no demonym and not listed in noDemonym", s.ISO3, s.Name)
			}
		} else if _, ok := noDemonym[s.ISO3]; ok {
			fail("%s %s: has demonyms but is listed in noDemonym", s.ISO3, s.Name)
		}
		for _, c := range s.Capitals {
			if _, ok := capitals[strings.ToLower(c)]; !ok {
				capitals[strings.ToLower(c)] = s.ISO3
			}
		}
		all := append(append([]string{s.Name}, s.Names...), s.Demonyms...)
		for _, n := range all {
			k := strings.ToLower(n)
			if prev, ok := owner[k]; ok && prev != s.ISO3 {
				fail("%q belongs to both %s and %s", n, prev, s.ISO3)
			}
			owner[k] = s.ISO3
		}
	}
	for _, s := range states {
		for _, n := range append(append([]string{}, s.Names...), s.Demonyms...) {
			if c, ok := capitals[strings.ToLower(n)]; ok {
				fail("%s: %q is also the capital of %s", s.ISO3, n, c)
			}
		}
	}
	if currentCount != wantCurrentStates {
		fail("%d current states, want %d (193 UN members, 2 observers, Taiwan, Kosovo)", currentCount, wantCurrentStates)
	}
	if len(errs) > 0 {
		return fmt.Errorf("state table:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// ---------------------------------------------------------------------------
// Organizations

type org struct {
	Name, Acronym, CAMEO string
	Aliases              []string
}

// buildOrgs checks every curated organization against the international
// dictionary: its code must be a code the dictionary uses, and the entries
// named after the organization (by name, acronym or alias) must carry that
// code. Where the dictionary has no such entry or disagrees with itself, the
// curated record says why in its note.
func buildOrgs(dict []*dictEntry, note func(string, ...any)) ([]org, error) {
	used := make(map[string]bool)
	byPhrase := make(map[string][]*dictEntry)
	for _, e := range dict {
		for _, c := range e.codes {
			used[c.code] = true
		}
		byPhrase[e.root] = append(byPhrase[e.root], e)
		for _, s := range e.syns {
			byPhrase[s] = append(byPhrase[s], e)
		}
	}

	var errs []string
	var out []org
	for _, spec := range curatedOrgs {
		if !used[spec.cameo] {
			errs = append(errs, fmt.Sprintf("%s: code %s does not occur in the dictionary", spec.name, spec.cameo))
		}
		forms := append([]string{spec.name, spec.acronym}, spec.aliases...)
		found, agree := false, true
		for _, f := range forms {
			if f == "" {
				continue
			}
			for _, e := range byPhrase[normPhrase(f)] {
				if len(e.codes) == 0 {
					continue // a bare phrase without a code ("U.N._") says nothing
				}
				found = true
				if currentCode(e) != spec.cameo {
					agree = false
					note("%s: dictionary entry %q (line %d) has code %s", spec.name, e.root, e.line, currentCode(e))
				}
			}
		}
		if (!found || !agree) && spec.note == "" {
			what := "no dictionary entry is named after it"
			if found {
				what = "its dictionary entries disagree with " + spec.cameo
			}
			errs = append(errs, fmt.Sprintf("%s: %s; say why in its note", spec.name, what))
		}
		out = append(out, org{
			Name:    spec.name,
			Acronym: spec.acronym,
			Aliases: cleanList(spec.aliases, []string{spec.name, spec.acronym}),
			CAMEO:   spec.cameo,
		})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("organization table:\n  %s", strings.Join(errs, "\n  "))
	}
	return out, nil
}

func checkOrgs(orgs []org) error {
	var errs []string
	seen := make(map[string]string)
	for _, o := range orgs {
		for _, n := range append([]string{o.Name, o.Acronym}, o.Aliases...) {
			if n == "" {
				continue
			}
			k := strings.ToLower(n)
			if prev, ok := seen[k]; ok && prev != o.Name {
				errs = append(errs, fmt.Sprintf("%q belongs to both %s and %s", n, prev, o.Name))
			}
			seen[k] = o.Name
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("organization table:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// ---------------------------------------------------------------------------
// Persons

// personBlock is one person of the country dictionary. A root without codes
// followed by further roots shares the codes of the last of them
// ("MIKHAIL_GORBACHEV_", "EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV", ...,
// "GENERAL_SECRETARY_GORBACHEV" and then the codes), so such a run is one
// block. state is the state in whose part of the dictionary the block is
// listed.
type personBlock struct {
	roots []*dictEntry
	codes []dictCode
	state string
}

// personBlocks groups the country dictionary into blocks and records the
// state section each lies in. A run of roots is merged only when the last
// root (the one with the codes) has the last word of the first root, so a
// stray root without codes cannot lend its name to the next person.
func personBlocks(dict []*dictEntry) []*personBlock {
	var out []*personBlock
	var pending []*dictEntry
	section := ""
	for _, e := range dict {
		if code := currentCode(e); stateCodeRE.MatchString(code) && !isCountryInfo(e) && !skipRoots[e.root] {
			section = isoOf(code)
		}
		if len(e.codes) == 0 {
			pending = append(pending, e)
			continue
		}
		roots := []*dictEntry{e}
		if len(pending) > 0 {
			first := strings.Fields(pending[0].root)
			if len(first) > 0 && slices.Contains(strings.Fields(e.root), first[len(first)-1]) {
				roots = append(pending, e)
			}
		}
		pending = nil
		out = append(out, &personBlock{roots: roots, codes: e.codes, state: section})
	}
	return out
}

func isCountryInfo(e *dictEntry) bool {
	return strings.Contains(strings.ToLower(e.note), "countryinfo")
}

// isoOf maps a dictionary state code to the ISO code of the state tables.
func isoOf(code string) string {
	if v, ok := cameoToISO[code]; ok {
		return v
	}
	return code
}

// openEnd is the end date of a code without an end.
const openEnd = 99991231

// codeEnd returns the last day (YYYYMMDD) a code applies: the end of its
// date range, or openEnd when it has none or the date cannot be read.
func codeEnd(c dictCode) int {
	d := c.dates
	switch {
	case strings.HasPrefix(d, "<"):
		d = d[1:]
	case strings.Contains(d, "-"):
		d = d[strings.IndexByte(d, '-')+1:]
	default:
		return openEnd
	}
	if v, ok := dateValue(d); ok {
		return v
	}
	return openEnd
}

// dateValue reads a dictionary date, YYMMDD or YYYYMMDD, as YYYYMMDD. The
// dictionary writes years before 1930 with four digits, so a two-digit year
// below 30 is in the 2000s.
func dateValue(s string) (int, bool) {
	var v int
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		v = v*10 + int(r-'0')
	}
	switch len(s) {
	case 8:
		return v, true
	case 6:
		if v/10000 < 30 {
			return 20000000 + v, true
		}
		return 19000000 + v, true
	}
	return 0, false
}

// ---------------------------------------------------------------------------
// Given names

// personFirstWords counts, for every word that opens a person's name in the
// country dictionary, the different persons whose name it opens. The persons
// are the entries taken from the CountryInfo file and the leaders; leading
// titles ("SIR", "SHEIKH") are skipped, and one-word names (mononyms such as
// "SUHARTO", or surnames alone) count for nothing.
func personFirstWords(blocks []*personBlock, leaders []*personBlock) map[string]int {
	seen := make(map[string]bool)
	count := make(map[string]int)
	add := func(root string) {
		words := stripLeading(strings.Fields(root), titleWords)
		if len(words) < 2 || seen[strings.Join(words, " ")] {
			return
		}
		seen[strings.Join(words, " ")] = true
		count[strings.ToLower(words[0])]++
	}
	for _, b := range blocks {
		for _, e := range b.roots {
			if isCountryInfo(e) {
				add(e.root)
			}
		}
	}
	for _, b := range leaders {
		add(b.roots[0].root)
	}
	return count
}

// stripLeading drops the leading words that are in set.
func stripLeading(words []string, set map[string]bool) []string {
	for len(words) > 0 && set[words[0]] {
		words = words[1:]
	}
	return words
}

var givenNameRE = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// givenNameFilter says why a lower-case word cannot be a given name, or ""
// when it can. Words of states' names, demonyms and capitals are refused:
// a one-word name, demonym or capital always ("jordan", "chad", "sofia"),
// a word of a longer name or demonym ("united", "saudi", "salvador") unless
// it is one of the common given names.
type givenNameFilter struct {
	stateWords  map[string]string // word -> the state entry it comes from
	stateSingle map[string]bool   // one-word names, demonyms and capitals
}

func newGivenNameFilter(states []state) givenNameFilter {
	f := givenNameFilter{stateWords: make(map[string]string), stateSingle: make(map[string]bool)}
	for _, s := range states {
		single := append(append([]string{s.Name}, s.Names...), s.Demonyms...)
		for _, n := range append(single, s.Capitals...) {
			words := strings.FieldsFunc(strings.ToLower(foldAccents(n)), func(r rune) bool {
				return r == ' ' || r == '-'
			})
			if len(words) == 1 {
				f.stateSingle[words[0]] = true
			}
		}
		for _, n := range single {
			words := strings.FieldsFunc(strings.ToLower(foldAccents(n)), func(r rune) bool {
				return r == ' ' || r == '-'
			})
			if len(words) > 1 {
				for _, w := range words {
					f.stateWords[w] = s.ISO3
				}
			}
		}
	}
	return f
}

func (f givenNameFilter) refuse(w string) string {
	switch {
	case len(w) < 2 || !givenNameRE.MatchString(w):
		return "not a plain word of two letters or more"
	case titleWords[strings.ToUpper(w)] || roleWords[strings.ToUpper(w)]:
		return "title or role"
	case notGivenNames[w]:
		return "common word, particle or other use"
	case f.stateSingle[w]:
		return "name, demonym or capital of a state"
	case f.stateWords[w] != "" && !commonGivenNames[w]:
		return "word of the name of " + f.stateWords[w]
	}
	return ""
}

// buildGivenNames returns the sorted given names: the words that open the
// names of at least minGivenNamePersons persons of the dictionary and pass
// the filter, and the curated common given names.
func buildGivenNames(first map[string]int, states []state, note func(string, ...any)) ([]string, error) {
	f := newGivenNameFilter(states)
	var errs []string
	names := make(map[string]bool)
	for w := range commonGivenNames {
		if why := f.refuse(w); why != "" {
			errs = append(errs, fmt.Sprintf("curated given name %q is refused: %s", w, why))
		}
		names[w] = true
	}
	for w, n := range first {
		if n < minGivenNamePersons || names[w] {
			continue
		}
		if why := f.refuse(w); why != "" {
			if n >= 5 {
				note("given name %q (%d persons) left out: %s", w, n, why)
			}
			continue
		}
		names[w] = true
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("given names:\n  %s", strings.Join(errs, "\n  "))
	}
	out := make([]string, 0, len(names))
	for w := range names {
		out = append(out, w)
	}
	sort.Strings(out)
	return out, nil
}

// ---------------------------------------------------------------------------
// Leaders

// leader is one row of the generated leaderTable.
type leader struct {
	Name, ISO3 string
}

// leaderCand is a name the dictionary gives a leader, with what decides
// between two states claiming the same name.
type leaderCand struct {
	name    string
	iso3    string
	rank    int // 0 curated, 1 the person's main name, 2 a variant of it
	end     int // last day of the tenure
	line    int
	primary string // the main name, for notes
}

// leaderBlocks returns the blocks of persons who led a state: those the
// dictionary codes both as the state's government (XXXGOV, no sector) and as
// its elite (XXXELI). The CountryInfo file gives the ELI code (for the years
// before and after office) to the heads of state and government, regents and
// governors-general it lists, not to its ministers, so the pair picks them
// out; where a hand-written part of the dictionary also gives the pair to
// other officials, leaderSections names the part that holds the leaders. The
// state must be the one whose part of the dictionary lists the person.
func leaderBlocks(blocks []*personBlock, isStateISO func(string) bool, note func(string, ...any)) (out []*personBlock, iso map[*personBlock]string, end map[*personBlock]int) {
	iso = make(map[*personBlock]string)
	end = make(map[*personBlock]int)
	for _, b := range blocks {
		gov := make(map[string]int)
		eli := make(map[string]bool)
		for _, c := range b.codes {
			if len(c.code) != 6 || !stateCodeRE.MatchString(c.code[:3]) {
				continue
			}
			s := isoOf(c.code[:3])
			switch c.code[3:] {
			case "GOV":
				gov[s] = max(gov[s], codeEnd(c))
			case "ELI":
				eli[s] = true
			}
		}
		var states []string
		for s := range gov {
			if eli[s] && isStateISO(s) {
				states = append(states, s)
			}
		}
		if len(states) == 0 {
			continue
		}
		sort.Strings(states)
		if !slices.Contains(states, b.state) {
			note("leader %q (line %d) is coded %v but listed under %s; left out", b.roots[0].root, b.roots[0].line, states, b.state)
			continue
		}
		s := b.state
		if want, ok := leaderSections[s]; ok && b.roots[len(b.roots)-1].section != want {
			continue
		}
		last := gov[s]
		for _, succ := range predecessorStates {
			if s == succ.code && last <= succ.until {
				s = succ.iso3
			}
		}
		out = append(out, b)
		iso[b] = s
		end[b] = last
	}
	return out, iso, end
}

// leaderNamer turns leader blocks into names. demonyms are the one-word
// names and demonyms of states, in dictionary form, stripped from the front
// of synonyms ("RUSSIAN PRESIDENT VLADIMIR PUTIN"); given holds the given
// names and opensName the words that open a person's name in the
// dictionary.
type leaderNamer struct {
	demonyms  map[string]bool
	given     map[string]bool
	opensName map[string]int
}

// names returns the names under which a leader block can be listed: its
// main name and variants. The main name is the first root or synonym that
// cleans to a name (clean) with the surname of the first root; the variants
// are the other such names that open with a given name ("Vladimir
// Vladimirovich Putin", "Dick Nixon") and the main name without middle
// initials ("Richard M. Nixon" -> "Richard Nixon"). A one-word name
// ("Suharto") is kept only when the first root is that one word and it
// opens no person's name; a longer one needs two words that are not
// particles, initials or suffixes, or a regnal number ("Hassan II").
func (ln leaderNamer) names(b *personBlock) []string {
	ref, ok := ln.clean(b.roots[0].root, true)
	if !ok {
		return nil
	}
	sig := significantWords(ref)
	if len(sig) == 0 {
		return nil
	}
	surname := sig[len(sig)-1]

	var phrases []string
	for _, e := range b.roots {
		phrases = append(phrases, e.root)
	}
	for _, e := range b.roots {
		phrases = append(phrases, e.syns...)
	}
	var out []string
	var mainWords []string
	seen := make(map[string]bool)
	add := func(words []string) {
		name := englishName(words)
		if k := nameKey(name); !seen[k] {
			seen[k] = true
			out = append(out, name)
			if mainWords == nil {
				mainWords = words
			}
		}
	}
	for i, p := range phrases {
		words, ok := ln.clean(p, i == 0)
		if !ok || len(words) > maxLeaderWords || !slices.Contains(words, surname) {
			continue
		}
		lw := strings.ToLower(words[0])
		switch {
		case len(words) == 1:
			if i != 0 || len(strings.Fields(p)) != 1 || ln.given[lw] || ln.opensName[lw] > 0 {
				continue // "AYATOLLAH ABDOLKARIM", "HUSSEIN"
			}
		case len(significantWords(words)) < 2 && !isRoman(words[len(words)-1]):
			continue
		case len(out) > 0 && !ln.given[lw]:
			continue // "BUNDESKANZLER MERKEL", "GOV. RONALD REAGAN", "AL MALIKI"
		}
		add(words)
	}
	if len(mainWords) > 2 {
		plain := []string{mainWords[0]}
		for _, w := range mainWords[1 : len(mainWords)-1] {
			if !isInitial(w) {
				plain = append(plain, w)
			}
		}
		plain = append(plain, mainWords[len(mainWords)-1])
		if len(plain) < len(mainWords) {
			add(plain)
		}
	}
	return out
}

// clean turns a dictionary phrase into the words of a name: it drops
// backquotes (the dictionary's transliterated ayn), cuts the name at a
// comma unless a suffix follows ("STOESSEL, JR." stays, "ROBINSON, BARON
// MARTONMERE" is cut) and at a Malay patronymic ("IBNI AL-MARHUM ..."), and
// strips leading titles, roles and, in synonyms, demonyms. It fails when a
// role word is left ("UNITED STATES PRESIDENT BARACK OBAMA", "OBAMA
// ADMINISTRATION") or a word is not a name word.
func (ln leaderNamer) clean(phrase string, root bool) ([]string, bool) {
	var words []string
	all := strings.Fields(strings.ReplaceAll(phrase, "`", ""))
	for i, w := range all {
		if w == "IBNI" {
			break
		}
		if c, ok := strings.CutSuffix(w, ","); ok {
			words = append(words, c)
			if i+1 < len(all) && nameSuffixes[all[i+1]] {
				words = append(words, all[i+1])
			}
			break
		}
		words = append(words, w)
	}
	for {
		n := len(words)
		words = stripLeading(words, titleWords)
		words = stripLeading(words, roleWords)
		if !root {
			words = stripLeading(words, ln.demonyms)
		}
		if len(words) == n {
			break
		}
	}
	if len(words) == 0 {
		return nil, false
	}
	for i, w := range words {
		if roleWords[w] || !leaderWordRE.MatchString(w) {
			return nil, false
		}
		if i > 0 && (nameSuffixes[w] || isRoman(w)) && i < len(words)-1 && !nameSuffixes[words[i+1]] {
			return nil, false // "ADAM II HANS"
		}
	}
	return words, true
}

var initialsRE = regexp.MustCompile(`^(?:[A-Z]\.)+$`)

var leaderWordRE = regexp.MustCompile(`^(?:[A-Z][A-Z']*|(?:[A-Z]\.)+|[A-Z]+\.)$`)

func isInitial(w string) bool { return len(w) == 2 && w[1] == '.' }

// significantWords returns the words of a name that are neither particles
// (after the first word), initials nor suffixes.
func significantWords(words []string) []string {
	var out []string
	for i, w := range words {
		if (i == 0 || !leaderNameParticles[strings.ToLower(w)]) && !isInitial(w) && !nameSuffixes[w] {
			out = append(out, w)
		}
	}
	return out
}

var romanRE = regexp.MustCompile(`^X{0,3}(?:IX|IV|V?I{0,3})$`)

// isRoman reports whether w is a regnal number: "II", "IV", "XVI".
func isRoman(w string) bool { return w != "" && romanRE.MatchString(w) }

// englishName writes the upper-case words of a name in English case:
// "BARACK OBAMA" -> "Barack Obama", "MCGEORGE BUNDY" -> "McGeorge Bundy",
// "LULA DA SILVA" -> "Lula da Silva", "ELIZABETH II" -> "Elizabeth II",
// "TIP O'NEILL" -> "Tip O'Neill", "EDWIN MEESE III", "ERIC H. HOLDER JR."
// -> "Eric H. Holder Jr.".
func englishName(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && leaderNameParticles[lw]:
			out[i] = lw
		case i > 0 && isRoman(w):
			out[i] = w
		case initialsRE.MatchString(w):
			out[i] = w // "H.R.", "J."
		case strings.Contains(w, "."):
			out[i] = capitalize(lw) // "Jr.", "St."
		case strings.HasPrefix(lw, "mc") && len(lw) > 3:
			out[i] = "Mc" + capitalize(lw[2:])
		case macNames[w]:
			out[i] = "Mac" + capitalize(lw[3:])
		case strings.Contains(lw, "'"):
			parts := strings.Split(lw, "'")
			for j := range parts {
				if j == 0 || len(parts[j-1]) == 1 {
					parts[j] = capitalize(parts[j])
				}
			}
			out[i] = strings.Join(parts, "'")
		default:
			out[i] = capitalize(lw)
		}
	}
	return strings.Join(out, " ")
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// nameKey is the form under which two names are the same name: the
// extractor keys people by a slug that ignores case, accents, dots,
// apostrophes and hyphens.
func nameKey(name string) string {
	return strings.NewReplacer(".", "", "'", "").Replace(strings.ToLower(normPhrase(name)))
}

// buildLeaders lists the leaders of the dictionary and the curated ones.
// When two states claim one name the curated entry wins, then a person's
// main name over a variant of another's, then the later tenure.
func buildLeaders(lb []*personBlock, isoOfBlock map[*personBlock]string, endOfBlock map[*personBlock]int, stateISO map[string]bool, ln leaderNamer, note func(string, ...any)) ([]leader, error) {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }

	var cands []leaderCand
	for _, c := range curatedLeaders {
		if !stateISO[c.iso3] {
			fail("curated leader %s: %s is not a state", c.name, c.iso3)
		}
		cands = append(cands, leaderCand{name: c.name, iso3: c.iso3, rank: 0, end: openEnd, primary: c.name})
	}
	fixed := make(map[string]bool)
	for _, b := range lb {
		names := ln.names(b)
		if len(names) == 0 {
			note("leader %q (line %d, %s) has no usable name", b.roots[0].root, b.roots[0].line, isoOfBlock[b])
			continue
		}
		iso := isoOfBlock[b]
		if fix, ok := leaderFixes[names[0]]; ok {
			fixed[names[0]] = true
			if fix.iso3 == "" {
				continue
			}
			if !stateISO[fix.iso3] {
				fail("leaderFixes: %s: %s is not a state", names[0], fix.iso3)
			}
			iso = fix.iso3
		}
		for i, n := range names {
			rank := 1
			if i > 0 {
				rank = 2
			}
			cands = append(cands, leaderCand{name: n, iso3: iso, rank: rank, end: endOfBlock[b], line: b.roots[0].line, primary: names[0]})
		}
	}
	for n := range leaderFixes {
		if !fixed[n] {
			fail("leaderFixes: %q is no leader's main name in the dictionary", n)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].rank != cands[j].rank {
			return cands[i].rank < cands[j].rank
		}
		return cands[i].end > cands[j].end
	})
	byKey := make(map[string]leaderCand)
	var out []leader
	for _, c := range cands {
		k := nameKey(c.name)
		if prev, ok := byKey[k]; ok {
			if prev.iso3 != c.iso3 {
				note("leader name %q: %s (%s) kept, %s (%s, line %d) dropped", c.name, prev.iso3, prev.primary, c.iso3, c.primary, c.line)
			}
			continue
		}
		byKey[k] = c
		out = append(out, leader{Name: c.name, ISO3: c.iso3})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("leader table:\n  %s", strings.Join(errs, "\n  "))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ISO3 != out[j].ISO3 {
			return out[i].ISO3 < out[j].ISO3
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// buildPersons reads the given names and the leaders from the country
// dictionary.
func buildPersons(dict []*dictEntry, states []state, note func(string, ...any)) ([]string, []leader, []string, error) {
	stateISO := make(map[string]bool)
	demonyms := make(map[string]bool)
	for _, s := range states {
		stateISO[s.ISO3] = true
		for _, n := range append(append([]string{s.Name}, s.Names...), s.Demonyms...) {
			if p := normPhrase(n); !strings.Contains(p, " ") {
				demonyms[p] = true
			}
		}
	}
	blocks := personBlocks(dict)
	lb, lbISO, lbEnd := leaderBlocks(blocks, func(s string) bool { return stateISO[s] }, note)
	first := personFirstWords(blocks, lb)
	given, err := buildGivenNames(first, states, note)
	if err != nil {
		return nil, nil, nil, err
	}
	ln := leaderNamer{demonyms: demonyms, given: setOf(given...), opensName: first}
	leaders, err := buildLeaders(lb, lbISO, lbEnd, stateISO, ln, note)
	if err != nil {
		return nil, nil, nil, err
	}
	return given, leaders, knownPersons(blocks, setOf(given...)), nil
}

// knownPersons returns the full names, lower case, of the persons of the
// country dictionary's CountryInfo entries (titles skipped, two to four
// plain words) whose first word is not a given name: a name such as
// "Morgan Smith" whose first word has a common other use, or whose given
// name the dictionary holds only once, is still a person when written in
// full. Sorted and unique.
func knownPersons(blocks []*personBlock, given map[string]bool) []string {
	seen := make(map[string]bool)
	for _, b := range blocks {
		for _, e := range b.roots {
			if !isCountryInfo(e) {
				continue
			}
			words := stripLeading(strings.Fields(e.root), titleWords)
			if len(words) < 2 || len(words) > 4 {
				continue
			}
			plain := true
			for i, w := range words {
				words[i] = strings.ToLower(w)
				plain = plain && len(w) >= 2 && givenNameRE.MatchString(words[i]) && !titleWords[w] && !roleWords[w]
			}
			if plain && !given[words[0]] {
				seen[strings.Join(words, " ")] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// checkPersons enforces the invariants of the person tables.
func checkPersons(given []string, leaders []leader, known []string, states []state) error {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	for i, w := range given {
		if !givenNameRE.MatchString(w) {
			fail("given name %q is not a lower-case word", w)
		}
		if i > 0 && given[i-1] >= w {
			fail("given names %q and %q are not sorted and unique", given[i-1], w)
		}
	}
	for i, n := range known {
		if i > 0 && known[i-1] >= n {
			fail("known persons %q and %q are not sorted and unique", known[i-1], n)
		}
		w := strings.Fields(n)
		if len(w) < 2 || len(w) > 4 {
			fail("known person %q: not a name of two to four words", n)
		}
		for _, x := range w {
			if titleWords[strings.ToUpper(x)] || roleWords[strings.ToUpper(x)] {
				fail("known person %q: %q is a title or a word of a body's name", n, x)
			}
		}
	}
	stateISO := make(map[string]bool)
	for _, s := range states {
		stateISO[s.ISO3] = true
	}
	seen := make(map[string]string)
	for _, l := range leaders {
		if !stateISO[l.ISO3] {
			fail("leader %s: %s is not a state", l.Name, l.ISO3)
		}
		words := strings.Fields(l.Name)
		if len(words) == 0 || len(words) > maxLeaderWords {
			fail("leader %q: not a name of one to %d words", l.Name, maxLeaderWords)
		} else if titleWords[strings.ToUpper(words[0])] || roleWords[strings.ToUpper(words[0])] {
			fail("leader %q starts with a title", l.Name)
		}
		k := nameKey(l.Name)
		if prev, ok := seen[k]; ok {
			fail("leader name %q is listed twice (%s, %s)", l.Name, prev, l.ISO3)
		}
		seen[k] = l.ISO3
	}
	if len(errs) > 0 {
		return fmt.Errorf("person tables:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// ---------------------------------------------------------------------------
// Output

const header = `// Code generated by tablegen; DO NOT EDIT.

// Sources: ISO 3166-1 data from github.com/biter777/countries; CAMEO codes
// and some names from the PETRARCH2 actor dictionaries, Copyright (c) 2014
// Open Event Data Alliance, MIT licence (see
// internal/tablegen/petrarch2/LICENSE); curated data in
// internal/tablegen/main.go.

package ingest
`

func stateSource(states []state) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(`
// State is one sovereign (or widely recognised de facto) state.
type State struct {
	ISO3       string   // ISO 3166-1 alpha-3, or a stable code for historical and de facto states
	Name       string   // common English short name: "Russia", "Iran", "South Korea", "United States"
	Names      []string // other names and abbreviations: "United States of America", "U.S.", "US", "USA", "America"
	Demonyms   []string // adjective and people forms, singular and plural: "American", "Americans"
	Capitals   []string // capital cities, usable as government metonyms: "Washington"
	CAMEO      string   // CAMEO country code (usually equal to ISO3)
	Historical bool     // no longer exists (Soviet Union, East Germany, Yugoslavia, Czechoslovakia)
}

// stateTable holds the UN member states, the two UN observer states
// (Palestine, Vatican City), Taiwan and Kosovo, ordered by ISO3, followed by
// historical states. Dependent territories (Hong Kong, Puerto Rico,
// Greenland, ...) are not states and are not listed.
var stateTable = []State{
`)
	for _, s := range states {
		fields := []string{fmt.Sprintf("ISO3: %q", s.ISO3), fmt.Sprintf("Name: %q", s.Name)}
		fields = appendList(fields, "Names", s.Names)
		fields = appendList(fields, "Demonyms", s.Demonyms)
		fields = appendList(fields, "Capitals", s.Capitals)
		fields = append(fields, fmt.Sprintf("CAMEO: %q", s.CAMEO))
		if s.Historical {
			fields = append(fields, "Historical: true")
		}
		fmt.Fprintf(&b, "\t{%s},\n", strings.Join(fields, ", "))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func orgSource(orgs []org) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(`
// Org is a well-known international organization, seeded into the graph with the states.
type Org struct {
	Name    string   // full English name: "United Nations", "North Atlantic Treaty Organization"
	Acronym string   // "UN", "NATO"; empty when none
	Aliases []string // other names: "U.N.", "the UN"
	CAMEO   string   // CAMEO actor code: "IGOUNO", "IGOWSTNAT"
}

// orgTable holds intergovernmental organizations, their main bodies and a
// few international NGOs that news reports as actors.
var orgTable = []Org{
`)
	for _, o := range orgs {
		fields := []string{fmt.Sprintf("Name: %q", o.Name)}
		if o.Acronym != "" {
			fields = append(fields, fmt.Sprintf("Acronym: %q", o.Acronym))
		}
		fields = appendList(fields, "Aliases", o.Aliases)
		fields = append(fields, fmt.Sprintf("CAMEO: %q", o.CAMEO))
		fmt.Fprintf(&b, "\t{%s},\n", strings.Join(fields, ", "))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

const personHeader = `// Code generated by tablegen; DO NOT EDIT.

// Sources: names and government roles of persons from the PETRARCH2 actor
// dictionaries, Copyright (c) 2014 Open Event Data Alliance, MIT licence (see
// internal/tablegen/petrarch2/LICENSE); curated data in
// internal/tablegen/main.go.

package ingest
`

func personSource(given []string, leaders []leader, known []string) []byte {
	var b bytes.Buffer
	b.WriteString(personHeader)
	b.WriteString(`
// givenNameList holds lower-case given names: the words that open the names
// of at least two persons of the PETRARCH2 country dictionary (titles skipped)
// and are neither titles, common words, particles nor words of states'
// names, and common English and international given names. Sorted.
var givenNameList = []string{
`)
	line := "\t"
	for _, w := range given {
		q := fmt.Sprintf("%q,", w)
		if len(line)+len(q)+1 > 80 && line != "\t" {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = "\t"
		}
		line += q + " "
	}
	if line != "\t" {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString(`}

// Leader is a person known to have led or represented a state's government, so that
// "the Obama administration" or "Putin's government" can stand for the state.
type Leader struct {
	Name string // "Barack Obama" (normal English capitalisation, no titles)
	ISO3 string // "USA"
}

// leaderTable holds heads of state and government (and governors-general)
// that the PETRARCH2 country dictionary lists, under their main name and its
// variants, and leaders since 2014; ordered by ISO3, then name. Leaders of
// the Soviet Union and West Germany are listed under those states.
var leaderTable = []Leader{
`)
	for _, l := range leaders {
		fmt.Fprintf(&b, "\t{Name: %q, ISO3: %q},\n", l.Name, l.ISO3)
	}
	b.WriteString(`}

// knownPersonList holds the full names, lower case, of the persons of the
// PETRARCH2 country dictionary whose first word is not in givenNameList, so
// that a name written in full is a person even when its given name is rare
// or has a common other use. Sorted.
var knownPersonList = []string{
`)
	for _, n := range known {
		fmt.Fprintf(&b, "\t%q,\n", n)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// appendList adds the field "Name: []string{...}" unless the list is empty.
func appendList(fields []string, name string, list []string) []string {
	if len(list) == 0 {
		return fields
	}
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return append(fields, name+": []string{"+strings.Join(q, ", ")+"}")
}

func writeGo(path string, src []byte) error {
	out, err := format.Source(src)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}

// foldAccents maps the accented Latin letters that occur in country names to
// their plain forms, for comparing names with the ASCII dictionaries.
func foldAccents(s string) string {
	return accentFolder.Replace(s)
}

var accentFolder = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ç", "c", "ñ", "n", "ș", "s", "ă", "a",
	"Á", "A", "À", "A", "Â", "A", "Ä", "A", "Å", "A",
	"É", "E", "È", "E", "Ê", "E", "Í", "I", "Î", "I",
	"Ó", "O", "Ô", "O", "Ö", "O", "Ú", "U", "Ü", "U", "Ç", "C", "Ñ", "N",
)

// ---------------------------------------------------------------------------
// Curated data

// wantCurrentStates is the number of current states: the 193 UN members,
// the observer states Palestine and Vatican City, Taiwan and Kosovo.
const wantCurrentStates = 197

// formalWords may precede "of [the] <name>" in a formal name taken from the
// dictionary; formalNouns are those that make it a formal name. "States" is
// left out: the dictionary's "United States of Mexico" and "United States of
// Venezuela" are not names in use.
var formalWords = setOf(
	"REPUBLIC", "KINGDOM", "STATE", "FEDERATION", "FEDERAL", "FEDERATIVE",
	"DEMOCRATIC", "PEOPLE'S", "ISLAMIC", "UNITED", "UNION", "SOCIALIST", "ARAB",
	"COMMONWEALTH", "PRINCIPALITY", "SULTANATE", "GRAND", "DUCHY", "EMIRATE",
	"INDEPENDENT", "PLURINATIONAL", "BOLIVARIAN", "HASHEMITE", "ORIENTAL",
)

var formalNouns = setOf(
	"REPUBLIC", "KINGDOM", "STATE", "FEDERATION", "UNION",
	"COMMONWEALTH", "PRINCIPALITY", "SULTANATE", "DUCHY", "EMIRATE",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// cameoToISO maps the dictionary's state codes that differ from ISO 3166-1
// alpha-3 to the ISO code: Kosovo is KSV in the dictionary (the World Bank
// code) and XKX here (the user-assigned code used by the EU and the ISO
// module); Timor-Leste keeps the old CAMEO code TMP.
var cameoToISO = map[string]string{
	"KSV": "XKX",
	"TMP": "TLS",
}

// skipRoots are dictionary roots that carry a state's code but are not the
// state: overseas departments, regions, a city list, a Soviet republic and a
// fictional country.
var skipRoots = setOf(
	"MAYOTTE",          // French overseas department, coded FRA
	"SAINT BARTHELEMY", // French overseas collectivity, coded FRA
	"IRAQI KURDISTAN",  // region of Iraq
	"TRANSNISTRIA",     // breakaway region of Moldova
	"LEIPZIG",          // East German cities, coded DDR then DEU
	"RUSSIAN SFSR",     // Soviet republic, coded SUNRUS then RUS
	"KINAKUTA",         // fictional country (code KNT)
)

// territories are the ISO 3166-1 entries that are not states: dependent
// territories, special administrative regions, uninhabited islands and
// Antarctica. The ISO module also still lists the Netherlands Antilles,
// dissolved in 2010.
var territories = map[string]string{
	"ABW": "Aruba", "AIA": "Anguilla", "ALA": "Åland Islands", "ANT": "Netherlands Antilles",
	"ASM": "American Samoa", "ATA": "Antarctica", "ATF": "French Southern Territories",
	"BES": "Bonaire, Sint Eustatius and Saba", "BLM": "Saint Barthélemy", "BMU": "Bermuda",
	"BVT": "Bouvet Island", "CCK": "Cocos (Keeling) Islands", "COK": "Cook Islands",
	"CUW": "Curaçao", "CXR": "Christmas Island", "CYM": "Cayman Islands",
	"ESH": "Western Sahara", "FLK": "Falkland Islands", "FRO": "Faroe Islands",
	"GGY": "Guernsey", "GIB": "Gibraltar", "GLP": "Guadeloupe", "GRL": "Greenland",
	"GUF": "French Guiana", "GUM": "Guam", "HKG": "Hong Kong",
	"HMD": "Heard Island and McDonald Islands", "IMN": "Isle of Man",
	"IOT": "British Indian Ocean Territory", "JEY": "Jersey", "MAC": "Macao",
	"MAF": "Saint Martin (French part)", "MNP": "Northern Mariana Islands",
	"MSR": "Montserrat", "MTQ": "Martinique", "MYT": "Mayotte", "NCL": "New Caledonia",
	"NFK": "Norfolk Island", "NIU": "Niue", "PCN": "Pitcairn", "PRI": "Puerto Rico",
	"PYF": "French Polynesia", "REU": "Réunion", "SGS": "South Georgia and the South Sandwich Islands",
	"SHN": "Saint Helena", "SJM": "Svalbard and Jan Mayen", "SPM": "Saint Pierre and Miquelon",
	"SXM": "Sint Maarten (Dutch part)", "TCA": "Turks and Caicos Islands", "TKL": "Tokelau",
	"UMI": "United States Minor Outlying Islands", "VGB": "British Virgin Islands",
	"VIR": "United States Virgin Islands", "WLF": "Wallis and Futuna",
}

// noDemonym lists the states that get no demonym, and why.
var noDemonym = map[string]string{
	"COG": `"Congolese" is used for the Democratic Republic of the Congo`,
	"DMA": `"Dominican" is used for the Dominican Republic`,
	"VAT": "English has no demonym for Vatican City",
	"SCG": "English has no demonym for Serbia and Montenegro",
}

// curatedState is the hand-kept part of a state's record.
type curatedState struct {
	name     string   // common English short name, when the ISO module's is not the one news uses
	official string   // official full name
	names    []string // other names, abbreviations and well-known former names
	demonyms []string // adjective and people forms
	capitals []string // replaces the module's capital when set: stale or missing data, second seats, spellings
	drop     []string // names derived from the sources that must not be kept

	historical bool   // a state that no longer exists; not in ISO 3166-1
	cameoFrom  string // dictionary phrase whose entry gives the CAMEO code, when the state has no entry of its own
}

// curatedStates has one record per state. Official names follow the full
// names of ISO 3166-1 and of the states themselves.
var curatedStates = map[string]curatedState{
	"AFG": {official: "Islamic Republic of Afghanistan", names: []string{"Islamic Emirate of Afghanistan"}, demonyms: []string{"Afghan", "Afghans"}},
	"AGO": {official: "Republic of Angola", demonyms: []string{"Angolan", "Angolans"}},
	"ALB": {official: "Republic of Albania", demonyms: []string{"Albanian", "Albanians"}},
	"AND": {official: "Principality of Andorra", demonyms: []string{"Andorran", "Andorrans"}},
	"ARE": {names: []string{"UAE", "U.A.E."}, demonyms: []string{"Emirati", "Emiratis"}},
	"ARG": {official: "Argentine Republic", demonyms: []string{"Argentine", "Argentines", "Argentinian", "Argentinians"}},
	"ARM": {official: "Republic of Armenia", demonyms: []string{"Armenian", "Armenians"}},
	"ATG": {demonyms: []string{"Antiguan", "Antiguans", "Barbudan", "Barbudans"}},
	"AUS": {official: "Commonwealth of Australia", demonyms: []string{"Australian", "Australians"}},
	"AUT": {official: "Republic of Austria", demonyms: []string{"Austrian", "Austrians"}},
	"AZE": {official: "Republic of Azerbaijan", demonyms: []string{"Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"}},
	// Gitega has been the political capital since 2019; the government
	// still largely sits in Bujumbura.
	"BDI": {official: "Republic of Burundi", demonyms: []string{"Burundian", "Burundians"}, capitals: []string{"Gitega", "Bujumbura"}},
	"BEL": {official: "Kingdom of Belgium", demonyms: []string{"Belgian", "Belgians"}},
	// Porto-Novo is the official capital, Cotonou the seat of government.
	"BEN": {official: "Republic of Benin", demonyms: []string{"Beninese"}, capitals: []string{"Porto-Novo", "Cotonou"}},
	"BFA": {demonyms: []string{"Burkinabe", "Burkinabè"}},
	"BGD": {official: "People's Republic of Bangladesh", demonyms: []string{"Bangladeshi", "Bangladeshis"}},
	"BGR": {official: "Republic of Bulgaria", demonyms: []string{"Bulgarian", "Bulgarians"}},
	"BHR": {official: "Kingdom of Bahrain", demonyms: []string{"Bahraini", "Bahrainis"}},
	"BHS": {official: "Commonwealth of The Bahamas", names: []string{"The Bahamas"}, demonyms: []string{"Bahamian", "Bahamians"}},
	"BIH": {names: []string{"Bosnia", "Bosnia-Herzegovina"}, demonyms: []string{"Bosnian", "Bosnians", "Herzegovinian", "Herzegovinians"}},
	"BLR": {official: "Republic of Belarus", demonyms: []string{"Belarusian", "Belarusians"}},
	"BLZ": {demonyms: []string{"Belizean", "Belizeans"}},
	// Sucre is the constitutional capital, La Paz the seat of government.
	"BOL": {official: "Plurinational State of Bolivia", demonyms: []string{"Bolivian", "Bolivians"}, capitals: []string{"Sucre", "La Paz"}},
	"BRA": {official: "Federative Republic of Brazil", demonyms: []string{"Brazilian", "Brazilians"}, capitals: []string{"Brasília", "Brasilia"}},
	"BRB": {demonyms: []string{"Barbadian", "Barbadians"}},
	"BRN": {name: "Brunei", official: "Brunei Darussalam", demonyms: []string{"Bruneian", "Bruneians"}},
	"BTN": {official: "Kingdom of Bhutan", demonyms: []string{"Bhutanese"}},
	"BWA": {official: "Republic of Botswana", demonyms: []string{"Botswanan", "Motswana", "Batswana"}},
	"CAF": {names: []string{"CAR"}, demonyms: []string{"Central African", "Central Africans"}},
	"CAN": {demonyms: []string{"Canadian", "Canadians"}},
	"CHE": {official: "Swiss Confederation", demonyms: []string{"Swiss"}, capitals: []string{"Bern", "Berne"}},
	"CHL": {official: "Republic of Chile", demonyms: []string{"Chilean", "Chileans"}},
	"CHN": {official: "People's Republic of China", names: []string{"PRC"}, demonyms: []string{"Chinese"}},
	// Yamoussoukro is the official capital; ministries and embassies are
	// in Abidjan.
	"CIV": {name: "Ivory Coast", official: "Republic of Côte d'Ivoire", names: []string{"Côte d'Ivoire", "Cote d'Ivoire"}, demonyms: []string{"Ivorian", "Ivorians"}, capitals: []string{"Yamoussoukro", "Abidjan"}},
	"CMR": {official: "Republic of Cameroon", demonyms: []string{"Cameroonian", "Cameroonians"}, capitals: []string{"Yaoundé", "Yaounde"}},
	// "Congo" alone is given to the Democratic Republic of the Congo, which
	// is what news means by it.
	"COD": {name: "Democratic Republic of the Congo", names: []string{"Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Congo", "Zaire"}, demonyms: []string{"Congolese"}},
	"COG": {name: "Republic of the Congo", names: []string{"Republic of Congo", "Congo Republic", "Congo-Brazzaville"}, drop: []string{"Congo"}},
	"COL": {official: "Republic of Colombia", demonyms: []string{"Colombian", "Colombians"}, capitals: []string{"Bogotá", "Bogota"}},
	"COM": {official: "Union of the Comoros", demonyms: []string{"Comoran", "Comorans", "Comorian", "Comorians"}},
	"CPV": {name: "Cape Verde", official: "Republic of Cabo Verde", names: []string{"Cabo Verde"}, demonyms: []string{"Cape Verdean", "Cape Verdeans"}},
	"CRI": {official: "Republic of Costa Rica", demonyms: []string{"Costa Rican", "Costa Ricans"}, capitals: []string{"San José", "San Jose"}},
	"CUB": {official: "Republic of Cuba", demonyms: []string{"Cuban", "Cubans"}},
	"CYP": {official: "Republic of Cyprus", demonyms: []string{"Cypriot", "Cypriots"}},
	"CZE": {name: "Czech Republic", names: []string{"Czechia"}, demonyms: []string{"Czech", "Czechs"}},
	"DEU": {official: "Federal Republic of Germany", demonyms: []string{"German", "Germans"}},
	"DJI": {official: "Republic of Djibouti", demonyms: []string{"Djiboutian", "Djiboutians"}, capitals: []string{"Djibouti City"}},
	"DMA": {official: "Commonwealth of Dominica"},
	"DNK": {official: "Kingdom of Denmark", demonyms: []string{"Danish", "Dane", "Danes"}},
	"DOM": {demonyms: []string{"Dominican", "Dominicans"}},
	"DZA": {official: "People's Democratic Republic of Algeria", demonyms: []string{"Algerian", "Algerians"}},
	"ECU": {official: "Republic of Ecuador", demonyms: []string{"Ecuadorian", "Ecuadorians", "Ecuadorean", "Ecuadoreans"}},
	"EGY": {official: "Arab Republic of Egypt", demonyms: []string{"Egyptian", "Egyptians"}},
	"ERI": {official: "State of Eritrea", demonyms: []string{"Eritrean", "Eritreans"}},
	"ESP": {official: "Kingdom of Spain", demonyms: []string{"Spanish", "Spaniard", "Spaniards"}},
	"EST": {official: "Republic of Estonia", demonyms: []string{"Estonian", "Estonians"}},
	"ETH": {official: "Federal Democratic Republic of Ethiopia", demonyms: []string{"Ethiopian", "Ethiopians"}},
	"FIN": {official: "Republic of Finland", demonyms: []string{"Finnish", "Finn", "Finns"}},
	"FJI": {official: "Republic of Fiji", demonyms: []string{"Fijian", "Fijians"}},
	"FRA": {official: "French Republic", demonyms: []string{"French"}},
	"FSM": {name: "Micronesia", official: "Federated States of Micronesia", demonyms: []string{"Micronesian", "Micronesians"}},
	"GAB": {official: "Gabonese Republic", demonyms: []string{"Gabonese"}},
	// English, Scottish and Welsh name nations inside the United Kingdom,
	// not the state, and are left out.
	"GBR": {official: "United Kingdom of Great Britain and Northern Ireland", names: []string{"UK", "U.K.", "Britain", "Great Britain"}, demonyms: []string{"British", "Briton", "Britons"}},
	"GEO": {demonyms: []string{"Georgian", "Georgians"}},
	"GHA": {official: "Republic of Ghana", demonyms: []string{"Ghanaian", "Ghanaians"}},
	"GIN": {official: "Republic of Guinea", names: []string{"Guinea-Conakry"}, demonyms: []string{"Guinean", "Guineans"}},
	"GMB": {official: "Republic of The Gambia", names: []string{"The Gambia"}, demonyms: []string{"Gambian", "Gambians"}},
	"GNB": {official: "Republic of Guinea-Bissau", demonyms: []string{"Bissau-Guinean", "Bissau-Guineans"}},
	"GNQ": {official: "Republic of Equatorial Guinea", demonyms: []string{"Equatorial Guinean", "Equatorial Guineans", "Equatoguinean", "Equatoguineans"}},
	"GRC": {official: "Hellenic Republic", demonyms: []string{"Greek", "Greeks"}},
	"GRD": {demonyms: []string{"Grenadian", "Grenadians"}},
	"GTM": {official: "Republic of Guatemala", demonyms: []string{"Guatemalan", "Guatemalans"}},
	// The module writes "Georgetown Guyana".
	"GUY": {official: "Co-operative Republic of Guyana", demonyms: []string{"Guyanese"}, capitals: []string{"Georgetown"}},
	"HND": {official: "Republic of Honduras", demonyms: []string{"Honduran", "Hondurans"}},
	"HRV": {official: "Republic of Croatia", demonyms: []string{"Croatian", "Croatians", "Croat", "Croats"}},
	"HTI": {official: "Republic of Haiti", demonyms: []string{"Haitian", "Haitians"}},
	"HUN": {demonyms: []string{"Hungarian", "Hungarians"}},
	"IDN": {official: "Republic of Indonesia", demonyms: []string{"Indonesian", "Indonesians"}},
	"IND": {official: "Republic of India", names: []string{"Bharat"}, demonyms: []string{"Indian", "Indians"}},
	"IRL": {names: []string{"Republic of Ireland"}, demonyms: []string{"Irish"}},
	"IRN": {name: "Iran", official: "Islamic Republic of Iran", names: []string{"Persia"}, demonyms: []string{"Iranian", "Iranians"}},
	"IRQ": {official: "Republic of Iraq", demonyms: []string{"Iraqi", "Iraqis"}},
	"ISL": {official: "Republic of Iceland", demonyms: []string{"Icelandic", "Icelander", "Icelanders"}, capitals: []string{"Reykjavik", "Reykjavík"}},
	"ISR": {official: "State of Israel", demonyms: []string{"Israeli", "Israelis"}},
	"ITA": {official: "Italian Republic", demonyms: []string{"Italian", "Italians"}},
	"JAM": {demonyms: []string{"Jamaican", "Jamaicans"}},
	// The dictionary's "Kingdom of the Jordan" forms are long out of use.
	"JOR": {official: "Hashemite Kingdom of Jordan", drop: []string{"Kingdom of the Jordan", "Hashemite Kingdom of the Jordan"}, demonyms: []string{"Jordanian", "Jordanians"}},
	"JPN": {demonyms: []string{"Japanese"}},
	// The capital was Nur-Sultan from 2019 to 2022, Astana again since.
	"KAZ": {official: "Republic of Kazakhstan", demonyms: []string{"Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"}, capitals: []string{"Astana"}},
	"KEN": {official: "Republic of Kenya", demonyms: []string{"Kenyan", "Kenyans"}},
	"KGZ": {official: "Kyrgyz Republic", demonyms: []string{"Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"}},
	"KHM": {official: "Kingdom of Cambodia", demonyms: []string{"Cambodian", "Cambodians"}},
	"KIR": {official: "Republic of Kiribati", demonyms: []string{"I-Kiribati"}},
	"KNA": {official: "Federation of Saint Kitts and Nevis", names: []string{"St. Kitts and Nevis", "St Kitts and Nevis"}, demonyms: []string{"Kittitian", "Kittitians", "Nevisian", "Nevisians"}},
	"KOR": {name: "South Korea", official: "Republic of Korea", names: []string{"ROK"}, demonyms: []string{"South Korean", "South Koreans"}},
	"KWT": {official: "State of Kuwait", demonyms: []string{"Kuwaiti", "Kuwaitis"}},
	"LAO": {name: "Laos", official: "Lao People's Democratic Republic", names: []string{"Lao PDR"}, demonyms: []string{"Lao", "Laotian", "Laotians"}},
	"LBN": {official: "Lebanese Republic", demonyms: []string{"Lebanese"}},
	"LBR": {official: "Republic of Liberia", demonyms: []string{"Liberian", "Liberians"}},
	// The module's name is the Gaddafi-era "Libyan Arab Jamahiriya",
	// kept as a former name.
	"LBY": {name: "Libya", official: "State of Libya", demonyms: []string{"Libyan", "Libyans"}},
	"LCA": {names: []string{"St. Lucia", "St Lucia"}, demonyms: []string{"Saint Lucian", "Saint Lucians"}},
	"LIE": {official: "Principality of Liechtenstein", demonyms: []string{"Liechtensteiner", "Liechtensteiners"}},
	// Colombo is the commercial capital and seat of most of the
	// government; Sri Jayawardenepura Kotte the legislative capital.
	"LKA": {official: "Democratic Socialist Republic of Sri Lanka", demonyms: []string{"Sri Lankan", "Sri Lankans"}, capitals: []string{"Colombo", "Sri Jayawardenepura Kotte"}},
	"LSO": {official: "Kingdom of Lesotho", demonyms: []string{"Basotho", "Mosotho"}},
	"LTU": {official: "Republic of Lithuania", demonyms: []string{"Lithuanian", "Lithuanians"}},
	"LUX": {official: "Grand Duchy of Luxembourg", demonyms: []string{"Luxembourgish", "Luxembourger", "Luxembourgers"}, capitals: []string{"Luxembourg City"}},
	"LVA": {official: "Republic of Latvia", demonyms: []string{"Latvian", "Latvians"}},
	"MAR": {official: "Kingdom of Morocco", demonyms: []string{"Moroccan", "Moroccans"}},
	"MCO": {official: "Principality of Monaco", demonyms: []string{"Monegasque", "Monegasques"}},
	"MDA": {name: "Moldova", official: "Republic of Moldova", demonyms: []string{"Moldovan", "Moldovans"}, capitals: []string{"Chisinau", "Chișinău"}},
	"MDG": {official: "Republic of Madagascar", demonyms: []string{"Malagasy"}},
	// Only the accented spelling: "Male" is an English word.
	"MDV": {official: "Republic of Maldives", demonyms: []string{"Maldivian", "Maldivians"}, capitals: []string{"Malé"}},
	"MEX": {official: "United Mexican States", demonyms: []string{"Mexican", "Mexicans"}},
	"MHL": {official: "Republic of the Marshall Islands", demonyms: []string{"Marshallese"}},
	"MKD": {name: "North Macedonia", official: "Republic of North Macedonia", names: []string{"Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"}, demonyms: []string{"Macedonian", "Macedonians", "North Macedonian", "North Macedonians"}},
	"MLI": {official: "Republic of Mali", demonyms: []string{"Malian", "Malians"}},
	"MLT": {official: "Republic of Malta", demonyms: []string{"Maltese"}},
	"MMR": {official: "Republic of the Union of Myanmar", names: []string{"Burma"}, demonyms: []string{"Burmese"}, capitals: []string{"Naypyidaw", "Nay Pyi Taw"}},
	"MNE": {demonyms: []string{"Montenegrin", "Montenegrins"}},
	"MNG": {demonyms: []string{"Mongolian", "Mongolians"}, capitals: []string{"Ulaanbaatar", "Ulan Bator"}},
	"MOZ": {official: "Republic of Mozambique", demonyms: []string{"Mozambican", "Mozambicans"}},
	"MRT": {official: "Islamic Republic of Mauritania", demonyms: []string{"Mauritanian", "Mauritanians"}},
	"MUS": {official: "Republic of Mauritius", demonyms: []string{"Mauritian", "Mauritians"}},
	"MWI": {official: "Republic of Malawi", demonyms: []string{"Malawian", "Malawians"}},
	// Putrajaya is the administrative capital.
	"MYS": {demonyms: []string{"Malaysian", "Malaysians"}, capitals: []string{"Kuala Lumpur", "Putrajaya"}},
	"NAM": {official: "Republic of Namibia", demonyms: []string{"Namibian", "Namibians"}},
	"NER": {official: "Republic of the Niger", demonyms: []string{"Nigerien", "Nigeriens"}},
	"NGA": {official: "Federal Republic of Nigeria", demonyms: []string{"Nigerian", "Nigerians"}},
	"NIC": {official: "Republic of Nicaragua", demonyms: []string{"Nicaraguan", "Nicaraguans"}},
	// Amsterdam is the capital; the government sits in The Hague.
	"NLD": {official: "Kingdom of the Netherlands", names: []string{"Holland"}, demonyms: []string{"Dutch"}, capitals: []string{"Amsterdam", "The Hague"}},
	"NOR": {official: "Kingdom of Norway", demonyms: []string{"Norwegian", "Norwegians"}},
	"NPL": {official: "Federal Democratic Republic of Nepal", demonyms: []string{"Nepali", "Nepalis", "Nepalese"}},
	"NRU": {official: "Republic of Nauru", demonyms: []string{"Nauruan", "Nauruans"}},
	"NZL": {demonyms: []string{"New Zealander", "New Zealanders"}},
	"OMN": {official: "Sultanate of Oman", demonyms: []string{"Omani", "Omanis"}},
	"PAK": {official: "Islamic Republic of Pakistan", demonyms: []string{"Pakistani", "Pakistanis"}},
	"PAN": {official: "Republic of Panama", demonyms: []string{"Panamanian", "Panamanians"}},
	"PER": {official: "Republic of Peru", demonyms: []string{"Peruvian", "Peruvians"}},
	"PHL": {official: "Republic of the Philippines", demonyms: []string{"Filipino", "Filipinos", "Filipina", "Philippine"}},
	// Ngerulmud replaced Koror as the capital in 2006; the module has
	// Melekeok, the state it lies in.
	"PLW": {official: "Republic of Palau", demonyms: []string{"Palauan", "Palauans"}, capitals: []string{"Ngerulmud"}},
	"PNG": {official: "Independent State of Papua New Guinea", demonyms: []string{"Papua New Guinean", "Papua New Guineans"}},
	"POL": {official: "Republic of Poland", demonyms: []string{"Polish", "Pole", "Poles"}},
	"PRK": {name: "North Korea", official: "Democratic People's Republic of Korea", names: []string{"DPRK"}, demonyms: []string{"North Korean", "North Koreans"}},
	"PRT": {official: "Portuguese Republic", demonyms: []string{"Portuguese"}},
	"PRY": {official: "Republic of Paraguay", demonyms: []string{"Paraguayan", "Paraguayans"}, capitals: []string{"Asunción", "Asuncion"}},
	// Ramallah is the seat of the Palestinian Authority; East Jerusalem the
	// proclaimed capital.
	"PSE": {name: "Palestine", official: "State of Palestine", names: []string{"Palestinian territories", "Occupied Palestinian Territory"}, demonyms: []string{"Palestinian", "Palestinians"}, capitals: []string{"Ramallah", "East Jerusalem"}},
	"QAT": {official: "State of Qatar", demonyms: []string{"Qatari", "Qataris"}},
	"ROU": {demonyms: []string{"Romanian", "Romanians"}},
	"RUS": {name: "Russia", official: "Russian Federation", demonyms: []string{"Russian", "Russians"}},
	"RWA": {official: "Republic of Rwanda", demonyms: []string{"Rwandan", "Rwandans"}},
	"SAU": {official: "Kingdom of Saudi Arabia", names: []string{"KSA"}, demonyms: []string{"Saudi", "Saudis", "Saudi Arabian", "Saudi Arabians"}},
	"SDN": {official: "Republic of the Sudan", demonyms: []string{"Sudanese"}},
	"SEN": {official: "Republic of Senegal", demonyms: []string{"Senegalese"}},
	"SGP": {official: "Republic of Singapore", demonyms: []string{"Singaporean", "Singaporeans"}},
	"SLB": {demonyms: []string{"Solomon Islander", "Solomon Islanders"}},
	"SLE": {official: "Republic of Sierra Leone", demonyms: []string{"Sierra Leonean", "Sierra Leoneans"}},
	"SLV": {official: "Republic of El Salvador", demonyms: []string{"Salvadoran", "Salvadorans", "Salvadorean", "Salvadoreans"}},
	"SMR": {official: "Republic of San Marino", demonyms: []string{"Sammarinese"}, capitals: []string{"City of San Marino"}},
	"SOM": {official: "Federal Republic of Somalia", demonyms: []string{"Somali", "Somalis"}},
	"SRB": {official: "Republic of Serbia", demonyms: []string{"Serbian", "Serbians", "Serb", "Serbs"}},
	"SSD": {official: "Republic of South Sudan", demonyms: []string{"South Sudanese"}},
	"STP": {official: "Democratic Republic of São Tomé and Príncipe", names: []string{"São Tomé and Príncipe"}, demonyms: []string{"Santomean", "Santomeans"}, capitals: []string{"São Tomé", "Sao Tome"}},
	"SUR": {official: "Republic of Suriname", demonyms: []string{"Surinamese"}},
	"SVK": {official: "Slovak Republic", demonyms: []string{"Slovak", "Slovaks", "Slovakian", "Slovakians"}},
	"SVN": {official: "Republic of Slovenia", demonyms: []string{"Slovenian", "Slovenians", "Slovene", "Slovenes"}},
	"SWE": {official: "Kingdom of Sweden", demonyms: []string{"Swedish", "Swede", "Swedes"}},
	// Renamed from Swaziland in 2018; the module still has the old name.
	"SWZ": {name: "Eswatini", official: "Kingdom of Eswatini", names: []string{"Swaziland", "Kingdom of Swaziland"}, demonyms: []string{"Swazi", "Swazis"}},
	"SYC": {official: "Republic of Seychelles", demonyms: []string{"Seychellois"}},
	"SYR": {name: "Syria", official: "Syrian Arab Republic", demonyms: []string{"Syrian", "Syrians"}},
	"TCD": {official: "Republic of Chad", demonyms: []string{"Chadian", "Chadians"}},
	"TGO": {official: "Togolese Republic", demonyms: []string{"Togolese"}, capitals: []string{"Lomé", "Lome"}},
	"THA": {official: "Kingdom of Thailand", demonyms: []string{"Thai", "Thais"}},
	"TJK": {official: "Republic of Tajikistan", demonyms: []string{"Tajik", "Tajiks", "Tajikistani", "Tajikistanis"}},
	"TKM": {demonyms: []string{"Turkmen", "Turkmens"}},
	"TLS": {name: "Timor-Leste", official: "Democratic Republic of Timor-Leste", names: []string{"East Timor"}, demonyms: []string{"Timorese", "East Timorese"}},
	"TON": {official: "Kingdom of Tonga", demonyms: []string{"Tongan", "Tongans"}},
	"TTO": {official: "Republic of Trinidad and Tobago", demonyms: []string{"Trinidadian", "Trinidadians", "Tobagonian", "Tobagonians"}},
	"TUN": {official: "Republic of Tunisia", demonyms: []string{"Tunisian", "Tunisians"}},
	// News still writes Turkey; Türkiye is the official short name since
	// 2022.
	"TUR": {name: "Turkey", official: "Republic of Türkiye", names: []string{"Türkiye", "Turkiye", "Republic of Turkey"}, demonyms: []string{"Turkish", "Turk", "Turks"}},
	"TUV": {demonyms: []string{"Tuvaluan", "Tuvaluans"}},
	// ISO 3166-1 calls it "Taiwan, Province of China"; the state calls
	// itself the Republic of China.
	"TWN": {name: "Taiwan", official: "Republic of China", names: []string{"ROC", "Chinese Taipei"}, demonyms: []string{"Taiwanese"}},
	"TZA": {name: "Tanzania", official: "United Republic of Tanzania", demonyms: []string{"Tanzanian", "Tanzanians"}},
	"UGA": {official: "Republic of Uganda", demonyms: []string{"Ugandan", "Ugandans"}},
	"UKR": {demonyms: []string{"Ukrainian", "Ukrainians"}, capitals: []string{"Kyiv", "Kiev"}},
	"URY": {official: "Oriental Republic of Uruguay", demonyms: []string{"Uruguayan", "Uruguayans"}},
	"USA": {official: "United States of America", names: []string{"U.S.", "US", "USA", "U.S.A.", "America"}, demonyms: []string{"American", "Americans"}, capitals: []string{"Washington", "Washington, D.C."}},
	"UZB": {official: "Republic of Uzbekistan", demonyms: []string{"Uzbek", "Uzbeks", "Uzbekistani", "Uzbekistanis"}},
	"VAT": {name: "Vatican City", official: "Vatican City State", names: []string{"Holy See", "Vatican"}},
	"VCT": {names: []string{"St. Vincent and the Grenadines"}, demonyms: []string{"Vincentian", "Vincentians"}},
	"VEN": {name: "Venezuela", official: "Bolivarian Republic of Venezuela", demonyms: []string{"Venezuelan", "Venezuelans"}},
	"VNM": {official: "Socialist Republic of Vietnam", names: []string{"Viet Nam"}, demonyms: []string{"Vietnamese"}},
	"VUT": {official: "Republic of Vanuatu", demonyms: []string{"Ni-Vanuatu"}},
	"WSM": {official: "Independent State of Samoa", demonyms: []string{"Samoan", "Samoans"}},
	"XKX": {official: "Republic of Kosovo", demonyms: []string{"Kosovar", "Kosovars", "Kosovan", "Kosovans"}, capitals: []string{"Pristina", "Prishtina"}},
	"YEM": {official: "Republic of Yemen", demonyms: []string{"Yemeni", "Yemenis"}, capitals: []string{"Sanaa", "Sana'a"}},
	// Pretoria is the executive capital, Cape Town the legislative one.
	"ZAF": {official: "Republic of South Africa", demonyms: []string{"South African", "South Africans"}, capitals: []string{"Pretoria", "Cape Town"}},
	"ZMB": {official: "Republic of Zambia", demonyms: []string{"Zambian", "Zambians"}},
	"ZWE": {official: "Republic of Zimbabwe", demonyms: []string{"Zimbabwean", "Zimbabweans"}},

	// Historical states. Their codes are the former ISO 3166-1 alpha-3
	// codes kept in ISO 3166-3 (SUN, DDR, YUG, CSK, SCG), except West
	// Germany: ISO 3166 gave it DEU, which is Germany's today, so it gets
	// the non-ISO code BRD (Bundesrepublik Deutschland). The dictionary
	// codes West Germany as Germany (DEU).
	"SUN": {historical: true, name: "Soviet Union", names: []string{"Union of Soviet Socialist Republics", "USSR", "U.S.S.R."}, demonyms: []string{"Soviet", "Soviets"}, capitals: []string{"Moscow"}},
	"DDR": {historical: true, name: "East Germany", names: []string{"German Democratic Republic", "GDR"}, demonyms: []string{"East German", "East Germans"}, capitals: []string{"East Berlin"}},
	"BRD": {historical: true, name: "West Germany", demonyms: []string{"West German", "West Germans"}, capitals: []string{"Bonn"}, cameoFrom: "WEST_GERMANY"},
	// YUG covers both the Socialist Federal Republic (1945-1992) and the
	// Federal Republic of Yugoslavia (1992-2003); the dictionary has no
	// entry of its own for either and uses YUG as the prefix of their
	// successors' codes (YUGBIH, YUGSRB).
	"YUG": {historical: true, name: "Yugoslavia", names: []string{"Socialist Federal Republic of Yugoslavia", "Federal Republic of Yugoslavia", "SFRY"}, demonyms: []string{"Yugoslav", "Yugoslavs", "Yugoslavian", "Yugoslavians"}, capitals: []string{"Belgrade"}},
	"CSK": {historical: true, name: "Czechoslovakia", names: []string{"Czechoslovak Socialist Republic", "Czech and Slovak Federative Republic"}, demonyms: []string{"Czechoslovak", "Czechoslovaks", "Czechoslovakian", "Czechoslovakians"}, capitals: []string{"Prague"}},
	"SCG": {historical: true, name: "Serbia and Montenegro", names: []string{"State Union of Serbia and Montenegro"}, capitals: []string{"Belgrade"}},
}

// orgSpec is one curated organization. cameo is checked against the
// international dictionary; note says why when no dictionary entry is named
// after the organization or when its entries disagree.
type orgSpec struct {
	name    string
	acronym string
	aliases []string
	cameo   string
	note    string
}

// curatedOrgs are the organizations of the table, grouped by family. Names
// are the English names as the organizations write them; American and
// British spellings in use in news are aliases.
var curatedOrgs = []orgSpec{
	// The United Nations, its main organs, courts, funds and agencies.
	{name: "United Nations", acronym: "UN", aliases: []string{"U.N."}, cameo: "IGOUNO"},
	{name: "United Nations Security Council", acronym: "UNSC", aliases: []string{"UN Security Council", "U.N. Security Council", "Security Council"}, cameo: "IGOUNO"},
	{name: "United Nations General Assembly", acronym: "UNGA", aliases: []string{"UN General Assembly", "U.N. General Assembly"}, cameo: "IGOUNO"},
	{name: "United Nations Human Rights Council", acronym: "UNHRC", aliases: []string{"UN Human Rights Council", "Human Rights Council"}, cameo: "IGOUNOHRI",
		note: "the dictionary has only the council's special rapporteur (IGOUNO); IGOUNOHRI is its code for UN human-rights bodies"},
	{name: "Office of the United Nations High Commissioner for Human Rights", acronym: "OHCHR", aliases: []string{"UN Human Rights Office", "UN High Commission for Human Rights"}, cameo: "IGOUNOHRIHCH"},
	{name: "United Nations High Commissioner for Refugees", acronym: "UNHCR", aliases: []string{"UN Refugee Agency", "UN High Commission for Refugees", "Office of the United Nations High Commissioner for Refugees"}, cameo: "IGOUNOREFHCR"},
	{name: "United Nations Children's Fund", acronym: "UNICEF", cameo: "IGOUNOKID"},
	{name: "United Nations Development Programme", acronym: "UNDP", aliases: []string{"UN Development Programme", "United Nations Development Program"}, cameo: "IGOUNODEV"},
	{name: "United Nations Educational, Scientific and Cultural Organization", acronym: "UNESCO", cameo: "IGOUNODEV"},
	{name: "World Food Programme", acronym: "WFP", aliases: []string{"World Food Program", "UN World Food Programme"}, cameo: "IGOUNOWFP"},
	{name: "World Health Organization", acronym: "WHO", aliases: []string{"World Health Organisation"}, cameo: "IGOUNOHLHWHO"},
	{name: "Food and Agriculture Organization", acronym: "FAO", aliases: []string{"Food and Agriculture Organization of the United Nations", "UN Food and Agriculture Organization", "United Nations Food and Agriculture Organization"}, cameo: "IGOUNOAGRFAO",
		note: "the dictionary codes the bare name IGOAGR and the UN-prefixed name IGOUNOAGRFAO; the specific code is kept"},
	{name: "International Labour Organization", acronym: "ILO", aliases: []string{"International Labor Organization"}, cameo: "IGOUNOLABILO"},
	{name: "International Atomic Energy Agency", acronym: "IAEA", cameo: "IGOUNOIAE"},
	{name: "International Court of Justice", acronym: "ICJ", aliases: []string{"World Court"}, cameo: "IGOUNOJUDICJ"},
	{name: "International Criminal Court", acronym: "ICC", cameo: "IGOJUDICC"},
	{name: "International Criminal Tribunal for the former Yugoslavia", acronym: "ICTY", aliases: []string{"Yugoslav war crimes tribunal"}, cameo: "IGOUNOJUDWCT",
		note: "the dictionary has only the generic INTERNATIONAL_WAR_CRIMES_TRIBUNAL (IGOUNOJUDWCT)"},
	{name: "International Criminal Tribunal for Rwanda", acronym: "ICTR", aliases: []string{"Rwanda war crimes tribunal"}, cameo: "IGOUNOJUDWCT",
		note: "the dictionary has only the generic INTERNATIONAL_WAR_CRIMES_TRIBUNAL (IGOUNOJUDWCT)"},
	{name: "Intergovernmental Panel on Climate Change", acronym: "IPCC", cameo: "IGOUNOENV"},
	{name: "International Telecommunication Union", acronym: "ITU", cameo: "IGOUNOMED",
		note: "the dictionary misspells it INTERNATIONAL_TELECOMMUNICATIONS_UNION (IGOUNOMED)"},
	{name: "International Civil Aviation Organization", acronym: "ICAO", cameo: "IGOUNOBUS"},
	{name: "International Maritime Organization", acronym: "IMO", cameo: "IGO"},
	{name: "Universal Postal Union", acronym: "UPU", cameo: "IGO"},
	{name: "International Monetary Fund", acronym: "IMF", cameo: "IGOBUSIMF"},
	{name: "World Bank", aliases: []string{"World Bank Group"}, cameo: "IGOUNODEVWBK"},
	{name: "General Agreement on Tariffs and Trade", acronym: "GATT", cameo: "IGOBUS",
		note: "the WTO's predecessor (1947-1994); no entry of its own in the dictionary"},
	{name: "World Trade Organization", acronym: "WTO", aliases: []string{"World Trade Organisation"}, cameo: "IGOBUSWTO",
		note: "no entry of its own; the dictionary codes its directors-general IGOBUSWTO"},

	// Other global bodies.
	{name: "Organisation for the Prohibition of Chemical Weapons", acronym: "OPCW", aliases: []string{"Organization for the Prohibition of Chemical Weapons"}, cameo: "IGO"},
	{name: "International Energy Agency", acronym: "IEA", cameo: "IGOUNOAIE"},
	{name: "International Criminal Police Organization", aliases: []string{"Interpol"}, cameo: "IGOCOPITP"},
	{name: "Bank for International Settlements", acronym: "BIS", cameo: "IGOBUSBIS"},
	{name: "Organisation for Economic Co-operation and Development", acronym: "OECD", aliases: []string{"Organization for Economic Cooperation and Development", "Organisation for Economic Cooperation and Development"}, cameo: "IGOWSTBUS"},
	{name: "Organization of the Petroleum Exporting Countries", acronym: "OPEC", aliases: []string{"Organization of Petroleum Exporting Countries"}, cameo: "IGOOPC"},
	{name: "Nuclear Suppliers Group", acronym: "NSG", cameo: "IGOBUS"},
	{name: "Inter-Parliamentary Union", acronym: "IPU", cameo: "IGOLEGIPU",
		note: "the dictionary codes the full name IGOLEGIPU and the acronym IGOIPU; the full name's code is kept"},
	{name: "Non-Aligned Movement", acronym: "NAM", aliases: []string{"Organization of Non-Aligned Countries"}, cameo: "IGONON"},
	{name: "Commonwealth of Nations", cameo: "IGOCWN"},
	{name: "International Organisation of La Francophonie", aliases: []string{"La Francophonie"}, cameo: "IGO"},
	{name: "Organisation of Islamic Cooperation", acronym: "OIC", aliases: []string{"Organization of Islamic Cooperation", "Organization of the Islamic Conference", "Organisation of the Islamic Conference"}, cameo: "IGOMOSOIC",
		note: "the dictionary codes ORGANIZATION_OF_THE_ISLAMIC_CONFERENCE IGOMOS but the acronym and other spellings IGOMOSOIC"},

	// Europe.
	{name: "North Atlantic Treaty Organization", acronym: "NATO", cameo: "IGOWSTNAT"},
	{name: "European Union", acronym: "EU", aliases: []string{"E.U."}, cameo: "IGOEUREEC"},
	{name: "European Community", acronym: "EC", aliases: []string{"European Communities", "European Economic Community", "EEC", "Common Market"}, cameo: "IGOEUREEC",
		note: "the European Union's predecessor (1958-1993), named in news of its time; the dictionary codes it with the EU"},
	{name: "European Commission", aliases: []string{"EU Commission"}, cameo: "IGOEUREEC"},
	{name: "European Parliament", cameo: "IGOEUREEC"},
	{name: "European Council", cameo: "IGOEUREEC",
		note: "EU institution: the dictionary codes all EU institutions IGOEUREEC"},
	{name: "Council of the European Union", aliases: []string{"Council of the EU"}, cameo: "IGOEUREEC",
		note: "EU institution: the dictionary codes all EU institutions IGOEUREEC"},
	{name: "European Central Bank", acronym: "ECB", cameo: "IGOEUREEC",
		note: "EU institution: the dictionary codes all EU institutions IGOEUREEC"},
	{name: "Court of Justice of the European Union", acronym: "CJEU", aliases: []string{"European Court of Justice"}, cameo: "IGOEUREEC",
		note: "EU institution: the dictionary codes all EU institutions IGOEUREEC"},
	{name: "Council of Europe", cameo: "IGOEURCOE"},
	{name: "European Court of Human Rights", acronym: "ECHR", cameo: "IGOEURCOE",
		note: "court of the Council of Europe, whose code it takes"},
	{name: "Organization for Security and Co-operation in Europe", acronym: "OSCE", aliases: []string{"Organisation for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe", "Organisation for Security and Cooperation in Europe"}, cameo: "IGO"},
	{name: "European Free Trade Association", acronym: "EFTA", cameo: "IGOEURBUSEFT"},
	{name: "European Bank for Reconstruction and Development", acronym: "EBRD", cameo: "IGOEURDEVEBR"},
	{name: "Nordic Council", cameo: "IGOSCN"},
	{name: "Commonwealth of Independent States", acronym: "CIS", cameo: "IGOCASCIS"},

	// Africa and the Middle East.
	{name: "African Union", acronym: "AU", cameo: "IGOAFRAFU",
		note: "no entry of its own; the dictionary codes its Peace and Security Council (AUPSC) and its officials IGOAFRAFU"},
	{name: "Organization of African Unity", acronym: "OAU", cameo: "IGOAFROAU"},
	{name: "Economic Community of West African States", acronym: "ECOWAS", cameo: "IGOWAFWAS",
		note: "the dictionary codes the full name IGOWAFWAS and the acronym IGOWAFBUSWAS; the full name's code is kept"},
	{name: "Southern African Development Community", acronym: "SADC", cameo: "IGOSAFDEVSAD",
		note: "the dictionary codes the full name IGOSAFDEVSAD and the acronym IGOSAFSAD; the full name's code is kept"},
	{name: "East African Community", acronym: "EAC", cameo: "IGOEAFEAC"},
	{name: "Economic Community of Central African States", acronym: "ECCAS", cameo: "IGOCAFECA"},
	{name: "Intergovernmental Authority on Development", acronym: "IGAD", cameo: "IGOEAFDEVIAD",
		note: "the dictionary codes the full name IGOEAFDEVIAD and the acronym IGODEVIAD; the full name's code is kept"},
	{name: "Common Market for Eastern and Southern Africa", acronym: "COMESA", cameo: "IGOAFRBUSCES"},
	{name: "African Development Bank", acronym: "AfDB", cameo: "IGOAFRDEVAFB"},
	{name: "Arab League", aliases: []string{"League of Arab States"}, cameo: "IGOMEAARL"},
	{name: "Gulf Cooperation Council", acronym: "GCC", aliases: []string{"Cooperation Council for the Arab States of the Gulf"}, cameo: "IGOPGSGCC",
		note: "no entry of its own; the dictionary codes its secretary-general IGOPGSGCC"},
	{name: "Arab Maghreb Union", cameo: "IGOMEAAMU"},
	{name: "Organization of Arab Petroleum Exporting Countries", acronym: "OAPEC", cameo: "IGOARBBUSAPE"},
	{name: "Islamic Development Bank", acronym: "IsDB", cameo: "IGOMOSDEVIDB"},

	// Asia and the Pacific.
	{name: "Association of Southeast Asian Nations", acronym: "ASEAN", aliases: []string{"Association of South East Asian Nations"}, cameo: "IGOSEAASN"},
	{name: "Shanghai Cooperation Organisation", acronym: "SCO", aliases: []string{"Shanghai Cooperation Organization"}, cameo: "IGOCAS"},
	{name: "South Asian Association for Regional Cooperation", acronym: "SAARC", cameo: "IGOSASSAA"},
	{name: "Asian Development Bank", acronym: "ADB", cameo: "IGOASADEVADB"},

	// The Americas.
	{name: "Organization of American States", acronym: "OAS", cameo: "IGOOAS"},
	{name: "Caribbean Community", acronym: "CARICOM", cameo: "IGOCRB"},
	{name: "Union of South American Nations", acronym: "UNASUR", cameo: "IGOSAM"},
	{name: "Andean Community", cameo: "IGOSAM"},
	{name: "Inter-American Development Bank", acronym: "IDB", cameo: "IGONAMDEV"},

	// International NGOs reported as actors.
	{name: "International Committee of the Red Cross", acronym: "ICRC", aliases: []string{"Red Cross"}, cameo: "NGOHLHIRC"},
	{name: "International Federation of Red Cross and Red Crescent Societies", acronym: "IFRC", aliases: []string{"International Federation of Red Cross and Red Crescent"}, cameo: "NGOHLHIRC"},
	{name: "Amnesty International", cameo: "NGOHRIAMN"},
	{name: "Human Rights Watch", acronym: "HRW", cameo: "NGOHRI"},
	{name: "Doctors Without Borders", acronym: "MSF", aliases: []string{"Médecins Sans Frontières", "Medecins Sans Frontieres"}, cameo: "NGOHLHMSF"},
	{name: "Reporters Without Borders", acronym: "RSF", aliases: []string{"Reporters Sans Frontières", "Reporters Sans Frontieres"}, cameo: "NGOHRIMED",
		note: "the dictionary codes the English name NGOHRIMED and the French name NGOHRI; the more specific code is kept"},
	{name: "Committee to Protect Journalists", acronym: "CPJ", cameo: "NGOHRIMED"},
	{name: "International Crisis Group", aliases: []string{"Crisis Group"}, cameo: "NGOICG"},
	{name: "Transparency International", cameo: "NGODEV"},
	{name: "Greenpeace", cameo: "NGOENV"},
	{name: "Oxfam", aliases: []string{"Oxfam International"}, cameo: "NGOXFM"},
	{name: "Save the Children", aliases: []string{"Save the Children International"}, cameo: "NGODEV"},
}

// ---------------------------------------------------------------------------
// Curated data: persons

// minGivenNamePersons is how many different persons of the dictionary a word
// must open the name of to be taken as a given name.
const minGivenNamePersons = 2

// maxLeaderWords is the longest leader name kept, in words: the extractor
// reads person names of at most four words.
const maxLeaderWords = 4

// titleWords are the titles, honorifics and ranks that may precede a name
// in the dictionary ("SIR_PAUL_HASLUCK_", "SHEIKH_ZAID_IBN_SULTAN_AL_NAHAYAN_",
// "RATU_SIR_KAMISESE_MARA_"); they are skipped before the given name and
// stripped from leaders' names. "CPP" and "KPA" are party and army prefixes
// a few Cambodian and North Korean entries carry. Given names that are also
// titles elsewhere ("AMIR", "MALIK", "MIRZA", "SAYED") are not listed.
var titleWords = setOf(
	"MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "PROF", "PROF.", "PROFESSOR",
	"SIR", "DAME", "LORD", "LADY", "BARON", "BARONESS", "VISCOUNT", "EARL", "DUKE",
	"KING", "QUEEN", "PRINCE", "PRINCESS", "CROWN", "EMPEROR", "EMPRESS", "EMIR",
	"SULTAN", "SHEIKH", "SHEIK", "SHAIKH", "SHAYKH", "SHEIKHA",
	"GENERAL", "GEN", "GEN.", "LT", "LT.", "LIEUTENANT", "COL", "COL.", "COLONEL",
	"MAJOR", "MAJ.", "CAPTAIN", "CAPT", "CAPT.", "ADMIRAL", "ADM.", "MARSHAL", "FIELD",
	"BRIGADIER", "COMMANDER", "SERGEANT", "CORPORAL",
	"HAJI", "HAJJI", "ALHAJI", "ALHAJ", "HADJ", "HADJA", "HAJA", "HAJIYA",
	"AYATOLLAH", "HOJATOLISLAM", "HOJJATOLESLAM", "MULLAH", "MAULANA", "MAULVI", "IMAM", "MUFTI",
	"BISHOP", "ARCHBISHOP", "CARDINAL", "POPE", "FATHER", "REV", "REV.", "REVEREND", "MONSIGNOR", "PASTOR",
	"RATU", "TUN", "TUNKU", "TUANKU", "TENGKU", "DATO", "DATO'", "DATUK", "DATIN", "SERI",
	"PENGIRAN", "PEHIN", "SAMDECH", "LYONPO", "DASHO", "DAW", "THAKIN", "TSEHAFI", "TAEZAZ",
	"HON", "HON.", "HONOURABLE", "RT", "RT.", "MADAME", "MADAM", "MME", "MME.", "MONSIEUR",
	"CPP", "KPA",
)

// roleWords are words of offices and of phrases around names. Leading ones
// are stripped from a leader's name like titles ("PRIME MINISTER VLADIMIR
// PUTIN"); a name that still holds one is not a name ("VICE PRESIDENT OF
// THE UNITED STATES", "OBAMA ADMINISTRATION", "ISLAMIC REVOLUTIONARY
// COUNCIL").
var roleWords = setOf(
	"PRESIDENT", "PRESIDENTE", "PRIME", "MINISTER", "PREMIER", "CHANCELLOR", "KANZLER",
	"SECRETARY", "ADMINISTRATION", "GOVERNMENT", "REGIME", "CABINET", "LEADER", "CHAIRMAN",
	"FORMER", "EX", "ELECT", "VICE", "DEPUTY", "ACTING", "INTERIM", "LATE",
	"SENATOR", "CONGRESSMAN", "CONGRESSWOMAN", "REPRESENTATIVE", "AMBASSADOR",
	"GOVERNOR", "MAYOR", "CHIEF", "PARTY", "COMMUNIST", "OF", "THE", "AND",
	"COUNCIL", "COMMITTEE", "REVOLUTIONARY", "JUNTA", "MILITARY", "ISLAMIC",
)

// notGivenNames are words that open persons' names in the dictionary (or
// could) but are read as something else when capitalised in news: English
// function words and words that start sentences, months, days and holidays,
// particles, words of places and institutions, adjectives of politics and
// religion, and a few names whose other use is the common one.
var notGivenNames = setOf(
	// English function words and sentence openers.
	"a", "an", "and", "or", "but", "nor", "so", "yet", "if", "as", "at", "by", "in", "of", "on",
	"to", "up", "for", "from", "into", "onto", "over", "than", "that", "this", "these", "those",
	"then", "there", "here", "when", "where", "while", "who", "whom", "whose", "which", "what",
	"why", "how", "all", "any", "both", "each", "every", "few", "many", "much", "more", "most",
	"some", "such", "no", "not", "only", "own", "same", "other", "another", "also", "just",
	"very", "even", "still", "too", "again", "ever", "never", "now", "once", "he", "she", "it",
	"its", "they", "them", "their", "we", "us", "our", "you", "your", "his", "her", "him", "me",
	"my", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has",
	"had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "let",
	"yes", "oh", "ok", "hi", "huh", "dear", "man", "men", "win", "pan", "sin", "saw", "job",
	"rich", "odd", "per", "lay", "pen", "mile", "said", "innocent", "desire", "prosper",
	"courage",
	// Months, days and holidays.
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "christmas", "easter", "ramadan", "eid", "hanukkah",
	"passover", "diwali", "thanksgiving", "halloween",
	// Particles: "Al Qaeda", "Abu Dhabi", "El Salvador", "Le Monde", "La Paz".
	"al", "el", "ad", "ar", "as", "ash", "ul", "ud", "bin", "ibn", "bint", "abu",
	"de", "del", "della", "di", "da", "das", "dos", "du", "des", "la", "le", "lo", "los",
	"las", "van", "von", "der", "den", "ten", "ter", "st", "mt",
	// Places, directions and institutions.
	"new", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "upper", "lower", "great", "greater", "little", "old", "young", "big", "grand",
	"royal", "national", "international", "federal", "state", "city", "house", "party", "army",
	"navy", "force", "court", "union", "bank", "group", "club", "university", "college",
	"church", "mosque", "temple", "street", "avenue", "road", "square", "bridge", "hall",
	"tower", "centre", "center", "council", "assembly", "parliament", "congress", "senate",
	"ministry", "office", "agency", "police", "foreign", "interior", "justice", "defence",
	"defense", "supreme", "high", "first", "second", "third", "last", "next", "white", "black",
	"red", "green", "blue", "golden", "holy", "saint", "san", "santa", "santo", "sao", "mount",
	"lake", "port", "fort", "cape", "gulf", "bay", "sea", "river", "island", "islands",
	// Politics and religion.
	"islamic", "arab", "muslim", "christian", "jewish", "catholic", "protestant", "orthodox",
	"sunni", "shia", "shiite", "hindu", "buddhist", "allah", "god", "christ", "prophet",
	"democratic", "republican", "socialist", "communist", "liberal", "labour", "labor",
	"conservative", "popular", "revolutionary",
	// Names whose other use is the common one in news: "Hong Kong", "Ho Chi
	// Minh City", "Han Chinese", "Chin State", "The Sun", "Long Island",
	// "Roma" (people), "Sydney" (city), "Mercedes" (cars), "Morgan Stanley",
	// "Johnson & Johnson", "Jackson Hole", "Wilson Center", "Hamilton"
	// (city), "Roosevelt Island", "BA", "SA" and "HA" (abbreviations),
	// "Papa"/"Mama"/"Baba" (forms of address), and misread entries.
	"hong", "ho", "han", "chin", "sun", "long", "roma", "sydney", "mercedes", "morgan",
	"johnson", "jackson", "wilson", "hamilton", "roosevelt", "ba", "sa", "ha", "papa",
	"mama", "baba", "than", "naal", "ily", "vkim",
)

// commonGivenNames are given names added whatever the dictionary says:
// common English given names and those of leaders and public figures of
// the news, which the dictionary (frozen in 2014, and thin outside
// government) may not hold twice.
var commonGivenNames = setOf(
	// English, men.
	"aaron", "adam", "alan", "albert", "alex", "alexander", "andrew", "anthony", "arthur",
	"austin", "ben", "benjamin", "bill", "billy", "bob", "bobby", "brad", "bradley", "brandon",
	"brian", "bruce", "bryan", "carl", "charles", "chris", "christopher", "colin", "craig",
	"dan", "daniel", "dave", "david", "dennis", "dick", "don", "donald", "doug", "douglas",
	"dylan", "ed", "eddie", "edward", "eric", "ethan", "eugene", "frank", "fred", "gary",
	"george", "gerald", "graham", "greg", "gregory", "harold", "harry", "henry", "ian",
	"jack", "jacob", "jake", "james", "jason", "jeff", "jeffrey", "jeremy", "jerry", "jim",
	"jimmy", "joe", "joel", "john", "johnny", "jon", "jonathan", "joseph", "joshua",
	"justin", "keith", "ken", "kenneth", "kevin", "kyle", "larry", "lawrence", "louis", "luke",
	"mark", "martin", "matt", "matthew", "michael", "mike", "neil", "nicholas", "nick",
	"noah", "patrick", "paul", "pete", "peter", "phil", "philip", "ralph", "randy", "ray",
	"raymond", "richard", "rick", "rob", "robert", "roger", "ron", "ronald", "roy", "russell",
	"ryan", "sam", "samuel", "scott", "sean", "seth", "simon", "stephen", "steve", "steven",
	"stuart", "ted", "terry", "thomas", "tim", "timothy", "todd", "tom", "tony", "tyler",
	"vincent", "walter", "warren", "wayne", "william", "zachary",
	// English, women.
	"alice", "alison", "amanda", "amy", "andrea", "angela", "ann", "anna", "anne", "ashley",
	"barbara", "betty", "beverly", "brenda", "carol", "caroline", "catherine", "charlotte",
	"cheryl", "christina", "christine", "claire", "cynthia", "deborah", "debra", "denise",
	"diana", "diane", "donna", "dorothy", "elizabeth", "ellen", "emily", "emma", "evelyn",
	"frances", "gloria", "hannah", "heather", "helen", "hillary", "jane", "janet", "janice",
	"jean", "jennifer", "jessica", "joan", "joyce", "judith", "judy", "julia", "julie",
	"karen", "kate", "katherine", "kathleen", "kathryn", "kelly", "kimberly", "laura",
	"lauren", "linda", "lisa", "liz", "louise", "lucia", "lucy", "margaret", "maria", "marie",
	"marilyn", "martha", "mary", "megan", "melissa", "michelle", "nancy", "natalie", "nicole",
	"olivia", "pamela", "patricia", "rachel", "rebecca", "ruth", "samantha", "sandra", "sara",
	"sarah", "sharon", "shirley", "sophia", "sophie", "stephanie", "susan", "teresa", "theresa",
	"virginia",
	// Leaders and public figures.
	"abdel", "abdullah", "abiy", "ahmed", "ali", "alexei", "andres", "andrzej", "antonio",
	"ashraf", "aung", "barack", "bashar", "benazir", "binyamin", "boris", "bola", "carlos",
	"cyril", "dilma", "dmitry", "ebrahim", "edi", "emmanuel", "emmerson", "enrique", "evo",
	"felipe", "fidel", "francois", "fumio", "gerhard", "giorgia", "giuseppe", "gordon",
	"gustavo", "hamid", "hassan", "helmut", "hosni", "hugo", "ilham", "imran", "ivan",
	"jacinda", "jacques", "jair", "javier", "jeanine", "jens", "joko", "jose", "juan", "keir",
	"kim", "lee", "luiz", "lula", "macky", "mahmoud", "manuel", "mariano",
	"mario", "mateusz", "matteo", "mauricio", "mette", "miguel", "mikhail", "mohammed",
	"moon", "muhammad", "muhammadu", "naftali", "narendra", "nawaz", "nayib", "nelson",
	"nicolas", "nikol", "nouri", "nursultan", "olaf", "olusegun", "pedro", "petro", "rahul",
	"recep", "rishi", "rodrigo", "salman", "salvador", "sanna", "sebastian", "sergei",
	"sergey", "shavkat", "shehbaz", "shinzo", "silvio", "solomon", "sonia", "tamim",
	"tayyip", "theresa", "uhuru", "ursula", "viktor", "vladimir", "volodymyr", "xi", "yair",
	"yasser", "yoshihide", "yoweri", "yulia",
)

// leaderNameParticles are written in lower case inside a leader's name:
// "Lula da Silva", "Bashar al Assad", "Qaboos bin Said".
var leaderNameParticles = setOf(
	"al", "el", "as", "ad", "ash", "ul", "ud", "bin", "ibn", "bint", "binti", "de", "del",
	"della", "di", "da", "das", "do", "dos", "du", "des", "la", "van", "von", "der", "den",
	"ten", "ter", "y", "e",
)

// nameSuffixes may follow a surname.
var nameSuffixes = setOf("JR", "JR.", "SR", "SR.", "II", "III", "IV")

// macNames are the names in "Mac" that are written with a capital after it
// ("Macmillan" is not one of them; "Machel" and "Macron" are not Mac-names).
var macNames = setOf("MACDONALD", "MACKENZIE", "MACARTHUR", "MACLEAN", "MACLEOD", "MACGREGOR", "MACINTYRE", "MACKAY", "MACNEIL", "MACKINNON")

// leaderSections: for these states a hand-written part of the dictionary
// gives the government and elite codes of leaders to other officials too
// (vice presidents, secretaries of state, attorneys general, ambassadors to
// the UN, chiefs of staff), so only the part with this heading is read.
var leaderSections = map[string]string{
	"USA": "U.S. Presidents",
}

// predecessorStates: the dictionary codes the leaders of the Soviet Union as
// Russia's and those of West Germany as Germany's; a leader whose tenure
// ended by the day the predecessor state ended led the predecessor.
var predecessorStates = []struct {
	code  string
	until int
	iso3  string
}{
	{code: "RUS", until: 19911225, iso3: "SUN"},
	{code: "DEU", until: 19901002, iso3: "BRD"},
}

// leaderFix corrects a leader of the dictionary, named by its main name: a
// different state, or none ("") to leave the person out.
type leaderFix struct {
	iso3 string
	why  string
}

var leaderFixes = map[string]leaderFix{
	"Elizabeth II":    {iso3: "GBR", why: "listed under every realm whose governors-general the dictionary lists"},
	"Friedrich Ebert": {iso3: "DEU", why: "president of the Weimar Republic; the dictionary's dates (1973) would make him West German"},

	// Leaders of Mauritania, listed and coded under Mauritius (MUS).
	"Moktar Ould Daddah":           {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Mustafa Ould Salek":           {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Mohamed Mahmoud Ould Louly":   {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Mohamed Khouna Ould Haidalla": {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Maaouya Ould Sid'ahmed Taya":  {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Ely Ould Mohamed Vall":        {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Mohamed Ould Abdel Aziz":      {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Ahmed Ould Bouceif":           {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Sid Ahmed Ould Bneijara":      {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Sidi Mohamed Ould Boubacar":   {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Mohamed Lemine Ould Guig":     {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Sghair Ould M'Bareck":         {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},
	"Zeine Ould Zeidane":           {iso3: "MRT", why: "Mauritanian, filed under Mauritius"},

	// Not leaders of the state they are coded for.
	"Mohammad Reza":          {why: "a title and given names only (AYATOLLAH_MOHAMMAD_REZA_)"},
	"Ahmed Zia Massoud":      {why: "vice-president of Afghanistan"},
	"Mohamed Elbaradei":      {why: "interim vice-president of Egypt; better known as head of the IAEA"},
	"Tommy Franks":           {why: "US general, coded as Iraq's government during the invasion"},
	"John Abizaid":           {why: "US general, coded as Iraq's government during the occupation"},
	"Jay Garner":             {why: "US administrator of occupied Iraq"},
	"Paul Bremer":            {why: "US administrator of occupied Iraq"},
	"Ali Hassan al Majid":    {why: "Iraqi governor of occupied Kuwait"},
	"Aziz Salih al Numan":    {why: "Iraqi governor of occupied Kuwait"},
	"Ian Martin":             {why: "UN official in East Timor"},
	"Sergio Vieira de Mello": {why: "UN administrator of East Timor"},
}

// curatedLeaders are leaders the dictionary lacks: those who took office
// after it was frozen in 2014, earlier ones it does not code as leaders or
// under a name longer than four words (the Gulf monarchs), and the usual
// English spelling of a few it has ("Bashar al-Assad").
var curatedLeaders = []struct {
	name string
	iso3 string
}{
	// The Americas.
	{"Donald Trump", "USA"}, {"Joe Biden", "USA"},
	{"Justin Trudeau", "CAN"}, {"Mark Carney", "CAN"},
	{"Enrique Peña Nieto", "MEX"}, {"Claudia Sheinbaum", "MEX"},
	{"Miguel Díaz-Canel", "CUB"}, {"Nicolás Maduro", "VEN"},
	{"Juan Manuel Santos", "COL"}, {"Iván Duque", "COL"}, {"Gustavo Petro", "COL"}, {"Álvaro Uribe", "COL"},
	{"Dilma Rousseff", "BRA"}, {"Michel Temer", "BRA"}, {"Jair Bolsonaro", "BRA"},
	{"Mauricio Macri", "ARG"}, {"Javier Milei", "ARG"},
	{"Augusto Pinochet", "CHL"}, {"Sebastián Piñera", "CHL"}, {"Gabriel Boric", "CHL"},

	// Europe.
	{"David Cameron", "GBR"}, {"Theresa May", "GBR"}, {"Boris Johnson", "GBR"}, {"Liz Truss", "GBR"},
	{"Rishi Sunak", "GBR"}, {"Keir Starmer", "GBR"}, {"Charles III", "GBR"},
	{"Emmanuel Macron", "FRA"},
	{"Olaf Scholz", "DEU"}, {"Friedrich Merz", "DEU"}, {"Frank-Walter Steinmeier", "DEU"},
	{"Matteo Renzi", "ITA"}, {"Giuseppe Conte", "ITA"}, {"Mario Draghi", "ITA"}, {"Giorgia Meloni", "ITA"}, {"Sergio Mattarella", "ITA"},
	{"Mariano Rajoy", "ESP"}, {"Pedro Sánchez", "ESP"}, {"Felipe VI", "ESP"},
	{"Carl XVI Gustaf", "SWE"},
	{"Alexis Tsipras", "GRC"}, {"Kyriakos Mitsotakis", "GRC"},
	{"Andrzej Duda", "POL"}, {"Mateusz Morawiecki", "POL"}, {"Karol Nawrocki", "POL"},
	{"Josip Broz Tito", "YUG"}, {"Slobodan Milošević", "YUG"},
	{"Boris Tadić", "SRB"}, {"Aleksandar Vučić", "SRB"}, {"Milo Đukanović", "MNE"},
	{"Petro Poroshenko", "UKR"}, {"Arseniy Yatsenyuk", "UKR"}, {"Volodymyr Zelensky", "UKR"}, {"Volodymyr Zelenskyy", "UKR"},
	{"Alexander Lukashenko", "BLR"},
	{"Joseph Stalin", "SUN"}, {"Nikita Khrushchev", "SUN"},
	{"Mikhail Mishustin", "RUS"},

	// Middle East and North Africa.
	{"Ahmet Davutoğlu", "TUR"}, {"Binali Yıldırım", "TUR"},
	{"Ali Khamenei", "IRN"}, {"Hassan Rouhani", "IRN"}, {"Ebrahim Raisi", "IRN"}, {"Masoud Pezeshkian", "IRN"},
	{"Naftali Bennett", "ISR"}, {"Yair Lapid", "ISR"}, {"Reuven Rivlin", "ISR"}, {"Isaac Herzog", "ISR"},
	{"Hafez al-Assad", "SYR"}, {"Bashar al-Assad", "SYR"}, {"Ahmed al-Sharaa", "SYR"},
	{"Haider al-Abadi", "IRQ"}, {"Adil Abdul-Mahdi", "IRQ"}, {"Mustafa al-Kadhimi", "IRQ"}, {"Mohammed Shia al-Sudani", "IRQ"},
	{"Fahd bin Abdulaziz", "SAU"}, {"Abdullah bin Abdulaziz", "SAU"}, {"Salman bin Abdulaziz", "SAU"}, {"Mohammed bin Salman", "SAU"},
	{"Khalifa bin Zayed", "ARE"}, {"Mohammed bin Zayed", "ARE"}, {"Mohammed bin Rashid", "ARE"},
	{"Hamad bin Khalifa", "QAT"}, {"Tamim bin Hamad", "QAT"}, {"Hamad bin Isa", "BHR"},
	{"Muammar Gaddafi", "LBY"}, {"Omar al-Bashir", "SDN"},

	// Africa south of the Sahara.
	{"Goodluck Jonathan", "NGA"}, {"Bola Tinubu", "NGA"},
	{"Abiy Ahmed", "ETH"}, {"Uhuru Kenyatta", "KEN"}, {"William Ruto", "KEN"},
	{"Cyril Ramaphosa", "ZAF"}, {"Emmerson Mnangagwa", "ZWE"},

	// Asia and the Pacific.
	{"Deng Xiaoping", "CHN"}, {"Xi Jinping", "CHN"}, {"Li Keqiang", "CHN"}, {"Li Qiang", "CHN"},
	{"Kim Jong Il", "PRK"}, {"Kim Jong Un", "PRK"},
	{"Park Geun-hye", "KOR"}, {"Moon Jae-in", "KOR"}, {"Yoon Suk Yeol", "KOR"}, {"Lee Jae-myung", "KOR"},
	{"Yoshihide Suga", "JPN"}, {"Fumio Kishida", "JPN"}, {"Shigeru Ishiba", "JPN"},
	{"Tsai Ing-wen", "TWN"}, {"Lai Ching-te", "TWN"},
	{"Narendra Modi", "IND"}, {"Ram Nath Kovind", "IND"}, {"Droupadi Murmu", "IND"},
	{"Imran Khan", "PAK"}, {"Shehbaz Sharif", "PAK"}, {"Ashraf Ghani", "AFG"},
	{"Nikol Pashinyan", "ARM"}, {"Kassym-Jomart Tokayev", "KAZ"}, {"Shavkat Mirziyoyev", "UZB"},
	{"Yingluck Shinawatra", "THA"}, {"Aung San Suu Kyi", "MMR"}, {"Min Aung Hlaing", "MMR"},
	{"Najib Razak", "MYS"}, {"Mahathir Mohamad", "MYS"}, {"Anwar Ibrahim", "MYS"},
	{"Lawrence Wong", "SGP"}, {"Joko Widodo", "IDN"}, {"Prabowo Subianto", "IDN"},
	{"Benigno Aquino III", "PHL"}, {"Rodrigo Duterte", "PHL"}, {"Ferdinand Marcos Jr.", "PHL"},
	{"Malcolm Turnbull", "AUS"}, {"Scott Morrison", "AUS"}, {"Anthony Albanese", "AUS"},
	{"Jacinda Ardern", "NZL"}, {"Christopher Luxon", "NZL"},
}
