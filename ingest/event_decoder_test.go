package ingest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/segmentio/encoding/json"

	"github.com/newsgraph/kg/graphmodel"
)

// Content hashes are stored in the graph: a change of their value would
// make every event look changed and be written again. These are the values
// the graph holds for these messages.
func TestEventContentHashValues(t *testing.T) {
	tests := []struct {
		value string
		want  string
	}{
		{`{"id": "gdelt:737393920", "cameo": "0231", "occurred_at": "2018-03-26", "source": "gdelt",
			"source_url": "https://example.com/news/2018/03/26/story.html",
			"subject": {"name": "UNITED STATES", "code": "USAGOV"}, "object": {"name": "CHINA", "code": "CHN"}}`,
			"8744d418b4c8be909ac85a191a0095481ba728f475994c82cc3254c717089249"},
		{`{"id": "icews:2014-12-20:1", "type": "accused-of", "occurred_at": "2014-12-20T10:00:00Z", "confidence": 0.8,
			"charge": "attack <on> Sony & co", "subject": {"name": "Government (China)", "type": "state", "role": "foreign affairs"},
			"object": {"name": "Kim Jong Un", "type": "actor"}}`,
			"ced7dfe0ba30081888ca45402031547870e213f0833e6092b13761b825093cbb"},
	}
	d := NewEventDecoder(len(tests))
	for _, tt := range tests {
		m, err := DecodeEvent(nil, []byte(tt.value), 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := EventContentHash(m); got != tt.want {
			t.Errorf("EventContentHash(%s) = %s, want %s", m.ID, got, tt.want)
		}
		ev, _, err := d.Decode(nil, []byte(tt.value), 0)
		if err != nil {
			t.Fatal(err)
		}
		if ev.ContentHash != tt.want {
			t.Errorf("EventDecoder: content hash of %s = %s, want %s", m.ID, ev.ContentHash, tt.want)
		}
	}
}

// eventDecoderCases take every path of parseEventFast, and every way out
// of it to the general decoder.
var eventDecoderCases = []string{
	`{"id":"gdelt:1","cameo":"0231","subject":{"name":"UNITED STATES","code":"USAGOV"},"object":{"name":"CHINA","code":"CHN"},"occurred_at":"2018-03-26","source":"gdelt","source_url":"https://x/"}`,
	" \t\r\n{ \"id\" : \"e1\" , \"type\" : \"ally-of\" , \"occurred_at\" : \"2018-03-26\" , \"subject\" : { \"name\" : \"China\" , \"type\" : \"state\" , \"role\" : \"r\" } } \n",
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": {}, "object": {}}`,
	`{"id": "e1", "id": "e2", "cameo": "042", "occurred_at": "2018-03-26", "subject": {"code": "USA", "code": "CHN"}}`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "charge": "", "source": "caf` + "\u00e9 \u2028 \x7f" + `"}`,
	`{}`, ` {} `, `{"id": "e1"}`, `{"id": "e1"} x`, `{"id": "e1",}`, `{"id": "e1" "cameo": "042"}`, `{"id": "e1"`, `{"id"}`, `{"id": }`,
	`{"id": "e\"1", "cameo": "042", "occurred_at": "2018-03-26"}`,
	`{"id": "e\u0031", "cameo": "042", "occurred_at": "2018-03-26"}`,
	"{\"id\": \"e\t1\", \"cameo\": \"042\", \"occurred_at\": \"2018-03-26\"}",
	`{"ID": "e1", "Cameo": "042", "occurred_at": "2018-03-26"}`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "extra": [1, {"a": null}]}`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "confidence": 0.5}`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": null}`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": {"code": "USA"}, "subject": {"name": "China"}}`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": {"code": "USA", "Role": "x"}}`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": {"code": "USA",}}`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": {"code": "USA"`,
	`{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26", "subject": "USA"}`,
	`{"id": "e1", "cameo": 42, "occurred_at": "2018-03-26"}`,
	`{"id": null, "cameo": "042", "occurred_at": "2018-03-26"}`,
	"\ufeff" + `{"id": "e1", "cameo": "042", "occurred_at": "2018-03-26"}`,
	`[]`, `null`, `"id"`, ``, "\xff",
}

// The decoder decodes every value as the general decoder does, and a
// message it decoded before leaves nothing behind in the next one.
func TestEventDecoderAgreesWithParse(t *testing.T) {
	d := NewEventDecoder(2)
	for _, v := range eventDecoderCases {
		checkEventDecoder(t, d, []byte(v))
	}
	// The shape producers write takes the fast path: the first cases.
	for _, v := range eventDecoderCases[:5] {
		var m EventMessage
		if !parseEventFast([]byte(v), &m, &[2]EventParty{}) {
			t.Errorf("%q does not take the fast path", v)
		}
	}
}

func FuzzEventDecoderAgreesWithParse(f *testing.F) {
	for _, v := range eventDecoderCases {
		f.Add([]byte(v))
	}
	f.Fuzz(func(t *testing.T, value []byte) {
		d := NewEventDecoder(2)
		checkEventDecoder(t, d, []byte(eventDecoderCases[0])) // a message decoded before
		checkEventDecoder(t, d, value)
	})
}

// checkEventDecoder decodes value with d and with the general decoder, as
// decodeEvent does, and fails when they differ. The Event and outcome the
// decoder maps it to are those of EventToGraph.
func checkEventDecoder(t *testing.T, d *EventDecoder, value []byte) {
	t.Helper()
	var want EventMessage
	wantErr := unmarshalWith(value, 1<<16, &want, json.ZeroCopy)
	gotErr := d.decode(value, 1<<16)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("%q: error %v, json.Parse: %v", value, gotErr, wantErr)
	}
	if wantErr == nil && !reflect.DeepEqual(d.msg, want) {
		t.Fatalf("%q:\n%+v\njson.Parse:\n%+v", value, d.msg, want)
	}
	ev, out, err := d.Decode(nil, value, 1<<16)
	m, wantErr := DecodeEvent(nil, value, 1<<16)
	if fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("%q: Decode: error %v, DecodeEvent: %v", value, err, wantErr)
	}
	if err != nil {
		return
	}
	if wantEv, wantOut := EventToGraph(m); !reflect.DeepEqual(ev, wantEv) || out != wantOut {
		t.Fatalf("%q: Decode: %+v %v\nDecodeEvent, EventToGraph: %+v %v", value, ev, out, wantEv, wantOut)
	}
}

// plainDate accepts only dates time.Parse accepts as they are.
func TestPlainDateAgreesWithTimeParse(t *testing.T) {
	var dates []string
	for _, y := range []string{"0000", "2016", "2018", "9999", "20a8"} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 40; d++ {
				dates = append(dates, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	dates = append(dates, "2018-3-26", "2018-03-26Z", "2018/03/26", " 2018-03-26", "2018-03-2x", "2018-0x-26", "")
	accepted := 0
	for _, s := range dates {
		_, err := time.Parse("2006-01-02", s)
		if plainDate(s) {
			accepted++
			if err != nil {
				t.Errorf("plainDate(%q) but time.Parse: %v", s, err)
			}
		}
		got, gotErr := ParseDate(s)
		if (gotErr == nil) != (err == nil) || err == nil && got != s {
			t.Errorf("ParseDate(%q) = %q, %v; time.Parse: %v", s, got, gotErr, err)
		}
	}
	if accepted == 0 {
		t.Error("plainDate accepted no date")
	}
}

// A decoder reused across batches, with Reset between them, maps every
// message as EventToGraph does, hands its first slabs out again, and keeps
// nothing of the last batch in them.
func TestEventDecoderReset(t *testing.T) {
	var values [][]byte
	for _, r := range append(gdeltRows(t, "testdata/events/gdelt2-excerpt.export.CSV"), icewsRows(t, "testdata/events/icews-excerpt.tsv")...) {
		if r.Err != nil {
			t.Fatalf("line %d: %v", r.Line, r.Err)
		}
		v, err := json.Marshal(r.Message)
		if err != nil {
			t.Fatal(err)
		}
		values = append(values, v)
	}
	half := len(values) / 2
	d := NewEventDecoder(half) // the first batch fits, the second outgrows it
	for round, batch := range [][][]byte{values[:half], values, values[:half], values[half:]} {
		for _, v := range batch {
			ev, out, err := d.Decode(nil, v, 1<<16)
			m, wantErr := DecodeEvent(nil, v, 1<<16)
			if err != nil || wantErr != nil {
				t.Fatalf("round %d: %s: %v, DecodeEvent: %v", round, v, err, wantErr)
			}
			if wantEv, wantOut := EventToGraph(m); !reflect.DeepEqual(ev, wantEv) || out != wantOut {
				t.Fatalf("round %d: %s: Decode: %+v %v\nEventToGraph: %+v %v", round, v, ev, out, wantEv, wantOut)
			}
		}
		first := &d.partSlab[0]
		if round == 1 && len(d.named) == 0 {
			t.Fatal("the excerpts name no person or organization: the test checks nothing of the named entities")
		}
		d.Reset()
		if len(d.named) > 0 {
			t.Errorf("round %d: Reset left %d named entities, whose names share the batch's messages", round, len(d.named))
		}
		if len(d.partSlab) > 0 && &d.partSlab[0] == first && *first != (eventParts{}) {
			t.Errorf("round %d: Reset left the slab's parts: %+v", round, *first)
		}
		for i, e := range d.entSlab {
			if !reflect.DeepEqual(e, graphmodel.Entity{}) {
				t.Fatalf("round %d: Reset left entity %d of the slab: %+v", round, i, e)
			}
		}
		if len(d.parts) != len(d.partSlab) || len(d.hashes) != len(d.hashSlab) {
			t.Errorf("round %d: after Reset %d parts and %d hash bytes are handed out, want the slabs' %d and %d", round, len(d.parts), len(d.hashes), len(d.partSlab), len(d.hashSlab))
		}
	}
	if d.slab != len(values) {
		t.Errorf("slabs of %d messages after a batch of %d", d.slab, len(values))
	}
	// Slabs handed out again are not allocated again: a reused decoder
	// makes at least three allocations fewer a batch (parts, hashes,
	// entities) than a new one.
	decode := func(d *EventDecoder) {
		for _, v := range values[:half] {
			if _, _, err := d.Decode(nil, v, 1<<16); err != nil {
				t.Fatal(err)
			}
		}
	}
	d.Reset()
	reused := testing.AllocsPerRun(10, func() { decode(d); d.Reset() })
	fresh := testing.AllocsPerRun(10, func() { decode(NewEventDecoder(half)) })
	if reused > fresh-3 {
		t.Errorf("a batch decoded into reused slabs allocated %.0f times, with a new decoder %.0f", reused, fresh)
	}
}
