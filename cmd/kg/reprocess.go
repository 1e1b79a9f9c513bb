package main

import (
	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/render"
)

func reprocessCmd() *cobra.Command {
	var without []string
	cmd := &cobra.Command{
		Use:   "reprocess",
		Short: "Re-extract every article of the article topic and write what changed",
		Long: `Re-read the compacted article topic from the start with the current extractor and replace
the claims of every article whose output changed; summary edges are recomputed for the pairs
that changed. Prints the claims added and removed by relation type. Articles and claims record
extractor_version, so the graph says which code produced what. Run it after upgrading kg or
changing KG_OVERRIDES_FILE (the overrides are part of extractor_version: "+overrides-" and a
digest of their rules); it does not join the workers' consumer group and commits no offsets.
The article topic must exist: reprocess reads it and never creates it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadSetup(cmd)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			store, err := s.waitStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close(ctx)
			if err := store.CheckSchema(ctx); err != nil {
				return err
			}
			adjust, err := consumers.WithoutRelations(without)
			if err != nil {
				return err
			}
			x, err := s.Extractor()
			if err != nil {
				return err
			}
			rep, err := consumers.Reprocess(ctx, s.Reprocess(), store, x, adjust, s.log)
			render.Reprocess(cmd.OutOrStdout(), rep)
			return explainNoTopic(err)
		},
	}
	// A way to change the extractor's output without a new build, so that
	// reprocessing can be tested end to end: drop a relation type.
	cmd.Flags().StringArrayVar(&without, "without-relation", nil, "drop claims of this type from the extraction (testing)")
	cmd.Flags().MarkHidden("without-relation")
	return cmd
}
