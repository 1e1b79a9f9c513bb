package main

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

// kgStatus runs kg and returns its output and exit status.
func (e *env) kgStatus(args ...string) (stdout, stderr string, status int) {
	e.t.Helper()
	stdout, stderr, err := runKG(e.t, e.environ(), args...)
	var ee *exec.ExitError
	switch {
	case err == nil:
		return stdout, stderr, 0
	case errors.As(err, &ee):
		return stdout, stderr, ee.ExitCode()
	}
	e.t.Fatalf("kg %s: %v", strings.Join(args, " "), err)
	return
}

// Three bad messages stay three: a replayed dead letter is marked and
// counted apart, replay skips it the next time, and what fails again comes
// back as a new open dead letter with its attempt counted.
func TestDeadLetterReplayIsCountedOnce(t *testing.T) {
	e := newEnv(t, 1).rulesOnly()
	var msgs []kafka.Message
	for i := 1; i <= 3; i++ {
		msgs = append(msgs, kafka.Message{Key: []byte(fmt.Sprint("bad-", i)), Value: []byte(fmt.Sprint("junk value ", i))})
	}
	msgs = append(msgs, kafka.Message{Key: []byte("good"), Value: []byte(`{"id":"good","text":"China and North Korea reaffirmed their alliance."}`)})
	e.produce(msgs...)
	w := e.startWorker()
	e.waitDrained(time.Minute, w)
	dlq, evDLQ := e.topic+".dlq", e.topic+"-events.dlq"

	inspect := func(want ...string) string {
		t.Helper()
		out := e.kg("dlq", "inspect")
		for _, s := range want {
			if !strings.Contains(out, s) {
				t.Errorf("kg dlq inspect: want %q in\n%s", s, out)
			}
		}
		return out
	}
	// Both dead-letter topics by default.
	inspect(dlq+": 3 open dead letters, 0 replayed", evDLQ+": 0 open dead letters, 0 replayed")
	if out := e.kg("dlq", "inspect", "--show-value"); !strings.Contains(out, "value (12 bytes): junk value 2") {
		t.Errorf("kg dlq inspect --show-value does not show the value:\n%s", out)
	}

	// Requests that cannot be met are errors with status 2, and replay nothing.
	for _, args := range [][]string{
		{"--reason", "no-such-reason"},
		{"--offset", "0:1"},
		{"--offset", "x/1"},
		{"--offset", "0/999"},
	} {
		stdout, stderr, status := e.kgStatus(append([]string{"dlq", "replay"}, args...)...)
		if status != 2 || !strings.Contains(stderr, args[1]) {
			t.Errorf("kg dlq replay %v: status %d, stderr %q, stdout %q; want status 2 naming %q", args, status, stderr, stdout, args[1])
		}
	}
	inspect(dlq + ": 3 open dead letters, 0 replayed")

	// Replay all three: they are marked, fail again and come back open.
	if out := e.kg("dlq", "replay"); !strings.Contains(out, "replayed 3 dead letters") {
		t.Errorf("kg dlq replay said %q", out)
	}
	e.waitDrained(time.Minute, w)
	waitFor(t, time.Minute, func() bool {
		return strings.Contains(e.kg("dlq", "inspect"), dlq+": 3 open dead letters, 3 replayed")
	})
	list := e.kg("dlq", "inspect", "--list")
	states := map[string]int{}
	var open string // an open one's PARTITION/OFFSET
	for _, line := range strings.Split(list, "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[0] == dlq {
			states[f[2]]++
			if f[2] == "open" {
				open = f[1]
			}
		}
	}
	if states["replayed"] != 3 || states["open"] != 3 {
		t.Errorf("kg dlq inspect --list: rows by state %v, want 3 replayed and 3 open:\n%s", states, list)
	}
	// One at a time, by offset: only the chosen one.
	out := e.kg("dlq", "replay", "--topic", dlq, "--offset", open)
	if !strings.Contains(out, "replayed 1 dead letters") {
		t.Errorf("kg dlq replay --offset %s said %q", open, out)
	}
	e.waitDrained(time.Minute, w)
	waitFor(t, time.Minute, func() bool {
		return strings.Contains(e.kg("dlq", "inspect"), dlq+": 3 open dead letters, 4 replayed")
	})
	// Replayed ones are skipped; --max-attempts holds back the rest.
	out = e.kg("dlq", "replay", "--max-attempts", "1")
	if !strings.Contains(out, "replayed 0 dead letters") || !strings.Contains(out, "4 replayed before, skipped") ||
		!strings.Contains(out, "3 skipped at --max-attempts 1") {
		t.Errorf("kg dlq replay --max-attempts 1 said %q", out)
	}
	if !w.running() {
		t.Fatalf("worker stopped:\n%s", w.log())
	}
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t *testing.T, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met after %s", timeout)
		}
		time.Sleep(500 * time.Millisecond)
	}
}
