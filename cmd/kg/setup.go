package main

import (
	"context"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/newsgraph/kg/config"
	"github.com/newsgraph/kg/graphmodel/neo4jstore"
)

// setup is what a command runs with: the configuration of the KG_*
// variables and the logger they ask for (KG_LOG_LEVEL, KG_LOG_FORMAT),
// writing to the command's stderr. Every command that reads the
// environment gets it from loadSetup, so none logs at a level of its own.
type setup struct {
	config.Config
	log *slog.Logger
}

// loadSetup reads the environment of cmd.
func loadSetup(cmd *cobra.Command) (*setup, error) {
	cfg, err := config.Load()
	if err != nil {
		return nil, err
	}
	log, err := config.NewLogger(cfg, cmd.ErrOrStderr())
	if err != nil {
		return nil, err
	}
	return &setup{Config: cfg, log: log}, nil
}

// openStore connects to Neo4j once: a command run by hand says at once
// that the database is not there.
func (s *setup) openStore(ctx context.Context) (*neo4jstore.Store, error) {
	return neo4jstore.Open(ctx, s.Neo4j(), s.log)
}

// setupStore is loadSetup and openStore, for the commands that need
// nothing else from the environment first.
func setupStore(cmd *cobra.Command) (*setup, *neo4jstore.Store, error) {
	s, err := loadSetup(cmd)
	if err != nil {
		return nil, nil, err
	}
	store, err := s.openStore(cmd.Context())
	return s, store, err
}

// waitStore connects to Neo4j, waiting for it while ctx lasts: a worker
// started before its database is unready, not dead. It returns the last
// connection error when ctx ends first.
func (s *setup) waitStore(ctx context.Context) (*neo4jstore.Store, error) {
	return neo4jstore.OpenWhenUp(ctx, s.Neo4j(), s.log)
}
