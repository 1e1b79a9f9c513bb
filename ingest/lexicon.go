package ingest

// Word lists the extractor reads. They describe English news prose in
// general, not any one article: function words, titles, the nouns that end
// organization names, verbs of saying, and the trigger words of the three
// relations.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// capStop are capitalised words that never start or form a name: sentence
// openers, pronouns, days and months.
var capStop = set("the", "a", "an", "but", "and", "or", "in", "on", "at", "as", "of", "for", "to",
	"by", "with", "from", "after", "before", "during", "since", "while", "when", "where", "if",
	"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "this",
	"that", "these", "those", "there", "then", "here", "what", "who", "whom", "which", "why", "how",
	"however", "meanwhile", "also", "although", "though", "yet", "so", "still", "most", "some",
	"many", "several", "both", "all", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "no", "not", "last", "next", "earlier", "later", "today", "yesterday",
	"tomorrow", "according", "under", "over", "about", "against", "between", "among", "through",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "mr", "mrs", "ms", "dr", "specifically", "clear",
	"several", "other", "others", "each", "every", "any", "such", "even", "only", "just",
	"because", "despite", "instead", "further", "first", "second", "third", "former",
	"more", "less", "while", "once", "now", "thus", "again", "already", "asked", "said",
	"breaking", "exclusive", "unlike", "like", "amid", "within", "without", "upon", "beyond",
	"toward", "towards", "throughout", "whether", "unless", "until", "besides", "regarding")

// connectors may join the words of one name: "Center for Strategic and
// International Studies", "Ministry of the Interior", "Osama bin Laden".
var connectors = set("of", "for", "and", "the", "de", "del", "da", "di", "du", "van", "von", "bin",
	"al", "el", "la", "le", "y", "on", "&")

// orgHeads end the names of organizations.
var orgHeads = set("ministry", "agency", "army", "party", "council", "commission", "embassy",
	"court", "bank", "committee", "organization", "organisation", "union", "association",
	"institute", "center", "centre", "foundation", "university", "college", "corporation",
	"company", "corp", "inc", "ltd", "co", "plc", "llc", "gmbh", "group", "airlines", "airways", "air", "times", "post",
	"journal", "news", "network", "pictures", "entertainment", "studios", "front", "movement",
	"forces", "force", "navy", "police", "service", "services", "department", "office",
	"parliament", "congress", "senate", "assembly", "guard", "guards", "brigade", "brigades",
	"coalition", "federation", "league", "fund", "programme", "program", "authority", "board",
	"bureau", "tribunal", "secretariat", "cabinet", "government", "administration", "command",
	"alliance", "fund", "trust", "society", "institution", "federation", "conference",
	"legislature", "academy", "corps", "regiment",
	"division", "battalion", "militia", "council", "watch", "international", "daily", "tribune",
	"herald", "telegraph", "guardian", "press", "broadcasting", "television", "radio", "tv",
	"magazine", "gazette", "observer", "reuters", "technologies", "systems", "industries", "units", "forum",
	"holdings", "motors", "petroleum", "oil", "energy", "electric", "telecom", "communications",
	"media", "bbc", "cnn", "nations", "organisation", "directorate", "inspectorate", "mission",
	"delegation", "consulate", "partnership", "initiative", "taskforce", "unit", "school",
	"hospital", "church", "synod", "stock",
	"exchange", "reserve", "treasury", "ministries", "secretariat", "chamber", "chambers")

// govHeads are the organization heads that make a body act for its state:
// "the Chinese Embassy", "North Korea's Foreign Ministry".
var govHeads = set("ministry", "embassy", "army", "navy", "forces", "force", "government",
	"administration", "parliament", "congress", "senate", "cabinet", "police", "guard", "guards",
	"military", "office", "department", "consulate", "mission", "delegation", "command",
	"corps", "presidency", "treasury", "legislature", "assembly", "intelligence")

// govNouns after a state make it the acting state with a role: "U.S.
// officials", "the Chinese government", "Iranian diplomats".
var govNouns = set("government", "governments", "official", "officials", "administration",
	"authorities", "military", "army", "navy", "forces", "troops", "diplomat", "diplomats",
	"envoy", "envoys", "ambassador", "embassy", "spokesman", "spokeswoman", "spokesperson",
	"ministry", "minister", "president", "leader", "leadership", "regime", "state", "police",
	"intelligence", "prosecutors", "negotiators", "delegation", "side", "officers", "lawmakers",
	"parliament", "congress", "senate", "cabinet", "premier", "navy", "coast", "defense",
	"defence", "foreign", "prime", "secretary", "chancellor", "king", "emir")

// titles precede personal names and are not part of them.
var titles = set("president", "staff", "vice", "prime", "minister", "secretary", "general", "secretary-general",
	"chancellor", "king", "queen", "prince", "princess", "crown", "sheikh", "emir", "sultan", "pope",
	"senator", "sen", "sen.", "rep", "rep.", "representative", "congressman", "congresswoman",
	"governor", "gov", "gov.", "mayor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen",
	"gen.", "lt", "lt.", "col", "col.", "admiral", "adm", "adm.", "ambassador", "speaker", "chairman",
	"chairwoman", "chair", "chief", "justice", "judge", "deputy", "leader", "premier", "director",
	"commander", "lord", "lady", "sir", "dame", "imam", "ayatollah", "rabbi", "cardinal",
	"archbishop", "bishop", "father", "colonel", "major", "captain", "sergeant", "lieutenant",
	"field", "marshal", "supreme", "former", "acting", "interim", "attorney", "foreign", "defense",
	"defence", "state", "home", "interior", "finance", "trade", "economy", "health", "education",
	"of", "the", "national", "security", "adviser", "advisor", "envoy", "special", "counsel",
	"first", "opposition", "labour", "labor", "conservative", "democratic", "republican", "party",
	"chief", "executive", "ceo", "founder", "spokesman", "spokeswoman", "spokesperson",
	"president-elect", "ex-president", "mp", "house", "majority", "minority", "whip", "u.s.",
	"pm", "sec.", "secretary-general", "commissioner", "high", "representative", "crown",
	"taoiseach", "cde", "comrade", "presidential", "presidents", "ministers", "senators",
	"representatives", "governors", "sens.", "reps.")

// roleNouns before a name mark it as a person: "the envoy, Robert King",
// "cyberpolicy expert James Lewis".
var roleNouns = set("envoy", "spokesman", "spokeswoman", "spokesperson", "expert", "analyst",
	"official", "minister", "president", "leader", "adviser", "advisor", "journalist", "reporter",
	"writer", "author", "actor", "actress", "star", "stars", "starring", "singer", "director",
	"professor", "lawyer", "attorney", "ambassador", "diplomat", "general", "commander",
	"chairman", "chairwoman", "secretary", "senator", "lawmaker", "politician", "candidate",
	"activist", "dissident", "researcher", "scholar", "economist", "historian", "fellow",
	"spokesperson", "editor", "correspondent", "founder", "executive", "ceo", "chief", "premier",
	"chancellor", "mayor", "governor", "king", "queen", "prince", "princess", "pope", "wife",
	"husband", "son", "daughter", "brother", "sister", "fiancée", "fiancee", "father", "mother",
	"opponent", "rival", "successor", "predecessor", "deputy", "counsel", "judge", "prosecutor",
	"investigator", "whistleblower", "journalists", "officer", "soldier", "citizen", "named",
	"by", "said", "says", "told", "and", "with", "player", "coach", "dictator", "strongman",
	"monarch", "emperor", "cleric", "commentator", "observer", "anchor", "host", "comedian",
	"voter", "protester", "protestor", "student", "resident", "witness", "survivor", "victim",
	"blogger", "campaigner", "organiser", "organizer", "pastor", "priest", "worker", "farmer",
	"son-in-law", "daughter-in-law", "father-in-law", "mother-in-law", "brother-in-law", "nephew",
	"niece", "cousin", "grandson", "granddaughter", "representatives", "senators", "lawmakers",
	"ministers", "officials", "leaders", "members", "legislators", "congressmen", "diplomats")

// sayVerbs after a name mark it as a person: "Lewis said".
var sayVerbs = set("said", "says", "told", "added", "wrote", "stated", "announced", "tweeted",
	"argued", "explained", "noted", "warned", "insisted", "claimed", "replied", "responded",
	"declared", "asked", "urged", "called", "described", "denied", "admitted", "acknowledged",
	"confirmed", "suggested", "stressed", "emphasized", "emphasised", "recalled", "predicted",
	"believes", "thinks", "met", "visited", "resigned", "died", "was", "is", "has", "had", "who",
	"will", "would", "spoke", "speaks", "pledged", "promised", "vowed", "accused", "blamed")

// prepositions before an entity put it inside a phrase, not in the
// position of the acting subject: "a campaign in the United Nations to ...".
var prepositions = set("in", "at", "from", "to", "into", "onto", "near", "outside", "inside",
	"around", "across", "via", "through", "of", "with", "by", "for", "on", "against", "about",
	"toward", "towards", "over", "under", "between", "among", "within", "without", "like",
	"than", "including", "despite", "amid", "after", "before", "since", "during", "beyond",
	"behind", "upon")

// placePrepositions before a capital city make it a place, not a government.
var placePrepositions = set("in", "at", "from", "to", "into", "near", "outside", "inside", "around",
	"across", "via", "through", "visit", "visited", "visiting", "arrived", "left", "flew", "based",
	"capital", "city", "streets", "downtown", "central", "northern", "southern", "eastern",
	"western", "of")

// notVerbs are the lowercase words that can follow a noun without being its
// verb: used to tell "the Chinese want ..." (subject) from "the Chinese
// in ..." (not).
var notVerbs = set("and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as",
	"the", "a", "an", "that", "which", "who", "whose", "but", "than", "over", "about", "into",
	"against", "after", "before", "during", "through", "between", "among", "under", "since",
	"while", "if", "because", "so", "nor", "yet", "both", "either", "neither", "whether")

// personTitles are the titles that, right before a lone capitalised word,
// make it a surname: "President Trump", "Queen Elizabeth", but not "Foreign
// Affairs" or "the House".
var personTitles = set("president", "minister", "secretary", "chancellor", "king", "queen", "prince",
	"princess", "sheikh", "emir", "sultan", "pope", "senator", "sen", "sen.", "rep", "rep.",
	"representative", "congressman", "congresswoman", "governor", "gov", "gov.", "mayor", "mr",
	"mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.", "general", "lt", "lt.", "col",
	"col.", "admiral", "adm", "adm.", "ambassador", "speaker", "chairman", "chairwoman", "judge",
	"premier", "director", "commander", "lord", "lady", "sir", "dame", "imam", "ayatollah", "rabbi",
	"cardinal", "archbishop", "bishop", "colonel", "major", "captain", "sergeant", "lieutenant",
	"marshal", "envoy", "commissioner", "taoiseach", "cde", "comrade", "president-elect",
	"secretary-general", "chief", "leader", "spokesman", "spokeswoman", "spokesperson", "attorney")

// groupNouns open a capitalised phrase that names people of a body, not the
// body: "Members of the House of Commons", "Leaders of the African Union".
var groupNouns = set("members", "member", "leaders", "leader", "heads", "head", "officials",
	"delegates", "representatives", "supporters", "friends", "citizens", "residents", "people",
	"staff", "employees", "soldiers", "troops", "forces", "ministers", "presidents", "parts", "part")

// legislatures are the bodies news names by their common noun alone.
var legislatures = set("parliament", "congress", "senate", "knesset", "duma", "bundestag",
	"bundesrat", "majlis", "storting", "riksdag", "sejm", "rada", "folketing", "eduskunta", "diet")

// ambiguousNames are state names that are also given names: before a
// capitalised word that is no title they open a person's name ("Jordan
// Peterson", "Chad Smith", "Israel Katz").
var ambiguousNames = set("georgia", "jordan", "chad", "israel")

// places are territories, regions and cities that news names like states
// or people but that are neither.
var places = set("hong kong", "macau", "macao", "puerto rico", "greenland", "gaza", "gaza strip",
	"west bank", "east jerusalem", "crimea", "kashmir", "tibet", "xinjiang", "donbas", "donbass",
	"catalonia", "scotland", "wales", "england", "northern ireland", "new york", "new york city",
	"los angeles", "san francisco", "new delhi", "kuala lumpur", "rio de janeiro", "sao paulo",
	"são paulo", "tel aviv", "buenos aires", "cape town", "abu dhabi", "hong kong island",
	"middle east", "persian gulf", "south china sea", "east china sea", "korean peninsula",
	"golan heights", "sinai", "kurdistan region", "idlib", "aleppo", "raqqa", "mosul", "basra",
	"wall street", "silicon valley", "capitol hill", "latin america", "north america",
	"south america", "central america", "southeast asia", "east asia", "south asia",
	"central asia", "west africa", "east africa", "north africa", "sub-saharan africa",
	"the hague", "las vegas", "st. petersburg", "saint petersburg", "northern syria",
	"new jersey", "new mexico", "new hampshire", "north carolina", "south carolina",
	"north dakota", "south dakota", "west virginia", "rhode island", "new england")

// placeOpeners and placeNouns mark two- and three-word place names: "New
// Orleans", "San Diego", "Persian Gulf", "Golan Heights".
var (
	placeOpeners = set("new", "san", "santa", "los", "las", "port", "fort", "mount", "lake", "cape",
		"saint", "st.", "st", "upper", "lower", "greater", "masjid")
	placeNouns = set("gulf", "sea", "ocean", "river", "island", "islands", "bay", "strait",
		"straits", "mountains", "mountain", "valley", "peninsula", "heights", "city", "province",
		"county", "region", "district", "street", "square", "avenue", "road", "coast", "desert",
		"canal", "airport", "harbor", "harbour", "bridge", "park", "stadium", "week", "day",
		"plateau", "basin", "delta", "highlands", "lowlands", "prefecture", "oblast", "governorate",
		"territory", "territories", "strip", "rainforest", "forest", "border", "borough", "mosque",
		"temple", "cathedral", "shrine", "palace", "monastery", "synagogue", "basilica")
)

// relationNouns before "of" make a capital the government, not a place:
// "an ally of Washington", "a critic of Beijing".
var relationNouns = set("ally", "allies", "partner", "partners", "enemy", "enemies", "rival",
	"rivals", "critic", "critics", "adversary", "adversaries", "client", "proxy", "proxies")
