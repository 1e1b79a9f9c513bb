package neo4jstore

import (
	"sort"

	"github.com/newsgraph/kg/graphmodel"
)

// Cypher of event records, run by write after the articles of a batch and
// before the summary edges.
const (
	readEvents = `
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e.id AS id, coalesce(e.content_hash, '') AS hash`

	// A changed event may name other actors: its links are replaced.
	deleteEventActors = `
UNWIND $ids AS id
MATCH (:Event {id: id})-[a:SOURCE_ACTOR|TARGET_ACTOR]->()
DELETE a`
)

// freshEvents returns the events of the batch that the graph does not
// already hold with the same content, counting the others as skipped. An
// identical re-delivery changes nothing, counters included.
func (w *txWriter) freshEvents(events []graphmodel.Event, st *graphmodel.WriteStats) ([]*graphmodel.Event, error) {
	if len(events) == 0 {
		return nil, nil
	}
	ids := make([]string, 0, len(events))
	for _, e := range events {
		ids = append(ids, e.ID)
	}
	recs, err := w.run(readEvents, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	have := make(map[string]string, len(recs))
	for _, r := range recs {
		have[r.Values[0].(string)] = r.Values[1].(string)
	}
	var fresh []*graphmodel.Event
	for i := range events {
		e := &events[i]
		hash, ok := have[e.ID]
		if ok && hash == e.ContentHash {
			st.Skipped++
			continue
		}
		if ok {
			w.changed[e.ID] = true
		}
		fresh = append(fresh, e)
	}
	return fresh, nil
}

// writeEvents writes new and changed events: their nodes, their actor
// links, and their claims through the claim statements articles use, so
// that created claims add to the summaries in created and changed or
// deleted ones mark their pairs in recompute.
func (w *txWriter) writeEvents(evs []*graphmodel.Event, created map[string]*summaryRow, recompute map[string]bool, st *graphmodel.WriteStats) error {
	if len(evs) == 0 {
		return nil
	}
	rows := make([]map[string]any, 0, len(evs))
	ids := make([]string, 0, len(evs))
	keep := make([]map[string]any, 0, len(evs))
	var claims []map[string]any
	for _, e := range evs {
		var goldstein, quad any
		if e.Goldstein != nil {
			goldstein = *e.Goldstein
		}
		if e.QuadClass != 0 {
			quad = int64(e.QuadClass)
		}
		rows = append(rows, map[string]any{
			"id": e.ID, "source": nilIfEmpty(e.Source), "cameo": nilIfEmpty(e.CAMEO), "label": nilIfEmpty(e.Label),
			"quad_class": quad, "goldstein": goldstein, "occurred_at": e.OccurredAt, "url": nilIfEmpty(e.URL),
			"hash": e.ContentHash, "version": nilIfEmpty(e.ExtractorVersion),
		})
		ids = append(ids, e.ID)
		row := rows[len(rows)-1]
		row["src"], row["src_role"], row["dst"], row["dst_role"] = nil, nil, nil, nil
		if a := e.SourceActor; a != nil {
			row["src"], row["src_role"] = a.Key, nilIfEmpty(a.Role)
		}
		if a := e.TargetActor; a != nil {
			row["dst"], row["dst_role"] = a.Key, nilIfEmpty(a.Role)
		}
		kept := make([]string, 0, len(e.Claims))
		for _, c := range e.Claims {
			src := graphmodel.SourceEvent(e.ID)
			kept = append(kept, graphmodel.ClaimKey(src, c.Type, c.Subject, c.Object))
			claims = append(claims, claimRow(src, e.ID, e.OccurredAt, e.ExtractorVersion, c))
		}
		keep = append(keep, map[string]any{"id": e.ID, "keep": kept})
	}
	sort.Slice(claims, func(i, j int) bool { return claims[i]["key"].(string) < claims[j]["key"].(string) })

	// Only an event the graph held in another version can have links and
	// claims to replace; a new one skips those statements.
	var changedIDs []string
	var changedKeep []map[string]any
	for i, id := range ids {
		if w.changed[id] {
			changedIDs = append(changedIDs, id)
			changedKeep = append(changedKeep, keep[i])
		}
	}
	if len(changedIDs) > 0 {
		if _, err := w.run(deleteEventActors, map[string]any{"ids": changedIDs}); err != nil {
			return err
		}
	}
	// One statement writes the events and links them to their actors.
	if _, err := w.run(upsertEventsWithActors, map[string]any{"rows": rows, "now": w.now}); err != nil {
		return err
	}
	if len(changedKeep) > 0 {
		recs, err := w.run(deleteStaleEventClaims, map[string]any{"rows": changedKeep})
		if err != nil {
			return err
		}
		noteDeleted(recs, recompute, st)
	}
	return w.mergeClaims(mergeEventClaims, claims, created, recompute, st)
}
