package ingest

// What the article and the event decoders share: the size, encoding and
// JSON checks every message value passes (unmarshal, with prescan.go), and
// the id and date rules of both contracts. The rejection reasons are in
// errors.go.

import (
	"bytes"
	"errors"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/segmentio/encoding/json"

	"github.com/newsgraph/kg/graphmodel"
)

// DefaultMaxMessageBytes caps an encoded message value: 900 KiB, under the
// broker's default 1 MiB limit.
const DefaultMaxMessageBytes = 900 << 10

// unmarshal checks a message value's size and encoding and decodes it into
// v. maxBytes caps the value (0 means DefaultMaxMessageBytes).
func unmarshal(value []byte, maxBytes int, v any) error {
	return unmarshalWith(value, maxBytes, v, 0)
}

// unmarshalWith is unmarshal with the decoder's flags.
func unmarshalWith(value []byte, maxBytes int, v any, flags json.ParseFlags) error {
	value, err := checkValue(value, maxBytes)
	if err != nil {
		return err
	}
	return parseValue(value, v, flags)
}

// checkValue applies the size and encoding checks of unmarshal to a
// message value and returns it without a byte order mark.
func checkValue(value []byte, maxBytes int) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxMessageBytes
	}
	if len(value) > maxBytes {
		return nil, malformed(ReasonOversize, fmt.Sprintf("value is %d bytes, limit is %d", len(value), maxBytes))
	}
	if len(value) == 0 {
		return nil, malformed(ReasonEmpty, "value is empty (only a null value is a tombstone)")
	}
	// A byte order mark is not JSON, but some producers write one: it
	// carries nothing, so it goes.
	value = bytes.TrimPrefix(value, utf8BOM)
	// encoding/json silently replaces invalid UTF-8 with U+FFFD; reject it
	// instead, so that what lands in the graph is what was sent.
	if !utf8.Valid(value) {
		return nil, malformed(ReasonInvalidUTF8, "value is not valid UTF-8")
	}
	return value, nil
}

// parseValue decodes a value that checkValue has passed into v: the
// pre-scan's limits, then the decoder.
func parseValue(value []byte, v any, flags json.ParseFlags) error {
	if err := prescan(value); err != nil {
		return err
	}
	// json.Unmarshal, with flags. Bytes after the value make an error,
	// which Unmarshal words: the message is malformed, so decoding it
	// again costs only what a dead letter does.
	rest, err := json.Parse(value, v, flags)
	if len(rest) != 0 {
		err = json.Unmarshal(value, v)
	}
	if err != nil {
		return jsonError(err)
	}
	return nil
}

// plainDate reports whether s is a YYYY-MM-DD date that every month has
// (day 28 at most), which time.Parse accepts as it is, without parsing it
// the long way: every event carries a date. Other dates take time.Parse.
func plainDate(s string) bool {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	return month >= 1 && month <= 12 && day >= 1 && day <= 28
}

func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return malformed(ReasonWrongType, "value is a JSON "+te.Value+", not an object")
		}
		return malformed(ReasonWrongType, fmt.Sprintf("%s is a JSON %s, want %s", te.Field, te.Value, te.Type))
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return malformed(ReasonNotJSON, fmt.Sprintf("not JSON at byte %d", se.Offset))
	}
	return malformed(ReasonNotJSON, "not JSON")
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// CheckID enforces the contract on an article or event id (or a record key
// that stands for one): present, at most graphmodel.MaxIDBytes, and free of
// control characters, which no id needs and which logs, terminals and
// queries mishandle.
func CheckID(id string) error {
	if id == "" {
		return malformed(ReasonMissingField, "id is missing or empty")
	}
	if len(id) > graphmodel.MaxIDBytes {
		return malformed(ReasonInvalidField, fmt.Sprintf("id is %d bytes, limit is %d", len(id), graphmodel.MaxIDBytes))
	}
	if !utf8.ValidString(id) {
		return malformed(ReasonInvalidUTF8, "id is not valid UTF-8")
	}
	for i, r := range id {
		if unicode.IsControl(r) {
			return malformed(ReasonInvalidField, fmt.Sprintf("id has a control character (U+%04X) at byte %d", r, i))
		}
	}
	return nil
}

// ParseDate accepts RFC 3339 or YYYY-MM-DD and returns the date as
// YYYY-MM-DD (in the time's own offset: a story dated in Tokyo keeps its
// Tokyo date).
func ParseDate(s string) (string, error) {
	if plainDate(s) {
		return s, nil
	}
	// The layout takes exactly four, two and two digits: a date it accepts
	// is already written the way it would be formatted.
	if _, err := time.Parse("2006-01-02", s); err == nil {
		return s, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return "", errors.New("not RFC 3339 or YYYY-MM-DD")
	}
	return t.Format("2006-01-02"), nil
}
