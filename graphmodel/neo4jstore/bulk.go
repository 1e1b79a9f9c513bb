package neo4jstore

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsgraph/kg/graphmodel"
)

// The bulk loader writes events with as few statements as the graph model
// allows: one for the events and their actor links, one for the claims and
// their links, one per relation type for the summary edges. It is the
// ceiling the pipeline's writer is measured against (package bench, kg
// bench) and the way kg bench grows a graph to a realistic size. It skips
// the pipeline's claim bookkeeping (which claims are new, which pairs to
// recompute), so it only suits events the graph does not hold yet, whose
// claims are new, and is not a substitute for Write. Events go through
// the pipeline's event statements (upsertEventRows).
const (
	bulkClaims = `
UNWIND $rows AS r
MATCH (src:Event {id: r.source})
MATCH (s:Entity {key: r.subject})
MATCH (o:Entity {key: r.object})
CREATE (src)-[:ASSERTS]->(c:Claim {key: r.key})
SET c.type = r.type, c.pair = r.pair, c.subject_role = r.subject_role, c.object_role = r.object_role,
    c.charge = r.charge, c.confidence = r.confidence, c.modality = r.modality, c.evidence = r.evidence,
    c.occurred_at = date(r.occurred_at), c.extractor_version = r.version
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)`
)

// BulkStats counts what a bulk load wrote.
type BulkStats struct {
	Events, Claims, Edges int
	Deadlocks             int // transactions retried after a deadlock
}

// BulkEvents writes new events in transactions of batchSize events, with
// up to writers transactions in flight. It serves package bench alone: the
// bench's write ceiling is BulkEvents' rate, and the bench grows its graph
// with it; the pipeline writes with Write. It lives here because only this
// package may use the Neo4j driver.
func (s *Store) BulkEvents(ctx context.Context, events []graphmodel.Event, batchSize, writers int, now time.Time) (BulkStats, error) {
	var chunks [][]graphmodel.Event
	for start := 0; start < len(events); start += batchSize {
		chunks = append(chunks, events[start:min(start+batchSize, len(events))])
	}
	var (
		mu   sync.Mutex
		st   BulkStats
		next atomic.Int64
	)
	g, ctx := errgroup.WithContext(ctx)
	for range max(writers, 1) {
		g.Go(func() error {
			for i := int(next.Add(1)) - 1; i < len(chunks); i = int(next.Add(1)) - 1 {
				res, deadlocks, err := inTx(ctx, s, func(tx runner) (BulkStats, error) {
					w := &txWriter{ctx: ctx, tx: tx, now: now.UTC().Format(time.RFC3339Nano)}
					return w.bulk(chunks[i])
				})
				if err != nil {
					return err
				}
				mu.Lock()
				st.Events += res.Events
				st.Claims += res.Claims
				st.Edges += res.Edges
				st.Deadlocks += deadlocks
				mu.Unlock()
			}
			return nil
		})
	}
	err := g.Wait()
	return st, err
}

func (w *txWriter) bulk(events []graphmodel.Event) (BulkStats, error) {
	var st BulkStats
	if err := w.upsertEntities(entitiesOf(nil, events)); err != nil {
		return st, err
	}
	var claims []claimRow
	created := make(map[string]*summaryRow)
	for i := range events {
		e := &events[i]
		for _, c := range e.Claims {
			src := graphmodel.SourceEvent(e.ID)
			cr := newClaimRow(src, e.ID, e.OccurredAt, e.ExtractorVersion, c)
			claims = append(claims, cr)
			addToSummary(created, cr)
		}
	}
	sortClaims(claims)
	if _, err := w.upsertEventRows(events); err != nil {
		return st, err
	}
	if len(claims) > 0 {
		if _, err := w.run(bulkClaims, map[string]any{"rows": claimParams(claims)}); err != nil {
			return st, err
		}
	}
	if err := w.writeSummaries(created, nil); err != nil {
		return st, err
	}
	return BulkStats{Events: len(events), Claims: len(claims), Edges: len(created)}, nil
}
