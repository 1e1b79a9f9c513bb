package neo4jstore

import (
	"context"
	"sync"
	"testing"
)

// Two transactions lock two states in opposite orders: Neo4j aborts one as
// deadlocked, and inTx retries it at once, so both commit.
func TestDeadlockIsRetried(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var (
		locked  sync.WaitGroup // both hold their first lock
		attempt sync.Mutex
		tries   = map[string]int{}
	)
	locked.Add(2)
	lock := func(tx runner, key string) error {
		res, err := tx.Run(ctx, `MATCH (e:Entity {key: $key}) SET e.touched = coalesce(e.touched, 0) + 1`, map[string]any{"key": key})
		if err != nil {
			return err
		}
		_, err = res.Consume(ctx)
		return err
	}
	run := func(first, second string) (int, error) {
		_, deadlocks, err := inTx(ctx, s, func(tx runner) (struct{}, error) {
			attempt.Lock()
			tries[first]++
			n := tries[first]
			attempt.Unlock()
			if err := lock(tx, first); err != nil {
				return struct{}{}, err
			}
			if n == 1 { // only the first attempts meet in the middle
				locked.Done()
				locked.Wait()
			}
			return struct{}{}, lock(tx, second)
		})
		return deadlocks, err
	}
	var wg sync.WaitGroup
	deadlocks := make([]int, 2)
	errs := make([]error, 2)
	for i, order := range [][2]string{{"state:USA", "state:CHN"}, {"state:CHN", "state:USA"}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			deadlocks[i], errs[i] = run(order[0], order[1])
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("transaction %d: %v", i, err)
		}
	}
	if deadlocks[0]+deadlocks[1] == 0 {
		t.Fatalf("no deadlock was retried; tries %v", tries)
	}
	recs, err := s.Query(ctx, `MATCH (e:Entity) WHERE e.key IN ['state:USA', 'state:CHN'] RETURN sum(e.touched)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := recs.Rows[0][0]; got != int64(4) {
		t.Errorf("committed lock updates: %v, want 4 (each transaction once)", got)
	}
}
