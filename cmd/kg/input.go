package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/kg/ingest"
)

// record is one article message read from an input, or the reason the
// input cannot become one.
type record struct {
	where string // file:line, for messages
	key   []byte
	value []byte
	err   error
}

func recordOf(r ingest.FileRecord) record {
	return record{where: r.Where, key: r.Key, value: r.Value, err: r.Err}
}

// readInputs reads article messages from files, as ingest.ReadArticleFile
// reads each by its extension; "-" is JSON Lines on stdin. Every byte read
// is also written to progress, when it is not nil.
func readInputs(paths []string, stdin io.Reader, progress io.Writer, fn func(record) error) error {
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

// eventRecord is one event message read from an input, or the reason the
// row could not become one.
type eventRecord struct {
	where string // file:line
	key   []byte
	value []byte
	err   error
}

// readEventInputs reads event rows in the given format from files ("-" is
// stdin): GDELT and ICEWS files become event messages, and JSON Lines are
// taken as event messages as they are.
func readEventInputs(format string, paths []string, stdin io.Reader, progress io.Writer, fn func(eventRecord) error) error {
	for _, p := range paths {
		name := p
		if p == "-" {
			name = "stdin"
		}
		read := func(r io.Reader) error {
			r = tee(r, progress)
			switch format {
			case formatGDELT:
				return ingest.ReadGDELT(r, func(row ingest.EventRow) error { return fn(eventRecordOf(name, row)) })
			case formatICEWS:
				return ingest.ReadICEWS(r, func(row ingest.EventRow) error { return fn(eventRecordOf(name, row)) })
			}
			return ingest.ReadJSONLines(name, r, func(rec ingest.FileRecord) error {
				return fn(eventRecord{where: rec.Where, key: rec.Key, value: rec.Value, err: rec.Err})
			})
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

func eventRecordOf(name string, row ingest.EventRow) eventRecord {
	rec := eventRecord{where: fmt.Sprintf("%s:%d", name, row.Line), err: row.Err}
	if row.Err == nil {
		rec.key = []byte(row.Message.ID)
		rec.value, rec.err = json.Marshal(row.Message)
	}
	return rec
}
