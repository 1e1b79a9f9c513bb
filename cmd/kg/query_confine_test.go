package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// fetchCounter is an HTTP server on 127.0.0.1 that counts the requests it
// gets: a refused LOAD CSV must not reach it at all.
func fetchCounter(t *testing.T) (url string, hits *atomic.Int64) {
	t.Helper()
	hits = new(atomic.Int64)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte("secret,metrics\n1,2\n"))
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/metrics", hits
}

// kg query reads the graph and nothing else: it refuses, before sending,
// LOAD CSV from a file or a loopback URL, procedures outside its read-only
// list and TERMINATE; it stops a query at --timeout with a clear error; and
// a normal read still works.
func TestQueryConfinedToGraph(t *testing.T) {
	e := newEnv(t, 1)
	url, hits := fetchCounter(t)
	refused := []string{
		`LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l`,
		`load /* x */ csv from 'file:///etc/passwd' as l return l`,
		`LOAD CSV FROM '` + url + `' AS l RETURN l`,
		`MATCH (s:State) WITH s LIMIT 1 LOAD CSV FROM '` + url + `' AS l RETURN l`,
		`CALL apoc.load.json('` + url + `')`,
		"CALL `apoc`.`load`.`csv`('file:///etc/passwd')",
		`CALL dbms.killConnections(['bolt-1'])`,
		`CALL dbms.listConfig() YIELD name, value RETURN name, value`,
		`CALL db.clearQueryCaches()`,
		`CALL db.createLabel('Evil')`,
		`TERMINATE TRANSACTIONS 'neo4j-transaction-1'`,
	}
	for _, q := range refused {
		stdout, stderr, err := runKG(t, e.environ(), "query", q)
		if exitCode(err) != 1 || !strings.Contains(stderr, "kg: query refused: ") {
			t.Errorf("kg query %q: exit %d, want 1 and a refusal\nstdout:\n%s\nstderr:\n%s", q, exitCode(err), stdout, stderr)
		}
		if strings.Contains(stdout, "root:") || strings.Contains(stdout, "metrics") {
			t.Errorf("kg query %q printed what it read:\n%s", q, stdout)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server was fetched %d times", n)
	}

	// A query that would run for minutes stops at --timeout.
	start := time.Now()
	_, stderr, err := runKG(t, e.environ(), "query", "--timeout", "1s", "UNWIND range(1, 2000000000) AS x RETURN count(x)")
	took := time.Since(start)
	if exitCode(err) != 1 || !strings.Contains(stderr, "kg: query timed out after 1s") || !strings.Contains(stderr, "--timeout") {
		t.Errorf("long query: exit %d, want 1 and a timeout naming --timeout:\n%s", exitCode(err), stderr)
	}
	// The server's check runs every 2s or so; the client's bound is 1s + 5s.
	if took > 15*time.Second {
		t.Errorf("long query stopped after %s, want a few seconds", took)
	}

	// Reads still work, with an allowed procedure, a subquery and a SHOW.
	for q, want := range map[string]string{
		`MATCH (s:State {iso3: $iso}) RETURN s.name`:                                   "China",
		`CALL db.labels() YIELD label WHERE label = 'State' RETURN label`:              "State",
		`MATCH (s:State {iso3: 'PRK'}) CALL (s) { RETURN s.iso3 AS code } RETURN code`: "PRK",
		`SHOW CONSTRAINTS YIELD name RETURN count(name) > 0 AS any`:                    "true",
	} {
		stdout, stderr, err := runKG(t, e.environ(), "query", "--timeout", "30s", "--param", "iso=CHN", q)
		if err != nil || !strings.Contains(stdout, want) {
			t.Errorf("kg query %q: %v, want %q in\n%s\nstderr:\n%s", q, err, want, stdout, stderr)
		}
	}
}

// Neo4j itself refuses LOAD CSV from a file and from a loopback URL, sent
// straight through the driver in a read transaction, without kg's check:
// the local Neo4j runs with the settings of deploy/.
func TestNeo4jRefusesLoadCSV(t *testing.T) {
	e := newEnv(t, 1)
	url, hits := fetchCounter(t)
	for q, want := range map[string]string{
		`LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l`: "dbms.security.allow_csv_import_from_file_urls",
		`LOAD CSV FROM '` + url + `' AS l RETURN l`:        "internal.dbms.cypher_ip_blocklist",
	} {
		tab, err := e.store.Query(context.Background(), q, nil)
		var ne *neo4j.Neo4jError
		if !errors.As(err, &ne) || ne.Code != "Neo.ClientError.Statement.ExternalResourceFailed" || !strings.Contains(ne.Msg, want) {
			t.Errorf("%s: rows %v, err %v; want ExternalResourceFailed naming %s", q, tab.Rows, err, want)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("Neo4j fetched the loopback server %d times", n)
	}
}

// A password in KG_NEO4J_URI or in a broker address reaches neither
// stdout nor stderr, of kg query, kg publish or the worker, and the error
// still says what failed and where.
func TestSecretsStayOutOfOutput(t *testing.T) {
	e := newEnv(t, 1)
	closed := func() string { // a loopback port nobody listens on
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return addr
	}
	// Not "secret": the test's topic names hold the test's name.
	const password = "pw-9f2c-hunter2"
	neo4jAddr, kafkaAddr := closed(), closed()
	badNeo4j := "KG_NEO4J_URI=bolt://kg-user:" + password + "@" + neo4jAddr
	check := func(what, stdout, stderr string, wants ...string) {
		t.Helper()
		if strings.Contains(stdout+stderr, password) {
			t.Errorf("%s: the password appears in the output:\nstdout:\n%s\nstderr:\n%s", what, stdout, stderr)
		}
		for _, want := range wants {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", what, want, stderr)
			}
		}
	}

	stdout, stderr, err := runKG(t, e.environ(badNeo4j), "query", "RETURN 1")
	if exitCode(err) != 1 {
		t.Errorf("kg query with Neo4j down: exit %d, want 1", exitCode(err))
	}
	check("kg query", stdout, stderr, "kg: neo4j at bolt://REDACTED@"+neo4jAddr, "connection refused")

	stdout, stderr, err = runKG(t, e.environ("KG_KAFKA_BROKERS=kg-user:"+password+"@"+kafkaAddr), "publish", "--retract", "x")
	if exitCode(err) != 1 {
		t.Errorf("kg publish with a bad broker: exit %d, want 1", exitCode(err))
	}
	check("kg publish", stdout, stderr, "kg: ")

	// The worker waits for Neo4j, logging each failed attempt.
	w := e.startWorker(badNeo4j, "KG_KAFKA_BROKERS=kg-user:"+password+"@"+testBroker)
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(w.log(), "neo4j not reachable") < 2 {
		if time.Now().After(deadline) || !w.running() {
			t.Fatalf("the worker did not report Neo4j unreachable twice:\n%s", w.log())
		}
		time.Sleep(100 * time.Millisecond)
	}
	// Stopped while it waits for Neo4j it exits 1 with the last error,
	// which must be redacted too.
	w.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-w.done:
		w.done <- err // for the cleanup, which then finds it stopped
	case <-time.After(30 * time.Second):
		w.cmd.Process.Kill()
		t.Fatal("the worker did not stop within 30s of SIGTERM")
	}
	check("kg worker", "", w.log(), "neo4j not reachable", "neo4j=bolt://REDACTED@"+neo4jAddr, "connection refused")
}
