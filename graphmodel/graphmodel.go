// Package graphmodel is the vocabulary of the knowledge graph: entity kinds,
// relation types, stable keys and the Batch that one Neo4j transaction writes.
// It does no I/O; the Neo4j writer lives in the neo4jstore subpackage.
//
// Labels and relationship types are a fixed set defined here. Nothing that
// arrives in a message ever becomes a label or a relationship type: message
// content only ever reaches Cypher as a parameter value.
package graphmodel

import "fmt"

// Kind is the kind of an entity. Each kind maps to exactly one Neo4j label.
type Kind string

// The entity kinds.
const (
	KindState        Kind = "state"
	KindActor        Kind = "actor" // a named person
	KindOrganization Kind = "organization"
)

// Label returns the Neo4j label of the kind, or "" for an unknown kind.
func (k Kind) Label() string {
	switch k {
	case KindState:
		return "State"
	case KindActor:
		return "Actor"
	case KindOrganization:
		return "Organization"
	}
	return ""
}

// Valid reports whether k is one of the entity kinds.
func (k Kind) Valid() bool { return k.Label() != "" }

// RelType is the type of a relation between two entities.
type RelType string

// The three relation types the graph records.
const (
	AllyOf            RelType = "ally-of"
	AccusedOf         RelType = "accused-of"
	RequestedHelpFrom RelType = "requested-help-from"
)

// RelTypes lists the relation types in the order their summary edges are
// written, so that every transaction takes locks in the same order.
var RelTypes = []RelType{AccusedOf, AllyOf, RequestedHelpFrom}

// EdgeType returns the relationship type of the summary edge, or "" for an
// unknown relation type.
func (t RelType) EdgeType() string {
	switch t {
	case AllyOf:
		return "ALLY_OF"
	case AccusedOf:
		return "ACCUSED_OF"
	case RequestedHelpFrom:
		return "REQUESTED_HELP_FROM"
	}
	return ""
}

// Valid reports whether t is one of the relation types.
func (t RelType) Valid() bool { return t.EdgeType() != "" }

// Symmetric reports whether "a t b" implies "b t a". Symmetric relations are
// stored once per pair with the smaller key as subject.
func (t RelType) Symmetric() bool { return t == AllyOf }

// ParseRelType returns the relation type named s.
func ParseRelType(s string) (RelType, error) {
	t := RelType(s)
	if !t.Valid() {
		return "", fmt.Errorf("unknown relation type %q", s)
	}
	return t, nil
}
