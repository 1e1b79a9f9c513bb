package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/kg/graphmodel"
)

// Overrides are an analyst's corrections to entity resolution (DESIGN.md,
// "Normalization rules"), applied to every article the extractor reads.
//
// The file is UTF-8 text, one rule per line, fields separated by tabs.
// Blank lines and lines starting with "#" are ignored. Three rules exist:
//
//	same-as      NAME-OR-KEY  KEY    # what the text calls NAME (or the entity KEY) is KEY
//	not-same-as  NAME-OR-KEY  KEY    # NAME is never KEY; the two keys are different entities
//	canonical    KEY          NAME   # the entity KEY is displayed as NAME
//
// A KEY is an entity key with its kind: "state:PRK", "actor:kim-jong-un",
// "org:united-nations"; a state key must name a state of the built-in table.
// Any other first field is a surface name, compared after the same
// normalisation keys use (case, accents, hyphens and dots fold), so
// "Kim Jong-un" and "KIM JONG UN" are one name. Examples:
//
//	same-as	Kim Jong-un	actor:kim-jong-un
//	same-as	actor:kim-jong	actor:kim-jong-un
//	not-same-as	Georgia	state:GEO
//	not-same-as	actor:kim-jong-il	actor:kim-jong-un
//	canonical	actor:kim-jong-un	Kim Jong Un
//
// same-as moves every mention and claim of the left side to KEY, so an
// entity keeps one id across articles. not-same-as with a name drops the
// readings of that name as KEY ("Georgia" the US state in a US-only feed);
// with two keys it forbids a same-as between them and stops a lone surname
// of one resolving to the other. A file that contradicts itself (a same-as
// and a not-same-as of the same pair, two same-as targets or two canonical
// names for one left side, a chain of same-as) is rejected.
type Overrides struct {
	keyTo     map[string]string          // same-as: key -> key
	nameTo    map[string]string          // same-as: slug of a name -> key
	notName   map[string]map[string]bool // not-same-as: slug of a name -> keys it is never
	distinct  map[string]map[string]bool // not-same-as: key -> keys it is never (both ways)
	canonical map[string]string          // key -> display name
}

// Override rule names, as written in the file.
const (
	ruleSameAs    = "same-as"
	ruleNotSameAs = "not-same-as"
	ruleCanonical = "canonical"
)

// ParseOverrides reads an overrides file. Errors name the line; all bad
// lines are reported at once.
func ParseOverrides(b []byte) (*Overrides, error) {
	ov := &Overrides{
		keyTo: map[string]string{}, nameTo: map[string]string{},
		notName: map[string]map[string]bool{}, distinct: map[string]map[string]bool{},
		canonical: map[string]string{},
	}
	var errs []error
	bad := func(n int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("line %d: %s", n, fmt.Sprintf(format, args...)))
	}
	sameLine := map[string]int{} // left side of a same-as -> its line, for the checks below
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if len(f) != 3 {
			bad(n, "want 3 tab-separated fields (rule, left, right), got %d", len(f))
			continue
		}
		rule, left, right := f[0], f[1], f[2]
		if left == "" || right == "" {
			bad(n, "empty field")
			continue
		}
		switch rule {
		case ruleSameAs, ruleNotSameAs:
			if err := checkKey(right); err != nil {
				bad(n, "%s: right side: %v", rule, err)
				continue
			}
			leftIsKey := graphmodel.KindOfKey(left) != ""
			if leftIsKey {
				if err := checkKey(left); err != nil {
					bad(n, "%s: left side: %v", rule, err)
					continue
				}
				if left == right {
					bad(n, "%s: %s and itself", rule, left)
					continue
				}
			}
			if rule == ruleSameAs {
				if leftIsKey && graphmodel.KindOfKey(left) != graphmodel.KindOfKey(right) {
					bad(n, "same-as: %s and %s are of different kinds", left, right)
					continue
				}
				m, l := ov.nameTo, graphmodel.Slug(left)
				if leftIsKey {
					m, l = ov.keyTo, left
				}
				if l == "" {
					bad(n, "same-as: name %q has no letters or digits", left)
					continue
				}
				if old, ok := m[l]; ok && old != right {
					bad(n, "same-as: %q already maps to %s (line %d)", left, old, sameLine[l])
					continue
				}
				m[l] = right
				sameLine[l] = n
				continue
			}
			if leftIsKey {
				addPair(ov.distinct, left, right)
				addPair(ov.distinct, right, left)
				continue
			}
			l := graphmodel.Slug(left)
			if l == "" {
				bad(n, "not-same-as: name %q has no letters or digits", left)
				continue
			}
			addPair(ov.notName, l, right)
		case ruleCanonical:
			if err := checkKey(left); err != nil {
				bad(n, "canonical: %v", err)
				continue
			}
			if old, ok := ov.canonical[left]; ok && old != right {
				bad(n, "canonical: %s is already named %q", left, old)
				continue
			}
			ov.canonical[left] = graphmodel.Truncate(right, graphmodel.MaxNameBytes)
		default:
			bad(n, "unknown rule %q (want %s, %s or %s)", rule, ruleSameAs, ruleNotSameAs, ruleCanonical)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("line %d: %w", n+1, err))
	}
	// Whole-file checks: same-as targets are final, and never contradict a
	// not-same-as.
	for from, to := range ov.keyTo {
		if _, chained := ov.keyTo[to]; chained {
			errs = append(errs, fmt.Errorf("line %d: same-as: %s maps to %s, which itself maps to %s; map to the final key", sameLine[from], from, to, ov.keyTo[to]))
		}
		if ov.distinct[from][to] {
			errs = append(errs, fmt.Errorf("line %d: same-as: %s and %s are also declared not-same-as", sameLine[from], from, to))
		}
	}
	for from, to := range ov.nameTo {
		if ov.notName[from][to] {
			errs = append(errs, fmt.Errorf("line %d: same-as: name %q and %s are also declared not-same-as", sameLine[from], from, to))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("overrides: %w", errors.Join(errs...))
	}
	return ov, nil
}

// digest names the rules of ov in a few hex digits, for the extractor
// version: the same rules, however written (order, comments, spacing,
// spelling of a name), give the same digest, and no rules give "". A
// changed overrides file changes what the extractor produces, so it must
// change the version, or reprocessing would take every article for
// unchanged.
func (ov *Overrides) digest() string {
	if ov == nil {
		return ""
	}
	var rules []string
	for from, to := range ov.keyTo {
		rules = append(rules, ruleSameAs+"\tkey\t"+from+"\t"+to)
	}
	for from, to := range ov.nameTo {
		rules = append(rules, ruleSameAs+"\tname\t"+from+"\t"+to)
	}
	for from, tos := range ov.notName {
		for to := range tos {
			rules = append(rules, ruleNotSameAs+"\tname\t"+from+"\t"+to)
		}
	}
	for from, tos := range ov.distinct {
		for to := range tos {
			rules = append(rules, ruleNotSameAs+"\tkey\t"+from+"\t"+to)
		}
	}
	for key, name := range ov.canonical {
		rules = append(rules, ruleCanonical+"\t"+key+"\t"+name)
	}
	if len(rules) == 0 {
		return ""
	}
	sort.Strings(rules)
	h := sha256.Sum256([]byte(strings.Join(rules, "\n")))
	return hex.EncodeToString(h[:4])
}

func addPair(m map[string]map[string]bool, a, b string) {
	if m[a] == nil {
		m[a] = map[string]bool{}
	}
	m[a][b] = true
}

// checkKey reports whether k is a well-formed entity key: a kind prefix, a
// slug, and for states an ISO3 code of the state table.
func checkKey(k string) error {
	kind := graphmodel.KindOfKey(k)
	if kind == "" {
		return fmt.Errorf("%q is not a key (want state:ISO3, actor:slug or org:slug)", k)
	}
	rest := k[strings.IndexByte(k, ':')+1:]
	if kind == graphmodel.KindState {
		if loadGazetteer().states[graphmodel.StateKey(rest)] == nil || rest != strings.ToUpper(rest) {
			return fmt.Errorf("%q is not a known state key", k)
		}
		return nil
	}
	if rest == "" || graphmodel.Slug(rest) != rest {
		return fmt.Errorf("%q: %q is not a slug (lower-case words joined by hyphens)", k, rest)
	}
	return nil
}

// target returns the key an entity with key and surface forms resolves to
// under same-as, or "" when no rule applies. A rule on the key wins over a
// rule on a name.
func (ov *Overrides) target(key string, forms []string) string {
	if ov == nil {
		return ""
	}
	if t, ok := ov.keyTo[key]; ok {
		return t
	}
	for _, f := range forms {
		if t, ok := ov.nameTo[graphmodel.Slug(f)]; ok && t != key && !ov.distinct[key][t] {
			return t
		}
	}
	return ""
}

// blocks reports whether the text form may not be read as the entity key.
func (ov *Overrides) blocks(form, key string) bool {
	return ov != nil && len(ov.notName) > 0 && ov.notName[graphmodel.Slug(form)][key]
}

// distinctKeys reports whether a and b are declared different entities.
func (ov *Overrides) distinctKeys(a, b string) bool {
	return ov != nil && ov.distinct[a][b]
}

// canonicalName returns the display name of key, or name when no rule
// renames it.
func (ov *Overrides) canonicalName(key, name string) string {
	if ov != nil {
		if n, ok := ov.canonical[key]; ok {
			return n
		}
	}
	return name
}

// applyOverrides moves every entity a same-as rule names to its target and
// gives entities their canonical names. It runs once the article's keys are
// final and before pronouns and claims read the mentions.
func (d *doc) applyOverrides() {
	if d.ov == nil {
		return
	}
	byKey := make(map[string]*docEntity, len(d.ents))
	for _, e := range d.ents {
		if e.count > 0 && byKey[e.key] == nil {
			byKey[e.key] = e
		}
	}
	moved := map[*docEntity]*docEntity{}
	for _, e := range append([]*docEntity(nil), d.ents...) {
		if e.count == 0 {
			continue
		}
		t := d.ov.target(e.key, append([]string{e.name}, e.forms...))
		if t == "" || t == e.key || d.ov.distinctKeys(e.key, t) {
			continue
		}
		te := byKey[t]
		if te == nil {
			name := e.name
			if st := d.g.states[t]; st != nil {
				name = st.name
			}
			te = &docEntity{kind: graphmodel.KindOfKey(t), key: t, name: name, order: len(d.ents)}
			d.ents = append(d.ents, te)
			byKey[t] = te
		}
		te.count += e.count
		for _, f := range append([]string{e.name}, e.forms...) {
			if !containsFold(te.forms, f) {
				te.forms = append(te.forms, f)
			}
		}
		if len(e.words) > len(te.words) && te.kind == graphmodel.KindActor {
			te.words = e.words
		}
		if te.state == nil {
			te.state, te.role = e.state, e.role
		}
		if te.leads == nil {
			te.leads = e.leads
		}
		e.count = 0
		moved[e] = te
	}
	if len(moved) > 0 {
		for _, s := range d.sents {
			for i := range s.ms {
				if t := moved[s.ms[i].ent]; t != nil {
					s.ms[i].ent = t
				}
			}
		}
		for _, e := range d.ents {
			if t := moved[e.state]; t != nil {
				e.state = t
			}
			if t := moved[e.leads]; t != nil {
				e.leads = t
			}
		}
	}
	for _, e := range d.ents {
		if n := d.ov.canonicalName(e.key, e.name); n != e.name {
			if !containsFold(e.forms, e.name) {
				e.forms = append(e.forms, e.name)
			}
			e.name = n
		}
	}
}
