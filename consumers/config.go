package consumers

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"
)

// Config configures a worker. Zero values take the defaults named on each
// field.
type Config struct {
	Brokers       []string
	GroupID       string
	ArticlesTopic string
	EventsTopic   string // empty: consume articles only
	Security      Security

	BatchMaxMessages int           // messages per batch per partition; default 2000
	BatchMaxBytes    int           // bytes of messages per batch, and in all batches (memoryBudget); default 8 MiB
	BatchLinger      time.Duration // longest a partial batch waits for more (none when caught up); default 200ms
	MaxMessageBytes  int           // larger values are dead-lettered; default 900 KiB

	// WriteConcurrency bounds the graph transactions the worker has in
	// flight; default 2. Partitions fetch and build their batches in
	// parallel and take turns to write them. Two transactions keep one
	// Neo4j busy while the other commits or travels; more contend for the
	// hot entities (the states most events name) and deadlock more often.
	WriteConcurrency int

	// ParserConcurrency bounds the articles of one batch extracted at
	// once, and so the requests one partition has in flight to the
	// language parser. Default 4.
	ParserConcurrency int

	// DLQMaxShare is the share of messages in the last DLQWindow that may be
	// dead-lettered before the worker stops instead: a stream that is mostly
	// bad means a broken producer or a broken worker, not bad messages.
	// Default 0.5.
	DLQMaxShare float64
	DLQWindow   int // default 200 messages

	// ShutdownTimeout bounds how long a batch being written may take to
	// finish after shutdown begins; past it the batch is abandoned and its
	// offsets are not committed. Default 30s.
	ShutdownTimeout time.Duration
	// SessionTimeout is the consumer group session: a worker silent that
	// long loses its partitions. Default 10s.
	SessionTimeout time.Duration
	// StallTimeout is how long a partition with lag may go without
	// progress before it counts as stalled: /readyz and /healthz fail
	// naming it, and kg_partition_stalled is 1. Default 2m: well past the
	// longest a healthy batch takes (a transaction, its retries, a split).
	StallTimeout time.Duration
	// LagInterval is how often the worker measures the lag of the
	// partitions it owns. Default 5s.
	LagInterval time.Duration
	// DeadLetterMaxBytes bounds one dead letter: a message that would make
	// a larger one keeps a prefix of its value, marked kg-truncated.
	// Default 1,000,000 bytes, under the 1 MiB that Kafka brokers and the
	// dead-letter writer accept by default.
	DeadLetterMaxBytes int
	// RetryMaxBackoff caps the wait between retries of a batch after a
	// transient graph error: an attempt against a database that is down
	// fails at once, so the cap is how soon the worker notices it is back.
	// Default 5s.
	RetryMaxBackoff time.Duration
}

// Defaults returns the configuration a zero Config takes: the default
// named on each field. kg documents the same values for its KG_* variables,
// and a test of kg holds the two equal.
func Defaults() Config {
	var c Config
	c.setDefaults()
	return c
}

func (c *Config) setDefaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defDur := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.BatchMaxMessages, 2000)
	def(&c.BatchMaxBytes, 8<<20)
	def(&c.MaxMessageBytes, 900<<10)
	def(&c.DLQWindow, 200)
	def(&c.WriteConcurrency, 2)
	def(&c.ParserConcurrency, 4)
	def(&c.DeadLetterMaxBytes, 1_000_000)
	defDur(&c.BatchLinger, 200*time.Millisecond)
	defDur(&c.ShutdownTimeout, 30*time.Second)
	defDur(&c.SessionTimeout, 10*time.Second)
	defDur(&c.StallTimeout, 2*time.Minute)
	defDur(&c.LagInterval, 5*time.Second)
	defDur(&c.RetryMaxBackoff, 5*time.Second)
	if c.DLQMaxShare <= 0 {
		c.DLQMaxShare = 0.5
	}
}

// memoryBudget bounds the bytes of messages that the worker holds at
// once, across partitions: those in batches and the one each partition is
// reading. It is one full batch. What a batch becomes on its way to the
// graph (decoded text, extraction results, statement parameters) takes
// about as much again, which keeps the worker's peak RSS within 64 MiB + 2
// x BatchMaxBytes. A partition that finds the budget spent writes the batch
// it has; one with no batch waits.
func (c *Config) memoryBudget() int64 { return int64(c.BatchMaxBytes) }

// readReserve is the budget a partition takes before it reads a message,
// whose size it learns only once the message is read: the message limit
// and a key, at most the whole budget. What the message does not need goes
// back at once.
func (c *Config) readReserve() int64 {
	return min(int64(c.MaxMessageBytes)+maxKeyBytes, c.memoryBudget())
}

// maxKeyBytes is what readReserve allows for a message's key: ids are at
// most 256 bytes.
const maxKeyBytes = 1 << 10

func (c *Config) validate() error {
	if len(c.Brokers) == 0 {
		return errors.New("no Kafka brokers")
	}
	if c.GroupID == "" {
		return errors.New("no consumer group id")
	}
	if c.ArticlesTopic == "" {
		return errors.New("no article topic")
	}
	if c.DeadLetterMaxBytes < 2*DeadLetterPrefixBytes {
		return fmt.Errorf("dead-letter limit %d bytes is under %d: a truncated dead letter would not fit", c.DeadLetterMaxBytes, 2*DeadLetterPrefixBytes)
	}
	if c.DLQMaxShare > 1 {
		return fmt.Errorf("dead-letter share %v is over 1", c.DLQMaxShare)
	}
	return nil
}

// DeadLetterTopic returns the dead-letter topic of a topic.
func DeadLetterTopic(topic string) string { return topic + ".dlq" }

// Security says how to authenticate to Kafka.
type Security struct {
	TLS           bool
	TLSCAFile     string // PEM bundle to trust instead of the system roots
	SASLMechanism string // "", "PLAIN", "SCRAM-SHA-256" or "SCRAM-SHA-512"
	SASLUsername  string
	SASLPassword  string // never logged
}

func (s Security) tlsConfig() (*tls.Config, error) {
	if !s.TLS {
		return nil, nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.TLSCAFile != "" {
		pem, err := os.ReadFile(s.TLSCAFile)
		if err != nil {
			return nil, fmt.Errorf("kafka CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("kafka CA file %s holds no PEM certificate", s.TLSCAFile)
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

func (s Security) mechanism() (sasl.Mechanism, error) {
	switch strings.ToUpper(s.SASLMechanism) {
	case "":
		return nil, nil
	case "PLAIN":
		return plain.Mechanism{Username: s.SASLUsername, Password: s.SASLPassword}, nil
	case "SCRAM-SHA-256":
		return scram.Mechanism(scram.SHA256, s.SASLUsername, s.SASLPassword)
	case "SCRAM-SHA-512":
		return scram.Mechanism(scram.SHA512, s.SASLUsername, s.SASLPassword)
	}
	return nil, fmt.Errorf("unknown SASL mechanism %q (want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)", s.SASLMechanism)
}

// Dialer returns a kafka-go dialer for readers and consumer groups.
func (s Security) Dialer() (*kafka.Dialer, error) {
	t, m, err := s.settings()
	if err != nil {
		return nil, err
	}
	return &kafka.Dialer{Timeout: 10 * time.Second, DualStack: true, TLS: t, SASLMechanism: m}, nil
}

// Transport returns a kafka-go transport for writers.
func (s Security) Transport() (*kafka.Transport, error) {
	t, m, err := s.settings()
	if err != nil {
		return nil, err
	}
	return &kafka.Transport{DialTimeout: 10 * time.Second, TLS: t, SASL: m}, nil
}

// settings are the TLS configuration and SASL mechanism that dialers and
// transports share.
func (s Security) settings() (*tls.Config, sasl.Mechanism, error) {
	t, err := s.tlsConfig()
	if err != nil {
		return nil, nil, err
	}
	m, err := s.mechanism()
	if err != nil {
		return nil, nil, err
	}
	return t, m, nil
}

// NewWriter returns a Kafka writer that keys messages with the murmur2
// partitioner (the Java client's default, so every producer sends an id to
// the same partition) and waits for all in-sync replicas. Given the topics
// it writes to, it keeps the metadata of those alone; without, of every
// topic of the cluster, refreshed every few seconds (megabytes on a
// cluster of a few hundred topics).
func NewWriter(brokers []string, sec Security, topics ...string) (*Writer, error) {
	tr, err := sec.Transport()
	if err != nil {
		return nil, err
	}
	tr.MetadataTopics = topics
	return &Writer{tr: tr, Writer: &kafka.Writer{
		Addr:         kafka.TCP(brokers...),
		Transport:    tr,
		Balancer:     &kafka.Murmur2Balancer{},
		RequiredAcks: kafka.RequireAll,
		BatchTimeout: 5 * time.Millisecond,
		BatchSize:    500,
		// A broker's message.max.bytes (1 MiB by default) bounds a whole
		// record batch, not one record: larger batches are refused.
		BatchBytes:   1 << 20,
		WriteTimeout: 30 * time.Second,
		MaxAttempts:  10,
		// Topics are created by kg publish and kg worker (EnsureTopic),
		// with the partitions and compaction the pipeline needs, never by
		// a broker's defaults on first write.
		AllowAutoTopicCreation: false,
	}}, nil
}

// Writer is a kafka.Writer whose Close also closes its transport: the
// connections and the metadata refresh that kafka.Writer leaves running
// when the transport was given to it.
type Writer struct {
	*kafka.Writer
	tr *kafka.Transport
}

// Close flushes what is pending, then closes the transport.
func (w *Writer) Close() error {
	err := w.Writer.Close()
	w.tr.CloseIdleConnections()
	return err
}
