package graphmodel

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestASCIISlugIsUnicodeSlug checks the fast path for ASCII names against
// the normalizing one, on every printable ASCII byte and on random names.
func TestASCIISlugIsUnicodeSlug(t *testing.T) {
	names := []string{"", " ", "U.S.", "O'Neill", "Kim Jong-un", "AT&T Inc.", "G-7", "a  b", "--x--"}
	for c := 0; c < utf8.RuneSelf; c++ {
		names = append(names, "Ab"+string(rune(c))+"cD", string(rune(c)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = byte(r.IntN(utf8.RuneSelf))
		}
		names = append(names, string(b))
	}
	for _, n := range names {
		got, ok := asciiSlug(n)
		if !ok {
			t.Fatalf("asciiSlug(%q) refused an ASCII name", n)
		}
		if want := unicodeSlug(n); got != want {
			t.Errorf("asciiSlug(%q) = %q, unicodeSlug %q", n, got, want)
		}
	}
	if _, ok := asciiSlug("Erdoğan"); ok {
		t.Error("asciiSlug took a name that is not ASCII")
	}
}

// SlugEmpty agrees with Slug on names with and without letters, ASCII or
// not, and on random names over a small alphabet of both.
func TestSlugEmpty(t *testing.T) {
	names := []string{"", " ", "--", "'.", "U", "a", "9", " .x", "é", "\u0301", "①", "- ①", "-\u0301", "..é", "x①", "Erdoğan", "—", "··"}
	alphabet := []string{" ", "-", ".", "'", "a", "Z", "3", "é", "\u0301", "①", "—", "’"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		names = append(names, b.String())
	}
	for _, n := range names {
		if got, want := SlugEmpty(n), Slug(n) == ""; got != want {
			t.Errorf("SlugEmpty(%q) = %v; Slug gives %q", n, got, Slug(n))
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim Jong Un", "kim-jong-un"},
		{"Kim Jong-un", "kim-jong-un"},
		{"KIM JONG UN", "kim-jong-un"},
		{"People’s Liberation Army", "peoples-liberation-army"},
		{"People's Liberation Army", "peoples-liberation-army"},
		{"Recep Tayyip Erdoğan", "recep-tayyip-erdogan"},
		{"U.S. Embassy in Beijing", "us-embassy-in-beijing"},
		{"  United   Nations ", "united-nations"},
		{"Center for Strategic & International Studies", "center-for-strategic-international-studies"},
		{"Bashar al-Assad", "bashar-al-assad"},
		{"Zhōu Ēnlái", "zhou-enlai"},
		{"--", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEntityKeys(t *testing.T) {
	tests := []struct{ got, want string }{
		{StateKey("usa"), "state:USA"},
		{StateKey("PRK"), "state:PRK"},
		{ActorKey("Kim Jong-un"), "actor:kim-jong-un"},
		{OrgKey("United Nations"), "org:united-nations"},
		{EntityKey(KindState, "XKX"), "state:XKX"},
		{EntityKey(KindOrganization, "NATO"), "org:nato"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	for key, want := range map[string]Kind{"state:USA": KindState, "actor:x": KindActor, "org:y": KindOrganization, "city:z": ""} {
		if got := KindOfKey(key); got != want {
			t.Errorf("KindOfKey(%q) = %q, want %q", key, got, want)
		}
	}
}

// Test vectors: changing how claim keys are computed orphans every claim
// already in a graph, so these values must never change.
func TestClaimKeyVectors(t *testing.T) {
	tests := []struct {
		source       string
		typ          RelType
		subject, obj string
		want         string
	}{
		{"article:seed-wapo-2014-sony", RequestedHelpFrom, "state:USA", "state:CHN", claimVector1},
		{"article:seed-wapo-2014-sony", AllyOf, "state:CHN", "state:PRK", claimVector2},
		{"event:gdelt:1", AccusedOf, "state:USA", "state:PRK", claimVector3},
	}
	for _, tt := range tests {
		if got := ClaimKey(tt.source, tt.typ, tt.subject, tt.obj); got != tt.want {
			t.Errorf("ClaimKey(%q, %s, %s, %s) = %s, want %s", tt.source, tt.typ, tt.subject, tt.obj, got, tt.want)
		}
	}
}

func TestClaimKeySymmetry(t *testing.T) {
	src := SourceArticle("a")
	if ClaimKey(src, AllyOf, "state:PRK", "state:CHN") != ClaimKey(src, AllyOf, "state:CHN", "state:PRK") {
		t.Error("ally-of keys differ by direction; the relation is symmetric")
	}
	if ClaimKey(src, AccusedOf, "state:PRK", "state:USA") == ClaimKey(src, AccusedOf, "state:USA", "state:PRK") {
		t.Error("accused-of keys equal in both directions; the relation is directed")
	}
	if Pair(AllyOf, "state:PRK", "state:CHN") != "ally-of|state:CHN|state:PRK" {
		t.Errorf("Pair(ally-of) = %q, want the smaller key first", Pair(AllyOf, "state:PRK", "state:CHN"))
	}
	// Length prefixes keep field boundaries: moving a character from one
	// field to the next must change the key.
	if ClaimKey("article:ab", AccusedOf, "c", "d") == ClaimKey("article:a", AccusedOf, "bc", "d") {
		t.Error("claim keys collide across field boundaries")
	}
}

func TestRelTypes(t *testing.T) {
	for _, tt := range []struct {
		t    RelType
		edge string
	}{{AllyOf, "ALLY_OF"}, {AccusedOf, "ACCUSED_OF"}, {RequestedHelpFrom, "REQUESTED_HELP_FROM"}, {"leader-of", ""}} {
		if got := tt.t.EdgeType(); got != tt.edge {
			t.Errorf("%q.EdgeType() = %q, want %q", tt.t, got, tt.edge)
		}
	}
	if _, err := ParseRelType("member-of"); err == nil {
		t.Error("ParseRelType accepted an unknown type")
	}
}

// Computed independently as SHA-256 over (8-byte big-endian length, bytes)
// for each of source, type, subject, object.
const (
	claimVector1 = "9cd50de635bd1c0d0090e32729206ab8f9f2e86b9f34b2c24fc1f4d8ee1adfa5"
	claimVector2 = "2abef2524b3b9df09d542dd78f2bcabda397934bbba0d7135a2ba5c25a0a3d4c"
	claimVector3 = "c8ef4bb5a158155f77bda38541c59a64bacd26f240708929d7bebfad955904df"
)

// A name of any length makes a key of at most MaxKeyBytes; names within
// the bound keep the key they always had, and long names that differ only
// past the cut still get different keys.
func TestKeyBound(t *testing.T) {
	long := strings.Repeat("A", 5000) + " Bank"
	k := OrgKey(long)
	if len(k) > MaxKeyBytes {
		t.Errorf("OrgKey of a %d-byte name is %d bytes, cap is %d", len(long), len(k), MaxKeyBytes)
	}
	if err := ValidKey(KindOrganization, k); err != nil {
		t.Errorf("OrgKey of a long name does not validate: %v", err)
	}
	e := Entity{Key: k, Kind: KindOrganization, Name: Truncate(long, MaxNameBytes)}
	if err := e.validate(); err != nil {
		t.Errorf("entity with a long name does not validate: %v", err)
	}
	if other := OrgKey(strings.Repeat("A", 5000) + " Fund"); other == k {
		t.Errorf("two long names that differ past the cut share the key %q", k)
	}
	if got, want := OrgKey(strings.Repeat("b", MaxNameBytes)), "org:"+strings.Repeat("b", MaxNameBytes); got != want {
		t.Errorf("a slug of exactly MaxNameBytes changed: %d bytes, want %d", len(got), len(want))
	}
	// Multi-byte letters cut at a rune boundary.
	if k := ActorKey(strings.Repeat("Ж", 2000)); !utf8.ValidString(k) || len(k) > MaxKeyBytes {
		t.Errorf("ActorKey of a long Cyrillic name: %d bytes, valid UTF-8 %v", len(k), utf8.ValidString(k))
	}
}

// Every key that a name produces validates: the key functions and the
// validator agree on the bound.
func FuzzKeyName(f *testing.F) {
	for _, s := range []string{"Kim Jong Un", "", "--", strings.Repeat("A", 5000) + " Bank", strings.Repeat("Ǆ", 600),
		strings.Repeat("a-", 400), "Zhōu Ēnlái", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, k := range []struct {
			kind Kind
			key  string
		}{{KindActor, ActorKey(name)}, {KindOrganization, OrgKey(name)}} {
			if err := ValidKey(k.kind, k.key); err != nil {
				t.Fatalf("key of %q does not validate: %v", Truncate(name, 80), err)
			}
			if !utf8.ValidString(k.key) {
				t.Fatalf("key of %q is not valid UTF-8", Truncate(name, 80))
			}
		}
	})
}
