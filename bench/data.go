package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/newsgraph/kg/consumers"
	"github.com/newsgraph/kg/ingest"
)

// expandPaths replaces each glob pattern among paths by the files it
// matches. A pattern that matches no file is an error: a measurement on
// less data than was asked for would pass unnoticed.
func expandPaths(flag string, patterns []string) ([]string, error) {
	var out []string
	for _, p := range patterns {
		matches, err := filepath.Glob(p)
		if err != nil {
			return nil, fmt.Errorf("--%s %q: %w", flag, p, err)
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("--%s %q: no such file", flag, p)
		}
		out = append(out, matches...)
	}
	return out, nil
}

// readEvents reads the event rows of GDELT and ICEWS files (or patterns)
// and repeats them, with ids made unique, to n.
func readEvents(gdelt, icews []string, n int, stamp string) ([]ingest.EventMessage, error) {
	var base []ingest.EventMessage
	keep := func(r ingest.EventRow) error {
		if r.Err == nil {
			base = append(base, r.Message)
		}
		return nil
	}
	for _, src := range []struct {
		flag     string
		patterns []string
		read     func(io.Reader, func(ingest.EventRow) error) error
	}{{"gdelt", gdelt, ingest.ReadGDELT}, {"icews", icews, ingest.ReadICEWS}} {
		paths, err := expandPaths(src.flag, src.patterns)
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			if err := readFile(p, func(f io.Reader) error { return src.read(f, keep) }); err != nil {
				return nil, err
			}
		}
	}
	if len(base) == 0 {
		return nil, fmt.Errorf("no event rows: name files with --gdelt or --icews")
	}
	// The run's stamp leads the id, as the step's name leads it in the
	// steps that write them (graphEvents, timePipeline): each step of each
	// run inserts its events into a region of the Event.id index of its
	// own, as a feed whose ids rise does, rather than between the ids of
	// earlier runs and rounds. The ceiling, the writer alone and the
	// pipeline then insert alike, and their costs compare.
	out := make([]ingest.EventMessage, 0, n)
	for i := 0; len(out) < n; i++ {
		m := base[i%len(base)]
		m.ID = fmt.Sprintf("%s.%d~%s", stamp, i/len(base), m.ID)
		out = append(out, m)
	}
	return out, nil
}

// readArticles repeats the article messages of a JSON Lines file, with
// unique ids, to n. Lines that are not JSON objects are skipped.
func readArticles(path string, n int, stamp string) ([]consumers.Message, error) {
	var base []map[string]any
	err := readFile(path, func(f io.Reader) error {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 4<<20)
		for sc.Scan() {
			var m map[string]any
			if json.Unmarshal(sc.Bytes(), &m) == nil {
				base = append(base, m)
			}
		}
		return sc.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	if len(base) == 0 {
		return nil, fmt.Errorf("articles: no article messages in %s", path)
	}
	out := make([]consumers.Message, 0, n)
	for i := 0; len(out) < n; i++ {
		m := base[i%len(base)]
		id := fmt.Sprintf("%s~%s.%d", m["id"], stamp, i)
		c := map[string]any{}
		for k, v := range m {
			c[k] = v
		}
		c["id"] = id
		b, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		out = append(out, consumers.Message{Key: []byte(id), Value: b})
	}
	return out, nil
}

func readFile(path string, fn func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := fn(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// eventMessages are the Kafka messages of events. An EventMessage always
// marshals: it holds strings and pointers to structs of strings.
func eventMessages(events []ingest.EventMessage) []consumers.Message {
	out := make([]consumers.Message, 0, len(events))
	for _, m := range events {
		b, _ := json.Marshal(m)
		out = append(out, consumers.Message{Key: []byte(m.ID), Value: b})
	}
	return out
}

// publishAll publishes msgs to topic in chunks of 5,000.
func (b *run) publishAll(ctx context.Context, topic string, msgs []consumers.Message) error {
	p, err := consumers.NewPublisher(ctx, b.svc.KafkaBrokers, b.svc.Kafka, topic, consumers.TopicSpec{})
	if err != nil {
		return err
	}
	defer p.Close()
	for start := 0; start < len(msgs); start += 5000 {
		if err := p.Publish(ctx, msgs[start:min(start+5000, len(msgs))]); err != nil {
			return err
		}
	}
	return nil
}

// openLoop publishes articles at a steady rate, whatever the consumer does,
// and returns how many it sent. Each message gets a fresh id. A failed send
// fails the run: the latencies would be those of fewer articles than
// reported.
func (b *run) openLoop(ctx context.Context, topic, label string, articles []consumers.Message, rate float64, d time.Duration) (int, error) {
	p, err := consumers.NewPublisher(ctx, b.svc.KafkaBrokers, b.svc.Kafka, topic, consumers.TopicSpec{})
	if err != nil {
		return 0, err
	}
	defer p.Close()
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		failed    int
		firstFail error
	)
	interval := time.Duration(float64(time.Second) / rate)
	start := time.Now()
	sent := 0
	for time.Since(start) < d {
		var m map[string]any
		if err := json.Unmarshal(articles[sent%len(articles)].Value, &m); err != nil {
			return sent, err
		}
		id := fmt.Sprintf("%s~%s%d", m["id"], label, sent)
		m["id"] = id
		v, err := json.Marshal(m)
		if err != nil {
			return sent, err
		}
		// Each publish is its own call, so that a record's create time is
		// when it was sent.
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.Publish(ctx, []consumers.Message{{Key: []byte(id), Value: v}}); err != nil {
				mu.Lock()
				failed++
				if firstFail == nil {
					firstFail = err
				}
				mu.Unlock()
			}
		}()
		sent++
		time.Sleep(time.Until(start.Add(time.Duration(sent) * interval)))
	}
	wg.Wait() // let the last sends finish
	if failed > 0 {
		return sent, fmt.Errorf("latency publisher: %d of %d sends failed, the first with: %w", failed, sent, firstFail)
	}
	return sent, nil
}
