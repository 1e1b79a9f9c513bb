package deploy_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/newsgraph/kg/consumers"
)

const composeFile = "docker-compose.yml"

// composeEnv stands in for deploy/.env, which is not committed: the values
// of .env.example.
func composeEnv(t *testing.T) map[string]string {
	t.Helper()
	env, err := dotenv.Read(".env.example")
	if err != nil {
		t.Fatalf(".env.example: %v", err)
	}
	return env
}

// loadCompose loads a Compose file with the Compose specification's own
// loader, with its JSON-schema validation (unknown keys are errors),
// interpolation from env and its consistency checks, as docker compose
// would before it starts anything.
func loadCompose(t *testing.T, content []byte, env map[string]string) (*types.Project, error) {
	t.Helper()
	wd, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	return loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  wd,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(wd, composeFile), Content: content}},
		Environment: env,
	})
}

func loadProject(t *testing.T) *types.Project {
	t.Helper()
	content, err := os.ReadFile(composeFile)
	if err != nil {
		t.Fatal(err)
	}
	p, err := loadCompose(t, content, composeEnv(t))
	if err != nil {
		t.Fatalf("%s: %v", composeFile, err)
	}
	return p
}

func service(t *testing.T, p *types.Project, name string) types.ServiceConfig {
	t.Helper()
	s, ok := p.Services[name]
	if !ok {
		t.Fatalf("%s: no service %s (have %v)", composeFile, name, slices.Sorted(func(yield func(string) bool) {
			for n := range p.Services {
				if !yield(n) {
					return
				}
			}
		}))
	}
	return s
}

// env is a service's resolved environment.
func env(s types.ServiceConfig) map[string]string {
	out := map[string]string{}
	for k, v := range s.Environment {
		if v != nil {
			out[k] = *v
		}
	}
	return out
}

// isWorker says whether a service runs kg worker.
func isWorker(s types.ServiceConfig) bool {
	return len(s.Command) > 0 && s.Command[0] == "worker"
}

// TestComposeValidationIsStrict shows that the loader as called here
// refuses a misspelled key and a missing secret, so the passing load of the
// real file means something.
func TestComposeValidationIsStrict(t *testing.T) {
	content, err := os.ReadFile(composeFile)
	if err != nil {
		t.Fatal(err)
	}
	typo := strings.Replace(string(content), "stop_grace_period:", "stop_grace_periode:", 1)
	if typo == string(content) {
		t.Fatal("no stop_grace_period in the Compose file to misspell")
	}
	if _, err := loadCompose(t, []byte(typo), composeEnv(t)); err == nil {
		t.Errorf("the loader accepted a misspelled key (stop_grace_periode)")
	}
	noSecret := composeEnv(t)
	delete(noSecret, "NEO4J_PASSWORD")
	if _, err := loadCompose(t, content, noSecret); err == nil || !strings.Contains(err.Error(), "NEO4J_PASSWORD") {
		t.Errorf("without NEO4J_PASSWORD: err = %v, want one naming NEO4J_PASSWORD", err)
	}
}

func TestComposeServices(t *testing.T) {
	p := loadProject(t)
	for _, name := range []string{"kafka", "neo4j", "topics", "schema"} {
		service(t, p, name)
	}
	replicas := 0
	var workers []string
	for name, s := range p.Services {
		if isWorker(s) {
			workers = append(workers, name)
			replicas += s.GetScale()
		}
	}
	if got, want := replicas, 2; got != want {
		t.Errorf("worker replicas in all (services %v) = %d, want %d", workers, got, want)
	}

	for _, tc := range []struct {
		service, dependency, condition string
	}{
		{"topics", "kafka", types.ServiceConditionHealthy},
		{"schema", "neo4j", types.ServiceConditionHealthy},
		{"worker", "kafka", types.ServiceConditionHealthy},
		{"worker", "neo4j", types.ServiceConditionHealthy},
		{"worker", "topics", types.ServiceConditionCompletedSuccessfully},
		{"worker", "schema", types.ServiceConditionCompletedSuccessfully},
	} {
		dep, ok := service(t, p, tc.service).DependsOn[tc.dependency]
		if !ok {
			t.Errorf("%s: no depends_on %s", tc.service, tc.dependency)
			continue
		}
		if got := dep.Condition; got != tc.condition {
			t.Errorf("%s depends_on %s: condition %q, want %q", tc.service, tc.dependency, got, tc.condition)
		}
	}

	for _, name := range []string{"kafka", "neo4j"} {
		hc := service(t, p, name).HealthCheck
		if hc == nil || hc.Disable || len(hc.Test) < 2 || hc.Test[0] == "NONE" {
			t.Errorf("%s: no healthcheck", name)
		}
	}

	for _, tc := range []struct {
		service string
		restart []string
	}{
		{"topics", []string{types.RestartPolicyNo}},
		{"schema", []string{types.RestartPolicyNo}},
		{"worker", []string{types.RestartPolicyUnlessStopped, types.RestartPolicyAlways, types.RestartPolicyOnFailure}},
	} {
		if got := service(t, p, tc.service).Restart; !slices.Contains(tc.restart, got) {
			t.Errorf("%s: restart %q, want one of %q", tc.service, got, tc.restart)
		}
	}

	schema, worker := service(t, p, "schema"), service(t, p, "worker")
	if got, want := strings.Join(schema.Command, " "), "schema apply"; got != want {
		t.Errorf("schema: command %q, want %q", got, want)
	}
	for _, s := range []types.ServiceConfig{schema, worker} {
		if s.Build == nil || s.Build.Dockerfile != "deploy/Dockerfile" {
			t.Errorf("%s: want a build with dockerfile deploy/Dockerfile, got %+v", s.Name, s.Build)
			continue
		}
		// The build context is the repository root.
		if _, err := os.Stat(filepath.Join(s.Build.Context, "go.mod")); err != nil {
			t.Errorf("%s: build context %s is not the module root: %v", s.Name, s.Build.Context, err)
		}
	}
	if schema.Image == "" || worker.Image != schema.Image {
		t.Errorf("worker image %q, want the image the schema service builds (%q)", worker.Image, schema.Image)
	}
}

// TestComposeWorkerEnvironment: the workers and the schema job get only
// variables cmd/kg knows, with values it parses, the password from .env,
// and addresses of this project's services.
func TestComposeWorkerEnvironment(t *testing.T) {
	p := loadProject(t)
	password := composeEnv(t)["NEO4J_PASSWORD"]
	for _, name := range []string{"worker", "schema"} {
		e := env(service(t, p, name))
		checkKGEnv(t, composeFile+" service "+name, e)
		if got := e["KG_NEO4J_PASSWORD"]; got != password {
			t.Errorf("%s: KG_NEO4J_PASSWORD is not NEO4J_PASSWORD from .env", name)
		}
		for _, tc := range []struct{ key, wantHost string }{
			{"KG_KAFKA_BROKERS", "kafka:"},
			{"KG_NEO4J_URI", "bolt://neo4j:"},
		} {
			if got := e[tc.key]; !strings.HasPrefix(got, tc.wantHost) {
				t.Errorf("%s: %s = %q, want %s...", name, tc.key, got, tc.wantHost)
			}
		}
	}
	if got, want := env(service(t, p, "neo4j"))["NEO4J_AUTH"], "neo4j/"+password; got != want {
		t.Errorf("neo4j: NEO4J_AUTH is not neo4j/ + NEO4J_PASSWORD from .env")
	}

	w := service(t, p, "worker")
	we := env(w)
	timeout, err := time.ParseDuration(we["KG_SHUTDOWN_TIMEOUT"])
	if err != nil {
		t.Fatalf("worker: KG_SHUTDOWN_TIMEOUT: %v", err)
	}
	if w.StopGracePeriod == nil || time.Duration(*w.StopGracePeriod) <= timeout {
		t.Errorf("worker: stop_grace_period %v, want more than KG_SHUTDOWN_TIMEOUT %s (Docker's default is 10s)", w.StopGracePeriod, timeout)
	}
	if w.HealthCheck != nil && !w.HealthCheck.Disable {
		t.Errorf("worker: a healthcheck cannot run in the distroless image (no shell, no HTTP client)")
	}
	if len(w.Ports) > 0 {
		t.Errorf("worker: published ports collide between replicas; use expose")
	}
	if soft, err := goMemLimit(we["GOMEMLIMIT"]); err != nil {
		t.Errorf("worker: %v", err)
	} else if w.Deploy == nil || w.Deploy.Resources.Limits == nil || int64(w.Deploy.Resources.Limits.MemoryBytes) <= soft {
		t.Errorf("worker: want a memory limit above GOMEMLIMIT %s", we["GOMEMLIMIT"])
	}
	if we["GODEBUG"] != consumers.WorkerGODEBUG {
		t.Errorf("worker: GODEBUG %q, want %q as kg bench measures it", we["GODEBUG"], consumers.WorkerGODEBUG)
	}
}

// composeVarRef matches ${NAME...} in a Compose file; $${...} is escaped and
// left to the container's shell.
var composeVarRef = regexp.MustCompile(`(^|[^$])\$\{([A-Za-z_][A-Za-z0-9_]*)`)

// TestComposeEnvExample: every variable the Compose file interpolates is
// documented in .env.example, the password is long enough for Neo4j, and
// the real .env stays out of git and out of the image.
func TestComposeEnvExample(t *testing.T) {
	content, err := os.ReadFile(composeFile)
	if err != nil {
		t.Fatal(err)
	}
	example := composeEnv(t)
	for _, m := range composeVarRef.FindAllStringSubmatch(string(content), -1) {
		if _, ok := example[m[2]]; !ok {
			t.Errorf("%s uses ${%s}, which .env.example does not document", composeFile, m[2])
		}
	}
	if pw := example["NEO4J_PASSWORD"]; len(pw) < 8 {
		t.Errorf(".env.example: NEO4J_PASSWORD has %d characters; Neo4j 5 wants at least 8", len(pw))
	}
	for _, tc := range []struct{ file, pattern string }{
		{".gitignore", ".env"},
		{filepath.Join("..", ".dockerignore"), "**/.env"},
	} {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if !slices.Contains(strings.Split(string(b), "\n"), tc.pattern) {
			t.Errorf("%s: no line %q", tc.file, tc.pattern)
		}
	}
}

// topicPartitions matches the creation of the article topic in the topics
// service.
var topicPartitions = regexp.MustCompile(`--topic articles --partitions (\d+)`)

// TestComposeTopicsMatchScaling: the article topic Compose creates has the
// partitions that the ScaledObject was sized for.
func TestComposeTopicsMatchScaling(t *testing.T) {
	p := loadProject(t)
	m := loadManifests(t)
	cmd := strings.Join(service(t, p, "topics").Command, " ")
	match := topicPartitions.FindStringSubmatch(cmd)
	if match == nil {
		t.Fatalf("topics: no creation of the articles topic with --partitions in %q", cmd)
	}
	if got, want := match[1], m.scaled.Metadata.Annotations[partitionsAnnotation]; got != want {
		t.Errorf("topics creates articles with %s partitions, the ScaledObject says %s", got, want)
	}
	if !strings.Contains(cmd, "--topic articles --partitions "+match[1]+" --config cleanup.policy=compact") {
		t.Errorf("topics: the articles topic is not created compacted: %q", cmd)
	}
	w := service(t, p, "worker")
	if n, _ := strconv.Atoi(match[1]); n < w.GetScale() {
		t.Errorf("topics: %d partitions for %d workers", n, w.GetScale())
	}
}
