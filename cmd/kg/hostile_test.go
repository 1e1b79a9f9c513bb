package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/graphmodel"
)

// The poison test's hostile half: messages built to stop, stall or swell a
// worker, each sent raw to Kafka among good articles, with the message
// limit raised to 5.5 MB on a topic that takes 8 MB. Every good message
// lands; every bad one is dead-lettered with its reason, or handled as the
// contract says; the worker stays up and ready; no partition keeps lag;
// and the worker's peak RSS (VmHWM) under GOMEMLIMIT=64MiB is reported.
//
// The worker runs from a binary built without the race detector, whose
// shadow memory would make the RSS figure meaningless.
func TestPoisonMessagesHostile(t *testing.T) {
	bin := plainBinary(t)
	e := newEnv(t, 3)
	allowLargeMessages(t, e.topic, 8_000_000)
	good := corpus(t, 120)
	var msgs []kafka.Message
	keyed := func(id, value string) kafka.Message { return kafka.Message{Key: []byte(id), Value: []byte(value)} }
	for _, l := range good {
		var m struct{ ID string }
		json.Unmarshal([]byte(l), &m)
		msgs = append(msgs, keyed(m.ID, l))
	}
	article := func(id, text string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "text": text})
		return string(b)
	}
	// Messages that must land.
	landing := map[string]string{
		// 1: a 5,000-letter organization name once made a key Validate
		// refused, and the worker exited on every start.
		"hostile-long-org": article("hostile-long-org", strings.Repeat("A", 5000)+" Bank accused Ghana of fraud."),
		// 5: 900 KiB of distinct organization names.
		"hostile-names": article("hostile-names", hostileNameList(900<<10)),
		// 9: a byte order mark before the JSON is stripped.
		"hostile-bom": "\xef\xbb\xbf" + article("hostile-bom", "Japan asked the United States for help."),
	}
	// 3: ten 5 MB articles; extraction reads the first 1 MiB of each.
	big := strings.Repeat("Iran accused Saudi Arabia of attacking its embassy in Tehran. ", 5_000_000/62)
	for i := range 10 {
		id := fmt.Sprintf("hostile-big-%d", i)
		landing[id] = article(id, big)
	}
	for id, v := range landing {
		msgs = append(msgs, keyed(id, v))
	}
	// Messages that must be dead-lettered, by id: value and reason.
	type bad struct {
		key, value []byte
		reason     string
	}
	dead := map[string]bad{
		// 2: too large for any dead-letter topic: kept truncated.
		"hostile-6mb":     {[]byte("hostile-6mb"), []byte(article("hostile-6mb", strings.Repeat("x", 6_200_000))), "oversize"},
		"hostile-1048400": {[]byte("hostile-1048400"), bytes.Repeat([]byte("y"), 1_048_400), "not-json"},
		// 3: 900 KiB of unclosed brackets.
		"hostile-brackets": {[]byte("hostile-brackets"), bytes.Repeat([]byte("["), 900<<10), "too-deep"},
		// 9: schema_version 0 and null, a NUL in an id, a control
		// character in a tombstone's key.
		"hostile-schema-0":    {[]byte("hostile-schema-0"), []byte(`{"id": "hostile-schema-0", "text": "t", "schema_version": 0}`), "unknown-schema-version"},
		"hostile-schema-null": {[]byte("hostile-schema-null"), []byte(`{"id": "hostile-schema-null", "text": "t", "schema_version": null}`), "unknown-schema-version"},
		"hostile-nul-id":      {[]byte("hostile\x00nul"), []byte(`{"id": "hostile\u0000nul", "text": "Japan asked China for help."}`), "invalid-field"},
		"hostile-ctl-key":     {[]byte("hostile\x01tombstone"), nil, "invalid-field"},
	}
	for _, d := range dead {
		msgs = append(msgs, kafka.Message{Key: d.key, Value: d.value})
	}
	// 4: an empty value for an article that exists is dead-lettered and
	// retracts nothing; a tombstone (null value) for another retracts it.
	var first, second struct{ ID string }
	json.Unmarshal([]byte(good[0]), &first)
	json.Unmarshal([]byte(good[1]), &second)
	msgs = append(msgs, kafka.Message{Key: []byte(first.ID), Value: []byte{}}, kafka.Message{Key: []byte(second.ID)})

	produceLarge(t, e.topic, msgs...)
	addr := freeAddr(t)
	w := e.startWorkerFrom(bin, "KG_MAX_MESSAGE_BYTES=5500000", "KG_HTTP_ADDR="+addr, "GOMEMLIMIT=64MiB", "KG_LOG_FORMAT=json")
	e.waitDrained(5*time.Minute, w)

	// Every good message landed; the tombstoned one is retracted, the one
	// that got an empty value is not.
	live := e.query(`MATCH (a:Article) WHERE NOT coalesce(a.retracted, false) RETURN count(a)`, nil)[0][0].(int64)
	if want := int64(len(good) - 1 + len(landing)); live != want {
		t.Errorf("live articles %d, want %d (every good one and the hostile ones that must land, less the retracted one)", live, want)
	}
	for id := range landing {
		if n := e.query(`MATCH (a:Article {id: $id}) RETURN count(a)`, map[string]any{"id": id})[0][0].(int64); n != 1 {
			t.Errorf("article %s did not land", id)
		}
	}
	state := func(id string) string {
		rows := e.query(`MATCH (a:Article {id: $id}) RETURN coalesce(a.retracted, false)`, map[string]any{"id": id})
		if len(rows) == 0 {
			return "missing"
		}
		return fmt.Sprint(rows[0][0])
	}
	if got := state(first.ID); got != "false" {
		t.Errorf("article %s after an empty value: retracted=%s, want false", first.ID, got)
	}
	if got := state(second.ID); got != "true" {
		t.Errorf("article %s after a tombstone: retracted=%s, want true", second.ID, got)
	}
	rows := e.query(`MATCH (o:Organization) RETURN max(size(o.key))`, nil)
	if n, _ := rows[0][0].(int64); n > int64(graphmodel.MaxKeyBytes) {
		t.Errorf("longest organization key %d bytes, cap %d", n, graphmodel.MaxKeyBytes)
	}

	// Every bad message is dead-lettered once with its reason; the large
	// ones truncated, with their origin, so the original can be fetched.
	got := map[string][]consumers.DeadLetter{}
	err := consumers.ReadDeadLetters(context.Background(), []string{testBroker}, consumers.Security{}, e.topic+".dlq",
		func(d consumers.DeadLetter) error {
			got[string(d.Key)] = append(got[string(d.Key)], d)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range dead {
		ds := got[string(b.key)]
		if len(ds) != 1 || ds[0].Reason != b.reason {
			t.Errorf("%s: dead letters %d with reasons %v, want one %s", name, len(ds), reasonsOf(ds), b.reason)
			continue
		}
		if ds[0].Topic != e.topic || ds[0].FailedAt == "" {
			t.Errorf("%s: dead letter lacks its origin: %+v", name, ds[0])
		}
	}
	if ds := got[first.ID]; len(ds) != 1 || ds[0].Reason != "empty" {
		t.Errorf("empty value: dead letters %v, want one with reason empty", reasonsOf(ds))
	}
	for _, name := range []string{"hostile-6mb", "hostile-1048400"} {
		ds := got[name]
		if len(ds) != 1 {
			continue
		}
		d := ds[0]
		if !d.Truncated || d.OrigValueBytes != len(dead[name].value) || len(d.Value) != consumers.DeadLetterPrefixBytes {
			t.Errorf("%s: truncated %v, %d of %d bytes kept; want a %d-byte prefix marked truncated", name, d.Truncated,
				len(d.Value), d.OrigValueBytes, consumers.DeadLetterPrefixBytes)
			continue
		}
		orig, err := consumers.FetchOriginal(context.Background(), []string{testBroker}, consumers.Security{}, d)
		if err != nil || !bytes.Equal(orig.Value, dead[name].value) {
			t.Errorf("%s: the original fetched from its origin: %d bytes, %v", name, len(orig.Value), err)
		}
	}
	if out := e.kg("dlq", "inspect", "--list"); !strings.Contains(out, "truncated: 65536 of 6200") {
		t.Errorf("kg dlq inspect --list does not show the truncated dead letter:\n%s", out)
	}
	if !strings.Contains(w.log(), `"msg":"article retracted","id":"`+second.ID+`"`) {
		t.Errorf("no log line for the retraction of %s", second.ID)
	}

	// The worker is up, ready, and reports every partition.
	if !w.running() {
		t.Fatalf("worker stopped:\n%s", w.log())
	}
	waitHTTP(t, "http://"+addr+"/readyz", http.StatusOK, 30*time.Second)
	metrics := fetch(t, "http://"+addr+"/metrics")
	for p := range 3 {
		series := fmt.Sprintf(`kg_consumer_lag{partition="%d",topic="%s"} 0`, p, e.topic)
		if !strings.Contains(metrics, series) {
			t.Errorf("metrics lack %s", series)
		}
		stalled := fmt.Sprintf(`kg_partition_stalled{partition="%d",topic="%s"} 0`, p, e.topic)
		if !strings.Contains(metrics, stalled) {
			t.Errorf("metrics lack %s", stalled)
		}
	}
	for _, want := range []string{"kg_articles_retracted_total 1", `kg_messages_dead_lettered_total{reason="too-deep"} 1`,
		`kg_messages_dead_lettered_total{reason="empty"} 1`, `kg_messages_dead_lettered_total{reason="oversize"} 1`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	rss := w.peakRSS()
	t.Logf("worker peak RSS (VmHWM) over the hostile set with GOMEMLIMIT=64MiB: %.1f MiB (target 80 MiB, container 128 MiB)", float64(rss)/(1<<20))
	if rss > 128<<20 {
		t.Errorf("peak RSS %d MiB is over the 128 MiB containers have", rss>>20)
	}
	w.stop(t)
}

func reasonsOf(ds []consumers.DeadLetter) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Reason)
	}
	return out
}

// hostileNameList is size bytes of distinct organization names sharing
// their last word, 83,778 capitalised names in all at 900 KiB.
func hostileNameList(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteByte('A' + byte(i%26))
		n := i / 26
		for range 9 {
			b.WriteByte('a' + byte(n%26))
			n /= 26
		}
		b.WriteString(" Ministry, ")
	}
	return b.String()[:size]
}

// A port that cannot be bound ends the worker with an error naming it, and
// pprof is served on its own loopback address, not the metrics port.
func TestWorkerPorts(t *testing.T) {
	e := newEnv(t, 1)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := strconv.Itoa(taken.Addr().(*net.TCPAddr).Port)
	for _, env := range [][]string{
		{"KG_HTTP_ADDR=" + taken.Addr().String()},
		{"KG_HTTP_ADDR=" + freeAddr(t), "KG_PPROF=true", "KG_PPROF_ADDR=" + taken.Addr().String()},
	} {
		w := e.startWorker(env...)
		select {
		case err := <-w.done:
			w.done <- err
			if err == nil || !strings.Contains(w.log(), port) {
				t.Errorf("with %v the worker exited with %v; want an error naming port %s:\n%s", env, err, port, w.log())
			}
		case <-time.After(time.Minute):
			t.Errorf("with %v the worker runs on with its port taken", env)
		}
	}

	addr, pprofAddr := freeAddr(t), freeAddr(t)
	w := e.startWorker("KG_HTTP_ADDR="+addr, "KG_PPROF=true", "KG_PPROF_ADDR="+pprofAddr)
	waitHTTP(t, "http://"+pprofAddr+"/debug/pprof/", http.StatusOK, time.Minute)
	waitHTTP(t, "http://"+addr+"/metrics", http.StatusOK, time.Minute)
	resp, err := http.Get("http://" + addr + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("pprof on the metrics port: status %d, want 404", resp.StatusCode)
	}
	w.stop(t)
}

var (
	plainOnce sync.Once
	plainPath string
	plainErr  error
)

// plainBinary builds kg without the race detector, once.
func plainBinary(t *testing.T) string {
	t.Helper()
	plainOnce.Do(func() {
		plainPath = filepath.Join(filepath.Dir(kgBinary), "kg-plain")
		out, err := exec.Command("go", "build", "-o", plainPath, ".").CombinedOutput()
		if err != nil {
			plainErr = fmt.Errorf("build kg: %v\n%s", err, out)
		}
	})
	if plainErr != nil {
		t.Fatal(plainErr)
	}
	return plainPath
}

// startWorkerFrom is startWorker with another binary.
func (e *env) startWorkerFrom(bin string, extra ...string) *worker {
	e.t.Helper()
	saved := kgBinary
	kgBinary = bin
	defer func() { kgBinary = saved }()
	return e.startWorker(extra...)
}

// peakRSS is the process's high-water resident set size, from /proc.
func (w *worker) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", w.cmd.Process.Pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return -1
}

// allowLargeMessages raises a topic's max.message.bytes.
func allowLargeMessages(t *testing.T, topic string, n int) {
	t.Helper()
	c := &kafka.Client{Addr: kafka.TCP(testBroker), Timeout: 10 * time.Second}
	res, err := c.AlterConfigs(context.Background(), &kafka.AlterConfigsRequest{Resources: []kafka.AlterConfigRequestResource{{
		ResourceType: kafka.ResourceTypeTopic, ResourceName: topic,
		Configs: []kafka.AlterConfigRequestConfig{{Name: "max.message.bytes", Value: strconv.Itoa(n)},
			{Name: "cleanup.policy", Value: "compact"}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		if e != nil {
			t.Fatalf("alter %s: %v", topic, e)
		}
	}
}

// produceLarge writes raw messages one record batch each, so that records
// up to the topic's limit go through.
func produceLarge(t *testing.T, topic string, msgs ...kafka.Message) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(testBroker), Topic: topic, Balancer: &kafka.Murmur2Balancer{},
		RequiredAcks: kafka.RequireAll, BatchTimeout: 5 * time.Millisecond, BatchBytes: 16 << 20, BatchSize: 1,
		Transport: &kafka.Transport{}}
	defer w.Close()
	for _, m := range msgs {
		if err := w.WriteMessages(context.Background(), m); err != nil {
			t.Fatalf("produce %d bytes: %v", len(m.Value), err)
		}
	}
}
