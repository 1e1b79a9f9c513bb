package render

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/newsgraph/kg/ingest"
)

func TestVersionText(t *testing.T) {
	vcs := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.modified", Value: "true"},
	}}
	tagged := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}}
	for _, c := range []struct {
		name          string
		linkV, linkC  string
		info          *debug.BuildInfo
		version, line string
	}{
		{"linker values win", "v2.0.0", "feedface", vcs, "kg v2.0.0", "commit feedface\n"},
		{"vcs stamp", "", "", vcs, "kg dev", "commit 0123abcd (modified)\n"},
		{"module version", "", "", tagged, "kg v1.2.3", "commit unknown\n"},
		{"nothing known", "", "", nil, "kg dev", "commit unknown\n"},
	} {
		got := Version(c.linkV, c.linkC, c.info)
		if first, _, _ := strings.Cut(got, "\n"); first != c.version {
			t.Errorf("%s: first line %q, want %q", c.name, first, c.version)
		}
		if !strings.Contains(got, "\n"+c.line) {
			t.Errorf("%s: no line %q in\n%s", c.name, c.line, got)
		}
		for _, want := range []string{ingest.FramesVersion, ingest.ExtractorVersion, ingest.EventMappingVersion} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: lacks the extractor version %s:\n%s", c.name, want, got)
			}
		}
	}
}
