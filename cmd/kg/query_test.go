package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// runKGIn is runKG with standard input.
func runKGIn(t *testing.T, env []string, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, kgBinary, args...)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return out.String(), errb.String(), err
}

// Typed parameters, ISO 8601 dates and times, Neo4j's notifications and a
// query read from standard input, against the real Neo4j.
func TestQueryParamsDatesNotices(t *testing.T) {
	e := newEnv(t, 1)
	env := e.environ()

	// -p n:=2 is an integer: LIMIT $n works. -p isos:=[...] is a list.
	stdout, stderr, err := runKG(t, env, "query", "--format", "json",
		"MATCH (s:State) WHERE s.iso3 IN $isos RETURN s.iso3 AS iso ORDER BY iso LIMIT $n",
		"-p", "n:=2", "-p", `isos:=["PRK", "CHN", "USA"]`)
	if err != nil || stdout != "{\"iso\":\"CHN\"}\n{\"iso\":\"PRK\"}\n" {
		t.Errorf("typed LIMIT and list: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, stderr)
	}
	// -p n=2 stays a string, as before: Neo4j refuses it for LIMIT.
	_, stderr, err = runKG(t, env, "query", "MATCH (s:State) RETURN s LIMIT $n", "-p", "n=2")
	if exitCode(err) != 1 || !strings.Contains(stderr, "LIMIT") {
		t.Errorf("string LIMIT: exit %d, want 1 and Neo4j's complaint about LIMIT:\n%s", exitCode(err), stderr)
	}
	stdout, _, err = runKG(t, env, "query", "--format", "json",
		"RETURN $s = '10' AS str, $i = 10 AS int, $f = 0.5 AS flt, $b AS b, $m.a.b AS m", "-p", "s=10", "-p", "i:=10",
		"-p", "f:=0.5", "-p", "b:=false", "-p", `m:={"a": {"b": [1, "x"]}}`)
	if want := `{"b":false,"flt":true,"int":true,"m":[1,"x"],"str":true}` + "\n"; err != nil || stdout != want {
		t.Errorf("typed values: %v, got %q, want %q", err, stdout, want)
	}
	_, stderr, err = runKG(t, env, "query", "RETURN $n", "-p", "n:=ten")
	if exitCode(err) != 1 || !strings.Contains(stderr, "--param n:") {
		t.Errorf("bad JSON: exit %d, want 1 naming the parameter:\n%s", exitCode(err), stderr)
	}

	// Every temporal type in ISO 8601, in the table and in JSON.
	const temporal = `RETURN datetime('2026-12-05T23:09:47Z') AS dt,
  datetime('2014-03-01T12:00:00[Europe/Berlin]') AS zoned, date('2014-03-01') AS d,
  localdatetime('2014-03-01T10:00:00') AS ldt, time('10:00:00+02:00') AS t,
  localtime('10:00:00') AS lt, [datetime('2026-12-05T23:09:47.5+01:00')] AS list`
	stdout, _, err = runKG(t, env, "query", "--format", "json", temporal)
	var got map[string]any
	if err != nil || json.Unmarshal([]byte(stdout), &got) != nil {
		t.Fatalf("temporal json: %v\n%s", err, stdout)
	}
	want := map[string]any{"dt": "2026-12-05T23:09:47Z", "zoned": "2014-03-01T12:00:00+01:00[Europe/Berlin]",
		"d": "2014-03-01", "ldt": "2014-03-01T10:00:00", "t": "10:00:00+02:00", "lt": "10:00:00",
		"list": []any{"2026-12-05T23:09:47.5+01:00"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("temporal json:\n got %v\nwant %v", got, want)
	}
	stdout, _, err = runKG(t, env, "query", temporal)
	if err != nil || !strings.Contains(stdout, "2026-12-05T23:09:47Z  2014-03-01T12:00:00+01:00[Europe/Berlin]") ||
		strings.Contains(stdout, "Offset") || strings.Contains(stdout, "+0000") {
		t.Errorf("temporal table: %v\n%s", err, stdout)
	}

	// A misspelled label, property and relationship type: no rows, and
	// stderr says why. A cartesian product is pointed out too.
	for q, wants := range map[string][]string{
		`MATCH (s:Stat) RETURN s.name`:                    {"UnknownLabelWarning", "the missing label name is: Stat", "line 1, column 10"},
		`MATCH (s:State) WHERE s.nmae = 'China' RETURN s`: {"UnknownPropertyKeyWarning", "the missing property name is: nmae"},
		`MATCH (:State)-[:ALLIED_WITH]-(x) RETURN x.name`: {"UnknownRelationshipTypeWarning", "ALLIED_WITH"},
		`MATCH (a:State), (b:State) RETURN count(*) AS n`: {"CartesianProduct"},
	} {
		stdout, stderr, err := runKG(t, env, "query", q)
		if err != nil {
			t.Errorf("%s: %v\n%s", q, err, stderr)
		}
		for _, w := range wants {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", q, w, stderr)
			}
		}
		if strings.Contains(stdout, "Warning") || strings.Contains(stdout, "CartesianProduct") {
			t.Errorf("%s: a notice went to stdout:\n%s", q, stdout)
		}
	}
	// A correct query has none.
	_, stderr, err = runKG(t, env, "query", `MATCH (s:State {iso3: 'CHN'}) RETURN s.name`)
	if err != nil || stderr != "" {
		t.Errorf("clean query: %v, stderr %q", err, stderr)
	}

	// kg query - reads the query from standard input.
	stdout, stderr, err = runKGIn(t, env, "MATCH (s:State {iso3: $iso})\nRETURN s.name AS name\n", "query", "-", "-p", "iso=PRK", "--format", "json")
	if err != nil || stdout != `{"name":"North Korea"}`+"\n" {
		t.Errorf("query from stdin: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, stderr)
	}
	// ... and is confined like any other.
	_, stderr, err = runKGIn(t, env, "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "query", "-")
	if exitCode(err) != 1 || !strings.Contains(stderr, "query refused") {
		t.Errorf("confined stdin query: exit %d\n%s", exitCode(err), stderr)
	}
	_, stderr, err = runKGIn(t, env, " \n", "query", "-")
	if exitCode(err) != 1 || !strings.Contains(stderr, "empty query") {
		t.Errorf("empty stdin: exit %d\n%s", exitCode(err), stderr)
	}
}

// freezer relays TCP to the real Neo4j until the client sends marker:
// from then on it forwards nothing either way and answers nothing, like
// a Neo4j process that was SIGSTOPped in the middle of a query.
type freezer struct {
	ln     net.Listener
	marker []byte
	mu     sync.Mutex
	frozen bool
	conns  []net.Conn
}

func newFreezer(t *testing.T, target, marker string) *freezer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &freezer{ln: ln, marker: []byte(marker)}
	t.Cleanup(func() {
		ln.Close()
		f.mu.Lock()
		for _, c := range f.conns {
			c.Close()
		}
		f.mu.Unlock()
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			f.mu.Lock()
			f.conns = append(f.conns, c, s)
			f.mu.Unlock()
			go f.relay(c, s, true)
			go f.relay(s, c, false)
		}
	}()
	return f
}

func (f *freezer) relay(from, to net.Conn, fromClient bool) {
	buf := make([]byte, 64<<10)
	for {
		n, err := from.Read(buf)
		if err != nil {
			return
		}
		f.mu.Lock()
		if fromClient && bytes.Contains(buf[:n], f.marker) {
			f.frozen = true
		}
		frozen := f.frozen
		f.mu.Unlock()
		if frozen {
			continue // swallowed: the connection stays open and silent
		}
		if _, err := to.Write(buf[:n]); err != nil {
			return
		}
	}
}

func (f *freezer) isFrozen() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.frozen
}

// startKG starts kg with its output collected; wait returns how it exited.
func startKG(t *testing.T, env []string, args ...string) (cmd *exec.Cmd, out *bytes.Buffer, wait func(time.Duration) (error, bool)) {
	t.Helper()
	cmd = exec.Command(kgBinary, args...)
	cmd.Env = env
	out = new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
		done <- nil
	})
	return cmd, out, func(d time.Duration) (error, bool) {
		select {
		case err := <-done:
			done <- err
			return err, true
		case <-time.After(d):
			return nil, false
		}
	}
}

// SIGINT and SIGTERM cancel kg query at once: while Neo4j does not answer
// the handshake, while it is frozen mid-query, and while it runs a long
// query, which the server then ends too.
func TestQueryCancelledBySignal(t *testing.T) {
	e := newEnv(t, 1)
	const prompt = 3 * time.Second // generous for -race on a busy machine

	// A listener that accepts connections and never says a word.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	var mu sync.Mutex
	var held []net.Conn
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c) // kept open, never answered
			mu.Unlock()
		}
	}()
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			c.Close()
		}
	}()

	frozen := newFreezer(t, strings.TrimPrefix(testNeo4j, "bolt://"), "freeze-here-7f3a")

	for _, tc := range []struct {
		name   string
		uri    string
		query  string
		sig    os.Signal
		before func() bool // the signal is sent once this holds
	}{
		{"silent server, SIGTERM", "bolt://" + silent.Addr().String(), "RETURN 1", syscall.SIGTERM, nil},
		{"silent server, SIGINT", "bolt://" + silent.Addr().String(), "RETURN 1", os.Interrupt, nil},
		{"frozen mid-query, SIGTERM", "bolt://" + frozen.ln.Addr().String(), "RETURN 'freeze-here-7f3a'", syscall.SIGTERM, frozen.isFrozen},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd, out, wait := startKG(t, e.environ("KG_NEO4J_URI="+tc.uri), "query", tc.query)
			deadline := time.Now().Add(30 * time.Second)
			if tc.before == nil {
				time.Sleep(1500 * time.Millisecond) // well into the wait for an answer
			}
			for tc.before != nil && !tc.before() {
				if time.Now().After(deadline) {
					t.Fatalf("the query never reached the frozen server:\n%s", out)
				}
				time.Sleep(20 * time.Millisecond)
			}
			if _, done := wait(0); done {
				t.Fatalf("kg query ended before the signal:\n%s", out)
			}
			sent := time.Now()
			cmd.Process.Signal(tc.sig)
			err, done := wait(prompt)
			if !done {
				t.Fatalf("kg query still running %s after %v", prompt, tc.sig)
			}
			if exitCode(err) != 1 || !strings.Contains(out.String(), "kg: query cancelled") {
				t.Errorf("exit %d after %s, want 1 and \"query cancelled\":\n%s", exitCode(err), time.Since(sent), out)
			}
		})
	}

	t.Run("long query, SIGINT", func(t *testing.T) {
		const long = "UNWIND range(1, 2000000000) AS x RETURN count(x) AS long_query_9c1e"
		cmd, out, wait := startKG(t, e.environ(), "query", "--timeout", "10m", long)
		running := func() bool {
			tab, err := e.store.Query(context.Background(),
				`SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'long_query_9c1e' AND NOT currentQuery CONTAINS 'SHOW' RETURN count(*)`, nil)
			return err == nil && tab.Rows[0][0].(int64) > 0
		}
		deadline := time.Now().Add(30 * time.Second)
		for !running() {
			if time.Now().After(deadline) {
				t.Fatalf("the long query never showed in SHOW TRANSACTIONS:\n%s", out)
			}
			time.Sleep(50 * time.Millisecond)
		}
		cmd.Process.Signal(os.Interrupt)
		err, done := wait(prompt)
		if !done {
			t.Fatalf("kg query still running %s after SIGINT", prompt)
		}
		if exitCode(err) != 1 || !strings.Contains(out.String(), "kg: query cancelled") {
			t.Errorf("exit %d, want 1 and \"query cancelled\":\n%s", exitCode(err), out)
		}
		// The server ends the transaction when the connection goes.
		deadline = time.Now().Add(10 * time.Second)
		for running() {
			if time.Now().After(deadline) {
				t.Fatal("the server still runs the cancelled query 10s later")
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
}
