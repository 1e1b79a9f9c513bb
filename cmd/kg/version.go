package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/newsgraph/kg/ingest"
)

// The version and commit of this build, set by the linker where the build
// knows them (make build and deploy/Dockerfile pass
// -ldflags "-X main.version=... -X main.commit=..."): the Makefile builds
// with -buildvcs=false and the image build has no .git, so Go's own VCS
// stamp is absent there. Empty means unknown; versionText then falls back
// to the build information Go records.
var (
	version string
	commit  string
)

// versionText is what kg --version prints: the version and commit of the
// binary, and the extractor versions it records on articles and claims, so
// that a report about a graph can be matched with the code that made it.
// The linker-set values win over info, which may be nil.
func versionText(linkVersion, linkCommit string, info *debug.BuildInfo) string {
	v, c, modified := linkVersion, linkCommit, false
	if info != nil {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if c == "" {
					c = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true" && linkCommit == ""
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	if c == "" {
		c = "unknown"
	} else if modified {
		c += " (modified)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "kg %s\n", v)
	fmt.Fprintf(&b, "commit %s\n", c)
	if info != nil && info.GoVersion != "" {
		fmt.Fprintf(&b, "go %s\n", info.GoVersion)
	}
	fmt.Fprintf(&b, "extractor %s (KG_PARSER=corenlp, the default), %s (KG_PARSER=off)\n",
		ingest.FramesVersion, ingest.ExtractorVersion)
	fmt.Fprintf(&b, "event mapping %s\n", ingest.EventMappingVersion)
	return b.String()
}

// buildVersion is versionText for this binary.
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionText(version, commit, info)
}
