package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// closedAddr returns a loopback address where nothing listens.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// kg reprocess logs at KG_LOG_LEVEL like the worker: waiting for a Neo4j
// that is not there, it warns at warn and says nothing at error.
func TestLogLevelReprocess(t *testing.T) {
	neo4j := "bolt://" + closedAddr(t)
	for _, tt := range []struct {
		level string
		warns bool
	}{{"warn", true}, {"error", false}} {
		ctx, cancel := context.WithTimeout(context.Background(), 2500*time.Millisecond)
		cmd := exec.CommandContext(ctx, kgBinary, "reprocess")
		cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
		cmd.WaitDelay = 10 * time.Second
		cmd.Env = []string{"KG_NEO4J_URI=" + neo4j, "KG_LOG_LEVEL=" + tt.level, "KG_KAFKA_BROKERS=" + closedAddr(t)}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		cancel()
		if err == nil {
			t.Errorf("KG_LOG_LEVEL=%s: kg reprocess without Neo4j succeeded", tt.level)
		}
		got := strings.Contains(stderr.String(), `"level":"WARN","msg":"neo4j not reachable; retrying"`)
		if got != tt.warns {
			t.Errorf("KG_LOG_LEVEL=%s: warned %v, want %v; stderr:\n%s", tt.level, got, tt.warns, stderr.String())
		}
	}
}

// Every command reads KG_LOG_LEVEL with the rest of its environment: a
// level that does not exist stops it before it connects anywhere.
func TestLogLevelEveryCommand(t *testing.T) {
	file := t.TempDir() + "/a.txt"
	if err := os.WriteFile(file, []byte("China and North Korea reaffirmed their alliance.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"KG_LOG_LEVEL=loud", "KG_NEO4J_URI=bolt://" + closedAddr(t), "KG_KAFKA_BROKERS=" + closedAddr(t)}
	for _, args := range [][]string{
		{"worker"}, {"reprocess"}, {"schema", "apply"}, {"query", "RETURN 1"},
		{"publish", "--dry-run", file}, {"extract", file}, {"dlq", "inspect"}, {"dlq", "replay"},
	} {
		_, stderr, err := runKG(t, env, args...)
		if err == nil || !strings.Contains(stderr, "KG_LOG_LEVEL") {
			t.Errorf("kg %s with KG_LOG_LEVEL=loud: err %v, stderr %q; want an error naming KG_LOG_LEVEL", strings.Join(args, " "), err, stderr)
		}
	}
}
