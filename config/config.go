// Package config is the environment of kg: the KG_ variables, their
// defaults and descriptions (for --help), the logger they ask for, and the
// settings of the clients built from them (Kafka security, Neo4j, the
// extractor with its parser and overrides).
package config

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kelseyhightower/envconfig"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/corenlp"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/redact"
)

// Config is the whole environment of kg, read with the prefix KG_. Secrets
// have no default and are never printed.
type Config struct {
	KafkaBrokers       []string      `envconfig:"KAFKA_BROKERS" default:"localhost:9092" desc:"Kafka bootstrap brokers, comma-separated"`
	KafkaGroupID       string        `envconfig:"KAFKA_GROUP_ID" default:"kg-workers" desc:"consumer group of the workers; replicas share its partitions"`
	ArticlesTopic      string        `envconfig:"ARTICLES_TOPIC" default:"articles" desc:"article topic (compacted; the dead-letter topic is <topic>.dlq)"`
	EventsTopic        string        `envconfig:"EVENTS_TOPIC" default:"events" desc:"event topic, consumed beside the article topic; empty consumes articles only"`
	KafkaTLS           bool          `envconfig:"KAFKA_TLS" default:"false" desc:"connect to Kafka over TLS"`
	KafkaTLSCAFile     string        `envconfig:"KAFKA_TLS_CA_FILE" desc:"PEM file of CAs to trust for Kafka TLS (default: the system roots)"`
	KafkaSASLMechanism string        `envconfig:"KAFKA_SASL_MECHANISM" desc:"PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; empty for none"`
	KafkaSASLUsername  string        `envconfig:"KAFKA_SASL_USERNAME" desc:"SASL user"`
	KafkaSASLPassword  string        `envconfig:"KAFKA_SASL_PASSWORD" desc:"SASL password (secret, no default)"`
	Neo4jURI           string        `envconfig:"NEO4J_URI" default:"bolt://localhost:7687" desc:"Neo4j URI: bolt://, neo4j://, bolt+s:// or neo4j+s://"`
	Neo4jUser          string        `envconfig:"NEO4J_USER" default:"neo4j" desc:"Neo4j user"`
	Neo4jPassword      string        `envconfig:"NEO4J_PASSWORD" desc:"Neo4j password (secret, no default; empty connects without authentication)"`
	Neo4jDatabase      string        `envconfig:"NEO4J_DATABASE" default:"neo4j" desc:"Neo4j database, passed on every call"`
	BatchMaxMessages   int           `envconfig:"BATCH_MAX_MESSAGES" default:"2000" desc:"messages per batch per partition"`
	BatchMaxBytes      int           `envconfig:"BATCH_MAX_BYTES" default:"8388608" desc:"bytes of messages per batch, and in the batches of all partitions together"`
	BatchLinger        time.Duration `envconfig:"BATCH_LINGER" default:"200ms" desc:"longest a partial batch waits for more messages; it closes at once when its partition has nothing more to read"`
	WriteConcurrency   int           `envconfig:"WRITE_CONCURRENCY" default:"2" desc:"graph transactions in flight per worker; partitions build batches in parallel and take turns to write"`
	MaxMessageBytes    int           `envconfig:"MAX_MESSAGE_BYTES" default:"921600" desc:"larger message values are dead-lettered"`
	DLQMaxShare        float64       `envconfig:"DLQ_MAX_SHARE" default:"0.5" desc:"share of the last 200 messages that may be dead-lettered before the worker stops"`
	ShutdownTimeout    time.Duration `envconfig:"SHUTDOWN_TIMEOUT" default:"30s" desc:"bound on finishing the batch in flight at shutdown"`
	SessionTimeout     time.Duration `envconfig:"SESSION_TIMEOUT" default:"10s" desc:"consumer group session timeout"`
	HTTPAddr           string        `envconfig:"HTTP_ADDR" default:":9464" desc:"address of /metrics, /healthz and /readyz; empty disables"`
	PProf              bool          `envconfig:"PPROF" default:"false" desc:"serve /debug/pprof/ on KG_PPROF_ADDR, for profiling"`
	PProfAddr          string        `envconfig:"PPROF_ADDR" default:"127.0.0.1:6060" desc:"address of /debug/pprof/ when KG_PPROF is true; loopback by default, since profiles are unauthenticated"`
	StallTimeout       time.Duration `envconfig:"STALL_TIMEOUT" default:"2m" desc:"a partition with lag that has not advanced this long is stalled: /readyz and /healthz fail naming it, kg_partition_stalled is 1"`
	DeadLetterMaxBytes int           `envconfig:"DEAD_LETTER_MAX_BYTES" default:"1000000" desc:"largest dead letter; a message that would make a larger one keeps a 64 KiB prefix of its value, marked kg-truncated"`
	LogLevel           string        `envconfig:"LOG_LEVEL" default:"info" desc:"debug, info, warn or error"`
	LogFormat          string        `envconfig:"LOG_FORMAT" default:"json" desc:"json or text"`
	Parser             string        `envconfig:"PARSER" default:"corenlp" desc:"corenlp: bind relations over the dependency parse of the CoreNLP server at KG_PARSER_URL; off: the rules-only extractor, on purpose (recorded in extractor_version)"`
	ParserURL          string        `envconfig:"PARSER_URL" default:"http://localhost:9000" desc:"CoreNLP server of the language parser"`
	ParserTimeout      time.Duration `envconfig:"PARSER_TIMEOUT" default:"60s" desc:"bound on one request to the parser; a failed request is tried 4 times with backoff, then the batch waits"`
	ParserConcurrency  int           `envconfig:"PARSER_CONCURRENCY" default:"2" desc:"requests one worker has in flight to the parser; a parser pod serves about 2 per core"`
	OverridesFile      string        `envconfig:"OVERRIDES_FILE" desc:"entity overrides (same-as, not-same-as, canonical; format: README, Entity overrides) read by kg extract, kg worker and kg reprocess; empty for none"`
}

const envPrefix = "KG"

// Load reads the KG_ variables.
func Load() (Config, error) {
	var c Config
	if err := envconfig.Process(envPrefix, &c); err != nil {
		// envconfig's messages name the variable and the bad value's
		// type, never a secret's value.
		return c, fmt.Errorf("configuration: %w", err)
	}
	return c, nil
}

// Extractor returns the extractor of kg extract and kg worker, with the
// overrides of KG_OVERRIDES_FILE when it is set, binding relations over
// the parser of KG_PARSER_URL unless KG_PARSER is off.
func (c Config) Extractor() (*ingest.Extractor, error) {
	var ov *ingest.Overrides
	if c.OverridesFile != "" {
		b, err := os.ReadFile(c.OverridesFile)
		if err != nil {
			return nil, fmt.Errorf("KG_OVERRIDES_FILE: %w", err)
		}
		if ov, err = ingest.ParseOverrides(b); err != nil {
			return nil, fmt.Errorf("KG_OVERRIDES_FILE %s: %w", c.OverridesFile, err)
		}
	}
	x := ingest.NewExtractor(ov)
	switch strings.ToLower(c.Parser) {
	case "off":
		return x, nil
	case "corenlp":
		return x.WithParser(corenlp.New(corenlp.Config{
			URL: c.ParserURL, RequestTimeout: c.ParserTimeout, MaxConcurrent: c.ParserConcurrency,
		})), nil
	}
	return nil, fmt.Errorf("KG_PARSER %q: want corenlp or off", c.Parser)
}

// Usage is the table of variables with their defaults, for --help.
func Usage() string {
	var c Config
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
	const format = "ENVIRONMENT\tDEFAULT\tDESCRIPTION\n{{range .}}{{usage_key .}}\t{{usage_default .}}\t{{usage_description .}}\n{{end}}"
	if err := envconfig.Usagef(envPrefix, &c, tw, format); err != nil {
		return err.Error()
	}
	tw.Flush()
	return buf.String()
}

// NewLogger returns the logger of KG_LOG_LEVEL and KG_LOG_FORMAT, writing
// to w.
func NewLogger(c Config, w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, fmt.Errorf("KG_LOG_LEVEL: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level, ReplaceAttr: redactAttr}
	switch strings.ToLower(c.LogFormat) {
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("KG_LOG_FORMAT %q: want json or text", c.LogFormat)
}

// redactAttr keeps credentials written into an address out of every log
// line, whoever logs it: string, error and string-list values pass through
// redact.URL. The sites that log an address redact it themselves too.
func redactAttr(_ []string, a slog.Attr) slog.Attr {
	switch v := a.Value.Any().(type) {
	case string:
		a.Value = slog.StringValue(redact.URL(v))
	case error:
		a.Value = slog.StringValue(redact.URL(v.Error()))
	case []string:
		a.Value = slog.AnyValue(RedactAll(v))
	}
	return a
}

// RedactAll is redact.URL of each address, for broker lists.
func RedactAll(addrs []string) []string {
	out := make([]string, len(addrs))
	for i, a := range addrs {
		out[i] = redact.URL(a)
	}
	return out
}

// Security is the TLS and SASL setting of the Kafka clients.
func (c Config) Security() consumers.Security {
	return consumers.Security{
		TLS: c.KafkaTLS, TLSCAFile: c.KafkaTLSCAFile, SASLMechanism: c.KafkaSASLMechanism,
		SASLUsername: c.KafkaSASLUsername, SASLPassword: c.KafkaSASLPassword,
	}
}

// Neo4j is the store's connection setting.
func (c Config) Neo4j() neo4jstore.Config {
	user := c.Neo4jUser
	if c.Neo4jPassword == "" {
		user = "" // no password: connect without authentication
	}
	return neo4jstore.Config{
		URI: c.Neo4jURI, User: user, Password: c.Neo4jPassword, Database: c.Neo4jDatabase,
	}
}

// ParserLabel names the parser the worker binds relations with, for its
// start-up line.
func (c Config) ParserLabel() string {
	if strings.EqualFold(c.Parser, "off") {
		return "off"
	}
	return redact.URL(c.ParserURL)
}

// Consumers is the setting of the worker's consumer loop.
func (c Config) Consumers() consumers.Config {
	return consumers.Config{
		Brokers:            c.KafkaBrokers,
		GroupID:            c.KafkaGroupID,
		ArticlesTopic:      c.ArticlesTopic,
		EventsTopic:        c.EventsTopic,
		Security:           c.Security(),
		BatchMaxMessages:   c.BatchMaxMessages,
		BatchMaxBytes:      c.BatchMaxBytes,
		BatchLinger:        c.BatchLinger,
		WriteConcurrency:   c.WriteConcurrency,
		MaxMessageBytes:    c.MaxMessageBytes,
		DLQMaxShare:        c.DLQMaxShare,
		ShutdownTimeout:    c.ShutdownTimeout,
		SessionTimeout:     c.SessionTimeout,
		StallTimeout:       c.StallTimeout,
		DeadLetterMaxBytes: c.DeadLetterMaxBytes,
		// A partition extracts a request's worth more articles than the
		// client sends at once, so the next ones are ready to go.
		ParserConcurrency: 2 * c.ParserConcurrency,
	}
}

// Reprocess is the setting of kg reprocess's read of the article topic.
func (c Config) Reprocess() consumers.Config {
	return consumers.Config{
		Brokers: c.KafkaBrokers, GroupID: c.KafkaGroupID, ArticlesTopic: c.ArticlesTopic,
		Security: c.Security(), BatchMaxMessages: c.BatchMaxMessages, MaxMessageBytes: c.MaxMessageBytes,
	}
}

// DeadLetterTopics returns the dead-letter topics a kg dlq command covers:
// topic when it is given (--topic), else those of the article and the
// event topic.
func (c Config) DeadLetterTopics(topic string) []string {
	if topic != "" {
		return []string{topic}
	}
	return consumers.DeadLetterTopics(c.ArticlesTopic, c.EventsTopic)
}
