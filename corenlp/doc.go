// Package corenlp is the client of the Stanford CoreNLP server, the
// dependency parser relation extraction reads. It is the only package that
// talks HTTP to the parser: Client implements ingest.Parser by sending many
// sentences per request (one per line, with ssplit.eolonly so the server
// never re-splits them), a bounded number of requests at once, each with a
// timeout and bounded retries, and turns CoreNLP's JSON (UTF-16 character
// offsets into the whole request, 1-based token indexes) into ingest.Parse
// values (byte offsets into each sentence, 0-based indexes).
//
// CoreNLP is GPL v3 software. The project ships none of its code: it runs as
// a separate service (deploy/corenlp) and this package speaks to it over HTTP.
package corenlp
