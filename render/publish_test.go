package render

import (
	"bytes"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

func TestEventTally(t *testing.T) {
	tl := ingest.NewTally()
	tl.Add(ingest.Outcome{Kind: ingest.OutcomeInvalid, Invalid: ingest.Reasons[0]}, "")
	tl.Add(ingest.Outcome{Kind: ingest.OutcomeEventOnly, NoClaim: ingest.NoClaimNoActor}, "")
	tl.Add(ingest.Outcome{Kind: ingest.OutcomeClaim}, graphmodel.RelTypes[0])
	tl.Add(ingest.Outcome{Kind: ingest.OutcomeClaim}, graphmodel.RelTypes[0])
	var out bytes.Buffer
	EventTally(&out, tl, "gdelt")
	want := "gdelt: 4 rows read = 1 invalid + 1 event only + 2 claims\n" +
		"  invalid: 1 (" + string(ingest.Reasons[0]) + " 1)\n" +
		"  event only: 1 (no-actor 1)\n" +
		"  claims: 2 (" + string(graphmodel.RelTypes[0]) + " 2)\n"
	if out.String() != want {
		t.Errorf("EventTally wrote\n%s\nwant\n%s", out.String(), want)
	}
}

func TestPublishSummary(t *testing.T) {
	var out bytes.Buffer
	PublishSummary(&out, 3, 0, "articles", false)
	PublishSummary(&out, 2, 1, "articles", true)
	if want := "published 3 messages to articles\ndry run: 2 messages for articles; 1 rejected\n"; out.String() != want {
		t.Errorf("PublishSummary wrote %q, want %q", out.String(), want)
	}
}
