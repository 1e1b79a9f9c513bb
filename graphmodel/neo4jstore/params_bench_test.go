package neo4jstore

import (
	"testing"

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
