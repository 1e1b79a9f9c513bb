package ingest

// An article message from bytes to the graph: DecodeArticle checks it
// against the contract (with decode.go's shared checks), ContentHash
// recognises a re-delivery, and ArticleContext extracts it (extract.go,
// and bind.go over a parse) into a graphmodel.Article.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	stdjson "encoding/json" // ContentHash: the digest of what encoding/json writes
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/segmentio/encoding/json"

	"github.com/newsgraph/kg/graphmodel"
)

// SchemaVersion is the newest article schema major version this code reads.
const SchemaVersion = 1

// ArticleMessage is an article as published to the article topic.
// Unknown fields are ignored.
type ArticleMessage struct {
	ID            string   `json:"id"`
	Text          string   `json:"text"`
	Title         string   `json:"title,omitempty"`
	Source        string   `json:"source,omitempty"`
	URL           string   `json:"url,omitempty"`
	Language      string   `json:"language,omitempty"`
	PublishedAt   string   `json:"published_at,omitempty"`
	UpdatedAt     string   `json:"updated_at,omitempty"`
	Authors       []string `json:"authors,omitempty"`
	SchemaVersion int      `json:"schema_version,omitempty"`
}

// DecodeArticle decodes and checks one article message value. key is the
// Kafka record key; when present it must equal the id, because compaction and
// tombstones work by key. maxBytes caps the value (0 means
// DefaultMaxMessageBytes). Every error matches ErrMalformed.
func DecodeArticle(key, value []byte, maxBytes int) (ArticleMessage, error) {
	return decodeArticle(key, value, maxBytes, 0)
}

// DecodeArticleShared is DecodeArticle whose strings share value's bytes
// instead of copying them: a 5 MB article is not held twice while it
// waits in a batch. The caller must not change value while it holds the
// message or anything made of its strings.
func DecodeArticleShared(key, value []byte, maxBytes int) (ArticleMessage, error) {
	return decodeArticle(key, value, maxBytes, json.ZeroCopy)
}

func decodeArticle(key, value []byte, maxBytes int, flags json.ParseFlags) (ArticleMessage, error) {
	// schema_version is read apart so that an explicit 0 or null, which
	// the contract does not allow, is told from an absent field.
	var w struct {
		ArticleMessage
		SchemaVersion json.RawMessage `json:"schema_version"`
	}
	if err := unmarshalWith(value, maxBytes, &w, flags); err != nil {
		return w.ArticleMessage, err
	}
	m := w.ArticleMessage
	m.SchemaVersion = 1
	if len(w.SchemaVersion) > 0 {
		if string(w.SchemaVersion) == "null" {
			return m, malformed(ReasonSchemaVersion, "schema_version is null: omit it or give a version")
		}
		if err := json.Unmarshal(w.SchemaVersion, &m.SchemaVersion); err != nil {
			return m, malformed(ReasonWrongType, "schema_version is not an integer")
		}
	}
	if m.SchemaVersion < 0 {
		return m, malformed(ReasonInvalidField, "schema_version is negative")
	}
	if m.SchemaVersion == 0 {
		return m, malformed(ReasonSchemaVersion, "schema_version 0: versions start at 1")
	}
	if m.SchemaVersion > SchemaVersion {
		return m, malformed(ReasonSchemaVersion, fmt.Sprintf("schema_version %d, this worker reads up to %d", m.SchemaVersion, SchemaVersion))
	}
	if err := CheckID(m.ID); err != nil {
		return m, err
	}
	if strings.TrimSpace(m.Text) == "" {
		return m, malformed(ReasonMissingField, "text is missing or empty")
	}
	if len(key) > 0 && !bytes.Equal(key, []byte(m.ID)) {
		return m, malformed(ReasonKeyMismatch, "record key differs from the id")
	}
	if m.PublishedAt != "" {
		d, err := ParseDate(m.PublishedAt)
		if err != nil {
			return m, malformed(ReasonInvalidField, "published_at: "+err.Error())
		}
		m.PublishedAt = d
	}
	if m.UpdatedAt != "" {
		t, err := time.Parse(time.RFC3339Nano, m.UpdatedAt)
		if err != nil {
			return m, malformed(ReasonInvalidField, "updated_at is not RFC 3339")
		}
		m.UpdatedAt = t.UTC().Format(revisionLayout)
	}
	return m, nil
}

// revisionLayout writes updated_at in UTC with a fixed-width fraction, so
// that revisions compare correctly as strings.
const revisionLayout = "2006-01-02T15:04:05.000000000Z"

// MaxExtractBytes bounds the text extraction reads of one article: 1 MiB,
// more than the 900 KiB a message may hold by default. Extraction holds
// tokens for what it reads (about ten times the text while a sentence is
// split), so an article admitted by a raised KG_MAX_MESSAGE_BYTES is read
// up to here and the rest ignored, keeping one article's working memory
// within about 20 MiB whatever the message size.
const MaxExtractBytes = 1 << 20

// ArticleContext extracts one decoded article message and returns what it
// asserts, ready for the graph, with relations bound over the parser's
// parse when x has one. An error wraps ErrParserUnavailable: the article is
// to be extracted again later, and nothing of it written meanwhile. An
// extractor without a parser never fails.
func (x *Extractor) ArticleContext(ctx context.Context, m ArticleMessage) (graphmodel.Article, ParseStats, error) {
	r := Result{Skipped: SkipNonEnglish}
	var st ParseStats
	if englishTag(m.Language) {
		var published time.Time // zero when absent
		if day, err := ParseDate(m.PublishedAt); err == nil {
			published, _ = time.Parse("2006-01-02", day)
		}
		var err error
		r, st, err = x.ExtractContext(ctx, m.Title, graphmodel.Truncate(m.Text, MaxExtractBytes), published)
		if err != nil {
			return graphmodel.Article{}, st, err
		}
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		e.Seeded = e.Kind == graphmodel.KindState || x.g.orgs[e.Key] != nil
	}
	detach(&r)
	return graphmodel.Article{
		ID:               m.ID,
		Title:            graphmodel.Truncate(m.Title, graphmodel.MaxPropertyBytes),
		URL:              graphmodel.Truncate(m.URL, graphmodel.MaxPropertyBytes),
		Source:           graphmodel.Truncate(m.Source, graphmodel.MaxPropertyBytes),
		Language:         graphmodel.Truncate(m.Language, 16),
		PublishedAt:      m.PublishedAt,
		Revision:         m.UpdatedAt,
		ContentHash:      ContentHash(m),
		ExtractorVersion: x.Version(),
		Entities:         r.Entities,
		Mentions:         r.Mentions,
		Claims:           r.Claims,
		Skipped:          r.Skipped,
	}, st, nil
}

// detach copies the strings of r that may point into the article text, so
// that a batch holding results does not hold every text it came from.
func detach(r *Result) {
	for i := range r.Entities {
		e := &r.Entities[i]
		e.Name, e.Acronym = strings.Clone(e.Name), strings.Clone(e.Acronym)
		for j := range e.Aliases {
			e.Aliases[j] = strings.Clone(e.Aliases[j])
		}
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		c.SubjectRole, c.ObjectRole = strings.Clone(c.SubjectRole), strings.Clone(c.ObjectRole)
		c.Charge, c.Evidence = strings.Clone(c.Charge), strings.Clone(c.Evidence)
	}
}

// ContentHash digests every field of a message that extraction or the
// article node reads, so that an identical re-delivery is recognised.
func ContentHash(m ArticleMessage) string {
	m.SchemaVersion = 0
	// The digest of json.Marshal(m), encoded straight into the hash: an
	// Encoder writes what Marshal returns plus a newline, in one Write, and
	// skips Marshal's copy of the encoding (megabytes for a large article).
	h := sha256.New()
	stdjson.NewEncoder(trimNewline{h}).Encode(m) // a struct of strings always encodes
	return hex.EncodeToString(h.Sum(nil))
}

// trimNewline writes to w all but the newline that ends each write.
type trimNewline struct{ w io.Writer }

func (t trimNewline) Write(p []byte) (int, error) {
	if n := len(p); n > 0 && p[n-1] == '\n' {
		_, err := t.w.Write(p[:n-1])
		return n, err
	}
	return t.w.Write(p)
}
