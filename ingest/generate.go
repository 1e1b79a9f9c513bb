package ingest

//go:generate go run ./internal/tablegen
//go:generate go run ./internal/cuegen
