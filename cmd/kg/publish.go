package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/ingest"
)

func publishCmd() *cobra.Command {
	var topic string
	var retract []string
	var partitions int
	cmd := &cobra.Command{
		Use:   "publish FILE... | -",
		Short: "Publish article messages to Kafka",
		Long: `Publish article messages, keyed by id with the murmur2 partitioner (so every version of
an article lands on one partition, in order) and acknowledged by all in-sync replicas.
.jsonl files hold one message per line, - reads JSON Lines from stdin, and any other file is
one plain-text article whose id is the file name without extension. Messages that break the
article contract are reported with their reason and skipped; --retract publishes tombstones.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && len(retract) == 0 {
				return fmt.Errorf("nothing to publish: name files, - for stdin, or --retract ID")
			}
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			if topic == "" {
				topic = cfg.ArticlesTopic
			}
			p, err := consumers.NewPublisher(cmd.Context(), cfg.KafkaBrokers, cfg.security(), topic,
				consumers.TopicSpec{Partitions: partitions, Compact: true})
			if err != nil {
				return err
			}
			defer p.Close()
			return publish(cmd, p, args, retract, cfg.MaxMessageBytes)
		},
	}
	cmd.Flags().StringVar(&topic, "topic", "", "topic to publish to (default $KG_ARTICLES_TOPIC)")
	cmd.Flags().IntVar(&partitions, "partitions", 3, "partitions of the topic when publish has to create it (compacted)")
	cmd.Flags().StringArrayVar(&retract, "retract", nil, "publish a tombstone retracting the article with this id (repeatable)")
	return cmd
}

// publishChunk is how many messages go to Kafka in one call.
const publishChunk = 500

func publish(cmd *cobra.Command, p *consumers.Publisher, paths, retract []string, maxBytes int) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	var pending []consumers.Message
	sent, bad := 0, 0
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := p.Publish(ctx, pending); err != nil {
			return err
		}
		sent += len(pending)
		pending = pending[:0]
		return nil
	}
	err := readInputs(paths, cmd.InOrStdin(), func(r record) error {
		if _, err := ingest.DecodeArticle(r.key, r.value, maxBytes); err != nil {
			bad++
			fmt.Fprintf(stderr, "%s: skipped: %v\n", r.where, err)
			return nil
		}
		pending = append(pending, consumers.Message{Key: r.key, Value: r.value})
		if len(pending) >= publishChunk {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range retract {
		pending = append(pending, consumers.Message{Key: []byte(id), Value: nil})
	}
	if err := flush(); err != nil {
		return err
	}
	summary(cmd.OutOrStdout(), sent, bad, p.Topic())
	return nil
}

func summary(out io.Writer, sent, bad int, topic string) {
	fmt.Fprintf(out, "published %d messages to %s", sent, topic)
	if bad > 0 {
		fmt.Fprintf(out, "; %d skipped as malformed", bad)
	}
	fmt.Fprintln(out)
}
