package main

import (
	"os"
	"strings"
	"testing"
)

// kg bench refuses the user's database before it connects to anything:
// the services here are unreachable addresses, so a bench that went past
// the check would fail on them instead, with another message.
func TestBenchRefusesOtherDatabases(t *testing.T) {
	env := append(os.Environ(), "KG_NEO4J_URI=bolt://127.0.0.1:1", "KG_KAFKA_BROKERS=127.0.0.1:1", "KG_NEO4J_DATABASE=neo4j")
	_, stderr, err := runKG(t, env, "bench", "--events", "10", "--articles", "1", "--grow", "0")
	if err == nil || !strings.Contains(stderr, `KG_NEO4J_DATABASE="neo4j"`) || !strings.Contains(stderr, "--any-database") {
		t.Errorf("kg bench on database neo4j: err %v, stderr %q; want a refusal naming the database and --any-database", err, stderr)
	}
	for _, args := range [][]string{
		{"KG_NEO4J_DATABASE=kgbench"},
		{"KG_NEO4J_DATABASE=neo4j", "--any-database"},
	} {
		env := append(os.Environ(), "KG_NEO4J_URI=bolt://127.0.0.1:1", "KG_KAFKA_BROKERS=127.0.0.1:1", args[0])
		_, stderr, err := runKG(t, env, append([]string{"bench", "--events", "10", "--articles", "1", "--grow", "0"}, args[1:]...)...)
		if err == nil || strings.Contains(stderr, "--any-database") {
			t.Errorf("kg bench with %v: err %v, stderr %q; want it past the check, failing on the unreachable services", args, err, stderr)
		}
	}
}
