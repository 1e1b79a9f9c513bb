package ingest

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/kg/graphmodel"
)

// ICEWSSource is the source of the events read from ICEWS files.
const ICEWSSource = "icews"

// ICEWSHeader maps the columns of an ICEWS file, found by name in its
// header row. Dataverse files name them "Event ID", "CAMEO Code"; other
// exports event_id, cameo_code: both normalize to the snake_case name.
type ICEWSHeader struct {
	columns map[string]int
	width   int
}

// icewsRequired are the columns an ICEWS file must have.
var icewsRequired = []string{"event_id", "event_date", "source_name", "cameo_code", "target_name"}

// ParseICEWSHeader reads the header row of an ICEWS file.
func ParseICEWSHeader(fields []string) (ICEWSHeader, error) {
	h := ICEWSHeader{columns: make(map[string]int, len(fields)), width: len(fields)}
	for i, f := range fields {
		h.columns[snakeCase(f)] = i
	}
	var missing []string
	for _, c := range icewsRequired {
		if _, ok := h.columns[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return h, fmt.Errorf("not an ICEWS header: no column %s", strings.Join(missing, ", "))
	}
	return h, nil
}

// snakeCase normalizes a column name: "Event ID" and "event_id" are both
// event_id.
func snakeCase(s string) string {
	s = strings.Trim(strings.TrimSpace(s), `"`)
	var b strings.Builder
	pending := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			pending = true
		}
	}
	return b.String()
}

func (h ICEWSHeader) get(fields []string, name string) string {
	i, ok := h.columns[name]
	if !ok || i >= len(fields) {
		return ""
	}
	return strings.TrimSpace(strings.Trim(fields[i], `"`))
}

// ReadICEWS reads an ICEWS event file (tab-separated, with a header row) and
// calls fn with every row as an event message with the id
// icews:<event_date>:<event_id>, or with the reason the row is rejected. It
// fails when the header lacks a required column, or when r or fn fails.
func ReadICEWS(r io.Reader, fn func(EventRow) error) error {
	var h ICEWSHeader
	return readTSV(r, func(line int, fields []string) error {
		if h.columns == nil {
			var err error
			h, err = ParseICEWSHeader(fields)
			return err
		}
		m, err := h.Event(fields)
		return fn(EventRow{Line: line, Message: m, Err: err})
	})
}

// Event maps one ICEWS row to an event message that DecodeEvent accepts,
// or returns a MalformedError saying why it cannot.
func (h ICEWSHeader) Event(fields []string) (EventMessage, error) {
	var m EventMessage
	if len(fields) != h.width {
		return m, malformed(ReasonBadRow, fmt.Sprintf("%d columns, the header has %d", len(fields), h.width))
	}
	id, date := h.get(fields, "event_id"), h.get(fields, "event_date")
	switch {
	case id == "":
		return m, malformed(ReasonMissingField, "event_id is empty")
	case date == "":
		return m, malformed(ReasonMissingField, "event_date is empty")
	}
	d, err := ParseDate(date)
	if err != nil {
		if d, err = compactDate(date); err != nil {
			return m, malformed(ReasonInvalidField, fmt.Sprintf("event_date %q is not YYYY-MM-DD", truncateDetail(date)))
		}
	}
	m.ID = "icews:" + d + ":" + id
	m.OccurredAt = d
	m.CAMEO = icewsCode(h.get(fields, "cameo_code"))
	if m.CAMEO == "" {
		return m, malformed(ReasonMissingField, "cameo_code is empty")
	}
	m.Subject = icewsParty(h.get(fields, "source_name"), h.get(fields, "source_sectors"), h.get(fields, "source_country"))
	m.Object = icewsParty(h.get(fields, "target_name"), h.get(fields, "target_sectors"), h.get(fields, "target_country"))
	m.Source = ICEWSSource
	if err := checkEvent(&m); err != nil {
		return m, err
	}
	return m, nil
}

// icewsCode restores the leading zero of a CAMEO code that went through a
// number ("40" for "040", "231" for "0231"). ICEWS codes events at the
// second or third level, never at a bare root, so a two-digit code always
// lost its zero.
func icewsCode(c string) string {
	if !allDigits(c) {
		return c
	}
	if len(c) == 2 {
		c = "0" + c
	}
	if len(c) == 3 && !knownCAMEO(c) && knownCAMEO("0"+c) {
		c = "0" + c
	}
	return c
}

// icewsCountries are the ICEWS spellings of states that the state table
// knows by another name, or (Congo) gives to another state.
var icewsCountries = map[string]string{
	"congo":                                  "COG",
	"palestinian territory, occupied":        "PSE",
	"moldova, republic of":                   "MDA",
	"korea, republic of":                     "KOR",
	"korea, democratic people's republic of": "PRK",
	"iran, islamic republic of":              "IRN",
	"tanzania, united republic of":           "TZA",
	"syrian arab republic":                   "SYR",
	"viet nam":                               "VNM",
	"venezuela, bolivarian republic of":      "VEN",
	"bolivia, plurinational state of":        "BOL",
	"taiwan, province of china":              "TWN",
}

func icewsState(name string) *State {
	if iso, ok := icewsCountries[strings.ToLower(strings.TrimSpace(name))]; ok {
		return stateByCode(iso)
	}
	return stateByFullName(name)
}

// icewsParty turns an ICEWS actor into an event party:
//   - "Government (China)", "Citizen (Japan)": a body or group of a state,
//     coded with the CAMEO class its sectors give (CHNGOV, JPNCVL) and the
//     body as its role;
//   - "China": the state itself;
//   - "United Nations": a seeded organization;
//   - "Department of State" (sectors of government): a named body acting
//     for its state, with its name as the role; other named organizations
//     ("Congress Party", "Reuters") are organizations;
//   - "Barack Obama": a person;
//   - "Unspecified Actor", regions and places ("Southeast Asia",
//     "Catalonia"): a name that resolves to no entity.
func icewsParty(name, sectorList, country string) *EventParty {
	if name == "" {
		return nil
	}
	sectors := splitSectors(sectorList)
	if body, paren, ok := splitBody(name); ok {
		s := icewsState(paren)
		if s == nil {
			s = icewsState(country)
		}
		role := graphmodel.Truncate(strings.ToLower(body), graphmodel.MaxRoleBytes)
		if s == nil {
			return &EventParty{Name: name, Type: string(graphmodel.KindState), Role: role}
		}
		class := icewsClass(sectors)
		if class == "" {
			class = "CVL"
			if roleSpeaksForState(body) {
				class = "GOV"
			}
		}
		return &EventParty{Name: name, Type: string(graphmodel.KindState), Code: s.ISO3 + class, Role: role}
	}
	if s := icewsState(name); s != nil {
		return &EventParty{Name: name, Type: string(graphmodel.KindState), Code: s.ISO3}
	}
	if orgByName(name) != nil {
		return &EventParty{Name: name, Type: string(graphmodel.KindOrganization)}
	}
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "unspecified") || strings.HasPrefix(lower, "unidentified") {
		return &EventParty{Name: name}
	}
	if orgLike(name) || !personLike(name) && orgSectors(sectors) {
		if s := icewsState(country); s != nil {
			if class := icewsClass(sectors); governmentClasses[class] {
				return &EventParty{Name: name, Type: string(graphmodel.KindState), Code: s.ISO3 + class,
					Role: graphmodel.Truncate(name, graphmodel.MaxRoleBytes)}
			}
		}
		return &EventParty{Name: name, Type: string(graphmodel.KindOrganization)}
	}
	// ICEWS gives people sectors; places and regions have none.
	if len(sectors) == 0 && !personLike(name) {
		return &EventParty{Name: name}
	}
	return &EventParty{Name: name, Type: string(graphmodel.KindActor)}
}

// orgSectors reports whether sectors mark an organization: people are never
// coded as corporations, IGOs or NGOs.
func orgSectors(sectors []string) bool {
	for _, s := range sectors {
		if s == "Multinational Corporation" || s == "International Government Organization" ||
			strings.HasPrefix(s, "Nongovernmental Organization") {
			return true
		}
	}
	return false
}

func splitSectors(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// icewsClass returns the CAMEO actor class of an ICEWS actor from its
// sectors, or "" when they say nothing. Non-state sectors win: a "Criminal"
// is coded "Criminals / Gangs,Dissident", a "Militant" "Unidentified
// Forces". Of the sectors of government, the most specific wins:
// intelligence, military, judiciary, legislature, then government,
// executive, ministries, police and local government.
func icewsClass(sectors []string) string {
	has := func(pred func(string) bool) bool {
		for _, s := range sectors {
			if pred(s) {
				return true
			}
		}
		return false
	}
	is := func(names ...string) func(string) bool {
		return func(s string) bool {
			for _, n := range names {
				if s == n {
					return true
				}
			}
			return false
		}
	}
	suffix := func(suf string) func(string) bool {
		return func(s string) bool { return strings.HasSuffix(s, suf) }
	}
	for _, c := range []struct {
		pred  func(string) bool
		class string
	}{
		{is("Criminals / Gangs", "Organized Violent"), "CRM"},
		{is("Rebel", "Insurgents", "International Insurgents", "Separatists"), "REB"},
		{is("Unidentified Forces"), "UAF"},
		{is("Protestors / Popular Opposition / Mobs", "Dissident", "International Dissident", "Opposition Major Party (Out Of Government)"), "OPP"},
		{is("Media", "News", "Print News", "Television News", "State Media"), "MED"},
		{func(s string) bool {
			return s == "Business" || s == "Multinational Corporation" || strings.HasSuffix(s, " Business") || strings.HasPrefix(s, "State Owned") || strings.HasPrefix(s, "State-Owned")
		}, "BUS"},
		{func(s string) bool { return strings.Contains(s, "NGO") || strings.HasPrefix(s, "Nongovernmental") }, "NGO"},
		{is("Refugees / Displaced"), "REF"},
		{is("Education"), "EDU"},
		{is("Labor"), "LAB"},
		{is("Medical / Health"), "HLH"},
		{is("Agricultural"), "AGR"},
		{is("Parties", "(National) Major Party", "(National) Minor Party", "Government Major Party (In Government)", "Municipal Party", "Provincial Party"), "PTY"},
		{is("National Religious", "International Religious", "Government Religious"), "REL"},
		{is("General Population / Civilian / Social", "Legal", "Social", "Elite", "Entertainment"), "CVL"},
		{is("Military Intelligence", "Intelligence Ministry"), "SPY"},
		{is("Military", "Army", "Navy", "Air Force", "Marines", "Coast Guard", "Army Special Forces"), "MIL"},
		{is("Judicial", "Provincial Court"), "JUD"},
		{is("Legislative / Parliamentary", "Lower House", "Upper House", "Unicameral"), "LEG"},
		{is("Government", "Executive", "Executive Office", "Cabinet", "Police", "National / Border Divisions", "Provincial", "Local", "Municipal"), "GOV"},
		{suffix("Ministry"), "GOV"},
	} {
		if has(c.pred) {
			return c.class
		}
	}
	return ""
}

// orgWords are the words that make a name an organization's.
var orgWords = wordSet("party", "congress", "agency", "police", "force", "forces", "department", "ministry",
	"authority", "council", "court", "bank", "association", "union", "organization", "organisation",
	"committee", "commission", "front", "movement", "army", "navy", "news", "press", "parliament", "assembly",
	"senate", "government", "office", "service", "services", "group", "corporation", "company", "inc", "ltd",
	"university", "institute", "foundation", "fund", "federation", "alliance", "league", "network", "coalition",
	"times", "post", "television", "radio", "daily", "airlines", "airways", "guard", "corps", "tribunal",
	"cabinet", "board", "bureau", "embassy", "administration", "secretariat", "reuters", "xinhua", "tass")

// orgLike reports whether a name reads as an organization's: it has an
// organization word, a digit ("G7") or is an acronym.
func orgLike(name string) bool {
	letters, upper := 0, 0
	for _, r := range name {
		if unicode.IsDigit(r) {
			return true
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 2 && letters == upper {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if orgWords[w] {
			return true
		}
	}
	return false
}

var knownPeople = sync.OnceValue(func() (given map[string]bool) {
	given = make(map[string]bool, len(givenNameList)+len(leaderTable))
	for _, n := range givenNameList {
		given[n] = true
	}
	for _, l := range leaderTable {
		given[graphmodel.ActorKey(l.Name)] = true
	}
	return given
})

// personLike reports whether a name opens with a known given name or is a
// known leader's.
func personLike(name string) bool {
	known := knownPeople()
	if known[graphmodel.ActorKey(name)] {
		return true
	}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(name)), " ")
	return known[first]
}
