package ingest

import (
	"strings"
	"testing"
)

func TestParseOverridesErrors(t *testing.T) {
	tests := []struct {
		name, in, want string // want: a substring of the error, "" for none
	}{
		{"empty", "", ""},
		{"comments and blanks", "# corrections\n\n  \n", ""},
		{"all rules", "same-as\tKim Jong-un\tactor:kim-jong-un\nsame-as\tactor:kim-jong\tactor:kim-jong-un\n" +
			"not-same-as\tGeorgia\tstate:GEO\nnot-same-as\tactor:kim-jong-il\tactor:kim-jong-un\n" +
			"canonical\tactor:kim-jong-un\tKim Jong Un\n", ""},
		{"crlf and bom", "\ufeffsame-as\tKim\tactor:kim-jong-un\r\n", ""},
		{"too few fields", "same-as\tKim Jong-un\n", "line 1: want 3 tab-separated fields"},
		{"spaces are not tabs", "same-as Kim actor:kim\n", "line 1: want 3"},
		{"unknown rule", "# x\nalias\ta\tactor:a\n", `line 2: unknown rule "alias"`},
		{"bad key", "same-as\tKim\tkim-jong-un\n", "line 1: same-as: right side"},
		{"unknown state", "same-as\tFreedonia\tstate:FRE\n", "not a known state key"},
		{"lower-case state", "same-as\tKorea\tstate:prk\n", "not a known state key"},
		{"not a slug", "canonical\tactor:Kim Jong Un\tKim\n", "is not a slug"},
		{"kinds differ", "same-as\tactor:georgia\tstate:GEO\n", "different kinds"},
		{"self", "same-as\tactor:a\tactor:a\n", "and itself"},
		{"two targets", "same-as\tKim\tactor:kim-jong-un\nsame-as\tKIM\tactor:kim-jong-il\n", "line 2: same-as: \"KIM\" already maps to actor:kim-jong-un (line 1)"},
		{"chain", "same-as\tactor:a\tactor:b\nsame-as\tactor:b\tactor:c\n", "map to the final key"},
		{"contradiction", "same-as\tactor:a\tactor:b\nnot-same-as\tactor:b\tactor:a\n", "also declared not-same-as"},
		{"two canonical names", "canonical\torg:un\tUN\ncanonical\torg:un\tU.N.\n", "line 2: canonical"},
		{"empty field", "canonical\torg:un\t\n", "line 1: empty field"},
	}
	for _, tt := range tests {
		_, err := ParseOverrides([]byte(tt.in))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: got error %v, want none", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestParseOverridesReportsEveryBadLine(t *testing.T) {
	_, err := ParseOverrides([]byte("bogus\nsame-as\tx\tnokey\ncanonical\tactor:a\tA\n"))
	if err == nil || !strings.Contains(err.Error(), "line 1") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("got %v, want errors for lines 1 and 2", err)
	}
}

func TestOverridesApply(t *testing.T) {
	ov, err := ParseOverrides([]byte(strings.Join([]string{
		"same-as\tKim Jong-un\tactor:kim-jong-un-official",
		"canonical\tactor:kim-jong-un-official\tKim Jong Un",
		"not-same-as\tGeorgia\tstate:GEO",
		"canonical\tstate:USA\tUnited States of America",
	}, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	text := "North Korean leader Kim Jong-un said on Monday that the United States must leave. " +
		"Kim also accused the United States of planning an invasion. Georgia said nothing."
	r := NewExtractor(ov).Extract("", text)
	names := map[string]string{}
	for _, e := range r.Entities {
		names[e.Key] = e.Name
	}
	if got := names["actor:kim-jong-un-official"]; got != "Kim Jong Un" {
		t.Errorf("actor:kim-jong-un-official named %q, want Kim Jong Un (entities %v)", got, names)
	}
	if _, ok := names["actor:kim-jong-un"]; ok {
		t.Errorf("actor:kim-jong-un still present: %v", names)
	}
	if _, ok := names["state:GEO"]; ok {
		t.Errorf("Georgia read as the state despite not-same-as: %v", names)
	}
	if got := names["state:USA"]; got != "United States of America" {
		t.Errorf("state:USA named %q", got)
	}
	var claims []string
	for _, c := range r.Claims {
		claims = append(claims, c.Subject+" "+string(c.Type)+" "+c.Object)
	}
	if want := "actor:kim-jong-un-official accused-of state:USA"; strings.Join(claims, ";") != want {
		t.Errorf("claims %q, want %q", claims, want)
	}

	// Without overrides the same text keeps the extractor's own keys.
	r = NewExtractor(nil).Extract("", text)
	found := false
	for _, e := range r.Entities {
		found = found || e.Key == "actor:kim-jong-un"
	}
	if !found {
		t.Errorf("without overrides: no actor:kim-jong-un in %v", r.Entities)
	}
}

func TestOverridesDistinctKeysStopSurnames(t *testing.T) {
	ov, err := ParseOverrides([]byte("not-same-as\tactor:kim\tactor:kim-jong-un\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "North Korean leader Kim Jong-un spoke on Monday. Kim said the talks had failed."
	for _, tt := range []struct {
		ov   *Overrides
		want int // mentions of actor:kim-jong-un
	}{{nil, 2}, {ov, 1}} {
		r := NewExtractor(tt.ov).Extract("", text)
		got := 0
		for _, m := range r.Mentions {
			if m.Key == "actor:kim-jong-un" {
				got = m.Count
			}
		}
		if got != tt.want {
			t.Errorf("overrides %v: %d mentions of Kim Jong Un, want %d", tt.ov != nil, got, tt.want)
		}
	}
}

// Overrides change what the extractor produces, so they change its
// version: reprocessing compares versions to find articles to rewrite.
func TestOverridesChangeTheVersion(t *testing.T) {
	parse := func(s string) *Overrides {
		t.Helper()
		ov, err := ParseOverrides([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return ov
	}
	base := NewExtractor(nil).Version()
	a := NewExtractor(parse("canonical\tactor:kim-jong-un\tKim Jong Un\nsame-as\tKim\tactor:kim-jong-un\n")).Version()
	// The same rules written otherwise: order, comments, spacing, case of a name.
	same := NewExtractor(parse("# fixes\nsame-as\t KIM \tactor:kim-jong-un\n\ncanonical\tactor:kim-jong-un\tKim Jong Un\n")).Version()
	b := NewExtractor(parse("canonical\tactor:kim-jong-un\tKim Jong-un\nsame-as\tKim\tactor:kim-jong-un\n")).Version()
	empty := NewExtractor(parse("# nothing yet\n")).Version()
	if !strings.HasPrefix(a, base+"+overrides-") {
		t.Errorf("version with overrides %q, want %q plus +overrides-<digest>", a, base)
	}
	if same != a {
		t.Errorf("the same rules written otherwise give %q, want %q", same, a)
	}
	if b == a {
		t.Errorf("a changed canonical name keeps the version %q", a)
	}
	if empty != base {
		t.Errorf("an overrides file without rules gives %q, want %q", empty, base)
	}
}
