// Package ingest turns messages into graph batches: it decodes article
// messages, strips what is not the story, finds the states, people and
// organizations an article refers to and the relations it asserts between
// them, and normalizes them to the stable keys of package graphmodel.
//
// Everything here is pure: no Kafka, no Neo4j, no environment and no clock
// (callers pass the time in), so every step is testable offline and the
// worker and `kg extract` run exactly the same code.
package ingest
