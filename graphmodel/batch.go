package graphmodel

import (
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"
)

// Caps on what one source may put into the graph. Strings that reach an
// index must stay well under the ~8 KB a Neo4j index key holds; the rest are
// bounded so that one odd article cannot flood the graph.
const (
	MaxIDBytes       = 256  // article and event ids (the message contract)
	MaxNameBytes     = 512  // entity names and aliases (indexed)
	MaxAliases       = 32   // aliases per entity per source
	MaxEntities      = 400  // entities per article
	MaxClaims        = 100  // claims per article
	MaxEvidenceBytes = 1000 // evidence sentence of a claim
	MaxChargeBytes   = 200  // charge of an accusation
	MaxRoleBytes     = 100  // subject_role, object_role
	MaxPropertyBytes = 2048 // titles, urls and other stored, unindexed strings
	MaxCharges       = 10   // distinct charges kept on a summary edge
)

// ErrInvalid marks a batch that breaks the graph model. Producing one is a
// bug in the code that built it, but the input set it off: the worker
// bisects such a batch down to the message at fault and dead-letters that
// one, so that one odd message cannot stop a partition.
var ErrInvalid = errors.New("invalid batch")

// Entity is a state, a person or an organization.
type Entity struct {
	Key     string
	Kind    Kind
	Name    string
	Aliases []string // every other form the source used
	Acronym string   // organizations only
	CAMEO   string   // CAMEO actor code of seeded states and organizations
	Seeded  bool     // from the built-in tables: written by schema apply, only matched by workers
	// Historical marks states that no longer exist (Soviet Union).
	Historical bool
}

// Mention records that a source refers to an entity Count times.
type Mention struct {
	Key   string
	Count int
}

// Modality says how a source asserts a claim.
const (
	Asserted = "asserted"
	Hedged   = "hedged" // "reportedly", "may have", "is believed to"
)

// Claim is one relation asserted by one source.
type Claim struct {
	Type        RelType
	Subject     string // entity key
	Object      string // entity key
	SubjectRole string // the body acting for a state: "foreign ministry"
	ObjectRole  string
	Charge      string // accused-of only: the act
	Confidence  float64
	Modality    string
	Evidence    string // the sentence that asserts it
}

// Article is everything one version of one article asserts.
type Article struct {
	ID               string
	Title            string
	URL              string
	Source           string
	Language         string
	PublishedAt      string // YYYY-MM-DD, or "" when unknown
	Revision         string // updated_at as RFC 3339 UTC, or "" when the message had none
	ContentHash      string
	ExtractorVersion string
	Entities         []Entity
	Mentions         []Mention
	Claims           []Claim
	// Skipped says why extraction read nothing ("non-english"), or "". It
	// is counted, not stored.
	Skipped string
}

// Batch is what one Neo4j transaction writes. Within a batch an article id
// appears at most once, either in Articles or in Retractions, and an event
// id at most once in Events.
type Batch struct {
	Articles    []Article
	Retractions []string // ids of articles whose tombstone arrived
	// Superseded holds, for a retracted id, the newest revision its
	// tombstone superseded within the batch; the retraction marker keeps it
	// so that a stale copy arriving later cannot resurrect the article.
	Superseded map[string]string
	Events     []Event
}

// Len returns the number of sources in the batch.
func (b *Batch) Len() int { return len(b.Articles) + len(b.Retractions) + len(b.Events) }

// Validate checks the invariants the writer relies on: known kinds and
// relation types, well-formed keys, claims between entities of the same
// source, no claim of an entity with itself, and the caps above.
func (b *Batch) Validate() error {
	seen := make(map[string]bool, len(b.Retractions)+len(b.Articles)) // events have a map of their own
	for _, id := range b.Retractions {
		if err := checkID(id, seen); err != nil {
			return err
		}
	}
	for i := range b.Articles {
		a := &b.Articles[i]
		if err := checkID(a.ID, seen); err != nil {
			return err
		}
		if err := a.validate(); err != nil {
			return fmt.Errorf("%w: article %q: %v", ErrInvalid, a.ID, err)
		}
	}
	// Events have ids of their own: an event may share an id with an
	// article without being the same source. A batch holds thousands, and
	// a worker validates a batch every few hundred milliseconds: their map
	// is kept from one batch to the next, empty.
	seenEvents := seenPool.Get().(map[string]bool)
	defer func() {
		clear(seenEvents)
		seenPool.Put(seenEvents)
	}()
	for i := range b.Events {
		e := &b.Events[i]
		if err := checkID(e.ID, seenEvents); err != nil {
			return err
		}
		if err := e.validate(); err != nil {
			return fmt.Errorf("%w: event %q: %v", ErrInvalid, e.ID, err)
		}
	}
	return nil
}

// seenPool keeps the maps Validate checks event ids in.
var seenPool = sync.Pool{New: func() any { return make(map[string]bool) }}

func checkID(id string, seen map[string]bool) error {
	if id == "" || len(id) > MaxIDBytes || !utf8.ValidString(id) {
		return fmt.Errorf("%w: bad source id %q", ErrInvalid, Truncate(id, 64))
	}
	if seen[id] {
		return fmt.Errorf("%w: source %q twice in one batch", ErrInvalid, id)
	}
	seen[id] = true
	return nil
}

func (a *Article) validate() error {
	if len(a.Entities) > MaxEntities {
		return fmt.Errorf("%d entities, cap is %d", len(a.Entities), MaxEntities)
	}
	if len(a.Claims) > MaxClaims {
		return fmt.Errorf("%d claims, cap is %d", len(a.Claims), MaxClaims)
	}
	keys := make(map[string]bool, len(a.Entities))
	for _, e := range a.Entities {
		if err := e.validate(); err != nil {
			return err
		}
		keys[e.Key] = true
	}
	for _, m := range a.Mentions {
		if !keys[m.Key] {
			return fmt.Errorf("mention of %q, which is not among its entities", m.Key)
		}
	}
	return validateClaims(a.Claims, keys)
}

// validateClaims checks claims against the keys of the entities their
// source carries.
func validateClaims(claims []Claim, keys map[string]bool) error {
	for _, c := range claims {
		if !c.Type.Valid() {
			return fmt.Errorf("unknown relation type %q", c.Type)
		}
		if !keys[c.Subject] || !keys[c.Object] {
			return fmt.Errorf("claim %s %s %s names an entity it does not carry", c.Subject, c.Type, c.Object)
		}
		if c.Subject == c.Object {
			return fmt.Errorf("claim %s %s with itself", c.Type, c.Subject)
		}
		if c.Confidence < 0 || c.Confidence > 1 {
			return fmt.Errorf("claim confidence %v out of [0,1]", c.Confidence)
		}
		if len(c.Evidence) > MaxEvidenceBytes || len(c.Charge) > MaxChargeBytes ||
			len(c.SubjectRole) > MaxRoleBytes || len(c.ObjectRole) > MaxRoleBytes {
			return fmt.Errorf("claim %s %s %s: a field is over its cap", c.Subject, c.Type, c.Object)
		}
	}
	return nil
}

// ValidKey checks that key is a well-formed key of an entity of kind k:
// its kind's prefix and at most MaxKeyBytes. Every key that ActorKey and
// OrgKey make of any name passes (FuzzKeyName).
func ValidKey(k Kind, key string) error {
	if kk := KindOfKey(key); !kk.Valid() || kk != k {
		return fmt.Errorf("entity key %q does not fit kind %q", Truncate(key, 64), k)
	}
	if len(key) > MaxKeyBytes {
		return fmt.Errorf("entity key %q... is %d bytes, cap is %d", Truncate(key, 64), len(key), MaxKeyBytes)
	}
	return nil
}

func (e *Entity) validate() error {
	if err := ValidKey(e.Kind, e.Key); err != nil {
		return err
	}
	if e.Name == "" || len(e.Name) > MaxNameBytes {
		return fmt.Errorf("entity %q: name empty or over %d bytes", Truncate(e.Key, 64), MaxNameBytes)
	}
	if len(e.Aliases) > MaxAliases {
		return fmt.Errorf("entity %q: %d aliases, cap is %d", e.Key, len(e.Aliases), MaxAliases)
	}
	for _, al := range e.Aliases {
		if len(al) > MaxNameBytes {
			return fmt.Errorf("entity %q: alias over %d bytes", e.Key, MaxNameBytes)
		}
	}
	return nil
}

// Truncate returns s cut to at most n bytes without splitting a rune.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
