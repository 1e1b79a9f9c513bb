package ingest

import "errors"

// ErrMalformed marks input that can never be processed as it is. The worker
// dead-letters such a message and moves on; retrying it cannot help.
var ErrMalformed = errors.New("malformed message")

// Reason is why a message was rejected. The set is fixed so that it can label
// metrics and dead-letter headers. These are the reasons of decoding; the
// worker adds those of the graph write (package consumers).
type Reason string

// The rejection reasons.
const (
	ReasonNotJSON     Reason = "not-json"
	ReasonInvalidUTF8 Reason = "invalid-utf8"
	ReasonOversize    Reason = "oversize" // too many bytes, or too many JSON values
	ReasonTooDeep     Reason = "too-deep" // arrays and objects nested deeper than MaxJSONDepth
	// ReasonEmpty: a zero-length value that is not a tombstone. Only a
	// null value (a tombstone) retracts an article.
	ReasonEmpty          Reason = "empty"
	ReasonMissingField   Reason = "missing-field"
	ReasonWrongType      Reason = "wrong-type"
	ReasonInvalidField   Reason = "invalid-field"
	ReasonKeyMismatch    Reason = "key-mismatch"
	ReasonSchemaVersion  Reason = "unknown-schema-version"
	ReasonUnknownMessage Reason = "unknown" // an error that carries no reason (ReasonOf)
	// ReasonBadRow: a row of an event data file cannot be read as a record
	// of its format (wrong number of columns).
	ReasonBadRow Reason = "bad-row"
)

// Reasons lists every reason of decoding, in a fixed order for summaries.
var Reasons = []Reason{
	ReasonNotJSON, ReasonInvalidUTF8, ReasonOversize, ReasonTooDeep, ReasonEmpty, ReasonMissingField, ReasonWrongType,
	ReasonInvalidField, ReasonKeyMismatch, ReasonSchemaVersion, ReasonUnknownMessage, ReasonBadRow,
}

// MalformedError says which rule a message broke. It matches ErrMalformed
// with errors.Is.
type MalformedError struct {
	Reason Reason
	Detail string // what exactly was wrong, without echoing the message body
}

func (e *MalformedError) Error() string { return string(e.Reason) + ": " + e.Detail }

// Is makes errors.Is(err, ErrMalformed) true.
func (e *MalformedError) Is(target error) bool { return target == ErrMalformed }

func malformed(r Reason, detail string) error { return &MalformedError{Reason: r, Detail: detail} }

// ReasonOf returns the reason of a malformed-input error, or
// ReasonUnknownMessage when err carries none.
func ReasonOf(err error) Reason {
	var me *MalformedError
	if errors.As(err, &me) {
		return me.Reason
	}
	return ReasonUnknownMessage
}
