package neo4jstore

import (
	"context"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsgraph/kg/graphmodel"
)

// The bulk loader writes events with as few statements as the graph model
// allows: one for the events and their actor links, one for the claims and
// their links, one per relation type for the summary edges. It is the
// ceiling the pipeline's writer is measured against (kg bench) and the way
// kg bench grows a graph to a realistic size. It assumes the events are new
// and skips the pipeline's version and replacement checks, so it is not a
// substitute for Write.
const (
	// bulkEvents writes events and their actor links.
	bulkEvents = `
UNWIND $rows AS r
MERGE (ev:Event {id: r.id})
ON CREATE SET ev.ingested_at = datetime($now)
SET ev.source = r.source, ev.cameo = r.cameo, ev.label = r.label, ev.quad_class = r.quad_class,
    ev.goldstein = r.goldstein, ev.occurred_at = date(r.occurred_at), ev.url = r.url,
    ev.content_hash = r.hash, ev.extractor_version = r.version
WITH ev, r
` + linkEventActors

	bulkClaims = `
UNWIND $rows AS r
MATCH (src:Event {id: r.source})
MATCH (s:Entity {key: r.subject})
MATCH (o:Entity {key: r.object})
MERGE (c:Claim {key: r.key})
SET c.type = r.type, c.pair = r.pair, c.subject_role = r.subject_role, c.object_role = r.object_role,
    c.charge = r.charge, c.confidence = r.confidence, c.modality = r.modality, c.evidence = r.evidence,
    c.occurred_at = date(r.occurred_at), c.extractor_version = r.version
MERGE (src)-[:ASSERTS]->(c)
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(o)`
)

// BulkStats counts what a bulk load wrote.
type BulkStats struct {
	Events, Claims, Edges int
	Deadlocks             int // transactions retried after a deadlock
}

// BulkEvents writes new events in transactions of batchSize events, with
// up to writers transactions in flight.
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
	var ents []graphmodel.Entity
	for _, e := range events {
		ents = append(ents, e.Entities...)
	}
	if err := w.upsertEntities(ents); err != nil {
		return st, err
	}
	rows := make([]map[string]any, 0, len(events))
	var claims []map[string]any
	created := make(map[string]*summaryRow)
	for i := range events {
		e := &events[i]
		rows = append(rows, eventRow(e))
		for _, c := range e.Claims {
			src := graphmodel.SourceEvent(e.ID)
			cr := claimRow(src, e.ID, e.OccurredAt, e.ExtractorVersion, c)
			claims = append(claims, cr)
			addToSummary(created, cr["pair"].(string), cr)
		}
	}
	sort.Slice(claims, func(i, j int) bool { return claims[i]["key"].(string) < claims[j]["key"].(string) })
	if _, err := w.run(bulkEvents, map[string]any{"rows": rows, "now": w.now}); err != nil {
		return st, err
	}
	if len(claims) > 0 {
		if _, err := w.run(bulkClaims, map[string]any{"rows": claims}); err != nil {
			return st, err
		}
	}
	if err := w.writeSummaries(created, nil); err != nil {
		return st, err
	}
	return BulkStats{Events: len(events), Claims: len(claims), Edges: len(created)}, nil
}
