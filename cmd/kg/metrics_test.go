package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/segmentio/kafka-go"
)

// /metrics, scraped during a run, counts what was sent: messages consumed,
// written and dead-lettered by reason, the batches, the writes, and no lag
// once drained. Labels come from bounded sets only.
func TestMetricsCountWhatWasSent(t *testing.T) {
	e := newEnv(t, 3)
	addr := freeAddr(t)
	w := e.startWorker("KG_HTTP_ADDR=" + addr)
	good := corpus(t, 50)
	var msgs []kafka.Message
	for _, l := range good {
		msgs = append(msgs, kafka.Message{Key: []byte(idOf(t, l)), Value: []byte(l)})
	}
	msgs = append(msgs,
		kafka.Message{Key: []byte("bad-1"), Value: []byte("not json")},
		kafka.Message{Key: []byte("bad-2"), Value: []byte(`{"id": "bad-2"}`)},
	)
	e.produce(msgs...)
	e.waitDrained(2*time.Minute, w)

	m := scrape(t, addr)
	checks := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"kg_messages_consumed_total", nil, 52},
		{"kg_messages_written_total", nil, 50},
		{"kg_messages_dead_lettered_total", map[string]string{"reason": "not-json"}, 1},
		{"kg_messages_dead_lettered_total", map[string]string{"reason": "missing-field"}, 1},
		{"kg_messages_dead_lettered_total", map[string]string{"reason": "oversize"}, 0},
		{"kg_extract_articles_total", map[string]string{"extractor_version": ""}, 50},
	}
	for _, c := range checks {
		if got := value(m, c.name, c.labels); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	for _, name := range []string{"kg_batch_messages", "kg_neo4j_write_seconds", "kg_extract_seconds"} {
		if f, ok := m[name]; !ok || f.GetMetric()[0].GetHistogram().GetSampleCount() == 0 {
			t.Errorf("histogram %s missing or empty", name)
		}
	}
	if f, ok := m["kg_consumer_lag"]; !ok {
		t.Errorf("kg_consumer_lag missing")
	} else {
		for _, s := range f.GetMetric() {
			if s.GetGauge().GetValue() != 0 {
				t.Errorf("lag %v on %v after draining", s.GetGauge().GetValue(), s.GetLabel())
			}
		}
	}
	sent := map[string]bool{}
	for _, msg := range msgs {
		sent[string(msg.Key)] = true
	}
	for name, f := range m {
		if strings.HasPrefix(name, "kg_") {
			for _, s := range f.GetMetric() {
				for _, l := range s.GetLabel() {
					if l.GetName() == "id" || l.GetName() == "key" || sent[l.GetValue()] {
						t.Errorf("%s has an unbounded label %s=%s", name, l.GetName(), l.GetValue())
					}
				}
			}
		}
	}
	body := fetch(t, "http://"+addr+"/healthz")
	if strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz said %q", body)
	}
}

func idOf(t *testing.T, line string) string {
	t.Helper()
	i := strings.Index(line, `"id":"`)
	if i < 0 {
		t.Fatalf("no id in %s", line[:60])
	}
	rest := line[i+6:]
	return rest[:strings.Index(rest, `"`)]
}

func scrape(t *testing.T, addr string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return fams
}

// value sums the samples of a counter or gauge whose labels include want;
// a label with an empty wanted value matches any value.
func value(m map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	f, ok := m[name]
	if !ok {
		return -1
	}
	sum := 0.0
	for _, s := range f.GetMetric() {
		match := true
		for k, v := range want {
			found := false
			for _, l := range s.GetLabel() {
				if l.GetName() == k && (v == "" || l.GetValue() == v) {
					found = true
				}
			}
			match = match && found
		}
		if match {
			sum += s.GetCounter().GetValue() + s.GetGauge().GetValue()
		}
	}
	return sum
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
