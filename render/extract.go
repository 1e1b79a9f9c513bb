package render

import (
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
