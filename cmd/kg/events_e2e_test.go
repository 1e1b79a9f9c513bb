package main

import (
	"strings"
	"testing"
)

// Events published with kg publish --format gdelt|icews|events and
// consumed by kg worker land in the graph beside the articles: an event
// claim and an article claim on one pair meet on one edge, every edge
// counts exactly its claims, and publishing everything again changes
// nothing.
func TestEventsEndToEnd(t *testing.T) {
	e := newEnv(t, 1)
	publishAll := func() {
		e.kg("publish", "../../ingest/testdata/seed-article.txt")
		e.kg("publish", "--format", "gdelt", "../../ingest/testdata/events/gdelt2-excerpt.export.CSV")
		e.kg("publish", "--format", "icews", "../../ingest/testdata/events/icews-excerpt.tsv")
		// The seed story's request, coded as an event: one JSON line.
		out := e.kgIn(strings.NewReader(`{"id": "test:1", "cameo": "0231", "occurred_at": "2014-12-21", `+
			`"subject": {"name": "UNITED STATES", "code": "USAGOV"}, "object": {"name": "CHINA", "code": "CHN"}}`+"\n"),
			"publish", "--format", "events", "-")
		if !strings.Contains(out, "published 1 messages") {
			t.Fatalf("publish said %q", out)
		}
	}
	publishAll()
	w := e.startWorker()
	e.waitDrained(drainTimeout, w)

	rows := e.query(`MATCH (ev:Event) RETURN count(ev), count{ (:Event)-[:ASSERTS]->(:Claim) }`, nil)
	if rows[0][0].(int64) != 30 || rows[0][1].(int64) != 13 {
		t.Errorf("events and their claims: %v, want 30 events (14 GDELT, 15 ICEWS, 1 JSON) and 13 claims", rows[0])
	}
	rows = e.query(`MATCH (:State {iso3: 'USA'})-[r:REQUESTED_HELP_FROM]->(:State {iso3: 'CHN'})
RETURN r.claims, toString(r.first_seen), toString(r.last_seen)`, nil)
	if len(rows) != 1 || rows[0][0].(int64) != 2 || rows[0][2] != "2014-12-21" {
		t.Errorf("USA requested help from China: %v, want one edge with the article's and the event's claim", rows)
	}
	rows = e.query(`MATCH (n:Entity) WHERE n.key = 'state:USA' OR n.name = 'United States' RETURN count(n)`, nil)
	if rows[0][0].(int64) != 1 {
		t.Errorf("%v nodes for the United States, want 1", rows[0][0])
	}
	rows = e.query(`MATCH (c:Claim) WITH c.pair AS pair, count(*) AS n RETURN pair, n`, nil)
	perPair := map[string]int64{}
	for _, r := range rows {
		perPair[r[0].(string)] = r[1].(int64)
	}
	rows = e.query(`MATCH (s)-[r:ALLY_OF|ACCUSED_OF|REQUESTED_HELP_FROM]->(o)
RETURN CASE type(r) WHEN 'ALLY_OF' THEN 'ally-of' WHEN 'ACCUSED_OF' THEN 'accused-of' ELSE 'requested-help-from' END
       + '|' + s.key + '|' + o.key, r.claims`, nil)
	if len(rows) != len(perPair) {
		t.Errorf("summary edges %d, claim pairs %d", len(rows), len(perPair))
	}
	for _, r := range rows {
		if r[1].(int64) != perPair[r[0].(string)] {
			t.Errorf("edge %s counts %d claims, the graph holds %d", r[0], r[1], perPair[r[0].(string)])
		}
	}

	before := e.checksum()
	publishAll()
	e.waitDrained(drainTimeout, w)
	if after := e.checksum(); after != before {
		t.Errorf("publishing the same articles and events again changed the graph")
	}
}
