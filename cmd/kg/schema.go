package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/ingest"
)

func schemaCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "schema", Short: "Manage the graph schema"}
	cmd.AddCommand(&cobra.Command{
		Use:   "apply",
		Short: "Create constraints and indexes and seed every state (idempotent)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, store, err := setupStore(cmd)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			defer store.Close(ctx)
			seed := ingest.SeedEntities()
			if err := store.ApplySchema(ctx, seed); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "schema applied; %d states and organizations seeded\n", len(seed))
			return nil
		},
	})
	return cmd
}
