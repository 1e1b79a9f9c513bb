package deploy_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"

	"github.com/newsgraph/kg/consumers"
)

// scaledObject is the part of KEDA's ScaledObject (keda.sh/v1alpha1) that
// scaledobject.yaml uses. KEDA's own Go module brings a large dependency
// tree for one type; this struct is decoded with unknown fields refused, so
// a field the file uses must be declared here with KEDA's JSON name.
type scaledObject struct {
	metav1.TypeMeta `json:",inline"`
	Metadata        metav1.ObjectMeta `json:"metadata"`
	Spec            struct {
		ScaleTargetRef struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
			Name       string `json:"name"`
		} `json:"scaleTargetRef"`
		PollingInterval *int32 `json:"pollingInterval"`
		CooldownPeriod  *int32 `json:"cooldownPeriod"`
		MinReplicaCount *int32 `json:"minReplicaCount"`
		MaxReplicaCount *int32 `json:"maxReplicaCount"`
		Triggers        []struct {
			Type string `json:"type"`
			// KEDA takes trigger metadata as strings only.
			Metadata map[string]string `json:"metadata"`
		} `json:"triggers"`
	} `json:"spec"`
}

// partitionsAnnotation records on the ScaledObject how many partitions the
// article topic was created with.
const partitionsAnnotation = "kg/article-topic-partitions"

// manifests holds the decoded objects of deploy/k8s: one of each kind, but
// two Deployments, the workers' and the parser's.
type manifests struct {
	config     *corev1.ConfigMap
	secret     *corev1.Secret
	deployment *appsv1.Deployment // the workers
	pdb        *policyv1.PodDisruptionBudget
	job        *batchv1.Job
	scaled     *scaledObject
	parser     *appsv1.Deployment // the CoreNLP server
	parserSvc  *corev1.Service
}

// The names of the two Deployments.
const (
	workerDeployment = "kg-worker"
	parserDeployment = "kg-corenlp"
)

// decodeStrict decodes one YAML document as the API server receives it from
// kubectl: converted to JSON on its own (yaml.Unmarshal would instead coerce
// values to the target's types, accepting an unquoted number where the API
// wants a string), then decoded with duplicate keys and unknown fields as
// errors.
func decodeStrict(doc []byte, into any) error {
	j, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the document")
	}
	return nil
}

// yamlDocuments splits a file into its YAML documents, skipping empty ones.
func yamlDocuments(t *testing.T, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := utilyaml.NewYAMLReader(bufio.NewReader(f))
	var docs [][]byte
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			return docs
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(bytes.TrimSpace(stripComments(doc))) > 0 {
			docs = append(docs, doc)
		}
	}
}

func stripComments(doc []byte) []byte {
	var out []byte
	for _, line := range bytes.SplitAfter(doc, []byte("\n")) {
		if !bytes.HasPrefix(bytes.TrimSpace(line), []byte("#")) {
			out = append(out, line...)
		}
	}
	return out
}

// loadManifests decodes every document of every YAML file in deploy/k8s
// strictly into its Kubernetes type and fails on a kind it does not expect
// or on a kind found twice (Deployments: a name found twice, or a name
// other than the workers' and the parser's).
func loadManifests(t *testing.T) manifests {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("k8s", "*.y*ml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no YAML files in deploy/k8s (%v)", err)
	}
	var m manifests
	seen := map[string]string{}
	for _, file := range files {
		for i, doc := range yamlDocuments(t, file) {
			where := file + " document " + strconv.Itoa(i+1)
			var tm struct {
				metav1.TypeMeta `json:",inline"`
				Metadata        struct {
					Name string `json:"name"`
				} `json:"metadata"`
			}
			if err := yaml.Unmarshal(doc, &tm); err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			gvk := tm.APIVersion + "/" + tm.Kind
			key := gvk
			if gvk == "apps/v1/Deployment" {
				key += "/" + tm.Metadata.Name
			}
			if prev, ok := seen[key]; ok {
				t.Fatalf("%s: a second %s (the first is in %s)", where, key, prev)
			}
			seen[key] = where
			var into any
			switch gvk {
			case "v1/ConfigMap":
				m.config = &corev1.ConfigMap{}
				into = m.config
			case "v1/Secret":
				m.secret = &corev1.Secret{}
				into = m.secret
			case "apps/v1/Deployment":
				switch tm.Metadata.Name {
				case workerDeployment:
					m.deployment = &appsv1.Deployment{}
					into = m.deployment
				case parserDeployment:
					m.parser = &appsv1.Deployment{}
					into = m.parser
				default:
					t.Fatalf("%s: a Deployment %q, want %s or %s", where, tm.Metadata.Name, workerDeployment, parserDeployment)
				}
			case "v1/Service":
				m.parserSvc = &corev1.Service{}
				into = m.parserSvc
			case "policy/v1/PodDisruptionBudget":
				m.pdb = &policyv1.PodDisruptionBudget{}
				into = m.pdb
			case "batch/v1/Job":
				m.job = &batchv1.Job{}
				into = m.job
			case "keda.sh/v1alpha1/ScaledObject":
				m.scaled = &scaledObject{}
				into = m.scaled
			default:
				t.Fatalf("%s: unexpected object %s", where, gvk)
			}
			if err := decodeStrict(doc, into); err != nil {
				t.Fatalf("%s (%s): %v", where, gvk, err)
			}
		}
	}
	for gvk, got := range map[string]bool{
		"ConfigMap": m.config != nil, "Secret": m.secret != nil, "Deployment": m.deployment != nil,
		"PodDisruptionBudget": m.pdb != nil, "Job": m.job != nil, "ScaledObject": m.scaled != nil,
		"Deployment " + parserDeployment: m.parser != nil, "Service (of the parser)": m.parserSvc != nil,
	} {
		if !got {
			t.Errorf("deploy/k8s has no %s", gvk)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return m
}

// TestStrictDecodingRejectsTypos shows that the decoding above would catch a
// misspelled field, so the passing decode of the real files means something.
func TestStrictDecodingRejectsTypos(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  string
		into any
	}{
		{"deployment", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replica: 2\n", &appsv1.Deployment{}},
		{"probe", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: c\n    readinesProbe: {httpGet: {path: /readyz, port: 9464}}\n", &corev1.Pod{}},
		{"duplicate key", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  A: \"1\"\n  A: \"2\"\n", &corev1.ConfigMap{}},
		{"configmap value not a string", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  KG_BATCH_MAX_BYTES: 8388608\n", &corev1.ConfigMap{}},
		{"scaledobject", "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: x}\nspec:\n  maxReplicas: 6\n", &scaledObject{}},
		{"trigger metadata not a string", "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: x}\nspec:\n  triggers:\n  - type: kafka\n    metadata: {lagThreshold: 10}\n", &scaledObject{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := decodeStrict([]byte(tc.doc), tc.into); err == nil {
				t.Errorf("decodeStrict accepted a typo:\n%s", tc.doc)
			}
		})
	}
}

func TestManifestsDecodeStrictly(t *testing.T) {
	m := loadManifests(t)
	for _, tc := range []struct {
		kind, name string
		labels     map[string]string
	}{
		{"ConfigMap", m.config.Name, m.config.Labels},
		{"Secret", m.secret.Name, m.secret.Labels},
		{"Deployment", m.deployment.Name, m.deployment.Labels},
		{"PodDisruptionBudget", m.pdb.Name, m.pdb.Labels},
		{"Job", m.job.Name, m.job.Labels},
		{"ScaledObject", m.scaled.Metadata.Name, m.scaled.Metadata.Labels},
		{"Deployment", m.parser.Name, m.parser.Labels},
		{"Service", m.parserSvc.Name, m.parserSvc.Labels},
	} {
		if tc.name == "" {
			t.Errorf("%s has no metadata.name", tc.kind)
		}
		if got, want := tc.labels["app.kubernetes.io/part-of"], "kg"; got != want {
			t.Errorf("%s %s: label app.kubernetes.io/part-of = %q, want %q", tc.kind, tc.name, got, want)
		}
	}
}

// worker is the Deployment's worker container.
func worker(t *testing.T, m manifests) corev1.Container {
	t.Helper()
	cs := m.deployment.Spec.Template.Spec.Containers
	if len(cs) != 1 {
		t.Fatalf("Deployment %s: %d containers, want 1", m.deployment.Name, len(cs))
	}
	return cs[0]
}

func envValue(c corev1.Container, name string) (string, bool) {
	for _, e := range c.Env {
		if e.Name == name {
			return e.Value, true
		}
	}
	return "", false
}

func TestConfigMapAndSecretVariables(t *testing.T) {
	m := loadManifests(t)
	checkKGEnv(t, "configmap.yaml", m.config.Data)
	secrets := map[string]string{}
	for k, v := range m.secret.StringData {
		secrets[k] = v
	}
	for k, v := range m.secret.Data {
		secrets[k] = string(v)
	}
	checkKGEnv(t, "secret.yaml", secrets)

	for name := range m.config.Data {
		if !strings.HasPrefix(name, "KG_") {
			t.Errorf("configmap.yaml: %s is not a KG_ variable", name)
		}
		if isSecretName(name) {
			t.Errorf("configmap.yaml: %s is a secret; it belongs in secret.yaml", name)
		}
		if _, ok := secrets[name]; ok {
			t.Errorf("%s is in both configmap.yaml and secret.yaml", name)
		}
	}
	if len(m.config.BinaryData) > 0 {
		t.Errorf("configmap.yaml: binaryData is not read by kg")
	}

	if got, want := m.secret.Type, corev1.SecretTypeOpaque; got != want {
		t.Errorf("secret.yaml: type = %q, want %q", got, want)
	}
	if len(m.secret.Data) > 0 {
		t.Errorf("secret.yaml: use stringData with placeholders, not data")
	}
	for _, name := range []string{"KG_NEO4J_PASSWORD", "KG_KAFKA_SASL_PASSWORD"} {
		if _, ok := secrets[name]; !ok {
			t.Errorf("secret.yaml: no %s", name)
		}
	}
	for name, value := range secrets {
		if !isSecretName(name) {
			t.Errorf("secret.yaml: %s is not a secret; it belongs in configmap.yaml", name)
		}
		// A committed Secret holds placeholders only; real values come from
		// the cluster's secret store.
		if !strings.HasPrefix(value, "PLACEHOLDER") {
			t.Errorf("secret.yaml: %s does not hold a PLACEHOLDER value", name)
		}
	}
}

// TestWorkerShutdown: the kubelet's SIGKILL must come after the worker has
// had KG_SHUTDOWN_TIMEOUT to finish the batch in flight.
func TestWorkerShutdown(t *testing.T) {
	m := loadManifests(t)
	timeout, err := time.ParseDuration(m.config.Data["KG_SHUTDOWN_TIMEOUT"])
	if err != nil {
		t.Fatalf("configmap.yaml: KG_SHUTDOWN_TIMEOUT: %v", err)
	}
	grace := m.deployment.Spec.Template.Spec.TerminationGracePeriodSeconds
	if grace == nil {
		t.Fatalf("deployment.yaml: no terminationGracePeriodSeconds (the default 30s leaves no margin)")
	}
	if got, want := time.Duration(*grace)*time.Second, timeout; got <= want {
		t.Errorf("terminationGracePeriodSeconds = %s, want more than KG_SHUTDOWN_TIMEOUT %s", got, want)
	}
}

func TestWorkerProbesAndPort(t *testing.T) {
	m := loadManifests(t)
	c := worker(t, m)
	port := httpPort(t, m.config.Data["KG_HTTP_ADDR"])

	var metrics *corev1.ContainerPort
	for i := range c.Ports {
		if c.Ports[i].Name == "metrics" {
			metrics = &c.Ports[i]
		}
	}
	if metrics == nil {
		t.Fatalf("worker container: no port named metrics")
	}
	if got, want := int(metrics.ContainerPort), port; got != want {
		t.Errorf("port metrics = %d, want %d (KG_HTTP_ADDR)", got, want)
	}

	for _, tc := range []struct {
		name  string
		probe *corev1.Probe
		path  string
	}{
		{"readinessProbe", c.ReadinessProbe, "/readyz"},
		{"livenessProbe", c.LivenessProbe, "/healthz"},
		{"startupProbe", c.StartupProbe, "/healthz"},
	} {
		if tc.probe == nil || tc.probe.HTTPGet == nil {
			t.Errorf("%s: want an HTTP GET of %s", tc.name, tc.path)
			continue
		}
		g := tc.probe.HTTPGet
		if got, want := g.Path, tc.path; got != want {
			t.Errorf("%s: path = %q, want %q", tc.name, got, want)
		}
		if got := g.Port.String(); got != "metrics" && got != strconv.Itoa(port) {
			t.Errorf("%s: port = %q, want metrics or %d", tc.name, got, port)
		}
		// /readyz waits up to 3s for Neo4j; a shorter probe timeout would
		// report an outage as a probe failure of its own.
		if tc.probe.TimeoutSeconds < 4 {
			t.Errorf("%s: timeoutSeconds = %d, want at least 4 (/readyz may take 3s)", tc.name, tc.probe.TimeoutSeconds)
		}
	}

	ann := m.deployment.Spec.Template.Annotations
	for _, tc := range []struct{ key, want string }{
		{"prometheus.io/scrape", "true"},
		{"prometheus.io/port", strconv.Itoa(port)},
		{"prometheus.io/path", "/metrics"},
	} {
		if got := ann[tc.key]; got != tc.want {
			t.Errorf("pod annotation %s = %q, want %q", tc.key, got, tc.want)
		}
	}
}

// TestPodSecurity holds the worker and the schema Job to the same
// restrictions: non-root, read-only root, no capabilities, no escalation.
func TestPodSecurity(t *testing.T) {
	m := loadManifests(t)
	for _, tc := range []struct {
		name string
		spec corev1.PodSpec
	}{
		{"Deployment " + m.deployment.Name, m.deployment.Spec.Template.Spec},
		{"Job " + m.job.Name, m.job.Spec.Template.Spec},
		{"Deployment " + m.parser.Name, m.parser.Spec.Template.Spec},
	} {
		psc := tc.spec.SecurityContext
		if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot {
			t.Errorf("%s: pod securityContext.runAsNonRoot is not true", tc.name)
		}
		if psc != nil && psc.RunAsUser != nil && *psc.RunAsUser == 0 {
			t.Errorf("%s: runAsUser 0", tc.name)
		}
		if tc.spec.AutomountServiceAccountToken == nil || *tc.spec.AutomountServiceAccountToken {
			t.Errorf("%s: automountServiceAccountToken is not false (kg never calls the API server)", tc.name)
		}
		for _, c := range tc.spec.Containers {
			sc := c.SecurityContext
			if sc == nil {
				t.Errorf("%s container %s: no securityContext", tc.name, c.Name)
				continue
			}
			checks := []struct {
				what string
				ok   bool
			}{
				{"runAsNonRoot", sc.RunAsNonRoot != nil && *sc.RunAsNonRoot},
				{"readOnlyRootFilesystem", sc.ReadOnlyRootFilesystem != nil && *sc.ReadOnlyRootFilesystem},
				{"allowPrivilegeEscalation false", sc.AllowPrivilegeEscalation != nil && !*sc.AllowPrivilegeEscalation},
				{"capabilities drop ALL", sc.Capabilities != nil && slices.Contains(sc.Capabilities.Drop, corev1.Capability("ALL"))},
				{"no added capabilities", sc.Capabilities == nil || len(sc.Capabilities.Add) == 0},
				{"not privileged", sc.Privileged == nil || !*sc.Privileged},
			}
			for _, ch := range checks {
				if !ch.ok {
					t.Errorf("%s container %s: want %s", tc.name, c.Name, ch.what)
				}
			}
		}
	}
}

// TestWorkerMemory: the peak RSS target is 64 MiB + 2 x KG_BATCH_MAX_BYTES.
// GOMEMLIMIT lies between the fixed 64 MiB (below it the GC would run
// without pause on an ordinary heap) and the target (the heap overshoots a
// soft limit by what the runtime does not count), and under the
// container's hard limit, so the GC tightens before the kernel kills.
func TestWorkerMemory(t *testing.T) {
	m := loadManifests(t)
	batch, err := strconv.ParseInt(m.config.Data["KG_BATCH_MAX_BYTES"], 10, 64)
	if err != nil {
		t.Fatalf("configmap.yaml: KG_BATCH_MAX_BYTES: %v", err)
	}
	target := int64(64<<20) + 2*batch

	for _, tc := range []struct {
		name string
		c    corev1.Container
	}{
		{"worker", worker(t, m)},
		{"schema job", m.job.Spec.Template.Spec.Containers[0]},
	} {
		limits, requests := tc.c.Resources.Limits, tc.c.Resources.Requests
		for _, r := range []corev1.ResourceName{corev1.ResourceMemory, corev1.ResourceCPU} {
			lim, ok := limits[r]
			if !ok {
				t.Errorf("%s: no %s limit", tc.name, r)
				continue
			}
			req, ok := requests[r]
			if !ok {
				t.Errorf("%s: no %s request", tc.name, r)
				continue
			}
			if req.Cmp(lim) > 0 {
				t.Errorf("%s: %s request %s above its limit %s", tc.name, r, req.String(), lim.String())
			}
		}
		memLimit := limits[corev1.ResourceMemory]
		raw, ok := envValue(tc.c, "GOMEMLIMIT")
		if !ok {
			t.Errorf("%s: no GOMEMLIMIT", tc.name)
			continue
		}
		soft, err := goMemLimit(raw)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if soft >= memLimit.Value() {
			t.Errorf("%s: GOMEMLIMIT %s (%d bytes) is not below the memory limit %s (%d bytes)",
				tc.name, raw, soft, memLimit.String(), memLimit.Value())
		}
		if tc.name == "worker" {
			if v, _ := envValue(tc.c, "GODEBUG"); v != consumers.WorkerGODEBUG {
				t.Errorf("worker: GODEBUG %q, want %q as kg bench measures it", v, consumers.WorkerGODEBUG)
			}
			if soft < 64<<20 || soft > target {
				t.Errorf("worker: GOMEMLIMIT %s (%d bytes) is not between 64 MiB and the peak RSS target 64 MiB + 2 x KG_BATCH_MAX_BYTES = %d bytes",
					raw, soft, target)
			}
			max := resource.MustParse("128Mi")
			if memLimit.Value() > max.Value() {
				t.Errorf("worker: memory limit %s above 128Mi: the target is %d bytes", memLimit.String(), target)
			}
		}
	}
}

// TestWorkerConfigSources: the pods read the ConfigMap and the Secret of
// deploy/k8s by name, and the Job runs the Deployment's image.
func TestWorkerConfigSources(t *testing.T) {
	m := loadManifests(t)
	w := worker(t, m)
	for _, tc := range []struct {
		name string
		c    corev1.Container
	}{
		{"worker", w},
		{"schema job", m.job.Spec.Template.Spec.Containers[0]},
	} {
		var cms, secrets []string
		for _, src := range tc.c.EnvFrom {
			if src.ConfigMapRef != nil {
				cms = append(cms, src.ConfigMapRef.Name)
			}
			if src.SecretRef != nil {
				secrets = append(secrets, src.SecretRef.Name)
			}
		}
		if !slices.Contains(cms, m.config.Name) {
			t.Errorf("%s: envFrom ConfigMaps %v, want %s", tc.name, cms, m.config.Name)
		}
		if !slices.Contains(secrets, m.secret.Name) {
			t.Errorf("%s: envFrom Secrets %v, want %s", tc.name, secrets, m.secret.Name)
		}
		for _, e := range tc.c.Env {
			if strings.HasPrefix(e.Name, "KG_") {
				t.Errorf("%s: %s set inline; KG_ settings belong in configmap.yaml or secret.yaml", tc.name, e.Name)
			}
		}
	}
	job := m.job.Spec.Template.Spec.Containers[0]
	if got, want := job.Image, w.Image; got != want {
		t.Errorf("schema job image = %q, want the worker's %q", got, want)
	}
	if got, want := strings.Join(append(job.Command, job.Args...), " "), "schema apply"; got != want {
		t.Errorf("schema job runs %q, want %q", got, want)
	}
	if got, want := strings.Join(append(w.Command, w.Args...), " "), "worker"; got != want {
		t.Errorf("worker runs %q, want %q", got, want)
	}
	if p := m.job.Spec.Template.Spec.RestartPolicy; p != corev1.RestartPolicyOnFailure && p != corev1.RestartPolicyNever {
		t.Errorf("schema job restartPolicy = %q, want OnFailure or Never", p)
	}
}

func TestDeploymentSelectors(t *testing.T) {
	m := loadManifests(t)
	d := m.deployment
	podLabels := labels.Set(d.Spec.Template.Labels)
	for _, tc := range []struct {
		name string
		sel  *metav1.LabelSelector
	}{
		{"Deployment selector", d.Spec.Selector},
		{"PodDisruptionBudget selector", m.pdb.Spec.Selector},
	} {
		sel, err := metav1.LabelSelectorAsSelector(tc.sel)
		if err != nil || sel.Empty() {
			t.Errorf("%s: %v (empty: %v)", tc.name, err, sel == nil || sel.Empty())
			continue
		}
		if !sel.Matches(podLabels) {
			t.Errorf("%s %s does not match the worker pods' labels %v", tc.name, sel, podLabels)
		}
	}
	jobSel := labels.SelectorFromSet(labels.Set(m.pdb.Spec.Selector.MatchLabels))
	if jobSel.Matches(labels.Set(m.job.Spec.Template.Labels)) {
		t.Errorf("the PodDisruptionBudget selector also matches the schema job's pods")
	}
	// The parser's pods are neither workers nor covered by their budget.
	parserPods := labels.Set(m.parser.Spec.Template.Labels)
	for _, tc := range []struct {
		name string
		sel  *metav1.LabelSelector
	}{
		{"worker Deployment selector", d.Spec.Selector},
		{"PodDisruptionBudget selector", m.pdb.Spec.Selector},
	} {
		if sel, err := metav1.LabelSelectorAsSelector(tc.sel); err == nil && sel.Matches(parserPods) {
			t.Errorf("the %s also matches the parser's pods %v", tc.name, parserPods)
		}
	}

	if d.Spec.Replicas == nil || *d.Spec.Replicas != 2 {
		t.Errorf("deployment.yaml: replicas = %v, want 2", d.Spec.Replicas)
	}
	// Either bound lets a drain evict one worker at a time.
	pdb := m.pdb.Spec
	switch {
	case pdb.MaxUnavailable != nil && pdb.MinAvailable != nil:
		t.Errorf("pdb.yaml: set one of minAvailable and maxUnavailable")
	case pdb.MaxUnavailable != nil:
		if got := pdb.MaxUnavailable.String(); got != "1" {
			t.Errorf("pdb.yaml: maxUnavailable = %s, want 1", got)
		}
	case pdb.MinAvailable != nil:
		if got := pdb.MinAvailable.String(); got != "1" {
			t.Errorf("pdb.yaml: minAvailable = %s, want 1", got)
		}
	default:
		t.Errorf("pdb.yaml: neither minAvailable nor maxUnavailable")
	}
}

// TestScaledObject: KEDA scales the Deployment on the lag of the workers'
// own group and topic, and never beyond the article topic's partitions
// (a partition has one consumer in a group; more workers would idle).
func TestScaledObject(t *testing.T) {
	m := loadManifests(t)
	so := m.scaled.Spec
	ref := so.ScaleTargetRef
	if got, want := ref.Kind, "Deployment"; got != want {
		t.Errorf("scaleTargetRef.kind = %q, want %q", got, want)
	}
	if got, want := ref.APIVersion, "apps/v1"; got != want {
		t.Errorf("scaleTargetRef.apiVersion = %q, want %q", got, want)
	}
	if got, want := ref.Name, m.deployment.Name; got != want {
		t.Errorf("scaleTargetRef.name = %q, want the Deployment %q", got, want)
	}

	partitions, err := strconv.Atoi(m.scaled.Metadata.Annotations[partitionsAnnotation])
	if err != nil || partitions < 1 {
		t.Fatalf("ScaledObject annotation %s = %q, want the article topic's partition count",
			partitionsAnnotation, m.scaled.Metadata.Annotations[partitionsAnnotation])
	}
	if so.MinReplicaCount == nil || so.MaxReplicaCount == nil {
		t.Fatalf("ScaledObject: minReplicaCount and maxReplicaCount must both be set")
	}
	lo, hi := int(*so.MinReplicaCount), int(*so.MaxReplicaCount)
	for _, tc := range []struct {
		what string
		ok   bool
	}{
		{"minReplicaCount >= 1", lo >= 1},
		{"minReplicaCount <= maxReplicaCount", lo <= hi},
		{"maxReplicaCount <= " + strconv.Itoa(partitions) + " partitions", hi <= partitions},
		{"Deployment replicas within [min, max]", int(*m.deployment.Spec.Replicas) >= lo && int(*m.deployment.Spec.Replicas) <= hi},
		{"cooldownPeriod set", so.CooldownPeriod != nil && *so.CooldownPeriod > 0},
	} {
		if !tc.ok {
			t.Errorf("ScaledObject (min %d, max %d, %d partitions): want %s", lo, hi, partitions, tc.what)
		}
	}

	if len(so.Triggers) != 1 {
		t.Fatalf("ScaledObject: %d triggers, want 1", len(so.Triggers))
	}
	tr := so.Triggers[0]
	if got, want := tr.Type, "kafka"; got != want {
		t.Errorf("trigger type = %q, want %q", got, want)
	}
	for _, tc := range []struct{ key, want string }{
		{"bootstrapServers", m.config.Data["KG_KAFKA_BROKERS"]},
		{"consumerGroup", m.config.Data["KG_KAFKA_GROUP_ID"]},
		{"topic", m.config.Data["KG_ARTICLES_TOPIC"]},
		{"allowIdleConsumers", "false"},
	} {
		if got := tr.Metadata[tc.key]; got != tc.want || got == "" {
			t.Errorf("trigger metadata %s = %q, want %q", tc.key, got, tc.want)
		}
	}
	if n, err := strconv.Atoi(tr.Metadata["lagThreshold"]); err != nil || n < 1 {
		t.Errorf("trigger metadata lagThreshold = %q, want a positive integer", tr.Metadata["lagThreshold"])
	}
	if p := tr.Metadata["offsetResetPolicy"]; p != "earliest" {
		t.Errorf("trigger metadata offsetResetPolicy = %q, want earliest (kg starts a new group at the first offset)", p)
	}
}
