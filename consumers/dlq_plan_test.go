package consumers

import (
	"slices"
	"testing"
)

func TestDeadLetterTally(t *testing.T) {
	tally := DeadLetterTally{}
	for _, d := range []DeadLetter{
		{Reason: "not-json"}, {Reason: "not-json", Replayed: true}, {Reason: "graph-rejected"}, {Reason: "not-json"},
	} {
		tally.Add("articles.dlq", d)
	}
	tally.Add("events.dlq", DeadLetter{Reason: "bad-row", Replayed: true})
	if got, want := tally.Reasons("articles.dlq"), []string{"graph-rejected", "not-json"}; !slices.Equal(got, want) {
		t.Errorf("reasons %v, want %v", got, want)
	}
	if got, want := tally["articles.dlq"]["not-json"], (DeadLetterCount{Open: 2, Replayed: 1}); got != want {
		t.Errorf("not-json %+v, want %+v", got, want)
	}
	if got, want := tally.Total("articles.dlq"), (DeadLetterCount{Open: 3, Replayed: 1}); got != want {
		t.Errorf("articles total %+v, want %+v", got, want)
	}
	if got, want := tally.Total("events.dlq"), (DeadLetterCount{Replayed: 1}); got != want {
		t.Errorf("events total %+v, want %+v", got, want)
	}
	if got := tally.Total("none.dlq"); got != (DeadLetterCount{}) {
		t.Errorf("a topic without dead letters totals %+v", got)
	}
}

func TestReplayPlanChooses(t *testing.T) {
	dead := []DeadLetter{
		{Partition: 0, Offset: 1, Reason: "not-json"},
		{Partition: 0, Offset: 2, Reason: "graph-rejected"},
		{Partition: 0, Offset: 3, Reason: "not-json", Replayed: true},
		{Partition: 1, Offset: 1, Reason: "not-json", Attempt: 3},
	}
	tests := []struct {
		name          string
		c             ReplayChoice
		want          []int64 // offsets chosen in partition 0, then partition 1 as 100+offset
		done, skipped int
	}{
		{"every open one", ReplayChoice{}, []int64{1, 2, 101}, 1, 0},
		{"again", ReplayChoice{Again: true}, []int64{1, 2, 3, 101}, 0, 0},
		{"by reason", ReplayChoice{Reasons: map[string]bool{"graph-rejected": true}}, []int64{2}, 0, 0},
		{"max attempts", ReplayChoice{MaxAttempts: 3}, []int64{1, 2}, 1, 1},
		{"at an offset", ReplayChoice{At: map[string]bool{"1/1": true}}, []int64{101}, 0, 0},
	}
	for _, tt := range tests {
		p := ReplayPlan{Chosen: map[string][]DeadLetter{}, Found: map[string][]string{}}
		for _, d := range dead {
			p.consider(tt.c, "articles.dlq", d)
		}
		var got []int64
		for _, d := range p.Chosen["articles.dlq"] {
			got = append(got, int64(d.Partition)*100+d.Offset)
		}
		if !slices.Equal(got, tt.want) || p.Done != tt.done || p.Skipped != tt.skipped {
			t.Errorf("%s: chose %v, done %d, skipped %d; want %v, %d, %d", tt.name, got, p.Done, p.Skipped, tt.want, tt.done, tt.skipped)
		}
	}
	// --offset names where it found a dead letter, so kg can tell a
	// missing one and one in two topics apart.
	p := ReplayPlan{Chosen: map[string][]DeadLetter{}, Found: map[string][]string{}}
	c := ReplayChoice{At: map[string]bool{"0/2": true, "5/5": true}}
	p.consider(c, "articles.dlq", dead[1])
	p.consider(c, "events.dlq", dead[1])
	if got := p.Found["0/2"]; !slices.Equal(got, []string{"articles.dlq", "events.dlq"}) || len(p.Found["5/5"]) != 0 {
		t.Errorf("found %v, want 0/2 in both topics and 5/5 nowhere", p.Found)
	}
}

func TestDeadLetterTopics(t *testing.T) {
	if got, want := DeadLetterTopics("articles", "events"), []string{"articles.dlq", "events.dlq"}; !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	if got, want := DeadLetterTopics("articles", ""), []string{"articles.dlq"}; !slices.Equal(got, want) {
		t.Errorf("without events: %v, want %v", got, want)
	}
}
