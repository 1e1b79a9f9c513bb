package deploy_test

import (
	"encoding/json"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction with its continuation lines
// joined.
type instruction struct {
	cmd, args string
	line      int
}

// parseDockerfile splits a Dockerfile into instructions: comments and blank
// lines dropped, lines ending in a backslash joined to the next.
func parseDockerfile(t *testing.T, name string) []instruction {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var out []instruction
	var cur strings.Builder
	start := 0
	for i, line := range strings.Split(string(b), "\n") {
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if cur.Len() == 0 {
			start = i + 1
		}
		if strings.HasSuffix(trimmed, "\\") {
			cur.WriteString(strings.TrimSuffix(trimmed, "\\") + " ")
			continue
		}
		cur.WriteString(trimmed)
		cmd, args, _ := strings.Cut(cur.String(), " ")
		out = append(out, instruction{cmd: strings.ToUpper(cmd), args: strings.TrimSpace(args), line: start})
		cur.Reset()
	}
	if cur.Len() > 0 {
		t.Fatalf("%s: a continuation line at the end", name)
	}
	return out
}

// fromImage matches FROM <image>[:<tag>] [AS <stage>].
var fromImage = regexp.MustCompile(`(?i)^(\S+?)(?::([\w][\w.-]*))?(?:\s+AS\s+(\S+))?$`)

func TestDockerfile(t *testing.T) {
	ins := parseDockerfile(t, "Dockerfile")
	known := kgVars(t)
	port := httpPort(t, known["KG_HTTP_ADDR"].def)

	var stages []string
	var last []instruction // the instructions of the final stage
	for _, in := range ins {
		if in.cmd != "FROM" {
			last = append(last, in)
			continue
		}
		m := fromImage.FindStringSubmatch(in.args)
		if m == nil {
			t.Fatalf("Dockerfile:%d: cannot read FROM %s", in.line, in.args)
		}
		// Pinned by tag: a bare or :latest base changes under the build.
		if m[2] == "" || m[2] == "latest" {
			t.Errorf("Dockerfile:%d: FROM %s is not pinned by tag", in.line, in.args)
		}
		stages = append(stages, m[3])
		last = []instruction{in}
	}
	if len(stages) < 2 {
		t.Fatalf("Dockerfile: %d stages, want a build stage and a runtime stage", len(stages))
	}
	final := last[0].args

	var build string
	for _, in := range ins {
		if in.cmd == "RUN" && strings.Contains(in.args, "go build") {
			build = in.args
		}
	}
	// kg --version reads the version and commit from the linker: .git is
	// not in the build context.
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "-s -w", "-X main.version=${VERSION}", "-X main.commit=${COMMIT}", "./cmd/kg"} {
		if !strings.Contains(build, want) {
			t.Errorf("Dockerfile: the go build step %q lacks %s", build, want)
		}
	}

	get := func(cmd string) []instruction {
		var out []instruction
		for _, in := range last {
			if in.cmd == cmd {
				out = append(out, in)
			}
		}
		return out
	}
	copies := get("COPY")
	if len(copies) == 0 || !strings.HasPrefix(copies[0].args, "--from=") {
		t.Errorf("final stage: want the binary copied from a build stage, got %v", copies)
	}
	for _, c := range copies {
		from, _, _ := strings.Cut(strings.TrimPrefix(c.args, "--from="), " ")
		if strings.HasPrefix(c.args, "--from=") && !slices.Contains(stages[:len(stages)-1], from) {
			t.Errorf("Dockerfile:%d: COPY --from=%s names no earlier stage (%v)", c.line, from, stages)
		}
	}

	// Non-root: a numeric non-zero USER, which Kubernetes' runAsNonRoot can
	// verify, on a base whose default user is not root either.
	users := get("USER")
	if len(users) == 0 {
		t.Errorf("final stage: no USER")
	} else {
		u := users[len(users)-1].args
		uid, _, _ := strings.Cut(u, ":")
		if n, err := strconv.Atoi(uid); err != nil || n == 0 {
			t.Errorf("final stage: USER %s, want a numeric non-root uid", u)
		}
	}
	if !strings.HasSuffix(final, ":nonroot") && !strings.HasPrefix(final, "scratch") {
		t.Errorf("final stage FROM %s: want a :nonroot distroless base or scratch", final)
	}

	exec := func(cmd string) []string {
		in := get(cmd)
		if len(in) != 1 {
			t.Fatalf("final stage: %d %s instructions, want 1", len(in), cmd)
		}
		var argv []string
		if err := json.Unmarshal([]byte(in[0].args), &argv); err != nil {
			t.Fatalf("Dockerfile:%d: %s %s is not the exec (JSON) form: %v", in[0].line, cmd, in[0].args, err)
		}
		return argv
	}
	if ep := exec("ENTRYPOINT"); len(ep) != 1 || path.Base(ep[0]) != "kg" {
		t.Errorf("ENTRYPOINT %q, want the kg binary alone", ep)
	}
	if got, want := strings.Join(exec("CMD"), " "), "worker"; got != want {
		t.Errorf("CMD %q, want %q", got, want)
	}

	var exposed []string
	for _, in := range get("EXPOSE") {
		exposed = append(exposed, strings.Fields(in.args)...)
	}
	if !slices.Contains(exposed, strconv.Itoa(port)) && !slices.Contains(exposed, strconv.Itoa(port)+"/tcp") {
		t.Errorf("EXPOSE %v, want %d (the default of KG_HTTP_ADDR)", exposed, port)
	}
	if len(get("HEALTHCHECK")) > 0 {
		t.Errorf("HEALTHCHECK cannot run in a distroless image (no shell, no HTTP client)")
	}
}

func TestDockerignore(t *testing.T) {
	b, err := os.ReadFile("../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	// The build needs go.mod, go.sum and the packages of cmd/kg; these must
	// stay out: history, local services' state and binaries, secrets.
	for _, want := range []string{".git", ".local", "bin", "**/.env"} {
		if !slices.Contains(lines, want) {
			t.Errorf(".dockerignore: no line %q", want)
		}
	}
	for _, needed := range []string{"go.mod", "go.sum", "cmd", "ingest", "graphmodel", "consumers", "*.go", "**/*.go"} {
		if slices.Contains(lines, needed) {
			t.Errorf(".dockerignore: %q is needed by the build", needed)
		}
	}
}
