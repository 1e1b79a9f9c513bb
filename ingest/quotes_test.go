package ingest

import (
	"testing"
	"time"
)

// TestQuotedSpeakers checks which state a first-person word inside a
// quotation stands for: the speaker's, when the attribution names the
// speaker with a state; nobody's otherwise.
func TestQuotedSpeakers(t *testing.T) {
	x := NewExtractor(nil)
	for _, c := range []struct {
		text, word, want string // want: the state's key, "" for none
	}{
		{`"Spain is our ally," the French foreign minister said on Monday.`, "our", "state:FRA"},
		{`"We asked Spain for help," a senior Italian official told reporters.`, "We", "state:ITA"},
		{`Norway's defence ministry spokeswoman said: "We thank Spain."`, "We", "state:NOR"},
		{`German Secretary of Commerce Jane Roe spoke in Madrid. "Spain is our ally," Roe said.`, "our", "state:DEU"},
		{`"Spain is our ally," Portugal said.`, "our", "state:PRT"},
		{`"Our partners in Spain are loyal," the chief executive of a Swedish carmaker said.`, "Our", ""},
		{`"We thank Spain," said a spokeswoman for a Dutch online bank.`, "We", ""},
		{`"We thank Spain," Jane Roe said.`, "We", ""},
		{`We thank Spain, the French foreign minister said.`, "We", ""},
	} {
		d := x.read("", c.text, time.Time{})
		got := ""
		found := false
		for si, s := range d.sents {
			for k, tok := range s.toks {
				if tok.text != c.word {
					continue
				}
				found = true
				if e := d.quotedSpeaker(si, k); e != nil {
					got = e.key
				}
			}
		}
		if !found {
			t.Fatalf("%q: no word %q", c.text, c.word)
		}
		if got != c.want {
			t.Errorf("%q: %q stands for %q, want %q", c.text, c.word, got, c.want)
		}
	}
}
