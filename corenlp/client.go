package corenlp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/kg/ingest"
	"github.com/newsgraph/kg/retry"
)

// Config says where the parser is and how hard to lean on it. Zero fields
// take the documented defaults.
type Config struct {
	// URL is the server's base URL, e.g. http://corenlp:9000. User info in
	// it (http://user:pass@host:9000, for a server started with -username
	// and -password) is sent as basic auth and never appears in an error.
	// Default http://127.0.0.1:9000.
	URL string
	// RequestTimeout bounds one HTTP request, response body included. Keep
	// it at or below the server's -timeout, which ends the annotation on
	// the server side. Default 60s.
	RequestTimeout time.Duration
	// MaxSentences is the most sentences sent in one request. Default 64.
	MaxSentences int
	// MaxRequestBytes caps the text of one request; a single longer
	// sentence is still sent, alone. CoreNLP answers with about 1 KiB of
	// JSON per token, so this also bounds the memory of one answer (about
	// 3 MB at the default). Default 16384.
	MaxRequestBytes int
	// MaxResponseBytes caps the JSON read back for one request: CoreNLP
	// writes about 1 KiB per token. Default 64 MiB.
	MaxResponseBytes int64
	// MaxConcurrent is the most requests this Client has in flight at once,
	// across all calls to Parse. Default 2.
	MaxConcurrent int
	// Attempts is how many times one request is tried when the server is
	// unreachable, times out or answers 5xx or 429. Default 4.
	Attempts int
	// Backoff is the wait before the second attempt; it doubles for each
	// later one, up to MaxBackoff, and is jittered down by up to half.
	// Defaults 250ms and 5s.
	Backoff    time.Duration
	MaxBackoff time.Duration
	// HTTPClient sends the requests. Default a client of its own with
	// keep-alive connections; its Timeout is not used (RequestTimeout is).
	HTTPClient *http.Client
}

// Defaults for the zero fields of Config.
const (
	DefaultURL              = "http://127.0.0.1:9000"
	DefaultRequestTimeout   = 60 * time.Second
	DefaultMaxSentences     = 64
	DefaultMaxRequestBytes  = 16 << 10
	DefaultMaxResponseBytes = 64 << 20
	DefaultMaxConcurrent    = 2
	DefaultAttempts         = 4
	DefaultBackoff          = 250 * time.Millisecond
	DefaultMaxBackoff       = 5 * time.Second
)

// Annotators is the pipeline every request asks for; the server should
// preload the same list (-preload) so the first request does not load models.
const Annotators = "tokenize,ssplit,pos,lemma,depparse"

// properties are sent with every request: one sentence per line, never
// re-split, JSON out.
const properties = `{"annotators":"` + Annotators + `","ssplit.eolonly":"true","outputFormat":"json"}`

// Client parses sentences with a CoreNLP server. It is safe for concurrent
// use.
type Client struct {
	cfg      Config
	annotate string // URL of the annotation endpoint, properties included
	ready    string // URL of /ready
	ping     string // URL of /ping
	shown    string // the server as errors name it: no user info, no query
	http     *http.Client
	slots    chan struct{} // one per request in flight
}

var _ ingest.Parser = (*Client)(nil)

// New returns a client for cfg. A URL that does not parse makes every call
// fail with the reason.
func New(cfg Config) *Client {
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	orDefault(&cfg.RequestTimeout, DefaultRequestTimeout)
	orDefault(&cfg.MaxSentences, DefaultMaxSentences)
	orDefault(&cfg.MaxRequestBytes, DefaultMaxRequestBytes)
	orDefault(&cfg.MaxResponseBytes, DefaultMaxResponseBytes)
	orDefault(&cfg.MaxConcurrent, DefaultMaxConcurrent)
	orDefault(&cfg.Attempts, DefaultAttempts)
	orDefault(&cfg.Backoff, DefaultBackoff)
	orDefault(&cfg.MaxBackoff, DefaultMaxBackoff)
	c := &Client{cfg: cfg, http: cfg.HTTPClient, slots: make(chan struct{}, cfg.MaxConcurrent)}
	if c.http == nil {
		c.http = &http.Client{Transport: &http.Transport{
			Proxy:               http.ProxyFromEnvironment,
			MaxIdleConnsPerHost: cfg.MaxConcurrent,
			IdleConnTimeout:     90 * time.Second,
		}}
	}
	u, err := url.Parse(strings.TrimRight(cfg.URL, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		c.shown = "" // annotate stays empty: every call reports a bad URL
		return c
	}
	u.RawQuery, u.Fragment = "", "" // a base URL has neither
	shown := *u
	shown.User = nil
	c.shown = shown.String()
	c.ready = u.String() + "/ready"
	c.ping = u.String() + "/ping"
	c.annotate = u.String() + "/?properties=" + url.QueryEscape(properties)
	return c
}

// orDefault sets a setting left at zero (or below) to its default.
func orDefault[T int | int64 | time.Duration](p *T, d T) {
	if *p <= 0 {
		*p = d
	}
}

// Parse returns the parse of each sentence, in order. Blank sentences get an
// empty Parse without a request, as does a sentence in which the tokenizer
// finds no token; no sentences, nil and no request. Sentences go out in
// requests of at most MaxSentences, MaxConcurrent at a time; the first
// request that fails for good fails the call, with an error that wraps
// ingest.ErrParserUnavailable and says which server and why.
func (c *Client) Parse(ctx context.Context, sentences []string) ([]ingest.Parse, error) {
	if len(sentences) == 0 {
		return nil, nil
	}
	if c.annotate == "" {
		return nil, fmt.Errorf("%w: the parser URL is not an http(s) URL with a host", ingest.ErrParserUnavailable)
	}
	out := make([]ingest.Parse, len(sentences))
	reqs := split(sentences, c.cfg.MaxSentences, c.cfg.MaxRequestBytes)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for i := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each request writes only its own sentences' slots of out.
			if err := c.do(ctx, &reqs[i], out); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return nil, fmt.Errorf("%w: %w", ingest.ErrParserUnavailable, first)
	}
	return out, nil
}

// Ready reports whether the server answers on its annotation port, cheaply:
// no text is parsed. It asks /ready, which turns 200 once -preload has
// loaded the models; a server run with a separate -status_port serves
// /ready only there and answers 404 here, so then it asks /ping instead:
// the annotation port opens only after the preload, so any answer on it
// means the models are in. Both wait behind annotations in progress, so a
// saturated server may not answer within the 5s Ready allows.
func (c *Client) Ready(ctx context.Context) error {
	if c.ready == "" {
		return fmt.Errorf("%w: the parser URL is not an http(s) URL with a host", ingest.ErrParserUnavailable)
	}
	ctx, cancel := context.WithTimeout(ctx, min(c.cfg.RequestTimeout, 5*time.Second))
	defer cancel()
	status, err := c.get(ctx, c.ready)
	if err == nil && status == http.StatusNotFound {
		status, err = c.get(ctx, c.ping)
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ingest.ErrParserUnavailable, err)
	}
	if status != http.StatusOK {
		return fmt.Errorf("%w: GET %s/ready: %d %s", ingest.ErrParserUnavailable, c.shown, status, http.StatusText(status))
	}
	return nil
}

// get returns the status of a GET of u, whose path errors name.
func (c *Client) get(ctx context.Context, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("GET %s%s: %w", c.shown, req.URL.Path, unwrapURL(err))
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
	return resp.StatusCode, nil
}

// do sends one request, retrying what may pass on a later try, and decodes
// the answer into out.
func (c *Client) do(ctx context.Context, r *request, out []ingest.Parse) error {
	select { // a slot, so at most MaxConcurrent requests are in flight
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		return context.Cause(ctx)
	}
	defer func() { <-c.slots }()

	// Jittered, so that workers do not retry in step.
	p := retry.Policy{First: c.cfg.Backoff, Max: c.cfg.MaxBackoff, Tries: c.cfg.Attempts, Jitter: true}
	var body []byte
	var last error // the last try's error, as returned
	attempt := 0
	err := retry.Do(ctx, p, func() error {
		attempt++
		var again bool
		var err error
		body, again, err = c.post(ctx, r.body)
		if err == nil {
			return nil
		}
		last = fmt.Errorf("%d sentences, attempt %d of %d: %w", len(r.inputs), attempt, c.cfg.Attempts, err)
		if !again {
			return retry.Stop(last)
		}
		return last
	}, nil)
	if err != nil {
		if err != last { // ctx ended while waiting to try again
			return fmt.Errorf("%w (then %w)", last, context.Cause(ctx))
		}
		return err
	}
	if err := decode(body, r, out); err != nil {
		return fmt.Errorf("%d sentences from %s: %w", len(r.inputs), c.shown, err)
	}
	return nil
}

// post sends one request body and returns the response body of a 200, or
// an error and whether trying again may help.
func (c *Client) post(ctx context.Context, text string) (body []byte, retry bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.annotate, strings.NewReader(text))
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		// Unreachable, reset, or this attempt's timeout: all may pass.
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil && context.Cause(ctx) == context.DeadlineExceeded {
			return nil, true, fmt.Errorf("POST %s: no answer within %s: %w", c.shown, c.cfg.RequestTimeout, unwrapURL(err))
		}
		return nil, true, fmt.Errorf("POST %s: %w", c.shown, unwrapURL(err))
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxResponseBytes+1))
	if err != nil {
		return nil, true, fmt.Errorf("POST %s: reading the response: %w", c.shown, err)
	}
	if resp.StatusCode != http.StatusOK {
		retry = resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests ||
			resp.StatusCode == http.StatusRequestTimeout
		return nil, retry, fmt.Errorf("POST %s: %s: %s", c.shown, resp.Status, excerpt(body))
	}
	if int64(len(body)) > c.cfg.MaxResponseBytes {
		return nil, false, fmt.Errorf("POST %s: response over %d bytes", c.shown, c.cfg.MaxResponseBytes)
	}
	return body, false, nil
}

// unwrapURL drops the *url.Error around a transport error: its text repeats
// the request URL, user info and all.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// excerpt is the start of an error response, on one line: CoreNLP says why
// there ("CoreNLP request timed out", a Java exception).
func excerpt(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) > 200 {
		b = append(b[:200:200], "..."...)
	}
	return strings.Join(strings.Fields(string(b)), " ")
}
