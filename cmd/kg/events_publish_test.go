package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/ingest"
)

// dryRun runs `kg publish --format F --dry-run FILE` and returns its
// standard output and standard error. It needs no service.
func dryRun(t *testing.T, format, file string) (stdout, stderr string) {
	t.Helper()
	stdout, stderr, err := dryRunStatus(format, file)
	if err != nil {
		t.Fatalf("kg publish --format %s --dry-run %s: %v\nstderr:\n%s", format, file, err, stderr)
	}
	return stdout, stderr
}

// dryRunStatus is dryRun returning how kg exited.
func dryRunStatus(format, file string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, kgBinary, "publish", "--format", format, "--dry-run", file)
	cmd.Env = append(os.Environ(), "KG_KAFKA_BROKERS=127.0.0.1:1") // a dry run must not reach Kafka
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return out.String(), errb.String(), err
}

var (
	summaryLine = regexp.MustCompile(`(?m)^(\w+): (\d+) rows read = (\d+) invalid \+ (\d+) event only \+ (\d+) claims$`)
	outcomeLine = regexp.MustCompile(`(?m)^  (invalid|event only|claims): (\d+)(?: \((.*)\))?$`)
)

// outcomes parses the summary: rows read, and per outcome its total and
// its counts per reason.
func outcomes(t *testing.T, stderr string) (rows int, totals map[string]int, reasons map[string]map[string]int) {
	t.Helper()
	m := summaryLine.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary in stderr:\n%s", stderr)
	}
	rows, _ = strconv.Atoi(m[2])
	totals, reasons = map[string]int{}, map[string]map[string]int{}
	for i, name := range []string{"invalid", "event only", "claims"} {
		totals[name], _ = strconv.Atoi(m[3+i])
	}
	for _, o := range outcomeLine.FindAllStringSubmatch(stderr, -1) {
		n, _ := strconv.Atoi(o[2])
		if n != totals[o[1]] {
			t.Errorf("%s: %d in its line, %d in the summary", o[1], n, totals[o[1]])
		}
		reasons[o[1]] = map[string]int{}
		sum := 0
		if o[3] != "" {
			for _, part := range strings.Split(o[3], ", ") {
				name, count, _ := strings.Cut(part, " ")
				c, _ := strconv.Atoi(count)
				reasons[o[1]][name] = c
				sum += c
			}
		}
		if sum != n {
			t.Errorf("%s: reasons add up to %d, not %d (%s)", o[1], sum, n, o[0])
		}
	}
	if len(reasons) != 3 {
		t.Errorf("summary has %d outcome lines, want 3:\n%s", len(reasons), stderr)
	}
	return rows, totals, reasons
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}

// rawData holds the real GDELT and ICEWS samples, beside the repository
// (../shared/data/raw, see its README).
const rawData = "../../../shared/data/raw/"

// The dry run over the real GDELT and ICEWS samples: every row is counted
// in exactly one outcome, every printed message is valid per DecodeEvent,
// with a namespaced id and the same count of invalid rows skipped.
func TestEventsPublishDryRun(t *testing.T) {
	gdelt, _ := filepath.Glob(rawData + "gdelt2-export-*/*.export.CSV")
	samples := []struct {
		format, file, prefix string
		header               int
	}{
		{formatICEWS, rawData + "icews-sample-andybega/icews_sample.tsv", "icews:", 1},
		{formatGDELT, "../../ingest/testdata/events/gdelt2-excerpt.export.CSV", "gdelt:", 0},
		{formatICEWS, "../../ingest/testdata/events/icews-excerpt-dataverse-header.tsv", "icews:", 1},
	}
	for _, f := range gdelt {
		samples = append(samples, struct {
			format, file, prefix string
			header               int
		}{formatGDELT, f, "gdelt:", 0})
	}
	if len(gdelt) < 2 {
		t.Errorf("found %d GDELT samples, want the 2 real exports", len(gdelt))
	}
	for _, s := range samples {
		t.Run(s.format+"/"+filepath.Base(s.file), func(t *testing.T) {
			stdout, stderr := dryRun(t, s.format, s.file)
			rows, totals, reasons := outcomes(t, stderr)
			if want := countLines(t, s.file) - s.header; rows != want {
				t.Errorf("rows read %d, the file has %d", rows, want)
			}
			if got := totals["invalid"] + totals["event only"] + totals["claims"]; got != rows {
				t.Errorf("outcomes add up to %d, rows read %d", got, rows)
			}
			for r := range reasons["invalid"] {
				if !isReason(r) {
					t.Errorf("invalid reason %q is not in ingest.Reasons", r)
				}
			}
			for r := range reasons["event only"] {
				if !isNoClaimReason(r) {
					t.Errorf("event-only reason %q is not in ingest.NoClaimReasons", r)
				}
			}
			ids := map[string]bool{}
			claims := 0
			sc := bufio.NewScanner(strings.NewReader(stdout))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var head struct {
					ID string `json:"id"`
				}
				if err := json.Unmarshal(sc.Bytes(), &head); err != nil {
					t.Fatalf("not JSON: %s", sc.Text())
				}
				m, err := ingest.DecodeEvent([]byte(head.ID), sc.Bytes(), 0)
				if err != nil {
					t.Fatalf("%s: %v", head.ID, err)
				}
				if !strings.HasPrefix(m.ID, s.prefix) || ids[m.ID] {
					t.Errorf("id %q: want a unique id starting %s", m.ID, s.prefix)
				}
				ids[m.ID] = true
				if _, out := ingest.EventToGraph(m); out.Kind == ingest.OutcomeClaim {
					claims++
				}
			}
			if len(ids) != rows-totals["invalid"] {
				t.Errorf("%d messages printed, want %d rows - %d invalid", len(ids), rows, totals["invalid"])
			}
			if claims != totals["claims"] {
				t.Errorf("%d printed messages assert a claim, the summary says %d", claims, totals["claims"])
			}
			t.Logf("%s", stderr[summaryLine.FindStringIndex(stderr)[0]:])
		})
	}
}

// Bad rows are reported with their line and reason, counted and skipped,
// the good row is printed, and kg exits with status 1.
func TestEventsPublishDryRunCountsBadRows(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../ingest/testdata/events/gdelt2-excerpt.export.CSV")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(good), "\n")
	cols := strings.Split(first, "\t")
	cols[26] = "999" // EventCode: no such CAMEO code
	bad := strings.Join(cols, "\t")
	path := filepath.Join(dir, "mixed.CSV")
	if err := os.WriteFile(path, []byte(first+"\nnot\ta\trow\n"+bad+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := dryRunStatus(formatGDELT, path)
	if code := exitCode(err); code != 1 {
		t.Errorf("exit status %d (%v), want 1 for rejected rows", code, err)
	}
	if !strings.Contains(stderr, "kg: 2 input lines, rows or files rejected") {
		t.Errorf("stderr does not end with the count of rejected rows:\n%s", stderr)
	}
	rows, totals, reasons := outcomes(t, stderr)
	if rows != 3 || totals["invalid"] != 2 || reasons["invalid"]["bad-row"] != 1 || reasons["invalid"]["invalid-field"] != 1 {
		t.Errorf("rows %d, totals %v, reasons %v; want 3 rows, 2 invalid (bad-row, invalid-field)", rows, totals, reasons)
	}
	if !strings.Contains(stderr, "mixed.CSV:2: skipped: bad-row") || !strings.Contains(stderr, "mixed.CSV:3: skipped: invalid-field") {
		t.Errorf("stderr does not name the bad rows:\n%s", stderr)
	}
	if n := strings.Count(stdout, "\n"); n != 1 {
		t.Errorf("%d messages printed, want 1", n)
	}
}

func isReason(s string) bool {
	for _, r := range ingest.Reasons {
		if string(r) == s {
			return true
		}
	}
	return false
}

func isNoClaimReason(s string) bool {
	for _, r := range ingest.NoClaimReasons {
		if string(r) == s {
			return true
		}
	}
	return false
}
