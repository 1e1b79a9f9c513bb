package neo4jstore

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

// event maps an event message the way the worker does.
func event(t *testing.T, m ingest.EventMessage) graphmodel.Event {
	t.Helper()
	ev, out := ingest.EventToGraph(m)
	if out.Kind == ingest.OutcomeInvalid {
		t.Fatalf("event %s: %v", m.ID, out)
	}
	return ev
}

func queryRows(t *testing.T, s *Store, q string, params map[string]any) [][]any {
	t.Helper()
	tab, err := s.Query(context.Background(), q, params)
	if err != nil {
		t.Fatal(err)
	}
	return tab.Rows
}

func checksum(t *testing.T, s *Store) string {
	t.Helper()
	sum, err := s.Checksum(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// A relation found in an article and the same relation coded in an event
// data set meet on one summary edge that counts both claims; replaying
// either changes nothing.
func TestEventAndArticleClaimsMeetOnOneEdge(t *testing.T) {
	s := openTest(t)
	help := claim(graphmodel.RequestedHelpFrom, "state:USA", "state:CHN", 0.9)
	gdelt := event(t, ingest.EventMessage{ID: "gdelt:1", CAMEO: "0231", OccurredAt: "2018-03-26", Source: "gdelt",
		SourceURL: "https://example.org/story", Subject: &ingest.EventParty{Name: "UNITED STATES", Code: "USAGOV"},
		Object: &ingest.EventParty{Name: "CHINA", Code: "CHN"}})

	st := write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{art("a", "", help)}, Events: []graphmodel.Event{gdelt}})
	if st.ClaimsCreated != 2 || st.Events != 1 || st.Articles != 1 {
		t.Errorf("stats %+v, want 2 claims, 1 event, 1 article", st)
	}
	want := "state:USA REQUESTED_HELP_FROM state:CHN 2"
	if got := edges(t, s); got != want {
		t.Fatalf("edges %q, want %q", got, want)
	}
	rows := queryRows(t, s, `MATCH (:State {key: 'state:USA'})-[r:REQUESTED_HELP_FROM]->(:State {key: 'state:CHN'})
RETURN toString(r.first_seen), toString(r.last_seen), r.confidence`, nil)
	if r := rows[0]; r[0] != "2014-12-20" || r[1] != "2018-03-26" || r[2] != 0.9 {
		t.Errorf("edge first/last/confidence %v, want the article's date, the event's date and 0.9", r)
	}
	rows = queryRows(t, s, `MATCH (e:Event {id: 'gdelt:1'})-[:ASSERTS]->(c:Claim)-[:SUBJECT]->(:State {iso3: 'USA'})
MATCH (e)-[sa:SOURCE_ACTOR]->(:State {iso3: 'USA'}), (e)-[ta:TARGET_ACTOR]->(:State {iso3: 'CHN'})
RETURN e.cameo, e.label, e.quad_class, e.goldstein, toString(e.occurred_at), e.url, e.source,
       c.subject_role, toString(c.occurred_at), sa.role, ta.role`, nil)
	if len(rows) != 1 {
		t.Fatalf("event with its claim and actors: %d rows, want 1", len(rows))
	}
	wantRow := []any{"0231", "Appeal for economic aid", int64(1), 3.4, "2018-03-26", "https://example.org/story", "gdelt",
		"government", "2018-03-26", "government", nil}
	for i, v := range wantRow {
		if rows[0][i] != v {
			t.Errorf("column %d = %v, want %v (row %v)", i, rows[0][i], v, rows[0])
		}
	}

	sum := checksum(t, s)
	st = write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{art("a", "", help)}, Events: []graphmodel.Event{gdelt}})
	if st.Skipped != 2 || st.ClaimsCreated != 0 || st.Events != 0 {
		t.Errorf("replay: stats %+v, want both skipped and nothing created", st)
	}
	st = write(t, s, graphmodel.Batch{Events: []graphmodel.Event{gdelt}})
	if st.Skipped != 1 {
		t.Errorf("replay of the event alone: stats %+v, want it skipped", st)
	}
	if again := checksum(t, s); again != sum {
		t.Error("a replay changed the graph")
	}
	if got := edges(t, s); got != want {
		t.Errorf("after replay: edges %q, want %q", got, want)
	}

	// Retracting the article leaves the event's claim on the edge.
	write(t, s, graphmodel.Batch{Retractions: []string{"a"}})
	if got, want := edges(t, s), "state:USA REQUESTED_HELP_FROM state:CHN 1"; got != want {
		t.Errorf("after retracting the article: edges %q, want %q", got, want)
	}
}

// An event re-delivered with other content replaces what it asserted, and
// the summary edges it touched are recomputed exactly.
func TestChangedEventReplacesItsClaim(t *testing.T) {
	s := openTest(t)
	m := ingest.EventMessage{ID: "icews:2018-06-01:1", CAMEO: "112", OccurredAt: "2018-06-01", Source: "icews",
		Subject: &ingest.EventParty{Name: "Government (United States)"}, Object: &ingest.EventParty{Name: "China"}}
	other := claim(graphmodel.AccusedOf, "state:USA", "state:CHN", 0.8)
	write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{art("a", "", other)}, Events: []graphmodel.Event{event(t, m)}})
	if got, want := edges(t, s), "state:USA ACCUSED_OF state:CHN 2"; got != want {
		t.Fatalf("edges %q, want %q", got, want)
	}
	m.Object = &ingest.EventParty{Name: "North Korea"}
	st := write(t, s, graphmodel.Batch{Events: []graphmodel.Event{event(t, m)}})
	if st.ClaimsCreated != 1 || st.ClaimsDeleted != 1 || st.Events != 1 {
		t.Errorf("stats %+v, want one claim created and one deleted", st)
	}
	if got, want := edges(t, s), "state:USA ACCUSED_OF state:CHN 1; state:USA ACCUSED_OF state:PRK 1"; got != want {
		t.Errorf("edges %q, want %q", got, want)
	}
	rows := queryRows(t, s, `MATCH (:Event {id: $id})-[r:TARGET_ACTOR]->(e) RETURN e.key`, map[string]any{"id": m.ID})
	if len(rows) != 1 || rows[0][0] != "state:PRK" {
		t.Errorf("target actors %v, want only state:PRK", rows)
	}
	// Now without a claim: citizens are not the state.
	m.Subject = &ingest.EventParty{Name: "Citizen (United States)"}
	write(t, s, graphmodel.Batch{Events: []graphmodel.Event{event(t, m)}})
	if got, want := edges(t, s), "state:USA ACCUSED_OF state:CHN 1"; got != want {
		t.Errorf("edges %q, want %q", got, want)
	}
	rows = queryRows(t, s, `MATCH (:Event {id: $id})-[r:SOURCE_ACTOR]->(e) RETURN e.key, r.role`, map[string]any{"id": m.ID})
	if len(rows) != 1 || rows[0][0] != "state:USA" || rows[0][1] != "citizen" {
		t.Errorf("source actor %v, want state:USA as citizen", rows)
	}
}

// interposer calls before with every statement, then runs it in tx.
type interposer struct {
	tx     runner
	before func(q string)
}

func (r interposer) Run(ctx context.Context, q string, params map[string]any) (neo4j.ResultWithContext, error) {
	r.before(q)
	return r.tx.Run(ctx, q, params)
}

// An event is read absent and created in the same transaction; another
// transaction that created it in between makes the create fail on the
// unique constraint, and the retry finds it held: one node, one claim
// counted on its edge, nothing lost.
func TestEventCreatedMeanwhileIsWrittenOnce(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	m := ingest.EventMessage{ID: "icews:2018-06-01:2", CAMEO: "112", OccurredAt: "2018-06-01", Source: "icews",
		Subject: &ingest.EventParty{Name: "Government (United States)"}, Object: &ingest.EventParty{Name: "China"}}
	b := graphmodel.Batch{Events: []graphmodel.Event{event(t, m)}}
	tries, raced := 0, false
	st, _, err := inTx(ctx, s, func(tx runner) (graphmodel.WriteStats, error) {
		tries++
		r := interposer{tx: tx, before: func(q string) {
			if q == createEvents && !raced {
				raced = true
				write(t, s, b) // another transaction, committed before this one creates
			}
		}}
		w := &txWriter{ctx: ctx, tx: r, now: time.Now().UTC().Format(time.RFC3339Nano), batch: "race"}
		return w.write(&b)
	})
	if err != nil {
		t.Fatalf("write after the race: %v", err)
	}
	if !raced || tries != 2 {
		t.Fatalf("raced %v, %d tries: want the other transaction between the read and the create, and one retry", raced, tries)
	}
	if st.Events != 0 || st.Skipped != 1 || st.ClaimsCreated != 0 {
		t.Errorf("stats of the retried write %+v: want the event skipped as held", st)
	}
	if rows := queryRows(t, s, `MATCH (e:Event {id: $id}) RETURN count(e)`, map[string]any{"id": m.ID}); rows[0][0] != int64(1) {
		t.Errorf("%v nodes for the event, want 1", rows[0][0])
	}
	if got, want := edges(t, s), "state:USA ACCUSED_OF state:CHN 1"; got != want {
		t.Errorf("edges %q, want %q", got, want)
	}
}

// The United States named by an article, coded by GDELT and named by ICEWS
// is one node.
func TestOneStateFromArticleGDELTAndICEWS(t *testing.T) {
	s := openTest(t)
	var gdelt, icews ingest.EventMessage
	f := readExcerpt(t, "gdelt2-excerpt.export.CSV")
	if err := ingest.ReadGDELT(f, func(r ingest.EventRow) error {
		if r.Message.ID == "gdelt:741918354" { // USA WASHINGTON accuses CHN CHINA
			gdelt = r.Message
		}
		return r.Err
	}); err != nil {
		t.Fatal(err)
	}
	f = readExcerpt(t, "icews-excerpt.tsv")
	if err := ingest.ReadICEWS(f, func(r ingest.EventRow) error {
		if r.Message.ID == "icews:2018-06-01:32890677" { // Japan appeals to United States
			icews = r.Message
		}
		return r.Err
	}); err != nil {
		t.Fatal(err)
	}
	jpn := graphmodel.Entity{Key: "state:JPN", Kind: graphmodel.KindState, Name: "Japan", CAMEO: "JPN"}
	if err := s.ApplySchema(context.Background(), []graphmodel.Entity{jpn}); err != nil {
		t.Fatal(err)
	}
	b := graphmodel.Batch{
		Articles: []graphmodel.Article{art("a", "", claim(graphmodel.AccusedOf, "state:USA", "state:PRK", 0.8))},
		Events:   []graphmodel.Event{event(t, gdelt), event(t, icews)},
	}
	write(t, s, b)
	rows := queryRows(t, s, `MATCH (e:Entity) WHERE e.key = 'state:USA' OR e.name = 'United States' RETURN count(e)`, nil)
	if rows[0][0].(int64) != 1 {
		t.Errorf("%v nodes for the United States, want 1", rows[0][0])
	}
	rows = queryRows(t, s, `MATCH (us:State {key: 'state:USA'})
RETURN count{ (:Article)-[:MENTIONS]->(us) }, count{ (:Event {id: 'gdelt:741918354'})-[:SOURCE_ACTOR]->(us) },
       count{ (:Event {id: 'icews:2018-06-01:32890677'})-[:TARGET_ACTOR]->(us) }`, nil)
	if r := rows[0]; r[0].(int64) != 1 || r[1].(int64) != 1 || r[2].(int64) != 1 {
		t.Errorf("links to the one United States node: %v, want 1 mention, 1 source actor, 1 target actor", r)
	}
	want := "state:JPN REQUESTED_HELP_FROM state:USA 1; state:USA ACCUSED_OF state:CHN 1; state:USA ACCUSED_OF state:PRK 1"
	if got := edges(t, s); got != want {
		t.Errorf("edges %q, want %q", got, want)
	}
}

// People and organizations named by events are merged like an article's.
func TestEventEntitiesMerge(t *testing.T) {
	s := openTest(t)
	m := ingest.EventMessage{ID: "icews:2018-06-02:32900756", CAMEO: "1121", OccurredAt: "2018-06-02", Source: "icews",
		Subject: &ingest.EventParty{Name: "Kumari Selja", Type: "actor"}, Object: &ingest.EventParty{Name: "AirAsia", Type: "organization"}}
	a := art("a", "")
	selja := graphmodel.Entity{Key: "actor:kumari-selja", Kind: graphmodel.KindActor, Name: "Kumari Selja"}
	a.Entities = append(a.Entities, selja)
	a.Mentions = append(a.Mentions, graphmodel.Mention{Key: selja.Key, Count: 1})
	write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{a}, Events: []graphmodel.Event{event(t, m)}})
	rows := queryRows(t, s, `MATCH (p:Actor {key: 'actor:kumari-selja'}) MATCH (o:Organization {key: 'org:airasia'})
RETURN count{ (p)<-[:MENTIONS]-() }, count{ (p)<-[:SOURCE_ACTOR]-() }, o.name,
       count{ (p)-[:ACCUSED_OF]->(o) }`, nil)
	if len(rows) != 1 || rows[0][0].(int64) != 1 || rows[0][1].(int64) != 1 || rows[0][2] != "AirAsia" || rows[0][3].(int64) != 1 {
		t.Errorf("person and organization: %v, want one person mentioned and acting, AirAsia, one edge", rows)
	}
}

func readExcerpt(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open("../../ingest/testdata/events/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
