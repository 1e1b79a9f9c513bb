package neo4jstore

import (
	"sort"

	"github.com/newsgraph/kg/graphmodel"
)

// upsertEvents writes the events of a batch that the graph does not
// already hold with the same content, with their actor links, and returns
// the ids it created and those it changed (whose links it replaced), in
// one record. An identical re-delivery writes nothing.
//
// Links are written only for an event the statement created, or changed
// after deleting its links, and an id is in a batch once (Batch.Validate):
// CREATE suffices. MERGE would lock the linked states, which most events
// name, until commit, and concurrent writers would queue on them.
//
// A row is a list, in the order of eventRow, rather than a map: events are
// the most numerous rows, and a map repeats its fourteen keys in every
// row, for the driver to pack and Neo4j to read.
const upsertEvents = `
UNWIND $rows AS row
WITH {id: row[0], hash: row[1], source: row[2], cameo: row[3], label: row[4], quad_class: row[5],
      goldstein: row[6], occurred_at: row[7], url: row[8], version: row[9],
      src: row[10], src_role: row[11], dst: row[12], dst_role: row[13]} AS r
MERGE (ev:Event {id: r.id})
ON CREATE SET ev.ingested_at = datetime($now)
WITH ev, r, ev.content_hash AS old
WHERE old IS NULL OR old <> r.hash
CALL {
  WITH ev, old
  WITH ev WHERE old IS NOT NULL
  MATCH (ev)-[a:SOURCE_ACTOR|TARGET_ACTOR]->()
  DELETE a
}
SET ev.source = r.source, ev.cameo = r.cameo, ev.label = r.label, ev.quad_class = r.quad_class,
    ev.goldstein = r.goldstein, ev.occurred_at = date(r.occurred_at), ev.url = r.url,
    ev.content_hash = r.hash, ev.extractor_version = r.version
WITH ev, r, old
CALL {
  WITH ev, r
  WITH ev, r WHERE r.src IS NOT NULL
  MATCH (e:Entity {key: r.src})
  CREATE (ev)-[:SOURCE_ACTOR {role: r.src_role}]->(e)
}
CALL {
  WITH ev, r
  WITH ev, r WHERE r.dst IS NOT NULL
  MATCH (e:Entity {key: r.dst})
  CREATE (ev)-[:TARGET_ACTOR {role: r.dst_role}]->(e)
}
RETURN collect(CASE WHEN old IS NULL THEN r.id END) AS created,
       collect(CASE WHEN old IS NOT NULL THEN r.id END) AS changed`

// eventRow is the parameter row of one event and its actor links, in the
// order upsertEvents reads it.
func eventRow(e *graphmodel.Event) []any {
	var goldstein, quad, src, srcRole, dst, dstRole any
	if e.Goldstein != nil {
		goldstein = *e.Goldstein
	}
	if e.QuadClass != 0 {
		quad = int64(e.QuadClass)
	}
	if a := e.SourceActor; a != nil {
		src, srcRole = a.Key, nilIfEmpty(a.Role)
	}
	if a := e.TargetActor; a != nil {
		dst, dstRole = a.Key, nilIfEmpty(a.Role)
	}
	return []any{
		e.ID, e.ContentHash, nilIfEmpty(e.Source), nilIfEmpty(e.CAMEO), nilIfEmpty(e.Label), quad,
		goldstein, e.OccurredAt, nilIfEmpty(e.URL), nilIfEmpty(e.ExtractorVersion),
		src, srcRole, dst, dstRole,
	}
}

// writeEvents writes new and changed events: their nodes, their actor
// links, and their claims through the claim statements articles use, so
// that created claims add to the summaries in created and changed or
// deleted ones mark their pairs in recompute. Events the graph holds with
// the same content count as skipped.
func (w *txWriter) writeEvents(events []graphmodel.Event, created map[string]*summaryRow, recompute map[string]bool, st *graphmodel.WriteStats) error {
	if len(events) == 0 {
		return nil
	}
	rows := make([][]any, 0, len(events))
	for i := range events {
		rows = append(rows, eventRow(&events[i]))
	}
	recs, err := w.run(upsertEvents, map[string]any{"rows": rows, "now": w.now})
	if err != nil {
		return err
	}
	written := make(map[string]bool, len(events)) // id -> the graph held another version
	for i, changed := range []bool{false, true} {
		for _, id := range recs[0].Values[i].([]any) {
			written[id.(string)] = changed
		}
	}
	st.Events += len(written)
	st.Skipped += len(events) - len(written)

	// Only an event the graph held in another version can have claims to
	// replace; a new one skips that statement.
	var keep, claims []map[string]any
	for _, e := range events {
		changed, ok := written[e.ID]
		if !ok {
			continue
		}
		src := graphmodel.SourceEvent(e.ID)
		kept := make([]string, 0, len(e.Claims))
		for _, c := range e.Claims {
			kept = append(kept, graphmodel.ClaimKey(src, c.Type, c.Subject, c.Object))
			claims = append(claims, claimRow(src, e.ID, e.OccurredAt, e.ExtractorVersion, c))
		}
		if changed {
			keep = append(keep, map[string]any{"id": e.ID, "keep": kept})
		}
	}
	if len(keep) > 0 {
		recs, err := w.run(deleteStaleEventClaims, map[string]any{"rows": keep})
		if err != nil {
			return err
		}
		noteDeleted(recs, recompute, st)
	}
	sort.Slice(claims, func(i, j int) bool { return claims[i]["key"].(string) < claims[j]["key"].(string) })
	return w.mergeClaims(mergeEventClaims, claims, created, recompute, st)
}
