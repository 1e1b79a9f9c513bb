# The two commands a newcomer needs:
#   make demo   starts Kafka and Neo4j, ingests the sample articles, prints the graph
#   make test   starts Kafka and Neo4j and runs every test against them
# Prerequisites: Go, Java 17 and Maven (see README.md).

export GOFLAGS := -buildvcs=false

.PHONY: demo test build services services-down

build:
	go build -o bin/kg ./cmd/kg

services:
	deploy/local/services up

services-down:
	deploy/local/services down

demo: services build
	deploy/local/demo

test: services
	deploy/local/run-tests
