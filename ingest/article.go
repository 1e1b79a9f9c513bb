package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/segmentio/encoding/json"

	"github.com/newsgraph/kg/graphmodel"
)

// SchemaVersion is the newest article schema major version this code reads.
const SchemaVersion = 1

// DefaultMaxMessageBytes caps an encoded message value: 900 KiB, under the
// broker's default 1 MiB limit.
const DefaultMaxMessageBytes = 900 << 10

// ArticleMessage is an article as published to the article topic.
// Unknown fields are ignored.
type ArticleMessage struct {
	ID            string   `json:"id"`
	Text          string   `json:"text"`
	Title         string   `json:"title,omitempty"`
	Source        string   `json:"source,omitempty"`
	URL           string   `json:"url,omitempty"`
	Language      string   `json:"language,omitempty"`
	PublishedAt   string   `json:"published_at,omitempty"`
	UpdatedAt     string   `json:"updated_at,omitempty"`
	Authors       []string `json:"authors,omitempty"`
	SchemaVersion int      `json:"schema_version,omitempty"`
}

// DecodeArticle decodes and checks one article message value. key is the
// Kafka record key; when present it must equal the id, because compaction and
// tombstones work by key. maxBytes caps the value (0 means
// DefaultMaxMessageBytes). Every error matches ErrMalformed.
func DecodeArticle(key, value []byte, maxBytes int) (ArticleMessage, error) {
	return decodeArticle(key, value, maxBytes, 0)
}

// DecodeArticleShared is DecodeArticle whose strings share value's bytes
// instead of copying them: a 5 MB article is not held twice while it
// waits in a batch. The caller must not change value while it holds the
// message or anything made of its strings.
func DecodeArticleShared(key, value []byte, maxBytes int) (ArticleMessage, error) {
	return decodeArticle(key, value, maxBytes, json.ZeroCopy)
}

func decodeArticle(key, value []byte, maxBytes int, flags json.ParseFlags) (ArticleMessage, error) {
	// schema_version is read apart so that an explicit 0 or null, which
	// the contract does not allow, is told from an absent field.
	var w struct {
		ArticleMessage
		SchemaVersion json.RawMessage `json:"schema_version"`
	}
	if err := unmarshalWith(value, maxBytes, &w, flags); err != nil {
		return w.ArticleMessage, err
	}
	m := w.ArticleMessage
	m.SchemaVersion = 1
	if len(w.SchemaVersion) > 0 {
		if string(w.SchemaVersion) == "null" {
			return m, malformed(ReasonSchemaVersion, "schema_version is null: omit it or give a version")
		}
		if err := json.Unmarshal(w.SchemaVersion, &m.SchemaVersion); err != nil {
			return m, malformed(ReasonWrongType, "schema_version is not an integer")
		}
	}
	if m.SchemaVersion < 0 {
		return m, malformed(ReasonInvalidField, "schema_version is negative")
	}
	if m.SchemaVersion == 0 {
		return m, malformed(ReasonSchemaVersion, "schema_version 0: versions start at 1")
	}
	if m.SchemaVersion > SchemaVersion {
		return m, malformed(ReasonSchemaVersion, fmt.Sprintf("schema_version %d, this worker reads up to %d", m.SchemaVersion, SchemaVersion))
	}
	if err := CheckID(m.ID); err != nil {
		return m, err
	}
	if strings.TrimSpace(m.Text) == "" {
		return m, malformed(ReasonMissingField, "text is missing or empty")
	}
	if len(key) > 0 && !bytes.Equal(key, []byte(m.ID)) {
		return m, malformed(ReasonKeyMismatch, "record key differs from the id")
	}
	if m.PublishedAt != "" {
		d, err := ParseDate(m.PublishedAt)
		if err != nil {
			return m, malformed(ReasonInvalidField, "published_at: "+err.Error())
		}
		m.PublishedAt = d
	}
	if m.UpdatedAt != "" {
		t, err := time.Parse(time.RFC3339Nano, m.UpdatedAt)
		if err != nil {
			return m, malformed(ReasonInvalidField, "updated_at is not RFC 3339")
		}
		m.UpdatedAt = t.UTC().Format(revisionLayout)
	}
	return m, nil
}

// unmarshal checks a message value's size and encoding and decodes it into
// v. maxBytes caps the value (0 means DefaultMaxMessageBytes).
func unmarshal(value []byte, maxBytes int, v any) error {
	return unmarshalWith(value, maxBytes, v, 0)
}

// unmarshalWith is unmarshal with the decoder's flags.
func unmarshalWith(value []byte, maxBytes int, v any, flags json.ParseFlags) error {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxMessageBytes
	}
	if len(value) > maxBytes {
		return malformed(ReasonOversize, fmt.Sprintf("value is %d bytes, limit is %d", len(value), maxBytes))
	}
	if len(value) == 0 {
		return malformed(ReasonEmpty, "value is empty (only a null value is a tombstone)")
	}
	// A byte order mark is not JSON, but some producers write one: it
	// carries nothing, so it goes.
	value = bytes.TrimPrefix(value, utf8BOM)
	// encoding/json silently replaces invalid UTF-8 with U+FFFD; reject it
	// instead, so that what lands in the graph is what was sent.
	if !utf8.Valid(value) {
		return malformed(ReasonInvalidUTF8, "value is not valid UTF-8")
	}
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

// revisionLayout writes updated_at in UTC with a fixed-width fraction, so
// that revisions compare correctly as strings.
const revisionLayout = "2006-01-02T15:04:05.000000000Z"
