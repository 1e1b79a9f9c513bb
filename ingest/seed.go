package ingest

import "github.com/newsgraph/kg/graphmodel"

// SeedEntities returns every state and well-known international
// organization of the built-in tables, for `kg schema apply`.
func SeedEntities() []graphmodel.Entity {
	var out []graphmodel.Entity
	for _, s := range stateTable {
		aliases := append(append(append([]string{}, s.Names...), s.Demonyms...), s.Capitals...)
		out = append(out, graphmodel.Entity{
			Key: graphmodel.StateKey(s.ISO3), Kind: graphmodel.KindState, Name: s.Name,
			Aliases: aliases, CAMEO: s.CAMEO, Seeded: true, Historical: s.Historical,
		})
	}
	for _, o := range orgTable {
		aliases := append([]string{}, o.Aliases...)
		if o.Acronym != "" {
			aliases = append(aliases, o.Acronym)
		}
		out = append(out, graphmodel.Entity{
			Key: graphmodel.OrgKey(o.Name), Kind: graphmodel.KindOrganization, Name: o.Name,
			Aliases: aliases, Acronym: o.Acronym, CAMEO: o.CAMEO, Seeded: true,
		})
	}
	return out
}
