package ingest

// Word lists the extractor reads. They describe English news prose in
// general, not any one article: function words, titles, the nouns that end
// organization names, verbs of saying. Their entries are in
// lexicon/words.tsv; the relation frames and their word classes are in
// lexicon/frames.tsv and lexicon/classes.tsv.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// capStop are capitalised words that never start or form a name: sentence
// openers, pronouns, days and months.
var capStop = wordList("cap-stop")

// connectors may join the words of one name: "Center for Strategic and
// International Studies", "Ministry of the Interior", "Osama bin Laden".
var connectors = wordList("connectors")

// orgHeads end the names of organizations.
var orgHeads = wordList("org-heads")

// govHeads are the organization heads that make a body act for its state:
// "the Chinese Embassy", "North Korea's Foreign Ministry".
var govHeads = wordList("gov-heads")

// govNouns after a state make it the acting state with a role: "U.S.
// officials", "the Chinese government", "Iranian diplomats".
var govNouns = wordList("gov-nouns")

// titles precede personal names and are not part of them.
var titles = wordList("titles")

// roleNouns before a name mark it as a person: "the envoy, Jane Roe",
// "trade expert John Doe".
var roleNouns = wordList("role-nouns")

// sayVerbs after a name mark it as a person: "Doe said".
var sayVerbs = wordList("say-verbs")

// prepositions before an entity put it inside a phrase, not in the
// position of the acting subject: "a vote in the Arctic Council to ...".
var prepositions = wordList("prepositions")

// placePrepositions before a capital city make it a place, not a government.
var placePrepositions = wordList("place-prepositions")

// notVerbs are the lowercase words that can follow a noun without being its
// verb: used to tell "the Chinese want ..." (subject) from "the Chinese
// in ..." (not).
var notVerbs = wordList("not-verbs")

// personTitles are the titles that, right before a lone capitalised word,
// make it a surname: "President Trump", "Queen Elizabeth", but not "Foreign
// Affairs" or "the House".
var personTitles = wordList("person-titles")

// groupNouns open a capitalised phrase that names people of a body, not the
// body: "Members of the National Assembly", "Leaders of the African Union".
var groupNouns = wordList("group-nouns")

// legislatures are the bodies news names by their common noun alone.
var legislatures = wordList("legislatures")

// ambiguousNames are state names that are also given names: before a
// capitalised word that is no title they open a person's name ("Jordan
// Peterson", "Chad Smith", "Israel Katz").
var ambiguousNames = wordList("ambiguous-names")

// places are territories, regions and cities that news names like states
// or people but that are neither.
var places = wordList("places")

// placeOpeners and placeNouns mark two- and three-word place names: "New
// Orleans", "San Diego", "Persian Gulf", "Golan Heights".
var (
	placeOpeners = wordList("place-openers")
	placeNouns   = wordList("place-nouns")
)

// relationNouns before "of" make a capital the government, not a place:
// "an ally of Washington", "a critic of Beijing".
var relationNouns = wordList("relation-nouns")

// speakerOffices are the offices that make who holds them speak for their
// state.
var speakerOffices = wordList("speaker-offices")

// officeModifiers are the lower-case words an office's name may hold
// beside the office: "commerce secretary", "senior official".
var officeModifiers = wordList("office-modifiers")
