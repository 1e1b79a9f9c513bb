package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kg extract prints what it could extract, reports every skipped input
// with its reason, and exits with status 1 naming how many it skipped and
// where; with nothing skipped it exits 0.
func TestExtractFailsOnSkippedInputs(t *testing.T) {
	dir := t.TempDir()
	mixed := filepath.Join(dir, "mixed.jsonl")
	if err := os.WriteFile(mixed, []byte(
		"{\"id\":\"a\",\"text\":\"China and North Korea reaffirmed their alliance.\"}\n"+
			"not json\n"+
			"{\"id\":\"b\"}\n"+
			"{\"id\":\"c\",\"text\":\"Japan accused China of espionage.\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(dir, "binary.txt")
	if err := os.WriteFile(binary, []byte{0x7f, 'E', 'L', 'F', 0x00}, 0o644); err != nil {
		t.Fatal(err)
	}
	allBad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(allBad, []byte("nope\n[1]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "KG_PARSER=off")

	stdout, stderr, err := runKG(t, env, "extract", mixed, binary)
	if code := exitCode(err); code != 1 {
		t.Errorf("exit status %d (%v), want 1\nstderr:\n%s", code, err, stderr)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		_, rest, _ := strings.Cut(line, `"article_id":"`)
		id, _, _ := strings.Cut(rest, `"`)
		ids = append(ids, id)
	}
	if got, want := strings.Join(ids, ","), "a,c"; got != want {
		t.Errorf("articles extracted %s, want %s\nstdout:\n%s", got, want, stdout)
	}
	for _, want := range []string{
		mixed + ":2: skipped: not-json",
		mixed + ":3: skipped: ",
		binary + ": skipped: invalid-utf8: not text: NUL byte at byte offset 4",
		"kg: 3 of 5 inputs skipped, at " + mixed + ":2, " + mixed + ":3, " + binary + " (",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	// Every line skipped: nothing printed, and a failure all the same.
	stdout, stderr, err = runKG(t, env, "extract", allBad)
	if code := exitCode(err); code != 1 || stdout != "" {
		t.Errorf("all lines bad: exit status %d, stdout %q, want 1 and nothing\nstderr:\n%s", code, stdout, stderr)
	}
	if want := "kg: 2 of 2 inputs skipped, at " + allBad + ":1, " + allBad + ":2 ("; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}

	// Nothing skipped: exit 0.
	good := filepath.Join(dir, "good.jsonl")
	if err := os.WriteFile(good, []byte("{\"id\":\"a\",\"text\":\"Japan accused China of espionage.\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runKG(t, env, "extract", good); err != nil {
		t.Errorf("good input only: %v\n%s", err, stderr)
	}
}

func TestSkippedErrorNamesTheFirstPositions(t *testing.T) {
	if err := skippedError(nil, 3); err != nil {
		t.Errorf("nothing skipped: %v, want nil", err)
	}
	var at []string
	for i := 1; i <= 12; i++ {
		at = append(at, "f.jsonl:"+strings.Repeat("1", i))
	}
	got := skippedError(at, 20).Error()
	want := "12 of 20 inputs skipped, at " + strings.Join(at[:10], ", ") + " and 2 more ("
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q, want it to begin %q", got, want)
	}
}
