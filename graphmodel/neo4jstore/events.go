package neo4jstore

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/kg/graphmodel"
)

// entityIDs looks up the batch's distinct entity keys ($keys) once per
// statement: ids[i] is a one-element list holding the element id of the
// entity with key $keys[i], or null. Rows name an entity by its index.
const entityIDs = `
CALL {
  UNWIND range(0, size($keys) - 1) AS i
  OPTIONAL MATCH (e:Entity {key: $keys[i]})
  WITH i, e ORDER BY i
  RETURN collect([elementId(e)]) AS ids
}`

// heldEvents reads the content hash of every event of a batch ($id) that
// the graph holds; an event it does not hold returns no row, so a batch of
// new events, the common case, gets none back. The read takes no lock.
const heldEvents = `
UNWIND $id AS id
MATCH (ev:Event {id: id})
RETURN id, coalesce(ev.content_hash, '') AS hash`

// createEvents writes the events of a batch that the graph did not hold
// when heldEvents read it, with their actor links.
//
// What an event costs Neo4j is most of what the pipeline costs it, so the
// statement does only what a new event needs:
//   - The node is created, not merged. MERGE seeks Event.id under a lock
//     for every event, and on a graph of new events it finds nothing; the
//     read before it takes no lock. The unique constraint still holds the
//     id: a transaction that created the same event between the read and
//     this statement makes this one fail, and inTx runs it again, when the
//     read finds the event. With Neo4j on one core and one writer, MERGE
//     cost 32-34 µs of Neo4j's CPU per event and the read with this
//     statement 30-31 (docs/performance.md).
//   - The entities the batch links to are looked up in the key index once
//     per statement, not once per link: most events name the same few
//     states. $keys are the distinct keys, and an event names its actors by
//     their index in $keys. Each link then reads its entity by element id,
//     with no index and no lock: a node read at the start and kept for
//     the whole statement would be outdated once a concurrent writer had
//     linked to it (Neo4j refuses such a transaction as Outdated). A key
//     that is not in the graph links nothing, as a MATCH finding no node
//     would.
//   - A new event has no links to delete, and its links are created, not
//     merged: MERGE would lock the linked states, which most events name,
//     until commit, and concurrent writers would queue on them.
//   - The ingest time is read once per statement, not once per event.
//
// The events come as columns, one list per property (eventColumns), row i
// of the statement reading element i of each: the driver sends a list of
// strings, integers or floats as it is, where rows of mixed values went
// through reflection value by value and boxed every value on the way.
// An empty string, a quad class of 0, a NaN Goldstein value and an actor
// index of -1 stand for no value.
const createEvents = entityIDs + `
WITH ids, datetime($now) AS now
UNWIND range(0, size($id) - 1) AS i
CREATE (ev:Event {id: $id[i]})
SET ev.ingested_at = now,` + eventProperties + `
WITH ids, i, ev` + linkActors

// updateEvents rewrites the events the graph holds in another version
// (the rare case): their properties but the ingest time, and their actor
// links, given their columns and $keys as createEvents reads them.
const updateEvents = entityIDs + `
UNWIND range(0, size($id) - 1) AS i
MATCH (ev:Event {id: $id[i]})
SET` + eventProperties + `
WITH ids, i, ev
CALL {
  WITH ev
  MATCH (ev)-[a:SOURCE_ACTOR|TARGET_ACTOR]->()
  DELETE a
}
WITH ids, i, ev` + linkActors

// eventProperties sets an event's properties from row i of its columns.
const eventProperties = `
    ev.source = CASE WHEN $source[i] <> '' THEN $source[i] END,
    ev.cameo = CASE WHEN $cameo[i] <> '' THEN $cameo[i] END,
    ev.label = CASE WHEN $label[i] <> '' THEN $label[i] END,
    ev.quad_class = CASE WHEN $quad[i] <> 0 THEN $quad[i] END,
    ev.goldstein = CASE WHEN NOT isNaN($goldstein[i]) THEN $goldstein[i] END,
    ev.occurred_at = date($occurred[i]),
    ev.url = CASE WHEN $url[i] <> '' THEN $url[i] END,
    ev.content_hash = $hash[i],
    ev.extractor_version = CASE WHEN $version[i] <> '' THEN $version[i] END`

// linkActors links the event of row i (ev) to its actors, read by the
// element ids entityIDs found (ids).
const linkActors = `
CALL {
  WITH ids, i, ev
  WITH ev, i, ids[$src[i]][0] AS id WHERE $src[i] >= 0 AND id IS NOT NULL
  MATCH (e) WHERE elementId(e) = id
  CREATE (ev)-[:SOURCE_ACTOR {role: CASE WHEN $srcRole[i] <> '' THEN $srcRole[i] END}]->(e)
}
CALL {
  WITH ids, i, ev
  WITH ev, i, ids[$dst[i]][0] AS id WHERE $dst[i] >= 0 AND id IS NOT NULL
  MATCH (e) WHERE elementId(e) = id
  CREATE (ev)-[:TARGET_ACTOR {role: CASE WHEN $dstRole[i] <> '' THEN $dstRole[i] END}]->(e)
}`

// eventColumns are the parameters of createEvents and updateEvents: a
// list per property, element i of each for the event of the i-th smallest
// id, and the distinct keys of the events' actors in the order those rows
// first name them.
type eventColumns struct {
	id, hash, source, cameo, label, occurred, url, version, srcRole, dstRole []string
	quad, src, dst                                                           []int64
	goldstein                                                                []float64
	keys                                                                     []string

	// What the lists are cut from, kept with them in columnsPool.
	strs  []string
	ints  []int64
	order []int
	pos   map[string]int64
}

// columnsPool keeps eventColumns from one statement to the next: a
// batch's columns are a few hundred bytes an event, and the worker writes
// a batch every few hundred milliseconds.
var columnsPool = sync.Pool{New: func() any { return new(eventColumns) }}

// newEventColumns returns the columns of events, from columnsPool; release
// returns them once the statement has run.
func newEventColumns(events []graphmodel.Event) *eventColumns {
	n := len(events)
	c := columnsPool.Get().(*eventColumns)
	if cap(c.strs) < 10*n {
		c.strs, c.ints, c.goldstein, c.order = make([]string, 10*n), make([]int64, 3*n), make([]float64, 0, n), make([]int, n)
	}
	if c.pos == nil {
		c.pos = make(map[string]int64)
	}
	if c.keys == nil {
		c.keys = []string{} // a list, never null, even when no event names an actor
	}
	strs := c.strs[:10*n]
	for i, col := range []*[]string{&c.id, &c.hash, &c.source, &c.cameo, &c.label, &c.occurred, &c.url, &c.version, &c.srcRole, &c.dstRole} {
		*col = strs[i*n : i*n : (i+1)*n]
	}
	ints := c.ints[:3*n]
	c.quad, c.src, c.dst = ints[:0:n], ints[n:n:2*n], ints[2*n:2*n:3*n]
	c.goldstein = c.goldstein[:0]
	index := func(a *graphmodel.EventActor) (int64, string) {
		if a == nil {
			return -1, ""
		}
		i, ok := c.pos[a.Key]
		if !ok {
			i = int64(len(c.keys))
			c.pos[a.Key] = i
			c.keys = append(c.keys, a.Key)
		}
		return i, a.Role
	}
	// Rows go in id order: the statement then seeks and inserts along the
	// Event.id index instead of back and forth across it (for batches in
	// random id order, Neo4j spent 1-5 µs less CPU per event in seven runs
	// of nine, alternating batch by batch, docs/performance.md), and
	// concurrent writers lock the ids they share in the same order. The
	// caller's batch keeps its order.
	order := c.order[:n]
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(events[a].ID, events[b].ID) })
	for _, i := range order {
		c.add(&events[i], index)
	}
	return c
}

// release returns c to columnsPool, without the strings it held: they
// point into the batch's messages, which must not outlive it.
func (c *eventColumns) release() {
	clear(c.strs)
	clear(c.keys)
	clear(c.pos)
	c.keys = c.keys[:0]
	columnsPool.Put(c)
}

// add appends e to the columns.
func (c *eventColumns) add(e *graphmodel.Event, index func(*graphmodel.EventActor) (int64, string)) {
	goldstein := math.NaN()
	if e.Goldstein != nil {
		goldstein = *e.Goldstein
	}
	src, srcRole := index(e.SourceActor)
	dst, dstRole := index(e.TargetActor)
	c.id = append(c.id, e.ID)
	c.hash = append(c.hash, e.ContentHash)
	c.source = append(c.source, e.Source)
	c.cameo = append(c.cameo, e.CAMEO)
	c.label = append(c.label, e.Label)
	c.occurred = append(c.occurred, e.OccurredAt)
	c.url = append(c.url, e.URL)
	c.version = append(c.version, e.ExtractorVersion)
	c.srcRole = append(c.srcRole, srcRole)
	c.dstRole = append(c.dstRole, dstRole)
	c.quad = append(c.quad, int64(e.QuadClass))
	c.src = append(c.src, src)
	c.dst = append(c.dst, dst)
	c.goldstein = append(c.goldstein, goldstein)
}

// params are the statement parameters of the columns.
func (c *eventColumns) params() map[string]any {
	return map[string]any{
		"id": c.id, "hash": c.hash, "source": c.source, "cameo": c.cameo, "label": c.label,
		"occurred": c.occurred, "url": c.url, "version": c.version, "srcRole": c.srcRole,
		"dstRole": c.dstRole, "quad": c.quad, "src": c.src, "dst": c.dst, "goldstein": c.goldstein,
		"keys": c.keys,
	}
}

// upserted says which events of a batch upsertEventRows wrote: all but
// those the graph held with the same content (skipped), and of them, those
// it held in another version (changed).
type upserted struct {
	skipped, changed map[string]bool
}

// written reports whether upsertEventRows wrote the event with id, and
// whether the graph held another version of it.
func (u upserted) written(id string) (written, changed bool) {
	return !u.skipped[id], u.changed[id]
}

// upsertEventRows reads which events of the batch the graph holds, then
// creates the new ones and rewrites the changed ones.
func (w *txWriter) upsertEventRows(events []graphmodel.Event) (upserted, error) {
	var u upserted
	cols := newEventColumns(events)
	defer func() { cols.release() }() // the new events' columns, once created
	recs, err := w.run(heldEvents, map[string]any{"id": cols.id})
	if err != nil {
		return u, err
	}
	if len(recs) > 0 {
		held := make(map[string]string, len(recs))
		for _, r := range recs {
			id, err := get[string](r, "id")
			if err != nil {
				return u, err
			}
			if held[id], err = get[string](r, "hash"); err != nil {
				return u, err
			}
		}
		u.skipped, u.changed = make(map[string]bool), make(map[string]bool)
		var fresh, changed []graphmodel.Event
		for i := range events {
			e := &events[i]
			switch hash, ok := held[e.ID]; {
			case !ok:
				fresh = append(fresh, *e)
			case hash == e.ContentHash:
				u.skipped[e.ID] = true
			default:
				u.changed[e.ID] = true
				changed = append(changed, *e)
			}
		}
		if len(changed) > 0 {
			// The changed events' own columns: their $keys are theirs too.
			upd := newEventColumns(changed)
			_, err := w.run(updateEvents, upd.params())
			upd.release()
			if err != nil {
				return u, err
			}
		}
		cols.release()
		cols = newEventColumns(fresh)
	}
	if len(cols.id) == 0 {
		return u, nil
	}
	params := cols.params()
	params["now"] = w.now
	_, err = w.run(createEvents, params)
	return u, err
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
	u, err := w.upsertEventRows(events)
	if err != nil {
		return err
	}
	st.Events += len(events) - len(u.skipped)
	st.Skipped += len(u.skipped)

	// Only an event the graph held in another version can have claims to
	// replace; a new one skips that statement.
	var keep []map[string]any
	var claims []claimRow
	for i := range events {
		e := &events[i]
		ok, changed := u.written(e.ID)
		if !ok || len(e.Claims) == 0 && !changed {
			continue // nothing to assert, nothing to replace
		}
		src := graphmodel.SourceEvent(e.ID)
		kept := make([]string, 0, len(e.Claims))
		for _, c := range e.Claims {
			kept = append(kept, graphmodel.ClaimKey(src, c.Type, c.Subject, c.Object))
			claims = append(claims, newClaimRow(src, e.ID, e.OccurredAt, e.ExtractorVersion, c))
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
		if err := noteDeleted(recs, recompute, st); err != nil {
			return err
		}
	}
	sortClaims(claims)
	return w.mergeClaims(mergeEventClaims, claims, created, recompute, st)
}
