package main

// The integration suite runs the kg binary against the real Kafka broker and
// Neo4j database of the tests' own instance, which deploy/local/run-tests
// starts (deploy/local/with-services test). It never touches the user's
// instance: before anything is written, newEnv checks that the broker is
// the test broker (rack kg-test) and the graph is the test database
// (kgtest), which the user's instance has neither of. It never skips: a
// service that cannot be reached fails the test. Tests share the database,
// so they run one at a time (no t.Parallel) and each starts from an empty
// graph with the schema applied; they share the broker through topics and
// consumer groups unique to each test.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
)

var kgBinary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kg-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	kgBinary = filepath.Join(dir, "kg")
	build := exec.Command("go", "build", "-race", "-o", kgBinary, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build kg:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// The defaults are the test instance of deploy/local/with-services test.
var (
	testBroker   = envOr("KG_TEST_KAFKA", "127.0.0.1:9192")
	testNeo4j    = envOr("KG_TEST_NEO4J", "bolt://127.0.0.1:7688")
	testDatabase = envOr("KG_TEST_NEO4J_DATABASE", "kgtest")
	testParser   = envOr("KG_TEST_PARSER", "http://127.0.0.1:9000")
)

// testRack marks the test broker (broker.rack, set by with-services).
const testRack = "kg-test"

// checkTestBroker fails the test unless the broker at addr is a test
// broker: topics the suite creates must never land on the user's broker.
func checkTestBroker(t *testing.T, addr string) {
	t.Helper()
	conn, err := kafka.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("kafka is not reachable at %s (run the tests with deploy/local/run-tests): %v", addr, err)
	}
	defer conn.Close()
	brokers, err := conn.Brokers()
	if err != nil {
		t.Fatalf("kafka brokers at %s: %v", addr, err)
	}
	for _, b := range brokers {
		if b.Rack != testRack {
			t.Fatalf("the broker at %s is not a test broker (rack %q, want %q): refusing to create topics there; "+
				"run the tests with deploy/local/run-tests", addr, b.Rack, testRack)
		}
	}
}

// openTestStore connects to the test database. The user's instance has no
// database of that name, so a suite pointed at it fails here instead of
// emptying the user's graph.
func openTestStore(t *testing.T) *neo4jstore.Store {
	t.Helper()
	if testDatabase != "kgtest" {
		// The suite empties the database it is given: another name could be
		// a graph someone keeps, the bench's among them.
		t.Fatalf("KG_TEST_NEO4J_DATABASE=%q: the suite empties its database and runs only on kgtest", testDatabase)
	}
	ctx := context.Background()
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: testNeo4j, Database: testDatabase}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("neo4j is not reachable at %s (run the tests with deploy/local/run-tests): %v", testNeo4j, err)
	}
	t.Cleanup(func() { store.Close(ctx) })
	if err := store.Ping(ctx); err != nil {
		t.Fatalf("neo4j at %s has no test database %q (run the tests with deploy/local/run-tests): %v", testNeo4j, testDatabase, err)
	}
	return store
}

// env is one test's view of the services: its own topic and group.
type env struct {
	extra []string // environment of every kg the test runs
	t     *testing.T
	topic string
	group string
	store *neo4jstore.Store
}

func unique(prefix string) string {
	b := make([]byte, 4)
	rand.Read(b)
	return prefix + "-" + hex.EncodeToString(b)
}

// newEnv connects to both services (failing, not skipping, when either is
// down), creates a topic with the given partitions, and empties the graph.
func newEnv(t *testing.T, partitions int) *env {
	t.Helper()
	name := strings.ToLower(strings.NewReplacer("/", "-", "_", "-").Replace(t.Name()))
	e := &env{t: t, topic: unique("it-" + name), group: unique("g-" + name)}
	checkTestBroker(t, testBroker)
	store := openTestStore(t)
	e.store = store
	createTopic(t, e.topic, partitions)
	createTopic(t, e.topic+"-events", partitions)
	resetGraph(t, store)
	// Leave the database as empty as the test found it, whatever the
	// outcome, so that the demo and the next test start clean.
	t.Cleanup(func() { resetGraph(t, store) })
	e.kg("schema", "apply")
	return e
}

func createTopic(t *testing.T, topic string, partitions int) {
	t.Helper()
	conn, err := kafka.Dial("tcp", testBroker)
	if err != nil {
		t.Fatalf("kafka is not reachable at %s (start it with deploy/local/services up): %v", testBroker, err)
	}
	defer conn.Close()
	ctrl, err := conn.Controller()
	if err != nil {
		t.Fatalf("kafka controller: %v", err)
	}
	cc, err := kafka.Dial("tcp", net.JoinHostPort(ctrl.Host, strconv.Itoa(ctrl.Port)))
	if err != nil {
		t.Fatalf("dial kafka controller: %v", err)
	}
	defer cc.Close()
	err = cc.CreateTopics(kafka.TopicConfig{Topic: topic, NumPartitions: partitions, ReplicationFactor: 1,
		ConfigEntries: []kafka.ConfigEntry{{ConfigName: "cleanup.policy", ConfigValue: "compact"}}})
	if err != nil {
		t.Fatalf("create topic %s: %v", topic, err)
	}
	// Wait until every partition has a leader: a producer that starts
	// earlier is told the topic does not exist.
	deadline := time.Now().Add(30 * time.Second)
	for {
		parts, err := conn.ReadPartitions(topic)
		led := 0
		for _, p := range parts {
			if p.Leader.Port != 0 {
				led++
			}
		}
		if err == nil && led == partitions {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("topic %s: %d of %d partitions have a leader after 30s (%v)", topic, led, partitions, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// resetGraph deletes every node and relationship.
func resetGraph(t *testing.T, s *neo4jstore.Store) {
	t.Helper()
	if err := s.DeleteAll(context.Background()); err != nil {
		t.Fatalf("empty the graph: %v", err)
	}
}

func (e *env) environ(extra ...string) []string {
	env := append(os.Environ(),
		"KG_KAFKA_BROKERS="+testBroker,
		"KG_NEO4J_URI="+testNeo4j,
		"KG_NEO4J_DATABASE="+testDatabase,
		"KG_NEO4J_PASSWORD=",
		"KG_ARTICLES_TOPIC="+e.topic,
		"KG_EVENTS_TOPIC="+e.topic+"-events",
		"KG_KAFKA_GROUP_ID="+e.group,
		"KG_PARSER_URL="+testParser,
		"KG_SESSION_TIMEOUT=6s",
		"KG_BATCH_LINGER=50ms",
		"KG_SHUTDOWN_TIMEOUT=10s",
		"KG_LOG_FORMAT=text",
		"KG_HTTP_ADDR=",
	)
	env = append(env, e.extra...)
	return append(env, extra...)
}

// rulesOnly makes every kg the test runs extract with the rules-only
// extractor (KG_PARSER=off). Delivery tests stream thousands of articles:
// what they check (offsets, retries, checksums against a clean run) does not
// depend on the extractor, and the parser would make them minutes slower.
func (e *env) rulesOnly() *env {
	e.extra = append(e.extra, "KG_PARSER=off")
	return e
}

// kg runs the binary to completion and returns its standard output.
func (e *env) kg(args ...string) string {
	e.t.Helper()
	return e.kgIn(nil, args...)
}

func (e *env) kgIn(stdin io.Reader, args ...string) string {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, kgBinary, args...)
	cmd.Env = e.environ()
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		e.t.Fatalf("kg %s: %v\nstderr:\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

// worker is a running `kg worker` process.
type worker struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	logs bytes.Buffer
	done chan error
}

func (w *worker) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.logs.Write(p)
}

func (w *worker) log() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.logs.String()
}

// startWorker starts `kg worker`; the test's cleanup stops it.
func (e *env) startWorker(extra ...string) *worker {
	e.t.Helper()
	w := &worker{done: make(chan error, 1)}
	w.cmd = exec.Command(kgBinary, "worker")
	w.cmd.Env = e.environ(extra...)
	w.cmd.Stdout, w.cmd.Stderr = w, w
	if err := w.cmd.Start(); err != nil {
		e.t.Fatalf("start worker: %v", err)
	}
	go func() { w.done <- w.cmd.Wait() }()
	e.t.Cleanup(func() {
		if w.running() {
			w.stop(e.t)
		}
		if e.t.Failed() {
			e.t.Logf("worker log:\n%s", w.log())
		}
	})
	return w
}

func (w *worker) running() bool {
	select {
	case err := <-w.done:
		w.done <- err
		return false
	default:
		return true
	}
}

// stop sends SIGTERM and waits for a clean exit.
func (w *worker) stop(t *testing.T) {
	t.Helper()
	w.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-w.done:
		w.done <- err
		if err != nil {
			t.Errorf("worker exited with %v after SIGTERM", err)
		}
	case <-time.After(30 * time.Second):
		w.cmd.Process.Kill()
		t.Errorf("worker did not stop within 30s of SIGTERM")
	}
}

var joined = regexp.MustCompile(`msg="joined generation" generation=(\d+) .* partitions=(\d+)`)

// waitAssigned waits until every worker holds partitions in one and the
// same generation of the group.
func (e *env) waitAssigned(timeout time.Duration, workers ...*worker) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		gens := map[string]bool{}
		all := true
		for _, w := range workers {
			m := joined.FindAllStringSubmatch(w.log(), -1)
			if len(m) == 0 || m[len(m)-1][2] == "0" {
				all = false
				break
			}
			gens[m[len(m)-1][1]] = true
		}
		if all && len(gens) == 1 {
			return
		}
		if time.Now().After(deadline) {
			for _, w := range workers {
				e.t.Logf("worker log:\n%s", w.log())
			}
			e.t.Fatalf("%d workers did not all hold partitions of one generation within %s", len(workers), timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitDrained waits until the group has committed every partition of the
// article and event topics up to their ends: everything published so far
// has been written.
func (e *env) waitDrained(timeout time.Duration, workers ...*worker) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		for _, w := range workers {
			if !w.running() {
				e.t.Fatalf("worker exited while draining:\n%s", w.log())
			}
		}
		lag, err := consumers.Lag(context.Background(), []string{testBroker}, consumers.Security{}, e.group, e.topic, e.topic+"-events")
		if err == nil && lag == 0 {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("topics of %s not drained by group %s within %s: lag %d, err %v", e.topic, e.group, timeout, lag, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// query runs a read query and returns its rows.
func (e *env) query(cypher string, params map[string]any) [][]any {
	e.t.Helper()
	t, err := e.store.Query(context.Background(), cypher, params)
	if err != nil {
		e.t.Fatalf("query %q: %v", cypher, err)
	}
	return t.Rows
}

func (e *env) checksum() string {
	e.t.Helper()
	sum, err := e.store.Checksum(context.Background())
	if err != nil {
		e.t.Fatalf("checksum: %v", err)
	}
	return sum
}

// produce writes raw messages to the test topic, bypassing kg publish's
// validation, so that malformed input reaches the worker.
func (e *env) produce(msgs ...kafka.Message) {
	e.t.Helper()
	e.produceTo(e.topic, msgs...)
}

// produceTo writes raw messages to a topic.
func (e *env) produceTo(topic string, msgs ...kafka.Message) {
	e.t.Helper()
	// A transport of its own: kafka-go's default transport caches metadata
	// from before the test's topic existed.
	w := &kafka.Writer{Addr: kafka.TCP(testBroker), Topic: topic, Balancer: &kafka.Murmur2Balancer{},
		AllowAutoTopicCreation: false, // the test broker creates no topic on first use
		RequiredAcks:           kafka.RequireAll, BatchTimeout: 5 * time.Millisecond, Transport: &kafka.Transport{}}
	defer w.Close()
	if err := w.WriteMessages(context.Background(), msgs...); err != nil {
		e.t.Fatalf("produce: %v", err)
	}
}

// readTopic reads every message of a topic's partitions from the start
// until n messages are read or the timeout passes.
func readTopic(t *testing.T, topic string, n int, timeout time.Duration) []kafka.Message {
	t.Helper()
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{testBroker}, Topic: topic, Partition: 0,
		MaxWait: 200 * time.Millisecond})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var out []kafka.Message
	for len(out) < n {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			t.Fatalf("read %s: got %d of %d messages: %v", topic, len(out), n, err)
		}
		out = append(out, m)
	}
	return out
}

// devArticles returns the lines of the shipped sample articles.
func devArticles(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../../ingest/testdata/articles-dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func header(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

// freeAddr returns a loopback address with a free port.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
