package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	stdjson "encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/segmentio/encoding/json"
)

// The messages are decoded with github.com/segmentio/encoding/json, which
// is several times faster than encoding/json. These fuzz targets hold it to
// encoding/json's results: the same values, and an error for the same
// inputs with the same reason. Event content hashes digest the encoding of
// a message, so the two must also encode it alike.
func FuzzDecodeAgreesWithStdlib(f *testing.F) {
	for _, s := range []string{
		`{"id": "gdelt:1", "cameo": "0231", "occurred_at": "2018-03-26", "subject": {"code": "USAGOV"}, "object": {"code": "CHN"}, "confidence": 0.5}`,
		`{"id": "a", "text": "t\u00e9\n", "authors": ["x"], "published_at": "2014-12-19", "schema_version": 1, "ID": "b"}`,
		`{"id": 1}`, `{"confidence": "1"}`, `{"authors": [1]}`, `{"subject": []}`, `[]`, `null`, `{}`, `[`, `{"id": "a"} x`,
		`{"id": "a", "id": "b"}`, `{"id": "e", "source": "<a &b>\u2028"}`, `{"Id": "a", "TEXT": "b"}`, `{"id": "\ud800"}`, `{"confidence": 1e400}`, `{"schema_version": 1.5}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, value []byte) {
		if !utf8.Valid(value) {
			return // rejected before decoding
		}
		agree[EventMessage](t, value)
		agree[ArticleMessage](t, value)
	})
}

func agree[T any](t *testing.T, value []byte) {
	var fast, std T
	errFast := unmarshal(value, 1<<20, &fast)
	switch ReasonOf(errFast) {
	case ReasonTooDeep, ReasonOversize, ReasonEmpty:
		return // the pre-scan's limits, which encoding/json does not have
	}
	value = bytes.TrimPrefix(value, utf8BOM) // stripped before decoding
	errStd := stdjson.Unmarshal(value, &std)
	if errStd != nil {
		errStd = jsonError(errStd)
	}
	switch {
	case (errFast == nil) != (errStd == nil):
		t.Fatalf("%T from %q: error %v, encoding/json: %v", fast, value, errFast, errStd)
	case errFast != nil && ReasonOf(errFast) != ReasonOf(errStd):
		t.Fatalf("%T from %q: reason %s, encoding/json: %s", fast, value, ReasonOf(errFast), ReasonOf(errStd))
	case errFast == nil && !reflect.DeepEqual(fast, std):
		t.Fatalf("%T from %q:\n%+v\nencoding/json:\n%+v", fast, value, fast, std)
	}
	if errFast != nil {
		return
	}
	// Content hashes digest the encoding: it must not change with the library.
	b, err := json.Marshal(fast)
	want, _ := stdjson.Marshal(std)
	if err != nil || !bytes.Equal(b, want) {
		t.Fatalf("%T from %q encodes as %s (%v), encoding/json: %s", fast, value, b, err, want)
	}
	if m, ok := any(fast).(EventMessage); ok {
		sum := sha256.Sum256(append([]byte(EventMappingVersion+"\n"), want...))
		if got := EventContentHash(m); got != hex.EncodeToString(sum[:]) {
			t.Fatalf("content hash of %q changed: %s", value, got)
		}
	}
}
