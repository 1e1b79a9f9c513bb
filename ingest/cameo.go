package ingest

import "github.com/newsgraph/kg/graphmodel"

// cameoRelations is the one table (DESIGN.md, "CAMEO codes and the three
// relations") that turns a coded event into a relation. Every other code is
// kept as an Event only. ally-of has no code: only `type: "ally-of"`
// messages assert it.
var cameoRelations = map[string]graphmodel.RelType{
	// appeal for material cooperation
	"021": graphmodel.RequestedHelpFrom, "0211": graphmodel.RequestedHelpFrom,
	"0212": graphmodel.RequestedHelpFrom, "0213": graphmodel.RequestedHelpFrom,
	"0214": graphmodel.RequestedHelpFrom,
	// appeal for diplomatic cooperation
	"022": graphmodel.RequestedHelpFrom,
	// appeal for aid
	"023": graphmodel.RequestedHelpFrom, "0231": graphmodel.RequestedHelpFrom,
	"0232": graphmodel.RequestedHelpFrom, "0233": graphmodel.RequestedHelpFrom,
	"0234": graphmodel.RequestedHelpFrom,
	// demand aid
	"103": graphmodel.RequestedHelpFrom, "1031": graphmodel.RequestedHelpFrom,
	"1032": graphmodel.RequestedHelpFrom, "1033": graphmodel.RequestedHelpFrom,
	"1034": graphmodel.RequestedHelpFrom,
	// accuse, bring lawsuit against, find guilty
	"112": graphmodel.AccusedOf, "1121": graphmodel.AccusedOf, "1122": graphmodel.AccusedOf,
	"1123": graphmodel.AccusedOf, "1124": graphmodel.AccusedOf, "1125": graphmodel.AccusedOf,
	"115": graphmodel.AccusedOf, "116": graphmodel.AccusedOf,
}

// cameoCharges names the act of the accusations whose code says it.
var cameoCharges = map[string]string{
	"1121": "crime, corruption",
	"1122": "human rights abuses",
	"1123": "aggression",
	"1124": "war crimes",
	"1125": "espionage, treason",
}

// CAMEORelation returns the relation a CAMEO event code asserts, or "" when
// the code is kept as an Event only.
func CAMEORelation(code string) graphmodel.RelType { return cameoRelations[code] }

// CAMEOLabel returns the codebook name of a CAMEO event code, or "" for an
// unknown code.
func CAMEOLabel(code string) string { return cameoEvents[code].Label }

// knownCAMEO reports whether code is a CAMEO event code of the codebook.
func knownCAMEO(code string) bool {
	_, ok := cameoEvents[code]
	return ok
}

// quadClass returns GDELT's QuadClass of an event code from its root, as
// GDELT 2.0 assigns it: 1 verbal cooperation (01–05), 2 material
// cooperation (06–09), 3 verbal conflict (10–14), 4 material conflict
// (15–20); 0 for an unknown code.
func quadClass(code string) int {
	if len(code) < 2 || !knownCAMEO(code) {
		return 0
	}
	root := int(code[0]-'0')*10 + int(code[1]-'0')
	switch {
	case root >= 1 && root <= 5:
		return 1
	case root >= 6 && root <= 9:
		return 2
	case root >= 10 && root <= 14:
		return 3
	case root >= 15 && root <= 20:
		return 4
	}
	return 0
}
