package deploy_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// demoQueries returns the Cypher of every `$kg query` in the demo script:
// the quoted argument after the command and its flags.
func demoQueries(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("local/demo")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	s := string(b)
	for {
		i := strings.Index(s, "$kg query ")
		if i < 0 {
			break
		}
		s = s[i+len("$kg query "):]
		j := strings.IndexAny(s, `'"`)
		if j < 0 {
			t.Fatalf("demo: a $kg query with no quoted query: %.60q", s)
		}
		quote := s[j]
		end := strings.IndexByte(s[j+1:], quote)
		if end < 0 {
			t.Fatalf("demo: an unterminated query: %.60q", s[j:])
		}
		out = append(out, s[j+1:j+1+end])
		s = s[j+1+end+1:]
	}
	if len(out) < 5 {
		t.Fatalf("demo: %d queries found, want the 5 it prints and the count it waits on", len(out))
	}
	return out
}

// splitTop splits s at the commas outside parentheses and brackets.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(parts, strings.TrimSpace(s[start:]))
}

var (
	returnClause = regexp.MustCompile(`(?is)\bRETURN\s+(.*?)(?:\s+ORDER\s+BY\s+(.*?))?\s*;?\s*$`)
	alias        = regexp.MustCompile(`(?i)^(.*?)\s+AS\s+(\w+)$`)
	direction    = regexp.MustCompile(`(?i)\s+(ASC|DESC)$`)
	space        = regexp.MustCompile(`\s+`)
)

// unordered returns the returned columns of a query that its ORDER BY does
// not list. A query whose ORDER BY lists every column gives its rows in
// one order on every run: rows equal in all sort keys are equal.
func unordered(query string) []string {
	m := returnClause.FindStringSubmatch(query)
	if m == nil {
		return []string{"(no RETURN)"}
	}
	keys := map[string]bool{}
	if m[2] != "" {
		for _, k := range splitTop(m[2]) {
			keys[direction.ReplaceAllString(k, "")] = true
		}
	}
	var missing []string
	aggregateOnly := true
	for _, col := range splitTop(m[1]) {
		expr, name := col, ""
		if a := alias.FindStringSubmatch(col); a != nil {
			expr, name = a[1], a[2]
		}
		if !strings.HasPrefix(strings.ToLower(expr), "count(") {
			aggregateOnly = false
		}
		if !keys[expr] && (name == "" || !keys[name]) {
			missing = append(missing, col)
		}
	}
	if aggregateOnly { // one row
		return nil
	}
	return missing
}

// The demo prints the same rows in the same order on every run, so that
// its output can be compared with the README's: every query orders by all
// it returns, ties broken by name.
func TestDemoQueriesHaveAStableOrder(t *testing.T) {
	for _, q := range demoQueries(t) {
		if missing := unordered(q); len(missing) > 0 {
			t.Errorf("demo query leaves %v out of its ORDER BY, so ties come in any order:\n%s", missing, q)
		}
	}
}

func TestUnordered(t *testing.T) {
	for _, c := range []struct {
		query, want string
	}{
		{"MATCH (a)-[r]->(b) RETURN a.name, b.name, r.claims ORDER BY r.claims DESC", "a.name b.name"},
		{"MATCH (a)-[r]->(b) RETURN a.name, b.name, r.claims ORDER BY r.claims DESC, a.name, b.name", ""},
		{"MATCH (x) RETURN x.name", "x.name"},
		{"MATCH (n) RETURN n.kind AS kind, count(*) AS nodes ORDER BY nodes DESC, kind", ""},
		{"MATCH (a) RETURN count(a) AS n", ""},
		{"MATCH (s) RETURN coalesce(s.title, s.id), s.x ORDER BY s.x, coalesce(s.title, s.id);", ""},
	} {
		if got := strings.Join(unordered(c.query), " "); got != c.want {
			t.Errorf("unordered(%q) = %q, want %q", c.query, got, c.want)
		}
	}
}

// The README shows the example queries as the demo runs them.
func TestReadmeShowsTheDemoQueries(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "The queries, as the demo runs them:\n\n```cypher\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("README: no cypher block after \"The queries, as the demo runs them:\"")
	}
	demo := map[string]bool{}
	for _, q := range demoQueries(t) {
		demo[space.ReplaceAllString(strings.TrimSpace(q), " ")] = true
	}
	n := 0
	for _, q := range strings.Split(block, ";") {
		var lines []string
		for _, l := range strings.Split(q, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "//") {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			continue
		}
		n++
		if q := strings.Join(lines, " "); !demo[q] {
			t.Errorf("README query is not one the demo runs:\n%s", q)
		}
	}
	if n < 3 {
		t.Errorf("README: %d example queries, want the 3 of the demo", n)
	}
}
