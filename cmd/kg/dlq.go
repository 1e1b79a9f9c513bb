package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/render"
)

func dlqCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dlq",
		Short: "Inspect and replay dead letters",
		Long: `Dead letters are messages the worker could not process, kept in <topic>.dlq with the
reason (kg-error), the details and where they came from: $KG_ARTICLES_TOPIC.dlq and
$KG_EVENTS_TOPIC.dlq. Inspect them, fix the producer or the worker, then replay them to their
original topic. A replayed dead letter stays in its topic (a Kafka topic is a log) and a replay
record beside it marks it replayed: inspect counts it apart from the open ones, and replay
skips it. A replayed message that fails again comes back as a new, open dead letter.`,
	}
	cmd.AddCommand(dlqInspectCmd(), dlqReplayCmd())
	return cmd
}

// explainNoTopic adds to a missing-topic error who creates topics.
func explainNoTopic(err error) error {
	if errors.Is(err, consumers.ErrNoTopic) {
		return fmt.Errorf("%w (nothing reads a topic into existence: kg publish and kg worker create the topics, "+
			"the dead-letter topics when the worker starts; check KG_ARTICLES_TOPIC, KG_EVENTS_TOPIC and KG_KAFKA_BROKERS)", err)
	}
	return err
}

func dlqInspectCmd() *cobra.Command {
	var topic string
	var list, showValue bool
	cmd := &cobra.Command{
		Use:   "inspect",
		Short: "Count dead letters by topic, reason and state (open or replayed), or list them",
		Long: `Count the dead letters of $KG_ARTICLES_TOPIC.dlq and $KG_EVENTS_TOPIC.dlq (or of --topic
only) by reason, open and replayed apart; --list lists each one, --show-value with its value.
A dead-letter topic that does not exist is an error.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadSetup(cmd)
			if err != nil {
				return err
			}
			topics := s.DeadLetterTopics(topic)
			report := render.NewDeadLetters(cmd.OutOrStdout(), list, showValue)
			err = consumers.ReadDeadLetterTopics(cmd.Context(), s.KafkaBrokers, s.Security(), topics, report.Add)
			if err != nil {
				return explainNoTopic(err)
			}
			report.Finish(topics)
			return nil
		},
	}
	cmd.Flags().StringVar(&topic, "topic", "", "one dead-letter topic (default: $KG_ARTICLES_TOPIC.dlq and $KG_EVENTS_TOPIC.dlq)")
	cmd.Flags().BoolVar(&list, "list", false, "list every dead letter instead of counting")
	cmd.Flags().BoolVar(&showValue, "show-value", false, "list every dead letter with its value (implies --list)")
	return cmd
}

func dlqReplayCmd() *cobra.Command {
	var topic string
	var reasons, offsets []string
	var maxAttempts int
	var dryRun, again bool
	cmd := &cobra.Command{
		Use:   "replay",
		Short: "Republish chosen dead letters to their original topic",
		Long: `Republish open dead letters of $KG_ARTICLES_TOPIC.dlq and $KG_EVENTS_TOPIC.dlq (or of
--topic only) to the topic they came from, with their original key, value, headers and
timestamp, and mark each replayed with a replay record in its dead-letter topic, so that it is
replayed once: replay skips dead letters already replayed unless --again is given.
kg-replay-attempt counts the replays of a message (a replayed message that fails again comes
back, open, with its count) and kg-replayed-from names the dead letter.
Choose with --reason (a reason of the fixed list) and --offset (PARTITION/OFFSET in the
dead-letter topic); with neither, every open dead letter is replayed. An unknown reason, a
malformed offset or an offset where no dead letter is are errors (exit status 2). A dead letter
marked kg-truncated (its message was too large for the dead-letter topic) replays the
original, read from its topic, partition and offset while that topic retains it. Writes are
idempotent, so replaying a record twice leaves the graph as replaying it once.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			choice := consumers.ReplayChoice{Reasons: map[string]bool{}, At: map[string]bool{}, MaxAttempts: maxAttempts, Again: again}
			for _, r := range reasons {
				if !consumers.IsReason(r) {
					return usagef("--reason %q: not a dead-letter reason; the reasons are %s", r, strings.Join(consumers.ReasonNames(), ", "))
				}
				choice.Reasons[r] = true
			}
			for _, o := range offsets {
				o = strings.TrimSpace(o)
				at, err := consumers.ParseDeadLetterAt(o)
				if err != nil {
					return usagef("--offset %q: %v", o, err)
				}
				choice.At[at] = true
			}
			s, err := loadSetup(cmd)
			if err != nil {
				return err
			}
			cfg := s.Config
			topics := cfg.DeadLetterTopics(topic)
			plan, err := consumers.PlanReplay(cmd.Context(), cfg.KafkaBrokers, cfg.Security(), topics, choice)
			if err != nil {
				return explainNoTopic(err)
			}
			for o := range choice.At {
				switch found := plan.Found[o]; len(found) {
				case 0:
					return usagef("--offset %s: no dead letter there in %s", o, strings.Join(topics, " or "))
				case 1:
				default:
					return usagef("--offset %s: a dead letter there in each of %s; choose one with --topic", o, strings.Join(found, " and "))
				}
			}
			out := cmd.OutOrStdout()
			n := 0
			for _, t := range topics {
				chosen := plan.Chosen[t]
				n += len(chosen)
				if dryRun {
					for _, d := range chosen {
						render.WouldReplay(out, t, d)
					}
				} else if err := consumers.Replay(cmd.Context(), cfg.KafkaBrokers, cfg.Security(), t, chosen); err != nil {
					return err
				}
			}
			render.Replayed(out, dryRun, n, topics, plan.Done, plan.Skipped, maxAttempts)
			return nil
		},
	}
	cmd.Flags().StringVar(&topic, "topic", "", "one dead-letter topic (default: $KG_ARTICLES_TOPIC.dlq and $KG_EVENTS_TOPIC.dlq)")
	cmd.Flags().StringArrayVar(&reasons, "reason", nil, "replay only dead letters with this kg-error (repeatable)")
	cmd.Flags().StringArrayVar(&offsets, "offset", nil, "replay only this PARTITION/OFFSET of the dead-letter topic (repeatable)")
	cmd.Flags().IntVar(&maxAttempts, "max-attempts", 0, "skip dead letters already replayed this many times (0: no limit)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list what would be replayed without publishing")
	cmd.Flags().BoolVar(&again, "again", false, "replay dead letters that were replayed already, too")
	return cmd
}
