# The two commands a newcomer needs:
#   make demo   starts the services, ingests the sample articles, prints the graph
#   make test   starts Kafka, Neo4j and the CoreNLP parser and runs every test against them
# Prerequisites: Go, Java 17 and Maven (see README.md).

export GOFLAGS := -buildvcs=false

# What kg --version reports: with -buildvcs=false Go records no commit, so
# the build passes both to the linker.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)

.PHONY: demo test build services services-down parser-golden bench-parser

build:
	go build -ldflags "$(LDFLAGS)" -o bin/kg ./cmd/kg

services:
	deploy/local/services up

services-down:
	deploy/local/services down

demo: services build
	deploy/local/demo

test: services
	deploy/local/run-tests

# Re-records the parser output the unit tests replay (corenlp/testdata and
# ingest/testdata/parses) from the parser started by `make services` (or the
# one at KG_TEST_PARSER), and the frames' golden claims that follow from it.
parser-golden:
	go test -count=1 -run 'TestRecorded$$' ./corenlp -update
	go test -count=1 -run 'TestFrames' ./ingest -record-parses

# Articles per second and per parser CPU-second on dev plus dev2, extraction
# with the parser in the path against the parser alone on the same sentences,
# on the parser at KG_TEST_PARSER (default http://127.0.0.1:9000).
bench-parser:
	go test -run '^$$' -bench 'Articles|ParserAlone' -benchtime 3x ./corenlp
