package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/config"
	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/inputs"
	"github.com/newsgraph/kg/render"
)

func extractCmd() *cobra.Command {
	var format string
	var relatedOnly bool
	cmd := &cobra.Command{
		Use:   "extract FILE... | -",
		Short: "Extract entities and relations offline, one JSON object per article",
		Long: `Run the worker's extraction with no Kafka and no Neo4j and print one JSON object per
article: {"article_id", "entities": [{"id", "name", "type", "aliases"}], "relations":
[{"type", "subject", "object", "charge", "confidence", "modality", "evidence"}]}.
.jsonl files are read as article messages, one per line, .json files as one article message
or an array of them, other files as one plain-text article each (id = file name without
extension), and - as JSON Lines from stdin. Messages that break
the article contract, and files that are not UTF-8 text, are reported on stderr with their
reason and skipped; the others are extracted all the same, and then kg extract exits with
status 1 saying how many inputs it skipped and where (the first 10 positions). KG_OVERRIDES_FILE,
when set, names the entity overrides to apply, as in kg worker.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" && format != "dot" {
				return fmt.Errorf("--format %q: want json or dot", format)
			}
			if relatedOnly && format != "dot" {
				return fmt.Errorf("--related-only is for --format dot")
			}
			s, err := loadSetup(cmd)
			if err != nil {
				return err
			}
			return runExtract(cmd.Context(), s.Config, args, format, relatedOnly, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output: json (one object per article) or dot (Graphviz: every entity and relation)")
	cmd.Flags().BoolVar(&relatedOnly, "related-only", false, "with --format dot: leave out the entities that are in no relation")
	return cmd
}

func runExtract(ctx context.Context, cfg config.Config, paths []string, format string, relatedOnly bool, stdin io.Reader, stdout, stderr io.Writer) error {
	x, err := cfg.Extractor()
	if err != nil {
		return err
	}
	out := render.NewExtraction(stdout, format == "dot", relatedOnly)
	var skipped []string // positions of the inputs skipped
	read := 0
	err = inputs.ReadArticles(paths, stdin, nil, func(r inputs.Record) error {
		read++
		err := r.Err
		var m ingest.ArticleMessage
		if err == nil {
			m, err = ingest.DecodeArticle(r.Key, r.Value, 0)
		}
		if err != nil {
			skipped = append(skipped, r.Where)
			fmt.Fprintf(stderr, "%s: skipped: %v\n", r.Where, err)
			return nil
		}
		a, st, err := x.ArticleContext(ctx, m)
		if err != nil {
			return fmt.Errorf("%s: %w", r.Where, err)
		}
		return out.Article(a, st)
	})
	if err != nil {
		return err
	}
	if err := out.Finish(stderr, x.Parses()); err != nil {
		return err
	}
	return skippedError(skipped, read)
}

// maxPositions is how many positions of skipped inputs the final error
// names; each skipped input is reported on its own line before it.
const maxPositions = 10

// skippedError is the error that makes kg extract exit non-zero when any
// input was skipped: its output is then not the whole input's, and a
// script or an evaluation must not take it for that.
func skippedError(skipped []string, read int) error {
	if len(skipped) == 0 {
		return nil
	}
	at := skipped
	more := ""
	if len(at) > maxPositions {
		at = at[:maxPositions]
		more = fmt.Sprintf(" and %d more", len(skipped)-maxPositions)
	}
	return fmt.Errorf("%d of %d inputs skipped, at %s%s (each is reported above with its reason); the others were extracted",
		len(skipped), read, strings.Join(at, ", "), more)
}
