package ingest

import (
	"strings"
	"testing"
)

func TestTokenizeThousands(t *testing.T) {
	for text, want := range map[string]string{
		"approved 3,000 new homes":        "approved|3,000|new|homes",
		"a budget of 1,200,000 dollars":   "a|budget|of|1,200,000|dollars",
		"in 2019, 300 people":             "in|2019|,|300|people",
		"scores of 3,14 and 5,0001":       "scores|of|3|,|14|and|5|,|0001",
		"Iran, Iraq and 12,500 troops, 7": "Iran|,|Iraq|and|12,500|troops|,|7",
	} {
		var got []string
		for _, tk := range tokenize(text) {
			got = append(got, tk.text)
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("tokenize(%q) = %s, want %s", text, g, want)
		}
	}
}
