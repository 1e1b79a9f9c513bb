package bench

import (
	"slices"
	"testing"
)

func TestParseCPUList(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []int
	}{
		{"0", []int{0}},
		{"1", []int{1}},
		{"0-3", []int{0, 1, 2, 3}},
		{"0-1,3", []int{0, 1, 3}},
		{" 6,2-3,2 ", []int{2, 3, 6}},
		{"4-4", []int{4}},
	} {
		got, err := parseCPUList(c.in)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("parseCPUList(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
		if back := formatCPUList(got); back != formatCPUList(c.want) {
			t.Errorf("formatCPUList(%v) = %q", got, back)
		}
	}
	for _, in := range []string{"", "a", "1-", "-1", "3-1", "1,,2", "0-5000", "1.5"} {
		if got, err := parseCPUList(in); err == nil {
			t.Errorf("parseCPUList(%q) = %v, want an error", in, got)
		}
	}
}

func TestFormatCPUList(t *testing.T) {
	for _, c := range []struct {
		in   []int
		want string
	}{
		{nil, ""},
		{[]int{1}, "1"},
		{[]int{0, 1}, "0-1"},
		{[]int{0, 1, 2, 5, 7, 8}, "0-2,5,7-8"},
	} {
		if got := formatCPUList(c.in); got != c.want {
			t.Errorf("formatCPUList(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSplitCPUs(t *testing.T) {
	for _, c := range []struct {
		all         []int
		want        string
		neo4j, rest []int
		wantErr     bool
	}{
		{all: []int{0, 1}, neo4j: []int{1}, rest: []int{0}},
		{all: []int{0, 1, 2, 3}, neo4j: []int{2, 3}, rest: []int{0, 1}},
		{all: []int{0, 1, 2}, neo4j: []int{1, 2}, rest: []int{0}},
		{all: []int{0, 1}, want: "0", neo4j: []int{0}, rest: []int{1}},
		{all: []int{0, 1, 2, 3}, want: "1-2", neo4j: []int{1, 2}, rest: []int{0, 3}},
		{all: []int{0}, wantErr: true},
		{all: []int{0, 1}, want: "0-1", wantErr: true}, // nothing left
		{all: []int{0, 1}, want: "2", wantErr: true},   // not available
		{all: []int{0, 1}, want: "x", wantErr: true},
	} {
		neo4j, rest, err := splitCPUs(c.all, c.want)
		if c.wantErr {
			if err == nil {
				t.Errorf("splitCPUs(%v, %q) = %v, %v; want an error", c.all, c.want, neo4j, rest)
			}
			continue
		}
		if err != nil || !slices.Equal(neo4j, c.neo4j) || !slices.Equal(rest, c.rest) {
			t.Errorf("splitCPUs(%v, %q) = %v, %v, %v; want %v, %v", c.all, c.want, neo4j, rest, err, c.neo4j, c.rest)
		}
	}
}

func TestParseStatCPU(t *testing.T) {
	// A java process's stat line, whose command name holds a space and a
	// parenthesis; utime 1234 and stime 566 ticks.
	line := "31618 (java (x) y) S 1 31600 31600 0 -1 4194560 123 0 0 0 1234 566 0 0 20 0 60 0 12345 3000000000 100000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0\n"
	got, err := parseStatCPU(line)
	if err != nil || got != 18.0 {
		t.Errorf("parseStatCPU = %v, %v; want 18 s", got, err)
	}
	for _, bad := range []string{"", "12 (java S 1", "12 (java) S 1 2 3", "1 (x) S 1 1 1 0 -1 0 0 0 0 0 a b"} {
		if got, err := parseStatCPU(bad); err == nil {
			t.Errorf("parseStatCPU(%q) = %v, want an error", bad, got)
		}
	}
}

func TestLocalHost(t *testing.T) {
	for uri, want := range map[string]bool{
		"bolt://127.0.0.1:7687":    true,
		"neo4j://localhost":        true,
		"bolt://[::1]:7687":        true,
		"bolt://neo4j:7687":        false,
		"neo4j+s://db.example.org": false,
	} {
		if got := localHost(uri); got != want {
			t.Errorf("localHost(%q) = %v, want %v", uri, got, want)
		}
	}
}
