package corenlp

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/newsgraph/kg/ingest"
)

func TestSendable(t *testing.T) {
	tests := []struct {
		in, text string
		byteAt   []int
	}{
		{"ab", "ab", []int{0, 1, 2}},
		{"é!", "é!", []int{0, 2, 3}},                        // 2 bytes, 1 UTF-16 unit
		{"a—b", "a—b", []int{0, 1, 4, 5}},                   // 3 bytes, 1 unit
		{"🙂x", "🙂x", []int{0, -1, 4, 5}},                    // 4 bytes, a surrogate pair
		{"a\nb\r\nc", "a b  c", []int{0, 1, 2, 3, 4, 5, 6}}, // line breaks become spaces
		{"a\u2028b", "a b", []int{0, 1, 4, 5}},              // 3 bytes, 1 unit, 1 space
		{"a\xffb", "a\uFFFDb", []int{0, 1, 2, 3}},           // invalid byte: one U+FFFD
	}
	for _, tc := range tests {
		text, byteAt := sendable(tc.in)
		if text != tc.text || !slices.Equal(byteAt, tc.byteAt) {
			t.Errorf("sendable(%q) = %q, %v; want %q, %v", tc.in, text, byteAt, tc.text, tc.byteAt)
		}
		if n := len(utf16.Encode([]rune(text))); n != len(byteAt)-1 {
			t.Errorf("sendable(%q): %d UTF-16 units, %d offsets", tc.in, n, len(byteAt))
		}
		if strings.ContainsAny(text, "\n\r") {
			t.Errorf("sendable(%q) = %q keeps a line break", tc.in, text)
		}
	}
}

func TestSplit(t *testing.T) {
	in := []string{"one", "", "two two", "  ", "three", strings.Repeat("x", 30), "four"}
	reqs := split(in, 2, 20)
	var got [][]int
	var bodies []string
	for _, r := range reqs {
		got = append(got, r.inputs)
		bodies = append(bodies, r.body)
	}
	want := [][]int{{0, 2}, {4}, {5}, {6}} // blanks skipped; 2 lines or 20 bytes; the long one alone
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("split inputs = %v, want %v", got, want)
	}
	if bodies[0] != "one\ntwo two" {
		t.Errorf("first body %q, want %q", bodies[0], "one\ntwo two")
	}
	if l := reqs[0].lines[1]; l.start16 != 4 || l.len16 != 7 {
		t.Errorf("second line at %d+%d, want 4+7", l.start16, l.len16)
	}
	if split([]string{"", " "}, 64, 1000) != nil {
		t.Errorf("split of blanks made requests")
	}
}

// doc builds a response from sentences of (begin, end) token offsets.
func doc(t *testing.T, enhanced bool, sentences ...[][2]int) []byte {
	t.Helper()
	var d document
	for _, toks := range sentences {
		var s sentence
		for i, o := range toks {
			s.Tokens = append(s.Tokens, token{Index: i + 1, Word: "w", Begin: o[0], End: o[1]})
			gov := 1
			rel := "dep"
			if i == 0 {
				gov, rel = 0, "ROOT"
			}
			s.Basic = append(s.Basic, edge{Rel: rel, Governor: gov, Dependent: i + 1})
		}
		if enhanced {
			e := []edge{{Rel: "ROOT", Governor: 0, Dependent: 1}}
			s.EnhancedPlusPlus = &e
		}
		d.Sentences = append(d.Sentences, s)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	// Lines "ab cd" (0-5) and "éf" (6-8) of inputs 0 and 2.
	req := split([]string{"ab cd", "", "éf"}, 64, 1000)[0]
	tests := []struct {
		name    string
		body    []byte
		wantErr string
		check   func(t *testing.T, ps []ingest.Parse)
	}{
		{name: "basic edges when enhanced++ is absent", body: doc(t, false, [][2]int{{0, 2}, {3, 5}}, [][2]int{{6, 8}}),
			check: func(t *testing.T, ps []ingest.Parse) {
				want := []ingest.Dep{{Rel: "root", Head: -1, Dependent: 0}, {Rel: "dep", Head: 0, Dependent: 1}}
				if !slices.Equal(ps[0].Deps, want) {
					t.Errorf("deps %v, want %v", ps[0].Deps, want)
				}
				if tok := ps[2].Tokens[0]; tok.Begin != 0 || tok.End != 3 {
					t.Errorf("éf at %d-%d, want bytes 0-3", tok.Begin, tok.End)
				}
			}},
		{name: "enhanced++ wins", body: doc(t, true, [][2]int{{0, 2}, {3, 5}}, [][2]int{{6, 8}}),
			check: func(t *testing.T, ps []ingest.Parse) {
				if len(ps[0].Deps) != 1 {
					t.Errorf("deps %v, want the one enhanced++ edge", ps[0].Deps)
				}
			}},
		{name: "a line with no tokens keeps an empty parse", body: doc(t, false, [][2]int{{6, 8}}),
			check: func(t *testing.T, ps []ingest.Parse) {
				if len(ps[0].Tokens) != 0 || len(ps[2].Tokens) != 1 {
					t.Errorf("parses %v, want sentence 0 empty and sentence 2 parsed", ps)
				}
			}},
		{name: "more sentences than lines", body: doc(t, false, [][2]int{{0, 2}}, [][2]int{{3, 5}}, [][2]int{{6, 8}}), wantErr: "3 sentences for 2 lines"},
		{name: "a line split in two", body: doc(t, false, [][2]int{{0, 2}}, [][2]int{{3, 5}}), wantErr: "does not follow"},
		{name: "a sentence across lines", body: doc(t, false, [][2]int{{0, 2}, {6, 8}}), wantErr: "outside its line"},
		{name: "out of order", body: doc(t, false, [][2]int{{6, 8}}, [][2]int{{0, 2}}), wantErr: "does not follow"},
		{name: "offset past the text", body: doc(t, false, [][2]int{{40, 42}}), wantErr: "does not follow"},
		{name: "not JSON", body: []byte("<h1>500</h1>"), wantErr: "malformed response"},
		{name: "no dependencies", body: []byte(`{"sentences":[{"tokens":[{"index":1,"word":"ab","characterOffsetBegin":0,"characterOffsetEnd":2}]}]}`), wantErr: "no dependencies"},
		{name: "edge outside the sentence", body: []byte(`{"sentences":[{"tokens":[{"index":1,"word":"ab","characterOffsetBegin":0,"characterOffsetEnd":2}],"basicDependencies":[{"dep":"ROOT","governor":0,"dependent":2}]}]}`), wantErr: "outside the sentence"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := make([]ingest.Parse, 3)
			err := decode(tc.body, &req, ps)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("got error %v, want one saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, ps)
		})
	}
}

func TestDecodeSurrogatePair(t *testing.T) {
	req := split([]string{"🙂a"}, 64, 1000)[0] // UTF-16: 🙂 is 0-2, a is 2-3
	ps := make([]ingest.Parse, 1)
	if err := decode(doc(t, false, [][2]int{{0, 1}}), &req, ps); err == nil || !strings.Contains(err.Error(), "surrogate") {
		t.Errorf("a token ending inside a surrogate pair: got %v, want an error", err)
	}
	if err := decode(doc(t, false, [][2]int{{0, 2}, {2, 3}}), &req, ps); err != nil {
		t.Fatal(err)
	}
	if a := ps[0].Tokens[1]; a.Begin != 4 || a.End != 5 {
		t.Errorf("a at %d-%d, want bytes 4-5", a.Begin, a.End)
	}
}

// FuzzDecode: any response, any sentences: an error or parses whose offsets
// lie inside their sentence on rune boundaries; never a panic.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"sentences":[{"tokens":[{"index":1,"word":"a","characterOffsetBegin":0,"characterOffsetEnd":1}],"basicDependencies":[{"dep":"ROOT","governor":0,"dependent":1}]}]}`), "a", "b")
	f.Add([]byte(`{"sentences":[{"tokens":[{"index":1,"characterOffsetBegin":2,"characterOffsetEnd":4}]}]}`), "🙂a", "\xff\n")
	f.Add([]byte(`{"sentences":null}`), "", "x")
	f.Fuzz(func(t *testing.T, body []byte, s1, s2 string) {
		in := []string{s1, s2}
		ps := make([]ingest.Parse, 2)
		for _, req := range split(in, 64, 1<<20) {
			if err := decode(body, &req, ps); err != nil {
				return
			}
		}
		for i, p := range ps {
			_, byteAt := sendable(in[i])
			for _, tok := range p.Tokens {
				if tok.Begin < 0 || tok.End > len(in[i]) || tok.Begin > tok.End {
					t.Fatalf("sentence %d: token at %d-%d outside %d bytes", i, tok.Begin, tok.End, len(in[i]))
				}
				if !slices.Contains(byteAt, tok.Begin) || !slices.Contains(byteAt, tok.End) {
					t.Fatalf("sentence %d: token at %d-%d not on rune boundaries of %q", i, tok.Begin, tok.End, in[i])
				}
			}
			for _, d := range p.Deps {
				if d.Head < -1 || d.Head >= len(p.Tokens) || d.Dependent < 0 || d.Dependent >= len(p.Tokens) {
					t.Fatalf("sentence %d: edge %+v outside %d tokens", i, d, len(p.Tokens))
				}
			}
		}
	})
}
