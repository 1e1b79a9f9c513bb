// Package redact removes credentials from addresses before they reach a log
// line, an error message or any other output. kg's addresses (the Neo4j URI,
// the Kafka brokers, service URLs) come from configuration, and a user may
// write a password into one of them: bolt://user:secret@host.
package redact

import (
	"regexp"
	"strings"
)

// Placeholder stands where user information was.
const Placeholder = "REDACTED"

var (
	// schemeUserinfo is the user information of a URL with a scheme: from
	// "://" to the last "@" before a space or a quote, so that a password
	// holding "@" or "/" goes whole.
	schemeUserinfo = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.\-]*://)[^\s"'<>]*@`)
	// bareUserinfo is "user:password@" at the start of a word, as in a
	// broker address (host:port) written with credentials.
	bareUserinfo = regexp.MustCompile(`(^|[\s,;=(\["'])[^\s,;=(\["'@/:]+:(?:[^\s"'<>,/][^\s"'<>,]*)?@`)
	// loneUser is a whole string that is a host:port address with a user
	// and no password: user@kafka:9092. (Without the port it could be an
	// e-mail address or an id, which stay.)
	loneUser = regexp.MustCompile(`^[^\s,;=(\[\]"'@/:]+@([^\s@/:]+:[0-9]+)$`)
)

// URL returns s with the user information (user and password) of every URL
// in it replaced by REDACTED: s may be one URL, a host:port address, or a
// message that quotes some. A lone host:port address with a user and no
// password (user@kafka:9092) loses the user too.
func URL(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	s = schemeUserinfo.ReplaceAllString(s, "${1}"+Placeholder+"@")
	s = bareUserinfo.ReplaceAllString(s, "${1}"+Placeholder+"@")
	return loneUser.ReplaceAllString(s, Placeholder+"@${1}")
}
