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

// record is one article message read from an input, or the reason it
// could not be read.
type record struct {
	where string // file:line, for messages
	key   []byte
	value []byte
	err   error
}

// readInputs reads article messages from files: .jsonl and .ndjson files
// hold one message per line, "-" is JSON Lines on stdin, and any other file
// is one plain-text article whose id is the file name without extension.
func readInputs(paths []string, stdin io.Reader, fn func(record) error) error {
	for _, p := range paths {
		var err error
		switch ext := strings.ToLower(filepath.Ext(p)); {
		case p == "-":
			err = readJSONLines("stdin", stdin, fn)
		case ext == ".jsonl" || ext == ".ndjson":
			err = withFile(p, func(f io.Reader) error { return readJSONLines(p, f, fn) })
		default:
			err = withFile(p, func(f io.Reader) error { return readText(p, f, fn) })
		}
		if err != nil {
			return err
		}
	}
	return nil
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
