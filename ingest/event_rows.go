package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// EventRow is one row of an event data file read as an event message.
type EventRow struct {
	Line    int          // 1-based line of the file
	Message EventMessage // the message, when Err is nil
	Err     error        // why the row is rejected: a MalformedError with its Reason
}

// maxRowBytes bounds one line of an event data file: far above any real
// row, so that a broken file fails instead of exhausting memory.
const maxRowBytes = 4 << 20

// readTSV calls fn with the 1-based number and the tab-separated fields of
// every non-empty line of r. Fields are not quoted in these formats.
func readTSV(r io.Reader, fn func(line int, fields []string) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	for {
		s, err := br.ReadString('\n')
		if s != "" {
			n++
			if len(s) > maxRowBytes {
				return fmt.Errorf("line %d: longer than %d bytes", n, maxRowBytes)
			}
			s = strings.TrimRight(s, "\r\n")
			if n == 1 {
				s = strings.TrimPrefix(s, "\ufeff") // a byte-order mark
			}
			if strings.TrimSpace(s) != "" {
				if ferr := fn(n, strings.Split(s, "\t")); ferr != nil {
					return ferr
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
}

// compactDate turns YYYYMMDD into YYYY-MM-DD and checks it.
func compactDate(s string) (string, error) {
	if len(s) != 8 {
		return "", malformed(ReasonInvalidField, fmt.Sprintf("date %q is not YYYYMMDD", truncateDetail(s)))
	}
	d, err := ParseDate(s[:4] + "-" + s[4:6] + "-" + s[6:])
	if err != nil {
		return "", malformed(ReasonInvalidField, fmt.Sprintf("date %q is not YYYYMMDD", truncateDetail(s)))
	}
	return d, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// truncateDetail keeps error details short: they name a value, they do not
// echo a row.
func truncateDetail(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
