package neo4jstore

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/kg/graphmodel"
)

// Cypher of the write path, in the order a transaction runs it.
const (
	readArticles = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, coalesce(a.revision, '') AS revision, coalesce(a.content_hash, '') AS hash,
       coalesce(a.extractor_version, '') AS version, coalesce(a.retracted, false) AS retracted`

	// The label is tested after the key's seek, not in the MATCH: given
	// "WHERE s:State", the planner scanned the whole Entity.key index once
	// per key (44,100 db hits for 150 keys on a graph of 294 entities, and
	// in proportion to every entity of a grown graph) where a seek takes 2.
	countStates = `
UNWIND $keys AS k
MATCH (s:Entity {key: k})
RETURN sum(CASE WHEN s:State THEN 1 ELSE 0 END) AS n`

	// The entities come as columns, as events do (eventColumns), row i of
	// the statement reading element i of each.
	entityRows = `
UNWIND range(0, size($key) - 1) AS i
WITH {key: $key[i], name: $name[i], aliases: $aliases[i], acronym: $acronym[i]} AS r`

	// An entity's name is the best of all the names sources gave it (most
	// words, then most characters, then the first in code-point order) and
	// its aliases are every other form, sorted and capped: the same node
	// whatever order the sources arrive in. A node is written only when
	// that changes, so an upsert of a known entity takes no write lock.
	upsertActors = `
` + entityRows + `
MERGE (e:Entity {key: r.key})
ON CREATE SET e:Actor, e.name = r.name, e.aliases = []
WITH e, r, CASE WHEN ` + betterName + ` THEN r.name ELSE e.name END AS name
` + mergeAliases + `
WITH e, name, aliases WHERE e.name <> name OR e.aliases <> aliases
SET e.name = name, e.aliases = aliases`

	upsertOrgs = `
` + entityRows + `
MERGE (e:Entity {key: r.key})
ON CREATE SET e:Organization, e.name = r.name, e.aliases = []
WITH e, r, CASE WHEN ` + betterName + ` THEN r.name ELSE e.name END AS name,
     CASE WHEN r.acronym = '' THEN e.acronym
          WHEN e.acronym IS NULL OR r.acronym < e.acronym THEN r.acronym
          ELSE e.acronym END AS acronym
` + mergeAliases + `
WITH e, name, aliases, acronym
WHERE e.name <> name OR e.aliases <> aliases OR coalesce(e.acronym, '') <> coalesce(acronym, '')
SET e.name = name, e.aliases = aliases, e.acronym = acronym`

	// mergeAliases is the union of an entity's aliases and a row's, its
	// old and new names included, without the name it keeps (name),
	// sorted and capped at $maxAliases.
	mergeAliases = `CALL {
  WITH e, r, name
  UNWIND coalesce(e.aliases, []) + r.aliases + [e.name, r.name] AS a
  WITH DISTINCT a, name WHERE a <> name
  WITH a ORDER BY a
  RETURN collect(a)[..$maxAliases] AS aliases
}`

	// betterName is true when r.name should replace e.name; bestName in Go
	// applies the same order.
	betterName = `(size(split(r.name, ' ')) > size(split(e.name, ' '))
  OR (size(split(r.name, ' ')) = size(split(e.name, ' ')) AND size(r.name) > size(e.name))
  OR (size(split(r.name, ' ')) = size(split(e.name, ' ')) AND size(r.name) = size(e.name) AND r.name < e.name))`

	// It returns the ids of the articles it created, which have no
	// mentions yet (the $batch marker as in mergeClaimsOf).
	upsertArticles = `
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
ON CREATE SET a.ingested_at = datetime($now), a.batch = $batch
WITH a, r, coalesce(a.batch = $batch, false) AS created
SET a.title = r.title, a.url = r.url, a.source = r.source, a.language = r.language,
    a.published_at = CASE WHEN r.published_at IS NULL THEN null ELSE date(r.published_at) END,
    a.revision = r.revision, a.content_hash = r.hash, a.extractor_version = r.version,
    a.retracted = false
REMOVE a.batch
RETURN collect(CASE WHEN created THEN r.id END) AS created`

	// A retraction marker keeps the newest revision seen, so that a stale
	// copy of the article arriving later cannot resurrect it.
	retractArticles = `
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
ON CREATE SET a.ingested_at = datetime($now), a.revision = ''
SET a.retracted = true, a.retracted_at = datetime($now),
    a.revision = CASE WHEN r.revision > a.revision THEN r.revision ELSE a.revision END`

	// Claims a source (%s: Article or Event) no longer asserts go; the
	// pairs they belonged to are returned for recomputation.
	deleteStaleClaimsOf = `
UNWIND $rows AS r
MATCH (:%s {id: r.id})-[:ASSERTS]->(c:Claim)
WHERE NOT c.key IN r.keep
WITH c, c.pair AS pair
DETACH DELETE c
RETURN pair`

	deleteStaleMentions = `
UNWIND $rows AS r
MATCH (:Article {id: r.id})-[m:MENTIONS]->(e:Entity)
WHERE NOT e.key IN r.keep
DELETE m`

	// Mentions are the most numerous rows of a batch: each is a list
	// [article id, entity key, count] rather than a map, a fifth the memory.
	// An article this transaction created has none yet, and CREATE does not
	// lock the entities (mergeClaimsOf); a known one merges them.
	createMentions = `
UNWIND $rows AS row
WITH row[0] AS id, row[1] AS key, row[2] AS count
MATCH (a:Article {id: id})
MATCH (e:Entity {key: key})
CREATE (a)-[:MENTIONS {count: count}]->(e)`

	mergeMentions = `
UNWIND $rows AS row
WITH row[0] AS id, row[1] AS key, row[2] AS count
MATCH (a:Article {id: id})
MATCH (e:Entity {key: key})
MERGE (a)-[m:MENTIONS]->(e)
WITH m, count WHERE m.count IS NULL OR m.count <> count
SET m.count = count`

	// A claim created by this transaction carries $batch until the end of
	// the statement, which tells created claims (whose summary edge is
	// incremented) from existing ones (whose edge changes only when the
	// claim did). %s is the label of the source: Article or Event.
	//
	// A claim's key names its source, subject and object, so a claim that
	// exists has its three relationships: only a created one gets them,
	// with CREATE. MERGE would lock the subject and the object (states that
	// most transactions touch) until commit, and concurrent writers would
	// queue on them.
	mergeClaimsOf = `
UNWIND $rows AS r
MATCH (src:%s {id: r.source})
MATCH (s:Entity {key: r.subject})
MATCH (o:Entity {key: r.object})
MERGE (c:Claim {key: r.key})
ON CREATE SET c.batch = $batch
WITH src, s, o, c, r, coalesce(c.batch = $batch, false) AS created,
     coalesce(c.confidence, -1.0) <> r.confidence OR coalesce(c.charge, '') <> coalesce(r.charge, '')
       OR coalesce(toString(c.occurred_at), '') <> coalesce(r.occurred_at, '') AS changed
SET c.type = r.type, c.pair = r.pair, c.subject_role = r.subject_role, c.object_role = r.object_role,
    c.charge = r.charge, c.confidence = r.confidence, c.modality = r.modality, c.evidence = r.evidence,
    c.occurred_at = CASE WHEN r.occurred_at IS NULL THEN null ELSE date(r.occurred_at) END,
    c.extractor_version = r.version
REMOVE c.batch
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (src)-[:ASSERTS]->(c), (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o))
RETURN r.key AS key, r.pair AS pair, created, changed`
)

// Summary edge maintenance, one statement per relationship type because a
// relationship type cannot be a parameter. The types come from the fixed set
// of graphmodel.RelTypes.
//
// Writers do not lock the states a summary edge joins (see mergeClaimsOf),
// so an edge is locked before it is read: Cypher takes the write lock of a
// SET whose right-hand side reads the property it sets ("direct
// dependency", Neo4j's "Lost updates"), and a transaction that has it sees
// what the others committed. An increment locks the edge with its count
// before reading its charges. A recomputation locks both states before
// counting the pair's claims: every writer that creates a claim of the
// pair links it to both, and the edge may not exist yet.
const (
	incrementSummary = `
UNWIND $rows AS r
MATCH (s:Entity {key: r.subject})
MATCH (o:Entity {key: r.object})
MERGE (s)-[e:%s]->(o)
ON CREATE SET e.claims = 0, e.charges = []
SET e.claims = e.claims + r.n
WITH e, r
CALL {
  WITH e, r
  UNWIND e.charges + r.charges AS x
  WITH DISTINCT x ORDER BY x
  RETURN collect(x)[..$maxCharges] AS charges
}
SET e.first_seen = CASE WHEN r.first IS NULL THEN e.first_seen
                        WHEN e.first_seen IS NULL OR date(r.first) < e.first_seen THEN date(r.first)
                        ELSE e.first_seen END,
    e.last_seen = CASE WHEN r.last IS NULL THEN e.last_seen
                       WHEN e.last_seen IS NULL OR date(r.last) > e.last_seen THEN date(r.last)
                       ELSE e.last_seen END,
    e.confidence = CASE WHEN e.confidence IS NULL OR r.confidence > e.confidence THEN r.confidence
                        ELSE e.confidence END,
    e.charges = charges`

	// Charges are kept sorted and capped, so that an edge is the same
	// whatever order its claims arrived in.
	recomputeSummary = `
UNWIND $rows AS r
MATCH (s:Entity {key: r.subject})
MATCH (o:Entity {key: r.object})
SET s.name = s.name, o.name = o.name
WITH s, o, r
OPTIONAL MATCH (c:Claim {pair: r.pair})
WITH s, o, r, count(c) AS n, min(c.occurred_at) AS first, max(c.occurred_at) AS last,
     max(c.confidence) AS confidence
CALL {
  WITH r
  MATCH (c:Claim {pair: r.pair}) WHERE c.charge <> ''
  WITH DISTINCT c.charge AS x ORDER BY x
  RETURN collect(x)[..$maxCharges] AS charges
}
OPTIONAL MATCH (s)-[old:%[1]s]->(o)
FOREACH (e IN CASE WHEN n = 0 AND old IS NOT NULL THEN [old] ELSE [] END | DELETE e)
FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END |
  MERGE (s)-[e:%[1]s]->(o)
  SET e.claims = n, e.first_seen = first, e.last_seen = last, e.confidence = confidence,
      e.charges = charges)`
)

// Claim statements per source label, from the fixed set: articles and
// events assert claims through the same statements.
var (
	deleteStaleArticleClaims = fmt.Sprintf(deleteStaleClaimsOf, "Article")
	deleteStaleEventClaims   = fmt.Sprintf(deleteStaleClaimsOf, "Event")
	mergeArticleClaims       = fmt.Sprintf(mergeClaimsOf, "Article")
	mergeEventClaims         = fmt.Sprintf(mergeClaimsOf, "Event")
)

var summaryQueries = func() map[graphmodel.RelType][2]string {
	m := make(map[graphmodel.RelType][2]string)
	for _, t := range graphmodel.RelTypes {
		m[t] = [2]string{fmt.Sprintf(incrementSummary, t.EdgeType()), fmt.Sprintf(recomputeSummary, t.EdgeType())}
	}
	return m
}()

type existing struct {
	revision, hash, version string
	retracted               bool
}

// Write writes a batch in one transaction: entities, then articles and
// their mentions, then claims, then summary edges sorted by (type, pair).
// now is recorded as the ingest time of articles the batch creates. A
// version older than the one the graph holds, or identical to it, is
// skipped. The returned error is classified (see Classify).
func (s *Store) Write(ctx context.Context, b *graphmodel.Batch, now time.Time) (graphmodel.WriteStats, error) {
	if err := b.Validate(); err != nil {
		return graphmodel.WriteStats{}, err
	}
	batchID := fmt.Sprintf("%d", now.UnixNano())
	stats, deadlocks, err := inTx(ctx, s, func(tx runner) (graphmodel.WriteStats, error) {
		w := &txWriter{ctx: ctx, tx: tx, now: now.UTC().Format(time.RFC3339Nano), batch: batchID, states: s.states}
		return w.write(b)
	})
	stats.Deadlocks = deadlocks
	return stats, err
}

type txWriter struct {
	ctx   context.Context
	tx    runner
	now   string
	batch string
	// states are the states found in the graph by earlier writes; nil
	// checks every state of every batch.
	states *knownStates
}

func (w *txWriter) run(q string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := w.tx.Run(w.ctx, q, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(w.ctx)
}

func (w *txWriter) write(b *graphmodel.Batch) (graphmodel.WriteStats, error) {
	var st graphmodel.WriteStats
	ids := make([]string, 0, len(b.Articles)+len(b.Retractions))
	for _, a := range b.Articles {
		ids = append(ids, a.ID)
	}
	ids = append(ids, b.Retractions...)
	// Every statement is a round trip: those with nothing to do are not sent.
	var recs []*neo4j.Record
	var err error
	if len(ids) > 0 {
		if recs, err = w.run(readArticles, map[string]any{"ids": ids}); err != nil {
			return st, err
		}
	}
	have := make(map[string]existing, len(recs))
	for _, r := range recs {
		id, ex, err := readExisting(r)
		if err != nil {
			return st, err
		}
		have[id] = ex
	}
	var arts []*graphmodel.Article
	for i := range b.Articles {
		a := &b.Articles[i]
		if ex, ok := have[a.ID]; ok && stale(ex, a) {
			st.Skipped++
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(b.Retractions) == 0 && len(b.Events) == 0 {
		return st, nil
	}
	// Events are not read first: their upsert skips the ones the graph
	// holds with the same content, and their entities only take a write
	// lock when they change.
	ents := entitiesOf(arts, b.Events)
	if err := w.checkStates(ents); err != nil {
		return st, err
	}
	if err := w.upsertEntities(ents); err != nil {
		return st, err
	}
	created := make(map[string]bool)
	if len(arts) > 0 {
		recs, err := w.run(upsertArticles, map[string]any{"rows": articleRows(arts), "now": w.now, "batch": w.batch})
		if err != nil {
			return st, err
		}
		rec, err := single(recs)
		if err != nil {
			return st, err
		}
		ids, err := stringList(rec, "created")
		if err != nil {
			return st, err
		}
		for _, id := range ids {
			created[id] = true
		}
	}
	if len(b.Retractions) > 0 {
		rows := make([]map[string]any, 0, len(b.Retractions))
		for _, id := range b.Retractions {
			rows = append(rows, map[string]any{"id": id, "revision": b.Superseded[id]})
		}
		if _, err := w.run(retractArticles, map[string]any{"rows": rows, "now": w.now}); err != nil {
			return st, err
		}
	}
	// Only an article the graph held before can have claims and mentions
	// to replace; the ones the upsert created skip those statements.
	var known []*graphmodel.Article
	for _, a := range arts {
		if !created[a.ID] {
			known = append(known, a)
		}
	}
	recompute := make(map[string]bool)
	if len(known) > 0 || len(b.Retractions) > 0 {
		keepClaims, keepMentions := keepRows(known, b.Retractions)
		recs, err = w.run(deleteStaleArticleClaims, map[string]any{"rows": keepClaims})
		if err != nil {
			return st, err
		}
		if err := noteDeleted(recs, recompute, &st); err != nil {
			return st, err
		}
		if _, err := w.run(deleteStaleMentions, map[string]any{"rows": keepMentions}); err != nil {
			return st, err
		}
	}
	newRows, knownRows := mentionRows(arts, created)
	for _, step := range []struct {
		q    string
		rows []mentionRow
	}{{createMentions, newRows}, {mergeMentions, knownRows}} {
		if len(step.rows) == 0 {
			continue
		}
		if _, err := w.run(step.q, map[string]any{"rows": mentionParams(step.rows)}); err != nil {
			return st, err
		}
	}
	added := make(map[string]*summaryRow)
	if err := w.mergeClaims(mergeArticleClaims, claimRows(arts), added, recompute, &st); err != nil {
		return st, err
	}
	// Events after articles: their claims join the same summary
	// bookkeeping, so an edge counts claims from both exactly.
	if err := w.writeEvents(b.Events, added, recompute, &st); err != nil {
		return st, err
	}
	if err := w.writeSummaries(added, recompute); err != nil {
		return st, err
	}
	st.Articles = len(arts)
	st.Retracted = len(b.Retractions)
	return st, nil
}

// readExisting reads a record of readArticles: an article's id and the
// version the graph holds.
func readExisting(r *neo4j.Record) (string, existing, error) {
	var ex existing
	id, err := get[string](r, "id")
	if err != nil {
		return "", ex, err
	}
	if ex.revision, err = get[string](r, "revision"); err != nil {
		return "", ex, err
	}
	if ex.hash, err = get[string](r, "hash"); err != nil {
		return "", ex, err
	}
	if ex.version, err = get[string](r, "version"); err != nil {
		return "", ex, err
	}
	ex.retracted, err = get[bool](r, "retracted")
	return id, ex, err
}

// stale reports whether the graph already holds this version of the
// article or a newer one. Versions compare by revision (updated_at); with
// no revision the later message wins, except over identical content.
func stale(ex existing, a *graphmodel.Article) bool {
	if ex.revision != "" && a.Revision != "" && a.Revision < ex.revision {
		return true
	}
	if ex.retracted {
		return a.Revision != "" && a.Revision <= ex.revision
	}
	return ex.revision == a.Revision && ex.hash == a.ContentHash && ex.version == a.ExtractorVersion
}

// mergeClaims merges claim rows with q (mergeArticleClaims or
// mergeEventClaims). A created claim adds to its pair's summary in
// created; a claim that changed marks its pair for recomputation.
func (w *txWriter) mergeClaims(q string, rows []claimRow, created map[string]*summaryRow, recompute map[string]bool, st *graphmodel.WriteStats) error {
	if len(rows) == 0 {
		return nil
	}
	recs, err := w.run(q, map[string]any{"rows": claimParams(rows), "batch": w.batch})
	if err != nil {
		return err
	}
	byKey := make(map[string]claimRow, len(rows))
	for _, row := range rows {
		byKey[row.key] = row
	}
	for _, r := range recs {
		m, err := readMerged(r)
		if err != nil {
			return err
		}
		switch {
		case m.created:
			row, ok := byKey[m.key]
			if !ok {
				return fmt.Errorf("merged claim %s is not in the statement's rows", m.key)
			}
			st.ClaimsCreated++
			graphmodel.Count(&st.Added, row.claim.Type, 1)
			addToSummary(created, row)
		case m.changed:
			recompute[m.pair] = true
		}
	}
	return nil
}

// merged is a record of mergeClaimsOf: one claim, whether the statement
// created it and whether it changed.
type merged struct {
	key, pair        string
	created, changed bool
}

func readMerged(r *neo4j.Record) (merged, error) {
	var m merged
	var err error
	if m.key, err = get[string](r, "key"); err != nil {
		return m, err
	}
	if m.pair, err = get[string](r, "pair"); err != nil {
		return m, err
	}
	if m.created, err = get[bool](r, "created"); err != nil {
		return m, err
	}
	m.changed, err = get[bool](r, "changed")
	return m, err
}

// noteDeleted records the claims a delete statement returned (one pair
// each): their pairs are recomputed and they count as removed.
func noteDeleted(recs []*neo4j.Record, recompute map[string]bool, st *graphmodel.WriteStats) error {
	for _, r := range recs {
		pair, err := get[string](r, "pair")
		if err != nil {
			return err
		}
		recompute[pair] = true
		t, _, _ := splitPair(pair)
		graphmodel.Count(&st.Removed, t, 1)
	}
	st.ClaimsDeleted += len(recs)
	return nil
}

// entitiesOf yields the entities of the articles and events, in order,
// without copying them: they are read, never changed.
func entitiesOf(arts []*graphmodel.Article, evs []graphmodel.Event) iter.Seq[*graphmodel.Entity] {
	return func(yield func(*graphmodel.Entity) bool) {
		for _, a := range arts {
			for i := range a.Entities {
				if !yield(&a.Entities[i]) {
					return
				}
			}
		}
		for j := range evs {
			for i := range evs[j].Entities {
				if !yield(&evs[j].Entities[i]) {
					return
				}
			}
		}
	}
}

// checkStates fails when a state the batch names was never seeded: writers
// only MATCH states, so a missing one would silently drop claims. States
// found by a write of the last statesTTL are not checked again.
func (w *txWriter) checkStates(ents iter.Seq[*graphmodel.Entity]) error {
	keys := make(map[string]bool)
	last := "" // the state before: a batch of events names a few states, again and again
	for e := range ents {
		if e.Kind == graphmodel.KindState && e.Key != last {
			keys[e.Key] = true
			last = e.Key
		}
	}
	check := sortedKeys(keys)
	var at time.Time
	if w.states != nil {
		check, at = w.states.unknown(check)
	}
	if len(check) == 0 {
		return nil
	}
	recs, err := w.run(countStates, map[string]any{"keys": check})
	if err != nil {
		return err
	}
	rec, err := single(recs)
	if err != nil {
		return err
	}
	n, err := get[int64](rec, "n")
	if err != nil {
		return err
	}
	if int(n) != len(check) {
		return fmt.Errorf("%d of %d states are not in the graph: run `kg schema apply`", len(check)-int(n), len(check))
	}
	if w.states != nil {
		w.states.add(check, at)
	}
	return nil
}

// upsertEntities merges the people and organizations of the batch, sorted
// by key so that concurrent transactions lock in the same order. Seeded
// entities are only matched.
func (w *txWriter) upsertEntities(ents iter.Seq[*graphmodel.Entity]) error {
	var merged []graphmodel.Entity // one per key
	at := make(map[string]int)     // the index in merged of a key's entity
	for ent := range ents {
		if ent.Kind == graphmodel.KindState || ent.Seeded {
			continue
		}
		i, ok := at[ent.Key]
		if !ok {
			at[ent.Key] = len(merged)
			merged = append(merged, *ent) // merged below: the batch's own entity is left as it is
			continue
		}
		old := &merged[i]
		if ent.Name == old.Name && ent.Acronym == old.Acronym && len(ent.Aliases) == 0 && len(old.Aliases) == 0 {
			continue // what merging them makes of them: the events of a batch name the same people again and again
		}
		// One row per key: the best name, every other form an alias.
		forms := unionStrings(unionStrings(old.Aliases, ent.Aliases), []string{old.Name, ent.Name})
		name := bestName(old.Name, ent.Name)
		aliases := make([]string, 0, len(forms))
		for _, f := range forms {
			if f != name {
				aliases = append(aliases, f)
			}
		}
		if ent.Acronym != "" && (old.Acronym == "" || ent.Acronym <= old.Acronym) {
			old.Acronym = ent.Acronym
		}
		old.Name, old.Aliases = name, aliases
	}
	slices.SortFunc(merged, func(a, b graphmodel.Entity) int { return strings.Compare(a.Key, b.Key) })
	var actors, orgs entityColumns
	for i := range merged {
		if merged[i].Kind == graphmodel.KindActor {
			actors.add(&merged[i])
		} else {
			orgs.add(&merged[i])
		}
	}
	for _, step := range []struct {
		q    string
		cols *entityColumns
	}{{upsertActors, &actors}, {upsertOrgs, &orgs}} {
		if len(step.cols.key) == 0 {
			continue
		}
		params := map[string]any{"key": step.cols.key, "name": step.cols.name, "aliases": step.cols.aliases,
			"acronym": step.cols.acronym, "maxAliases": 64}
		if _, err := w.run(step.q, params); err != nil {
			return err
		}
	}
	return nil
}

// entityColumns are the parameters of upsertActors and upsertOrgs: a list
// per property, element i of each for the i-th entity.
type entityColumns struct {
	key, name, acronym []string
	aliases            [][]string
}

func (c *entityColumns) add(e *graphmodel.Entity) {
	c.key = append(c.key, e.Key)
	c.name = append(c.name, e.Name)
	c.acronym = append(c.acronym, e.Acronym)
	c.aliases = append(c.aliases, nonNil(e.Aliases))
}

func articleRows(arts []*graphmodel.Article) []map[string]any {
	rows := make([]map[string]any, 0, len(arts))
	for _, a := range arts {
		var published any
		if a.PublishedAt != "" {
			published = a.PublishedAt
		}
		rows = append(rows, map[string]any{
			"id": a.ID, "title": a.Title, "url": a.URL, "source": a.Source, "language": a.Language,
			"published_at": published, "revision": a.Revision, "hash": a.ContentHash, "version": a.ExtractorVersion,
		})
	}
	return rows
}

// keepRows lists, per article, the claims and mentions it keeps. A
// retracted article keeps none.
func keepRows(arts []*graphmodel.Article, retracted []string) (claims, mentions []map[string]any) {
	for _, a := range arts {
		ck := make([]string, 0, len(a.Claims))
		for _, c := range a.Claims {
			ck = append(ck, graphmodel.ClaimKey(graphmodel.SourceArticle(a.ID), c.Type, c.Subject, c.Object))
		}
		mk := make([]string, 0, len(a.Mentions))
		for _, m := range a.Mentions {
			mk = append(mk, m.Key)
		}
		claims = append(claims, map[string]any{"id": a.ID, "keep": ck})
		mentions = append(mentions, map[string]any{"id": a.ID, "keep": mk})
	}
	for _, id := range retracted {
		claims = append(claims, map[string]any{"id": id, "keep": []string{}})
		mentions = append(mentions, map[string]any{"id": id, "keep": []string{}})
	}
	return claims, mentions
}

// mentionRow is one mention: an article names an entity count times.
type mentionRow struct {
	article, entity string
	count           int64
}

// mentionRows returns the mentions of the articles the transaction
// created and of the others, each sorted by entity.
func mentionRows(arts []*graphmodel.Article, created map[string]bool) (newRows, knownRows []mentionRow) {
	for _, a := range arts {
		for _, m := range a.Mentions {
			row := mentionRow{article: a.ID, entity: m.Key, count: int64(m.Count)}
			if created[a.ID] {
				newRows = append(newRows, row)
			} else {
				knownRows = append(knownRows, row)
			}
		}
	}
	for _, rows := range [][]mentionRow{newRows, knownRows} {
		sort.Slice(rows, func(i, j int) bool { return rows[i].entity < rows[j].entity })
	}
	return newRows, knownRows
}

// mentionParams are the rows of createMentions and mergeMentions: each a
// list [article id, entity key, count].
func mentionParams(rows []mentionRow) [][]any {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = []any{r.article, r.entity, r.count}
	}
	return out
}

func claimRows(arts []*graphmodel.Article) []claimRow {
	var rows []claimRow
	for _, a := range arts {
		for _, c := range a.Claims {
			rows = append(rows, newClaimRow(graphmodel.SourceArticle(a.ID), a.ID, a.PublishedAt, a.ExtractorVersion, c))
		}
	}
	sortClaims(rows)
	return rows
}

// claimRow is one claim as the claim statements write it: source names it
// in the key (graphmodel.SourceArticle or SourceEvent), id is the source
// node's id, occurred its date ("" when unknown).
type claimRow struct {
	id, key, pair     string
	occurred, version string
	claim             graphmodel.Claim
}

func newClaimRow(source, id, occurred, version string, c graphmodel.Claim) claimRow {
	return claimRow{
		id:       id,
		key:      graphmodel.ClaimKey(source, c.Type, c.Subject, c.Object),
		pair:     graphmodel.Pair(c.Type, c.Subject, c.Object),
		occurred: occurred,
		version:  version,
		claim:    c,
	}
}

// sortClaims puts claims in key order, the order concurrent transactions
// lock them in.
func sortClaims(rows []claimRow) {
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
}

// claimParams are the parameter rows of claims, as mergeClaimsOf and
// bulkClaims read them.
func claimParams(rows []claimRow) []map[string]any {
	out := make([]map[string]any, len(rows))
	for i, r := range rows {
		c := r.claim
		out[i] = map[string]any{
			"source":       r.id,
			"key":          r.key,
			"pair":         r.pair,
			"type":         string(c.Type),
			"subject":      c.Subject,
			"object":       c.Object,
			"subject_role": c.SubjectRole,
			"object_role":  c.ObjectRole,
			"charge":       c.Charge,
			"confidence":   c.Confidence,
			"modality":     c.Modality,
			"evidence":     c.Evidence,
			"occurred_at":  nilIfEmpty(r.occurred),
			"version":      r.version,
		}
	}
	return out
}

// summaryRow aggregates the claims this transaction created for one pair.
type summaryRow struct {
	pair, subject, object string
	typ                   graphmodel.RelType
	n                     int64
	first, last           string
	confidence            float64
	charges               []string
}

func addToSummary(m map[string]*summaryRow, claim claimRow) {
	r, ok := m[claim.pair]
	if !ok {
		t, subj, obj := splitPair(claim.pair)
		r = &summaryRow{pair: claim.pair, typ: t, subject: subj, object: obj}
		m[claim.pair] = r
	}
	r.n++
	if d := claim.occurred; d != "" {
		if r.first == "" || d < r.first {
			r.first = d
		}
		if d > r.last {
			r.last = d
		}
	}
	if c := claim.claim.Confidence; c > r.confidence {
		r.confidence = c
	}
	if ch := claim.claim.Charge; ch != "" {
		r.charges = unionStrings(r.charges, []string{ch})
	}
}

// splitPair undoes graphmodel.Pair. Keys never hold "|": slugs use hyphens.
func splitPair(pair string) (graphmodel.RelType, string, string) {
	parts := strings.SplitN(pair, "|", 3)
	if len(parts) != 3 {
		return "", "", ""
	}
	return graphmodel.RelType(parts[0]), parts[1], parts[2]
}

// writeSummaries updates the summary edges: incremented for pairs that only
// gained claims, recomputed from their claims (through the pair index) for
// pairs that lost or changed one. Pairs go in (type, pair) order.
func (w *txWriter) writeSummaries(created map[string]*summaryRow, recompute map[string]bool) error {
	for _, t := range graphmodel.RelTypes {
		var inc, rec []map[string]any
		for _, p := range sortedKeys(created) {
			r := created[p]
			if r.typ != t || recompute[p] {
				continue
			}
			inc = append(inc, map[string]any{
				"subject": r.subject, "object": r.object, "n": r.n, "first": nilIfEmpty(r.first),
				"last": nilIfEmpty(r.last), "confidence": r.confidence, "charges": nonNil(r.charges),
			})
		}
		for _, p := range sortedKeys(recompute) {
			typ, subj, obj := splitPair(p)
			if typ != t {
				continue
			}
			rec = append(rec, map[string]any{"pair": p, "subject": subj, "object": obj})
		}
		q := summaryQueries[t]
		if len(inc) > 0 {
			if _, err := w.run(q[0], map[string]any{"rows": inc, "maxCharges": graphmodel.MaxCharges}); err != nil {
				return err
			}
		}
		if len(rec) > 0 {
			if _, err := w.run(q[1], map[string]any{"rows": rec, "maxCharges": graphmodel.MaxCharges}); err != nil {
				return err
			}
		}
	}
	return nil
}

// bestName returns the better of two names of one entity, in the order of
// the betterName Cypher: most words, then most characters, then the first
// in code-point order.
func bestName(a, b string) string {
	wa, wb := len(strings.Split(a, " ")), len(strings.Split(b, " "))
	ra, rb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	switch {
	case wa != wb:
		if wb > wa {
			return b
		}
		return a
	case ra != rb:
		if rb > ra {
			return b
		}
		return a
	case b < a:
		return b
	}
	return a
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func unionStrings(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, x := range b {
		found := false
		for _, y := range out {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}
