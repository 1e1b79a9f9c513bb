package docs

import (
	"bufio"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// root is the repository root, seen from this package's folder.
const root = ".."

var (
	quoted     = regexp.MustCompile("`([^`\\s]+)`")
	importLine = regexp.MustCompile("^- `([^`]+)/` imports (.*)$")
)

// isPath says whether a quoted word of the page names a file or folder of
// the repository: a Go, Markdown or module file, or a slash-separated path
// whose first part has no dot (github.com/... is a module, not a path).
func isPath(w string) bool {
	for _, ext := range []string{".go", ".md", ".mod"} {
		if strings.HasSuffix(w, ext) {
			return true
		}
	}
	first, _, ok := strings.Cut(w, "/")
	return ok && first != "" && !strings.ContainsAny(first, ".@:")
}

func readPage(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// Every file and folder the page names exists.
func TestArchitecturePathsExist(t *testing.T) {
	files, dirs := 0, 0
	for n, line := range readPage(t) {
		for _, m := range quoted.FindAllStringSubmatch(line, -1) {
			w := m[1]
			if !isPath(w) {
				continue
			}
			fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(w, "/"))))
			switch {
			case err != nil:
				t.Errorf("ARCHITECTURE.md:%d names %s, which does not exist", n+1, w)
			case strings.HasSuffix(w, "/") && !fi.IsDir():
				t.Errorf("ARCHITECTURE.md:%d names %s as a folder; it is a file", n+1, w)
			case !strings.HasSuffix(w, "/") && fi.IsDir():
				t.Errorf("ARCHITECTURE.md:%d names %s as a file; it is a folder (write %s/)", n+1, w, w)
			case fi.IsDir():
				dirs++
			default:
				files++
			}
		}
	}
	// The page walks an article and an event through their files: a page
	// that names few has lost its point, and this test its meaning.
	if files < 30 || dirs < 8 {
		t.Errorf("ARCHITECTURE.md names %d files and %d folders; want at least 30 and 8", files, dirs)
	}
}

// The page's import list is exactly what each package's non-test files
// import from the module, and it lists every package of the module.
func TestArchitectureImports(t *testing.T) {
	module := modulePath(t)
	actual := packages(t, module)
	listed := map[string][]string{}
	for n, line := range readPage(t) {
		m := importLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var deps []string
		if m[2] != "nothing of the project" {
			for _, q := range quoted.FindAllStringSubmatch(m[2], -1) {
				deps = append(deps, strings.TrimSuffix(q[1], "/"))
			}
			if len(deps) == 0 {
				t.Errorf("ARCHITECTURE.md:%d: %q lists no package; write \"nothing of the project\"", n+1, line)
			}
		}
		slices.Sort(deps)
		listed[m[1]] = deps
	}
	if len(listed) == 0 {
		t.Fatal("ARCHITECTURE.md has no import list (lines \"- `pkg/` imports ...\")")
	}
	for pkg, deps := range listed {
		got, ok := actual[pkg]
		if !ok {
			t.Errorf("ARCHITECTURE.md lists the imports of %s/, which is no package of %s", pkg, module)
			continue
		}
		if !slices.Equal(got, deps) {
			t.Errorf("ARCHITECTURE.md says %s/ imports %v; it imports %v", pkg, deps, got)
		}
	}
	for pkg := range actual {
		if _, ok := listed[pkg]; !ok {
			t.Errorf("package %s/ is missing from ARCHITECTURE.md's import list", pkg)
		}
	}
}

func modulePath(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.TrimSpace(p)
		}
	}
	t.Fatal("go.mod names no module")
	return ""
}

// packages maps every package folder of the main module (relative, with
// slashes) to the module packages its non-test files import, sorted.
// Folders with a go.mod of their own (deploy/), testdata and hidden
// folders are not part of it.
func packages(t *testing.T, module string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root {
			if name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		entries, err := os.ReadDir(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		seen := map[string]bool{}
		isPkg := false
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(path, n), nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			isPkg = true
			for _, imp := range f.Imports {
				p := strings.Trim(imp.Path.Value, `"`)
				if dep, ok := strings.CutPrefix(p, module+"/"); ok {
					seen[dep] = true
				}
			}
		}
		if isPkg {
			deps := []string{}
			for dep := range seen {
				deps = append(deps, dep)
			}
			slices.Sort(deps)
			if len(deps) == 0 {
				deps = nil
			}
			out[rel] = deps
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 5 {
		t.Fatalf("found %d packages under %s; the walk is broken", len(out), root)
	}
	return out
}
