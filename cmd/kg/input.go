package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/kg/ingest"
)

// record is one article message read from an input.
type record struct {
	where string // file:line, for messages
	key   []byte
	value []byte
}

// readInputs reads article messages from files: .jsonl and .ndjson files
// hold one message per line, "-" is JSON Lines on stdin, and any other file
// is one plain-text article whose id is the file name without extension.
// Every byte read is also written to progress, when it is not nil.
func readInputs(paths []string, stdin io.Reader, progress io.Writer, fn func(record) error) error {
	for _, p := range paths {
		var err error
		switch ext := strings.ToLower(filepath.Ext(p)); {
		case p == "-":
			err = readJSONLines("stdin", tee(stdin, progress), fn)
		case ext == ".jsonl" || ext == ".ndjson":
			err = withFile(p, func(f io.Reader) error { return readJSONLines(p, tee(f, progress), fn) })
		default:
			err = withFile(p, func(f io.Reader) error { return readText(p, tee(f, progress), fn) })
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

// maxLine bounds one JSON line: larger than any valid message, so that an
// oversize one is reported as such instead of breaking the read.
const maxLine = 64 << 20

func readJSONLines(name string, r io.Reader, fn func(record) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		rec := record{where: fmt.Sprintf("%s:%d", name, n), value: append([]byte(nil), line...)}
		var head struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(line, &head) == nil && head.ID != "" {
			rec.key = []byte(head.ID)
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return nil
}

func readText(path string, r io.Reader, fn func(record) error) error {
	text, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	m := ingest.ArticleMessage{ID: id, Text: string(text), Title: headline(string(text))}
	value, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return fn(record{where: path, key: []byte(id), value: value})
}

// headline returns the first line of a plain-text article when it reads as
// a headline: short and without a final period.
func headline(text string) string {
	first, rest, ok := strings.Cut(strings.TrimSpace(text), "\n")
	first = strings.TrimSpace(first)
	if !ok || strings.TrimSpace(rest) == "" || len(first) > 200 || strings.HasSuffix(first, ".") {
		return ""
	}
	return first
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
			return readJSONLines(name, r, func(rec record) error {
				return fn(eventRecord{where: rec.where, key: rec.key, value: rec.value})
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
