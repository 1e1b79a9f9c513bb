package deploy_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/types"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/newsgraph/kg/corenlp"
)

// The parser's image: its Dockerfile and its build context, the folder of
// the pom that deploy/local/services resolves too.
const (
	parserDockerfile = "corenlp/Dockerfile"
	parserContext    = "local/corenlp"
)

// measuredRSS is the parser's resident set measured under load with the
// heap below (deploy/README.md): requests must cover it.
var measuredRSS = resource.MustParse("1400Mi")

// parserImage is what the tests read from deploy/corenlp/Dockerfile.
type parserImage struct {
	server map[string]string // the server's -flag value pairs, from CMD
	expose []string
	health string // the HEALTHCHECK instruction
	heap   string // -Xmx of JAVA_TOOL_OPTIONS
}

func readParserDockerfile(t *testing.T) parserImage {
	t.Helper()
	ins := parseDockerfile(t, parserDockerfile)
	var img parserImage
	var stages []string
	var final []instruction
	for _, in := range ins {
		if in.cmd == "FROM" {
			m := fromImage.FindStringSubmatch(in.args)
			if m == nil || m[2] == "" || m[2] == "latest" {
				t.Errorf("%s:%d: FROM %s is not pinned by tag", parserDockerfile, in.line, in.args)
				continue
			}
			stages = append(stages, m[3])
			final = []instruction{in}
			continue
		}
		final = append(final, in)
	}
	if len(stages) < 2 {
		t.Fatalf("%s: %d stages, want one resolving the jars and a runtime stage", parserDockerfile, len(stages))
	}
	if !strings.Contains(final[0].args, "17") || !strings.Contains(final[0].args, "jre") {
		t.Errorf("%s: runtime stage FROM %s, want a Java 17 JRE", parserDockerfile, final[0].args)
	}

	resolves := false
	for _, in := range ins {
		if in.cmd == "RUN" && strings.Contains(in.args, "mvn") && strings.Contains(in.args, "dependency:copy-dependencies") &&
			strings.Contains(in.args, "pom.xml") {
			resolves = true
		}
		// Everything the image copies from the context exists in it.
		if in.cmd == "COPY" && !strings.HasPrefix(in.args, "--from=") {
			f := strings.Fields(in.args)
			for _, src := range f[:len(f)-1] {
				if _, err := os.Stat(filepath.Join(parserContext, src)); err != nil {
					t.Errorf("%s:%d: COPY %s: not in the build context %s: %v", parserDockerfile, in.line, src, parserContext, err)
				}
			}
		}
	}
	if !resolves {
		t.Errorf("%s: no RUN of mvn dependency:copy-dependencies on pom.xml", parserDockerfile)
	}

	argv := func(cmd string) []string {
		var found []string
		n := 0
		for _, in := range final {
			if in.cmd == cmd {
				n++
				if err := json.Unmarshal([]byte(in.args), &found); err != nil {
					t.Fatalf("%s:%d: %s is not the exec (JSON) form: %v", parserDockerfile, in.line, cmd, err)
				}
			}
		}
		if n != 1 {
			t.Fatalf("%s: final stage has %d %s, want 1", parserDockerfile, n, cmd)
		}
		return found
	}
	ep := argv("ENTRYPOINT")
	if len(ep) == 0 || ep[0] != "java" || ep[len(ep)-1] != "edu.stanford.nlp.pipeline.StanfordCoreNLPServer" {
		t.Errorf("%s: ENTRYPOINT %q, want java ... edu.stanford.nlp.pipeline.StanfordCoreNLPServer", parserDockerfile, ep)
	}
	cmd := argv("CMD")
	img.server = map[string]string{}
	for i := 0; i < len(cmd); i++ {
		if !strings.HasPrefix(cmd[i], "-") {
			t.Fatalf("%s: CMD %q: %q is not a -flag", parserDockerfile, cmd, cmd[i])
		}
		if i+1 < len(cmd) && !strings.HasPrefix(cmd[i+1], "-") {
			img.server[cmd[i]] = cmd[i+1]
			i++
		} else {
			img.server[cmd[i]] = "" // a flag without a value, -quiet
		}
	}
	for _, in := range final {
		switch in.cmd {
		case "EXPOSE":
			img.expose = append(img.expose, strings.Fields(in.args)...)
		case "HEALTHCHECK":
			img.health = in.args
		case "USER":
			uid, _, _ := strings.Cut(in.args, ":")
			if n, err := strconv.Atoi(uid); err != nil || n == 0 {
				t.Errorf("%s: USER %s, want a numeric non-root uid", parserDockerfile, in.args)
			}
		case "ENV":
			if m := regexp.MustCompile(`JAVA_TOOL_OPTIONS="[^"]*(-Xmx\w+)`).FindStringSubmatch(in.args); m != nil {
				img.heap = m[1]
			}
		}
	}
	return img
}

// heapBytes parses -Xmx2g and the like.
func heapBytes(t *testing.T, xmx string) int64 {
	t.Helper()
	m := regexp.MustCompile(`^-Xmx(\d+)([kKmMgG])$`).FindStringSubmatch(xmx)
	if m == nil {
		t.Fatalf("heap %q: want -Xmx<n>k|m|g", xmx)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	shift := map[string]int{"k": 10, "m": 20, "g": 30}[strings.ToLower(m[2])]
	return n << shift
}

// TestParserDockerfile: the image resolves the pom the local services use,
// runs the server with the annotators the client asks for, and says when
// it is ready.
func TestParserDockerfile(t *testing.T) {
	img := readParserDockerfile(t)
	if got, want := img.server["-preload"], corenlp.Annotators; got != want {
		t.Errorf("-preload %q, want the client's annotators %q", got, want)
	}
	for _, flag := range []string{"-port", "-status_port", "-threads", "-timeout"} {
		if _, err := strconv.Atoi(img.server[flag]); err != nil {
			t.Errorf("server flag %s = %q, want a number", flag, img.server[flag])
		}
	}
	if _, ok := img.server["-quiet"]; !ok {
		t.Errorf("server without -quiet: it would log every request's text")
	}
	if ms, _ := strconv.Atoi(img.server["-timeout"]); ms < 1000 || ms > int(corenlp.DefaultRequestTimeout.Milliseconds()) {
		t.Errorf("-timeout %dms, want between 1s and the client's request timeout %s", ms, corenlp.DefaultRequestTimeout)
	}
	for _, p := range []string{img.server["-port"], img.server["-status_port"]} {
		if !slices.Contains(img.expose, p) {
			t.Errorf("EXPOSE %v lacks port %s", img.expose, p)
		}
	}
	if !strings.Contains(img.health, "/ready") || !strings.Contains(img.health, "/"+img.server["-status_port"]) {
		t.Errorf("HEALTHCHECK %q, want a GET of /ready on the status port %s", img.health, img.server["-status_port"])
	}
	if img.heap == "" {
		t.Errorf("no -Xmx in JAVA_TOOL_OPTIONS: the JVM would size its heap from the host")
	}

	pom, err := os.ReadFile(filepath.Join(parserContext, "pom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<artifactId>stanford-corenlp</artifactId>", "<corenlp.version>4.5.10</corenlp.version>", "<classifier>models</classifier>"} {
		if !strings.Contains(string(pom), want) {
			t.Errorf("%s/pom.xml: no %s", parserContext, want)
		}
	}
	// The GPL note: the project ships no CoreNLP code.
	df, _ := os.ReadFile(parserDockerfile)
	if !strings.Contains(string(df), "GPL v3") {
		t.Errorf("%s: no licensing note (CoreNLP is GPL v3)", parserDockerfile)
	}
}

// TestComposeParser: Compose builds the parser from its Dockerfile, waits
// for it to be healthy before the workers start, and points them at it.
func TestComposeParser(t *testing.T) {
	p := loadProject(t)
	img := readParserDockerfile(t)
	c := service(t, p, "corenlp")
	if c.Build == nil {
		t.Fatalf("corenlp: no build")
	}
	wd, _ := filepath.Abs(".")
	ctx, _ := filepath.Abs(parserContext)
	if c.Build.Context != ctx {
		t.Errorf("corenlp: build context %s, want %s", c.Build.Context, ctx)
	}
	df := c.Build.Dockerfile
	if !filepath.IsAbs(df) {
		df = filepath.Join(c.Build.Context, df)
	}
	if want := filepath.Join(wd, parserDockerfile); filepath.Clean(df) != want {
		t.Errorf("corenlp: dockerfile %s, want %s", df, want)
	}
	if c.Image == "" || c.Image == service(t, p, "worker").Image {
		t.Errorf("corenlp: image %q, want a name of its own", c.Image)
	}
	hc := c.HealthCheck
	if hc == nil || hc.Disable || !strings.Contains(strings.Join(hc.Test, " "), "/ready") ||
		!strings.Contains(strings.Join(hc.Test, " "), "/"+img.server["-status_port"]) {
		t.Errorf("corenlp: healthcheck %+v, want a GET of /ready on the status port", hc)
	}
	if hc != nil && (hc.StartPeriod == nil || *hc.StartPeriod < types.Duration(60e9)) {
		t.Errorf("corenlp: healthcheck start_period %v, want a minute or more for the models to load", hc.StartPeriod)
	}
	if len(c.Ports) > 0 {
		t.Errorf("corenlp: published ports %v; only the workers on the network need it", c.Ports)
	}
	if c.Deploy == nil || c.Deploy.Resources.Limits == nil ||
		int64(c.Deploy.Resources.Limits.MemoryBytes) <= heapBytes(t, heapOf(t, env(c)["JAVA_TOOL_OPTIONS"])) {
		t.Errorf("corenlp: want a memory limit above the -Xmx of JAVA_TOOL_OPTIONS")
	}

	w := service(t, p, "worker")
	if dep, ok := w.DependsOn["corenlp"]; !ok || dep.Condition != types.ServiceConditionHealthy {
		t.Errorf("worker: depends_on corenlp %+v, want condition %s", dep, types.ServiceConditionHealthy)
	}
	u, err := url.Parse(env(w)["KG_PARSER_URL"])
	if err != nil || u.Scheme != "http" || u.Hostname() != "corenlp" || u.Port() != img.server["-port"] {
		t.Errorf("worker: KG_PARSER_URL %q, want http://corenlp:%s", env(w)["KG_PARSER_URL"], img.server["-port"])
	}
	if _, ok := env(service(t, p, "schema"))["KG_PARSER_URL"]; ok {
		t.Errorf("schema: has KG_PARSER_URL; only the workers parse")
	}
}

func heapOf(t *testing.T, opts string) string {
	t.Helper()
	for _, f := range strings.Fields(opts) {
		if strings.HasPrefix(f, "-Xmx") {
			return f
		}
	}
	t.Fatalf("JAVA_TOOL_OPTIONS %q: no -Xmx", opts)
	return ""
}

// TestParserManifests: the parser's Deployment and Service, the probes on
// the ports the image serves, resources sized from the measurements, and
// the workers' KG_PARSER_URL naming the Service.
func TestParserManifests(t *testing.T) {
	m := loadManifests(t)
	img := readParserDockerfile(t)
	cs := m.parser.Spec.Template.Spec.Containers
	if len(cs) != 1 {
		t.Fatalf("Deployment %s: %d containers, want 1", m.parser.Name, len(cs))
	}
	c := cs[0]
	if !strings.Contains(c.Image, "corenlp") || c.Image == worker(t, m).Image {
		t.Errorf("parser image %q, want the image of %s (a name with corenlp)", c.Image, parserDockerfile)
	}
	ports := map[string]int32{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	if got, want := strconv.Itoa(int(ports["http"])), img.server["-port"]; got != want {
		t.Errorf("container port http = %s, want the server's -port %s", got, want)
	}
	if got, want := strconv.Itoa(int(ports["status"])), img.server["-status_port"]; got != want {
		t.Errorf("container port status = %s, want the server's -status_port %s", got, want)
	}
	for _, tc := range []struct {
		name  string
		probe *corev1.Probe
		path  string
	}{
		{"startupProbe", c.StartupProbe, "/ready"},
		{"readinessProbe", c.ReadinessProbe, "/ready"},
		{"livenessProbe", c.LivenessProbe, "/live"},
	} {
		if tc.probe == nil || tc.probe.HTTPGet == nil {
			t.Errorf("parser %s: want an HTTP GET of %s", tc.name, tc.path)
			continue
		}
		if g := tc.probe.HTTPGet; g.Path != tc.path || g.Port.String() != "status" {
			t.Errorf("parser %s: GET %s on port %s, want %s on status (probes on the annotation port queue behind requests)",
				tc.name, g.Path, g.Port.String(), tc.path)
		}
	}
	if sp := c.StartupProbe; sp != nil && sp.PeriodSeconds*sp.FailureThreshold < 120 {
		t.Errorf("parser startupProbe allows %ds, want at least 120s to load the models", sp.PeriodSeconds*sp.FailureThreshold)
	}

	req, lim := c.Resources.Requests, c.Resources.Limits
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		rq, ok1 := req[r]
		l, ok2 := lim[r]
		if !ok1 || !ok2 || rq.Cmp(l) > 0 {
			t.Errorf("parser %s: request %v, limit %v; want both, request <= limit", r, req[r], lim[r])
		}
	}
	memReq, memLim := req[corev1.ResourceMemory], lim[corev1.ResourceMemory]
	if memReq.Cmp(measuredRSS) < 0 {
		t.Errorf("parser memory request %s below the measured RSS %s", memReq.String(), measuredRSS.String())
	}
	raw, ok := envValue(c, "JAVA_TOOL_OPTIONS")
	if !ok {
		t.Fatalf("parser: no JAVA_TOOL_OPTIONS with the heap")
	}
	if heap := heapBytes(t, heapOf(t, raw)); memLim.Value() < heap+512<<20 {
		t.Errorf("parser memory limit %s leaves under 512 MiB above the heap %s for the JVM itself", memLim.String(), heapOf(t, raw))
	}
	threads, _ := strconv.Atoi(img.server["-threads"])
	if cpu := lim[corev1.ResourceCPU]; cpu.MilliValue() < int64(threads)*1000 {
		t.Errorf("parser CPU limit %s below its %d threads", cpu.String(), threads)
	}
	serverTimeout, _ := strconv.Atoi(img.server["-timeout"])
	if g := m.parser.Spec.Template.Spec.TerminationGracePeriodSeconds; g == nil || int(*g)*1000 <= serverTimeout {
		t.Errorf("parser terminationGracePeriodSeconds %v, want more than the server's -timeout %dms", g, serverTimeout)
	}
	// A read-only root needs a writable java.io.tmpdir.
	tmp := false
	for _, vm := range c.VolumeMounts {
		tmp = tmp || vm.MountPath == "/tmp"
	}
	if !tmp {
		t.Errorf("parser: no volume at /tmp (java.io.tmpdir) under a read-only root filesystem")
	}

	svc := m.parserSvc
	sel := labels.SelectorFromSet(svc.Spec.Selector)
	if sel.Empty() || !sel.Matches(labels.Set(m.parser.Spec.Template.Labels)) {
		t.Errorf("Service %s: selector %v does not match the parser's pods", svc.Name, svc.Spec.Selector)
	}
	if sel.Matches(labels.Set(m.deployment.Spec.Template.Labels)) {
		t.Errorf("Service %s: selector %v also matches the workers", svc.Name, svc.Spec.Selector)
	}
	if len(svc.Spec.Ports) != 1 || svc.Spec.Ports[0].TargetPort != intstr.FromString("http") {
		t.Fatalf("Service %s: ports %+v, want one, to the container port http", svc.Name, svc.Spec.Ports)
	}
	want := "http://" + svc.Name + ":" + strconv.Itoa(int(svc.Spec.Ports[0].Port))
	if got := m.config.Data["KG_PARSER_URL"]; got != want {
		t.Errorf("configmap.yaml: KG_PARSER_URL = %q, want the Service, %q", got, want)
	}
	if m.parser.Spec.Replicas == nil || *m.parser.Spec.Replicas < 1 {
		t.Errorf("Deployment %s: replicas %v, want at least 1", m.parser.Name, m.parser.Spec.Replicas)
	}
	if m.scaled.Spec.ScaleTargetRef.Name == m.parser.Name {
		t.Errorf("the workers' ScaledObject scales the parser")
	}
}
