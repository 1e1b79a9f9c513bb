package ingest

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// keysOf returns the sorted keys of the entities extracted from text.
func keysOf(x *Extractor, text string, published time.Time) []string {
	var keys []string
	for _, e := range x.ExtractDated("", text, published).Entities {
		keys = append(keys, e.Key)
	}
	slices.Sort(keys)
	return keys
}

// Names shared by states, people, places and American states are read by
// their context.
func TestAmbiguousNames(t *testing.T) {
	tests := []struct {
		text     string
		has, not []string
	}{
		{"Georgia accused Russia of occupying its territory.", []string{"state:GEO"}, nil},
		{"Republican Doug Collins of Georgia said the vote was unfair.", nil, []string{"state:GEO"}},
		{"Members came from Alabama, Florida, Georgia and Texas.", nil, []string{"state:GEO"}},
		{"Jordan closed its border with Syria.", []string{"state:JOR"}, nil},
		{"Jordan Peterson said the book sold well.", []string{"actor:jordan-peterson"}, []string{"state:JOR"}},
		{"Chad Smith said the band would tour.", []string{"actor:chad-smith"}, []string{"state:TCD"}},
		{"Chad accused Sudan of backing the rebels.", []string{"state:TCD", "state:SDN"}, nil},
		{"Turkey asked NATO for help.", []string{"state:TUR"}, nil},
		{"Families ate turkey on Thursday.", nil, []string{"state:TUR"}},
		{"Washington said the talks had failed.", []string{"state:USA"}, nil},
		{"The fires spread across Washington state.", nil, []string{"state:USA"}},
		{"The meeting was held in Washington.", nil, []string{"state:USA"}},
		{"The Washington Post reported the story.", []string{"org:washington-post"}, []string{"state:USA"}},
		{"North Korea fired a missile. Korean officials said it fell into the sea.", []string{"state:PRK"}, []string{"state:KOR"}},
		{"South Korea held an election. Korean voters chose a new president.", []string{"state:KOR"}, []string{"state:PRK"}},
		{"The Korean War ended in an armistice.", nil, []string{"state:PRK", "state:KOR"}},
		{"Congo said the rebels had withdrawn.", []string{"state:COD"}, []string{"state:COG"}},
		{"The Republic of Congo held talks in Brazzaville. Congo said they went well.", []string{"state:COG"}, []string{"state:COD"}},
		{"Officials in Hong Kong said the protests would continue.", nil, []string{"actor:hong-kong"}},
		// a leader's lone surname counts only where their state is named
		{"Experts in Ohio disagreed. Brown said the plan would fail.", nil, []string{"actor:gordon-brown"}},
		{"Britain's economy slowed. Later, Brown said the plan would fail.", []string{"actor:gordon-brown"}, nil},
		{"He converted to Islam in Bangladesh.", nil, []string{"actor:syed-nazrul-islam"}},
		{"The Blue House said President Moon would attend.", nil, []string{"org:blue-house"}},
		// a metonym acts for its state: the graph gets the state, not a body
		{"South Korea's Blue House said President Moon would attend.", []string{"state:KOR"}, []string{"org:blue-house"}},
		{"The Kremlin said the talks had failed.", []string{"state:RUS"}, []string{"org:kremlin"}},
		{"The White House and the Pentagon disagreed.", []string{"state:USA"}, []string{"org:white-house", "org:pentagon"}},
		// maritime and geographic features are places, not people
		{"Boats gathered near Second Thomas Shoal, Mischief Reef and Scarborough Shoal.", nil,
			[]string{"actor:second-thomas-shoal", "actor:thomas-shoal", "actor:mischief-reef", "actor:scarborough-shoal", "org:second-thomas-shoal"}},
		{"Tankers crossed Hormuz Strait and Palk Strait near Adam's Bridge.", nil, []string{"actor:hormuz-strait", "actor:palk-strait"}},
	}
	x := NewExtractor(nil)
	for _, tt := range tests {
		got := keysOf(x, tt.text, time.Time{})
		for _, k := range tt.has {
			if !slices.Contains(got, k) {
				t.Errorf("%q: got %v, want %s among them", tt.text, got, k)
			}
		}
		for _, k := range tt.not {
			if slices.Contains(got, k) {
				t.Errorf("%q: got %v, want no %s", tt.text, got, k)
			}
		}
	}
}

// States that no longer exist are read from the forms that meant them on
// the article's date.
func TestHistoricalStates(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		text string
		date time.Time
		want string
	}{
		{"Moscow said the missiles would stay.", day("1983-09-01"), "state:SUN"},
		{"Moscow said the missiles would stay.", day("2019-09-01"), "state:RUS"},
		{"Moscow said the missiles would stay.", time.Time{}, "state:RUS"},
		{"The Soviet Union protested.", day("2019-09-01"), "state:SUN"},
		{"Germany and France signed the treaty.", day("1963-01-22"), "state:BRD"},
		{"Germany and France signed the treaty.", day("2019-01-22"), "state:DEU"},
		{"West Germany joined NATO.", day("1955-05-06"), "state:BRD"},
		{"East Germany built the wall.", day("1961-08-13"), "state:DDR"},
		{"Belgrade rejected the plan.", day("1999-03-20"), "state:YUG"},
		{"Belgrade rejected the plan.", day("2005-03-20"), "state:SCG"},
		{"Belgrade rejected the plan.", day("2015-03-20"), "state:SRB"},
		{"Yugoslavia broke apart.", day("2019-03-20"), "state:YUG"},
		{"Prague signed the accord.", day("1975-08-01"), "state:CSK"},
		{"The Kremlin asked India for support.", day("1985-03-12"), "state:SUN"},
	}
	x := NewExtractor(nil)
	for _, tt := range tests {
		got := keysOf(x, tt.text, tt.date)
		if !slices.Contains(got, tt.want) {
			t.Errorf("%q on %s: got %v, want %s", tt.text, tt.date.Format("2006-01-02"), got, tt.want)
		}
	}
}

// Organizations named by their form, by acronyms the article defines, and
// people named with titles and variants.
func TestOrganizationsAndPeople(t *testing.T) {
	tests := []struct {
		text string
		want []string // "key=name"
	}{
		{"The Center for Strategic and International Studies (CSIS) published a report. CSIS said more would follow.",
			[]string{"org:center-for-strategic-and-international-studies=Center for Strategic and International Studies"}},
		{"The Ministry of Foreign Affairs said so.", []string{"org:ministry-of-foreign-affairs=Ministry of Foreign Affairs"}},
		{"The Korean Central News Agency reported the launch.", []string{"org:korean-central-news-agency=Korean Central News Agency"}},
		{"Officials at the US Embassy in London refused.", []string{"org:united-states-embassy-in-london=US Embassy in London", "state:USA=United States"}},
		{"The US House of Representatives voted. The United States House of Representatives adjourned.",
			[]string{"org:united-states-house-of-representatives=United States House of Representatives"}},
		{"US Secretary of State Mike Pompeo spoke. Pompeo left.", []string{"actor:mike-pompeo=Mike Pompeo", "state:USA=United States"}},
		{"Syrian President Bashar al-Assad met envoys.", []string{"actor:bashar-al-assad=Bashar al-Assad"}},
		{"Robert Gabriel Mugabe was born in 1924. Robert Mugabe died in 2019. Mugabe ruled for decades.",
			[]string{"actor:robert-gabriel-mugabe=Robert Gabriel Mugabe"}},
		{"British Prime Minister Theresa May resigned.", []string{"actor:theresa-may=Theresa May"}},
		{"German firms including Deutsche Bahn, Daimler, and Siemens left Iran.", []string{"org:deutsche-bahn=Deutsche Bahn", "org:daimler=Daimler", "org:siemens=Siemens"}},
		{"An investigation by PolitiFact found nothing.", []string{"org:politifact=PolitiFact"}},
		{"Companies such as Apple and Shell have left Russia.", []string{"org:apple=Apple", "org:shell=Shell"}},
		{"The Kurdish-led Syrian Democratic Forces (SDF) said the PKK was not involved.", []string{"org:syrian-democratic-forces=Syrian Democratic Forces", "org:kurdistan-workers-party=Kurdistan Workers' Party"}},
		{"Officials said the Taliban and al-Qaeda had split.", []string{"org:taliban=Taliban", "org:al-qaeda=al-Qaeda"}},
		{"He served under former president George W. Bush.", []string{"actor:george-w-bush=George W. Bush"}},
		{"The Saudi-led coalition struck again.", []string{"state:SAU=Saudi Arabia"}},
		{"Chirac opposed the United States-led war.", []string{"state:USA=United States"}},
		{"The coalition ousted Saddam Hussein in 2003.", []string{"actor:saddam-hussein=Saddam Hussein"}},
		// wire copy brackets company names and tickers
		{"Vantor Mills Inc <VNT.N> sold its stake to <Hollis, Brandt and Keane Ltd> and <Orla Establishment>.",
			[]string{"org:vantor-mills-inc=Vantor Mills Inc", "org:hollis-brandt-and-keane-ltd=Hollis, Brandt and Keane Ltd", "org:orla-establishment=Orla Establishment"}},
		{"The Dutch company Brandvik <BRVK.AS> protested. Later Brandvik appealed.", []string{"org:brandvik=Brandvik"}},
		{"The deal was arranged by Second Meridian Bank and First Harbor Securities Corp.",
			[]string{"org:second-meridian-bank=Second Meridian Bank", "org:first-harbor-securities-corp=First Harbor Securities Corp"}},
		{"The Steel Producers Federation of Brazil objected, while Mahan Air of Iran flew on.",
			[]string{"org:steel-producers-federation-of-brazil=Steel Producers Federation of Brazil", "state:BRA=Brazil", "org:mahan-air=Mahan Air", "state:IRN=Iran"}},
		{"Members of the House of Commons voted.", []string{"org:house-of-commons=House of Commons"}},
		{"Turkey closed the border. Later, Erdogan said the operation would go on.", []string{"actor:recep-erdogan=Recep Erdogan"}},
	}
	x := NewExtractor(nil)
	for _, tt := range tests {
		var got []string
		for _, e := range x.Extract("", tt.text).Entities {
			got = append(got, e.Key+"="+e.Name)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q:\n got %s\nwant %s among them", tt.text, strings.Join(got, ", "), w)
			}
		}
	}
}
