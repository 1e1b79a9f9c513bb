package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsgraph/kg/consumers"
)

// corpus returns n article messages made from the sample articles, each
// with its own id, so that every message writes its own article.
func corpus(t *testing.T, n int) []string {
	t.Helper()
	dev := devArticles(t)
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		var m map[string]any
		if err := json.Unmarshal([]byte(dev[i%len(dev)]), &m); err != nil {
			t.Fatal(err)
		}
		m["id"] = fmt.Sprintf("%s~%04d", m["id"], i)
		b, _ := json.Marshal(m)
		out = append(out, string(b))
	}
	return out
}

func (e *env) publishLines(lines []string) {
	e.t.Helper()
	out := e.kgIn(strings.NewReader(strings.Join(lines, "\n")), "publish", "-")
	if want := fmt.Sprintf("published %d messages", len(lines)); !strings.Contains(out, want) {
		e.t.Fatalf("publish said %q, want %q", out, want)
	}
}

// eventCorpus returns n event messages between states, of every outcome:
// requests, accusations and alliances that become claims, consultations
// that stay events, and citizens' acts that are not the state's.
func eventCorpus(n int) []kafka.Message {
	states := []string{"USA", "CHN", "RUS", "PRK", "KOR", "JPN", "GBR", "FRA", "DEU", "IRN", "SAU", "TUR"}
	kinds := []string{`"cameo": "0231"`, `"cameo": "112"`, `"type": "ally-of"`, `"cameo": "040"`, `"cameo": "1121"`}
	out := make([]kafka.Message, 0, n)
	for i := 0; i < n; i++ {
		subj, obj := states[i%len(states)], states[(i*7+3)%len(states)]
		role := "GOV"
		if i%9 == 0 {
			role = "CVL"
		}
		id := fmt.Sprintf("test:%05d", i)
		v := fmt.Sprintf(`{"id": %q, %s, "subject": {"code": "%s%s"}, "object": {"code": %q}, "occurred_at": "2020-%02d-%02d", "source": "test"}`,
			id, kinds[i%len(kinds)], subj, role, obj, 1+i%12, 1+i%28)
		out = append(out, kafka.Message{Key: []byte(id), Value: []byte(v)})
	}
	return out
}

var cleanSums sync.Map // corpus sizes -> checksum of a clean run

// cleanChecksum ingests the articles and events with one worker and no
// disturbance and returns the graph checksum, once per corpus. It empties
// the graph afterwards.
func cleanChecksum(t *testing.T, lines []string, events []kafka.Message) string {
	t.Helper()
	key := fmt.Sprint(len(lines), len(events))
	if v, ok := cleanSums.Load(key); ok {
		return v.(string)
	}
	e := newEnv(t, 3).rulesOnly()
	w := e.startWorker()
	e.publishLines(lines)
	if len(events) > 0 {
		e.produceTo(e.topic+"-events", events...)
	}
	e.waitDrained(5*time.Minute, w)
	sum := e.checksum()
	w.stop(t)
	resetGraph(t, e.store)
	e.kg("schema", "apply")
	cleanSums.Store(key, sum)
	return sum
}

// A worker killed with SIGKILL in the middle of a stream, then restarted,
// leaves the graph a clean run leaves.
func TestCrashMidStream(t *testing.T) {
	lines, events := corpus(t, 2000), eventCorpus(1000)
	want := cleanChecksum(t, lines, events)

	e := newEnv(t, 3).rulesOnly()
	w := e.startWorker("KG_BATCH_MAX_MESSAGES=50")
	e.produceTo(e.topic+"-events", events...)
	e.publishLines(lines)
	e.waitForArticles(300, 2*time.Minute)
	w.cmd.Process.Kill()
	<-w.done
	w.done <- nil
	written := e.articles()
	t.Logf("killed the worker with %d of %d articles written", written, len(lines))
	if written >= int64(len(lines)) {
		t.Fatalf("the worker finished before it was killed; the test proves nothing")
	}
	w2 := e.startWorker()
	e.waitDrained(5*time.Minute, w2)
	if got := e.checksum(); got != want {
		t.Errorf("after a crash and restart the checksum is %s, a clean run's is %s", got, want)
	}
	rows := e.query(`MATCH (ev:Event) OPTIONAL MATCH (ev)-[:ASSERTS]->(c) RETURN count(DISTINCT ev), count(c)`, nil)
	t.Logf("graph: %d events (%d of their claims), %d articles", rows[0][0], rows[0][1], e.articles())
	if rows[0][0].(int64) != int64(len(events)) || rows[0][1].(int64) == 0 {
		t.Errorf("events in the graph: %v, want %d with claims among them", rows[0], len(events))
	}
}

// Three workers share a topic; one is killed and another joins in the
// middle of the stream. The graph ends as a clean run leaves it.
func TestGroupChurn(t *testing.T) {
	lines := corpus(t, 2000)
	want := cleanChecksum(t, lines, nil)

	e := newEnv(t, 3).rulesOnly()
	w1 := e.startWorker("KG_BATCH_MAX_MESSAGES=50")
	w2 := e.startWorker("KG_BATCH_MAX_MESSAGES=50")
	w3 := e.startWorker("KG_BATCH_MAX_MESSAGES=50")
	e.publishLines(lines)
	e.waitForArticles(400, 2*time.Minute)
	w2.cmd.Process.Kill()
	<-w2.done
	w2.done <- nil
	w4 := e.startWorker("KG_BATCH_MAX_MESSAGES=50")
	e.waitDrained(5*time.Minute, w1, w3, w4)
	if got := e.checksum(); got != want {
		t.Errorf("after churn the checksum is %s, a clean run's is %s", got, want)
	}
	retries := 0
	for _, w := range []*worker{w1, w3, w4} {
		retries += strings.Count(w.log(), "retrying the batch")
	}
	t.Logf("batch retries after transient errors (deadlocks included): %d", retries)
}

// Neo4j stops for more than ten seconds in the middle of a stream: the
// worker reports unready, recovers by itself when Neo4j returns, and the
// graph ends as a clean run leaves it.
func TestNeo4jOutage(t *testing.T) {
	lines := corpus(t, 600)
	want := cleanChecksum(t, lines, nil)

	e := newEnv(t, 3).rulesOnly()
	addr := freeAddr(t)
	w := e.startWorker("KG_BATCH_MAX_MESSAGES=20", "KG_HTTP_ADDR="+addr)
	waitHTTP(t, "http://"+addr+"/readyz", http.StatusOK, 30*time.Second)
	e.publishLines(lines)
	e.waitForArticles(50, time.Minute)

	services(t, "stop", "neo4j")
	stopped := time.Now()
	restarted := false
	defer func() {
		if !restarted {
			services(t, "start", "neo4j")
		}
	}()
	waitHTTP(t, "http://"+addr+"/readyz", http.StatusServiceUnavailable, 30*time.Second)
	if !w.running() {
		t.Fatalf("worker died during the outage:\n%s", w.log())
	}
	time.Sleep(time.Until(stopped.Add(12 * time.Second)))
	services(t, "start", "neo4j")
	restarted = true
	back := time.Now()
	waitHTTP(t, "http://"+addr+"/readyz", http.StatusOK, 2*time.Minute)
	t.Logf("outage %.1fs; ready again %.1fs after Neo4j was back", back.Sub(stopped).Seconds(), time.Since(back).Seconds())
	e.waitDrained(5*time.Minute, w)
	if got := e.checksum(); got != want {
		t.Errorf("after the outage the checksum is %s, a clean run's is %s", got, want)
	}
}

// Resetting the group to the earliest offsets makes the worker consume
// everything again; the graph does not change.
func TestReplayFromEarliest(t *testing.T) {
	e := newEnv(t, 3).rulesOnly()
	lines := corpus(t, 200)
	w := e.startWorker()
	e.publishLines(lines)
	e.waitDrained(2*time.Minute, w)
	before := e.checksum()
	w.stop(t)

	resetGroup(t, e.topic, e.group)
	if lag := e.lag(); lag != int64(len(lines)) {
		t.Fatalf("after the reset the group lags %d, want %d", lag, len(lines))
	}
	w = e.startWorker()
	e.waitDrained(2*time.Minute, w)
	if after := e.checksum(); after != before {
		t.Errorf("consuming everything again changed the graph: %s -> %s", before, after)
	}
}

// One message in a hundred is malformed, of every kind: every good one
// lands, every bad one is dead-lettered with its reason, the worker never
// stops; dead letters can be inspected and replayed. Then a stream of only
// bad messages trips the circuit breaker.
func TestPoisonMessages(t *testing.T) {
	e := newEnv(t, 3).rulesOnly()
	good := corpus(t, 594)
	bad := map[string]string{
		"not-json":               `{"id": "bad-1", "text": `,
		"missing-field":          `{"id": "bad-2"}`,
		"invalid-utf8":           "{\"id\": \"bad-3\", \"text\": \"caf\xe9\"}",
		"oversize":               `{"id": "bad-4", "text": "` + strings.Repeat("long ", 5000) + `"}`,
		"wrong-type":             `{"id": "bad-5", "text": ["not", "a", "string"]}`,
		"unknown-schema-version": `{"id": "bad-6", "text": "t", "schema_version": 7}`,
	}
	var msgs []kafka.Message
	reasons := make([]string, 0, len(bad))
	for r := range bad {
		reasons = append(reasons, r)
	}
	for i, l := range good {
		var m struct{ ID string }
		json.Unmarshal([]byte(l), &m)
		msgs = append(msgs, kafka.Message{Key: []byte(m.ID), Value: []byte(l)})
		if i%99 == 50 && len(reasons) > 0 {
			r := reasons[0]
			reasons = reasons[1:]
			var id struct{ ID string }
			json.Unmarshal([]byte(bad[r]), &id) // the not-JSON one has no id: its key is still "bad-1"
			if id.ID == "" {
				id.ID = "bad-1"
			}
			msgs = append(msgs, kafka.Message{Key: []byte(id.ID), Value: []byte(bad[r])})
		}
	}
	if len(reasons) != 0 {
		t.Fatalf("corpus too small to place every bad message")
	}
	e.produce(msgs...)
	w := e.startWorker("KG_MAX_MESSAGE_BYTES=20000")
	e.waitDrained(3*time.Minute, w)
	if n := e.articles(); n != int64(len(good)) {
		t.Errorf("articles %d, want every good one: %d", n, len(good))
	}
	got := map[string]int{}
	err := consumers.ReadDeadLetters(context.Background(), []string{testBroker}, consumers.Security{}, e.topic+".dlq",
		func(d consumers.DeadLetter) error {
			got[d.Reason]++
			if d.Topic != e.topic || d.Detail == "" || d.FailedAt == "" {
				t.Errorf("dead letter %d/%d lacks its origin: %+v", d.Partition, d.Offset, d)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	for r := range bad {
		if got[r] != 1 {
			t.Errorf("dead letters with reason %s: %d, want 1", r, got[r])
		}
	}
	if len(got) != len(bad) {
		t.Errorf("dead letter reasons %v, want one of each of %d", got, len(bad))
	}
	if !w.running() {
		t.Fatalf("worker stopped:\n%s", w.log())
	}
	out := e.kg("dlq", "inspect")
	if !strings.Contains(out, e.topic+".dlq: 6 open dead letters, 0 replayed") || !strings.Contains(out, "invalid-utf8") {
		t.Errorf("kg dlq inspect said:\n%s", out)
	}
	// Replaying the not-JSON message sends it back through the worker,
	// which dead-letters it again with the attempt counted.
	out = e.kg("dlq", "replay", "--reason", "not-json")
	if !strings.Contains(out, "replayed 1 dead letters") {
		t.Errorf("kg dlq replay said %q", out)
	}
	e.waitDrained(time.Minute, w)
	attempts := map[int]int{}
	consumers.ReadDeadLetters(context.Background(), []string{testBroker}, consumers.Security{}, e.topic+".dlq",
		func(d consumers.DeadLetter) error {
			if d.Reason == "not-json" {
				attempts[d.Attempt]++
			}
			return nil
		})
	if attempts[0] != 1 || attempts[1] != 1 {
		t.Errorf("not-json dead letters by replay attempt: %v, want one original and one replayed once", attempts)
	}
	w.stop(t)

	// A stream of nothing but bad messages is a broken producer: the
	// worker stops rather than dead-letter the topic.
	e2 := newEnv(t, 1).rulesOnly()
	var junk []kafka.Message
	for i := 0; i < 60; i++ {
		junk = append(junk, kafka.Message{Key: []byte(fmt.Sprint(i)), Value: []byte("junk")})
	}
	e2.produce(junk...)
	w2 := e2.startWorker()
	select {
	case err := <-w2.done:
		w2.done <- err
		if err == nil || !strings.Contains(w2.log(), "circuit breaker") {
			t.Errorf("worker exited with %v; want a failure naming the circuit breaker:\n%s", err, w2.log())
		}
	case <-time.After(time.Minute):
		t.Fatalf("worker kept running on a stream of only bad messages")
	}
}

// kg query runs read-only: a write through it fails and writes nothing.
func TestQueryRefusesWrites(t *testing.T) {
	e := newEnv(t, 1)
	cmd := exec.Command(kgBinary, "query", "CREATE (:Evil {name: 'x'}) RETURN 1")
	cmd.Env = e.environ()
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("kg query ran a CREATE:\n%s", out)
	}
	rows := e.query(`MATCH (n:Evil) RETURN count(n)`, nil)
	if rows[0][0].(int64) != 0 {
		t.Errorf("kg query wrote a node")
	}
}

func (e *env) articles() int64 {
	e.t.Helper()
	return e.query(`MATCH (a:Article) RETURN count(a)`, nil)[0][0].(int64)
}

func (e *env) waitForArticles(n int64, timeout time.Duration) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for e.articles() < n {
		if time.Now().After(deadline) {
			e.t.Fatalf("fewer than %d articles after %s", n, timeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (e *env) lag() int64 {
	e.t.Helper()
	lag, err := consumers.Lag(context.Background(), []string{testBroker}, consumers.Security{}, e.group, e.topic)
	if err != nil {
		e.t.Fatal(err)
	}
	return lag
}

// resetGroup commits offset 0 on every partition for an empty group, as
// an operator resets a group to the earliest offsets.
func resetGroup(t *testing.T, topic, group string) {
	t.Helper()
	c := &kafka.Client{Addr: kafka.TCP(testBroker), Timeout: 10 * time.Second}
	meta, err := c.Metadata(context.Background(), &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		t.Fatal(err)
	}
	var parts []kafka.OffsetCommit
	for _, p := range meta.Topics[0].Partitions {
		parts = append(parts, kafka.OffsetCommit{Partition: p.ID, Offset: 0})
	}
	deadline := time.Now().Add(time.Minute)
	for {
		res, err := c.OffsetCommit(context.Background(), &kafka.OffsetCommitRequest{
			GroupID: group, GenerationID: -1, Topics: map[string][]kafka.OffsetCommit{topic: parts}})
		if err == nil {
			ok := true
			for _, p := range res.Topics[topic] {
				if p.Error != nil {
					ok, err = false, p.Error
				}
			}
			if ok {
				return
			}
		}
		// The group is still settling after the worker left.
		if time.Now().After(deadline) {
			t.Fatalf("reset group %s: %v", group, err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// services runs deploy/local/services with args.
func services(t *testing.T, args ...string) {
	t.Helper()
	// The test instance's, never the user's: without these, services would
	// stop the Neo4j of the user's environment (KG_LOCAL_*).
	for _, v := range []string{"KG_TEST_LOCAL_DIR", "KG_TEST_KAFKA_PORT", "KG_TEST_KAFKA_CONTROLLER_PORT", "KG_TEST_NEO4J_PORT"} {
		if os.Getenv(v) == "" {
			t.Fatalf("%s is not set: run the tests with deploy/local/run-tests, which names the test instance", v)
		}
	}
	dir := os.Getenv("KG_TEST_LOCAL_DIR")
	cmd := exec.Command("../../deploy/local/services", args...)
	cmd.Env = append(os.Environ(), "KG_LOCAL_DIR="+dir,
		"KG_LOCAL_KAFKA_PORT="+os.Getenv("KG_TEST_KAFKA_PORT"),
		"KG_LOCAL_KAFKA_CONTROLLER_PORT="+os.Getenv("KG_TEST_KAFKA_CONTROLLER_PORT"),
		"KG_LOCAL_NEO4J_PORT="+os.Getenv("KG_TEST_NEO4J_PORT"),
		"KG_LOCAL_NEO4J_DATABASE="+testDatabase, "KG_LOCAL_KAFKA_RACK="+testRack)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("services %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// waitHTTP polls url until it answers want and returns the body of that
// answer.
func waitHTTP(t *testing.T, url string, want int, timeout time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	client := &http.Client{Timeout: 5 * time.Second}
	last, body := 0, ""
	for time.Now().Before(deadline) {
		resp, err := client.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			last, body = resp.StatusCode, string(b)
			if last == want {
				return body
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s: status %d after %s, want %d (last body %q)", url, last, timeout, want, body)
	return ""
}

// Versions of one article under a rebalance: v1, v2, a tombstone, then v1
// again, while a second worker joins and leaves. The article ends
// retracted and no claim of v1 or v2 remains.
func TestVersionsUnderRebalance(t *testing.T) {
	version := func(updated, text string) string {
		return fmt.Sprintf(`{"id": "flip", "text": %q, "updated_at": %q, "published_at": "2020-01-01"}`, text, updated)
	}
	v1 := version("2020-01-01T00:00:00Z", "Japan asked the United States for help after the storm.")
	v2 := version("2020-01-02T00:00:00Z", "Iran accused Saudi Arabia of attacking its embassy.")
	check := func(e *env) {
		t := e.t
		t.Helper()
		rows := e.query(`MATCH (a:Article {id: 'flip'}) OPTIONAL MATCH (a)-[:ASSERTS]->(c) RETURN a.retracted, count(c)`, nil)
		if len(rows) != 1 || rows[0][0] != true || rows[0][1].(int64) != 0 {
			t.Errorf("article flip: %v, want retracted with no claims", rows)
		}
		rows = e.query(`MATCH (c:Claim) RETURN count(c)`, nil)
		if n := rows[0][0].(int64); n != 0 {
			t.Errorf("%d claims remain", n)
		}
		rows = e.query(`MATCH ()-[r:ALLY_OF|ACCUSED_OF|REQUESTED_HELP_FROM]->() RETURN count(r)`, nil)
		if n := rows[0][0].(int64); n != 0 {
			t.Errorf("%d summary edges remain", n)
		}
	}

	t.Run("one at a time", func(t *testing.T) {
		e := newEnv(t, 3)
		w1 := e.startWorker()
		e.publishLines([]string{v1})
		e.waitDrained(time.Minute, w1)
		w2 := e.startWorker()
		e.publishLines([]string{v2})
		e.waitDrained(time.Minute, w1, w2)
		if out := e.kg("publish", "--retract", "flip"); !strings.Contains(out, "published 1 messages") {
			t.Fatalf("publish --retract said %q", out)
		}
		w2.stop(t)
		e.waitDrained(time.Minute, w1)
		e.publishLines([]string{v1})
		e.waitDrained(time.Minute, w1)
		check(e)
	})
	t.Run("all at once", func(t *testing.T) {
		e := newEnv(t, 3)
		e.produce(
			kafka.Message{Key: []byte("flip"), Value: []byte(v1)},
			kafka.Message{Key: []byte("flip"), Value: []byte(v2)},
			kafka.Message{Key: []byte("flip")},
			kafka.Message{Key: []byte("flip"), Value: []byte(v1)},
		)
		w1 := e.startWorker()
		w2 := e.startWorker()
		e.waitDrained(time.Minute, w1, w2)
		w2.stop(t)
		// A stale copy arriving in a later batch stays out too.
		e.publishLines([]string{v1})
		e.waitDrained(time.Minute, w1)
		check(e)
	})
}

// Reprocessing with a changed extractor replaces the claims whose output
// changed and reports exactly the difference the graph shows; running the
// normal extractor again restores the graph.
func TestReprocess(t *testing.T) {
	e := newEnv(t, 3)
	w := e.startWorker()
	e.publishLines(devArticles(t))
	e.waitDrained(2*time.Minute, w)
	w.stop(t)
	before := e.checksum()
	count := func(typ string) int64 {
		return e.query(`MATCH (c:Claim {type: $t}) RETURN count(c)`, map[string]any{"t": typ})[0][0].(int64)
	}
	allies := count("ally-of")
	if allies == 0 {
		t.Fatalf("the sample articles assert no ally-of claim; the test proves nothing: %v",
			e.query(`MATCH (c:Claim) RETURN c.type, count(*)`, nil))
	}
	others := count("accused-of") + count("requested-help-from")

	out := e.kg("reprocess", "--without-relation", "ally-of")
	if want := fmt.Sprintf("ally-of   0      %d", allies); !strings.Contains(out, want) {
		t.Errorf("reprocess report:\n%s\nwant a line %q", out, want)
	}
	if got := count("ally-of"); got != 0 {
		t.Errorf("ally-of claims after reprocessing without them: %d", got)
	}
	if got := count("accused-of") + count("requested-help-from"); got != others {
		t.Errorf("other claims changed: %d -> %d", others, got)
	}
	rows := e.query(`MATCH ()-[r:ALLY_OF]->() RETURN count(r)`, nil)
	if n := rows[0][0].(int64); n != 0 {
		t.Errorf("%d ALLY_OF edges remain without claims", n)
	}

	out = e.kg("reprocess")
	if want := fmt.Sprintf("ally-of   %d      0", allies); !strings.Contains(out, want) {
		t.Errorf("reprocess report:\n%s\nwant a line %q", out, want)
	}
	if after := e.checksum(); after != before {
		t.Errorf("reprocessing back with the normal extractor did not restore the graph")
	}
	out = e.kg("reprocess")
	if !strings.Contains(out, fmt.Sprintf("0 articles rewritten, %d unchanged", len(devArticles(t)))) {
		t.Errorf("a second reprocess with the same extractor rewrote articles:\n%s", out)
	}
}
