package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

func TestDecodeEvent(t *testing.T) {
	long := strings.Repeat("x", 257)
	tests := []struct {
		name  string
		key   string
		value string
		max   int
		want  Reason // "" when valid
	}{
		{"cameo only", "gdelt:1", `{"id": "gdelt:1", "cameo": "0231", "occurred_at": "2018-03-26"}`, 0, ""},
		{"type only", "e1", `{"id": "e1", "type": "ally-of", "occurred_at": "2018-03-26",
			"subject": {"name": "China", "type": "state"}, "object": {"name": "North Korea", "code": "PRK"}}`, 0, ""},
		{"every field", "e1", `{"id": "e1", "type": "accused-of", "cameo": "112", "occurred_at": "2014-12-19T10:00:00-05:00",
			"subject": {"name": "FBI", "type": "organization", "code": "USAGOV", "role": "police"},
			"object": {"name": "North Korea", "type": "state", "code": "PRK"},
			"charge": "attack on Sony Pictures", "source": "s", "source_url": "http://x", "confidence": 0.9, "extra": [1]}`, 0, ""},
		{"no key", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26"}`, 0, ""},
		{"ethnic code in lower case", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": {"code": "kur"}}`, 0, ""},
		{"null actor", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": null}`, 0, ""},
		{"not json", "e1", `{"id": "e1", `, 0, ReasonNotJSON},
		{"json array", "", `[]`, 0, ReasonWrongType},
		{"cameo a number", "", `{"id": "e1", "cameo": 231, "occurred_at": "2018-03-26"}`, 0, ReasonWrongType},
		{"subject a string", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": "USA"}`, 0, ReasonWrongType},
		{"confidence a string", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "confidence": "high"}`, 0, ReasonWrongType},
		{"missing id", "", `{"cameo": "042", "occurred_at": "2018-03-26"}`, 0, ReasonMissingField},
		{"id too long", "", `{"id": "` + long + `", "cameo": "042", "occurred_at": "2018-03-26"}`, 0, ReasonInvalidField},
		{"neither type nor cameo", "", `{"id": "e1", "occurred_at": "2018-03-26"}`, 0, ReasonMissingField},
		{"unknown type", "", `{"id": "e1", "type": "member-of", "occurred_at": "2018-03-26"}`, 0, ReasonInvalidField},
		{"unknown cameo", "", `{"id": "e1", "cameo": "999", "occurred_at": "2018-03-26"}`, 0, ReasonInvalidField},
		{"cameo without its zero", "", `{"id": "e1", "cameo": "231", "occurred_at": "2018-03-26"}`, 0, ReasonInvalidField},
		{"missing date", "", `{"id": "e1", "cameo": "042"}`, 0, ReasonMissingField},
		{"bad date", "", `{"id": "e1", "cameo": "042", "occurred_at": "20180326"}`, 0, ReasonInvalidField},
		{"confidence over 1", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "confidence": 1.5}`, 0, ReasonInvalidField},
		{"unknown actor type", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "object": {"name": "x", "type": "city"}}`, 0, ReasonInvalidField},
		{"code with a space", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "object": {"code": "USA GOV"}}`, 0, ReasonInvalidField},
		{"person without a name", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "object": {"type": "actor", "name": "--"}}`, 0, ReasonMissingField},
		{"invalid utf-8", "", "{\"id\": \"e1\", \"cameo\": \"042\", \"occurred_at\": \"2018-03-26\", \"source\": \"\xff\"}", 0, ReasonInvalidUTF8},
		{"oversize", "", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26"}`, 20, ReasonOversize},
		{"key differs from id", "e2", `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26"}`, 0, ReasonKeyMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := DecodeEvent([]byte(tt.key), []byte(tt.value), tt.max)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				if len(m.OccurredAt) != len("2006-01-02") {
					t.Errorf("occurred_at %q, want YYYY-MM-DD", m.OccurredAt)
				}
				return
			}
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("got %v, want a malformed-message error", err)
			}
			if got := ReasonOf(err); got != tt.want {
				t.Fatalf("reason %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func FuzzDecodeEvent(f *testing.F) {
	for _, s := range []string{
		`{"id": "gdelt:1", "cameo": "0231", "occurred_at": "2018-03-26", "subject": {"code": "USAGOV"}, "object": {"code": "CHN"}}`,
		`{"id": "e", "type": "ally-of", "occurred_at": "2018-03-26T00:00:00Z", "subject": {"name": "Government (China)"}, "object": {"name": "Kim Jong Un", "type": "actor"}}`,
		`{"id": "e", "cameo": "112", "occurred_at": "2018-03-26", "subject": {"code": "IGOUNODEVWBKMED"}, "object": {"code": "MNCUSA"}, "confidence": 0}`,
		`{"id": "e", "cameo": "1", "occurred_at": "x"}`, `null`, `{}`, `[`, "\xff",
	} {
		f.Add([]byte("e"), []byte(s))
	}
	f.Fuzz(func(t *testing.T, key, value []byte) {
		m, err := DecodeEvent(key, value, 1<<16)
		// The worker's single pass agrees with the two steps.
		gotEv, gotOut, gotErr := DecodeEventToGraph(key, value, 1<<16)
		if fmt.Sprint(gotErr) != fmt.Sprint(err) {
			t.Fatalf("DecodeEventToGraph: error %v, DecodeEvent: %v", gotErr, err)
		}
		if err != nil {
			if !errors.Is(err, ErrMalformed) || ReasonOf(err) == ReasonUnknownMessage {
				t.Fatalf("error without a reason: %v", err)
			}
			return
		}
		// A decoded message always maps to a valid event.
		ev, out := EventToGraph(m)
		if !reflect.DeepEqual(gotEv, ev) || gotOut != out {
			t.Fatalf("DecodeEventToGraph: %+v %v\nDecodeEvent, EventToGraph: %+v %v", gotEv, gotOut, ev, out)
		}
		if out.Kind == OutcomeInvalid {
			t.Fatalf("decoded message maps to an invalid outcome %v", out)
		}
		b := graphmodel.Batch{Events: []graphmodel.Event{ev}}
		if err := b.Validate(); err != nil {
			t.Fatalf("decoded message maps to an invalid batch: %v", err)
		}
	})
}

// party is a shorthand for the expected end of an event.
type want struct {
	key, role string
}

func TestEventToGraphResolvesOneStateFromEveryForm(t *testing.T) {
	for _, p := range []EventParty{
		{Code: "USA"}, {Code: "USAGOV"}, {Name: "United States"}, {Name: "UNITED STATES"},
		{Name: "Government (United States)"}, {Name: "United States", Type: "state"},
		{Name: "Department of State", Type: "state", Code: "USAGOV", Role: "Department of State"},
		{Name: "Barack Obama", Code: "USAGOV"}, // GDELT: a coded actor is its state
	} {
		p := p
		ev, out := EventToGraph(EventMessage{ID: "e", CAMEO: "0231", OccurredAt: "2018-03-26",
			Subject: &p, Object: &EventParty{Code: "CHN"}})
		if out.Kind != OutcomeClaim || ev.Claims[0].Subject != "state:USA" {
			t.Errorf("%+v: outcome %v, claims %+v; want a claim of state:USA", p, out, ev.Claims)
		}
	}
}

func TestEventToGraph(t *testing.T) {
	conf := 0.9
	tests := []struct {
		name     string
		m        EventMessage
		outcome  string
		subj     *want
		obj      *want
		rel      graphmodel.RelType
		charge   string
		confid   float64
		relation bool
	}{
		{name: "ally-of by type", m: EventMessage{Type: "ally-of", Subject: &EventParty{Name: "China"}, Object: &EventParty{Code: "PRK"}},
			outcome: "claim", subj: &want{"state:CHN", ""}, obj: &want{"state:PRK", ""}, rel: graphmodel.AllyOf, confid: DefaultEventConfidence},
		{name: "type wins over cameo", m: EventMessage{Type: "accused-of", CAMEO: "042", Charge: "hacking", Confidence: &conf,
			Subject: &EventParty{Code: "USAGOV"}, Object: &EventParty{Code: "PRK"}},
			outcome: "claim", subj: &want{"state:USA", "government"}, obj: &want{"state:PRK", ""}, rel: graphmodel.AccusedOf, charge: "hacking", confid: 0.9},
		{name: "charge from the code", m: EventMessage{CAMEO: "1124", Subject: &EventParty{Code: "SYRMIL"}, Object: &EventParty{Code: "ISR"}},
			outcome: "claim", subj: &want{"state:SYR", "military"}, obj: &want{"state:ISR", ""}, rel: graphmodel.AccusedOf, charge: "war crimes", confid: DefaultEventConfidence},
		{name: "demand aid", m: EventMessage{CAMEO: "1033", Subject: &EventParty{Code: "UKRGOV"}, Object: &EventParty{Code: "IGOUNO"}},
			outcome: "claim", subj: &want{"state:UKR", "government"}, obj: &want{"org:united-nations", ""}, rel: graphmodel.RequestedHelpFrom, confid: DefaultEventConfidence},
		{name: "IGO code with trailing classes", m: EventMessage{CAMEO: "0231", Subject: &EventParty{Code: "KENGOV"}, Object: &EventParty{Code: "IGOUNODEVWBKMED"}},
			outcome: "claim", subj: &want{"state:KEN", "government"}, obj: &want{"org:world-bank", ""}, rel: graphmodel.RequestedHelpFrom, confid: DefaultEventConfidence},
		{name: "EU code", m: EventMessage{CAMEO: "112", Subject: &EventParty{Code: "MKDGOV"}, Object: &EventParty{Code: "IGOEUREEC"}},
			outcome: "claim", subj: &want{"state:MKD", "government"}, obj: &want{"org:european-union", ""}, rel: graphmodel.AccusedOf, confid: DefaultEventConfidence},
		{name: "person and organization by type", m: EventMessage{CAMEO: "112", Subject: &EventParty{Name: "Kumari Selja", Type: "actor"},
			Object: &EventParty{Name: "Aam Aadmi Party", Type: "organization"}},
			outcome: "claim", subj: &want{"actor:kumari-selja", ""}, obj: &want{"org:aam-aadmi-party", ""}, rel: graphmodel.AccusedOf, confid: DefaultEventConfidence},
		{name: "seeded organization by name", m: EventMessage{CAMEO: "115", Subject: &EventParty{Name: "European Union"}, Object: &EventParty{Name: "China"}},
			outcome: "claim", subj: &want{"org:european-union", ""}, obj: &want{"state:CHN", ""}, rel: graphmodel.AccusedOf, confid: DefaultEventConfidence},
		{name: "not a relation", m: EventMessage{CAMEO: "042", Subject: &EventParty{Code: "CAN"}, Object: &EventParty{Code: "GBR"}},
			outcome: "event-only: not-a-relation", subj: &want{"state:CAN", ""}, obj: &want{"state:GBR", ""}},
		{name: "citizens", m: EventMessage{CAMEO: "112", Subject: &EventParty{Code: "USACVL"}, Object: &EventParty{Code: "CHN"}},
			outcome: "event-only: non-state-role", subj: &want{"state:USA", "civilians"}, obj: &want{"state:CHN", ""}},
		{name: "business of a country", m: EventMessage{CAMEO: "112", Subject: &EventParty{Code: "MNCUSA"}, Object: &EventParty{Code: "CHN"}},
			outcome: "event-only: non-state-role", subj: &want{"state:USA", "multinational corporation"}, obj: &want{"state:CHN", ""}},
		{name: "role in words", m: EventMessage{CAMEO: "112", Subject: &EventParty{Name: "Opposition Supporter (Malaysia)"}, Object: &EventParty{Name: "Australia"}},
			outcome: "event-only: non-state-role", subj: &want{"state:MYS", "opposition supporter"}, obj: &want{"state:AUS", ""}},
		{name: "region", m: EventMessage{CAMEO: "0214", Subject: &EventParty{Code: "AFR"}, Object: &EventParty{Code: "USA"}},
			outcome: "event-only: not-an-entity", obj: &want{"state:USA", ""}},
		{name: "bare role", m: EventMessage{CAMEO: "112", Subject: &EventParty{Code: "GOV"}, Object: &EventParty{Code: "USA"}},
			outcome: "event-only: not-an-entity", obj: &want{"state:USA", ""}},
		{name: "generic NGO", m: EventMessage{CAMEO: "112", Subject: &EventParty{Code: "NGOHRI"}, Object: &EventParty{Code: "USA"}},
			outcome: "event-only: not-an-entity", obj: &want{"state:USA", ""}},
		{name: "untyped unknown name", m: EventMessage{CAMEO: "112", Subject: &EventParty{Name: "Southeast Asia"}, Object: &EventParty{Code: "USA"}},
			outcome: "event-only: not-an-entity", obj: &want{"state:USA", ""}},
		{name: "no object", m: EventMessage{CAMEO: "112", Subject: &EventParty{Code: "JOR"}},
			outcome: "event-only: no-actor", subj: &want{"state:JOR", ""}},
		{name: "same state", m: EventMessage{CAMEO: "112", Subject: &EventParty{Code: "USA"}, Object: &EventParty{Code: "USAGOV"}},
			outcome: "event-only: same-entity", subj: &want{"state:USA", ""}, obj: &want{"state:USA", "government"}},
		{name: "no relation wins over no actor", m: EventMessage{CAMEO: "010"},
			outcome: "event-only: not-a-relation"},
		{name: "invalid", m: EventMessage{CAMEO: "0231"}, outcome: "invalid: missing-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.outcome != "invalid: missing-field" {
				tt.m.ID, tt.m.OccurredAt = "e1", "2018-03-26"
			}
			ev, out := EventToGraph(tt.m)
			if out.String() != tt.outcome {
				t.Fatalf("outcome %q, want %q", out, tt.outcome)
			}
			if out.Kind == OutcomeInvalid {
				return
			}
			checkActor(t, "source", ev.SourceActor, tt.subj)
			checkActor(t, "target", ev.TargetActor, tt.obj)
			if err := (&graphmodel.Batch{Events: []graphmodel.Event{ev}}).Validate(); err != nil {
				t.Fatalf("invalid event: %v", err)
			}
			if out.Kind != OutcomeClaim {
				if len(ev.Claims) != 0 {
					t.Fatalf("claims %+v, want none", ev.Claims)
				}
				return
			}
			c := ev.Claims[0]
			if c.Type != tt.rel || c.Subject != tt.subj.key || c.Object != tt.obj.key || c.SubjectRole != tt.subj.role ||
				c.ObjectRole != tt.obj.role || c.Charge != tt.charge || c.Confidence != tt.confid {
				t.Errorf("claim %+v, want %s %s(%s) %s(%s) charge %q confidence %v", c, tt.rel, tt.subj.key, tt.subj.role,
					tt.obj.key, tt.obj.role, tt.charge, tt.confid)
			}
		})
	}
}

func checkActor(t *testing.T, side string, got *graphmodel.EventActor, w *want) {
	t.Helper()
	switch {
	case w == nil && got != nil:
		t.Errorf("%s actor %+v, want none", side, *got)
	case w != nil && got == nil:
		t.Errorf("%s actor none, want %s", side, w.key)
	case w != nil && (got.Key != w.key || got.Role != w.role):
		t.Errorf("%s actor %+v, want %s in role %q", side, *got, w.key, w.role)
	}
}

func TestEventNode(t *testing.T) {
	m := EventMessage{ID: "gdelt:1", CAMEO: "0231", OccurredAt: "2018-03-26T23:00:00-05:00", Source: "gdelt", SourceURL: "http://x"}
	ev, _ := EventToGraph(m)
	if ev.CAMEO != "0231" || ev.Label != "Appeal for economic aid" || ev.QuadClass != 1 || ev.Goldstein == nil ||
		*ev.Goldstein != 3.4 || ev.OccurredAt != "2018-03-26" || ev.URL != "http://x" || ev.Source != "gdelt" {
		t.Errorf("event %+v", ev)
	}
	again, _ := EventToGraph(m)
	if again.ContentHash != ev.ContentHash || ev.ContentHash == "" {
		t.Error("the same message hashes differently")
	}
	m.SourceURL = "http://y"
	if other, _ := EventToGraph(m); other.ContentHash == ev.ContentHash {
		t.Error("a changed message hashes the same")
	}
	for code, want := range map[string]int{"010": 1, "057": 1, "071": 2, "090": 2, "112": 3, "141": 3, "16": 4, "190": 4, "99": 0} {
		if got := quadClass(code); got != want {
			t.Errorf("quadClass(%q) = %d, want %d (as GDELT codes it)", code, got, want)
		}
	}
}

func TestRoleSpeaksForState(t *testing.T) {
	for role, want := range map[string]bool{
		"": true, "government": true, "foreign ministry": true, "head of government": true, "police": true,
		"member of parliament": true, "other authorities / officials": true, "court judge": true,
		"citizen": false, "women": false, "opposition supporter": false, "media personnel": false,
		"business": false, "armed gang": false, "lawyer/attorney": false, "party member": false, "state media": false,
	} {
		if got := roleSpeaksForState(role); got != want {
			t.Errorf("roleSpeaksForState(%q) = %v, want %v", role, got, want)
		}
	}
}

func TestCAMEOTable(t *testing.T) {
	for _, c := range []string{"021", "0211", "0214", "022", "023", "0231", "0234", "103", "1031", "1034"} {
		if CAMEORelation(c) != graphmodel.RequestedHelpFrom {
			t.Errorf("%s: %q, want requested-help-from", c, CAMEORelation(c))
		}
	}
	for _, c := range []string{"112", "1121", "1125", "115", "116"} {
		if CAMEORelation(c) != graphmodel.AccusedOf {
			t.Errorf("%s: %q, want accused-of", c, CAMEORelation(c))
		}
	}
	for _, c := range []string{"020", "024", "0241", "111", "113", "114", "104", "057", "21", "1"} {
		if CAMEORelation(c) != "" {
			t.Errorf("%s: %q, want no relation", c, CAMEORelation(c))
		}
	}
	for code := range cameoRelations {
		if !knownCAMEO(code) {
			t.Errorf("relation code %s is not in the codebook", code)
		}
	}
}

func mustJSON(t *testing.T, m EventMessage) []byte {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
