package main

import (
	"runtime/debug"

	"github.com/newsgraph/kg/render"
)

// The version and commit of this build, set by the linker where the build
// knows them (make build and deploy/Dockerfile pass
// -ldflags "-X main.version=... -X main.commit=..."): the Makefile builds
// with -buildvcs=false and the image build has no .git, so Go's own VCS
// stamp is absent there. Empty means unknown; render.Version then falls back
// to the build information Go records.
var (
	version string
	commit  string
)

// buildVersion is render.Version for this binary.
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return render.Version(version, commit, info)
}
