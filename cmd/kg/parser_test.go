package main

import (
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The language parser is unreachable when an article arrives: the worker
// waits with /readyz saying why and writes nothing of it, while events,
// which need no parser, still land; once the parser
// answers, the article lands with the relations the parse gives, and the
// worker is ready again.
func TestParserOutage(t *testing.T) {
	e := newEnv(t, 1)
	parserAddr, opsAddr := freeAddr(t), freeAddr(t) // nothing listens at parserAddr yet
	w := e.startWorker("KG_PARSER_URL=http://"+parserAddr, "KG_PARSER_TIMEOUT=2s", "KG_HTTP_ADDR="+opsAddr)
	waitHTTP(t, "http://"+opsAddr+"/readyz", http.StatusOK, 30*time.Second)
	e.kg("publish", "../../ingest/testdata/seed-article.txt")

	body := waitHTTP(t, "http://"+opsAddr+"/readyz", http.StatusServiceUnavailable, time.Minute)
	if !strings.Contains(body, "parser") {
		t.Errorf("/readyz says %q during the parser outage, want it to name the parser", body)
	}
	// Several retries later, still nothing is written or committed.
	time.Sleep(3 * time.Second)
	if n := e.articles(); n != 0 {
		t.Errorf("%d articles written while the parser was unreachable, want 0", n)
	}
	if lag := e.lag(); lag != 1 {
		t.Errorf("lag %d while the parser was unreachable, want 1 (nothing committed)", lag)
	}
	if !w.running() {
		t.Fatalf("worker died during the parser outage:\n%s", w.log())
	}
	// Events need no parser: they land while the article waits.
	e.produceTo(e.topic+"-events", eventCorpus(1)...)
	deadline := time.Now().Add(time.Minute)
	for e.query(`MATCH (ev:Event) RETURN count(ev)`, nil)[0][0].(int64) != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("an event did not land within a minute while the parser was unreachable:\n%s", w.log())
		}
		time.Sleep(100 * time.Millisecond)
	}

	// The parser comes back at the same address.
	target, err := url.Parse(testParser)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", parserAddr)
	if err != nil {
		t.Fatalf("listen on the parser's address %s: %v", parserAddr, err)
	}
	srv := &http.Server{Handler: httputil.NewSingleHostReverseProxy(target), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })

	e.waitDrained(drainTimeout, w)
	waitHTTP(t, "http://"+opsAddr+"/readyz", http.StatusOK, 30*time.Second)
	rows := e.query(`MATCH (:Article)-[:ASSERTS]->(c:Claim) RETURN c.type, c.extractor_version ORDER BY c.type`, nil)
	var types []string
	for _, r := range rows {
		types = append(types, r[0].(string))
		if v := r[1].(string); !strings.HasPrefix(v, "frames-") {
			t.Errorf("claim %s has extractor_version %q, want the parser's frames", r[0], v)
		}
	}
	if got := strings.Join(types, ","); got != "accused-of,ally-of,requested-help-from" {
		t.Errorf("claims after the outage: %s, want the seed story's three", got)
	}
}
