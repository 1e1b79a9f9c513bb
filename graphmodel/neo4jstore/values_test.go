package neo4jstore

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

func TestISODateTime(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   time.Time
		want string
	}{
		{time.Date(2026, 12, 5, 23, 9, 47, 0, time.FixedZone("Offset", 0)), "2026-12-05T23:09:47Z"},
		{time.Date(2026, 12, 5, 23, 9, 47, 120000000, time.FixedZone("Offset", 3600)), "2026-12-05T23:09:47.12+01:00"},
		{time.Date(2014, 3, 1, 12, 0, 0, 0, berlin), "2014-03-01T12:00:00+01:00[Europe/Berlin]"},
		{time.Date(2014, 3, 1, 12, 0, 0, 0, time.UTC), "2014-03-01T12:00:00Z"},
	} {
		if got := isoDateTime(tc.in); got != tc.want {
			t.Errorf("isoDateTime(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The driver's values become the store's own, inside lists, maps, nodes,
// relationships and paths too, and temporal values their ISO 8601 text.
func TestValueIsTheStoresOwn(t *testing.T) {
	date := dbtype.Date(time.Date(2014, 3, 1, 0, 0, 0, 0, time.UTC))
	chn := dbtype.Node{Id: 1, ElementId: "4:x:1", Labels: []string{"Entity", "State"},
		Props: map[string]any{"name": "China", "since": date}}
	prk := dbtype.Node{Id: 2, ElementId: "4:x:2", Labels: []string{"Entity", "State"}, Props: map[string]any{"name": "North Korea"}}
	ally := dbtype.Relationship{Id: 9, ElementId: "5:x:9", StartId: 1, StartElementId: "4:x:1", EndId: 2, EndElementId: "4:x:2",
		Type: "ALLY_OF", Props: map[string]any{"claims": int64(2), "first_seen": date}}
	wantCHN := Node{ID: "4:x:1", Labels: []string{"Entity", "State"}, Props: map[string]any{"name": "China", "since": "2014-03-01"}}
	wantPRK := Node{ID: "4:x:2", Labels: []string{"Entity", "State"}, Props: map[string]any{"name": "North Korea"}}
	wantAlly := Relationship{ID: "5:x:9", Type: "ALLY_OF", Start: "4:x:1", End: "4:x:2",
		Props: map[string]any{"claims": int64(2), "first_seen": "2014-03-01"}}
	if driverType(reflect.ValueOf([]any{map[string]any{"d": date}})) == "" {
		t.Fatal("driverType misses a driver's date inside a list")
	}
	for _, tc := range []struct {
		name     string
		in, want any
	}{
		{"node", chn, wantCHN},
		{"relationship", ally, wantAlly},
		{"path", dbtype.Path{Nodes: []dbtype.Node{chn, prk}, Relationships: []dbtype.Relationship{ally}},
			Path{Nodes: []Node{wantCHN, wantPRK}, Rels: []Relationship{wantAlly}}},
		{"list", []any{chn, date, nil, "x"}, []any{wantCHN, "2014-03-01", nil, "x"}},
		{"map", map[string]any{"r": ally, "n": int64(1)}, map[string]any{"r": wantAlly, "n": int64(1)}},
		{"datetime", time.Date(2026, 12, 5, 23, 9, 47, 0, time.FixedZone("Offset", 0)), "2026-12-05T23:09:47Z"},
		{"date", date, "2014-03-01"},
		{"local datetime", dbtype.LocalDateTime(time.Date(2014, 3, 1, 10, 0, 0, 0, time.UTC)), "2014-03-01T10:00:00"},
		{"time", dbtype.Time(time.Date(0, 1, 1, 10, 0, 0, 0, time.FixedZone("Offset", 7200))), "10:00:00+02:00"},
		{"local time", dbtype.LocalTime(time.Date(0, 1, 1, 10, 0, 0, 500000000, time.UTC)), "10:00:00.5"},
		{"duration", dbtype.Duration{Months: 14, Days: 3, Seconds: 14400}, "P14M3DT14400S"},
		{"point", dbtype.Point2D{X: 1.5, Y: 2, SpatialRefId: 7203}, "Point{SpatialRefId=7203, X=1.500000, Y=2.000000}"},
		{"float", 0.5, 0.5},
		{"bytes", []byte{1, 2}, []byte{1, 2}},
	} {
		got := value(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: value(%#v) = %#v, want %#v", tc.name, tc.in, got, tc.want)
		}
		if p := driverType(reflect.ValueOf(got)); p != "" {
			t.Errorf("%s: value(%#v) holds a %s", tc.name, tc.in, p)
		}
	}
}

// driverType names the first type from the driver's packages inside v, or
// returns "".
func driverType(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	if v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		return driverType(v.Elem())
	}
	if strings.HasPrefix(v.Type().PkgPath(), "github.com/neo4j/") {
		return v.Type().String()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if p := driverType(v.Index(i)); p != "" {
				return p
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if p := driverType(v.MapIndex(k)); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if p := driverType(v.Field(i)); p != "" {
				return p
			}
		}
	}
	return ""
}
