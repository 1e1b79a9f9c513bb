package neo4jstore

// These tests run against the real Neo4j of the tests' own instance, which
// deploy/local/run-tests starts (deploy/local/with-services test); they
// fail, never skip, when it cannot be reached. They empty the graph, so the
// suite runs packages one at a time, and only in the test database
// (KG_TEST_NEO4J_DATABASE, kgtest): the user's instance has no database of
// that name, so pointed at it they fail instead of emptying its graph.

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/graphmodel"
)

// testURI and testDatabase default to the instance of
// deploy/local/with-services test.
func testURI() string {
	if uri := os.Getenv("KG_TEST_NEO4J"); uri != "" {
		return uri
	}
	return "bolt://127.0.0.1:7688"
}

func testDatabase() string {
	if db := os.Getenv("KG_TEST_NEO4J_DATABASE"); db != "" {
		return db
	}
	return "kgtest"
}

func openTest(t *testing.T) *Store {
	t.Helper()
	uri, db := testURI(), testDatabase()
	if db != "kgtest" {
		// The suite empties the database it is given: another name could be
		// a graph someone keeps, the bench's among them.
		t.Fatalf("KG_TEST_NEO4J_DATABASE=%q: the suite empties its database and runs only on kgtest", db)
	}
	ctx := context.Background()
	s, err := Open(ctx, Config{URI: uri, Database: db}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("neo4j is not reachable at %s (run the tests with deploy/local/run-tests): %v", uri, err)
	}
	t.Cleanup(func() { s.Close(ctx) })
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("neo4j at %s has no test database %q (run the tests with deploy/local/run-tests): %v", uri, db, err)
	}
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.DeleteAll(ctx) })
	seed := []graphmodel.Entity{
		{Key: "state:USA", Kind: graphmodel.KindState, Name: "United States", Aliases: []string{"U.S."}, CAMEO: "USA"},
		{Key: "state:CHN", Kind: graphmodel.KindState, Name: "China", CAMEO: "CHN"},
		{Key: "state:PRK", Kind: graphmodel.KindState, Name: "North Korea", CAMEO: "PRK"},
		{Key: "org:united-nations", Kind: graphmodel.KindOrganization, Name: "United Nations", Acronym: "UN", CAMEO: "IGOUNO"},
	}
	if err := s.ApplySchema(ctx, seed); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckSchema(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

var (
	usa = graphmodel.Entity{Key: "state:USA", Kind: graphmodel.KindState, Name: "United States", Seeded: true}
	chn = graphmodel.Entity{Key: "state:CHN", Kind: graphmodel.KindState, Name: "China", Seeded: true}
	prk = graphmodel.Entity{Key: "state:PRK", Kind: graphmodel.KindState, Name: "North Korea", Seeded: true}
)

func art(id, revision string, claims ...graphmodel.Claim) graphmodel.Article {
	a := graphmodel.Article{ID: id, Title: "t " + id, PublishedAt: "2014-12-20", Revision: revision,
		ContentHash: id + revision + string(rune('0'+len(claims))), ExtractorVersion: "test",
		Entities: []graphmodel.Entity{usa, chn, prk}}
	for _, e := range a.Entities {
		a.Mentions = append(a.Mentions, graphmodel.Mention{Key: e.Key, Count: 1})
	}
	a.Claims = claims
	return a
}

func claim(t graphmodel.RelType, s, o string, conf float64) graphmodel.Claim {
	return graphmodel.Claim{Type: t, Subject: s, Object: o, Confidence: conf, Modality: graphmodel.Asserted, Evidence: "e"}
}

func write(t *testing.T, s *Store, b graphmodel.Batch) graphmodel.WriteStats {
	t.Helper()
	st, err := s.Write(context.Background(), &b, time.Now())
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	return st
}

// edges returns "SUBJ TYPE OBJ claims" for every summary edge.
func edges(t *testing.T, s *Store) string {
	t.Helper()
	tab, err := s.Query(context.Background(), `MATCH (a)-[r:ALLY_OF|ACCUSED_OF|REQUESTED_HELP_FROM]->(b)
RETURN a.key + ' ' + type(r) + ' ' + b.key + ' ' + toString(r.claims) AS e ORDER BY e`, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range tab.Rows {
		out = append(out, r[0].(string))
	}
	return strings.Join(out, "; ")
}

func TestWriteSummariesStayExact(t *testing.T) {
	s := openTest(t)
	help := claim(graphmodel.RequestedHelpFrom, "state:USA", "state:CHN", 0.9)
	ally := claim(graphmodel.AllyOf, "state:PRK", "state:CHN", 0.8) // stored with the smaller key first
	accuse := claim(graphmodel.AccusedOf, "state:USA", "state:PRK", 0.8)

	st := write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{art("a", "2020-01-01T00:00:00.000000000Z", help, ally), art("b", "", help)}})
	if st.ClaimsCreated != 3 {
		t.Errorf("claims created %d, want 3", st.ClaimsCreated)
	}
	want := "state:CHN ALLY_OF state:PRK 1; state:USA REQUESTED_HELP_FROM state:CHN 2"
	if got := edges(t, s); got != want {
		t.Fatalf("edges %q, want %q", got, want)
	}
	sum, err := s.Checksum(context.Background())
	if err != nil {
		t.Fatal(err)
	}

	// Replaying the same batch changes nothing, counters included.
	st = write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{art("a", "2020-01-01T00:00:00.000000000Z", help, ally), art("b", "", help)}})
	if st.Skipped != 2 {
		t.Errorf("replay: skipped %d, want 2", st.Skipped)
	}
	if again, _ := s.Checksum(context.Background()); again != sum {
		t.Errorf("replay changed the graph")
	}

	// A newer version replaces what the article asserted.
	st = write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{art("a", "2020-01-02T00:00:00.000000000Z", accuse)}})
	if fmt.Sprint(st.Added, st.Removed) != "map[accused-of:1] map[ally-of:1 requested-help-from:1]" {
		t.Errorf("new version: added %v removed %v, want accused-of added, ally-of and requested-help-from removed", st.Added, st.Removed)
	}
	want = "state:USA ACCUSED_OF state:PRK 1; state:USA REQUESTED_HELP_FROM state:CHN 1"
	if got := edges(t, s); got != want {
		t.Fatalf("after a new version: edges %q, want %q", got, want)
	}

	// A version that keeps a claim and changes its confidence re-merges
	// the existing claim and recomputes its edge.
	accuse2 := accuse
	accuse2.Confidence = 0.95
	edited := art("a", "2020-01-02T00:00:00.000000000Z", accuse2)
	edited.ContentHash += "-edited" // same revision, new text: the later message wins
	st = write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{edited}})
	if st.ClaimsCreated != 0 || st.ClaimsDeleted != 0 || edges(t, s) != want {
		t.Fatalf("kept claim: created %d deleted %d edges %q", st.ClaimsCreated, st.ClaimsDeleted, edges(t, s))
	}
	tab, err := s.Query(context.Background(), `MATCH ()-[r:ACCUSED_OF]->() RETURN r.confidence`, nil)
	if err != nil || len(tab.Rows) != 1 || tab.Rows[0][0].(float64) != 0.95 {
		t.Fatalf("ACCUSED_OF confidence after the change: %v %v, want 0.95", tab.Rows, err)
	}

	// An older version arriving later changes nothing.
	st = write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{art("a", "2020-01-01T00:00:00.000000000Z", help, ally)}})
	if st.Skipped != 1 || edges(t, s) != want {
		t.Fatalf("stale version: skipped %d, edges %q, want 1 and %q", st.Skipped, edges(t, s), want)
	}

	// A tombstone retracts the article and leaves a marker.
	write(t, s, graphmodel.Batch{Retractions: []string{"a"}})
	want = "state:USA REQUESTED_HELP_FROM state:CHN 1"
	if got := edges(t, s); got != want {
		t.Fatalf("after retraction: edges %q, want %q", got, want)
	}
	tab, err = s.Query(context.Background(), `MATCH (a:Article {id: 'a'}) OPTIONAL MATCH (a)-[r]->() RETURN a.retracted, count(r)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows[0][0] != true || tab.Rows[0][1].(int64) != 0 {
		t.Errorf("retracted article: %v, want retracted with no relationships", tab.Rows[0])
	}
	// A stale copy cannot resurrect it.
	st = write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{art("a", "2020-01-02T00:00:00.000000000Z", accuse)}})
	if st.Skipped != 1 || edges(t, s) != want {
		t.Errorf("stale copy after retraction: skipped %d, edges %q", st.Skipped, edges(t, s))
	}
}

func TestWriteStoresHostileStringsVerbatim(t *testing.T) {
	s := openTest(t)
	names := []string{
		"O'Brien \"The Hammer\"", "Robert`); MATCH (n) DETACH DELETE n; //", "{name: 'x'} $param",
		"CREATE (x:Evil)", strings.Repeat("Ω", 200),
	}
	a := art("hostile", "")
	for _, n := range names {
		e := graphmodel.Entity{Key: graphmodel.ActorKey(n), Kind: graphmodel.KindActor, Name: n, Aliases: []string{n + "`"}}
		a.Entities = append(a.Entities, e)
		a.Mentions = append(a.Mentions, graphmodel.Mention{Key: e.Key, Count: 1})
	}
	a.Claims = []graphmodel.Claim{claim(graphmodel.AccusedOf, graphmodel.ActorKey(names[1]), "state:USA", 0.5)}
	a.Claims[0].Charge = "'; DROP CONSTRAINT entity_key; //"
	write(t, s, graphmodel.Batch{Articles: []graphmodel.Article{a}})
	for _, n := range names {
		tab, err := s.Query(context.Background(), `MATCH (e:Actor {key: $key}) RETURN e.name, e.aliases`, map[string]any{"key": graphmodel.ActorKey(n)})
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Rows) != 1 || tab.Rows[0][0] != n {
			t.Errorf("name %q stored as %v", n, tab.Rows)
		}
	}
	tab, _ := s.Query(context.Background(), `MATCH (n:Evil) RETURN count(n)`, nil)
	if tab.Rows[0][0].(int64) != 0 {
		t.Error("a name was executed as Cypher")
	}
	if err := s.CheckSchema(context.Background()); err != nil {
		t.Errorf("schema damaged: %v", err)
	}
}

func TestQueryIsReadOnly(t *testing.T) {
	s := openTest(t)
	if _, err := s.Query(context.Background(), `CREATE (:Evil {x: 1})`, nil); err == nil {
		t.Fatal("a CREATE through Query succeeded; queries must run read-only")
	}
	tab, err := s.Query(context.Background(), `MATCH (n:Evil) RETURN count(n)`, nil)
	if err != nil || tab.Rows[0][0].(int64) != 0 {
		t.Errorf("after a refused CREATE: %v %v", tab.Rows, err)
	}
}

func TestWriteRefusesUnseededState(t *testing.T) {
	s := openTest(t)
	a := art("x", "")
	rus := graphmodel.Entity{Key: "state:RUS", Kind: graphmodel.KindState, Name: "Russia", Seeded: true}
	a.Entities = append(a.Entities, rus)
	_, err := s.Write(context.Background(), &graphmodel.Batch{Articles: []graphmodel.Article{a}}, time.Now())
	if err == nil || !strings.Contains(err.Error(), "schema apply") {
		t.Fatalf("got %v, want an error asking for kg schema apply", err)
	}
}
