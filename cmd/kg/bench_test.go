package main

import (
	"os"
	"strings"
	"testing"
)

// kg bench refuses the user's database before it connects to anything:
// the services here are unreachable addresses, so a bench that went past
// the check fails on them instead, with another message.
func TestBenchRefusesOtherDatabases(t *testing.T) {
	env := append(os.Environ(), "KG_NEO4J_URI=bolt://127.0.0.1:1", "KG_KAFKA_BROKERS=127.0.0.1:1", "KG_NEO4J_DATABASE=neo4j")
	_, stderr, err := runKG(t, env, "bench", "--events", "10", "--articles", "1", "--grow", "0")
	if err == nil || !strings.Contains(stderr, `KG_NEO4J_DATABASE="neo4j"`) || !strings.Contains(stderr, "--any-database") {
		t.Errorf("kg bench on database neo4j: err %v, stderr %q; want a refusal naming the database and --any-database", err, stderr)
	}
	// The tests run in cmd/kg: the default data, relative to the
	// repository's root, is named from here.
	data := []string{"--gdelt", "../../ingest/testdata/events/gdelt2-excerpt.export.CSV",
		"--icews", "../../ingest/testdata/events/icews-excerpt.tsv", "--article-file", "../../ingest/testdata/articles-dev.jsonl"}
	for _, args := range [][]string{
		{"KG_NEO4J_DATABASE=kgbench"},
		{"KG_NEO4J_DATABASE=neo4j", "--any-database"},
	} {
		env := append(os.Environ(), "KG_NEO4J_URI=bolt://127.0.0.1:1", "KG_KAFKA_BROKERS=127.0.0.1:1", args[0])
		bench := append([]string{"bench", "--events", "10", "--articles", "1", "--grow", "0"}, data...)
		_, stderr, err := runKG(t, env, append(bench, args[1:]...)...)
		if err == nil || strings.Contains(stderr, "--any-database") || !strings.Contains(stderr, "neo4j at bolt://127.0.0.1:1") {
			t.Errorf("kg bench with %v: err %v, stderr %q; want it past the check, failing on the unreachable Neo4j", args, err, stderr)
		}
	}
}

// Data that is not there is named by its flag, before the services are
// reached: a bench on less data than asked for must not pass unnoticed.
func TestBenchNamesMissingData(t *testing.T) {
	env := append(os.Environ(), "KG_NEO4J_URI=bolt://127.0.0.1:1", "KG_KAFKA_BROKERS=127.0.0.1:1", "KG_NEO4J_DATABASE=kgbench")
	_, stderr, err := runKG(t, env, "bench", "--events", "10", "--articles", "1", "--grow", "0",
		"--gdelt", "../../ingest/testdata/events/gdelt2-excerpt.export.CSV", "--icews", "no-such-dir/*.tsv")
	if err == nil || !strings.Contains(stderr, `--icews "no-such-dir/*.tsv": no such file`) {
		t.Errorf("kg bench with missing ICEWS files: err %v, stderr %q; want an error naming --icews", err, stderr)
	}
}
