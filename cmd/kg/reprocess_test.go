package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/consumers"
)

// kg reprocess applies KG_OVERRIDES_FILE as kg extract and the worker do:
// a changed override changes the extractor version, so the articles it
// touches are rewritten in Neo4j, not taken for unchanged.
func TestReprocessAppliesChangedOverrides(t *testing.T) {
	e := newEnv(t, 1).rulesOnly()
	w := e.startWorker()
	e.publishLines(devArticles(t))
	e.waitDrained(2*time.Minute, w)
	w.stop(t)

	rows := e.query(`MATCH (a:Article)-[:MENTIONS]->(x:Actor) RETURN x.key, a.id ORDER BY x.key, a.id LIMIT 1`, nil)
	if len(rows) == 0 {
		t.Fatal("the sample articles mention no person; the test proves nothing")
	}
	actor, article := rows[0][0].(string), rows[0][1].(string)
	mentions := func(key string) int64 {
		return e.query(`MATCH (:Article {id: $a})-[:MENTIONS]->(x:Entity {key: $k}) RETURN count(x)`,
			map[string]any{"a": article, "k": key})[0][0].(int64)
	}
	rewritten := regexp.MustCompile(`(\d+) articles rewritten`)
	reprocess := func(overrides string) int {
		t.Helper()
		path := filepath.Join(t.TempDir(), "overrides.tsv")
		if err := os.WriteFile(path, []byte(overrides), 0o644); err != nil {
			t.Fatal(err)
		}
		out, stderr, err := runKG(t, e.environ("KG_OVERRIDES_FILE="+path), "reprocess")
		if err != nil {
			t.Fatalf("kg reprocess: %v\n%s%s", err, out, stderr)
		}
		m := rewritten.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("kg reprocess said:\n%s", out)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}

	for _, target := range []string{"actor:override-target-one", "actor:override-target-two"} {
		if n := reprocess("# " + target + "\nsame-as\t" + actor + "\t" + target + "\n"); n == 0 {
			t.Errorf("same-as %s -> %s: 0 articles rewritten", actor, target)
		}
		if got := mentions(target); got != 1 {
			t.Errorf("after same-as %s -> %s: article %s mentions the target %d times, want 1", actor, target, article, got)
		}
		if got := mentions(actor); got != 0 {
			t.Errorf("after same-as %s -> %s: article %s still mentions %s", actor, target, article, actor)
		}
		version := e.query(`MATCH (a:Article {id: $a}) RETURN a.extractor_version`, map[string]any{"a": article})[0][0].(string)
		if !strings.Contains(version, "+overrides-") {
			t.Errorf("extractor_version %q does not record the overrides", version)
		}
	}
	// The same rules again change nothing.
	if n := reprocess("same-as\t" + actor + "\tactor:override-target-two\n"); n != 0 {
		t.Errorf("unchanged overrides: %d articles rewritten, want 0", n)
	}
	// Without overrides the article mentions the actor again.
	if n := reprocess(""); n == 0 || mentions(actor) != 1 {
		t.Errorf("overrides removed: %d articles rewritten, %s mentioned %d times", n, actor, mentions(actor))
	}
}

// Reading a topic never creates it: reprocess and dlq inspect fail,
// naming the topic, and the topic still does not exist afterwards.
func TestReadingMissingTopicsFails(t *testing.T) {
	e := newEnv(t, 1)
	missing := unique("missing-articles")
	env := e.environ("KG_ARTICLES_TOPIC="+missing, "KG_EVENTS_TOPIC=")
	for _, args := range [][]string{{"reprocess"}, {"dlq", "inspect"}, {"dlq", "replay"}} {
		out, stderr, err := runKG(t, env, args...)
		if err == nil || !strings.Contains(stderr, missing) || !strings.Contains(stderr, "does not exist") {
			t.Errorf("kg %s on a missing topic: err %v, stdout %q, stderr %q; want a failure naming %s",
				strings.Join(args, " "), err, out, stderr, missing)
		}
	}
	for _, topic := range []string{missing, missing + ".dlq"} {
		if topicExists(t, topic) {
			t.Errorf("topic %s exists after commands that only read it", topic)
		}
	}
}

func topicExists(t *testing.T, topic string) bool {
	t.Helper()
	ok, err := consumers.TopicExists(context.Background(), []string{testBroker}, consumers.Security{}, topic)
	if err != nil {
		t.Fatalf("does %s exist: %v", topic, err)
	}
	return ok
}
