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
	"unicode/utf8"

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

// notText returns an error naming the first byte of b, at offset base+i,
// that keeps b from being UTF-8 text: a NUL byte or an invalid UTF-8
// sequence. It returns nil for text. A binary file passed as an article
// would otherwise be published full of U+FFFD and NUL characters.
func notText(b []byte, base int64) error {
	if utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 {
		return nil
	}
	for i := 0; i < len(b); {
		if b[i] == 0 {
			return &ingest.MalformedError{Reason: ingest.ReasonInvalidUTF8,
				Detail: fmt.Sprintf("not text: NUL byte at byte offset %d", base+int64(i))}
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return &ingest.MalformedError{Reason: ingest.ReasonInvalidUTF8,
				Detail: fmt.Sprintf("not UTF-8: invalid byte 0x%02x at byte offset %d", b[i], base+int64(i))}
		}
		i += size
	}
	return nil
}

// readInputs reads article messages from files: .jsonl and .ndjson files
// hold one message per line, a .json file holds one message or an array of
// them, "-" is JSON Lines on stdin, and any other file is one plain-text
// article whose id is the file name without extension. Every byte read is
// also written to progress, when it is not nil.
func readInputs(paths []string, stdin io.Reader, progress io.Writer, fn func(record) error) error {
	for _, p := range paths {
		var err error
		switch ext := strings.ToLower(filepath.Ext(p)); {
		case p == "-":
			err = readJSONLines("stdin", tee(stdin, progress), fn)
		case ext == ".jsonl" || ext == ".ndjson":
			err = withFile(p, func(f io.Reader) error { return readJSONLines(p, tee(f, progress), fn) })
		case ext == ".json":
			err = withFile(p, func(f io.Reader) error { return readJSONFile(p, tee(f, progress), fn) })
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
	sc.Split(scanLinesWithEnd)
	n := 0
	var offset int64 // of the line in the input, for the offset of a bad byte
	for sc.Scan() {
		n++
		raw := sc.Bytes()
		start := offset
		offset += int64(len(raw))
		line := bytes.TrimSpace(raw)
		if len(line) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		if err := notText(raw, start); err != nil {
			if err := fn(record{where: where, err: err}); err != nil {
				return err
			}
			continue
		}
		rec := record{where: where, value: append([]byte(nil), line...)}
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

// readJSONFile reads a .json file: an array is one message per element,
// each named by its index (file.json[0], as jq's .[0] names it); anything
// else is one message, which DecodeArticle judges. A .json file is never
// taken for the text of an article. Values are compacted, so that a
// pretty-printed file publishes the same messages as its JSON Lines.
func readJSONFile(name string, r io.Reader, fn func(record) error) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := notText(b, 0); err != nil {
		return fn(record{where: name, err: err})
	}
	trimmed := bytes.TrimSpace(b)
	if !bytes.HasPrefix(trimmed, []byte("[")) {
		return fn(jsonRecord(name, trimmed))
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.Token() // the '[' seen above
	for i := 0; ; i++ {
		where := fmt.Sprintf("%s[%d]", name, i)
		if !dec.More() {
			break
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The rest of the array cannot be read past a syntax error.
			return fn(record{where: where, err: &ingest.MalformedError{Reason: ingest.ReasonNotJSON,
				Detail: fmt.Sprintf("%v at byte offset %d; the rest of the file is not read", err, dec.InputOffset())}})
		}
		if err := fn(jsonRecord(where, raw)); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		return fn(record{where: name, err: &ingest.MalformedError{Reason: ingest.ReasonNotJSON,
			Detail: fmt.Sprintf("the array does not end: %v", err)}})
	}
	if dec.More() {
		return fn(record{where: name, err: &ingest.MalformedError{Reason: ingest.ReasonNotJSON,
			Detail: fmt.Sprintf("data after the array at byte offset %d", dec.InputOffset())}})
	}
	return nil
}

// jsonRecord is one JSON value as a message, compacted, keyed by its id
// when it has one. A value that is not JSON is passed on as it is, for
// DecodeArticle to reject with its reason.
func jsonRecord(where string, value []byte) record {
	rec := record{where: where, value: append([]byte(nil), value...)}
	var compact bytes.Buffer
	if json.Compact(&compact, value) == nil {
		rec.value = compact.Bytes()
	}
	var head struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(rec.value, &head) == nil && head.ID != "" {
		rec.key = []byte(head.ID)
	}
	return rec
}

// scanLinesWithEnd is bufio.ScanLines keeping each line's end, so that
// byte offsets can be counted.
func scanLinesWithEnd(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i+1], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

func readText(path string, r io.Reader, fn func(record) error) error {
	text, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := notText(text, 0); err != nil {
		return fn(record{where: path, err: err})
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
				return fn(eventRecord{where: rec.where, key: rec.key, value: rec.value, err: rec.err})
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
