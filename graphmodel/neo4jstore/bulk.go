package neo4jstore

import (
	"context"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

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
	// upsertEventsWithActors writes events and their actor links; the
	// pipeline's writer uses it too.
	upsertEventsWithActors = `
UNWIND $rows AS r
MERGE (ev:Event {id: r.id})
ON CREATE SET ev.ingested_at = datetime($now)
SET ev.source = r.source, ev.cameo = r.cameo, ev.label = r.label, ev.quad_class = r.quad_class,
    ev.goldstein = r.goldstein, ev.occurred_at = date(r.occurred_at), ev.url = r.url,
    ev.content_hash = r.hash, ev.extractor_version = r.version
WITH ev, r
CALL {
  WITH ev, r
  WITH ev, r WHERE r.src IS NOT NULL
  MATCH (e:Entity {key: r.src})
  MERGE (ev)-[a:SOURCE_ACTOR]->(e)
  SET a.role = r.src_role
}
CALL {
  WITH ev, r
  WITH ev, r WHERE r.dst IS NOT NULL
  MATCH (e:Entity {key: r.dst})
  MERGE (ev)-[a:TARGET_ACTOR]->(e)
  SET a.role = r.dst_role
}`

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
}

// BulkEvents writes new events in transactions of batchSize events.
func (s *Store) BulkEvents(ctx context.Context, events []graphmodel.Event, batchSize int, now time.Time) (BulkStats, error) {
	var st BulkStats
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for start := 0; start < len(events); start += batchSize {
		chunk := events[start:min(start+batchSize, len(events))]
		res, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (BulkStats, error) {
			w := &txWriter{ctx: ctx, tx: tx, now: now.UTC().Format(time.RFC3339Nano)}
			return w.bulk(chunk)
		})
		if err != nil {
			return st, Classify(err)
		}
		st.Events += res.Events
		st.Claims += res.Claims
		st.Edges += res.Edges
	}
	return st, nil
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
	for _, e := range events {
		var goldstein, quad any
		if e.Goldstein != nil {
			goldstein = *e.Goldstein
		}
		if e.QuadClass != 0 {
			quad = int64(e.QuadClass)
		}
		row := map[string]any{
			"id": e.ID, "source": nilIfEmpty(e.Source), "cameo": nilIfEmpty(e.CAMEO), "label": nilIfEmpty(e.Label),
			"quad_class": quad, "goldstein": goldstein, "occurred_at": e.OccurredAt, "url": nilIfEmpty(e.URL),
			"hash": e.ContentHash, "version": nilIfEmpty(e.ExtractorVersion),
			"src": nil, "src_role": nil, "dst": nil, "dst_role": nil,
		}
		if a := e.SourceActor; a != nil {
			row["src"], row["src_role"] = a.Key, nilIfEmpty(a.Role)
		}
		if a := e.TargetActor; a != nil {
			row["dst"], row["dst_role"] = a.Key, nilIfEmpty(a.Role)
		}
		rows = append(rows, row)
		for _, c := range e.Claims {
			src := graphmodel.SourceEvent(e.ID)
			cr := claimRow(src, e.ID, e.OccurredAt, e.ExtractorVersion, c)
			claims = append(claims, cr)
			addToSummary(created, cr["pair"].(string), cr)
		}
	}
	sort.Slice(claims, func(i, j int) bool { return claims[i]["key"].(string) < claims[j]["key"].(string) })
	if _, err := w.run(upsertEventsWithActors, map[string]any{"rows": rows, "now": w.now}); err != nil {
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
