package neo4jstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The suite must leave the user's graph alone: `make test` once emptied the
// demo's graph. A marker goes into the user's graph (KG_TEST_USER_NEO4J, the
// instance of deploy/local/services that make demo uses, set by
// with-services), a package of the suite that empties its graph runs with
// the suite's environment, and the marker must still be there. A sentinel
// in the test database must be gone: it shows the run did empty a graph,
// so the check is not passing because nothing ran.
func TestSuiteLeavesUserGraphAlone(t *testing.T) {
	userURI := os.Getenv("KG_TEST_USER_NEO4J")
	if userURI == "" {
		t.Fatal("KG_TEST_USER_NEO4J is not set: run the tests with deploy/local/run-tests, which names the user's Neo4j")
	}
	ctx := context.Background()
	user, err := Open(ctx, Config{URI: userURI}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("the user's neo4j at %s is not reachable (make test starts it): %v", userURI, err)
	}
	t.Cleanup(func() { user.Close(ctx) })
	test := openTest(t)

	b := make([]byte, 8)
	rand.Read(b)
	id := "kg-isolation-" + hex.EncodeToString(b)
	const create = `CREATE (:KgIsolationMarker {id: $id})`
	const count = `MATCH (m:KgIsolationMarker {id: $id}) RETURN count(m) AS n`
	if err := user.runMarker(ctx, create, id); err != nil {
		t.Fatalf("marker in the user's graph: %v", err)
	}
	t.Cleanup(func() { user.runMarker(ctx, `MATCH (m:KgIsolationMarker {id: $id}) DELETE m`, id) })
	if err := test.runMarker(ctx, create, id); err != nil {
		t.Fatalf("sentinel in the test graph: %v", err)
	}

	// A test of this package that empties its graph (openTest), run as the
	// suite runs it: same environment, its own process.
	run := exec.Command("go", "test", "-count=1", "-run", "^TestQueryIsReadOnly$", ".")
	run.Env = os.Environ()
	out, err := run.CombinedOutput()
	if err != nil {
		t.Fatalf("the suite's package failed: %v\n%s", err, out)
	}

	if n := markers(t, user, count, id); n != 1 {
		t.Errorf("the user's graph holds %d markers after a suite package ran, want 1: the suite touched the user's graph", n)
	}
	if n := markers(t, test, count, id); n != 0 {
		t.Errorf("the test graph still holds its sentinel (%d): the package did not empty the graph it was given", n)
	}
}

func (s *Store) runMarker(ctx context.Context, cypher, id string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	_, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, map[string]any{"id": id}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	return err
}

func markers(t *testing.T, s *Store, cypher, id string) int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, cypher, map[string]any{"id": id},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatalf("count markers: %v", err)
	}
	n, _ := res.Records[0].Values[0].(int64)
	return n
}
