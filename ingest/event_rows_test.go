package ingest

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

func readRows(t *testing.T, path string, read func(r *os.File, fn func(EventRow) error) error) []EventRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []EventRow
	if err := read(f, func(r EventRow) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return rows
}

func gdeltRows(t *testing.T, path string) []EventRow {
	return readRows(t, path, func(r *os.File, fn func(EventRow) error) error { return ReadGDELT(r, fn) })
}

func icewsRows(t *testing.T, path string) []EventRow {
	return readRows(t, path, func(r *os.File, fn func(EventRow) error) error { return ReadICEWS(r, fn) })
}

func byID(t *testing.T, rows []EventRow) map[string]EventMessage {
	t.Helper()
	m := make(map[string]EventMessage)
	for _, r := range rows {
		if r.Err != nil {
			t.Fatalf("line %d: %v", r.Line, r.Err)
		}
		m[r.Message.ID] = r.Message
	}
	return m
}

func TestReadGDELT(t *testing.T) {
	rows := gdeltRows(t, "testdata/events/gdelt2-excerpt.export.CSV")
	if len(rows) != 14 {
		t.Fatalf("%d rows, want 14", len(rows))
	}
	msgs := byID(t, rows)
	// 741917024: CANADA hosts... (code 042, leading zero kept), both actors
	// coded, geography of a city.
	m := msgs["gdelt:741917024"]
	if m.CAMEO != "042" || m.OccurredAt != "2017-03-26" || m.Source != "gdelt" ||
		!reflect.DeepEqual(m.Subject, &EventParty{Name: "CANADA", Code: "CAN"}) ||
		!reflect.DeepEqual(m.Object, &EventParty{Name: "UNITED KINGDOM", Code: "GBR"}) ||
		!strings.HasPrefix(m.SourceURL, "https://www.express.co.uk/") {
		t.Errorf("gdelt:741917024 = %+v", m)
	}
	// 741917023: no Actor2 and no Actor2 geography.
	if m := msgs["gdelt:741917023"]; m.Object != nil || m.CAMEO != "020" {
		t.Errorf("gdelt:741917023: object %+v cameo %q, want none and 020", m.Object, m.CAMEO)
	}
	// 881991074: a four-digit code with a leading zero.
	if m := msgs["gdelt:881991074"]; m.CAMEO != "0214" {
		t.Errorf("gdelt:881991074: cameo %q, want 0214", m.CAMEO)
	}
	// Every message survives the wire.
	for _, r := range rows {
		if _, err := DecodeEvent([]byte(r.Message.ID), mustJSON(t, r.Message), 0); err != nil {
			t.Errorf("line %d: %v", r.Line, err)
		}
	}
}

func TestReadGDELTVersion1Layout(t *testing.T) {
	v2 := gdeltRows(t, "testdata/events/gdelt2-excerpt.export.CSV")
	v1 := gdeltRows(t, "testdata/events/gdelt1-layout-excerpt.CSV")
	if len(v1) != 4 {
		t.Fatalf("%d rows, want 4", len(v1))
	}
	for i, r := range v1 {
		if r.Err != nil {
			t.Fatalf("line %d: %v", r.Line, r.Err)
		}
		want := v2[i].Message
		if i == 3 {
			want.SourceURL = "" // files before April 2013 have no SOURCEURL
		}
		if !reflect.DeepEqual(r.Message, want) {
			t.Errorf("line %d: GDELT 1.0 layout gives %+v, 2.0 gives %+v", r.Line, r.Message, want)
		}
	}
}

func TestReadGDELTBadRows(t *testing.T) {
	good := strings.Split(strings.TrimSpace(readFile(t, "testdata/events/gdelt2-excerpt.export.CSV")), "\n")[0]
	cols := strings.Split(good, "\t")
	with := func(i int, v string) string {
		c := append([]string(nil), cols...)
		c[i] = v
		return strings.Join(c, "\t")
	}
	input := strings.Join([]string{
		good,
		"a\tb\tc",
		with(gdeltID, ""),
		with(gdeltID, "12x"),
		with(gdeltSQLDate, "2018-03-26"),
		with(gdeltSQLDate, "20181399"),
		with(gdeltEventCode, ""),
		with(gdeltEventCode, "999"),
		with(gdeltEventCode, "42"),
		"",
	}, "\r\n")
	var got []string
	err := ReadGDELT(strings.NewReader(input), func(r EventRow) error {
		got = append(got, string(ReasonOf(r.Err)))
		if r.Err == nil {
			got[len(got)-1] = "ok"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ok", "bad-row", "missing-field", "invalid-field", "invalid-field", "invalid-field",
		"missing-field", "invalid-field", "invalid-field"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reasons %v, want %v", got, want)
	}
}

func TestReadICEWSBothHeaders(t *testing.T) {
	snake := byID(t, icewsRows(t, "testdata/events/icews-excerpt.tsv"))
	if len(snake) != 15 {
		t.Fatalf("%d messages, want 15", len(snake))
	}
	dataverse := icewsRows(t, "testdata/events/icews-excerpt-dataverse-header.tsv")
	if len(dataverse) != 6 {
		t.Fatalf("%d rows with the Dataverse header, want 6", len(dataverse))
	}
	for _, r := range dataverse {
		if r.Err != nil {
			t.Fatalf("line %d: %v", r.Line, r.Err)
		}
		if want := snake[r.Message.ID]; !reflect.DeepEqual(r.Message, want) {
			t.Errorf("%s: Dataverse header gives %+v, snake_case %+v", r.Message.ID, r.Message, want)
		}
	}
	m := snake["icews:2018-06-01:32889836"]
	if m.CAMEO != "040" || m.OccurredAt != "2018-06-01" ||
		!reflect.DeepEqual(m.Subject, &EventParty{Name: "Foreign Affairs (Bangladesh)", Type: "state", Code: "BGDGOV", Role: "foreign affairs"}) ||
		!reflect.DeepEqual(m.Object, &EventParty{Name: "High Ranking Military Personnel (Vietnam)", Type: "state", Code: "VNMMIL", Role: "high ranking military personnel"}) {
		t.Errorf("icews:2018-06-01:32889836 = %+v %+v %+v", m, m.Subject, m.Object)
	}
}

func TestReadICEWSRejects(t *testing.T) {
	if err := ReadICEWS(strings.NewReader("id\tdate\n1\t2\n"), func(EventRow) error { return nil }); err == nil ||
		!strings.Contains(err.Error(), "event_id") {
		t.Errorf("a file without the ICEWS columns: %v, want an error naming them", err)
	}
	input := "Event ID\tEvent Date\tSource Name\tCAMEO Code\tTarget Name\n" +
		"1\t2018-06-01\tJapan\t40\tChina\n" + // a code that lost its zero
		"2\t2018-06-01\tJapan\t231\tChina\n" +
		"3\t2018-06-01\tJapan\t112\n" +
		"\t2018-06-01\tJapan\t112\tChina\n" +
		"5\t01/06/2018\tJapan\t112\tChina\n" +
		"6\t20180601\tJapan\tX\tChina\n"
	var got []string
	err := ReadICEWS(strings.NewReader(input), func(r EventRow) error {
		if r.Err != nil {
			got = append(got, string(ReasonOf(r.Err)))
		} else {
			got = append(got, r.Message.ID+" "+r.Message.CAMEO)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"icews:2018-06-01:1 040", "icews:2018-06-01:2 0231", "bad-row", "missing-field", "invalid-field", "invalid-field"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// Real rows read by hand: for each, the entities, roles, outcome and
// relation written down from the row itself.
func TestRealRowsByHand(t *testing.T) {
	msgs := byID(t, gdeltRows(t, "testdata/events/gdelt2-excerpt.export.CSV"))
	for id, m := range byID(t, icewsRows(t, "testdata/events/icews-excerpt.tsv")) {
		msgs[id] = m
	}
	tests := []struct {
		id, row string
		outcome string
		subj    *want
		obj     *want
		rel     graphmodel.RelType
		charge  string
	}{
		// GDELT
		{"gdelt:741918354", "USA WASHINGTON -> CHN CHINA, 112 accuse", "claim",
			&want{"state:USA", ""}, &want{"state:CHN", ""}, graphmodel.AccusedOf, ""},
		{"gdelt:741918240", "SYR SYRIA -> ISR ISRAEL, 1121 accuse of crime, corruption", "claim",
			&want{"state:SYR", ""}, &want{"state:ISR", ""}, graphmodel.AccusedOf, "crime, corruption"},
		{"gdelt:741918502", "USALEG UNITED STATES -> QAT QATAR, 1123 accuse of aggression", "claim",
			&want{"state:USA", "legislature"}, &want{"state:QAT", ""}, graphmodel.AccusedOf, "aggression"},
		{"gdelt:881992183", "MKDGOV MACEDONIAN -> IGOEUREEC THE EU, 112", "claim",
			&want{"state:MKD", "government"}, &want{"org:european-union", ""}, graphmodel.AccusedOf, ""},
		{"gdelt:881992398", "RUS RUSSIAN -> USAMED REUTERS, 1122: the media are not the state", "event-only: non-state-role",
			&want{"state:RUS", ""}, &want{"state:USA", "media"}, "", ""},
		{"gdelt:881991235", "BUS BOSS -> USA, 112: a bare role is no entity", "event-only: not-an-entity",
			nil, &want{"state:USA", ""}, "", ""},
		{"gdelt:741917884", "JOR JORDAN -> (none), 112", "event-only: no-actor",
			&want{"state:JOR", ""}, nil, "", ""},
		{"gdelt:881992839", "USA UNITED STATES -> USAGOV UNITED STATES, 112", "event-only: same-entity",
			&want{"state:USA", ""}, &want{"state:USA", "government"}, "", ""},
		{"gdelt:881992510", "TURMIL TURKEY -> TUR ANKARA, 1123", "event-only: same-entity",
			&want{"state:TUR", "military"}, &want{"state:TUR", ""}, "", ""},
		{"gdelt:741917024", "CAN CANADA -> GBR UNITED KINGDOM, 042 make a visit", "event-only: not-a-relation",
			&want{"state:CAN", ""}, &want{"state:GBR", ""}, "", ""},
		{"gdelt:881991074", "AFR AFRICA -> COP POLICE, 0214: a region and a bare role", "event-only: not-an-entity",
			nil, nil, "", ""},
		{"gdelt:741917022", "BUS COMPANY -> MNCUSA MICROSOFT, 071", "event-only: not-a-relation",
			nil, &want{"state:USA", "multinational corporation"}, "", ""},
		{"gdelt:741917249", "ARGJUD ARGENTINEAN -> GOV AUTHORITIES, 112", "event-only: not-an-entity",
			&want{"state:ARG", "judiciary"}, nil, "", ""},
		// ICEWS
		{"icews:2018-06-01:32890677", "Japan -> United States, 022 appeal for diplomatic cooperation", "claim",
			&want{"state:JPN", ""}, &want{"state:USA", ""}, graphmodel.RequestedHelpFrom, ""},
		{"icews:2018-06-01:32892165", "Russia -> United Kingdom, 021 appeal for material cooperation", "claim",
			&want{"state:RUS", ""}, &want{"state:GBR", ""}, graphmodel.RequestedHelpFrom, ""},
		{"icews:2018-06-01:32888012", "Department of State (Government, Foreign Ministry; United States) -> Russia, 022", "claim",
			&want{"state:USA", "Department of State"}, &want{"state:RUS", ""}, graphmodel.RequestedHelpFrom, ""},
		{"icews:2018-06-03:32898582", "Border Security Force (Government, Police; India) -> Pakistan, 1123", "claim",
			&want{"state:IND", "Border Security Force"}, &want{"state:PAK", ""}, graphmodel.AccusedOf, "aggression"},
		{"icews:2018-06-02:32896840", "Palestinian Territory, Occupied -> Israeli Defense Forces (Military; Israel), 1122", "claim",
			&want{"state:PSE", ""}, &want{"state:ISR", "Israeli Defense Forces"}, graphmodel.AccusedOf, "human rights abuses"},
		{"icews:2018-06-03:32896655", "European Union -> China, 115 bring lawsuit against", "claim",
			&want{"org:european-union", ""}, &want{"state:CHN", ""}, graphmodel.AccusedOf, ""},
		{"icews:2018-06-02:32900756", "Kumari Selja (a person) -> Government (India), 1121", "claim",
			&want{"actor:kumari-selja", ""}, &want{"state:IND", "government"}, graphmodel.AccusedOf, "crime, corruption"},
		{"icews:2018-06-01:32890794", "Central Bureau of Investigation (Government, Police; India) -> AirAsia (Multinational Corporation), 112", "claim",
			&want{"state:IND", "Central Bureau of Investigation"}, &want{"org:airasia", ""}, graphmodel.AccusedOf, ""},
		{"icews:2018-06-01:32887389", "Citizen (Gambia) -> Yahya Jammeh, 115: citizens are not the state", "event-only: non-state-role",
			&want{"state:GMB", "citizen"}, &want{"actor:yahya-jammeh", ""}, "", ""},
		{"icews:2018-06-01:32888174", "Immigrants (Croatia) -> Croatia, 0233", "event-only: non-state-role",
			&want{"state:HRV", "immigrants"}, &want{"state:HRV", ""}, "", ""},
		{"icews:2018-06-02:32899717", "Baleka Mbete -> Party Member (South Africa), 022", "event-only: non-state-role",
			&want{"actor:baleka-mbete", ""}, &want{"state:ZAF", "party member"}, "", ""},
		{"icews:2018-06-01:32888538", "Head of Government (Venezuela) -> Public Prosecutor (Venezuela), 0214", "event-only: same-entity",
			&want{"state:VEN", "head of government"}, &want{"state:VEN", "public prosecutor"}, "", ""},
		{"icews:2018-06-01:32889836", "Foreign Affairs (Bangladesh) -> High Ranking Military Personnel (Vietnam), 040 consult", "event-only: not-a-relation",
			&want{"state:BGD", "foreign affairs"}, &want{"state:VNM", "high ranking military personnel"}, "", ""},
		{"icews:2018-06-01:32891290", "Ministry (Japan) -> Citizen (Japan), 014", "event-only: not-a-relation",
			&want{"state:JPN", "ministry"}, &want{"state:JPN", "citizen"}, "", ""},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			m, ok := msgs[tt.id]
			if !ok {
				t.Fatalf("no row %s in the excerpts", tt.id)
			}
			ev, out := EventToGraph(m)
			seen[out.String()] = true
			if tt.rel != "" {
				seen[string(tt.rel)] = true
			}
			if out.String() != tt.outcome {
				t.Fatalf("%s: outcome %q, want %q", tt.row, out, tt.outcome)
			}
			checkActor(t, "source", ev.SourceActor, tt.subj)
			checkActor(t, "target", ev.TargetActor, tt.obj)
			if tt.rel == "" {
				return
			}
			c := ev.Claims[0]
			if c.Type != tt.rel || c.Subject != tt.subj.key || c.Object != tt.obj.key || c.Charge != tt.charge ||
				c.SubjectRole != tt.subj.role || c.ObjectRole != tt.obj.role {
				t.Errorf("%s: claim %+v, want %s %s -> %s, charge %q", tt.row, c, tt.rel, tt.subj.key, tt.obj.key, tt.charge)
			}
		})
	}
	for _, w := range []string{"claim", "event-only: not-a-relation", "event-only: no-actor", "event-only: not-an-entity",
		"event-only: non-state-role", "event-only: same-entity", "accused-of", "requested-help-from"} {
		if !seen[w] {
			t.Errorf("no real row covers %s", w)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
