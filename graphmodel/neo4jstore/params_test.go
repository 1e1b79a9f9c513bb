package neo4jstore

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

func TestParseParams(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want map[string]any
	}{
		{[]string{"name=x"}, map[string]any{"name": "x"}},
		{[]string{"n=10"}, map[string]any{"n": "10"}}, // = keeps a string
		{[]string{"q=a=b"}, map[string]any{"q": "a=b"}},
		{[]string{"n:=10"}, map[string]any{"n": int64(10)}},
		{[]string{"n:=-3"}, map[string]any{"n": int64(-3)}},
		{[]string{"r:=0.5"}, map[string]any{"r": 0.5}},
		{[]string{"r:=1e3"}, map[string]any{"r": 1000.0}},
		{[]string{"ok:=true", "none:=null"}, map[string]any{"ok": true, "none": nil}},
		{[]string{`s:="x"`}, map[string]any{"s": "x"}},
		{[]string{`l:=["CHN", 2, [1.5]]`}, map[string]any{"l": []any{"CHN", int64(2), []any{1.5}}}},
		{[]string{`m:={"a": 1, "b": {"c": "d"}}`}, map[string]any{"m": map[string]any{"a": int64(1), "b": map[string]any{"c": "d"}}}},
	} {
		got, err := ParseParams(tc.in)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseParams(%q) = %#v, %v; want %#v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"noequals", "=x", ":=1", "n:=", "n:=ten", "n:=1 2", "n:=99999999999999999999", `l:=[1,`} {
		if got, err := ParseParams([]string{bad}); err == nil {
			t.Errorf("ParseParams(%q) = %#v, want an error", bad, got)
		}
	}
}

// Columns taken from the pool again hold the rows of their own events
// and nothing of the statement before: each list has one element per
// event in id order, and $keys are the actors these events name, in the
// order the rows first name them. release leaves no string behind.
func TestEventColumnsReused(t *testing.T) {
	all := sampleEvents(t, 200)
	for _, events := range [][]graphmodel.Event{all, all[:7], all[150:], all[:0], all[3:5]} {
		c := newEventColumns(events)
		sorted := slices.Clone(events)
		slices.SortFunc(sorted, func(a, b graphmodel.Event) int { return strings.Compare(a.ID, b.ID) })
		var ids, hashes, keys []string
		seen := map[string]bool{}
		for _, e := range sorted {
			ids, hashes = append(ids, e.ID), append(hashes, e.ContentHash)
			for _, a := range []*graphmodel.EventActor{e.SourceActor, e.TargetActor} {
				if a != nil && !seen[a.Key] {
					seen[a.Key] = true
					keys = append(keys, a.Key)
				}
			}
		}
		p := c.params()
		if !slices.Equal(p["id"].([]string), ids) || !slices.Equal(p["hash"].([]string), hashes) {
			t.Errorf("%d events: ids %q, want %q", len(events), p["id"], ids)
		}
		if got := p["keys"].([]string); got == nil || !slices.Equal(got, keys) {
			t.Errorf("%d events: keys %q, want %q", len(events), got, keys)
		}
		for name, v := range p {
			if l, ok := v.([]string); ok && name != "keys" && len(l) != len(events) ||
				name == "src" && len(v.([]int64)) != len(events) || name == "goldstein" && len(v.([]float64)) != len(events) {
				t.Errorf("%d events: column %s has %d rows", len(events), name, reflect.ValueOf(v).Len())
			}
		}
		strs := c.strs
		c.release()
		for i, s := range strs {
			if s != "" {
				t.Fatalf("%d events: string %d (%q) survives release", len(events), i, s)
			}
		}
	}
}
