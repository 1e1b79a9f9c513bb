package ingest

import (
	"bytes"
	"math"
	"testing"

	"github.com/segmentio/encoding/json"
)

// eventJSONCases are messages whose encodings take every path of
// appendEventJSON: omitted and present fields, empty and full parties,
// strings the encoder escapes, and floats in both notations.
func eventJSONCases() []EventMessage {
	f := func(v float64) *float64 { return &v }
	return []EventMessage{
		{},
		{ID: "gdelt:1", CAMEO: "0231", OccurredAt: "2018-03-26"},
		{ID: "e", Type: "accused-of", OccurredAt: "2020-01-02", Charge: "fraud", Source: "s", SourceURL: "http://x/?a=1&b=<2>", Confidence: f(0.6)},
		{ID: "e", Subject: &EventParty{}, Object: &EventParty{Role: "government"}},
		{ID: "e", Subject: &EventParty{Name: "Government (China)", Type: "state", Code: "CHNGOV", Role: "foreign affairs"},
			Object: &EventParty{Name: "Kim \"Jong\" Un\\", Code: "PRK"}},
		{ID: "tabs\tand\nnewlines\r\x00\x01\x1f\x7f", Charge: "caf\u00e9 \u2028 \u2029 \U0001F600", Source: "bad \xff utf-8"},
		{ID: "short<", Source: "&", SourceURL: ">"},
		{ID: "floats", Confidence: f(0)},
		{ID: "floats", Confidence: f(1)},
		{ID: "floats", Confidence: f(1e-7)},
		{ID: "floats", Confidence: f(-2.5e-10)},
		{ID: "floats", Confidence: f(1e21)},
		{ID: "floats", Confidence: f(123456789.125)},
		{ID: "floats", Confidence: f(math.NaN())},
		{ID: "floats", Confidence: f(math.Inf(-1))},
	}
}

// The content hash is stored in the graph: its encoding must stay the
// encoder's, byte for byte, or every event would be written again.
func TestEventJSONAgreesWithEncoder(t *testing.T) {
	for _, m := range eventJSONCases() {
		want, _ := json.Append(nil, &m, hashFlags)
		if got := appendEventJSON(nil, &m); !bytes.Equal(got, want) {
			t.Errorf("%+v:\ngot  %s\nwant %s", m, got, want)
		}
	}
}

func FuzzEventJSONAgreesWithEncoder(f *testing.F) {
	for _, m := range eventJSONCases() {
		sub, obj := m.Subject != nil, m.Object != nil
		conf := 0.0
		if m.Confidence != nil {
			conf = *m.Confidence
		}
		f.Add(m.ID, m.Type, m.CAMEO, m.Charge, m.Source, m.SourceURL, sub, obj, m.ID, m.Charge, conf, m.Confidence != nil)
	}
	f.Fuzz(func(t *testing.T, id, typ, cameo, charge, source, url string, sub, obj bool, name, role string, conf float64, hasConf bool) {
		m := EventMessage{ID: id, Type: typ, CAMEO: cameo, OccurredAt: url, Charge: charge, Source: source, SourceURL: url}
		if sub {
			m.Subject = &EventParty{Name: name, Role: role}
		}
		if obj {
			m.Object = &EventParty{Code: cameo, Type: typ, Role: name}
		}
		if hasConf {
			m.Confidence = &conf
		}
		want, _ := json.Append(nil, &m, hashFlags)
		if got := appendEventJSON(nil, &m); !bytes.Equal(got, want) {
			t.Errorf("%+v:\ngot  %s\nwant %s", m, got, want)
		}
	})
}

// BenchmarkEventContentHash shows what hashing one event costs.
func BenchmarkEventContentHash(b *testing.B) {
	conf := 0.8
	m := EventMessage{ID: "gdelt:737393920", CAMEO: "0231", OccurredAt: "2018-03-26",
		Subject: &EventParty{Name: "UNITED STATES", Code: "USAGOV"}, Object: &EventParty{Name: "CHINA", Code: "CHN"},
		Source: "gdelt", SourceURL: "https://example.com/news/2018/03/26/story.html", Confidence: &conf}
	b.ReportAllocs()
	for b.Loop() {
		eventContentHash(&m)
	}
}
