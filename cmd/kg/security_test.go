package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/consumers"
)

// A broker that only speaks SASL/SCRAM over TLS, with certificates made
// here: the worker and kg publish reach it with KG_KAFKA_TLS, a CA file and
// SCRAM credentials, the article lands in the graph, and the password
// appears in no output.
func TestKafkaOverSASLSCRAMAndTLS(t *testing.T) {
	const user, password = "kg-test", "s3cret-Pa55word-9f2c"
	dir := t.TempDir()
	caFile := makeCerts(t, dir)
	addr := startSecureBroker(t, dir, user, password)

	e := newEnv(t, 1) // the graph; the topic on the plain broker goes unused
	sec := []string{
		"KG_KAFKA_BROKERS=" + addr, "KG_KAFKA_TLS=true", "KG_KAFKA_TLS_CA_FILE=" + caFile,
		"KG_KAFKA_SASL_MECHANISM=SCRAM-SHA-256", "KG_KAFKA_SASL_USERNAME=" + user, "KG_KAFKA_SASL_PASSWORD=" + password,
	}
	run := func(args ...string) string {
		cmd := exec.Command(kgBinary, args...)
		cmd.Env = append(e.environ(), sec...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("kg %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	outputs := []string{run("publish", "../../ingest/testdata/seed-article.txt"), run("worker", "--help")}
	w := e.startWorker(append(sec, "KG_LOG_LEVEL=debug")...)
	deadline := time.Now().Add(90 * time.Second)
	for e.articles() < 1 {
		if time.Now().After(deadline) || !w.running() {
			t.Fatalf("the article did not land through the SASL_SSL broker:\n%s", w.log())
		}
		time.Sleep(100 * time.Millisecond)
	}
	rows := e.query(`MATCH (:State {iso3: 'CHN'})-[r:ALLY_OF]-(:State {iso3: 'PRK'}) RETURN r.claims`, nil)
	if len(rows) != 1 {
		t.Errorf("ALLY_OF CHN-PRK: %v", rows)
	}
	w.stop(t)
	outputs = append(outputs, w.log())
	for _, out := range outputs {
		if strings.Contains(out, password) {
			t.Errorf("the SASL password appears in output:\n%s", out)
		}
	}
	// And a wrong password is refused.
	cmd := exec.Command(kgBinary, "publish", "../../ingest/testdata/seed-article.txt")
	cmd.Env = append(e.environ(), append(sec, "KG_KAFKA_SASL_PASSWORD=wrong")...)
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Errorf("publish with a wrong password succeeded:\n%s", out)
	}
	if strings.Contains(string(out), password) {
		t.Errorf("the real password appears in the failure output")
	}
}

// makeCerts writes a CA and a server certificate for 127.0.0.1 and returns
// the CA file; the server's key and chain go to keystore.pem.
func makeCerts(t *testing.T, dir string) string {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "kg test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srv := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	srvDER, err := x509.CreateCertificate(rand.Reader, srv, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	var ks []byte
	ks = append(ks, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8})...)
	ks = append(ks, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srvDER})...)
	ks = append(ks, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})...)
	if err := os.WriteFile(filepath.Join(dir, "keystore.pem"), ks, 0o600); err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o644); err != nil {
		t.Fatal(err)
	}
	return caFile
}

// startSecureBroker runs a second, single-node Kafka from the jars that
// deploy/local/services installed, whose client listener requires SASL
// SCRAM-SHA-256 over TLS. It returns the client address.
func startSecureBroker(t *testing.T, dir, user, password string) string {
	t.Helper()
	jars := filepath.Join(envOr("KG_LOCAL_DIR", "../../.local"), "jars", "kafka")
	if _, err := os.Stat(jars); err != nil {
		t.Fatalf("Kafka jars not found at %s (run deploy/local/services install): %v", jars, err)
	}
	port := func() string { _, p, _ := net.SplitHostPort(freeAddr(t)); return p }
	internal, external, controller := port(), port(), port()
	props := filepath.Join(dir, "server.properties")
	config := fmt.Sprintf(`process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:%[3]s
listeners=INTERNAL://127.0.0.1:%[1]s,EXTERNAL://127.0.0.1:%[2]s,CONTROLLER://127.0.0.1:%[3]s
advertised.listeners=INTERNAL://127.0.0.1:%[1]s,EXTERNAL://127.0.0.1:%[2]s
listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SASL_SSL,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=INTERNAL
sasl.enabled.mechanisms=SCRAM-SHA-256
listener.name.external.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
ssl.keystore.type=PEM
ssl.keystore.location=%[4]s
log.dirs=%[5]s
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
group.min.session.timeout.ms=1000
num.network.threads=2
num.io.threads=2
`, internal, external, controller, filepath.Join(dir, "keystore.pem"), filepath.Join(dir, "data"))
	if err := os.WriteFile(props, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	java := []string{"-Xms128m", "-Xmx512m", "-cp", jars + "/*"}
	id := make([]byte, 16)
	rand.Read(id)
	clusterID := strings.TrimLeft(base64.RawURLEncoding.EncodeToString(id), "-")
	format := exec.Command("java", append(java, "kafka.tools.StorageTool", "format", "--cluster-id", clusterID,
		"--config", props, "--add-scram", fmt.Sprintf("SCRAM-SHA-256=[name=%s,password=%s]", user, password))...)
	if out, err := format.CombinedOutput(); err != nil {
		t.Fatalf("format the secure broker: %v\n%s", err, out)
	}
	logf, err := os.Create(filepath.Join(dir, "kafka.log"))
	if err != nil {
		t.Fatal(err)
	}
	broker := exec.Command("java", append(java, "kafka.Kafka", props)...)
	broker.Stdout, broker.Stderr = logf, logf
	if err := broker.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		broker.Process.Kill()
		broker.Wait()
		logf.Close()
	})
	addr := "127.0.0.1:" + external
	sec := consumers.Security{TLS: true, TLSCAFile: filepath.Join(dir, "ca.pem"), SASLMechanism: "SCRAM-SHA-256",
		SASLUsername: user, SASLPassword: password}
	deadline := time.Now().Add(90 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := consumers.EnsureTopic(ctx, []string{addr}, sec, "kg-probe", consumers.TopicSpec{Partitions: 1})
		cancel()
		if err == nil {
			return addr
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(dir, "kafka.log"))
			t.Fatalf("secure broker not ready after 90s: %v\n%s", err, tail(string(b), 40))
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
