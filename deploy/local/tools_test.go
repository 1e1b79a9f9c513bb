// Package local_test checks the tools deploy/local gives for looking at
// the local services by hand: Kafka's console producer and consumer and
// Neo4j Browser. They run against the real services (KG_TEST_KAFKA,
// KG_TEST_NEO4J), as the rest of the suite does, and never skip.
package local_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

var (
	testBroker = envOr("KG_TEST_KAFKA", "127.0.0.1:9092")
	testNeo4j  = envOr("KG_TEST_NEO4J", "bolt://127.0.0.1:7687")
)

func run(t *testing.T, stdin string, name string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return out.String(), errb.String(), err
}

// A keyed record sent with the console producer comes back, key and value,
// from the console consumer.
func TestConsoleProducerConsumer(t *testing.T) {
	b := make([]byte, 4)
	rand.Read(b)
	topic := "it-console-" + hex.EncodeToString(b)
	record := "article-1\t" + `{"id":"article-1","text":"China and Russia reaffirmed their alliance."}`

	// the local broker creates no topic by itself
	_, stderr, err := run(t, "", "./kafka-topics", "--bootstrap-server", testBroker, "--create", "--topic", topic, "--partitions", "1")
	if err != nil {
		t.Fatalf("kafka-topics --create: %v\n%s", err, stderr)
	}
	stdout, stderr, err := run(t, "", "./kafka-topics", "--bootstrap-server", testBroker, "--list")
	if err != nil || !strings.Contains(stdout, topic) {
		t.Fatalf("kafka-topics --list: %v, %q lacks %s\n%s", err, stdout, topic, stderr)
	}
	_, stderr, err = run(t, record+"\n", "./kafka-console-producer", "--bootstrap-server", testBroker,
		"--topic", topic, "--property", "parse.key=true", "--property", "key.separator=\t")
	if err != nil {
		t.Fatalf("kafka-console-producer: %v\n%s", err, stderr)
	}
	stdout, stderr, err = run(t, "", "./kafka-console-consumer", "--bootstrap-server", testBroker,
		"--topic", topic, "--from-beginning", "--max-messages", "1", "--timeout-ms", "60000",
		"--property", "print.key=true", "--property", "key.separator=\t")
	if err != nil {
		t.Fatalf("kafka-console-consumer: %v\n%s", err, stderr)
	}
	if stdout != record+"\n" {
		t.Errorf("consumed %q, want %q\nstderr:\n%s", stdout, record+"\n", stderr)
	}
	if !strings.Contains(stderr, "Processed a total of 1 messages") {
		t.Errorf("consumer stderr lacks its count:\n%s", stderr)
	}
}

// deploy/local/neo4j-browser serves Neo4j Browser and tells it where Bolt
// is, and Neo4j's Bolt port speaks Bolt over WebSocket, which is how the
// Browser talks to it.
func TestNeo4jBrowser(t *testing.T) {
	bolt, err := url.Parse(testNeo4j)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, port, _ := net.SplitHostPort(addr)

	cmd := exec.Command("./neo4j-browser")
	cmd.Env = append(os.Environ(), "KG_LOCAL_BROWSER_PORT="+port, "KG_LOCAL_NEO4J_PORT="+bolt.Port())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()

	base := "http://" + addr
	// The first run resolves the jar with Maven and builds the server.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get(base + "/browser/")
		if err == nil {
			resp.Body.Close()
			break
		}
		select {
		case err := <-done:
			t.Fatalf("neo4j-browser exited: %v\n%s", err, out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("neo4j-browser not serving after 3 minutes:\n%s", out.String())
		}
		time.Sleep(200 * time.Millisecond)
	}

	get := func(path, accept string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", base+path, nil)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}

	resp, page := get("/browser/", "text/html")
	if resp.StatusCode != 200 || !strings.Contains(page, "<title>Neo4j Browser</title>") {
		t.Fatalf("/browser/: %s\n%.300s", resp.Status, page)
	}
	// Every script the page loads is served.
	scripts := regexp.MustCompile(`src="([^"]+\.js)"`).FindAllStringSubmatch(page, -1)
	if len(scripts) == 0 {
		t.Errorf("/browser/ loads no script:\n%.500s", page)
	}
	for _, m := range scripts {
		if resp, body := get("/browser/"+m[1], ""); resp.StatusCode != 200 || len(body) < 100 {
			t.Errorf("%s: %s, %d bytes", m[1], resp.Status, len(body))
		}
	}
	// A person opening / lands on the Browser, set to connect without
	// authentication (the local Neo4j has none).
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err = noRedirect.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/browser/?preselectAuthMethod=NO_AUTH" {
		t.Errorf("GET /: %s to %q, want 303 to the Browser without authentication", resp.Status, loc)
	}
	// The discovery answer names the local Bolt address.
	resp, body := get("/", "application/json")
	var disco map[string]string
	if err := json.Unmarshal([]byte(body), &disco); err != nil || disco["bolt_direct"] != "bolt://127.0.0.1:"+bolt.Port() {
		t.Errorf("discovery: %s %q (%v), want bolt_direct bolt://127.0.0.1:%s", resp.Status, body, err, bolt.Port())
	}

	// Bolt over WebSocket on the Bolt port: the upgrade, then Bolt's
	// handshake in a binary frame, answered with a Bolt 5 version.
	version, err := boltOverWebSocket(bolt.Host)
	if err != nil {
		t.Fatalf("bolt over websocket at %s: %v", bolt.Host, err)
	}
	if version[3] != 5 {
		t.Errorf("bolt over websocket: the server chose version % x, want 5.x", version)
	}
}

// boltOverWebSocket opens a WebSocket to host, sends Bolt's handshake
// (offering 5.0 to 5.8) in one masked binary frame and returns the four
// bytes of the version the server chose.
func boltOverWebSocket(host string) ([]byte, error) {
	c, err := net.DialTimeout("tcp", host, 5*time.Second)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	key := make([]byte, 16)
	rand.Read(key)
	req := "GET / HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + base64.StdEncoding.EncodeToString(key) + "\r\n\r\n"
	if _, err := io.WriteString(c, req); err != nil {
		return nil, err
	}
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return nil, fmt.Errorf("upgrade answered %s", resp.Status)
	}
	hs := []byte{0x60, 0x60, 0xB0, 0x17,
		0, 8, 8, 5, // 5.8 down to 5.0
		0, 0, 4, 4, // 4.4
		0, 0, 0, 0, 0, 0, 0, 0}
	mask := []byte{1, 2, 3, 4}
	frame := []byte{0x82, 0x80 | byte(len(hs))} // FIN, binary; masked
	frame = append(frame, mask...)
	for i, b := range hs {
		frame = append(frame, b^mask[i%4])
	}
	if _, err := c.Write(frame); err != nil {
		return nil, err
	}
	head := make([]byte, 2)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, err
	}
	n := int(head[1] & 0x7f)
	if n == 126 {
		var l uint16
		if err := binary.Read(br, binary.BigEndian, &l); err != nil {
			return nil, err
		}
		n = int(l)
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(br, payload); err != nil {
		return nil, err
	}
	if head[0]&0x0f != 0x2 || n != 4 {
		return nil, fmt.Errorf("unexpected frame % x", append(head, payload...))
	}
	return payload, nil
}
