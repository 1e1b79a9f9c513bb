package redact

import (
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"bolt://localhost:7687", "bolt://localhost:7687"},
		{"bolt://user:secret@127.0.0.1:7687", "bolt://REDACTED@127.0.0.1:7687"},
		{"neo4j+s://user@db.example.org", "neo4j+s://REDACTED@db.example.org"},
		{"http://u:p%40ss@parser:8080/parse?x=1", "http://REDACTED@parser:8080/parse?x=1"},
		// A password with "@" or "/" in it, not percent-encoded.
		{"bolt://user:se@cret@host:7687", "bolt://REDACTED@host:7687"},
		{"bolt://user:se/cret@host:7687", "bolt://REDACTED@host:7687"},
		// Kafka broker addresses: host:port, sometimes written with credentials.
		{"kafka:9092", "kafka:9092"},
		{"user:secret@kafka:9092", "REDACTED@kafka:9092"},
		{"user@kafka:9092", "REDACTED@kafka:9092"},
		// Messages quoting addresses.
		{"neo4j at bolt://user:secret@127.0.0.1:1: ConnectivityError: connection refused",
			"neo4j at bolt://REDACTED@127.0.0.1:1: ConnectivityError: connection refused"},
		{"dial tcp: lookup user:secret@kafka: no such host", "dial tcp: lookup REDACTED@kafka: no such host"},
		{"brokers=[user:secret@k1:9092,user:secret@k2:9092]", "brokers=[REDACTED@k1:9092,REDACTED@k2:9092]"},
		{`{"neo4j":"bolt://u:s@h:1","note":"a@b"}`, `{"neo4j":"bolt://REDACTED@h:1","note":"a@b"}`},
		// Nothing to redact: an e-mail address in a sentence stays.
		{"written by kim@example.org today", "written by kim@example.org today"},
		{"kim@example.org", "kim@example.org"},
		{"article-17@wire", "article-17@wire"},
		{"", ""},
	} {
		if got := URL(tc.in); got != tc.want {
			t.Errorf("URL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzURL(f *testing.F) {
	f.Add("bolt://user:secret@host:7687")
	f.Add("user:secret@kafka:9092 and bolt://a:secret@b")
	f.Fuzz(func(t *testing.T, s string) {
		got := URL(s)
		if URL(got) != got {
			t.Errorf("URL is not idempotent on %q: %q then %q", s, got, URL(got))
		}
		// A password in a URL with a scheme never survives.
		in := "bolt://kg:" + "pw" + strings.Map(func(r rune) rune {
			// What ends the user information in a message: "@", a
			// space (RE2's \s) or a quote.
			if strings.ContainsRune("@ \t\n\f\r\"'<>", r) {
				return -1
			}
			return r
		}, s) + "Z@host:1"
		if out := URL(in); strings.Contains(out, "kg:pw") {
			t.Errorf("URL(%q) = %q keeps the password", in, out)
		}
	})
}
