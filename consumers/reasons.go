package consumers

import (
	"slices"

	"github.com/newsgraph/kg/ingest"
)

// Dead-letter reasons (kg-error) of the messages that decoded but that the
// graph would not take: the worker learns them from the write, which
// package ingest never sees. The reasons of messages that do not decode
// are ingest's (ingest.Reasons), set where the decoding fails.
const (
	ReasonRejected ingest.Reason = "graph-rejected" // the database, or the graph model, refused a value
	ReasonTooBig   ingest.Reason = "too-big"        // one message alone exceeds a transaction's limits
)

// Reasons lists every reason a dead letter can carry, those of decoding
// then those of the graph: the label values of
// kg_messages_dead_lettered_total and the choices of kg dlq replay
// --reason.
var Reasons = append(append([]ingest.Reason(nil), ingest.Reasons...), ReasonRejected, ReasonTooBig)

// IsReason says whether r is one of Reasons.
func IsReason(r string) bool { return slices.Contains(Reasons, ingest.Reason(r)) }

// ReasonNames is Reasons as strings, for messages.
func ReasonNames() []string {
	names := make([]string, len(Reasons))
	for i, r := range Reasons {
		names[i] = string(r)
	}
	return names
}
