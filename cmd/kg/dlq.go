package main

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/consumers"
)

func dlqCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dlq",
		Short: "Inspect and replay dead letters",
		Long: `Dead letters are messages the worker could not process, kept in <topic>.dlq with the
reason (kg-error), the details and where they came from. Inspect them, fix the producer or
the worker, then replay them to their original topic.`,
	}
	cmd.AddCommand(dlqInspectCmd(), dlqReplayCmd())
	return cmd
}

func dlqTopic(cfg Config, topic string) string {
	if topic != "" {
		return topic
	}
	return consumers.DeadLetterTopic(cfg.ArticlesTopic)
}

func dlqInspectCmd() *cobra.Command {
	var topic string
	var list bool
	cmd := &cobra.Command{
		Use:   "inspect",
		Short: "Count dead letters by reason, or list them",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			topic = dlqTopic(cfg, topic)
			out := cmd.OutOrStdout()
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			counts := map[string]int{}
			total := 0
			if list {
				fmt.Fprintln(tw, "PARTITION/OFFSET\tREASON\tFROM\tKEY\tATTEMPT\tDETAIL")
			}
			err = consumers.ReadDeadLetters(cmd.Context(), cfg.KafkaBrokers, cfg.security(), topic, func(d consumers.DeadLetter) error {
				counts[d.Reason]++
				total++
				if list {
					detail := d.Detail
					if d.Truncated {
						detail = fmt.Sprintf("[truncated: %d of %d bytes kept] %s", len(d.Value), d.OrigValueBytes, detail)
					}
					fmt.Fprintf(tw, "%d/%d\t%s\t%s/%d/%d\t%s\t%d\t%s\n", d.Partition, d.Offset, d.Reason, d.Topic,
						d.OrigPartition, d.OrigOffset, clip(string(d.Key), 40), d.Attempt, clip(detail, 120))
				}
				return nil
			})
			if err != nil {
				return err
			}
			if !list {
				fmt.Fprintln(tw, "REASON\tCOUNT")
				reasons := make([]string, 0, len(counts))
				for r := range counts {
					reasons = append(reasons, r)
				}
				sort.Strings(reasons)
				for _, r := range reasons {
					fmt.Fprintf(tw, "%s\t%d\n", r, counts[r])
				}
			}
			tw.Flush()
			fmt.Fprintf(out, "%d dead letters in %s\n", total, topic)
			return nil
		},
	}
	cmd.Flags().StringVar(&topic, "topic", "", "dead-letter topic (default $KG_ARTICLES_TOPIC.dlq)")
	cmd.Flags().BoolVar(&list, "list", false, "list every dead letter instead of counting")
	return cmd
}

func dlqReplayCmd() *cobra.Command {
	var topic string
	var reasons, offsets []string
	var maxAttempts int
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "replay",
		Short: "Republish chosen dead letters to their original topic",
		Long: `Republish dead letters to the topic they came from, with their original key, value,
headers and timestamp. kg-replay-attempt counts the replays of a message (a replayed message
that fails again comes back with its count) and kg-replayed-from names the dead letter.
Choose with --reason and --offset (PARTITION/OFFSET in the dead-letter topic); with neither,
every dead letter is replayed. A dead letter marked kg-truncated (its message was too large
for the dead-letter topic) replays the original, read from its topic, partition and offset
while that topic retains it. Writes are idempotent, so replaying a record twice leaves the
graph as replaying it once.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			topic = dlqTopic(cfg, topic)
			wantReason := map[string]bool{}
			for _, r := range reasons {
				wantReason[r] = true
			}
			wantOffset := map[string]bool{}
			for _, o := range offsets {
				wantOffset[strings.TrimSpace(o)] = true
			}
			var chosen []consumers.DeadLetter
			skipped := 0
			err = consumers.ReadDeadLetters(cmd.Context(), cfg.KafkaBrokers, cfg.security(), topic, func(d consumers.DeadLetter) error {
				if len(wantReason) > 0 && !wantReason[d.Reason] {
					return nil
				}
				if len(wantOffset) > 0 && !wantOffset[fmt.Sprintf("%d/%d", d.Partition, d.Offset)] {
					return nil
				}
				if maxAttempts > 0 && d.Attempt >= maxAttempts {
					skipped++
					return nil
				}
				chosen = append(chosen, d)
				return nil
			})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if dryRun {
				for _, d := range chosen {
					fmt.Fprintf(out, "would replay %d/%d (%s) to %s\n", d.Partition, d.Offset, d.Reason, d.Topic)
				}
			} else if err := consumers.Replay(cmd.Context(), cfg.KafkaBrokers, cfg.security(), topic, chosen); err != nil {
				return err
			}
			verb := "replayed"
			if dryRun {
				verb = "would replay"
			}
			fmt.Fprintf(out, "%s %d dead letters from %s", verb, len(chosen), topic)
			if skipped > 0 {
				fmt.Fprintf(out, "; %d skipped at --max-attempts %d", skipped, maxAttempts)
			}
			fmt.Fprintln(out)
			return nil
		},
	}
	cmd.Flags().StringVar(&topic, "topic", "", "dead-letter topic (default $KG_ARTICLES_TOPIC.dlq)")
	cmd.Flags().StringArrayVar(&reasons, "reason", nil, "replay only dead letters with this kg-error (repeatable)")
	cmd.Flags().StringArrayVar(&offsets, "offset", nil, "replay only this PARTITION/OFFSET of the dead-letter topic (repeatable)")
	cmd.Flags().IntVar(&maxAttempts, "max-attempts", 0, "skip dead letters already replayed this many times (0: no limit)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list what would be replayed without publishing")
	return cmd
}
