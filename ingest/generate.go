package ingest

//go:generate go run ./internal/tablegen
