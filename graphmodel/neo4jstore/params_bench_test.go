package neo4jstore

import (
	"context"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/kg/graphmodel"
)

// BenchmarkEventParams builds the parameters a batch of new events sends:
// the event columns, and the rows of the claims they assert. It needs no
// server: it is the client's share of an event write before the driver
// packs the parameters.
func BenchmarkEventParams(b *testing.B) {
	events := sampleEvents(b, 2000)
	b.ReportAllocs()
	for b.Loop() {
		cols := newEventColumns(events)
		params := cols.params()
		var claims []claimRow
		for i := range events {
			e := &events[i]
			for _, c := range e.Claims {
				claims = append(claims, newClaimRow(graphmodel.SourceEvent(e.ID), e.ID, e.OccurredAt, e.ExtractorVersion, c))
			}
		}
		sortClaims(claims)
		rows := claimParams(claims)
		if len(params["id"].([]string)) != len(events) || len(rows) != len(claims) {
			b.Fatalf("%d event rows and %d claim rows for %d events and %d claims", len(params["id"].([]string)), len(rows), len(events), len(claims))
		}
		cols.release() // as the writer does once the statement has run
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(events)), "ns/event")
}

// BenchmarkWriteBatchClient is the client's share of Write for a batch of
// new events, every statement but the driver's packing: validation, the
// state check, the entity and event columns, the claim rows and the
// summaries. Its runner answers every statement with no row, but the state
// check, which it answers with every state found.
func BenchmarkWriteBatchClient(b *testing.B) {
	events := sampleEvents(b, 2000)
	b.ReportAllocs()
	for b.Loop() {
		batch := graphmodel.Batch{Events: events}
		if err := batch.Validate(); err != nil {
			b.Fatal(err)
		}
		w := &txWriter{ctx: context.Background(), tx: noRows{}, now: "2026-01-01T00:00:00Z", batch: "bench"}
		if _, err := w.write(&batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(events)), "ns/event")
}

// noRows runs no statement: it answers countStates with every state it
// was asked for, and every other statement with no row.
type noRows struct{}

func (noRows) Run(_ context.Context, q string, params map[string]any) (neo4j.ResultWithContext, error) {
	if q == countStates {
		n := int64(len(params["keys"].([]string)))
		return answer{recs: []*neo4j.Record{{Keys: []string{"n"}, Values: []any{n}}}}, nil
	}
	return answer{}, nil
}

// answer is a result of the given records; it answers Collect alone.
type answer struct {
	neo4j.ResultWithContext
	recs []*neo4j.Record
}

func (a answer) Collect(context.Context) ([]*neo4j.Record, error) { return a.recs, nil }
