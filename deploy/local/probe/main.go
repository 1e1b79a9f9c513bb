// Command probe waits until the local Kafka broker, Neo4j and/or the CoreNLP
// parser answer by protocol: a Kafka metadata request (plus a group
// coordinator lookup), a Bolt handshake plus RETURN 1, and the parser's
// /ready plus the parse of one short sentence.
// It exits 0 when every requested service is ready, 1 on timeout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg/corenlp"
	"github.com/segmentio/kafka-go"
)

func checkKafka(ctx context.Context, addr string) error {
	tr := &kafka.Transport{}
	defer tr.CloseIdleConnections()
	c := &kafka.Client{Addr: kafka.TCP(addr), Timeout: 3 * time.Second, Transport: tr}
	md, err := c.Metadata(ctx, &kafka.MetadataRequest{})
	if err != nil {
		return err
	}
	if len(md.Brokers) == 0 {
		return errors.New("metadata lists no brokers")
	}
	// Also wait for the group coordinator. On a new broker this creates
	// __consumer_offsets, so a test's first consumer group does not fail
	// FindCoordinator and sit out kafka-go's 5 s JoinGroupBackoff.
	fc, err := c.FindCoordinator(ctx, &kafka.FindCoordinatorRequest{
		Key: "kg-probe", KeyType: kafka.CoordinatorKeyTypeConsumer,
	})
	if err == nil {
		err = fc.Error
	}
	return err
}

func checkNeo4j(ctx context.Context, uri string) error {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		return err
	}
	defer driver.Close(ctx)
	if err := driver.VerifyConnectivity(ctx); err != nil {
		return err
	}
	_, err = neo4j.ExecuteQuery(ctx, driver, "RETURN 1", nil, neo4j.EagerResultTransformer)
	return err
}

// checkCoreNLP asks /ready, then parses a sentence: the server answers
// /ready before it has served anything, and a parse proves the models load
// and the pipeline the workers ask for runs.
func checkCoreNLP(ctx context.Context, c *corenlp.Client) error {
	if err := c.Ready(ctx); err != nil {
		return err
	}
	ps, err := c.Parse(ctx, []string{"The parser is ready."})
	if err != nil {
		return err
	}
	if len(ps) != 1 || len(ps[0].Tokens) != 5 || len(ps[0].Deps) == 0 {
		return fmt.Errorf("unexpected parse of a test sentence: %+v", ps)
	}
	return nil
}

func main() {
	kafkaAddr := flag.String("kafka", "", "Kafka bootstrap host:port to probe")
	neo4jURI := flag.String("neo4j", "", "Neo4j URI (bolt://host:port) to probe")
	coreNLPURL := flag.String("corenlp", "", "CoreNLP server URL (http://host:port) to probe")
	timeout := flag.Duration("timeout", 60*time.Second, "give up after this long")
	flag.Parse()
	if *kafkaAddr == "" && *neo4jURI == "" && *coreNLPURL == "" {
		fmt.Fprintln(os.Stderr, "probe: need -kafka, -neo4j and/or -corenlp")
		os.Exit(2)
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	var parser *corenlp.Client // one, so its connections are reused across tries
	if *coreNLPURL != "" {
		parser = corenlp.New(corenlp.Config{URL: *coreNLPURL, Attempts: 1, RequestTimeout: 30 * time.Second})
	}
	for {
		var err error
		if *kafkaAddr != "" {
			err = checkKafka(ctx, *kafkaAddr)
		}
		if err == nil && *neo4jURI != "" {
			err = checkNeo4j(ctx, *neo4jURI)
		}
		if err == nil && parser != nil {
			err = checkCoreNLP(ctx, parser)
		}
		if err == nil {
			return
		}
		select {
		case <-ctx.Done():
			fmt.Fprintf(os.Stderr, "probe: not ready after %s: %v\n", *timeout, err)
			os.Exit(1)
		case <-time.After(200 * time.Millisecond):
		}
	}
}
