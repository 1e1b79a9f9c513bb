package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
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
	return decodeEvent(key, value, maxBytes, 0)
}

// decodeEvent is DecodeEvent with the decoder's flags: json.ZeroCopy lets
// the message's strings share value's bytes.
func decodeEvent(key, value []byte, maxBytes int, flags json.ParseFlags) (EventMessage, error) {
	var m EventMessage
	if err := unmarshalWith(value, maxBytes, &m, flags); err != nil {
		return m, err
	}
	if err := checkEvent(&m); err != nil {
		return m, err
	}
	if len(key) > 0 && string(key) != m.ID {
		return m, malformed(ReasonKeyMismatch, "record key differs from the id")
	}
	return m, nil
}

// DecodeEventToGraph is DecodeEvent followed by EventToGraph, with the
// message checked once, not twice. The strings of the Event share value's
// bytes, which the caller must not change while it holds the Event. An
// error is DecodeEvent's.
func DecodeEventToGraph(key, value []byte, maxBytes int) (graphmodel.Event, Outcome, error) {
	return NewEventDecoder(1).Decode(key, value, maxBytes)
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
		p.Code == "" && graphmodel.SlugEmpty(p.Name) {
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
	return mapEvent(&m, new(eventParts), eventContentHash(&m), nil)
}

// eventParts holds what an Event points to, so that mapping a message
// allocates them at once: events are the most numerous messages. Its
// claim is allocated apart, by the few events that assert one, and its
// entities by eventEntities.
type eventParts struct {
	actors    [2]graphmodel.EventActor
	goldstein float64
}

// mapEvent is EventToGraph for a message that checkEvent has passed,
// whose content hash is hash. The Event points into parts, which must be
// zero. d, when not nil, is the decoder of the message's batch, whose
// Events may share their entities (eventEntities).
func mapEvent(m *EventMessage, parts *eventParts, hash string, d *EventDecoder) (graphmodel.Event, Outcome) {
	ev := graphmodel.Event{
		ID:          m.ID,
		Source:      graphmodel.Truncate(m.Source, graphmodel.MaxPropertyBytes),
		CAMEO:       m.CAMEO,
		OccurredAt:  m.OccurredAt,
		URL:         graphmodel.Truncate(m.SourceURL, graphmodel.MaxPropertyBytes),
		ContentHash: hash,

		ExtractorVersion: EventMappingVersion,
	}
	if c, ok := cameoEvents[m.CAMEO]; ok {
		parts.goldstein = c.Goldstein
		ev.Label, ev.QuadClass, ev.Goldstein = c.Label, quadClass(m.CAMEO), &parts.goldstein
	}
	subj, obj := resolveParty(m.Subject, d), resolveParty(m.Object, d)
	if subj.ent != nil {
		parts.actors[0] = graphmodel.EventActor{Key: subj.ent.Key, Role: subj.role}
		ev.SourceActor = &parts.actors[0]
	}
	if obj.ent != nil {
		parts.actors[1] = graphmodel.EventActor{Key: obj.ent.Key, Role: obj.role}
		ev.TargetActor = &parts.actors[1]
	}
	ev.Entities = eventEntities(subj.ent, obj.ent, d)

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
	claims := make([]graphmodel.Claim, 1)
	c := &claims[0]
	*c = graphmodel.Claim{
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
	ev.Claims = claims
	return ev, Outcome{Kind: OutcomeClaim}
}

// eventEntities returns the entities of an event whose actors are subj and
// obj, either of which may be nil: each once, nil when there are none.
// With a decoder, events whose entities are all seeded states and
// organizations (the tables' own, shared) share one slice per pair: the
// events of a batch name the same few pairs again and again. Entities of
// an Event are therefore read, never changed.
func eventEntities(subj, obj *graphmodel.Entity, d *EventDecoder) []graphmodel.Entity {
	if subj == nil && obj == nil {
		return nil // as it always was: no entities, no slice
	}
	shared := d != nil && (subj == nil || subj.Seeded) && (obj == nil || obj.Seeded)
	pair := [2]*graphmodel.Entity{subj, obj}
	if shared {
		if ents, ok := d.pairs[pair]; ok {
			return ents
		}
	}
	// A shared slice outlives the batch (the decoder keeps it across
	// Reset); the others come from the decoder's slab.
	var ents []graphmodel.Entity
	if d != nil && !shared {
		ents = d.entities()
	} else {
		ents = make([]graphmodel.Entity, 0, 2)
	}
	if subj != nil {
		ents = append(ents, *subj)
	}
	if obj != nil && (subj == nil || obj.Key != subj.Key) {
		ents = append(ents, *obj)
	}
	if shared {
		if d.pairs == nil {
			d.pairs = make(map[[2]*graphmodel.Entity][]graphmodel.Entity)
		}
		d.pairs[pair] = ents
	}
	return ents
}

func eventOnly(r NoClaimReason) Outcome { return Outcome{Kind: OutcomeEventOnly, NoClaim: r} }

// evidence describes the coded event that asserts a claim, for analysts who
// read a claim's evidence: "CAMEO 0231 Appeal for economic aid".
func evidence(m *EventMessage) string {
	if m.CAMEO == "" {
		return ""
	}
	if e, ok := loadEvidence()[m.CAMEO]; ok {
		return e
	}
	return "CAMEO " + m.CAMEO + " " + CAMEOLabel(m.CAMEO)
}

// loadEvidence returns the evidence of every code of the codebook, made
// once rather than for every event.
var loadEvidence = sync.OnceValue(func() map[string]string {
	ev := make(map[string]string, len(cameoEvents))
	for code, c := range cameoEvents {
		ev[code] = "CAMEO " + code + " " + c.Label
	}
	return ev
})

// EventMappingVersion names the rules EventToGraph applies. It is part of
// the content hash, so that events re-delivered after the rules change are
// written again.
const EventMappingVersion = "events-1"

// EventContentHash digests every field of an event message and the mapping
// version, so that an identical re-delivery is recognised and changes
// nothing.
func EventContentHash(m EventMessage) string { return eventContentHash(&m) }

func eventContentHash(m *EventMessage) string {
	buf := hashBuffers.Get().(*[]byte)
	defer hashBuffers.Put(buf)
	var digest [eventHashBytes]byte
	*buf = putEventContentHash(digest[:], (*buf)[:0], m)
	return string(digest[:])
}

// eventHashBytes is the length of an event's content hash: SHA-256 in hex.
const eventHashBytes = 2 * sha256.Size

// putEventContentHash writes the content hash of m, in hex, to
// dst[:eventHashBytes], encoding m into buf, and returns buf for the next
// message.
func putEventContentHash(dst, buf []byte, m *EventMessage) []byte {
	buf = append(buf, EventMappingVersion+"\n"...)
	buf = appendEventJSON(buf, m)
	sum := sha256.Sum256(buf)
	hex.Encode(dst[:eventHashBytes], sum[:])
	return buf[:0]
}

// hashBuffers holds the buffers EventContentHash encodes messages into.
var hashBuffers = sync.Pool{New: func() any { return new([]byte) }}

// hashFlags are json.Marshal's: the content hash digests a message as
// encoding/json encodes it (FuzzDecodeAgreesWithStdlib), and hashes stored
// in the graph must not change.
const hashFlags = json.EscapeHTML | json.SortMapKeys

// appendEventJSON appends m encoded as json.Append encodes it with
// hashFlags, byte for byte (TestEventJSONAgreesWithEncoder), without the
// reflection: the fields in their order, omitempty as tagged. A string
// that needs escaping, and a float that cannot be encoded, take the
// encoder's own path.
func appendEventJSON(b []byte, m *EventMessage) []byte {
	if m.Confidence != nil && (math.IsNaN(*m.Confidence) || math.IsInf(*m.Confidence, 0)) {
		c := *m // a copy escapes to the encoder, on this path alone
		b, _ = json.Append(b, &c, hashFlags)
		return b
	}
	b = append(b, `{"id":`...)
	b = appendJSONString(b, m.ID)
	b = appendStringField(b, `,"type":`, m.Type)
	b = appendStringField(b, `,"cameo":`, m.CAMEO)
	b = appendPartyField(b, `,"subject":`, m.Subject)
	b = appendPartyField(b, `,"object":`, m.Object)
	b = append(b, `,"occurred_at":`...)
	b = appendJSONString(b, m.OccurredAt)
	b = appendStringField(b, `,"charge":`, m.Charge)
	b = appendStringField(b, `,"source":`, m.Source)
	b = appendStringField(b, `,"source_url":`, m.SourceURL)
	if m.Confidence != nil {
		b = append(b, `,"confidence":`...)
		b = appendJSONFloat(b, *m.Confidence)
	}
	return append(b, '}')
}

// appendStringField appends an omitempty string field: name is its
// leading comma, quoted key and colon.
func appendStringField(b []byte, name, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(append(b, name...), s)
}

func appendPartyField(b []byte, name string, p *EventParty) []byte {
	if p == nil {
		return b
	}
	b = append(b, name...)
	b = append(b, '{')
	first := true
	for _, f := range [...]struct{ key, value string }{
		{`"name":`, p.Name}, {`"type":`, p.Type}, {`"code":`, p.Code}, {`"role":`, p.Role},
	} {
		if f.value == "" {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(append(b, f.key...), f.value)
	}
	return append(b, '}')
}

// appendJSONString appends s quoted. Printable ASCII other than the
// characters JSON or HTML escaping changes is copied as it is; anything
// else is left to the encoder.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !jsonVerbatim[s[i]] {
			b, _ = json.Append(b, s, hashFlags)
			return b
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// jsonVerbatim holds the bytes appendJSONString copies as they are.
var jsonVerbatim = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONFloat appends a finite f as encoding/json does: like %g, with
// ES6's exponent cutoffs and an exponent without padding.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
