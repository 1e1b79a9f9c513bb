package neo4jstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Table is the result of a query.
type Table struct {
	Columns []string
	Rows    [][]any
	// Notices are what the server said about the query while running it:
	// a label, relationship type or property key the database has never
	// seen (a likely misspelling, and the reason a query returns no rows),
	// a cartesian product, a deprecated feature.
	Notices []Notice
}

// Notice is one notification the server sent with a result.
type Notice struct {
	Severity    string // WARNING or INFORMATION
	Code        string // e.g. Neo.ClientNotification.Statement.UnknownLabelWarning
	Title       string
	Description string
	// Line and Column locate what the notice is about in the query
	// (1-based); both are 0 when it is about the query as a whole.
	Line, Column int
}

func (n Notice) String() string {
	at := ""
	if n.Line > 0 {
		at = fmt.Sprintf(" (line %d, column %d)", n.Line, n.Column)
	}
	return fmt.Sprintf("%s: %s%s: %s [%s]", n.Severity, n.Title, at, n.Description, n.Code)
}

// Query runs cypher with params in a read-only transaction: a query that
// tries to write fails. It is for kg's own queries; an analyst's query goes
// through ConfinedQuery.
func (s *Store) Query(ctx context.Context, cypher string, params map[string]any) (Table, error) {
	return s.read(ctx, cypher, params)
}

// ErrTimedOut marks a query that ConfinedQuery stopped at its timeout.
var ErrTimedOut = errors.New("query timed out")

// clientGrace is how much longer than the server's transaction timeout the
// client waits: the server checks its timeouts every couple of seconds and
// its error, which also ends the transaction there, should normally come
// first. The context is for a server that does not answer at all.
const clientGrace = 5 * time.Second

// ConfinedQuery runs an analyst's cypher like Query, confined to the graph:
// Confine must accept it, and it is stopped after timeout both by the
// server (the transaction's timeout) and by the client (the context, at
// timeout plus a few seconds). A stopped query returns an error wrapping
// ErrTimedOut; a refused one, an error wrapping ErrRefused.
func (s *Store) ConfinedQuery(ctx context.Context, cypher string, params map[string]any, timeout time.Duration) (Table, error) {
	if err := Confine(cypher); err != nil {
		return Table{}, err
	}
	if timeout <= 0 {
		return Table{}, fmt.Errorf("query timeout %s: want a positive duration", timeout)
	}
	cctx, cancel := context.WithTimeout(ctx, timeout+clientGrace)
	defer cancel()
	t, err := s.read(cctx, cypher, params, neo4j.WithTxTimeout(timeout))
	if err == nil {
		return t, nil
	}
	var ne *neo4j.Neo4jError
	serverTimeout := errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Transaction.TransactionTimedOut")
	clientTimeout := errors.Is(cctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil
	if serverTimeout || clientTimeout {
		return Table{}, fmt.Errorf("%w after %s: %w", ErrTimedOut, timeout, err)
	}
	return Table{}, err
}

// read runs a query whose columns the caller chooses, so a row is read by
// position against Columns; its values are the store's own (values.go).
func (s *Store) read(ctx context.Context, cypher string, params map[string]any, cfg ...func(*neo4j.TransactionConfig)) (Table, error) {
	res, err := s.records(ctx, cypher, params, cfg...)
	if err != nil {
		return Table{}, err
	}
	t := Table{Columns: res.keys, Notices: res.notices}
	for _, r := range res.records {
		row := make([]any, len(r.Values))
		for i, v := range r.Values {
			row[i] = value(v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// result is what a read transaction returned, as the driver gave it.
type result struct {
	keys    []string
	records []*neo4j.Record
	notices []Notice
}

// records runs cypher with params in a read-only transaction.
func (s *Store) records(ctx context.Context, cypher string, params map[string]any, cfg ...func(*neo4j.TransactionConfig)) (result, error) {
	ctx, cancel := cancellable(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	return neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (result, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return result{}, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return result{}, err
		}
		keys, err := res.Keys()
		if err != nil {
			return result{}, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return result{}, err
		}
		return result{keys: keys, records: recs, notices: notices(sum)}, nil
	}, cfg...)
}

func notices(sum neo4j.ResultSummary) []Notice {
	var out []Notice
	for _, n := range sum.Notifications() {
		nt := Notice{Severity: n.RawSeverityLevel(), Code: n.Code(), Title: n.Title(), Description: n.Description()}
		if p := n.Position(); p != nil {
			nt.Line, nt.Column = p.Line(), p.Column()
		}
		out = append(out, nt)
	}
	return out
}

// Checksum digests the whole graph: every node's labels and properties and
// every relationship's type, end points and properties, identified by their
// keys and in a fixed order. Ingest times are left out, so two runs that
// wrote the same data at different times have the same checksum.
func (s *Store) Checksum(ctx context.Context) (string, error) {
	const (
		ident = `coalesce(n.key, n.id, '')`
		nodes = `MATCH (n)
RETURN ` + ident + ` AS id, labels(n) AS labels, properties(n) AS props`
		rels = `MATCH (a)-[r]->(b)
RETURN coalesce(a.key, a.id, '') AS a, type(r) AS type, coalesce(b.key, b.id, '') AS b, properties(r) AS props`
	)
	var lines []string
	res, err := s.records(ctx, nodes, nil)
	if err != nil {
		return "", err
	}
	for _, r := range res.records {
		id, err := get[string](r, "id")
		if err != nil {
			return "", err
		}
		labels, err := stringList(r, "labels")
		if err != nil {
			return "", err
		}
		props, err := get[map[string]any](r, "props")
		if err != nil {
			return "", err
		}
		sort.Strings(labels)
		lines = append(lines, fmt.Sprintf("N %v %v %s", id, labels, canonicalProps(props)))
	}
	if res, err = s.records(ctx, rels, nil); err != nil {
		return "", err
	}
	for _, r := range res.records {
		var cols [3]string
		for i, k := range []string{"a", "type", "b"} {
			if cols[i], err = get[string](r, k); err != nil {
				return "", err
			}
		}
		props, err := get[map[string]any](r, "props")
		if err != nil {
			return "", err
		}
		lines = append(lines, fmt.Sprintf("R %v %v %v %s", cols[0], cols[1], cols[2], canonicalProps(props)))
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// volatile properties record when something was ingested, not what.
var volatile = map[string]bool{"ingested_at": true, "retracted_at": true}

func canonicalProps(props map[string]any) string {
	keys := make([]string, 0, len(props))
	for k := range props {
		if !volatile[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		val := props[k]
		if d, ok := val.(dbtype.Date); ok {
			val = d.String()
		}
		enc, _ := json.Marshal(val)
		fmt.Fprintf(&b, "%s=%s;", k, enc)
	}
	return b.String()
}
