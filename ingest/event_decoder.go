package ingest

import (
	"unsafe"

	"github.com/segmentio/encoding/json"

	"github.com/newsgraph/kg/graphmodel"
)

// EventDecoder is DecodeEventToGraph for the messages of a batch: events
// are the most numerous messages, and decoding and mapping them is most of
// what a worker does for one. It decodes the common shape of a message
// without reflection, reuses the message it decodes into and the buffer
// its content hash encodes it in, and hands out the parts, the content
// hashes and the entities of the Events it returns from slabs, and the
// entities of events between seeded states and organizations from one
// slice per pair of actors. An Event it returns stays valid after the next
// Decode: slabs are not written twice before Reset. Events may share their
// Entities: they are read, never changed. A decoder is not safe for
// concurrent use.
type EventDecoder struct {
	slab    int // messages a slab holds
	msg     EventMessage
	parties [2]EventParty // the subject and object of msg, when the fast path decodes it
	buf     []byte        // the content hash's encoding of msg
	parts   []eventParts  // what is left of the current slab
	hashes  []byte        // what is left of the current slab of hex digests
	ents    []graphmodel.Entity
	// The first slabs, which Reset hands out again, and the messages
	// decoded since the last Reset.
	partSlab []eventParts
	hashSlab []byte
	entSlab  []graphmodel.Entity
	used     int // messages
	entsUsed int // entities
	// pairs are the entities of events whose actors are seeded, by
	// actors: the Events of the decoder share them (eventEntities). They
	// are copies of the seeded tables' entities, so they outlive Reset.
	pairs map[[2]*graphmodel.Entity][]graphmodel.Entity
	// named are the entities of the typed parties of the batch by kind
	// and name: its events name the same people again and again, and a
	// person's key is a slug of the name. Their names share the
	// messages' bytes, so Reset drops them.
	named map[typedName]*graphmodel.Entity
}

// typedName is a typed party's kind and trimmed name.
type typedName struct {
	kind graphmodel.Kind
	name string
}

// maxSharedPairs bounds the pairs a decoder keeps across Reset.
const maxSharedPairs = 4096

// NewEventDecoder returns a decoder whose slabs hold n messages: the
// number of messages of a batch, so that it allocates them once.
func NewEventDecoder(n int) *EventDecoder { return &EventDecoder{slab: max(n, 1)} }

// Reset lets the decoder hand out its slabs again: the Events it has
// returned must no longer be used. It drops what the slabs point to (the
// messages' bytes), so that they do not outlive their batch. A batch that
// outgrew the slabs gets slabs that hold it next time.
func (d *EventDecoder) Reset() {
	if d.used > len(d.partSlab) {
		d.slab = d.used
		d.partSlab, d.hashSlab, d.entSlab = nil, nil, nil
	} else {
		clear(d.partSlab[:d.used])
		clear(d.entSlab[:min(d.entsUsed, len(d.entSlab))])
	}
	d.parts, d.hashes, d.ents, d.used, d.entsUsed = d.partSlab, d.hashSlab, d.entSlab, 0, 0
	if len(d.pairs) > maxSharedPairs {
		clear(d.pairs)
	}
	clear(d.named)
}

// typedEntity is typedEntity, made once per kind and name in a batch when
// d is not nil.
func (d *EventDecoder) typedEntity(kind graphmodel.Kind, name string) *graphmodel.Entity {
	if d == nil {
		return typedEntity(kind, name)
	}
	k := typedName{kind, name}
	ent, ok := d.named[k]
	if !ok {
		ent = typedEntity(kind, name)
		if d.named == nil {
			d.named = make(map[typedName]*graphmodel.Entity)
		}
		d.named[k] = ent
	}
	return ent
}

// entities returns an empty slice of capacity 2 from the entity slab.
func (d *EventDecoder) entities() []graphmodel.Entity {
	if len(d.ents) < 2 {
		d.ents = make([]graphmodel.Entity, 2*d.slab)
		if d.entSlab == nil {
			d.entSlab = d.ents
		}
	}
	e := d.ents[:0:2]
	d.ents = d.ents[2:]
	d.entsUsed += 2
	return e
}

// Decode is DecodeEventToGraph. The strings of the Event share value's
// bytes, which the caller must not change while it holds the Event.
func (d *EventDecoder) Decode(key, value []byte, maxBytes int) (graphmodel.Event, Outcome, error) {
	m := &d.msg
	if err := d.decode(value, maxBytes); err != nil {
		return graphmodel.Event{}, Outcome{}, err
	}
	if err := checkEvent(m); err != nil {
		return graphmodel.Event{}, Outcome{}, err
	}
	if len(key) > 0 && string(key) != m.ID {
		return graphmodel.Event{}, Outcome{}, malformed(ReasonKeyMismatch, "record key differs from the id")
	}
	if len(d.parts) == 0 {
		d.parts = make([]eventParts, d.slab)
		if d.partSlab == nil {
			d.partSlab = d.parts
		}
	}
	parts := &d.parts[0]
	d.parts = d.parts[1:]
	d.used++
	if len(d.hashes) < eventHashBytes {
		d.hashes = make([]byte, d.slab*eventHashBytes)
		if d.hashSlab == nil {
			d.hashSlab = d.hashes
		}
	}
	d.buf = putEventContentHash(d.hashes, d.buf, m)
	// The digest's bytes are written once, here, and never again: the
	// slab moves past them.
	hash := unsafe.String(&d.hashes[0], eventHashBytes)
	d.hashes = d.hashes[eventHashBytes:]
	ev, oc := mapEvent(m, parts, hash, d)
	return ev, oc, nil
}

// decode decodes value into d.msg as decodeEvent does with json.ZeroCopy,
// without its checks of the message.
func (d *EventDecoder) decode(value []byte, maxBytes int) error {
	d.msg = EventMessage{}
	value, err := checkValue(value, maxBytes)
	if err != nil {
		return err
	}
	if parseEventFast(value, &d.msg, &d.parties) {
		return nil
	}
	d.msg = EventMessage{} // what the fast path set before it gave up
	return parseValue(value, &d.msg, json.ZeroCopy)
}

// fastEventKeys bounds the keys the fast path reads, far above the
// fields of a message: a value of many repeated keys is the pre-scan's.
const fastEventKeys = 64

// parseEventFast decodes b into m, which must be zero, when b has the shape
// producers write: one object of the message's own keys, spelled as they
// are tagged, whose values are strings without escapes or control
// characters, and at most one subject and one object, each an object of
// such strings under their own keys. b must be valid UTF-8 (checkValue).
// It reports false for anything else: another key or another spelling of
// one, an escape, a number (confidence), null, a repeated party. The
// general decoder then decodes b, so that every message decodes as
// json.Parse decodes it (TestEventDecoderAgreesWithParse). A party is
// decoded into parties, which m then points to. m's strings share b's
// bytes, as json.ZeroCopy's do.
func parseEventFast(b []byte, m *EventMessage, parties *[2]EventParty) bool {
	i, ok := fastObject(b, skipJSONSpace(b, 0), func(key string, i int) (int, bool) {
		switch key {
		case "subject", "object":
			p, side := &parties[0], &m.Subject
			if key == "object" {
				p, side = &parties[1], &m.Object
			}
			if *side != nil {
				return i, false // json.Parse merges a repeated party into the first
			}
			*p = EventParty{}
			i, ok := parsePartyFast(b, i, p)
			*side = p
			return i, ok
		}
		var field *string
		switch key {
		case "id":
			field = &m.ID
		case "type":
			field = &m.Type
		case "cameo":
			field = &m.CAMEO
		case "occurred_at":
			field = &m.OccurredAt
		case "charge":
			field = &m.Charge
		case "source":
			field = &m.Source
		case "source_url":
			field = &m.SourceURL
		default:
			return i, false
		}
		var ok bool
		*field, i, ok = fastJSONString(b, i)
		return i, ok
	})
	return ok && skipJSONSpace(b, i) == len(b)
}

// parsePartyFast decodes the party object at b[i:] into p, as
// parseEventFast decodes a message, and returns the index after it.
func parsePartyFast(b []byte, i int, p *EventParty) (int, bool) {
	return fastObject(b, i, func(key string, i int) (int, bool) {
		var field *string
		switch key {
		case "name":
			field = &p.Name
		case "type":
			field = &p.Type
		case "code":
			field = &p.Code
		case "role":
			field = &p.Role
		default:
			return i, false
		}
		var ok bool
		*field, i, ok = fastJSONString(b, i)
		return i, ok
	})
}

// fastObject reads the object at b[i:], at most fastEventKeys members,
// handing each member's key and the index of its value to member, which
// decodes the value and returns the index after it. It returns the index
// after the object, and false when the object is not of the shape the
// fast path reads or member refuses a value.
func fastObject(b []byte, i int, member func(key string, i int) (int, bool)) (int, bool) {
	if i == len(b) || b[i] != '{' {
		return i, false
	}
	i = skipJSONSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for keys := 1; keys <= fastEventKeys; keys++ {
		key, j, ok := fastJSONString(b, i)
		if !ok {
			return i, false
		}
		if i = skipJSONSpace(b, j); i == len(b) || b[i] != ':' {
			return i, false
		}
		if i, ok = member(key, skipJSONSpace(b, i+1)); !ok {
			return i, false
		}
		if i = skipJSONSpace(b, i); i == len(b) {
			return i, false
		}
		switch b[i] {
		case ',':
			i = skipJSONSpace(b, i+1)
		case '}':
			return i + 1, true
		default:
			return i, false
		}
	}
	return i, false
}

// fastJSONString returns the string that starts with the quote at b[i]
// and the index after its closing quote, sharing b's bytes. It reports
// false for a string with an escape or a control character, which only
// the general decoder reads, and for anything that is not a string.
func fastJSONString(b []byte, i int) (string, int, bool) {
	if i == len(b) || b[i] != '"' {
		return "", i, false
	}
	start := i + 1
	j := start
	for j < len(b) && plainJSON[b[j]] {
		j++
	}
	switch {
	case j == len(b) || b[j] != '"':
		return "", j, false
	case j == start:
		return "", j + 1, true
	}
	return unsafe.String(&b[start], j-start), j + 1, true
}

// plainJSON holds the bytes a string that fastJSONString reads may hold:
// all but the quote, the backslash and control characters.
var plainJSON = func() (t [256]bool) {
	for c := 0x20; c < 0x100; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// skipJSONSpace returns the index of the first byte at or after i that is
// not JSON white space.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}
