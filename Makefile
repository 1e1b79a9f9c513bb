# The two commands a newcomer needs:
#   make demo   starts the services, ingests the sample articles, prints the graph
#   make test   starts the CoreNLP parser and a Kafka and a Neo4j of the tests' own
#               (.local/test, never the demo's) and runs every test against them
#   make bench  kg bench on a Kafka and a Neo4j of its own (.local/bench)
# Prerequisites: Go, Java 17 and Maven (see README.md).

export GOFLAGS := -buildvcs=false

# What kg --version reports: with -buildvcs=false Go records no commit, so
# the build passes both to the linker.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)

.PHONY: demo test bench build services services-down parser-golden bench-parser

build:
	go build -ldflags "$(LDFLAGS)" -o bin/kg ./cmd/kg

services:
	deploy/local/services up

services-down:
	deploy/local/services down

demo: services build
	deploy/local/demo

# The tests' Kafka and Neo4j are their own (deploy/local/with-services);
# the user's instance is started too, since one test checks that the suite
# leaves its graph alone, and it runs the shared parser.
test: services
	deploy/local/run-tests

# kg bench on a Kafka and a Neo4j of its own (deploy/local/with-services
# bench); flags in BENCH_ARGS, e.g. make bench BENCH_ARGS='--events 10000'.
bench: build
	deploy/local/services start corenlp
	deploy/local/with-services bench sh -c 'bin/kg schema apply && bin/kg bench "$$@"' bench $(BENCH_ARGS)

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
