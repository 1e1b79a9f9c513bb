package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate lines that are not the story: sponsor and advertisement lines
// set off by dashes, photo credits, copyright lines, "contributed to this
// report" tag lines, and rules made of dashes.
var boilerplateLine = regexp.MustCompile(`(?i)^(` +
	`[-–—•*_=\s]*|` + // rules and empty lines
	`[-–—]\s.*\s[-–—]|` + // "- Advertisement -", "- Our Partners -"
	`advertisement|sponsored( content)?|story continues below.*|` +
	`(photo|image|picture|video)( credit)?s?\s*[:(].*|` +
	`(\(c\)|©|copyright)\s.*|all rights reserved.*|` +
	`.*\b(contributed|contributing) to this (report|story|article)\.?|` +
	`.*\breported from [A-Z][\w ]+\.?|` +
	`(read more|related( stories| articles| coverage)?|see also|more on this story|watch|listen)\s*:.*|` +
	`click here\b.*|(sign up|subscribe)\b.*\b(newsletter|updates|here)\b.*|follow (us|\w+) on (twitter|facebook|instagram)\b.*|` +
	`.{0,120}/\s*(getty images|afp|reuters|ap|epa|ap photo|shutterstock|bloomberg|xinhua)( via getty images)?\s*\)?|` +
	`(this (article|story) (was|has been) (originally )?(published|updated|corrected)\b.*)` +
	`)$`)

// boilerplateSentence reports whether a sentence inside a paragraph is a
// copyright or advertisement line run into the story.
func boilerplateSentence(s string) bool {
	switch {
	case strings.HasPrefix(s, "Copyright"), strings.HasPrefix(s, "COPYRIGHT"), strings.HasPrefix(s, "©"),
		strings.HasPrefix(s, "(c)"), strings.HasPrefix(s, "(C)"), strings.HasPrefix(s, "All rights reserved"),
		strings.HasPrefix(s, "Advertisement"), strings.HasPrefix(s, "ADVERTISEMENT"):
		return boilerplateLine.MatchString(s)
	}
	return false
}

// maxBoilerplateLine is the longest line tested for boilerplate.
const maxBoilerplateLine = 300

// A byline on its own line: "By Jane Doe and John Roe", "BY JANE DOE,
// Associated Press". Case matters: "By Monday, the talks had ended." is the
// story.
var bylineLine = regexp.MustCompile(`^(By|BY)\s+[A-Z][\w.'’-]+(\s+(and\s+)?[A-Z][\w.'’-]+){0,5}(\s*,\s*[A-Z][\w ]{0,40})?\.?$`)

// A byline and dateline before the story's first words: "David Nakamura and
// Anna Fifield (c) 2014, The Washington Post. HONOLULU — The Obama ...".
// The dateline is an upper-case place name followed by a dash.
var dateline = regexp.MustCompile(`^(?:[^\n]{0,200}?[.)]\s+)?(?:\(?[A-Z][A-Z .,'’-]{2,40}\)?)(?:,\s*[A-Z][A-Za-z .]{1,30})?\s+(?:—|–|--|-)\s+`)

var copyrightPrefix = regexp.MustCompile(`(?i)\((c)\)|©|copyright`)

// Paragraphs splits an article text into its story paragraphs, dropping the
// lines that are not the story and the byline and dateline that open one.
func Paragraphs(text string) []string {
	var out []string
	for _, line := range unwrap(strings.Split(text, "\n")) {
		line = strings.TrimSpace(line)
		// Boilerplate lines are short; a story paragraph is not tested
		// (the regular expression is most of the cost of a long line).
		if line == "" || len(line) <= maxBoilerplateLine && (boilerplateLine.MatchString(line) || bylineLine.MatchString(line)) {
			continue
		}
		// A byline and dateline open the story: only its first lines
		// are looked at.
		if len(out) < 3 {
			line = stripDateline(line)
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// maxWrappedLine is the longest line of a text hard-wrapped for a
// terminal or a wire service; a text whose lines are all this short or
// shorter is read as wrapped.
const maxWrappedLine = 90

// unwrap joins the lines of a hard-wrapped text into its paragraphs,
// which start at a blank or an indented line. A text with a longer line
// keeps one paragraph a line.
func unwrap(lines []string) []string {
	if len(lines) < 4 {
		return lines
	}
	for _, l := range lines {
		if len(l) > maxWrappedLine {
			return lines
		}
	}
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
			continue
		case l[0] == ' ' || l[0] == '\t':
			flush() // an indented line opens a paragraph
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	flush()
	return out
}

// stripDateline drops a byline and dateline before a story's first words.
func stripDateline(line string) string {
	m := dateline.FindStringIndex(line)
	if m == nil {
		return line
	}
	// A dateline prefix is only dropped when what it removes looks like a
	// byline and place, never the story's own words.
	if head := line[:m[1]]; copyrightPrefix.MatchString(head) || isUpperPlace(head) {
		return strings.TrimSpace(line[m[1]:])
	}
	return line
}

// isUpperPlace reports whether s is only an upper-case place name and a dash:
// "LIMA — ", "WASHINGTON (Reuters) - ".
func isUpperPlace(s string) bool {
	s = strings.TrimRight(s, " —–-")
	if i := strings.Index(s, "("); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// Abbreviations after which a period does not end a sentence.
var noBreakAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "sen": true, "rep": true,
	"gov": true, "st": true, "jr": true, "sr": true, "rev": true, "no": true, "vs": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"approx": true, "est": true, "dept": true, "fig": true, "maj": true, "pres": true,
}

// Words that start a new sentence after a dotted abbreviation such as
// "U.S." ("... the U.S. The talks ...").
var sentenceStarters = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"But": true, "And": true, "In": true, "On": true, "A": true, "An": true, "This": true,
	"That": true, "These": true, "Those": true, "His": true, "Her": true, "Their": true,
	"Its": true, "There": true, "However": true, "Meanwhile": true, "After": true,
}

// Sentences splits a paragraph into sentences.
func Sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		// include closing quotes and brackets in the sentence
		j := i
		for j < len(p) {
			c, sz := utf8.DecodeRuneInString(p[j:])
			if !strings.ContainsRune(`"'”’)]`, c) {
				break
			}
			j += sz
		}
		if j >= len(p) {
			break
		}
		c, _ := utf8.DecodeRuneInString(p[j:])
		if !unicode.IsSpace(c) {
			continue
		}
		k := j
		for k < len(p) {
			c, sz := utf8.DecodeRuneInString(p[k:])
			if !unicode.IsSpace(c) {
				break
			}
			k += sz
		}
		next, _ := utf8.DecodeRuneInString(p[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"“‘'(`, next)) {
			continue
		}
		if r == '.' && !periodEnds(p[start:i-1], nextWord(p[k:])) {
			continue
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start = k
		i = k
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// periodEnds decides whether a period after before ends the sentence when
// next is the following word.
func periodEnds(before, next string) bool {
	w := before
	if i := strings.LastIndexFunc(w, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' }); i >= 0 {
		w = w[i+1:]
	}
	if noBreakAbbrev[strings.ToLower(w)] {
		return false
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return false // an initial: "George W. Bush"
	}
	if strings.Contains(w, ".") { // "U.S", "U.N": a dotted abbreviation
		return sentenceStarters[next]
	}
	return true
}

func nextWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// token is one word or punctuation mark of a sentence.
type token struct {
	text  string // as written, with ’ folded to '
	lower string
	cap   bool // starts with an upper-case letter
	word  bool // letters or digits, not punctuation
}

var tokenFolds = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "—", " — ", "–", " – ")

// tokenize splits a sentence into words and punctuation. A possessive "'s"
// becomes its own token; dotted abbreviations ("U.S.") stay one token.
func tokenize(s string) []token {
	s = tokenFolds.Replace(s)
	toks := make([]token, 0, len(s)/5+4) // news averages a token per five bytes
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(s) {
				c, sz := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(c) || unicode.IsDigit(c) {
					j += sz
					continue
				}
				// hyphen, apostrophe or dot inside a word: keep when a
				// letter follows ("Jong-un", "O'Brien", "U.S")
				if (c == '-' || c == '\'' || c == '.') && j+1 < len(s) {
					n, _ := utf8.DecodeRuneInString(s[j+1:])
					if unicode.IsLetter(n) || unicode.IsDigit(n) {
						if c == '\'' && (n == 's' || n == 'S') && (j+2 >= len(s) || !isLetterAt(s, j+2)) {
							break // possessive: split off below
						}
						j += sz
						continue
					}
				}
				// a thousands separator inside a number: "3,000",
				// "1,200,000"
				if c == ',' && unicode.IsDigit(r) && s[j-1] >= '0' && s[j-1] <= '9' && thousands(s, j) {
					j += 4
					continue
				}
				break
			}
			w := s[i:j]
			// a plural possessive inside a name keeps its apostrophe:
			// "Kurdistan Workers' Party"
			if j+2 < len(s) && s[j] == '\'' && s[j+1] == ' ' && w[len(w)-1] == 's' && unicode.IsUpper(r) && isUpperAt(s, j+2) {
				j++
				w = s[i:j]
			}
			// a dotted abbreviation keeps its final dot: "U.S." "U.N."
			if strings.Contains(w, ".") && j < len(s) && s[j] == '.' {
				j++
				w = s[i:j]
			}
			// "Saudi-led", "United States-led", "Iran-backed": the name is
			// its own word, the modifier another.
			if k := strings.LastIndexByte(w, '-'); k > 0 && compoundModifiers[strings.ToLower(w[k+1:])] {
				toks = append(toks, newToken(w[:k], true), newToken("-", false), newToken(w[k+1:], true))
				i = j
				continue
			}
			toks = append(toks, newToken(w, true))
			i = j
		case r == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 >= len(s) || !isLetterAt(s, i+2)):
			toks = append(toks, newToken("'s", true))
			i += 2
		default:
			toks = append(toks, newToken(s[i:i+size], false))
			i += size
		}
	}
	return toks
}

func isUpperAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func newToken(w string, word bool) token {
	r, _ := utf8.DecodeRuneInString(w)
	return token{text: w, lower: strings.ToLower(w), cap: unicode.IsUpper(r), word: word}
}

// joinTokens renders tokens[i:j] as text: words separated by spaces, no space
// before punctuation or a possessive.
func joinTokens(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.word && t.text != "'s" {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// thousands reports whether the comma at s[j] separates the thousands of a
// number: three digits follow it, and no fourth.
func thousands(s string, j int) bool {
	if j+4 > len(s) {
		return false
	}
	for k := j + 1; k < j+4; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return j+4 == len(s) || s[j+4] < '0' || s[j+4] > '9'
}
