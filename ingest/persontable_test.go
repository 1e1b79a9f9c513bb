package ingest

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/kg/graphmodel"
)

func TestGivenNameListHolds(t *testing.T) {
	for _, name := range []string{"james", "seth", "robert", "barack", "anna", "kim", "vladimir", "xi", "david", "ellen"} {
		t.Run(name, func(t *testing.T) {
			if _, ok := slices.BinarySearch(givenNameList, name); !ok {
				t.Errorf("givenNameList: got no %q, want it listed", name)
			}
		})
	}
}

func TestGivenNameListLacks(t *testing.T) {
	words := []string{
		"united", "north", "south", "new", "saudi", "white", "prime", "foreign",
		"minister", "general", "president", "secretary", "state", "house", "party",
		"army", "king", "sheikh", "national", "islamic", "grand", "supreme", "al", "the",
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"christmas", "sony", "china", "russia", "american", "jordan", "chad", "georgia",
	}
	for _, w := range words {
		t.Run(w, func(t *testing.T) {
			if _, ok := slices.BinarySearch(givenNameList, w); ok {
				t.Errorf("givenNameList: got %q, want it left out", w)
			}
		})
	}
}

func TestGivenNameListForm(t *testing.T) {
	if len(givenNameList) == 0 {
		t.Fatal("givenNameList: got no names, want some")
	}
	if !sort.StringsAreSorted(givenNameList) {
		t.Error("givenNameList: got an unsorted list, want it sorted")
	}
	for i, w := range givenNameList {
		if w != strings.ToLower(w) || strings.TrimSpace(w) != w || w == "" {
			t.Errorf("givenNameList[%d]: got %q, want a lower-case word", i, w)
		}
		if i > 0 && givenNameList[i-1] == w {
			t.Errorf("givenNameList[%d]: got %q twice, want it once", i, w)
		}
	}
}

func findLeader(name string) (Leader, bool) {
	for _, l := range leaderTable {
		if l.Name == name {
			return l, true
		}
	}
	return Leader{}, false
}

func TestLeaderTableFacts(t *testing.T) {
	tests := []struct {
		name string
		iso3 string
	}{
		{name: "Barack Obama", iso3: "USA"},
		{name: "Donald Trump", iso3: "USA"},
		{name: "George W. Bush", iso3: "USA"},
		{name: "Vladimir Putin", iso3: "RUS"},
		{name: "Mikhail Gorbachev", iso3: "SUN"},
		{name: "Kim Jong Un", iso3: "PRK"},
		{name: "Xi Jinping", iso3: "CHN"},
		{name: "Angela Merkel", iso3: "DEU"},
		{name: "Helmut Schmidt", iso3: "BRD"},
		{name: "Margaret Thatcher", iso3: "GBR"},
		{name: "Elizabeth II", iso3: "GBR"},
		{name: "Bashar al-Assad", iso3: "SYR"},
		{name: "Mohamed Ould Abdel Aziz", iso3: "MRT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := findLeader(tt.name)
			if !ok {
				t.Fatalf("leaderTable: got no %q, want it listed", tt.name)
			}
			if l.ISO3 != tt.iso3 {
				t.Errorf("%s: got ISO3 %q, want %q", tt.name, l.ISO3, tt.iso3)
			}
		})
	}
}

func TestLeaderTableLacks(t *testing.T) {
	for _, name := range []string{"President Obama", "Obama Administration", "Hussein", "Tommy Franks"} {
		if _, ok := findLeader(name); ok {
			t.Errorf("leaderTable: got %q, want it left out", name)
		}
	}
}

func TestLeaderTableStates(t *testing.T) {
	for _, l := range leaderTable {
		if _, ok := findState(l.ISO3); !ok {
			t.Errorf("%s: got ISO3 %q, want a state of stateTable", l.Name, l.ISO3)
		}
	}
}

func TestLeaderTableUnique(t *testing.T) {
	seen := make(map[string]string, len(leaderTable))
	for _, l := range leaderTable {
		if l.Name == "" || strings.TrimSpace(l.Name) != l.Name {
			t.Errorf("leaderTable: got name %q, want a trimmed name", l.Name)
		}
		k := graphmodel.ActorKey(l.Name)
		if prev, ok := seen[k]; ok {
			t.Errorf("leaderTable: got %q (%s) and %q with one key, want each name once", l.Name, l.ISO3, prev)
		}
		seen[k] = l.Name
	}
}

func TestKnownPersonListForm(t *testing.T) {
	if len(knownPersonList) == 0 {
		t.Fatal("knownPersonList: got no names, want some")
	}
	for i, n := range knownPersonList {
		words := strings.Fields(n)
		if len(words) < 2 || len(words) > 4 || n != strings.ToLower(n) || strings.Join(words, " ") != n {
			t.Errorf("knownPersonList[%d]: got %q, want two to four lower-case words", i, n)
		}
		if _, given := slices.BinarySearch(givenNameList, words[0]); given {
			t.Errorf("knownPersonList[%d]: got %q, whose first word is a given name (the name needs no listing)", i, n)
		}
		if i > 0 && knownPersonList[i-1] >= n {
			t.Errorf("knownPersonList[%d]: got %q after %q, want sorted and unique", i, n, knownPersonList[i-1])
		}
	}
}

// A name written in full that the actor dictionary lists is a person, with
// nothing around it to say so, even when its first word is not taken as a
// given name; the same first word before another surname still is not.
func TestKnownPersonInText(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		person     bool
	}{
		{"The incumbent won the vote over Morgan Tsvangirai of the opposition.", "Morgan Tsvangirai", true},
		{"The incumbent won the vote over Morgan Harlow of the opposition.", "Morgan Harlow", false},
		{"The incumbent won the vote over Long Marten of the opposition.", "Long Marten", false},
	} {
		r := NewExtractor(nil).Extract("", tt.text)
		found := false
		for _, e := range r.Entities {
			found = found || e.Kind == graphmodel.KindActor && e.Name == tt.name
		}
		if found != tt.person {
			t.Errorf("%q: person %q found %v, want %v (entities %+v)", tt.text, tt.name, found, tt.person, r.Entities)
		}
	}
}

// A particle inside a surname is no word of the name's own, and the word
// before it opens the surname: "Lula" after "Luiz Inacio Lula da Silva".
func TestSurnameWithParticle(t *testing.T) {
	text := "Former leader Tiago Mendes Vaz de Souza arrived in Lisbon on Sunday. Vaz met students on Monday."
	r := NewExtractor(nil).Extract("", text)
	var got *graphmodel.Entity
	for i, e := range r.Entities {
		if e.Kind == graphmodel.KindActor {
			got = &r.Entities[i]
		}
	}
	if got == nil || got.Name != "Tiago Mendes Vaz de Souza" || !slices.Contains(got.Aliases, "Vaz") {
		t.Errorf("entities %+v, want the person Tiago Mendes Vaz de Souza with the alias Vaz", r.Entities)
	}
	// a word that opens no particle surname is no alias
	r = NewExtractor(nil).Extract("", "Former leader Tiago Mendes Vaz de Souza arrived in Lisbon on Sunday. Mendes met students on Monday.")
	for _, e := range r.Entities {
		if e.Kind == graphmodel.KindActor && slices.Contains(e.Aliases, "Mendes") {
			t.Errorf("entity %+v: Mendes taken for the person", e)
		}
	}
}
