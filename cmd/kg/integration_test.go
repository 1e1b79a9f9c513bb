package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

const drainTimeout = 90 * time.Second

// The seed story, published with kg publish and consumed by kg worker,
// yields its three relations as summary edges backed by claims with
// evidence; publishing it again changes nothing.
func TestSeedEndToEnd(t *testing.T) {
	e := newEnv(t, 1)
	out := e.kg("publish", "../../ingest/testdata/seed-article.txt")
	if !strings.Contains(out, "published 1 messages") {
		t.Fatalf("publish said %q", out)
	}
	w := e.startWorker()
	e.waitDrained(drainTimeout, w)

	want := []struct{ edge, from, to, claimType, evidence string }{
		{"REQUESTED_HELP_FROM", "state:USA", "state:CHN", "requested-help-from", "China"},
		{"ACCUSED_OF", "state:USA", "state:PRK", "accused-of", "allegations"},
		{"ALLY_OF", "state:CHN", "state:PRK", "ally-of", "their allies"},
	}
	for _, w := range want {
		rows := e.query(fmt.Sprintf(`
MATCH (s:Entity {key: $from})-[r:%s]->(o:Entity {key: $to})
MATCH (:Article {id: 'seed-article'})-[:ASSERTS]->(c:Claim {type: $type})-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
RETURN r.claims, c.evidence, c.confidence`, w.edge),
			map[string]any{"from": w.from, "to": w.to, "type": w.claimType})
		if len(rows) != 1 {
			t.Errorf("%s %s %s: got %d rows, want 1", w.from, w.edge, w.to, len(rows))
			continue
		}
		if got := rows[0][0].(int64); got != 1 {
			t.Errorf("%s %s %s: claims = %d, want 1", w.from, w.edge, w.to, got)
		}
		if ev := rows[0][1].(string); !strings.Contains(ev, w.evidence) {
			t.Errorf("%s %s %s: evidence %q does not contain %q", w.from, w.edge, w.to, ev, w.evidence)
		}
	}
	rows := e.query(`MATCH (:Entity)-[r:ALLY_OF|ACCUSED_OF|REQUESTED_HELP_FROM]->(:Entity) RETURN count(r)`, nil)
	if got := rows[0][0].(int64); got != 3 {
		t.Errorf("summary edges: got %d, want exactly 3", got)
	}
	rows = e.query(`MATCH (c:Claim {type: 'accused-of'}) RETURN c.charge`, nil)
	if len(rows) != 1 || !strings.Contains(rows[0][0].(string), "Sony Pictures") {
		t.Errorf("accusation charge: got %v, want the attack on Sony Pictures", rows)
	}

	before := e.checksum()
	e.kg("publish", "../../ingest/testdata/seed-article.txt")
	e.waitDrained(drainTimeout, w)
	if after := e.checksum(); after != before {
		t.Errorf("graph changed when the same article was published again: checksum %s -> %s", before, after)
	}
}

// A malformed message between two good ones is dead-lettered with its
// reason and origin; the good ones land and the worker keeps running.
func TestMalformedMessageDeadLettered(t *testing.T) {
	e := newEnv(t, 1)
	good := func(id string) kafka.Message {
		return kafka.Message{Key: []byte(id), Value: []byte(fmt.Sprintf(
			`{"id": %q, "text": "Japan asked the United States for help after the storm.", "published_at": "2020-01-02"}`, id))}
	}
	bad := kafka.Message{Key: []byte("broken"), Value: []byte(`{"id": "broken", "text": `),
		Headers: []kafka.Header{{Key: "origin", Value: []byte("test")}}}
	e.produce(good("good-1"), bad, good("good-2"))
	w := e.startWorker()
	e.waitDrained(drainTimeout, w)

	rows := e.query(`MATCH (a:Article) RETURN a.id ORDER BY a.id`, nil)
	if len(rows) != 2 || rows[0][0] != "good-1" || rows[1][0] != "good-2" {
		t.Errorf("articles: got %v, want good-1 and good-2", rows)
	}
	rows = e.query(`MATCH (:State {iso3: 'JPN'})-[r:REQUESTED_HELP_FROM]->(:State {iso3: 'USA'}) RETURN r.claims`, nil)
	if len(rows) != 1 || rows[0][0].(int64) != 2 {
		t.Errorf("JPN requested help from USA: got %v, want one edge with 2 claims", rows)
	}
	dead := readTopic(t, e.topic+".dlq", 1, 30*time.Second)
	d := dead[0]
	if string(d.Key) != "broken" || string(d.Value) != `{"id": "broken", "text": ` {
		t.Errorf("dead letter: key %q value %q, want the original", d.Key, d.Value)
	}
	for k, want := range map[string]string{
		"kg-error": "not-json", "kg-topic": e.topic, "kg-partition": "0", "kg-offset": "1", "origin": "test",
	} {
		if got := header(d, k); got != want {
			t.Errorf("dead letter header %s = %q, want %q", k, got, want)
		}
	}
	if header(d, "kg-detail") == "" || header(d, "kg-failed-at") == "" {
		t.Errorf("dead letter lacks kg-detail or kg-failed-at: %v", d.Headers)
	}
	if !w.running() {
		t.Fatalf("worker stopped after a malformed message:\n%s", w.log())
	}
}

// Two workers in one group share a three-partition topic: every article
// lands exactly once, and every summary edge counts exactly its claims.
func TestTwoWorkersShareTopic(t *testing.T) {
	e := newEnv(t, 3)
	lines := devArticles(t)
	w1 := e.startWorker()
	w2 := e.startWorker()
	// Both take part: each holds partitions before anything is published
	// (one alone drains the dev articles before the other has joined).
	e.waitAssigned(time.Minute, w1, w2)
	e.kgIn(strings.NewReader(strings.Join(lines, "\n")), "publish", "-")
	e.waitDrained(drainTimeout, w1, w2)

	rows := e.query(`MATCH (a:Article) RETURN count(a), count(DISTINCT a.id)`, nil)
	if n := rows[0][0].(int64); n != int64(len(lines)) || rows[0][1].(int64) != n {
		t.Errorf("articles: got %v, want %d distinct", rows[0], len(lines))
	}
	rows = e.query(`MATCH (c:Claim) WITH c.pair AS pair, count(*) AS n
RETURN pair, n ORDER BY pair`, nil)
	claimsPerPair := map[string]int64{}
	for _, r := range rows {
		claimsPerPair[r[0].(string)] = r[1].(int64)
	}
	rows = e.query(`MATCH (s)-[r:ALLY_OF|ACCUSED_OF|REQUESTED_HELP_FROM]->(o)
RETURN CASE type(r) WHEN 'ALLY_OF' THEN 'ally-of' WHEN 'ACCUSED_OF' THEN 'accused-of' ELSE 'requested-help-from' END
       + '|' + s.key + '|' + o.key, r.claims`, nil)
	if len(rows) != len(claimsPerPair) {
		t.Errorf("summary edges: %d, claim pairs: %d", len(rows), len(claimsPerPair))
	}
	for _, r := range rows {
		if want := claimsPerPair[r[0].(string)]; r[1].(int64) != want {
			t.Errorf("edge %s counts %d claims, the graph holds %d", r[0], r[1], want)
		}
	}
	if len(rows) == 0 {
		t.Errorf("no summary edges from %d articles", len(lines))
	}
}
