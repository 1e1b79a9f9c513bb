package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// FileRecord is one message read from an input file, or the reason part
// of the input cannot become one.
type FileRecord struct {
	Where string // file:line, file[index] or file, for messages
	Key   []byte // the message's id, when it has one
	Value []byte // the message, as JSON
	Err   error  // a *MalformedError when the input is not a message
}

// ReadArticleFile reads the article messages of one file, named name, from
// r, by the name's extension: .jsonl and .ndjson files hold one message
// per line, a .json file holds one message or an array of them, and any
// other file is one plain-text article whose id is the file name without
// extension. It fails only when r fails or fn does; every problem with the
// input is a FileRecord with Err set.
func ReadArticleFile(name string, r io.Reader, fn func(FileRecord) error) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return ReadJSONLines(name, r, fn)
	case ".json":
		return ReadJSONFile(name, r, fn)
	}
	return ReadArticleText(name, r, fn)
}

// maxLine bounds one JSON line: larger than any valid message, so that an
// oversize one is reported as such instead of breaking the read.
const maxLine = 64 << 20

// ReadJSONLines reads one message per line, each named name:line and keyed
// by its "id" when it has one. Blank lines are skipped; a line that is not
// UTF-8 text is a record with Err set. Whether a line is a valid message is
// for DecodeArticle or DecodeEvent to judge.
func ReadJSONLines(name string, r io.Reader, fn func(FileRecord) error) error {
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
			if err := fn(FileRecord{Where: where, Err: err}); err != nil {
				return err
			}
			continue
		}
		rec := FileRecord{Where: where, Value: append([]byte(nil), line...), Key: idOf(line)}
		if err := fn(rec); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return nil
}

// ReadJSONFile reads a .json file: an array is one message per element,
// each named by its index (file.json[0], as jq's .[0] names it); anything
// else is one message, which DecodeArticle judges. A .json file is never
// taken for the text of an article. Values are compacted, so that a
// pretty-printed file publishes the same messages as its JSON Lines.
func ReadJSONFile(name string, r io.Reader, fn func(FileRecord) error) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := notText(b, 0); err != nil {
		return fn(FileRecord{Where: name, Err: err})
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
			return fn(FileRecord{Where: where, Err: &MalformedError{Reason: ReasonNotJSON,
				Detail: fmt.Sprintf("%v at byte offset %d; the rest of the file is not read", err, dec.InputOffset())}})
		}
		if err := fn(jsonRecord(where, raw)); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		return fn(FileRecord{Where: name, Err: &MalformedError{Reason: ReasonNotJSON,
			Detail: fmt.Sprintf("the array does not end: %v", err)}})
	}
	if dec.More() {
		return fn(FileRecord{Where: name, Err: &MalformedError{Reason: ReasonNotJSON,
			Detail: fmt.Sprintf("data after the array at byte offset %d", dec.InputOffset())}})
	}
	return nil
}

// ReadArticleText reads a plain-text article: the whole of r is its text,
// its id is the base of name without extension, and its first line is its
// title when it reads as a headline.
func ReadArticleText(name string, r io.Reader, fn func(FileRecord) error) error {
	text, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := notText(text, 0); err != nil {
		return fn(FileRecord{Where: name, Err: err})
	}
	id := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	m := ArticleMessage{ID: id, Text: string(text), Title: headline(string(text))}
	value, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return fn(FileRecord{Where: name, Key: []byte(id), Value: value})
}

// jsonRecord is one JSON value as a message, compacted, keyed by its id
// when it has one. A value that is not JSON is passed on as it is, for
// DecodeArticle to reject with its reason.
func jsonRecord(where string, value []byte) FileRecord {
	rec := FileRecord{Where: where, Value: append([]byte(nil), value...)}
	var compact bytes.Buffer
	if json.Compact(&compact, value) == nil {
		rec.Value = compact.Bytes()
	}
	rec.Key = idOf(rec.Value)
	return rec
}

// idOf is the "id" of a JSON object, or nil when it has none.
func idOf(value []byte) []byte {
	var head struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(value, &head) == nil && head.ID != "" {
		return []byte(head.ID)
	}
	return nil
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
			return &MalformedError{Reason: ReasonInvalidUTF8,
				Detail: fmt.Sprintf("not text: NUL byte at byte offset %d", base+int64(i))}
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return &MalformedError{Reason: ReasonInvalidUTF8,
				Detail: fmt.Sprintf("not UTF-8: invalid byte 0x%02x at byte offset %d", b[i], base+int64(i))}
		}
		i += size
	}
	return nil
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
