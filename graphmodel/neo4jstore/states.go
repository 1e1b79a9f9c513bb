package neo4jstore

import (
	"sync"
	"time"
)

// knownStates are the states writes found in the graph, each with when it
// was last found. A write checks that the states its batch names are in the
// graph (checkStates): writers only MATCH states, so a state that was never
// seeded would silently drop claims. The states are seeded once and a feed
// names the same few in batch after batch, so a state found is taken as
// there for statesTTL before it is checked again. Only keys found as states
// are kept: the map holds at most the graph's states.
type knownStates struct {
	mu    sync.Mutex
	found map[string]time.Time
	now   func() time.Time
}

// statesTTL is how long a state found in the graph is taken as there. A
// state deleted by hand meanwhile drops the claims that name it until
// then, as it would between a check and the statements after it.
const statesTTL = time.Minute

func newKnownStates() *knownStates {
	return &knownStates{found: make(map[string]time.Time), now: time.Now}
}

// unknown returns the keys not found within statesTTL, in their order,
// and the time to record them with once they are found.
func (k *knownStates) unknown(keys []string) ([]string, time.Time) {
	k.mu.Lock()
	defer k.mu.Unlock()
	now := k.now()
	var out []string
	for _, key := range keys {
		if at, ok := k.found[key]; !ok || now.Sub(at) >= statesTTL {
			out = append(out, key)
		}
	}
	return out, now
}

// add records keys as found at at.
func (k *knownStates) add(keys []string, at time.Time) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, key := range keys {
		k.found[key] = at
	}
}
