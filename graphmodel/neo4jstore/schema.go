package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/retry"
)

// schema creates the constraints and indexes the writer relies on.
// Concurrent MERGE without a uniqueness constraint creates duplicates, so
// the worker refuses to start when one is missing (CheckSchema).
var schema = []string{
	`CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE`,
	`CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE`,
	`CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE`,
	`CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (c:Claim) REQUIRE c.key IS UNIQUE`,
	`CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)`,
	`CREATE INDEX claim_pair IF NOT EXISTS FOR (c:Claim) ON (c.pair)`,
	`CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]`,
}

// requiredConstraints are the (label, property) pairs that must be unique.
var requiredConstraints = [][2]string{
	{"Entity", "key"}, {"Article", "id"}, {"Event", "id"}, {"Claim", "key"},
}

// seedStates writes every state. Writers only MATCH states afterwards, so the
// few states that every article mentions are never write-locked by entity
// upserts.
const seedStates = `
UNWIND $rows AS r
MERGE (e:Entity {key: r.key})
SET e:State, e.iso3 = r.iso3, e.name = r.name, e.aliases = r.aliases, e.cameo = r.cameo,
    e.historical = r.historical`

// seedOrgs writes the well-known international organizations.
const seedOrgs = `
UNWIND $rows AS r
MERGE (e:Entity {key: r.key})
SET e:Organization, e.name = r.name, e.acronym = r.acronym, e.cameo = r.cameo,
    e.aliases = r.aliases + [a IN coalesce(e.aliases, []) WHERE NOT a IN r.aliases]`

// ApplySchema creates the constraints and indexes and seeds the given states
// and organizations. It is idempotent.
func (s *Store) ApplySchema(ctx context.Context, seed []graphmodel.Entity) error {
	for _, q := range schema {
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
			return fmt.Errorf("schema %q: %w", strings.Fields(q)[2], err)
		}
	}
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, "CALL db.awaitIndexes(300)", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		return fmt.Errorf("await indexes: %w", err)
	}
	var states, orgs []map[string]any
	for _, e := range seed {
		switch e.Kind {
		case graphmodel.KindState:
			states = append(states, map[string]any{
				"key": e.Key, "iso3": strings.TrimPrefix(e.Key, "state:"), "name": e.Name,
				"aliases": nonNil(e.Aliases), "cameo": e.CAMEO, "historical": e.Historical,
			})
		case graphmodel.KindOrganization:
			orgs = append(orgs, map[string]any{
				"key": e.Key, "name": e.Name, "acronym": e.Acronym, "cameo": e.CAMEO, "aliases": nonNil(e.Aliases),
			})
		default:
			return fmt.Errorf("cannot seed %s %q", e.Kind, e.Key)
		}
	}
	for _, step := range []struct {
		q    string
		rows []map[string]any
	}{{seedStates, states}, {seedOrgs, orgs}} {
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, step.q, map[string]any{"rows": step.rows},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
	}
	return nil
}

// CheckSchema returns an error naming every required uniqueness constraint
// that is missing, and fails when no state has been seeded.
func (s *Store) CheckSchema(ctx context.Context) error {
	res, err := neo4j.ExecuteQuery(ctx, s.driver,
		`SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
		 WHERE type IN ['UNIQUENESS', 'NODE_KEY'] RETURN labelsOrTypes, properties`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return fmt.Errorf("read constraints: %w", err)
	}
	have := make(map[[2]string]bool)
	for _, r := range res.Records {
		// A constraint on several labels or properties, or none, is not
		// one of ours.
		labels, err := stringList(r, "labelsOrTypes")
		if err != nil {
			continue
		}
		props, err := stringList(r, "properties")
		if err != nil {
			continue
		}
		if len(labels) == 1 && len(props) == 1 {
			have[[2]string{labels[0], props[0]}] = true
		}
	}
	var missing []string
	for _, c := range requiredConstraints {
		if !have[c] {
			missing = append(missing, c[0]+"."+c[1])
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("missing uniqueness constraints on %s: run `kg schema apply`", strings.Join(missing, ", "))
	}
	res, err = neo4j.ExecuteQuery(ctx, s.driver, `MATCH (s:State) RETURN count(s) AS n`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return fmt.Errorf("count states: %w", err)
	}
	rec, err := single(res.Records)
	if err != nil {
		return fmt.Errorf("count states: %w", err)
	}
	n, err := get[int64](rec, "n")
	if err != nil {
		return fmt.Errorf("count states: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("no states seeded: run `kg schema apply`")
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// DeleteAll removes every node and relationship, keeping the schema. It is
// for tests and local development, never called by the pipeline itself.
// A connection pooled before a server restart fails once; the statement is
// idempotent, so it is simply run again.
func (s *Store) DeleteAll(ctx context.Context) error {
	return retry.Do(ctx, retry.Policy{First: 500 * time.Millisecond, Tries: 5}, func() error {
		err := s.deleteAll(ctx)
		if err != nil && !neo4j.IsRetryable(err) {
			return retry.Stop(err)
		}
		return err
	}, nil)
}

// Relationships go first, in batches: a state with a million
// relationships cannot be detached and deleted in one transaction.
func (s *Store) deleteAll(ctx context.Context) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for _, q := range []string{
		`MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
		`MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
	} {
		res, err := sess.Run(ctx, q, nil)
		if err != nil {
			return err
		}
		if _, err = res.Consume(ctx); err != nil {
			return err
		}
	}
	return nil
}
