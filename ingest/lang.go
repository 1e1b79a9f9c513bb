package ingest

import (
	"strings"
	"unicode"
)

// Reasons an article yields nothing, in Result.Skipped.
const (
	// SkipNonEnglish: the text is in another language. The rules and word
	// lists read English only; on other languages they would find noise.
	SkipNonEnglish = "non-english"
)

// Function words that are frequent in English prose, and in the other
// languages news feeds most often carry. Words that are common to English
// and another language ("a", "in", "die", "is") are in neither foreign
// list, so they count for English only.
var (
	englishStop = set("the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with",
		"as", "by", "he", "it", "at", "from", "his", "an", "were", "are", "which", "this", "be",
		"has", "have", "had", "not", "but", "they", "said", "its", "their", "been", "who", "would",
		"will", "after", "also", "than", "or", "she", "her", "we", "there", "when", "about")
	foreignStop = set(
		// French
		"le", "les", "des", "du", "une", "et", "est", "pour", "dans", "qui", "que", "sur", "avec",
		"pas", "au", "aux", "ce", "cette", "sont", "ont", "été", "il", "elle", "ils", "nous", "leur",
		"mais", "par", "selon",
		// German
		"der", "und", "den", "das", "ist", "nicht", "mit", "sich", "des", "auf", "für", "eine",
		"einer", "dem", "zu", "von", "sie", "wird", "auch", "nach", "bei", "wurde", "über", "zum",
		"zur", "aus", "ein", "wie", "oder",
		// Spanish and Portuguese
		"el", "los", "las", "del", "y", "en", "por", "con", "para", "una", "su", "sus", "se", "es",
		"lo", "como", "pero", "más", "fue", "ha", "sobre", "entre", "o", "um", "uma", "não", "os",
		"ao", "das", "dos", "foi", "são", "também", "muy", "ya", "este", "esta",
		// Italian and Dutch
		"il", "di", "che", "non", "per", "della", "delle", "degli", "sono", "gli", "het", "een",
		"van", "niet", "zijn", "ook", "op", "voor", "met", "dat", "werd")
)

// languageSample bounds the words read to decide a language.
const languageSample = 400

// looksEnglish reports whether text reads as English by the share of
// English among the function words of its first languageSample words. Texts
// with too few function words to judge (a headline, a list) count as
// English.
func looksEnglish(text string) bool {
	en, other, words := 0, 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if words++; words > languageSample {
			break
		}
		w = strings.ToLower(w)
		switch {
		case englishStop[w]:
			en++
		case foreignStop[w]:
			other++
		}
	}
	if en+other < 8 {
		return true
	}
	return en*10 >= (en+other)*4 // at least 40 % of the function words are English
}

// englishTag reports whether a message's language tag allows English:
// empty (unknown) or "en" with any region.
func englishTag(tag string) bool {
	tag = strings.ToLower(strings.TrimSpace(tag))
	return tag == "" || tag == "en" || strings.HasPrefix(tag, "en-") || strings.HasPrefix(tag, "en_") || tag == "eng" || tag == "english"
}
