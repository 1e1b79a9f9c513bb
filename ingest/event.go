package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"

	"github.com/segmentio/encoding/json"

	"github.com/newsgraph/kg/graphmodel"
)

// EventMessage is a coded event as published to the event topic (DESIGN.md,
// "Messages"). Unknown fields are ignored.
type EventMessage struct {
	ID         string      `json:"id"`
	Type       string      `json:"type,omitempty"`  // ally-of, accused-of or requested-help-from; wins over CAMEO
	CAMEO      string      `json:"cameo,omitempty"` // CAMEO event code as a string, leading zeros kept ("0231")
	Subject    *EventParty `json:"subject,omitempty"`
	Object     *EventParty `json:"object,omitempty"`
	OccurredAt string      `json:"occurred_at"` // YYYY-MM-DD once decoded
	Charge     string      `json:"charge,omitempty"`
	Source     string      `json:"source,omitempty"`
	SourceURL  string      `json:"source_url,omitempty"`
	Confidence *float64    `json:"confidence,omitempty"` // 0–1; DefaultEventConfidence when absent
}

// EventParty is the subject or the object of an event message: a state, a
// person or an organization, named, coded, or both.
type EventParty struct {
	Name string `json:"name,omitempty"`
	Type string `json:"type,omitempty"` // "state", "actor" or "organization"; empty: resolve the name or code
	Code string `json:"code,omitempty"` // ISO3 or a CAMEO actor code: "USA", "USAGOV", "IGOUNO"
	Role string `json:"role,omitempty"` // the body acting: "government", "foreign affairs"
}

func (p *EventParty) empty() bool {
	return p == nil || strings.TrimSpace(p.Name) == "" && p.Code == "" && p.Type == "" && p.Role == ""
}

// DefaultEventConfidence is the confidence of a claim from an event message
// that names none. Coded event data are machine-coded from news: their
// relations are as uncertain as an extracted one.
const DefaultEventConfidence = 0.6

// maxCodeBytes bounds CAMEO actor codes: a country and a few 3-letter
// classes.
const maxCodeBytes = 32

// DecodeEvent decodes and checks one event message value. key is the Kafka
// record key; when present it must equal the id. maxBytes caps the value (0
// means DefaultMaxMessageBytes). occurred_at comes back as YYYY-MM-DD. Every
// error matches ErrMalformed and carries a Reason.
func DecodeEvent(key, value []byte, maxBytes int) (EventMessage, error) {
	var m EventMessage
	if err := unmarshal(value, maxBytes, &m); err != nil {
		return m, err
	}
	if err := checkEvent(&m); err != nil {
		return m, err
	}
	if len(key) > 0 && !bytes.Equal(key, []byte(m.ID)) {
		return m, malformed(ReasonKeyMismatch, "record key differs from the id")
	}
	return m, nil
}

// checkEvent enforces the event contract on a message and normalizes its
// date. It is shared by DecodeEvent and EventToGraph, so that a message
// built in code is held to the same rules as one read from Kafka.
func checkEvent(m *EventMessage) error {
	if err := CheckID(m.ID); err != nil {
		return err
	}
	if m.Type == "" && m.CAMEO == "" {
		return malformed(ReasonMissingField, "type or cameo is required")
	}
	if m.Type != "" {
		if _, err := graphmodel.ParseRelType(m.Type); err != nil {
			return malformed(ReasonInvalidField, "type is not ally-of, accused-of or requested-help-from")
		}
	}
	if m.CAMEO != "" && !knownCAMEO(m.CAMEO) {
		return malformed(ReasonInvalidField, fmt.Sprintf("cameo %q is not a CAMEO event code", graphmodel.Truncate(m.CAMEO, 16)))
	}
	if m.OccurredAt == "" {
		return malformed(ReasonMissingField, "occurred_at is missing or empty")
	}
	d, err := ParseDate(m.OccurredAt)
	if err != nil {
		return malformed(ReasonInvalidField, "occurred_at: "+err.Error())
	}
	m.OccurredAt = d
	if m.Confidence != nil && !(*m.Confidence >= 0 && *m.Confidence <= 1) {
		return malformed(ReasonInvalidField, "confidence out of [0,1]")
	}
	for _, side := range []struct {
		name string
		p    *EventParty
	}{{"subject", m.Subject}, {"object", m.Object}} {
		if err := checkParty(side.name, side.p); err != nil {
			return err
		}
	}
	return nil
}

func checkParty(side string, p *EventParty) error {
	if p == nil {
		return nil
	}
	switch p.Type {
	case "", string(graphmodel.KindState), string(graphmodel.KindActor), string(graphmodel.KindOrganization):
	default:
		return malformed(ReasonInvalidField, side+".type is not state, actor or organization")
	}
	if len(p.Name) > graphmodel.MaxNameBytes {
		return malformed(ReasonInvalidField, fmt.Sprintf("%s.name is over %d bytes", side, graphmodel.MaxNameBytes))
	}
	if len(p.Role) > graphmodel.MaxRoleBytes {
		return malformed(ReasonInvalidField, fmt.Sprintf("%s.role is over %d bytes", side, graphmodel.MaxRoleBytes))
	}
	if len(p.Code) > maxCodeBytes {
		return malformed(ReasonInvalidField, fmt.Sprintf("%s.code is over %d bytes", side, maxCodeBytes))
	}
	for _, r := range p.Code {
		// GDELT writes ethnic groups in lower case ("kur").
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return malformed(ReasonInvalidField, side+".code is not ASCII letters and digits")
		}
	}
	if (p.Type == string(graphmodel.KindActor) || p.Type == string(graphmodel.KindOrganization)) &&
		p.Code == "" && graphmodel.Slug(p.Name) == "" {
		return malformed(ReasonMissingField, side+" is a person or organization without a name")
	}
	return nil
}

// OutcomeKind is one of the three counted outcomes of an event record
// (DESIGN.md, "CAMEO codes and the three relations").
type OutcomeKind string

// The outcomes.
const (
	OutcomeInvalid   OutcomeKind = "invalid"    // rejected, with a Reason
	OutcomeEventOnly OutcomeKind = "event-only" // an Event without a claim, with a NoClaimReason
	OutcomeClaim     OutcomeKind = "claim"      // an Event and the claim it asserts
)

// NoClaimReason says why a valid event asserts no claim. The set is fixed so
// that it can label counts.
type NoClaimReason string

// The reasons an event is kept without a claim, in the order they are
// checked.
const (
	// NoClaimNotRelation: the CAMEO code maps to none of the relations.
	NoClaimNotRelation NoClaimReason = "not-a-relation"
	// NoClaimNoActor: the record has no subject or no object.
	NoClaimNoActor NoClaimReason = "no-actor"
	// NoClaimNotEntity: an actor is a region, a bare role ("GOV", "Unspecified
	// Actor"), a place or a code this pipeline does not know.
	NoClaimNotEntity NoClaimReason = "not-an-entity"
	// NoClaimNonStateRole: an actor stands for a state in a role that does not
	// speak for it: citizens, business, media, opposition, rebels.
	NoClaimNonStateRole NoClaimReason = "non-state-role"
	// NoClaimSameEntity: subject and object are the same entity.
	NoClaimSameEntity NoClaimReason = "same-entity"
)

// NoClaimReasons lists every NoClaimReason.
var NoClaimReasons = []NoClaimReason{
	NoClaimNotRelation, NoClaimNoActor, NoClaimNotEntity, NoClaimNonStateRole, NoClaimSameEntity,
}

// Outcome is what became of one event record.
type Outcome struct {
	Kind    OutcomeKind
	Invalid Reason        // set when Kind is OutcomeInvalid
	NoClaim NoClaimReason // set when Kind is OutcomeEventOnly
}

// Reason returns the reason of the outcome as a string: "" for a claim.
func (o Outcome) Reason() string {
	switch o.Kind {
	case OutcomeInvalid:
		return string(o.Invalid)
	case OutcomeEventOnly:
		return string(o.NoClaim)
	}
	return ""
}

func (o Outcome) String() string {
	if r := o.Reason(); r != "" {
		return string(o.Kind) + ": " + r
	}
	return string(o.Kind)
}

// InvalidOutcome is the outcome of a record rejected with err's reason.
func InvalidOutcome(err error) Outcome { return Outcome{Kind: OutcomeInvalid, Invalid: ReasonOf(err)} }

// EventToGraph maps a decoded event message to the Event it writes: the
// Event node, its source and target actors, and the claim it asserts when
// its type or CAMEO code maps to a relation and both actors qualify (a
// state only in a government role; never an entity with itself). A message
// that breaks the contract yields a zero Event and OutcomeInvalid.
func EventToGraph(m EventMessage) (graphmodel.Event, Outcome) {
	if err := checkEvent(&m); err != nil {
		return graphmodel.Event{}, InvalidOutcome(err)
	}
	ev := graphmodel.Event{
		ID:          m.ID,
		Source:      graphmodel.Truncate(m.Source, graphmodel.MaxPropertyBytes),
		CAMEO:       m.CAMEO,
		OccurredAt:  m.OccurredAt,
		URL:         graphmodel.Truncate(m.SourceURL, graphmodel.MaxPropertyBytes),
		ContentHash: EventContentHash(m),

		ExtractorVersion: EventMappingVersion,
	}
	if c, ok := cameoEvents[m.CAMEO]; ok {
		g := c.Goldstein
		ev.Label, ev.QuadClass, ev.Goldstein = c.Label, quadClass(m.CAMEO), &g
	}
	subj, obj := resolveParty(m.Subject), resolveParty(m.Object)
	if subj.ent != nil {
		ev.SourceActor = &graphmodel.EventActor{Key: subj.ent.Key, Role: subj.role}
		ev.Entities = append(ev.Entities, *subj.ent)
	}
	if obj.ent != nil {
		ev.TargetActor = &graphmodel.EventActor{Key: obj.ent.Key, Role: obj.role}
		if subj.ent == nil || obj.ent.Key != subj.ent.Key {
			ev.Entities = append(ev.Entities, *obj.ent)
		}
	}

	rel := graphmodel.RelType(m.Type)
	if rel == "" {
		rel = CAMEORelation(m.CAMEO)
	}
	if rel == "" {
		return ev, eventOnly(NoClaimNotRelation)
	}
	for _, why := range []NoClaimReason{NoClaimNoActor, NoClaimNotEntity, NoClaimNonStateRole} {
		if subj.why == why || obj.why == why {
			return ev, eventOnly(why)
		}
	}
	if subj.ent.Key == obj.ent.Key {
		return ev, eventOnly(NoClaimSameEntity)
	}
	c := graphmodel.Claim{
		Type:        rel,
		Subject:     subj.ent.Key,
		Object:      obj.ent.Key,
		SubjectRole: subj.role,
		ObjectRole:  obj.role,
		Confidence:  DefaultEventConfidence,
		Modality:    graphmodel.Asserted,
		Evidence:    evidence(m),
	}
	if m.Confidence != nil {
		c.Confidence = *m.Confidence
	}
	if rel == graphmodel.AccusedOf {
		c.Charge = m.Charge
		if c.Charge == "" && m.Type == "" {
			c.Charge = cameoCharges[m.CAMEO]
		}
		c.Charge = graphmodel.Truncate(c.Charge, graphmodel.MaxChargeBytes)
	}
	ev.Claims = []graphmodel.Claim{c}
	return ev, Outcome{Kind: OutcomeClaim}
}

func eventOnly(r NoClaimReason) Outcome { return Outcome{Kind: OutcomeEventOnly, NoClaim: r} }

// evidence describes the coded event that asserts a claim, for analysts who
// read a claim's evidence: "CAMEO 0231 Appeal for economic aid".
func evidence(m EventMessage) string {
	if m.CAMEO == "" {
		return ""
	}
	return "CAMEO " + m.CAMEO + " " + CAMEOLabel(m.CAMEO)
}

// EventMappingVersion names the rules EventToGraph applies. It is part of
// the content hash, so that events re-delivered after the rules change are
// written again.
const EventMappingVersion = "events-1"

// EventContentHash digests every field of an event message and the mapping
// version, so that an identical re-delivery is recognised and changes
// nothing.
func EventContentHash(m EventMessage) string {
	buf := hashBuffers.Get().(*[]byte)
	defer hashBuffers.Put(buf)
	b := append((*buf)[:0], EventMappingVersion+"\n"...)
	// Strings, pointers to strings and a float always encode, and as
	// encoding/json encodes them (FuzzDecodeAgreesWithStdlib): the flags
	// are json.Marshal's.
	b, _ = json.Append(b, &m, json.EscapeHTML|json.SortMapKeys)
	*buf = b
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// hashBuffers holds the buffers EventContentHash encodes messages into.
var hashBuffers = sync.Pool{New: func() any { return new([]byte) }}
