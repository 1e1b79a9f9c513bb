package neo4jstore

import (
	"reflect"
	"testing"
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
