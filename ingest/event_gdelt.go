package ingest

import (
	"fmt"
	"io"
	"strings"
)

// GDELT event files: tab-separated, no header. GDELT 2.0 exports have 61
// columns; GDELT 1.0 daily files 58, or 57 before April 2013 (no
// SOURCEURL). The columns used here sit at the same places in both up to
// the geography, which GDELT 2.0 widened with ADM2 codes.
const (
	gdeltV2Columns      = 61
	gdeltV1Columns      = 58
	gdeltV1ColumnsNoURL = 57

	gdeltID         = 0  // GLOBALEVENTID
	gdeltSQLDate    = 1  // SQLDATE, YYYYMMDD
	gdeltActor1Code = 5  // Actor1Code: the complete CAMEO actor code
	gdeltActor1Name = 6  // Actor1Name
	gdeltActor2Code = 15 // Actor2Code
	gdeltActor2Name = 16 // Actor2Name
	gdeltEventCode  = 26 // EventCode: the CAMEO event code, leading zeros kept
)

// GDELTSource is the source of the events read from GDELT files.
const GDELTSource = "gdelt"

// ReadGDELT reads a GDELT 1.0 or 2.0 event file and calls fn with every row
// as an event message with the id gdelt:<GLOBALEVENTID>, or with the reason
// the row is rejected. It fails only when r fails or fn does.
func ReadGDELT(r io.Reader, fn func(EventRow) error) error {
	return readTSV(r, func(line int, fields []string) error {
		m, err := GDELTEvent(fields)
		return fn(EventRow{Line: line, Message: m, Err: err})
	})
}

// GDELTEvent maps the columns of one GDELT event row to an event message
// that DecodeEvent accepts, or returns a MalformedError saying why it
// cannot. Actors are passed on by their CAMEO codes, which decide the
// entities: GDELT's names are upper-case matches ("UNITED STATES",
// "PRESIDENT").
func GDELTEvent(fields []string) (EventMessage, error) {
	var m EventMessage
	url := ""
	switch len(fields) {
	case gdeltV2Columns:
		url = fields[60]
	case gdeltV1Columns:
		url = fields[57]
	case gdeltV1ColumnsNoURL:
	default:
		return m, malformed(ReasonBadRow, fmt.Sprintf("%d columns, GDELT rows have %d (2.0) or %d or %d (1.0)",
			len(fields), gdeltV2Columns, gdeltV1Columns, gdeltV1ColumnsNoURL))
	}
	id := strings.TrimSpace(fields[gdeltID])
	switch {
	case id == "":
		return m, malformed(ReasonMissingField, "GLOBALEVENTID is empty")
	case !allDigits(id):
		return m, malformed(ReasonInvalidField, fmt.Sprintf("GLOBALEVENTID %q is not a number", truncateDetail(id)))
	}
	m.ID = "gdelt:" + id
	date, err := compactDate(strings.TrimSpace(fields[gdeltSQLDate]))
	if err != nil {
		return m, err
	}
	m.OccurredAt = date
	m.CAMEO = strings.TrimSpace(fields[gdeltEventCode])
	if m.CAMEO == "" {
		return m, malformed(ReasonMissingField, "EventCode is empty")
	}
	m.Subject = gdeltParty(fields[gdeltActor1Code], fields[gdeltActor1Name])
	m.Object = gdeltParty(fields[gdeltActor2Code], fields[gdeltActor2Name])
	m.Source = GDELTSource
	m.SourceURL = strings.TrimSpace(url)
	if err := checkEvent(&m); err != nil {
		return m, err
	}
	return m, nil
}

func gdeltParty(code, name string) *EventParty {
	code, name = strings.TrimSpace(code), strings.TrimSpace(name)
	if code == "" && name == "" {
		return nil
	}
	return &EventParty{Name: name, Code: code}
}
