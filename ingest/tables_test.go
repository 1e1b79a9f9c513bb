package ingest

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func findState(iso3 string) (State, bool) {
	for _, s := range stateTable {
		if s.ISO3 == iso3 {
			return s, true
		}
	}
	return State{}, false
}

func TestStateTableFacts(t *testing.T) {
	tests := []struct {
		iso3       string
		name       string
		names      []string
		demonyms   []string
		capitals   []string
		historical bool
	}{
		{iso3: "USA", name: "United States", names: []string{"United States of America", "U.S.", "US", "USA", "America"}, demonyms: []string{"American", "Americans"}, capitals: []string{"Washington"}},
		{iso3: "CHN", name: "China", names: []string{"People's Republic of China", "PRC"}, demonyms: []string{"Chinese"}, capitals: []string{"Beijing"}},
		{iso3: "PRK", name: "North Korea", names: []string{"DPRK", "Democratic People's Republic of Korea"}, demonyms: []string{"North Korean", "North Koreans"}, capitals: []string{"Pyongyang"}},
		{iso3: "KOR", name: "South Korea", names: []string{"Republic of Korea", "ROK"}, demonyms: []string{"South Korean"}, capitals: []string{"Seoul"}},
		{iso3: "RUS", name: "Russia", names: []string{"Russian Federation"}, demonyms: []string{"Russian", "Russians"}, capitals: []string{"Moscow"}},
		{iso3: "IRN", name: "Iran", names: []string{"Islamic Republic of Iran"}, demonyms: []string{"Iranian", "Iranians"}, capitals: []string{"Tehran"}},
		{iso3: "TUR", name: "Turkey", names: []string{"Türkiye"}, demonyms: []string{"Turkish", "Turks"}, capitals: []string{"Ankara"}},
		{iso3: "GBR", name: "United Kingdom", names: []string{"UK", "U.K.", "Britain", "Great Britain"}, demonyms: []string{"British", "Britons"}, capitals: []string{"London"}},
		{iso3: "ARE", name: "United Arab Emirates", names: []string{"UAE"}, demonyms: []string{"Emirati", "Emiratis"}, capitals: []string{"Abu Dhabi"}},
		{iso3: "PHL", name: "Philippines", demonyms: []string{"Filipino", "Filipinos", "Philippine"}, capitals: []string{"Manila"}},
		{iso3: "NLD", name: "Netherlands", demonyms: []string{"Dutch"}},
		{iso3: "ISR", name: "Israel", demonyms: []string{"Israeli", "Israelis"}, capitals: []string{"Jerusalem"}},
		{iso3: "SAU", name: "Saudi Arabia", demonyms: []string{"Saudi", "Saudis"}, capitals: []string{"Riyadh"}},
		{iso3: "CIV", name: "Ivory Coast", names: []string{"Côte d'Ivoire"}, demonyms: []string{"Ivorian"}},
		{iso3: "COD", name: "Democratic Republic of the Congo", names: []string{"DR Congo", "DRC", "Congo-Kinshasa"}, demonyms: []string{"Congolese"}, capitals: []string{"Kinshasa"}},
		{iso3: "COG", name: "Republic of the Congo", names: []string{"Congo-Brazzaville"}, capitals: []string{"Brazzaville"}},
		{iso3: "SWZ", name: "Eswatini", names: []string{"Swaziland"}},
		{iso3: "MKD", name: "North Macedonia", names: []string{"Macedonia"}},
		{iso3: "MMR", name: "Myanmar", names: []string{"Burma"}, demonyms: []string{"Burmese"}},
		{iso3: "TLS", name: "Timor-Leste", names: []string{"East Timor"}},
		{iso3: "CZE", name: "Czech Republic", names: []string{"Czechia"}, demonyms: []string{"Czech", "Czechs"}, capitals: []string{"Prague"}},
		{iso3: "KAZ", name: "Kazakhstan", capitals: []string{"Astana"}},
		{iso3: "UKR", name: "Ukraine", capitals: []string{"Kyiv"}},
		{iso3: "XKX", name: "Kosovo", demonyms: []string{"Kosovar"}, capitals: []string{"Pristina"}},
		{iso3: "TWN", name: "Taiwan", names: []string{"Republic of China"}, demonyms: []string{"Taiwanese"}, capitals: []string{"Taipei"}},
		{iso3: "PSE", name: "Palestine", names: []string{"State of Palestine"}, demonyms: []string{"Palestinian", "Palestinians"}},
		{iso3: "VAT", name: "Vatican City", names: []string{"Holy See"}},
		{iso3: "GEO", name: "Georgia", demonyms: []string{"Georgian"}},
		{iso3: "JOR", name: "Jordan", demonyms: []string{"Jordanian"}},
		{iso3: "TCD", name: "Chad", demonyms: []string{"Chadian"}},
		{iso3: "SUN", name: "Soviet Union", names: []string{"USSR"}, demonyms: []string{"Soviet"}, historical: true},
		{iso3: "DDR", name: "East Germany", names: []string{"German Democratic Republic"}, demonyms: []string{"East German"}, historical: true},
		{iso3: "BRD", name: "West Germany", demonyms: []string{"West German"}, historical: true},
		{iso3: "YUG", name: "Yugoslavia", demonyms: []string{"Yugoslav"}, historical: true},
		{iso3: "CSK", name: "Czechoslovakia", demonyms: []string{"Czechoslovak"}, historical: true},
	}
	for _, tt := range tests {
		t.Run(tt.iso3, func(t *testing.T) {
			s, ok := findState(tt.iso3)
			if !ok {
				t.Fatalf("no state %s", tt.iso3)
			}
			if s.Name != tt.name {
				t.Errorf("Name: got %q, want %q", s.Name, tt.name)
			}
			if s.Historical != tt.historical {
				t.Errorf("Historical: got %v, want %v", s.Historical, tt.historical)
			}
			for _, n := range tt.names {
				if !slices.Contains(s.Names, n) {
					t.Errorf("Names: got %q, want it to include %q", s.Names, n)
				}
			}
			for _, d := range tt.demonyms {
				if !slices.Contains(s.Demonyms, d) {
					t.Errorf("Demonyms: got %q, want it to include %q", s.Demonyms, d)
				}
			}
			for _, c := range tt.capitals {
				if !slices.Contains(s.Capitals, c) {
					t.Errorf("Capitals: got %q, want it to include %q", s.Capitals, c)
				}
			}
		})
	}
}

func TestStateTableCAMEO(t *testing.T) {
	tests := []struct{ iso3, want string }{
		{"USA", "USA"},
		{"CHN", "CHN"},
		{"XKX", "KSV"}, // the dictionary's Kosovo code
		{"TLS", "TMP"}, // the old CAMEO code of East Timor
		{"SUN", "SUN"},
		{"DDR", "DDR"},
		{"BRD", "DEU"}, // the dictionary codes West Germany as Germany
	}
	for _, tt := range tests {
		s, ok := findState(tt.iso3)
		if !ok {
			t.Errorf("no state %s", tt.iso3)
			continue
		}
		if s.CAMEO != tt.want {
			t.Errorf("%s CAMEO: got %q, want %q", tt.iso3, s.CAMEO, tt.want)
		}
	}
}

func TestStateTableExcludesTerritories(t *testing.T) {
	for _, iso3 := range []string{"HKG", "MAC", "PRI", "GRL", "GUM", "BMU", "ESH", "ABW", "ATA", "ANT"} {
		if s, ok := findState(iso3); ok {
			t.Errorf("got a state %s (%s), want none: it is not a state", iso3, s.Name)
		}
	}
	for _, s := range stateTable {
		for _, n := range append([]string{s.Name}, s.Names...) {
			if n == "Hong Kong" || n == "Puerto Rico" || n == "Greenland" || n == "Macao" || n == "Macau" {
				t.Errorf("%s has the name %q of a territory", s.ISO3, n)
			}
		}
	}
}

func TestStateTableCounts(t *testing.T) {
	current := 0
	var historical []string
	for _, s := range stateTable {
		if s.Historical {
			historical = append(historical, s.ISO3)
		} else {
			current++
		}
	}
	// 193 UN members, the observers Palestine and Vatican City, Taiwan and Kosovo.
	if current != 197 {
		t.Errorf("current states: got %d, want 197", current)
	}
	slices.Sort(historical)
	want := []string{"BRD", "CSK", "DDR", "SCG", "SUN", "YUG"}
	if !slices.Equal(historical, want) {
		t.Errorf("historical states: got %q, want %q", historical, want)
	}
	// Historical states come after all current ones, so that a lookup that
	// takes the first state with a capital finds Russia for "Moscow".
	seenHistorical := false
	for _, s := range stateTable {
		if s.Historical {
			seenHistorical = true
		} else if seenHistorical {
			t.Errorf("current state %s listed after a historical state", s.ISO3)
		}
	}
}

func TestStateTableCodes(t *testing.T) {
	code := regexp.MustCompile(`^[A-Z]{3}$`)
	seen := make(map[string]bool)
	for _, s := range stateTable {
		if !code.MatchString(s.ISO3) {
			t.Errorf("ISO3 %q: want three upper-case letters", s.ISO3)
		}
		if !code.MatchString(s.CAMEO) {
			t.Errorf("%s CAMEO %q: want three upper-case letters", s.ISO3, s.CAMEO)
		}
		if seen[s.ISO3] {
			t.Errorf("ISO3 %s listed twice", s.ISO3)
		}
		seen[s.ISO3] = true
	}
}

func TestStateTableNamesAreUnique(t *testing.T) {
	owner := make(map[string]string)
	for _, s := range stateTable {
		all := append(append([]string{s.Name}, s.Names...), s.Demonyms...)
		for _, n := range all {
			if n == "" || strings.TrimSpace(n) != n {
				t.Errorf("%s: got name or demonym %q, want no empty or padded entries", s.ISO3, n)
			}
			k := strings.ToLower(n)
			if prev, ok := owner[k]; ok && prev != s.ISO3 {
				t.Errorf("duplicate %q: got it in %s and %s, want one state", n, prev, s.ISO3)
			}
			owner[k] = s.ISO3
		}
		if slices.Contains(s.Names, s.Name) {
			t.Errorf("%s: Names repeats the Name %q", s.ISO3, s.Name)
		}
	}
}

func TestStateTableNoCitiesAsNames(t *testing.T) {
	capitals := make(map[string]string)
	for _, s := range stateTable {
		for _, c := range s.Capitals {
			capitals[strings.ToLower(c)] = s.ISO3
		}
	}
	// Big cities that are not capitals, which the source dictionaries list
	// among the synonyms of their states.
	for _, c := range []string{"Shanghai", "Guangzhou", "New York", "Los Angeles", "Mumbai", "Karachi", "Istanbul",
		"Lagos", "Sao Paulo", "Rio de Janeiro", "Sydney", "Toronto", "Dubai", "Jeddah", "Alexandria", "Aleppo",
		"Mosul", "Kandahar", "St. Petersburg", "Saint Petersburg", "Osaka", "Busan", "Ho Chi Minh City", "Almaty", "Odesa"} {
		capitals[strings.ToLower(c)] = "city"
	}
	for _, s := range stateTable {
		for _, n := range append(append([]string{}, s.Names...), s.Demonyms...) {
			if where, ok := capitals[strings.ToLower(n)]; ok {
				t.Errorf("%s: got %q among its names or demonyms, want no city (%s)", s.ISO3, n, where)
			}
		}
	}
	rus, _ := findState("RUS")
	if slices.Contains(rus.Names, "Moscow") {
		t.Errorf("RUS Names: got %q, want no Moscow", rus.Names)
	}
}

func TestStateTableDemonyms(t *testing.T) {
	// States that get no demonym, and why.
	noDemonym := map[string]string{
		"COG": `"Congolese" is the Democratic Republic of the Congo's`,
		"DMA": `"Dominican" is the Dominican Republic's`,
		"VAT": "English has none",
		"SCG": "English has none",
	}
	for _, s := range stateTable {
		_, exempt := noDemonym[s.ISO3]
		if len(s.Demonyms) == 0 && !exempt {
			t.Errorf("%s %s: got no demonyms, want at least one", s.ISO3, s.Name)
		}
		if len(s.Demonyms) > 0 && exempt {
			t.Errorf("%s %s: got demonyms %q, want none (%s)", s.ISO3, s.Name, s.Demonyms, noDemonym[s.ISO3])
		}
	}
}

func findOrg(name string) (Org, bool) {
	for _, o := range orgTable {
		if o.Name == name {
			return o, true
		}
	}
	return Org{}, false
}

func TestOrgTableFacts(t *testing.T) {
	tests := []struct {
		name, acronym, cameo string
		alias                string
	}{
		{"United Nations", "UN", "IGOUNO", "U.N."},
		{"North Atlantic Treaty Organization", "NATO", "IGOWSTNAT", ""},
		{"European Union", "EU", "IGOEUREEC", ""},
		{"African Union", "AU", "IGOAFRAFU", ""},
		{"United Nations Security Council", "UNSC", "IGOUNO", "UN Security Council"},
		{"International Atomic Energy Agency", "IAEA", "IGOUNOIAE", ""},
		{"World Health Organization", "WHO", "IGOUNOHLHWHO", ""},
		{"International Monetary Fund", "IMF", "IGOBUSIMF", ""},
		{"Association of Southeast Asian Nations", "ASEAN", "IGOSEAASN", ""},
		{"Organization of the Petroleum Exporting Countries", "OPEC", "IGOOPC", ""},
		{"International Committee of the Red Cross", "ICRC", "NGOHLHIRC", "Red Cross"},
		{"Amnesty International", "", "NGOHRIAMN", ""},
	}
	for _, tt := range tests {
		o, ok := findOrg(tt.name)
		if !ok {
			t.Errorf("no organization %q", tt.name)
			continue
		}
		if o.Acronym != tt.acronym {
			t.Errorf("%s Acronym: got %q, want %q", tt.name, o.Acronym, tt.acronym)
		}
		if o.CAMEO != tt.cameo {
			t.Errorf("%s CAMEO: got %q, want %q", tt.name, o.CAMEO, tt.cameo)
		}
		if tt.alias != "" && !slices.Contains(o.Aliases, tt.alias) {
			t.Errorf("%s Aliases: got %q, want it to include %q", tt.name, o.Aliases, tt.alias)
		}
	}
}

func TestOrgTableIsClean(t *testing.T) {
	if n := len(orgTable); n < 60 || n > 120 {
		t.Errorf("organizations: got %d, want 60 to 120", n)
	}
	code := regexp.MustCompile(`^(IGO|NGO)[A-Z]*$`)
	stateNames := make(map[string]string)
	for _, s := range stateTable {
		for _, n := range append(append([]string{s.Name}, s.Names...), s.Demonyms...) {
			stateNames[strings.ToLower(n)] = s.ISO3
		}
	}
	owner := make(map[string]string)
	for _, o := range orgTable {
		if !code.MatchString(o.CAMEO) {
			t.Errorf("%s CAMEO: got %q, want an IGO or NGO code", o.Name, o.CAMEO)
		}
		for _, n := range append([]string{o.Name, o.Acronym}, o.Aliases...) {
			if n == "" {
				continue
			}
			k := strings.ToLower(n)
			if prev, ok := owner[k]; ok && prev != o.Name {
				t.Errorf("duplicate %q: got it in %q and %q, want one organization", n, prev, o.Name)
			}
			owner[k] = o.Name
			if iso3, ok := stateNames[k]; ok {
				t.Errorf("%s: got %q, which is also a name of the state %s", o.Name, n, iso3)
			}
		}
	}
}
