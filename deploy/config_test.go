// Package deploy_test checks the container and cluster files of deploy/
// without a Docker engine or a cluster: every file is decoded strictly with
// the types of the tool that will read it (the Kubernetes API types, the
// Compose specification's loader), so a misspelled field fails here, and the
// invariants that tie the files to cmd/kg and to each other are asserted.
package deploy_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// kgVar is one variable of kg's Config (config/config.go): its name with
// the KG_ prefix, the Go type envconfig parses it into, and its default.
type kgVar struct {
	name, goType, def string
}

// configField matches a field of kg's Config struct (package config), e.g.
//
//	ShutdownTimeout time.Duration `envconfig:"SHUTDOWN_TIMEOUT" default:"30s" desc:"..."`
var configField = regexp.MustCompile("(?m)^\\s*\\w+\\s+([\\w.\\[\\]]+)\\s+`[^`]*envconfig:\"([A-Z0-9_]+)\"[^`]*`")

var configDefault = regexp.MustCompile(`default:"([^"]*)"`)

// kgVars reads the variables kg knows from the struct tags of
// config/config.go, read as text: this module does not import the
// product's, and the tags are what envconfig itself reads.
func kgVars(t *testing.T) map[string]kgVar {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "config", "config.go"))
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]kgVar{}
	for _, m := range configField.FindAllStringSubmatch(string(src), -1) {
		v := kgVar{name: "KG_" + m[2], goType: m[1]}
		if d := configDefault.FindStringSubmatch(m[0]); d != nil {
			v.def = d[1]
		}
		vars[v.name] = v
	}
	// A few names the README documents; if the regexp stopped matching, the
	// checks against this set would pass vacuously.
	for _, name := range []string{"KG_KAFKA_BROKERS", "KG_NEO4J_PASSWORD", "KG_SHUTDOWN_TIMEOUT", "KG_HTTP_ADDR", "KG_BATCH_MAX_BYTES"} {
		if _, ok := vars[name]; !ok {
			t.Fatalf("config/config.go: no envconfig tag for %s; parsed %d variables", name, len(vars))
		}
	}
	return vars
}

// checkKGEnv reports every KG_ variable of env that cmd/kg does not know or
// whose value envconfig would refuse; where names the file for the message.
func checkKGEnv(t *testing.T, where string, env map[string]string) {
	t.Helper()
	known := kgVars(t)
	for name, value := range env {
		if !strings.HasPrefix(name, "KG_") {
			continue
		}
		v, ok := known[name]
		if !ok {
			t.Errorf("%s: %s is not a variable of config/config.go", where, name)
			continue
		}
		if err := parseAs(v.goType, value); err != nil {
			t.Errorf("%s: %s=%q: %v", where, name, value, err)
		}
	}
}

// parseAs parses value as envconfig parses a field of type goType.
func parseAs(goType, value string) error {
	var err error
	switch goType {
	case "string", "[]string":
	case "bool":
		_, err = strconv.ParseBool(value)
	case "int":
		_, err = strconv.Atoi(value)
	case "float64":
		_, err = strconv.ParseFloat(value, 64)
	case "time.Duration":
		_, err = time.ParseDuration(value)
	default:
		err = fmt.Errorf("no parser for Go type %s", goType)
	}
	return err
}

// isSecretName says whether a variable's name marks it as a secret.
func isSecretName(name string) bool {
	for _, word := range []string{"PASSWORD", "SECRET", "TOKEN", "CREDENTIAL", "PRIVATE_KEY"} {
		if strings.Contains(name, word) {
			return true
		}
	}
	return false
}

// httpPort is the port of a listen address such as ":9464".
func httpPort(t *testing.T, addr string) int {
	t.Helper()
	i := strings.LastIndex(addr, ":")
	if i < 0 {
		t.Fatalf("listen address %q has no port", addr)
	}
	p, err := strconv.Atoi(addr[i+1:])
	if err != nil {
		t.Fatalf("listen address %q: %v", addr, err)
	}
	return p
}

// goMemLimit parses a GOMEMLIMIT value as the Go runtime does: a number of
// bytes with an optional B, KiB, MiB, GiB or TiB suffix.
func goMemLimit(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("GOMEMLIMIT %q: want a positive number of bytes with an optional B, KiB, MiB, GiB or TiB", s)
	}
	return n * mult, nil
}

func TestGoMemLimit(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"80MiB", 80 << 20, true},
		{"1GiB", 1 << 30, true},
		{"4096", 4096, true},
		{"512KiB", 512 << 10, true},
		{"80M", 0, false},
		{"MiB", 0, false},
		{"-1MiB", 0, false},
	} {
		got, err := goMemLimit(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("goMemLimit(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
