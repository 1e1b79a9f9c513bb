package consumers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/retry"
)

// ReprocessReport says what reprocessing the article topic changed.
type ReprocessReport struct {
	Messages  int // records read
	Written   int // article versions whose output changed (or that were new) and were written
	Retracted int // tombstones applied
	Skipped   int // versions the graph already holds with the same output
	Invalid   int // malformed records (dead-lettered when they were first consumed)
	Added     map[graphmodel.RelType]int
	Removed   map[graphmodel.RelType]int
}

// Relations returns the relation types added or removed, sorted.
func (r ReprocessReport) Relations() []graphmodel.RelType {
	var types []graphmodel.RelType
	for t := range r.Added {
		types = append(types, t)
	}
	for t := range r.Removed {
		if _, ok := r.Added[t]; !ok {
			types = append(types, t)
		}
	}
	slices.Sort(types)
	return types
}

// Reprocess re-reads the whole article topic, which is compacted and so the
// source of truth, extracts every article again with x, and writes those
// whose output differs from what the graph holds: their claims are
// replaced and the summary edges recomputed. adjust, when not nil, may
// change each extracted article before it is written. It does not join the
// consumer group and commits nothing.
func Reprocess(ctx context.Context, cfg Config, graph GraphWriter, x *ingest.Extractor, adjust func(*graphmodel.Article), log *slog.Logger) (ReprocessReport, error) {
	cfg.setDefaults()
	var rep ReprocessReport
	var chunk []kafka.Message
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		srcs, dead, _, err := buildBatch(ctx, x, articleTopic, chunk, cfg.MaxMessageBytes, cfg.ParserConcurrency)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		rep.Invalid += len(dead)
		for i := range srcs {
			if adjust != nil && !srcs[i].tombstone {
				adjust(srcs[i].article)
			}
		}
		b := batchOf(srcs)
		st, err := writeRetrying(ctx, graph, &b, cfg.RetryMaxBackoff, log)
		if err != nil {
			return err
		}
		rep.Written += st.Articles
		rep.Retracted += st.Retracted
		rep.Skipped += st.Skipped
		for t, n := range st.Added {
			graphmodel.Count(&rep.Added, t, n)
		}
		for t, n := range st.Removed {
			graphmodel.Count(&rep.Removed, t, n)
		}
		chunk = chunk[:0]
		return nil
	}
	lastPartition := -1
	err := readTopic(ctx, cfg.Brokers, cfg.Security, cfg.ArticlesTopic, func(m kafka.Message) error {
		rep.Messages++
		if m.Partition != lastPartition || len(chunk) >= cfg.BatchMaxMessages {
			if err := flush(); err != nil {
				return err
			}
			lastPartition = m.Partition
		}
		chunk = append(chunk, m)
		if rep.Messages%5000 == 0 {
			log.Info("reprocessing", "messages", rep.Messages, "written", rep.Written, "skipped", rep.Skipped)
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	return rep, flush()
}

// writeRetrying writes a batch, backing off and retrying while the graph
// fails transiently.
func writeRetrying(ctx context.Context, graph GraphWriter, b *graphmodel.Batch, maxBackoff time.Duration, log *slog.Logger) (graphmodel.WriteStats, error) {
	var st graphmodel.WriteStats
	err := retry.Do(ctx, retry.Policy{First: 100 * time.Millisecond, Max: maxBackoff}, func() error {
		var err error
		st, err = graph.Write(ctx, b, time.Now())
		if err != nil && !errors.Is(err, graphmodel.ErrTransient) {
			return retry.Stop(err)
		}
		return err
	}, func(err error, _ int, wait time.Duration) {
		log.Warn("graph write failed; retrying", "err", err, "backoff", wait)
	})
	switch {
	case err == nil:
		return st, nil
	case err == ctx.Err():
		return st, err // ended in a wait
	}
	return st, fmt.Errorf("graph write: %w", err)
}

// WithoutRelations returns an adjustment that drops claims of the given
// types and marks the extractor version accordingly
// ("+without-" and the types), for Reprocess. It is how kg reprocess is
// tested end to end: a change of the extractor's output without a new
// build.
func WithoutRelations(types []string) (func(*graphmodel.Article), error) {
	if len(types) == 0 {
		return nil, nil
	}
	drop := map[graphmodel.RelType]bool{}
	for _, s := range types {
		t, err := graphmodel.ParseRelType(s)
		if err != nil {
			return nil, err
		}
		drop[t] = true
	}
	suffix := "+without-" + strings.Join(types, "+")
	return func(a *graphmodel.Article) {
		kept := a.Claims[:0]
		for _, c := range a.Claims {
			if !drop[c.Type] {
				kept = append(kept, c)
			}
		}
		a.Claims = kept
		a.ExtractorVersion += suffix
	}, nil
}
