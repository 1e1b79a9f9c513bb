package neo4jstore

import (
	"errors"
	"strings"
	"testing"
)

func TestConfineRefuses(t *testing.T) {
	for _, q := range []string{
		// LOAD CSV, however it is spelled.
		`LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l`,
		`load csv from 'http://127.0.0.1:9464/metrics' as l return l`,
		`LoAd CsV WITH HEADERS FROM $url AS r RETURN r`,
		"LOAD\n\t  CSV FROM 'file:///etc/passwd' AS l RETURN l",
		`LOAD/* hidden */CSV FROM 'file:///etc/passwd' AS l RETURN l`,
		"LOAD // hidden\nCSV FROM 'file:///etc/passwd' AS l RETURN l",
		"LOAD\u00a0CSV FROM 'file:///etc/passwd' AS l RETURN l",
		"LOAD\u200bCSV FROM 'file:///etc/passwd' AS l RETURN l",
		"LOAD\x1cCSV FROM 'file:///etc/passwd' AS l RETURN l",
		"LOAD `CSV` FROM 'file:///etc/passwd' AS l RETURN l",
		`MATCH (n) WITH n LIMIT 1 LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l`,
		`MATCH (n) CALL { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l } RETURN l`,
		// Procedures outside the list, with or without backticks and comments.
		`CALL apoc.load.json('http://127.0.0.1/')`,
		"CALL `apoc`.`load`.`json`('http://127.0.0.1/')",
		"CALL `apoc.load.json`('http://127.0.0.1/')",
		"CALL /* x */ apoc /* y */ . load . json('http://127.0.0.1/')",
		`call APOC.LOAD.CSV('file:///etc/passwd')`,
		`CALL dbms.killConnections(['bolt-1'])`,
		`CALL dbms.listConfig() YIELD name, value RETURN name, value`,
		`CALL db.clearQueryCaches()`,
		`CALL db.createLabel('Evil')`,
		`CALL dbms.security.createUser('x', 'y')`,
		`CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})`,
		`MATCH (n) CALL { WITH n CALL apoc.export.csv.all('/tmp/x.csv', {}) YIELD file RETURN file } RETURN file`,
		`OPTIONAL CALL dbms.killQuery('q-1')`,
		`CALL db.labels() YIELD label CALL apoc.load.json('http://x/') YIELD value RETURN label`,
		// Functions that run Cypher of their own.
		`RETURN apoc.cypher.runFirstColumnSingle('LOAD CSV FROM "file:///etc/passwd" AS l RETURN l', {})`,
		"RETURN `apoc`.`cypher`.runFirstColumnSingle('RETURN 1', {})",
		"RETURN `apoc.cypher`.runFirstColumnSingle('RETURN 1', {})",
		// Other clients' transactions.
		`TERMINATE TRANSACTIONS 'neo4j-transaction-1'`,
		`SHOW TRANSACTIONS YIELD transactionId AS id TERMINATE TRANSACTION id`,
		// What cannot be read is not sent.
		`MATCH (n) /* LOAD CSV`,
		`RETURN 'unterminated`,
		"RETURN `unterminated",
	} {
		err := Confine(q)
		if !errors.Is(err, ErrRefused) {
			t.Errorf("Confine(%q) = %v, want ErrRefused", q, err)
		}
	}
}

func TestConfineAllows(t *testing.T) {
	for _, q := range []string{
		`MATCH (a)-[r:REQUESTED_HELP_FROM]->(b) RETURN a.name, b.name, r.claims ORDER BY r.claims DESC`,
		`MATCH (:State {iso3: $iso})-[:ALLY_OF]-(x) RETURN x.name`,
		// The words appear, but not as clauses.
		`MATCH (n) WHERE n.name = 'LOAD CSV FROM file:///etc/passwd' RETURN n`,
		`MATCH (n) WHERE n.note = "CALL apoc.load.json()" RETURN n`,
		`MATCH (n) WHERE n.note = 'it\'s LOAD CSV' RETURN n`,
		"MATCH (n) // LOAD CSV FROM 'file:///etc/passwd'\nRETURN n",
		"MATCH (n) /* CALL apoc.load.json() */ RETURN n",
		"MATCH (n) RETURN n.`load`, n.call, {load: 1, call: 2}",
		"MATCH (load:Entity) RETURN load.csv",
		// Allowed procedures, however spelled.
		`CALL db.labels() YIELD label RETURN label`,
		`CALL db.labels`,
		`call DB.RelationshipTypes()`,
		"CALL `db`.`propertyKeys`()",
		"CALL `db.labels`()",
		`CALL db.schema.visualization()`,
		`CALL db.index.fulltext.queryNodes('entityNames', 'kim') YIELD node, score RETURN node.name, score`,
		`CALL dbms.components() YIELD name, versions RETURN name, versions`,
		// Subqueries.
		`MATCH (n:State) CALL { WITH n MATCH (n)-[:ALLY_OF]-(m) RETURN count(m) AS c } RETURN n.name, c`,
		`MATCH (n:State) CALL (n) { MATCH (n)-[:ALLY_OF]-(m) RETURN count(m) AS c } RETURN n.name, c`,
		// SHOW commands and built-in functions.
		`SHOW INDEXES`,
		`SHOW CONSTRAINTS YIELD name RETURN name`,
		`SHOW TRANSACTIONS`,
		`RETURN date.truncate('month', date()), datetime.fromepoch(0, 0), duration.between(date(), date())`,
		`RETURN point.distance(point({x: 0, y: 0}), point({x: 1, y: 1})), vector.similarity.cosine([1.0], [1.0])`,
		`MATCH (n) RETURN db.nameFromElementId(elementId(n)) LIMIT 1`,
		`UNWIND range(1, 10) AS x RETURN toInteger(x) + 1.5e3`,
	} {
		if err := Confine(q); err != nil {
			t.Errorf("Confine(%q) = %v, want nil", q, err)
		}
	}
}

// The refusal says what was refused.
func TestConfineNamesWhatItRefuses(t *testing.T) {
	for q, want := range map[string]string{
		"CALL `apoc`.`load`.json('x')":            "procedure apoc.load.json is not on the read-only list",
		`LOAD CSV FROM 'file:///etc/passwd' AS l`: "LOAD CSV reads files and URLs",
		`RETURN apoc.text.join(['a'], ',')`:       "function apoc.text.join",
	} {
		if err := Confine(q); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Confine(%q) = %v, want an error containing %q", q, err, want)
		}
	}
}

func FuzzConfine(f *testing.F) {
	for _, s := range []string{"LOAD CSV FROM 'x' AS l", "CALL `db`.labels()", "RETURN 'a\\'b' // c", "/* x */ MATCH (n) RETURN n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		err := Confine(q) // never panics
		if err != nil && !errors.Is(err, ErrRefused) {
			t.Errorf("Confine(%q) = %v, not ErrRefused", q, err)
		}
		// LOAD CSV after any query that lexes is refused, unless it reads
		// as a property name (n. LOAD).
		toks, lexErr := lexCypher(q)
		if lexErr == nil && (len(toks) == 0 || !toks[len(toks)-1].is(".")) {
			if e := Confine(q + "\nLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"); !errors.Is(e, ErrRefused) {
				t.Errorf("Confine(%q + LOAD CSV) = %v", q, e)
			}
		}
	})
}
