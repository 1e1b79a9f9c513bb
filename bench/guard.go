package bench

import "fmt"

// Database is the database of the instance kg bench runs on by default:
// deploy/local/with-services bench (make bench) creates it in a Neo4j of
// its own.
const Database = "kgbench"

// CheckTarget refuses to benchmark anything but a bench database
// unless anyDatabase is set: kg bench adds a million claims and hundreds of
// thousands of events and articles whose ids look like real ones, which
// must never land in an analyst's graph.
func CheckTarget(database string, anyDatabase bool) error {
	if database == Database || anyDatabase {
		return nil
	}
	return fmt.Errorf("kg bench writes a million claims and thousands of articles and events into the graph; "+
		"it runs only on the database %q of an instance of its own (make bench, or deploy/local/with-services bench kg bench), "+
		"not on KG_NEO4J_DATABASE=%q; pass --any-database to benchmark that database anyway",
		Database, database)
}
