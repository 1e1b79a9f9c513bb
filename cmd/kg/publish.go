package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/inputs"
	"github.com/newsgraph/kg/render"
)

// Input formats of kg publish.
const (
	formatArticles = inputs.Articles // the default: article messages or plain-text articles
	formatEvents   = inputs.Events   // JSON Lines of event messages
	formatGDELT    = inputs.GDELT    // GDELT 1.0 or 2.0 event files
	formatICEWS    = inputs.ICEWS    // ICEWS event files with a header row
)

func publishCmd() *cobra.Command {
	var topic, format string
	var retract []string
	var partitions int
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "publish FILE... | -",
		Short: "Publish article or event messages to Kafka",
		Long: `Publish messages, keyed by id with the murmur2 partitioner (so every version of a
message lands on one partition, in order) and acknowledged by all in-sync replicas.

--format articles (the default): .jsonl files hold one article message per line, .json files
one article message or an array of them (elements named file.json[0], file.json[1], ...), -
reads JSON Lines from stdin, and any other file is one plain-text article whose id is the file
name without extension; published to $KG_ARTICLES_TOPIC (compacted). --retract publishes
tombstones.

--format gdelt | icews | events: GDELT 1.0/2.0 event files (tab-separated, no header), ICEWS
event files (tab-separated, with a header row) or JSON Lines of event messages; every row
becomes an event message (ids gdelt:<GLOBALEVENTID>, icews:<event_date>:<event_id>)
published to $KG_EVENTS_TOPIC (not compacted). A summary of the rows read and their outcomes
(invalid, event only, claim), with counts per reason, ends the output on stderr.

Messages that break the contract, and files that are not UTF-8 text (a NUL byte or an invalid
sequence, reported with its byte offset), are reported with their reason and skipped; the good
ones are sent all the same, and then kg publish exits with status 1 and the count of rejected
inputs. --dry-run prints the messages as JSON Lines on stdout instead of publishing them, with
the same checks and exit status.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case formatArticles, formatEvents, formatGDELT, formatICEWS:
			default:
				return fmt.Errorf("--format %q: want articles, events, gdelt or icews", format)
			}
			events := format != formatArticles
			if len(args) == 0 && (len(retract) == 0 || events) {
				return fmt.Errorf("nothing to publish: name files, - for stdin, or --retract ID")
			}
			if events && len(retract) > 0 {
				return fmt.Errorf("--retract retracts articles; events are not retracted")
			}
			s, err := loadSetup(cmd)
			if err != nil {
				return err
			}
			cfg := s.Config
			if topic == "" {
				topic = cfg.ArticlesTopic
				if events {
					topic = cfg.EventsTopic
				}
			}
			var out consumers.Sender = consumers.NewDryRun(cmd.OutOrStdout(), topic)
			if !dryRun {
				p, err := consumers.NewPublisher(cmd.Context(), cfg.KafkaBrokers, cfg.Security(), topic,
					consumers.TopicSpec{Partitions: partitions, Compact: !events})
				if err != nil {
					return err
				}
				defer p.Close()
				out = p
			}
			if events {
				return publishEvents(cmd, out, format, args, cfg.MaxMessageBytes, dryRun)
			}
			return publish(cmd, out, args, retract, cfg.MaxMessageBytes, dryRun)
		},
	}
	cmd.Flags().StringVar(&format, "format", formatArticles, "input format: articles, events (JSON Lines of event messages), gdelt or icews")
	cmd.Flags().StringVar(&topic, "topic", "", "topic to publish to (default $KG_ARTICLES_TOPIC, or $KG_EVENTS_TOPIC for event formats)")
	cmd.Flags().IntVar(&partitions, "partitions", 3, "partitions of the topic when publish has to create it (the article topic compacted)")
	cmd.Flags().StringArrayVar(&retract, "retract", nil, "publish a tombstone retracting the article with this id (repeatable)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print the messages as JSON Lines instead of publishing them")
	return cmd
}

func publish(cmd *cobra.Command, out consumers.Sender, paths, retract []string, maxBytes int, dryRun bool) error {
	ctx := cmd.Context()
	b := consumers.NewOutbox(out)
	bad := 0
	bar := render.ProgressOf(cmd.ErrOrStderr(), paths)
	defer bar.Finish()
	stderr := bar.Messages(cmd.ErrOrStderr())
	err := inputs.ReadArticles(paths, cmd.InOrStdin(), bar.Writer(), func(r inputs.Record) error {
		if r.Err != nil {
			bad++
			fmt.Fprintf(stderr, "%s: skipped: %v\n", r.Where, r.Err)
			return nil
		}
		if _, err := ingest.DecodeArticle(r.Key, r.Value, maxBytes); err != nil {
			bad++
			fmt.Fprintf(stderr, "%s: skipped: %v\n", r.Where, err)
			return nil
		}
		return b.Add(ctx, consumers.Message{Key: r.Key, Value: r.Value})
	})
	if err != nil {
		return err
	}
	for _, id := range retract {
		if err := b.Add(ctx, consumers.Message{Key: []byte(id), Value: nil}); err != nil {
			return err
		}
	}
	if err := b.Flush(ctx); err != nil {
		return err
	}
	bar.Finish()
	summaryOut := cmd.OutOrStdout()
	if dryRun {
		summaryOut = cmd.ErrOrStderr()
	}
	render.PublishSummary(summaryOut, b.Sent(), bad, out.Topic(), dryRun)
	return rejected(bad, dryRun)
}

// rejected is the error that makes kg publish exit non-zero when any input
// line, row or file was rejected: the good ones have been sent by then, and
// a script must not take a partial publish for a whole one.
func rejected(bad int, dryRun bool) error {
	if bad == 0 {
		return nil
	}
	done := "published"
	if dryRun {
		done = "printed"
	}
	return fmt.Errorf("%d input lines, rows or files rejected (each is reported above with its reason); the others were %s", bad, done)
}

// publishEvents reads event rows, publishes every valid one as an event
// message and counts the outcome of each row.
func publishEvents(cmd *cobra.Command, out consumers.Sender, format string, paths []string, maxBytes int, dryRun bool) error {
	ctx := cmd.Context()
	b := consumers.NewOutbox(out)
	t := ingest.NewTally()
	bar := render.ProgressOf(cmd.ErrOrStderr(), paths)
	defer bar.Finish()
	stderr := bar.Messages(cmd.ErrOrStderr())
	err := inputs.ReadEvents(format, paths, cmd.InOrStdin(), bar.Writer(), func(r inputs.Record) error {
		if err := t.Check(r.Key, r.Value, maxBytes, r.Err); err != nil {
			fmt.Fprintf(stderr, "%s: skipped: %v\n", r.Where, err)
			return nil
		}
		return b.Add(ctx, consumers.Message{Key: r.Key, Value: r.Value})
	})
	if err != nil {
		return err
	}
	if err := b.Flush(ctx); err != nil {
		return err
	}
	bar.Finish()
	stderr = cmd.ErrOrStderr()
	invalid, _, _ := t.Totals()
	if !dryRun {
		render.PublishSummary(cmd.OutOrStdout(), b.Sent(), invalid, out.Topic(), false)
	}
	render.EventTally(stderr, t, format)
	return rejected(invalid, dryRun)
}
