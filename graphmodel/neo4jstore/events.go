package neo4jstore

import "github.com/newsgraph/kg/graphmodel"

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

// upsertEvents writes the events of a batch that the graph does not
// already hold with the same content, and the actor links of those it
// creates, and returns the ids it created and those it changed, in one
// record. When it wrote every row, created is null: the ids are those of
// the rows less the changed ones, and a batch of new events, the common
// case, sends no list back. An identical re-delivery writes nothing. relinkEvents then
// replaces the links of the changed ones, the rare case.
//
// What an event costs Neo4j is most of what the pipeline costs it, so the
// statement does only what an event needs:
//   - The entities the batch links to are looked up in the key index once
//     per statement, not once per link: most events name the same few
//     states. $keys are the distinct keys, and a row names its actors by
//     their index in $keys. Each link then reads its entity by element id,
//     with no index and no lock: a node read at the start and kept for
//     the whole statement would be outdated once a concurrent writer had
//     linked to it (Neo4j refuses such a transaction as Outdated). A key
//     that is not in the graph links nothing, as a MATCH finding no node
//     would.
//   - A created event has no links to delete: only changed ones go on to
//     relinkEvents, so this statement has no subquery that reads links,
//     which made the planner materialize every row twice (Eager).
//   - A row is read by position, without building a map per row.
//
// Links are created only for an event the statement created, and an id is
// in a batch once (Batch.Validate): CREATE suffices. MERGE would lock the
// linked states, which most events name, until commit, and concurrent
// writers would queue on them.
//
// A row is a list, in the order of eventRow, rather than a map: events are
// the most numerous rows, and a map repeats its keys in every row, for the
// driver to pack and Neo4j to read.
const upsertEvents = entityIDs + `
UNWIND $rows AS row
MERGE (ev:Event {id: row[0]})
ON CREATE SET ev.ingested_at = datetime($now)
WITH ids, ev, row, ev.content_hash AS old
WHERE old IS NULL OR old <> row[1]
SET ev.source = row[2], ev.cameo = row[3], ev.label = row[4], ev.quad_class = row[5],
    ev.goldstein = row[6], ev.occurred_at = date(row[7]), ev.url = row[8],
    ev.content_hash = row[1], ev.extractor_version = row[9]
WITH ids, ev, row, old
CALL {
  WITH ids, ev, row, old
  WITH ev, row, ids[row[10]][0] AS id WHERE old IS NULL AND id IS NOT NULL
  MATCH (e) WHERE elementId(e) = id
  CREATE (ev)-[:SOURCE_ACTOR {role: row[11]}]->(e)
}
CALL {
  WITH ids, ev, row, old
  WITH ev, row, ids[row[12]][0] AS id WHERE old IS NULL AND id IS NOT NULL
  MATCH (e) WHERE elementId(e) = id
  CREATE (ev)-[:TARGET_ACTOR {role: row[13]}]->(e)
}
WITH count(*) AS written, collect(CASE WHEN old IS NULL THEN row[0] END) AS created,
     collect(CASE WHEN old IS NOT NULL THEN row[0] END) AS changed
RETURN CASE WHEN written = size($rows) THEN null ELSE created END AS created, changed`

// relinkEvents replaces the actor links of events upsertEvents changed,
// with rows and $keys as upsertEvents reads them.
const relinkEvents = entityIDs + `
UNWIND $rows AS row
MATCH (ev:Event {id: row[0]})
CALL {
  WITH ev
  MATCH (ev)-[a:SOURCE_ACTOR|TARGET_ACTOR]->()
  DELETE a
}
WITH ids, ev, row
CALL {
  WITH ids, ev, row
  WITH ev, row, ids[row[10]][0] AS id WHERE id IS NOT NULL
  MATCH (e) WHERE elementId(e) = id
  CREATE (ev)-[:SOURCE_ACTOR {role: row[11]}]->(e)
}
CALL {
  WITH ids, ev, row
  WITH ev, row, ids[row[12]][0] AS id WHERE id IS NOT NULL
  MATCH (e) WHERE elementId(e) = id
  CREATE (ev)-[:TARGET_ACTOR {role: row[13]}]->(e)
}`

// eventRow is the parameter row of one event and its actor links, in the
// order upsertEvents reads it; index gives an actor's position in $keys.
func eventRow(e *graphmodel.Event, index func(key string) int64) []any {
	var goldstein, quad, src, srcRole, dst, dstRole any
	if e.Goldstein != nil {
		goldstein = *e.Goldstein
	}
	if e.QuadClass != 0 {
		quad = int64(e.QuadClass)
	}
	if a := e.SourceActor; a != nil {
		src, srcRole = index(a.Key), nilIfEmpty(a.Role)
	}
	if a := e.TargetActor; a != nil {
		dst, dstRole = index(a.Key), nilIfEmpty(a.Role)
	}
	return []any{
		e.ID, e.ContentHash, nilIfEmpty(e.Source), nilIfEmpty(e.CAMEO), nilIfEmpty(e.Label), quad,
		goldstein, e.OccurredAt, nilIfEmpty(e.URL), nilIfEmpty(e.ExtractorVersion),
		src, srcRole, dst, dstRole,
	}
}

// eventRows are the parameters of upsertEvents for events: their rows,
// the distinct keys of their actors in the order the rows first name
// them, and beside the rows, in the same order, the events' ids.
type eventRows struct {
	ids  []string
	rows [][]any
	keys []string
}

func newEventRows(events []graphmodel.Event) eventRows {
	var e eventRows
	pos := make(map[string]int64)
	index := func(key string) int64 {
		i, ok := pos[key]
		if !ok {
			i = int64(len(e.keys))
			pos[key] = i
			e.keys = append(e.keys, key)
		}
		return i
	}
	e.ids = make([]string, 0, len(events))
	e.rows = make([][]any, 0, len(events))
	for i := range events {
		e.ids = append(e.ids, events[i].ID)
		e.rows = append(e.rows, eventRow(&events[i], index))
	}
	if e.keys == nil {
		e.keys = []string{}
	}
	return e
}

// upserted is what upsertEvents wrote: the events it changed, and either
// all the others (all) or those it created.
type upserted struct {
	all     bool
	created map[string]bool // when not all
	changed map[string]bool
	n       int // events written
}

// written reports whether the statement wrote the event with id, and
// whether the graph held another version of it.
func (u upserted) written(id string) (written, changed bool) {
	if u.changed[id] {
		return true, true
	}
	return u.all || u.created[id], false
}

// upsertEventRows runs upsertEvents, then relinkEvents for the events it
// changed.
func (w *txWriter) upsertEventRows(events []graphmodel.Event) (upserted, error) {
	e := newEventRows(events)
	recs, err := w.run(upsertEvents, map[string]any{"rows": e.rows, "keys": e.keys, "now": w.now})
	if err != nil {
		return upserted{}, err
	}
	rec, err := single(recs)
	if err != nil {
		return upserted{}, err
	}
	changed, err := stringList(rec, "changed")
	if err != nil {
		return upserted{}, err
	}
	u := upserted{changed: make(map[string]bool, len(changed))}
	for _, id := range changed {
		u.changed[id] = true
	}
	if v, _ := rec.Get("created"); v == nil { // every row written
		u.all, u.n = true, len(events)
	} else {
		created, err := stringList(rec, "created")
		if err != nil {
			return upserted{}, err
		}
		u.created = make(map[string]bool, len(created))
		for _, id := range created {
			u.created[id] = true
		}
		u.n = len(created) + len(changed)
	}
	if len(changed) == 0 {
		return u, nil
	}
	var rows []any
	for i, row := range e.rows {
		if u.changed[e.ids[i]] {
			rows = append(rows, row)
		}
	}
	if _, err := w.run(relinkEvents, map[string]any{"rows": rows, "keys": e.keys}); err != nil {
		return upserted{}, err
	}
	return u, nil
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
	st.Events += u.n
	st.Skipped += len(events) - u.n

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
