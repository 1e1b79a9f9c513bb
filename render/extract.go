package render

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/newsgraph/kg/graphmodel"
	"github.com/newsgraph/kg/ingest"
)

// Prediction is what kg extract prints for one article, as one JSON
// object: its entities and the relations between them.
type Prediction struct {
	ArticleID        string         `json:"article_id"`
	ExtractorVersion string         `json:"extractor_version"`
	Skipped          string         `json:"skipped,omitempty"` // why nothing was read: "non-english"
	Entities         []PredEntity   `json:"entities"`
	Relations        []PredRelation `json:"relations"`
}

// PredEntity is an entity of a Prediction.
type PredEntity struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
}

// PredRelation is a relation of a Prediction.
type PredRelation struct {
	Type        string  `json:"type"`
	Subject     string  `json:"subject"`
	Object      string  `json:"object"`
	SubjectRole string  `json:"subject_role,omitempty"`
	ObjectRole  string  `json:"object_role,omitempty"`
	Charge      string  `json:"charge"`
	Confidence  float64 `json:"confidence"`
	Modality    string  `json:"modality"`
	Evidence    string  `json:"evidence"`
}

// Predict is the Prediction of an extracted article.
func Predict(a graphmodel.Article) Prediction {
	p := Prediction{ArticleID: a.ID, ExtractorVersion: a.ExtractorVersion, Skipped: a.Skipped, Entities: []PredEntity{}, Relations: []PredRelation{}}
	for _, e := range a.Entities {
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		p.Entities = append(p.Entities, PredEntity{ID: e.Key, Name: e.Name, Type: string(e.Kind), Aliases: aliases})
	}
	for _, c := range a.Claims {
		p.Relations = append(p.Relations, PredRelation{
			Type: string(c.Type), Subject: c.Subject, Object: c.Object, SubjectRole: c.SubjectRole,
			ObjectRole: c.ObjectRole, Charge: c.Charge, Confidence: c.Confidence, Modality: c.Modality,
			Evidence: c.Evidence,
		})
	}
	return p
}

// ParseStats is the line of kg extract on how much the parser parsed.
func ParseStats(w io.Writer, stats ingest.ParseStats) {
	fmt.Fprintf(w, "parsed %d of %d sentences (%.1f%%), %d of %d bytes (%.1f%%)\n",
		stats.Parsed, stats.Sentences, 100*float64(stats.Parsed)/float64(stats.Sentences),
		stats.ParsedBytes, stats.Bytes, 100*float64(stats.ParsedBytes)/float64(max(stats.Bytes, 1)))
}

// Extraction is what kg extract prints on stdout: the Prediction of each
// article as JSON Lines, or, with dot, every entity and relation in one
// drawing written by Finish. It sums the parser's figures on the way.
type Extraction struct {
	w           io.Writer
	enc         *json.Encoder
	g           *Graph // nil unless dot
	relatedOnly bool
	stats       ingest.ParseStats
}

// NewExtraction writes to w; relatedOnly leaves out of the drawing the
// entities that are in no relation.
func NewExtraction(w io.Writer, dot, relatedOnly bool) *Extraction {
	e := &Extraction{w: w, enc: json.NewEncoder(w), relatedOnly: relatedOnly}
	e.enc.SetEscapeHTML(false)
	if dot {
		e.g = NewGraph()
	}
	return e
}

// Article writes (or draws) a, extracted with the parser's figures st.
func (e *Extraction) Article(a graphmodel.Article, st ingest.ParseStats) error {
	e.stats.Sentences += st.Sentences
	e.stats.Parsed += st.Parsed
	e.stats.Bytes += st.Bytes
	e.stats.ParsedBytes += st.ParsedBytes
	if e.g != nil {
		e.g.Article(a)
		return nil
	}
	return e.enc.Encode(Predict(a))
}

// Finish writes the parser's figures to stderr when parses and sentences
// were parsed, then the drawing.
func (e *Extraction) Finish(stderr io.Writer, parses bool) error {
	if e.stats.Sentences > 0 && parses {
		ParseStats(stderr, e.stats)
	}
	if e.g == nil {
		return nil
	}
	if e.relatedOnly {
		e.g.DropUnrelated()
	}
	return e.g.Write(e.w)
}
