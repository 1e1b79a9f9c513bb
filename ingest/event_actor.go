package ingest

import (
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/kg/graphmodel"
)

// party is an event's subject or object resolved to the graph.
type party struct {
	ent  *graphmodel.Entity // nil when the party names no entity
	role string             // the role it acts in, for SOURCE_ACTOR/TARGET_ACTOR and the claim
	// why is "" when the party may be a claim's end; otherwise the reason it
	// may not: no actor, not an entity, or a state in a non-state role.
	why NoClaimReason
}

// governmentClasses are the CAMEO actor classes in which a coded actor
// speaks for its state (DESIGN.md, "Normalization rules").
var governmentClasses = map[string]bool{"GOV": true, "MIL": true, "SPY": true, "JUD": true, "LEG": true}

// cameoClassRoles names the CAMEO actor classes, as roles.
var cameoClassRoles = map[string]string{
	"GOV": "government", "MIL": "military", "SPY": "intelligence", "JUD": "judiciary", "LEG": "legislature",
	"COP": "police", "BUS": "business", "CVL": "civilians", "MED": "media", "OPP": "opposition",
	"REB": "rebels", "INS": "insurgents", "SEP": "separatists", "CRM": "criminals", "UAF": "armed group",
	"EDU": "education", "HLH": "health", "LAB": "labor", "REF": "refugees", "AGR": "agriculture",
	"ELI": "elites", "PTY": "political party", "REL": "religious", "RAD": "radicals", "MOD": "moderates",
	"HRI": "human rights", "ENV": "environment", "DEV": "development", "SET": "settlers", "SPM": "special forces",
	"NGO": "non-governmental organization", "IGO": "international organization", "NGM": "non-governmental movement",
	"MNC": "multinational corporation", "CHR": "christian", "MOS": "muslim", "JEW": "jewish", "HIN": "hindu",
	"BUD": "buddhist", "SIK": "sikh",
}

// cameoRegions are the CAMEO codes of regions, which are not entities.
var cameoRegions = map[string]bool{
	"AFR": true, "ASA": true, "BLK": true, "BAL": true, "CRB": true, "CAU": true, "CFR": true, "CAS": true,
	"CEU": true, "EIN": true, "EAF": true, "EEU": true, "EUR": true, "LAM": true, "MEA": true, "MDT": true,
	"NAF": true, "NMR": true, "PGS": true, "SCN": true, "SAM": true, "SAS": true, "SEA": true, "SAF": true,
	"WAF": true, "WST": true, "NAM": false, // NAM is Namibia's code, not a region
}

// stateIndex finds states by ISO3 or CAMEO code and by name.
type stateIndex struct {
	byCode map[string]*State
	byName map[string]*State // lower-case names: "united states", "united states of america", "usa"
}

var loadStateIndex = sync.OnceValue(func() *stateIndex {
	ix := &stateIndex{byCode: make(map[string]*State), byName: make(map[string]*State)}
	for i := range stateTable {
		s := &stateTable[i]
		if s.CAMEO != "" {
			ix.byCode[s.CAMEO] = s
		}
	}
	// ISO3 codes win over another state's CAMEO code.
	for i := range stateTable {
		s := &stateTable[i]
		ix.byCode[s.ISO3] = s
		for _, n := range append([]string{s.Name}, s.Names...) {
			if _, taken := ix.byName[strings.ToLower(n)]; !taken {
				ix.byName[strings.ToLower(n)] = s
			}
		}
	}
	return ix
})

// stateByCode returns the state whose ISO3 or CAMEO code is code.
func stateByCode(code string) *State { return loadStateIndex().byCode[code] }

// stateByFullName returns the state one of whose names is exactly name,
// ignoring case: "United States", "USA", "Russian Federation".
func stateByFullName(name string) *State {
	return loadStateIndex().byName[strings.ToLower(strings.TrimSpace(name))]
}

// orgIndex finds the seeded organizations by CAMEO code and by name.
type orgIndex struct {
	byCode map[string]*Org
	byName map[string]*Org // lower-case names, aliases and acronyms
}

var loadOrgIndex = sync.OnceValue(func() *orgIndex {
	ix := &orgIndex{byCode: make(map[string]*Org), byName: make(map[string]*Org)}
	for i := range orgTable {
		o := &orgTable[i]
		// The first organization with a code is the one the code names:
		// IGOUNO is the United Nations, not its Security Council.
		if o.CAMEO != "" && !genericOrgCode(o.CAMEO) {
			if _, taken := ix.byCode[o.CAMEO]; !taken {
				ix.byCode[o.CAMEO] = o
			}
		}
		names := append([]string{o.Name}, o.Aliases...)
		if o.Acronym != "" {
			names = append(names, o.Acronym)
		}
		for _, n := range names {
			if _, taken := ix.byName[strings.ToLower(n)]; !taken {
				ix.byName[strings.ToLower(n)] = o
			}
		}
	}
	return ix
})

// genericOrgCode reports whether an IGO or NGO code names a kind of
// organization rather than one: "IGO", "NGOHRI" (a human rights NGO),
// "IGOCAS" (a Central Asian IGO).
func genericOrgCode(code string) bool {
	if len(code) <= 3 {
		return true
	}
	last := code[len(code)-3:]
	_, class := cameoClassRoles[last]
	return class || cameoRegions[last]
}

// orgByCode returns the seeded organization a CAMEO IGO/NGO code names,
// dropping trailing classes it does not know: IGOUNODEVWBKMED is the World
// Bank, IGOUNOXYZ the United Nations.
func orgByCode(code string) *Org {
	ix := loadOrgIndex()
	for len(code) > 3 {
		if o := ix.byCode[code]; o != nil {
			return o
		}
		code = code[:len(code)-3]
	}
	return nil
}

func orgByName(name string) *Org {
	return loadOrgIndex().byName[strings.ToLower(strings.TrimSpace(name))]
}

// stateEntity returns the entity of a state of the table. It is shared:
// callers copy it and never change it.
func stateEntity(s *State) *graphmodel.Entity { return loadSeededEntities().states[s] }

// orgEntity returns the entity of an organization of the table, shared as
// stateEntity's are.
func orgEntity(o *Org) *graphmodel.Entity { return loadSeededEntities().orgs[o] }

// loadSeededEntities makes the entities of the tables' states and
// organizations once, rather than their keys for every event that names
// them.
var loadSeededEntities = sync.OnceValue(func() (ix struct {
	states map[*State]*graphmodel.Entity
	orgs   map[*Org]*graphmodel.Entity
}) {
	ix.states = make(map[*State]*graphmodel.Entity, len(stateTable))
	for i := range stateTable {
		s := &stateTable[i]
		ix.states[s] = &graphmodel.Entity{Key: graphmodel.StateKey(s.ISO3), Kind: graphmodel.KindState, Name: s.Name,
			CAMEO: s.CAMEO, Seeded: true, Historical: s.Historical}
	}
	ix.orgs = make(map[*Org]*graphmodel.Entity, len(orgTable))
	for i := range orgTable {
		o := &orgTable[i]
		ix.orgs[o] = &graphmodel.Entity{Key: graphmodel.OrgKey(o.Name), Kind: graphmodel.KindOrganization, Name: o.Name,
			Acronym: o.Acronym, CAMEO: o.CAMEO, Seeded: true}
	}
	return ix
})

// resolveParty maps an event party to an entity and says whether it may be
// the subject or object of a claim. A code, when given, decides; otherwise
// the type and the name do. d, when not nil, is the decoder of the
// message's batch, which makes a named person's or organization's entity
// once (typedEntity).
func resolveParty(p *EventParty, d *EventDecoder) party {
	if p.empty() {
		return party{why: NoClaimNoActor}
	}
	if p.Code != "" {
		return resolveCode(p.Code, strings.TrimSpace(p.Role))
	}
	name := strings.TrimSpace(p.Name)
	role := strings.TrimSpace(p.Role)
	if kind := graphmodel.Kind(p.Type); kind == graphmodel.KindActor || kind == graphmodel.KindOrganization {
		return party{ent: d.typedEntity(kind, name), role: role}
	}
	// A state, or a name to resolve: "China", "Government (China)",
	// "United Nations".
	if s := stateByFullName(name); s != nil {
		return stateParty(s, role, roleSpeaksForState(role))
	}
	if body, country, ok := splitBody(name); ok {
		if s := stateByFullName(country); s != nil {
			if role == "" {
				role = strings.ToLower(body)
			}
			return stateParty(s, role, roleSpeaksForState(role))
		}
	}
	if p.Type == "" {
		if o := orgByName(name); o != nil {
			return party{ent: orgEntity(o), role: role}
		}
	}
	return party{why: NoClaimNotEntity}
}

// typedEntity is the entity of a person or organization (kind) named name.
func typedEntity(kind graphmodel.Kind, name string) *graphmodel.Entity {
	if kind == graphmodel.KindOrganization {
		if o := orgByName(name); o != nil {
			return orgEntity(o)
		}
		return &graphmodel.Entity{Key: graphmodel.OrgKey(name), Kind: graphmodel.KindOrganization, Name: name}
	}
	return &graphmodel.Entity{Key: graphmodel.ActorKey(name), Kind: graphmodel.KindActor, Name: name}
}

func stateParty(s *State, role string, government bool) party {
	pt := party{ent: stateEntity(s), role: role}
	if !government {
		pt.why = NoClaimNonStateRole
	}
	return pt
}

// resolveCode maps a CAMEO actor code (or a bare ISO3 code) to an entity. A
// state speaks for itself bare or in a government class (USA, USAGOV,
// USAMIL); in any other class (USABUS, USACVL) it is linked with that role
// but asserts nothing. IGO and NGO codes name seeded organizations; MNC and
// NGO codes of a country are its non-state actors. Regions, bare classes
// ("GOV") and ethnic or religious groups are not entities.
func resolveCode(code, role string) party {
	if len(code) < 3 {
		return party{why: NoClaimNotEntity}
	}
	first := code[:3]
	if s := stateByCode(first); s != nil {
		class := ""
		if len(code) >= 6 {
			class = code[3:6]
		}
		if role == "" {
			role = cameoClassRoles[class]
			if role == "" && class != "" {
				role = strings.ToLower(class)
			}
		}
		if class == "" {
			return stateParty(s, role, roleSpeaksForState(role))
		}
		return stateParty(s, role, governmentClasses[class])
	}
	switch first {
	case "IGO", "NGO":
		if o := orgByCode(code); o != nil {
			return party{ent: orgEntity(o), role: role}
		}
		fallthrough
	case "MNC":
		if len(code) >= 6 {
			if s := stateByCode(code[3:6]); s != nil {
				if role == "" {
					role = cameoClassRoles[first]
				}
				return stateParty(s, role, false)
			}
		}
	}
	return party{why: NoClaimNotEntity}
}

// splitBody splits an ICEWS-style name of a state's body, "Foreign Affairs
// (Bangladesh)", into the body and the country.
func splitBody(name string) (body, country string, ok bool) {
	if !strings.HasSuffix(name, ")") {
		return "", "", false
	}
	i := strings.LastIndex(name, "(")
	if i <= 0 {
		return "", "", false
	}
	body = strings.TrimSpace(name[:i])
	country = strings.TrimSpace(name[i+1 : len(name)-1])
	return body, country, body != "" && country != ""
}

// Role words. A role speaks for its state when it names a part of its
// government and no non-state group; a role of neither kind does not.
var (
	nonStateRoleWords = wordSet("citizen", "citizens", "civilian", "civilians", "population", "people", "business",
		"businesses", "businessperson", "company", "companies", "corporation", "media", "journalist", "journalists",
		"news", "newspaper", "opposition", "rebel", "rebels", "insurgent", "insurgents", "militant", "militants",
		"dissident", "dissidents", "protester", "protesters", "protestor", "protestors", "criminal", "criminals",
		"gang", "student", "students", "activist", "activists", "party", "parties", "ethnic", "religious",
		"refugee", "refugees", "labor", "labour", "worker", "workers", "women", "men", "children", "attacker",
		"unidentified", "non-governmental", "ngo", "multinational", "separatist", "separatists", "terrorist",
		"terrorists", "mob", "civic", "elites", "settlers", "christian", "muslim", "jewish", "hindu", "buddhist",
		"sikh", "radicals", "moderates", "agriculture", "education", "health")
	governmentRoleWords = wordSet("government", "governments", "executive", "ministry", "ministries", "minister",
		"ministers", "cabinet", "president", "presidency", "presidential", "premier", "chancellor", "chancellery",
		"affairs", "defense", "defence", "military", "army", "navy", "naval", "air", "marines", "armed", "police",
		"intelligence", "judiciary", "judicial", "court", "courts", "judge", "judges", "prosecutor", "legislature",
		"legislative", "parliament", "parliamentary", "senate", "congress", "lawmaker", "lawmakers", "assembly",
		"official", "officials", "authorities", "authority", "embassy", "ambassador", "envoy", "diplomat",
		"diplomats", "spokesman", "spokeswoman", "spokesperson", "department", "administration", "governor",
		"mayor", "state", "troops", "forces", "border", "customs", "representatives", "regime", "leadership",
		"office", "bureaucrat", "commission", "secretariat", "royal", "monarch", "king", "queen")
)

// roleSpeaksForState reports whether a role given in words stands for its
// state: no role (the state itself) or a part of its government
// ("foreign ministry", "police"), but never a non-state group ("citizens",
// "opposition party").
func roleSpeaksForState(role string) bool {
	words := strings.FieldsFunc(strings.ToLower(role), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	})
	if len(words) == 0 {
		return true
	}
	government := false
	for _, w := range words {
		if nonStateRoleWords[w] {
			return false
		}
		if governmentRoleWords[w] {
			government = true
		}
	}
	return government
}

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
