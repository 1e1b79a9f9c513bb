package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/newsgraph/kg/graphmodel"
)

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
	json.NewEncoder(trimNewline{h}).Encode(m) // a struct of strings always encodes
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

// SeedEntities returns every state and well-known international
// organization of the built-in tables, for `kg schema apply`.
func SeedEntities() []graphmodel.Entity {
	var out []graphmodel.Entity
	for _, s := range stateTable {
		aliases := append(append(append([]string{}, s.Names...), s.Demonyms...), s.Capitals...)
		out = append(out, graphmodel.Entity{
			Key: graphmodel.StateKey(s.ISO3), Kind: graphmodel.KindState, Name: s.Name,
			Aliases: aliases, CAMEO: s.CAMEO, Seeded: true, Historical: s.Historical,
		})
	}
	for _, o := range orgTable {
		aliases := append([]string{}, o.Aliases...)
		if o.Acronym != "" {
			aliases = append(aliases, o.Acronym)
		}
		out = append(out, graphmodel.Entity{
			Key: graphmodel.OrgKey(o.Name), Kind: graphmodel.KindOrganization, Name: o.Name,
			Aliases: aliases, Acronym: o.Acronym, CAMEO: o.CAMEO, Seeded: true,
		})
	}
	return out
}
