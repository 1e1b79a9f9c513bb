package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The real GDELT and ICEWS samples, published whole and consumed by a
// worker, leave in the graph exactly the events and the claims per
// relation that kg publish --dry-run counted; publishing them again changes
// nothing; and the United States is one node whether an article, a GDELT
// row or an ICEWS row named it.
func TestEventSamplesMatchDryRun(t *testing.T) {
	shared := envOr("KG_SHARED_DIR", "../../../shared")
	files := []struct{ format, path string }{
		{"gdelt", "data/raw/gdelt2-export-20180326044500/20180326044500.export.CSV"},
		{"gdelt", "data/raw/gdelt2-export-20191024143000/20191024143000.export.CSV"},
		{"icews", "data/raw/icews-sample-andybega/icews_sample.tsv"},
	}
	e := newEnv(t, 3)
	wantEvents := 0
	wantClaims := map[string]int{}
	for _, f := range files {
		path := filepath.Join(shared, f.path)
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("sample %s not found (set KG_SHARED_DIR): %v", path, err)
		}
		events, claims := dryRunCounts(t, e, f.format, path)
		wantEvents += events
		for k, v := range claims {
			wantClaims[k] += v
		}
	}
	publish := func() {
		e.kg("publish", "../../ingest/testdata/seed-article.txt")
		for _, f := range files {
			e.kg("publish", "--format", f.format, filepath.Join(shared, f.path))
		}
	}
	publish()
	w := e.startWorker()
	start := time.Now()
	e.waitDrained(5*time.Minute, w)
	t.Logf("%d events ingested in %.1fs", wantEvents, time.Since(start).Seconds())

	rows := e.query(`MATCH (ev:Event) RETURN count(ev)`, nil)
	if got := rows[0][0].(int64); got != int64(wantEvents) {
		t.Errorf("Event nodes: %d, dry run counted %d", got, wantEvents)
	}
	rows = e.query(`MATCH (:Event)-[:ASSERTS]->(c:Claim) RETURN c.type, count(c)`, nil)
	got := map[string]int{}
	for _, r := range rows {
		got[r[0].(string)] = int(r[1].(int64))
	}
	if fmt.Sprint(got) != fmt.Sprint(wantClaims) {
		t.Errorf("event claims by relation: %v, dry run counted %v", got, wantClaims)
	}
	rows = e.query(`MATCH (n:Entity) WHERE n.key = 'state:USA' OR n.name = 'United States' OR 'U.S.' IN n.aliases
RETURN count(n)`, nil)
	if n := rows[0][0].(int64); n != 1 {
		t.Errorf("%d nodes for the United States, want 1", n)
	}
	rows = e.query(`MATCH (us:State {iso3: 'USA'})
RETURN count{ (:Article)-[:MENTIONS]->(us) }, count{ (:Event {source: 'gdelt'})-[:SOURCE_ACTOR|TARGET_ACTOR]->(us) },
       count{ (:Event {source: 'icews'})-[:SOURCE_ACTOR|TARGET_ACTOR]->(us) }`, nil)
	for i, src := range []string{"article", "GDELT event", "ICEWS event"} {
		if rows[0][i].(int64) == 0 {
			t.Errorf("no %s links to the United States node: %v", src, rows[0])
		}
	}

	before := e.checksum()
	publish()
	e.waitDrained(5*time.Minute, w)
	if after := e.checksum(); after != before {
		t.Errorf("publishing the samples again changed the graph")
	}
}

var (
	dryRunTotals = regexp.MustCompile(`(\d+) rows read = (\d+) invalid \+ (\d+) event only \+ (\d+) claims`)
	dryRunClaims = regexp.MustCompile(`claims: \d+ \(([^)]*)\)`)
)

// dryRunCounts runs kg publish --dry-run and returns the events it would write
// (event only and claims) and its claims per relation.
func dryRunCounts(t *testing.T, e *env, format, path string) (int, map[string]int) {
	t.Helper()
	cmd := exec.Command(kgBinary, "publish", "--format", format, "--dry-run", path)
	cmd.Env = e.environ()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("dry run of %s: %v\n%s", path, err, stderr.String())
	}
	m := dryRunTotals.FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no summary in the dry run of %s:\n%s", path, stderr.String())
	}
	eventOnly, _ := strconv.Atoi(m[3])
	claimsTotal, _ := strconv.Atoi(m[4])
	claims := map[string]int{}
	if c := dryRunClaims.FindStringSubmatch(stderr.String()); c != nil {
		for _, part := range strings.Split(c[1], ", ") {
			name, n, _ := strings.Cut(part, " ")
			claims[name], _ = strconv.Atoi(n)
		}
	}
	sum := 0
	for _, n := range claims {
		sum += n
	}
	if sum != claimsTotal {
		t.Fatalf("dry run of %s: claims per relation %v do not add up to %d", path, claims, claimsTotal)
	}
	return eventOnly + claimsTotal, claims
}
