package neo4jstore

import (
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Records are read by column name, the name the statement gives with AS,
// so that a statement and the code reading it agree on names, not on
// positions.

// get reads column key of r as a T. A missing column, a null or a value
// of another type is an error.
func get[T neo4j.RecordValue](r *neo4j.Record, key string) (T, error) {
	v, isNil, err := neo4j.GetRecordValue[T](r, key)
	if err != nil {
		return v, fmt.Errorf("column %s: %w", key, err)
	}
	if isNil {
		return v, fmt.Errorf("column %s is null", key)
	}
	return v, nil
}

// stringList reads column key of r, a list of strings.
func stringList(r *neo4j.Record, key string) ([]string, error) {
	list, err := get[[]any](r, key)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("column %s: a %T in a list of strings", key, x)
		}
		out = append(out, s)
	}
	return out, nil
}

// single returns the one record a statement that aggregates returns.
func single(recs []*neo4j.Record) (*neo4j.Record, error) {
	if len(recs) != 1 {
		return nil, fmt.Errorf("%d records, want 1", len(recs))
	}
	return recs[0], nil
}
