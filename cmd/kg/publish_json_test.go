package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A .json file holding an array is one article message per element and one
// holding an object is one message: never an article whose text is the raw
// JSON. Bad elements are reported by their index, the good ones are sent,
// and kg publish exits 1 with the count.
func TestPublishReadsJSONFilesAsMessages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		// Pretty-printed: the published values are compacted JSON Lines.
		"array.json": "[\n  {\"id\": \"a1\", \"text\": \"China and\\nNorth Korea.\"},\n  42,\n" +
			"  {\"id\": \"a3\"},\n  {\"id\": \"a4\", \"text\": \"ok\", \"title\": \"T\"}\n]\n",
		"object.json": "{\n  \"id\": \"o1\",\n  \"text\": \"one\"\n}\n",
		// A syntax error in the second element: the first is sent.
		"broken.json": "[{\"id\": \"b1\", \"text\": \"t\"}, {\"id\": ",
	}
	var paths []string
	for _, name := range []string{"array.json", "object.json", "broken.json"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	env := append(os.Environ(), "KG_KAFKA_BROKERS=127.0.0.1:1") // a dry run must not reach Kafka
	stdout, stderr, err := runKG(t, env, append([]string{"publish", "--dry-run"}, paths...)...)
	if code := exitCode(err); code != 1 {
		t.Errorf("exit status %d (%v), want 1\nstderr:\n%s", code, err, stderr)
	}
	want := `{"id":"a1","text":"China and\nNorth Korea."}` + "\n" +
		`{"id":"a4","text":"ok","title":"T"}` + "\n" +
		`{"id":"o1","text":"one"}` + "\n" +
		`{"id":"b1","text":"t"}` + "\n"
	if stdout != want {
		t.Errorf("messages printed:\n%s\nwant:\n%s", stdout, want)
	}
	for _, want := range []string{
		paths[0] + "[1]: skipped: wrong-type: ",
		paths[0] + "[2]: skipped: missing-field: ",
		paths[2] + "[1]: skipped: not-json: ",
		"dry run: 4 messages for articles; 3 rejected",
		"kg: 3 input lines, rows or files rejected",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	// kg extract reads them the same way.
	stdout, stderr, err = runKG(t, append(os.Environ(), "KG_PARSER=off"), "extract", paths[1])
	if err != nil || !strings.HasPrefix(stdout, `{"article_id":"o1"`) {
		t.Errorf("kg extract object.json: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, stderr)
	}
}
