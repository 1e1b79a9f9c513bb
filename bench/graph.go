package bench

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
	"github.com/newsgraph/kg/ingest"
)

func countClaims(ctx context.Context, s *neo4jstore.Store) (int, error) {
	t, err := s.Query(ctx, `MATCH (c:Claim) RETURN count(c)`, nil)
	if err != nil {
		return 0, err
	}
	if len(t.Rows) != 1 || len(t.Rows[0]) != 1 {
		return 0, fmt.Errorf("counting claims: %d rows", len(t.Rows))
	}
	n, ok := t.Rows[0][0].(int64)
	if !ok {
		return 0, fmt.Errorf("counting claims: got %T", t.Rows[0][0])
	}
	return int(n), nil
}

// grow adds synthetic events, each asserting one claim between two
// different states, until the graph holds target claims.
func grow(ctx context.Context, s *neo4jstore.Store, have, target int, stamp string, say func(string, ...any)) error {
	states := []string{"USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "IRN", "ISR", "SAU",
		"TUR", "PAK", "KOR", "PRK", "UKR", "SYR", "EGY", "NGA", "ZAF", "MEX", "CAN", "AUS"}
	codes := []string{"0231", "112", "022", "1121", "0211"}
	const chunk = 20000
	next := have
	for have < target {
		var evs []graphmodel.Event
		for n := 0; n < min(chunk, target-have); n++ {
			i := next
			next++
			subj := i % len(states)
			obj := (subj + 1 + (i/len(states))%(len(states)-1)) % len(states) // never the subject
			m := ingest.EventMessage{
				ID:         fmt.Sprintf("grow-%s:%d", stamp, i),
				CAMEO:      codes[i%len(codes)],
				Subject:    &ingest.EventParty{Code: states[subj] + "GOV"},
				Object:     &ingest.EventParty{Code: states[obj]},
				OccurredAt: fmt.Sprintf("20%02d-%02d-%02d", 10+i%15, 1+i%12, 1+i%28),
				Source:     "bench",
			}
			if ev, oc := ingest.EventToGraph(m); oc.Kind == ingest.OutcomeClaim {
				evs = append(evs, ev)
			}
		}
		st, err := s.BulkEvents(ctx, evs, 5000, 1, time.Now())
		if err != nil {
			return err
		}
		if st.Claims == 0 {
			return fmt.Errorf("growing wrote no claims")
		}
		have += st.Claims
		say("grown to %d claims", have)
	}
	return nil
}

// writeAlone writes events with Store.Write as a worker would: split into
// partitions by id, each cut into batches of batchSize, written by up to
// writers transactions at once. It separates what the pipeline's writer
// costs Neo4j from what sharing the machine with Kafka and the worker does.
// With one partition the batches are contiguous runs of the events, as the
// loader cuts them; with more, transactions in flight at once hold events
// from the same stretch of the input, as a worker's partitions do.
func writeAlone(ctx context.Context, store *neo4jstore.Store, events []graphmodel.Event, partitions, batchSize, writers int) error {
	parts := make([][]graphmodel.Event, max(partitions, 1))
	for _, e := range events {
		h := fnv.New32a()
		h.Write([]byte(e.ID))
		i := h.Sum32() % uint32(len(parts))
		parts[i] = append(parts[i], e)
	}
	batches := make(chan []graphmodel.Event)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(batches)
		for start := 0; ; start += batchSize {
			sent := false
			for _, p := range parts {
				if start < len(p) {
					select {
					case batches <- p[start:min(start+batchSize, len(p))]:
					case <-ctx.Done():
						return ctx.Err()
					}
					sent = true
				}
			}
			if !sent {
				return nil
			}
		}
	})
	for range max(writers, 1) {
		g.Go(func() error {
			for b := range batches {
				if _, err := store.Write(ctx, &graphmodel.Batch{Events: b}, time.Now()); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return g.Wait()
}
