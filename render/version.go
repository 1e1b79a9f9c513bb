package render

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/newsgraph/kg/ingest"
)

// Version is what kg --version prints: the version and commit of the
// binary, and the extractor versions it records on articles and claims, so
// that a report about a graph can be matched with the code that made it.
// The linker-set values win over info, which may be nil.
func Version(linkVersion, linkCommit string, info *debug.BuildInfo) string {
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
