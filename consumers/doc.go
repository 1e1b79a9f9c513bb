// Package consumers is the Kafka side of the pipeline: per partition it
// fetches a batch, turns it into a graph batch, writes it in one
// transaction, and only then commits the offsets the batch covers. Input
// that can never be processed goes to a dead-letter topic; everything else
// is retried until it is written. It is the only package that imports
// kafka-go.
package consumers
