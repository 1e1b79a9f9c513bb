// Command browser serves Neo4j Browser, the web application of the
// org.neo4j.client:neo4j-browser jar, for the local Neo4j that
// deploy/local/services runs. The embedded Neo4j has no HTTP server of its
// own; its Bolt port accepts WebSocket connections, which is all the
// Browser needs once it knows where Bolt is. So this serves the jar's
// browser/ folder at /browser/ and answers the discovery request at / (the
// JSON a Neo4j server's HTTP port returns) with the local Bolt address.
//
//	browser -jar neo4j-browser.jar -addr 127.0.0.1:7474 -bolt bolt://127.0.0.1:7687
//
// deploy/local/neo4j-browser resolves the jar and runs this.
package main

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

func main() {
	jar := flag.String("jar", "", "the org.neo4j.client:neo4j-browser jar")
	addr := flag.String("addr", "127.0.0.1:7474", "address to serve the Browser on")
	bolt := flag.String("bolt", "bolt://127.0.0.1:7687", "the Bolt address the Browser connects to")
	version := flag.String("neo4j-version", "5.26", "the Neo4j version the discovery answer names")
	flag.Parse()
	if err := run(*jar, *addr, *bolt, *version); err != nil {
		fmt.Fprintln(os.Stderr, "browser:", err)
		os.Exit(1)
	}
}

func run(jar, addr, bolt, version string) error {
	if jar == "" {
		return errors.New("-jar is required")
	}
	zr, err := zip.OpenReader(jar)
	if err != nil {
		return err
	}
	defer zr.Close()
	h, err := handler(zr, bolt, version)
	if err != nil {
		return fmt.Errorf("%s: %w", jar, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("Neo4j Browser at http://%s%s (Bolt %s, no authentication)\n", ln.Addr(), startPage, bolt)
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}

// startPage is where / sends a person.
const startPage = "/browser/?preselectAuthMethod=NO_AUTH"

// handler serves the jar's browser/ folder at /browser/ and the discovery
// answer at /.
func handler(jar fs.FS, bolt, version string) (http.Handler, error) {
	app, err := fs.Sub(jar, "browser")
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(app, "index.html"); err != nil {
		return nil, fmt.Errorf("no browser/index.html: %w", err)
	}
	discovery, err := json.Marshal(map[string]string{
		"bolt_direct":   bolt,
		"neo4j_version": version,
		"neo4j_edition": "community",
	})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/browser/", http.StripPrefix("/browser/", http.FileServerFS(app)))
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.Header.Get("Accept"), "application/json") {
			w.Header().Set("Content-Type", "application/json")
			w.Write(discovery)
			return
		}
		// The local Neo4j has no authentication: preselect that, and the
		// Browser connects on its own.
		http.Redirect(w, r, startPage, http.StatusSeeOther)
	})
	return mux, nil
}
