package corenlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// request is the text of one HTTP request: some of the caller's sentences,
// one per line, and what it takes to map CoreNLP's offsets back to them.
type request struct {
	inputs []int  // index in the caller's slice of each line, in order
	lines  []line // one per input
	body   string // the lines joined by "\n"
}

// line is one sentence as sent.
type line struct {
	start16 int // UTF-16 offset of the line's first unit in the body
	len16   int // length in UTF-16 code units
	// byteAt maps a UTF-16 offset within the line (0..len16) to the byte
	// offset in the caller's sentence; -1 inside a surrogate pair.
	byteAt []int
}

// sendable rewrites a sentence into one line of a request and records, for
// every UTF-16 offset of that line, the byte offset in s it stands for.
//
// The rewrite keeps every rune's UTF-16 length, so offsets map one to one:
//   - line breaks (the ones CoreNLP's tokenizer splits sentences on: LF, CR,
//     VT, FF, NEL, U+2028, U+2029) become a space, so that with
//     ssplit.eolonly one sentence stays one sentence;
//   - each byte of invalid UTF-8 becomes U+FFFD, as Go reads it, so that
//     Java cannot decode it into a different number of characters.
func sendable(s string) (text string, byteAt []int) {
	var b strings.Builder
	b.Grow(len(s))
	byteAt = make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			b.WriteRune(utf8.RuneError)
		case isLineBreak(r):
			b.WriteByte(' ')
		default:
			b.WriteString(s[i : i+w])
		}
		byteAt = append(byteAt, i)
		if r >= 0x10000 { // two UTF-16 units: a surrogate pair
			byteAt = append(byteAt, -1)
		}
		i += w
	}
	byteAt = append(byteAt, len(s))
	return b.String(), byteAt
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// blank reports whether a sentence has nothing for the parser to read: the
// server would return no sentence for its line, so it is not sent.
func blank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// split groups the non-blank sentences into requests of at most maxLines
// lines and, where sentences allow, at most maxBytes bytes of body. A
// sentence longer than maxBytes travels alone.
func split(sentences []string, maxLines, maxBytes int) []request {
	var out []request
	var cur request
	var body strings.Builder
	flush := func() {
		if len(cur.inputs) > 0 {
			cur.body = body.String()
			out = append(out, cur)
		}
		cur = request{}
		body.Reset()
	}
	for i, s := range sentences {
		if blank(s) {
			continue
		}
		text, byteAt := sendable(s)
		if len(cur.inputs) > 0 && (len(cur.inputs) >= maxLines || body.Len()+1+len(text) > maxBytes) {
			flush()
		}
		start16 := 0
		if n := len(cur.lines); n > 0 {
			last := cur.lines[n-1]
			start16 = last.start16 + last.len16 + 1 // the "\n"
			body.WriteByte('\n')
		}
		body.WriteString(text)
		cur.inputs = append(cur.inputs, i)
		cur.lines = append(cur.lines, line{start16: start16, len16: len(byteAt) - 1, byteAt: byteAt})
	}
	flush()
	return out
}
