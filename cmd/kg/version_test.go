package main

import (
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/kg/ingest"
)

// kg --version prints the same as the function, and exits 0.
func TestVersionFlag(t *testing.T) {
	stdout, stderr, err := runKG(t, os.Environ(), "--version")
	if err != nil {
		t.Fatalf("kg --version: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(stdout, "kg ") || !strings.Contains(stdout, "\ncommit ") ||
		!strings.Contains(stdout, "extractor "+ingest.FramesVersion) {
		t.Errorf("kg --version printed:\n%s", stdout)
	}
}
