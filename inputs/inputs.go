// Package inputs opens what kg publish and kg extract read: the files
// named on the command line, and "-" for stdin. Each is read by ingest's
// reader of its kind (ingest/article_file.go, ingest/event_gdelt.go,
// ingest/event_icews.go), so that package ingest stays free of I/O.
package inputs

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/kg/ingest"
)

// The formats of inputs (kg publish --format).
const (
	Articles = "articles" // article messages or plain-text articles
	Events   = "events"   // JSON Lines of event messages
	GDELT    = "gdelt"    // GDELT 1.0 or 2.0 event files
	ICEWS    = "icews"    // ICEWS event files with a header row
)

// Record is one message read from an input, or the reason the input (a
// line, a row, a file) cannot become one.
type Record struct {
	Where string // file:line, for messages
	Key   []byte
	Value []byte
	Err   error
}

func recordOf(r ingest.FileRecord) Record {
	return Record{Where: r.Where, Key: r.Key, Value: r.Value, Err: r.Err}
}

// ReadArticles reads article messages from files, as ingest.ReadArticleFile
// reads each by its extension; "-" is JSON Lines on stdin. Every byte read
// is also written to progress, when it is not nil.
func ReadArticles(paths []string, stdin io.Reader, progress io.Writer, fn func(Record) error) error {
	each := func(r ingest.FileRecord) error { return fn(recordOf(r)) }
	for _, p := range paths {
		var err error
		if p == "-" {
			err = ingest.ReadJSONLines("stdin", tee(stdin, progress), each)
		} else {
			err = withFile(p, func(f io.Reader) error { return ingest.ReadArticleFile(p, tee(f, progress), each) })
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func tee(r io.Reader, w io.Writer) io.Reader {
	if w == nil {
		return r
	}
	return io.TeeReader(r, w)
}

func withFile(path string, fn func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return fn(f)
}

// ReadEvents reads event rows in the given format from files ("-" is
// stdin): GDELT and ICEWS files become event messages, and JSON Lines are
// taken as event messages as they are.
func ReadEvents(format string, paths []string, stdin io.Reader, progress io.Writer, fn func(Record) error) error {
	for _, p := range paths {
		name := p
		if p == "-" {
			name = "stdin"
		}
		read := func(r io.Reader) error {
			r = tee(r, progress)
			switch format {
			case GDELT:
				return ingest.ReadGDELT(r, func(row ingest.EventRow) error { return fn(eventRecordOf(name, row)) })
			case ICEWS:
				return ingest.ReadICEWS(r, func(row ingest.EventRow) error { return fn(eventRecordOf(name, row)) })
			}
			return ingest.ReadJSONLines(name, r, func(rec ingest.FileRecord) error { return fn(recordOf(rec)) })
		}
		var err error
		if p == "-" {
			err = read(stdin)
		} else {
			err = withFile(p, read)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func eventRecordOf(name string, row ingest.EventRow) Record {
	rec := Record{Where: fmt.Sprintf("%s:%d", name, row.Line), Err: row.Err}
	if row.Err == nil {
		rec.Key = []byte(row.Message.ID)
		rec.Value, rec.Err = json.Marshal(row.Message)
	}
	return rec
}
