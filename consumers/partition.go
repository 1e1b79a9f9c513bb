package consumers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsgraph/kg/retry"
)

// partitionReader reads one partition from its leader, one message at a
// time, in the goroutine that calls next: it holds no message that its
// caller has not taken. kafka-go's Reader reads ahead in a goroutine of its
// own into a queue counted in messages, which cannot be bounded in bytes:
// a queue of one still holds two messages (one queued, one waiting to be),
// and with 5 MB messages, three partitions held 30 MB outside the worker's
// memory budget. Here the rest of a fetch response stays in the socket
// until the caller asks for the next message, or is discarded by pause.
type partitionReader struct {
	dialer    *kafka.Dialer
	brokers   []string
	topic     string
	partition int
	// maxBytes is what one fetch asks for. The broker sends at least one
	// record batch even when it is larger.
	maxBytes int
	// maxWait is the longest the broker holds a fetch waiting for data.
	maxWait time.Duration
	// wireBytes is what a message of the last batch took in a fetch
	// response, about: what the next fetch asks for follows from it.
	wireBytes int
	log       *slog.Logger

	conn   *kafka.Conn
	batch  *kafka.Batch // the fetch response being read, nil between fetches
	offset int64        // the next offset to read, or kafka.FirstOffset
	fails  int          // consecutive connection failures, for the backoff
	// deadline is the connection's read deadline.
	deadline time.Time
}

// extendDeadline gives the next message at least half of
// readMessageTimeout to arrive, and at most all of it. Setting a deadline
// takes a lock and a timer update, which a message of a few hundred bytes
// need not pay: the deadline moves only once half of it is spent.
func (r *partitionReader) extendDeadline() {
	now := time.Now()
	if r.deadline.Sub(now) >= readMessageTimeout/2 {
		return
	}
	r.deadline = now.Add(readMessageTimeout)
	r.conn.SetReadDeadline(r.deadline)
}

// readMessageTimeout bounds the reading of one message of a fetch
// response off the connection (kafka-go's Reader uses the same).
const readMessageTimeout = 10 * time.Second

// next returns the next message of the partition, waiting for one until
// ctx ends. Before it reads a message off the connection it calls reserve,
// once a fetch response with data has arrived: waiting for data holds no
// budget. When next returns a message the caller holds the reservation;
// when it returns an error, release has been called for any reservation
// made. An error of reserve is returned as is.
//
// Connection failures, a leader that moved and an offset that fell out of
// the log are retried here with backoff; an error is returned when ctx
// ends, or when the broker answers with an error this reader does not
// handle.
func (r *partitionReader) next(ctx context.Context, reserve func(context.Context) error, release func()) (kafka.Message, error) {
	reserved := false
	fail := func(err error) (kafka.Message, error) {
		if reserved {
			release()
		}
		return kafka.Message{}, err
	}
	for {
		if err := ctx.Err(); err != nil {
			return fail(err)
		}
		if r.conn == nil {
			if err := r.connect(ctx); err != nil {
				r.fails++
				r.log.Debug("connect to partition leader", "err", err, "attempt", r.fails)
				if !retry.Sleep(ctx, connectBackoff.Wait(r.fails)) {
					return fail(ctx.Err())
				}
				continue
			}
		}
		if r.batch == nil {
			if reserved { // no budget is held while waiting for data
				release()
				reserved = false
			}
			wait := r.maxWait
			if d, ok := ctx.Deadline(); ok {
				wait = min(wait, max(time.Until(d), time.Millisecond))
			}
			// The broker answers within wait; the deadline only catches a
			// broker that does not.
			r.deadline = time.Now().Add(wait + readMessageTimeout)
			r.conn.SetReadDeadline(r.deadline)
			r.batch = r.conn.ReadBatchWith(kafka.ReadBatchConfig{MinBytes: 1, MaxBytes: r.maxBytes, MaxWait: wait})
		}
		if !reserved && r.batch.HighWaterMark() > r.offset {
			if err := reserve(ctx); err != nil {
				return fail(err)
			}
			reserved = true
		}
		r.extendDeadline()
		m, err := r.batch.ReadMessage()
		if err == nil {
			if !reserved { // a response whose high-water mark was stale
				if err := reserve(ctx); err != nil {
					r.offset = m.Offset // read it again next time
					r.reset(err)
					return fail(err)
				}
			}
			r.offset, r.fails = m.Offset+1, 0
			return m, nil
		}
		r.batch.Close()
		r.batch = nil
		if err := r.recover(ctx, err); err != nil {
			return fail(err)
		}
	}
}

// recover handles the error that ended a fetch response: it returns nil
// when reading may go on, possibly after reconnecting, and err when the
// caller must hear of it.
func (r *partitionReader) recover(ctx context.Context, err error) error {
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, kafka.RequestTimedOut):
		return nil // the response is read, or the broker had nothing new in time
	case errors.Is(err, kafka.OffsetOutOfRange):
		first, last, oerr := r.conn.ReadOffsets()
		if oerr != nil {
			r.reset(oerr)
			return nil
		}
		switch {
		case r.offset < first:
			// Retention or compaction removed what was not read yet.
			r.log.Warn("offset no longer in the log; skipping to the first", "offset", r.offset, "first", first)
			r.offset = first
		case r.offset >= last:
			// Past the end: a leader behind its follower. Try again later.
			if !retry.Sleep(ctx, time.Second) {
				return ctx.Err()
			}
		}
		if _, err := r.conn.Seek(r.offset, kafka.SeekAbsolute); err != nil {
			r.reset(err)
		}
		return nil
	case errors.Is(err, kafka.NotLeaderForPartition), errors.Is(err, kafka.UnknownTopicOrPartition),
		errors.Is(err, io.ErrNoProgress):
		r.reset(err)
		return nil
	}
	var kerr kafka.Error
	if errors.As(err, &kerr) {
		// The connection is sound; the broker refused the fetch.
		return fmt.Errorf("fetch %s/%d at offset %d: %w", r.topic, r.partition, r.offset, err)
	}
	// A network error or a timeout: the connection's state is unknown.
	r.reset(err)
	return nil
}

// reset drops the connection after err; the next read reconnects to the
// partition's leader at the offset not yet read.
func (r *partitionReader) reset(err error) {
	r.log.Debug("partition connection reset", "err", err, "offset", r.offset)
	r.Close()
}

// connect dials the partition's leader and seeks to the offset to read,
// the first one of the log when that offset is gone or not yet known.
func (r *partitionReader) connect(ctx context.Context) error {
	var err error
	for _, b := range r.brokers {
		var conn *kafka.Conn
		if conn, err = r.dialer.DialLeader(ctx, "tcp", b, r.topic, r.partition); err != nil {
			continue
		}
		conn.SetDeadline(time.Now().Add(readMessageTimeout))
		first, last, oerr := conn.ReadOffsets()
		if oerr != nil {
			conn.Close()
			return oerr
		}
		switch {
		case r.offset == kafka.FirstOffset:
			r.offset = first
		case r.offset == kafka.LastOffset:
			r.offset = last
		case r.offset < first:
			r.log.Warn("offset no longer in the log; skipping to the first", "offset", r.offset, "first", first)
			r.offset = first
		}
		if _, err := conn.Seek(r.offset, kafka.SeekAbsolute); err != nil {
			conn.Close()
			return err
		}
		conn.SetDeadline(time.Time{})
		r.conn, r.deadline = conn, time.Time{}
		return nil
	}
	return err
}

// pause ends the fetch response being read: the caller takes no more
// messages for a while (it writes a batch), and what the broker sent past
// them is discarded rather than held. The next read fetches from the first
// message not taken.
func (r *partitionReader) pause() {
	if r.batch == nil {
		return
	}
	r.deadline = time.Now().Add(readMessageTimeout)
	r.conn.SetReadDeadline(r.deadline)
	err := r.batch.Close()
	r.batch = nil
	if err != nil {
		r.reset(err)
	}
}

// Close closes the connection.
func (r *partitionReader) Close() {
	if r.batch != nil {
		r.batch.Close()
		r.batch = nil
	}
	if r.conn != nil {
		r.conn.Close()
		r.conn = nil
	}
}

// connectBackoff is the wait before the nth consecutive attempt to
// connect to a partition's leader: doubling from 100ms to at most 5s. The
// count of failures lives in the reader, across calls of next.
var connectBackoff = retry.Policy{First: 100 * time.Millisecond, Max: 5 * time.Second}
