package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// exitCode is the exit status of a finished command: 0 for nil, -1 when it
// did not run to an exit.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// runKG runs the kg binary with env and returns its outputs and how it
// exited. It never fails the test by itself.
func runKG(t *testing.T, env []string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, kgBinary, args...)
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return out.String(), errb.String(), err
}

// rejectInputs writes a mix of good and bad inputs to a directory and
// returns their paths: two good articles, four rejected inputs.
func rejectInputs(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"good.txt": []byte("China and North Korea reaffirmed their alliance.\n"),
		// A binary file named .txt: an ELF header, NUL at offset 5.
		"binary.txt": {0x7f, 'E', 'L', 'F', 0x02, 0x00, 0x01, 0x00, 'x'},
		// Latin-1, not UTF-8: é is the single byte 0xe9 at offset 3.
		"latin1.txt": []byte("caf\xe9 au lait\n"),
		// Line 1 good (23 bytes with its newline), line 2 not JSON, line 3
		// has the byte 0xff at 23 + 9 + 18 = 50.
		"mixed.jsonl": []byte("{\"id\":\"a\",\"text\":\"ok\"}\nnot json\n{\"id\":\"b\",\"text\":\"\xff\"}\n"),
	}
	var paths []string
	for _, name := range []string{"good.txt", "binary.txt", "latin1.txt", "mixed.jsonl"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// kg publish refuses what is not text, names the file and the byte offset,
// prints the good messages all the same, and exits with status 1 saying how
// many inputs it rejected.
func TestPublishRejectsBadInputLoudly(t *testing.T) {
	paths := rejectInputs(t)
	env := append(os.Environ(), "KG_KAFKA_BROKERS=127.0.0.1:1") // a dry run must not reach Kafka
	stdout, stderr, err := runKG(t, env, append([]string{"publish", "--dry-run"}, paths...)...)
	if code := exitCode(err); code != 1 {
		t.Errorf("exit status %d (%v), want 1\nstderr:\n%s", code, err, stderr)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		_, rest, _ := strings.Cut(line, `"id":"`)
		id, _, _ := strings.Cut(rest, `"`)
		ids = append(ids, id)
	}
	if got, want := strings.Join(ids, ","), "good,a"; got != want {
		t.Errorf("messages printed for %s, want %s\nstdout:\n%s", got, want, stdout)
	}
	if strings.Contains(stdout, "\ufffd") || strings.Contains(stdout, `\u0000`) || strings.ContainsRune(stdout, 0) {
		t.Errorf("a replacement or NUL character was published:\n%q", stdout)
	}
	for _, want := range []string{
		paths[1] + ": skipped: invalid-utf8: not text: NUL byte at byte offset 5",
		paths[2] + ": skipped: invalid-utf8: not UTF-8: invalid byte 0xe9 at byte offset 3",
		paths[3] + ":2: skipped: not-json",
		paths[3] + ":3: skipped: invalid-utf8: not UTF-8: invalid byte 0xff at byte offset 50",
		"dry run: 2 messages for articles; 4 rejected",
		"kg: 4 input lines, rows or files rejected",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	// The good inputs alone: exit 0.
	if _, stderr, err := runKG(t, env, "publish", "--dry-run", paths[0]); err != nil {
		t.Errorf("good input only: %v\n%s", err, stderr)
	}
}

// Against the real broker: the good messages are published before kg
// exits with status 1.
func TestPublishSendsGoodInputsThenFails(t *testing.T) {
	e := newEnv(t, 1)
	stdout, stderr, err := runKG(t, e.environ(), append([]string{"publish"}, rejectInputs(t)...)...)
	if code := exitCode(err); code != 1 {
		t.Errorf("exit status %d (%v), want 1\nstderr:\n%s", code, err, stderr)
	}
	if want := "published 2 messages to " + e.topic + "; 4 rejected"; !strings.Contains(stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout)
	}
	var keys []string
	for _, m := range readTopic(t, e.topic, 2, 30*time.Second) {
		keys = append(keys, string(m.Key))
	}
	if got, want := strings.Join(keys, ","), "good,a"; got != want {
		t.Errorf("keys on the topic %s, want %s", got, want)
	}
}
