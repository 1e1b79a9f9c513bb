package neo4jstore

import (
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// The values of a Table are the store's own, so that no caller needs the
// driver: nil, bool, int64, float64, string, []byte, []any and
// map[string]any as Go has them, Node, Relationship and Path below, and
// every temporal, duration and point value as the string Neo4j itself
// writes for it (ISO 8601 for dates and times: 2026-12-05T23:09:47Z,
// 2014-03-01, 10:00:00+02:00).

// Node is a node a query returned.
type Node struct {
	ID     string // the element id, unique in the database while the node exists
	Labels []string
	Props  map[string]any
}

// Relationship is a relationship a query returned, from the node whose
// element id is Start to the one whose element id is End.
type Relationship struct {
	ID, Type   string
	Start, End string
	Props      map[string]any
}

// Path is a path a query returned: its nodes in order, and the
// relationships between consecutive ones.
type Path struct {
	Nodes []Node
	Rels  []Relationship
}

// value turns a value the driver returned into the store's own (see
// above), inside lists, maps, nodes, relationships and paths too.
func value(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		return node(x)
	case dbtype.Relationship:
		return relationship(x)
	case dbtype.Path:
		p := Path{Nodes: make([]Node, len(x.Nodes)), Rels: make([]Relationship, len(x.Relationships))}
		for i, n := range x.Nodes {
			p.Nodes[i] = node(n)
		}
		for i, r := range x.Relationships {
			p.Rels[i] = relationship(r)
		}
		return p
	case time.Time: // a DATETIME
		return isoDateTime(x)
	// The driver's own ISO 8601 forms; durations and points in the form
	// the driver prints them.
	case dbtype.Date:
		return x.String()
	case dbtype.Time:
		return x.String()
	case dbtype.LocalTime:
		return x.String()
	case dbtype.LocalDateTime:
		return x.String()
	case dbtype.Duration:
		return x.String()
	case dbtype.Point2D:
		return x.String()
	case dbtype.Point3D:
		return x.String()
	case *dbtype.InvalidValue:
		return x.String()
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = value(x[i])
		}
		return out
	case map[string]any:
		return props(x)
	}
	return v
}

func node(n dbtype.Node) Node {
	return Node{ID: n.ElementId, Labels: n.Labels, Props: props(n.Props)}
}

func relationship(r dbtype.Relationship) Relationship {
	return Relationship{ID: r.ElementId, Type: r.Type, Start: r.StartElementId, End: r.EndElementId, Props: props(r.Props)}
}

func props(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = value(v)
	}
	return out
}

// isoDateTime writes a DATETIME as Neo4j does: ISO 8601 with its offset
// (Z for UTC), then the zone's name in brackets when it has one
// (2026-12-05T23:09:47Z, 2014-03-01T12:00:00+01:00[Europe/Berlin]).
func isoDateTime(t time.Time) string {
	s := t.Format("2006-01-02T15:04:05.999999999Z07:00")
	// The driver names a zone by offset only "Offset"; time.UTC is "UTC".
	if name := t.Location().String(); name != "Offset" && name != "UTC" && name != "Local" && name != "" {
		s += "[" + name + "]"
	}
	return s
}
