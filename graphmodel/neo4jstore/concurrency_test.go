package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

// Writers lock summary edges, not the states they join (write.go): four
// concurrent writers add and replace event claims of the same few pairs,
// and every edge must still count exactly the claims of its pair. (Article
// batches would not test this: their mentions lock the states.)
func TestConcurrentWritersKeepSummariesExact(t *testing.T) {
	s := openTest(t)
	codes := []string{"USA", "CHN", "PRK"}
	charges := []string{"cyberattack", "espionage", "sanctions evasion"}
	// States are dense nodes in a real graph, which concurrent writers
	// link to without locking them; below Neo4j's threshold of 50
	// relationships a link locks its node, and the writers would take turns.
	var warm graphmodel.Batch
	for i := range 150 {
		warm.Events = append(warm.Events, event(t, ingest.EventMessage{ID: fmt.Sprintf("dense-%d", i), CAMEO: "010",
			Subject: &ingest.EventParty{Code: codes[i%3]}, Object: &ingest.EventParty{Code: codes[(i+1)%3]}, OccurredAt: "2020-01-01"}))
	}
	write(t, s, warm)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 7))
			for round := range 30 {
				var b graphmodel.Batch
				for k := range 20 {
					// Most events are new; a few ids come back with other
					// content, and the claims they asserted are replaced or
					// changed.
					id := fmt.Sprintf("w%d-e%d", g, round*20+k)
					if k >= 16 {
						id = fmt.Sprintf("w%d-back%d", g, k-16+4*rng.IntN(3))
					}
					subj := rng.IntN(len(codes))
					obj := (subj + 1 + rng.IntN(len(codes)-1)) % len(codes)
					conf := 0.5 + float64(rng.IntN(40))/100
					m := ingest.EventMessage{
						ID:         id,
						Type:       []string{"accused-of", "requested-help-from"}[rng.IntN(2)],
						Subject:    &ingest.EventParty{Code: codes[subj] + "GOV"},
						Object:     &ingest.EventParty{Code: codes[obj] + "GOV"},
						OccurredAt: fmt.Sprintf("2020-01-%02d", 1+rng.IntN(28)),
						Confidence: &conf,
					}
					if m.Type == "accused-of" {
						m.Charge = charges[rng.IntN(len(charges))]
					}
					ev, out := ingest.EventToGraph(m)
					if out.Kind != ingest.OutcomeClaim {
						errs <- fmt.Errorf("event %+v: %v", m, out)
						return
					}
					b.Events = append(b.Events, ev)
				}
				if err := writeRetrying(s, b); err != nil {
					errs <- fmt.Errorf("writer %d, round %d: %w", g, round, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	// What the claims say each edge must hold.
	type summary struct {
		claims     int64
		confidence float64
		charges    []string
	}
	want := map[string]summary{}
	for _, r := range queryRows(t, s, `MATCH (c:Claim)
RETURN c.pair, count(c), max(c.confidence), [x IN collect(DISTINCT c.charge) WHERE x <> ''] ORDER BY c.pair`, nil) {
		ch := toStrings(r[3])
		slices.Sort(ch)
		want[r[0].(string)] = summary{r[1].(int64), r[2].(float64), ch[:min(len(ch), graphmodel.MaxCharges)]}
	}
	got := map[string]summary{}
	for _, r := range queryRows(t, s, `MATCH (a)-[e:ALLY_OF|ACCUSED_OF|REQUESTED_HELP_FROM]->(b)
RETURN type(e), a.key, b.key, e.claims, e.confidence, e.charges`, nil) {
		var typ graphmodel.RelType
		for _, t := range graphmodel.RelTypes {
			if t.EdgeType() == r[0].(string) {
				typ = t
			}
		}
		pair := graphmodel.Pair(typ, r[1].(string), r[2].(string))
		if _, dup := got[pair]; dup {
			t.Errorf("two %s edges", pair)
		}
		got[pair] = summary{r[3].(int64), r[4].(float64), toStrings(r[5])}
	}
	if len(want) < 6 {
		t.Fatalf("only %d pairs have claims: the writers did not overlap enough", len(want))
	}
	for pair, w := range want {
		if g, ok := got[pair]; !ok || g.claims != w.claims || g.confidence != w.confidence || !slices.Equal(g.charges, w.charges) {
			t.Errorf("%s: edge %+v (present %v), claims say %+v", pair, g, ok, w)
		}
	}
	for pair := range got {
		if _, ok := want[pair]; !ok {
			t.Errorf("%s: an edge without claims", pair)
		}
	}
}

// writeRetrying writes a batch, retrying transient errors as the worker does.
func writeRetrying(s *Store, b graphmodel.Batch) error {
	for attempt := 0; ; attempt++ {
		_, err := s.Write(context.Background(), &b, time.Now())
		if err == nil || !errors.Is(err, graphmodel.ErrTransient) || attempt == 20 {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// toStrings reads a list of a Table row as strings.
func toStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, fmt.Sprint(x))
	}
	return out
}
