package consumers

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/segmentio/kafka-go"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

// deadLetter is a message that can never be processed, and why.
type deadLetter struct {
	msg    kafka.Message
	reason ingest.Reason
	detail string
}

// kind says what a topic carries.
type kind int

const (
	articleTopic kind = iota
	eventTopic
)

// source is one version of one article, or one event, in a batch, with the
// message it came from.
type source struct {
	id        string
	msg       *kafka.Message // in the batch's messages, which outlive it
	tombstone bool
	article   *graphmodel.Article
	// events are an event's and those of the sources after it in the
	// batch, in order (buildBatch): batchOf hands a run of sources' events
	// to the writer without copying them.
	events  []graphmodel.Event
	decoded *ingest.ArticleMessage // an article to extract once the batch is deduplicated
	// revision orders versions: updated_at for an article, and for a
	// tombstone the newest revision it supersedes in the batch.
	revision string
}

// buildBatch turns messages fetched from one partition into the sources of
// a graph batch and the dead letters among them. A nil Value is a
// tombstone; a zero-length non-nil one is an empty value, dead-lettered. Within a batch the newest
// version of an id wins: the later revision (updated_at), else the later
// offset. It is pure apart from the time spent extracting, which it
// returns. Only the versions that survive deduplication are extracted, up to
// parallel at once (the parser's requests in flight). An error wraps
// ingest.ErrParserUnavailable: nothing of the batch may be written then.
func buildBatch(ctx context.Context, x *ingest.Extractor, k kind, msgs []kafka.Message, maxBytes, parallel int) ([]source, []deadLetter, time.Duration, error) {
	return new(batchBuffers).build(ctx, x, k, msgs, maxBytes, parallel)
}

// batchBuffers are what a partition builds its batches in: the sources,
// the events (one slice for the batch's events), the index of the sources
// by id and the event decoder with its slabs. A partition builds one batch
// at a time, so they serve batch after batch; reset drops what they point
// to once a batch is written or abandoned. For a worker that reads events
// most of what it allocated for a batch was these, and its collector's
// work follows what it allocates.
type batchBuffers struct {
	srcs    []source
	events  []graphmodel.Event
	byID    map[string]int
	decoder *ingest.EventDecoder
}

// reset forgets the last batch: its sources and events point into its
// messages, whose bytes must go with their budget.
func (b *batchBuffers) reset() {
	clear(b.srcs)
	clear(b.events)
	b.srcs, b.events = b.srcs[:0], b.events[:0]
	clear(b.byID)
	if b.decoder != nil {
		b.decoder.Reset()
	}
}

// build is buildBatch in b's buffers, which it resets first.
func (b *batchBuffers) build(ctx context.Context, x *ingest.Extractor, k kind, msgs []kafka.Message, maxBytes, parallel int) ([]source, []deadLetter, time.Duration, error) {
	b.reset()
	var dead []deadLetter
	if b.byID == nil {
		b.byID = make(map[string]int, len(msgs))
	}
	byID := b.byID
	srcs := b.srcs
	if cap(srcs) < len(msgs) {
		srcs = make([]source, 0, len(msgs))
	}
	var events []graphmodel.Event
	var decoder *ingest.EventDecoder
	if k == eventTopic {
		events = b.events
		if cap(events) < len(msgs) {
			events = make([]graphmodel.Event, 0, len(msgs))
		}
		if b.decoder == nil {
			b.decoder = ingest.NewEventDecoder(len(msgs))
		}
		decoder = b.decoder
	}
	for i := range msgs {
		m := &msgs[i]
		var s source
		switch {
		case k == eventTopic:
			// The event's strings share the message's value, which the
			// batch holds until it is written.
			ev, outcome, err := decoder.Decode(m.Key, m.Value, maxBytes)
			if err != nil {
				dead = append(dead, deadLetter{msg: *m, reason: ingest.ReasonOf(err), detail: err.Error()})
				continue
			}
			if outcome.Kind == ingest.OutcomeInvalid {
				dead = append(dead, deadLetter{msg: *m, reason: outcome.Invalid, detail: "event: " + outcome.String()})
				continue
			}
			events = append(events, ev)
			s = source{id: ev.ID, msg: m, events: events[len(events)-1:]}
		case m.Value == nil: // a null value: the caller told it from an empty one
			if len(m.Key) == 0 {
				dead = append(dead, deadLetter{msg: *m, reason: ingest.ReasonMissingField, detail: "tombstone without a key"})
				continue
			}
			if err := ingest.CheckID(string(m.Key)); err != nil {
				dead = append(dead, deadLetter{msg: *m, reason: ingest.ReasonOf(err), detail: "tombstone key: " + err.Error()})
				continue
			}
			s = source{id: string(m.Key), msg: m, tombstone: true}
		default:
			// The article's strings share the message's value, which
			// the batch holds until it is written.
			am, err := ingest.DecodeArticleShared(m.Key, m.Value, maxBytes)
			if err != nil {
				dead = append(dead, deadLetter{msg: *m, reason: ingest.ReasonOf(err), detail: err.Error()})
				continue
			}
			s = source{id: am.ID, msg: m, decoded: &am, revision: am.UpdatedAt}
		}
		if i, ok := byID[s.id]; ok {
			if s.tombstone {
				s.revision = srcs[i].revision // it retracts what it supersedes
			}
			if newer(s, srcs[i]) {
				srcs[i] = s
			}
			continue
		}
		byID[s.id] = len(srcs)
		srcs = append(srcs, s)
	}
	// Source i's event moves to events[i]. It lies at i or later, where
	// no move before it wrote: deduplication only drops sources.
	for i := range srcs {
		if srcs[i].events != nil {
			events[i] = srcs[i].events[0]
			srcs[i].events = events[i:]
		}
	}
	b.srcs, b.events = srcs, events // for reset, and the next batch
	start := time.Now()
	if err := extractArticles(ctx, x, srcs, parallel); err != nil {
		return nil, nil, 0, err
	}
	return srcs, dead, time.Since(start), nil
}

// extractArticles extracts the decoded articles of srcs, parallel at once
// when x waits on the parser, one at a time when its work is all CPU.
func extractArticles(ctx context.Context, x *ingest.Extractor, srcs []source, parallel int) error {
	if !x.Parses() {
		parallel = 1
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(max(parallel, 1))
	for i := range srcs {
		s := &srcs[i]
		if s.decoded == nil {
			continue
		}
		g.Go(func() error {
			a, _, err := x.ArticleContext(ctx, *s.decoded)
			if err != nil {
				return err
			}
			s.article, s.decoded = &a, nil
			return nil
		})
	}
	return g.Wait()
}

// newer reports whether a, read after b from the same partition, replaces
// b: a later revision does, an earlier one does not, and without revisions
// the later offset wins. A tombstone replaces what came before it and keeps
// its revision, so that a stale copy read after it (v1 after v2 and the
// tombstone) does not bring the article back.
func newer(a, b source) bool {
	if a.tombstone {
		return true
	}
	if a.revision != "" && b.revision != "" {
		return a.revision >= b.revision && !(b.tombstone && a.revision == b.revision)
	}
	return true
}

func batchOf(srcs []source) graphmodel.Batch {
	var b graphmodel.Batch
	if len(srcs) > 0 && srcs[0].events != nil {
		// A batch from the event topic holds only events, in a row.
		b.Events = srcs[0].events[:len(srcs):len(srcs)]
		return b
	}
	for _, s := range srcs {
		switch {
		case s.tombstone:
			b.Retractions = append(b.Retractions, s.id)
			if s.revision != "" {
				if b.Superseded == nil {
					b.Superseded = make(map[string]string)
				}
				b.Superseded[s.id] = s.revision
			}
		default:
			b.Articles = append(b.Articles, *s.article)
		}
	}
	return b
}
