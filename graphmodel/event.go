package graphmodel

import "fmt"

// Event is one coded event record (GDELT, ICEWS or any producer of event
// messages): what happened, when, between which actors, and the claim it
// asserts when its code maps to a relation.
type Event struct {
	ID          string
	Source      string // the data set: "gdelt", "icews", or what the producer named
	CAMEO       string // event code with its leading zeros ("0231"); "" for type-only messages
	Label       string // codebook name of the code
	QuadClass   int    // 1–4 as GDELT assigns it; 0 when unknown
	Goldstein   *float64
	OccurredAt  string // YYYY-MM-DD
	URL         string
	ContentHash string // digest of the message: an identical re-delivery changes nothing
	// ExtractorVersion names the mapping rules that made the event; its
	// claims carry it too.
	ExtractorVersion string
	// SourceActor and TargetActor are the entities the event links to,
	// nil when the record names none (or only a region or a bare role).
	SourceActor *EventActor
	TargetActor *EventActor
	Entities    []Entity // every entity the actors and the claim name
	Claims      []Claim  // at most one: the relation the code asserts
}

// EventActor links an event to an entity in the role the record gives it
// ("government", "foreign affairs", "citizen").
type EventActor struct {
	Key  string
	Role string
}

// MaxEventClaims caps the claims of one event: a coded event asserts at
// most one relation.
const MaxEventClaims = 1

func (e *Event) validate() error {
	if e.OccurredAt == "" {
		return fmt.Errorf("no date")
	}
	if e.QuadClass < 0 || e.QuadClass > 4 {
		return fmt.Errorf("quad class %d out of 0–4", e.QuadClass)
	}
	if len(e.Claims) > MaxEventClaims {
		return fmt.Errorf("%d claims, cap is %d", len(e.Claims), MaxEventClaims)
	}
	if len(e.Source) > MaxPropertyBytes || len(e.URL) > MaxPropertyBytes || len(e.Label) > MaxPropertyBytes || len(e.CAMEO) > 8 {
		return fmt.Errorf("a field is over its cap")
	}
	keys := make(map[string]bool, len(e.Entities))
	for _, en := range e.Entities {
		if err := en.validate(); err != nil {
			return err
		}
		keys[en.Key] = true
	}
	for _, a := range []*EventActor{e.SourceActor, e.TargetActor} {
		if a == nil {
			continue
		}
		if !keys[a.Key] {
			return fmt.Errorf("actor %q is not among its entities", Truncate(a.Key, 64))
		}
		if len(a.Role) > MaxRoleBytes {
			return fmt.Errorf("actor %q: role over %d bytes", Truncate(a.Key, 64), MaxRoleBytes)
		}
	}
	return validateClaims(e.Claims, keys)
}
