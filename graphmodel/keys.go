package graphmodel

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key prefixes, one per kind.
const (
	statePrefix = "state:"
	actorPrefix = "actor:"
	orgPrefix   = "org:"
)

// StateKey returns the key of the state with the ISO 3166 alpha-3 code iso3.
func StateKey(iso3 string) string { return statePrefix + strings.ToUpper(iso3) }

// ActorKey returns the key of the person with the full name name.
func ActorKey(name string) string { return actorPrefix + boundedSlug(name) }

// OrgKey returns the key of the organization with the full name name.
func OrgKey(name string) string { return orgPrefix + boundedSlug(name) }

// MaxKeyBytes bounds an entity key: the longest prefix and a slug of at
// most MaxNameBytes. Keys are indexed, and Neo4j index keys hold about 8 KB.
const MaxKeyBytes = len(actorPrefix) + MaxNameBytes

// slugHashHex is how many hex digits of the full slug's SHA-256 end a slug
// that had to be cut: 64 bits, so names that share their first 490-odd
// bytes still get distinct keys.
const slugHashHex = 16

// boundedSlug is Slug cut to MaxNameBytes. A longer slug keeps its head
// and ends in a hyphen and a digest of the whole slug, so the key stays
// within MaxKeyBytes and still tells long names apart. Slugs within the
// bound are unchanged, so no existing key moves.
func boundedSlug(name string) string {
	s := Slug(name)
	if len(s) <= MaxNameBytes {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	head := strings.TrimRight(Truncate(s, MaxNameBytes-1-slugHashHex), "-")
	return head + "-" + hex.EncodeToString(sum[:])[:slugHashHex]
}

// EntityKey returns the key of an entity of kind k. For states, name must be
// the ISO 3166 alpha-3 code.
func EntityKey(k Kind, name string) string {
	switch k {
	case KindState:
		return StateKey(name)
	case KindActor:
		return ActorKey(name)
	case KindOrganization:
		return OrgKey(name)
	}
	return ""
}

// KindOfKey returns the kind a key belongs to, or "" when the key has no
// known prefix.
func KindOfKey(key string) Kind {
	switch {
	case strings.HasPrefix(key, statePrefix):
		return KindState
	case strings.HasPrefix(key, actorPrefix):
		return KindActor
	case strings.HasPrefix(key, orgPrefix):
		return KindOrganization
	}
	return ""
}

// Slug normalizes a name for use in a key: accents are folded, letters are
// lowercased, apostrophes vanish and every other run of non-alphanumerics
// becomes one hyphen. "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" all
// become "kim-jong-un"; "People’s Liberation Army" becomes
// "peoples-liberation-army"; "Recep Tayyip Erdoğan" becomes
// "recep-tayyip-erdogan".
func Slug(name string) string {
	if s, ok := asciiSlug(name); ok {
		return s
	}
	return unicodeSlug(name)
}

// SlugEmpty reports whether Slug(name) is empty, without making the slug
// when an ASCII letter or digit comes before any other byte that is not
// ASCII: what checking a name costs, for every message that names a party.
func SlugEmpty(name string) bool {
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= utf8.RuneSelf:
			return Slug(name) == ""
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			return false
		}
	}
	return true
}

// unicodeSlug is Slug for any name: NFKD, accents dropped.
func unicodeSlug(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	pendingHyphen := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining mark left by NFKD: drop it to fold the accent
		case r == '\'' || r == '’' || r == '‘' || r == '.':
			// apostrophes and dots join: "People's" -> "peoples", "U.S." -> "us"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingHyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			pendingHyphen = true
		}
	}
	return b.String()
}

// asciiSlug is Slug for a name of ASCII bytes, which NFKD leaves as it
// is: most names, read once per event, skip the normalization's copy. It
// reports false for any other name.
func asciiSlug(name string) (string, bool) {
	b := make([]byte, 0, len(name))
	pendingHyphen := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == '\'' || c == '.':
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if pendingHyphen && len(b) > 0 {
				b = append(b, '-')
			}
			pendingHyphen = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		default:
			pendingHyphen = true
		}
	}
	return string(b), true
}

// SourceArticle and SourceEvent name the source of a claim in its key.
func SourceArticle(id string) string { return "article:" + id }

// SourceEvent names an event as the source of a claim.
func SourceEvent(id string) string { return "event:" + id }

// orient returns subject and object in storage order: for symmetric
// relations the smaller key comes first.
func orient(t RelType, subject, object string) (string, string) {
	if t.Symmetric() && object < subject {
		return object, subject
	}
	return subject, object
}

// Pair identifies all claims of one relation between two entities, whatever
// their source: the relation type and the two keys in storage order. Claims
// are indexed by pair so that a summary edge can be recomputed from its
// claims alone.
func Pair(t RelType, subject, object string) string {
	s, o := orient(t, subject, object)
	return string(t) + "|" + s + "|" + o
}

// ClaimKey returns the stable key of the claim that source asserts t between
// subject and object: the SHA-256 of the length-prefixed fields, so that no
// choice of field values can make two different claims collide. Re-ingesting
// the same source yields the same keys.
func ClaimKey(source string, t RelType, subject, object string) string {
	s, o := orient(t, subject, object)
	h := sha256.New()
	var n [8]byte
	for _, f := range []string{source, string(t), s, o} {
		binary.BigEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}
