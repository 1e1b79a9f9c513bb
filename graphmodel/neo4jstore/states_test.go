package neo4jstore

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/graphmodel"
)

func TestKnownStatesExpire(t *testing.T) {
	k := newKnownStates()
	clock := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	k.now = func() time.Time { return clock }
	keys := []string{"state:CHN", "state:USA"}
	got, at := k.unknown(keys)
	if !slices.Equal(got, keys) {
		t.Fatalf("unknown before any was found = %q", got)
	}
	k.add([]string{"state:USA"}, at)
	clock = clock.Add(statesTTL - time.Second)
	if got, _ := k.unknown(keys); !slices.Equal(got, []string{"state:CHN"}) {
		t.Errorf("unknown within the TTL = %q, want only the one never found", got)
	}
	clock = clock.Add(time.Second)
	if got, _ := k.unknown([]string{"state:USA"}); !slices.Equal(got, []string{"state:USA"}) {
		t.Errorf("unknown once the TTL has passed = %q, want it checked again", got)
	}
}

// A state is checked once in statesTTL: deleted by hand after a write found
// it, it goes unnoticed until then, and is refused after.
func TestWriteChecksAStateOnceInAWhile(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	clock := time.Now()
	s.states.now = func() time.Time { return clock }
	batch := func(id string) *graphmodel.Batch {
		a := art(id, "")
		a.Entities = append(a.Entities, usa)
		return &graphmodel.Batch{Articles: []graphmodel.Article{a}}
	}
	if _, err := s.Write(ctx, batch("a1"), time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.runMarker(ctx, `MATCH (s:State {key: $id}) DETACH DELETE s`, usa.Key); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(ctx, batch("a2"), time.Now()); err != nil {
		t.Fatalf("a write within the TTL checked the state again: %v", err)
	}
	clock = clock.Add(statesTTL)
	_, err := s.Write(ctx, batch("a3"), time.Now())
	if err == nil || !strings.Contains(err.Error(), "schema apply") {
		t.Fatalf("after the TTL: got %v, want an error asking for kg schema apply", err)
	}
}
