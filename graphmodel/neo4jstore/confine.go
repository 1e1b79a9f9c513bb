package neo4jstore

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// ErrRefused marks a query that ConfinedQuery does not send because it
// would reach beyond the graph.
var ErrRefused = errors.New("query refused")

// AllowedProcedures are the procedures a confined query may CALL: Neo4j's
// own read-only procedures that describe the schema or search the full-text
// indexes. Every other procedure is refused, because some read or change
// what lies outside the graph even in a read transaction
// (db.clearQueryCaches, dbms.killConnections, dbms.listConfig, the apoc.load
// and apoc.export families). SHOW commands are not procedures and are
// allowed.
var AllowedProcedures = []string{
	"db.labels",
	"db.relationshipTypes",
	"db.propertyKeys",
	"db.schema.visualization",
	"db.schema.nodeTypeProperties",
	"db.schema.relTypeProperties",
	"db.index.fulltext.queryNodes",
	"db.index.fulltext.queryRelationships",
	"db.info",
	"db.ping",
	"dbms.components",
}

// FunctionNamespaces are the namespaces of Neo4j's built-in functions
// (date.truncate, point.distance, vector.similarity.cosine,
// db.nameFromElementId, ...). A call of a function in any other namespace
// is refused: user-defined functions such as apoc.cypher.runFirstColumn
// run Cypher of their own or reach the network.
var FunctionNamespaces = []string{"date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "vector", "db"}

// Confine returns an error wrapping ErrRefused when cypher uses LOAD CSV,
// CALLs a procedure that is not in AllowedProcedures, calls a function
// outside FunctionNamespaces, or TERMINATEs transactions. It reads the query
// as Cypher does: keywords in any case, comments, string literals and
// `quoted` names are what they are, so hiding a clause in a comment or
// splitting a procedure's name with backticks changes nothing.
//
// The check is a second line: the Neo4j configuration in deploy/ forbids
// LOAD CSV from files and from every network address, and the read
// transaction refuses writes.
func Confine(cypher string) error {
	toks, err := lexCypher(cypher)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrRefused, err)
	}
	at := func(i int) token {
		if i < 0 || i >= len(toks) {
			return token{kind: tokEnd}
		}
		return toks[i]
	}
	for i, t := range toks {
		if t.kind != tokWord && t.kind != tokQuoted {
			continue
		}
		prev := at(i - 1)
		if prev.is(".") {
			continue // a property, never a keyword or a name's start
		}
		switch {
		case t.keyword("LOAD") && at(i+1).name("CSV"):
			return fmt.Errorf("%w: LOAD CSV reads files and URLs; kg query reads the graph only", ErrRefused)
		case t.keyword("TERMINATE") && (at(i+1).name("TRANSACTION") || at(i+1).name("TRANSACTIONS")):
			return fmt.Errorf("%w: TERMINATE TRANSACTIONS stops other clients' work", ErrRefused)
		case t.keyword("CALL"):
			parts, _ := qualifiedName(toks, i+1)
			if len(parts) == 0 {
				continue // CALL { subquery } or CALL (variables) { subquery }
			}
			name := strings.Join(parts, ".")
			if !containsFold(AllowedProcedures, name) {
				return fmt.Errorf("%w: procedure %s is not on the read-only list (%s)", ErrRefused, name, strings.Join(AllowedProcedures, ", "))
			}
		case !prev.keyword("CALL"):
			parts, next := qualifiedName(toks, i)
			if len(parts) < 2 || !at(next).is("(") {
				continue
			}
			// The namespace may itself be quoted whole: `apoc.cypher`.run(...)
			ns, _, _ := strings.Cut(parts[0], ".")
			if !containsFold(FunctionNamespaces, ns) {
				return fmt.Errorf("%w: function %s is not one of Neo4j's built-in functions", ErrRefused, strings.Join(parts, "."))
			}
		}
	}
	return nil
}

// qualifiedName reads a dotted name (a.b.c, with any part `quoted`) from
// toks[i:] and returns its parts and the index after it.
func qualifiedName(toks []token, i int) ([]string, int) {
	var parts []string
	for i < len(toks) && (toks[i].kind == tokWord || toks[i].kind == tokQuoted) {
		parts = append(parts, toks[i].text)
		i++
		if i+1 < len(toks) && toks[i].is(".") && (toks[i+1].kind == tokWord || toks[i+1].kind == tokQuoted) {
			i++
			continue
		}
		break
	}
	return parts, i
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

type tokKind int

const (
	tokEnd    tokKind = iota // past the last token
	tokWord                  // an unquoted name or keyword
	tokQuoted                // a `quoted` name, backticks removed
	tokString                // a string literal
	tokNumber
	tokPunct // one character
)

type token struct {
	kind tokKind
	text string
}

func (t token) is(punct string) bool { return t.kind == tokPunct && t.text == punct }

// keyword: only an unquoted word is a keyword in Cypher.
func (t token) keyword(k string) bool { return t.kind == tokWord && strings.EqualFold(t.text, k) }

// name matches a word, quoted or not.
func (t token) name(n string) bool {
	return (t.kind == tokWord || t.kind == tokQuoted) && strings.EqualFold(t.text, n)
}

// blank is what separates tokens: every Unicode space, control and format
// character (Cypher's whitespace includes U+001C to U+001F and several
// Unicode spaces; treating more as blank only brings words closer together).
func blank(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

func wordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Pc, r)
}

// lexCypher splits a query into tokens, dropping comments and blanks. An
// unterminated comment, string or quoted name is an error.
func lexCypher(s string) ([]token, error) {
	rs := []rune(s)
	var toks []token
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case blank(r):
			i++
		case r == '/' && i+1 < len(rs) && rs[i+1] == '/':
			for i < len(rs) && rs[i] != '\n' && rs[i] != '\r' {
				i++
			}
		case r == '/' && i+1 < len(rs) && rs[i+1] == '*':
			j := i + 2
			for j+1 < len(rs) && (rs[j] != '*' || rs[j+1] != '/') {
				j++
			}
			if j+1 >= len(rs) {
				return nil, errors.New("unterminated comment")
			}
			i = j + 2
		case r == '\'' || r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != r {
				if rs[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(rs) {
				return nil, errors.New("unterminated string")
			}
			toks = append(toks, token{tokString, string(rs[i+1 : j])})
			i = j + 1
		case r == '`':
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(rs) {
					return nil, errors.New("unterminated `quoted` name")
				}
				if rs[j] == '`' {
					if j+1 < len(rs) && rs[j+1] == '`' { // `` is a backtick
						b.WriteRune('`')
						j += 2
						continue
					}
					break
				}
				b.WriteRune(rs[j])
				j++
			}
			toks = append(toks, token{tokQuoted, b.String()})
			i = j + 1
		case unicode.IsDigit(r):
			j := i
			for j < len(rs) && wordRune(rs[j]) {
				j++
			}
			toks = append(toks, token{tokNumber, string(rs[i:j])})
			i = j
		case wordRune(r):
			j := i
			for j < len(rs) && wordRune(rs[j]) {
				j++
			}
			toks = append(toks, token{tokWord, string(rs[i:j])})
			i = j
		default:
			toks = append(toks, token{tokPunct, string(r)})
			i++
		}
	}
	return toks, nil
}
