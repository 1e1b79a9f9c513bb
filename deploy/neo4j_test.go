package deploy_test

import (
	"os"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// confinement is the Neo4j configuration that keeps Cypher inside the
// graph: no LOAD CSV from the server's files, no URL fetched from any
// address. Every way of running Neo4j in deploy/ must set both.
var confinement = map[string]string{
	"dbms.security.allow_csv_import_from_file_urls": "false",
	"internal.dbms.cypher_ip_blocklist":             "0.0.0.0/0,::/0",
}

// writeTuning is the Neo4j configuration the write load relies on: an
// index is resampled once its updates reach half its size, so that the
// unique Event.id index, which grows with every event, is not scanned
// whole after every 5 % of growth. Every way of running Neo4j in deploy/
// sets it.
var writeTuning = map[string]string{
	"db.index_sampling.update_percentage": "50",
}

// required is every setting of confinement and writeTuning.
func required() map[string]string {
	all := map[string]string{}
	for _, m := range []map[string]string{confinement, writeTuning} {
		for k, v := range m {
			all[k] = v
		}
	}
	return all
}

// neo4jSetting turns an environment variable of the Neo4j Docker image into
// the setting it configures, as the image's entrypoint does: the NEO4J_
// prefix goes, "__" stands for "_" and "_" for ".".
func neo4jSetting(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, "NEO4J_")
	if !ok {
		return "", false
	}
	parts := strings.Split(rest, "__")
	for i := range parts {
		parts[i] = strings.ReplaceAll(parts[i], "_", ".")
	}
	return strings.Join(parts, "_"), true
}

func TestNeo4jSettingNames(t *testing.T) {
	for name, want := range map[string]string{
		"NEO4J_dbms_security_allow__csv__import__from__file__urls": "dbms.security.allow_csv_import_from_file_urls",
		"NEO4J_internal_dbms_cypher__ip__blocklist":                "internal.dbms.cypher_ip_blocklist",
		"NEO4J_server_memory_heap_max__size":                       "server.memory.heap.max_size",
		"NEO4J_db_index__sampling_update__percentage":              "db.index_sampling.update_percentage",
	} {
		if got, _ := neo4jSetting(name); got != want {
			t.Errorf("neo4jSetting(%s) = %q, want %q", name, got, want)
		}
	}
}

func TestComposeNeo4jSettings(t *testing.T) {
	settings := map[string]string{}
	for k, v := range env(service(t, loadProject(t), "neo4j")) {
		if s, ok := neo4jSetting(k); ok {
			settings[s] = v
		}
	}
	for k, want := range required() {
		if got, ok := settings[k]; !ok || got != want {
			t.Errorf("%s: neo4j sets %s = %q (set: %v), want %q", composeFile, k, got, ok, want)
		}
	}
}

func TestKubernetesNeo4jSettings(t *testing.T) {
	const file = "k8s/neo4j/values.yaml"
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var values struct {
		Config map[string]any `json:"config"`
	}
	if err := yaml.Unmarshal(b, &values); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	for k, want := range required() {
		// The chart takes every config value as a string.
		got, ok := values.Config[k].(string)
		if !ok || got != want {
			t.Errorf("%s: config %s = %#v, want the string %q", file, k, values.Config[k], want)
		}
	}
}

// The local Neo4j (deploy/local/neo4j/Launcher.java) sets the same
// settings; the integration tests in cmd/kg show that it refuses LOAD CSV
// from a file and from 127.0.0.1.
func TestLocalNeo4jSettings(t *testing.T) {
	const file = "local/neo4j/Launcher.java"
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	for _, want := range []string{
		".setConfig(GraphDatabaseSettings.allow_file_urls, false)",
		"GraphDatabaseInternalSettings.cypher_ip_blocklist",
		`new IPAddressString("0.0.0.0/0")`,
		`new IPAddressString("::/0")`,
		".setConfig(GraphDatabaseSettings.index_sampling_update_percentage, 50)",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("%s does not contain %s", file, want)
		}
	}
}
