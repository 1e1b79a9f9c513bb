package neo4jstore

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// ParseParams reads the --param values of kg query: name=value is the string value,
// name:=JSON a typed one (see parseJSONParam).
func ParseParams(kvs []string) (map[string]any, error) {
	p := make(map[string]any, len(kvs))
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || k == ":" {
			return nil, fmt.Errorf("--param %q: want name=string or name:=JSON", kv)
		}
		if name, typed := strings.CutSuffix(k, ":"); typed {
			val, err := parseJSONParam(v)
			if err != nil {
				return nil, fmt.Errorf("--param %s: %w", name, err)
			}
			p[name] = val
			continue
		}
		p[k] = v
	}
	return p, nil
}

// parseJSONParam reads one JSON value as the Cypher value it stands for:
// a whole number is an INTEGER (int64), any other number a FLOAT, an array
// a LIST and an object a MAP, so LIMIT $n and x IN $list work.
func parseJSONParam(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("%q is not a JSON value: %w", s, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%q holds more than one JSON value", s)
	}
	return cypherValue(v)
}

func cypherValue(v any) (any, error) {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(x.String(), 10, 64); err == nil {
			return i, nil
		}
		if !strings.ContainsAny(x.String(), ".eE") {
			return nil, fmt.Errorf("%s does not fit a 64-bit integer", x)
		}
		return x.Float64()
	case []any:
		out := make([]any, len(x))
		for i := range x {
			var err error
			if out[i], err = cypherValue(x[i]); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			var err error
			if out[k], err = cypherValue(e); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return v, nil // string, bool or nil
}
