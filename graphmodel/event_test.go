package graphmodel

import (
	"errors"
	"strings"
	"testing"
)

func validEvent() Event {
	return Event{
		ID: "gdelt:1", Source: "gdelt", CAMEO: "0231", OccurredAt: "2018-03-26", QuadClass: 1,
		Entities:    []Entity{{Key: "state:USA", Kind: KindState, Name: "United States"}, {Key: "state:CHN", Kind: KindState, Name: "China"}},
		SourceActor: &EventActor{Key: "state:USA", Role: "government"},
		TargetActor: &EventActor{Key: "state:CHN"},
		Claims:      []Claim{{Type: RequestedHelpFrom, Subject: "state:USA", Object: "state:CHN", Confidence: 0.6}},
	}
}

func TestValidateEvents(t *testing.T) {
	tests := []struct {
		name   string
		modify func(b *Batch)
		want   string
	}{
		{"valid", func(b *Batch) {}, ""},
		{"no actors", func(b *Batch) { e := &b.Events[0]; e.SourceActor, e.TargetActor, e.Claims = nil, nil, nil }, ""},
		{"same id as an article", func(b *Batch) { b.Articles = []Article{validArticle()}; b.Articles[0].ID = "gdelt:1" }, ""},
		{"same event twice", func(b *Batch) { b.Events = append(b.Events, b.Events[0]) }, "twice"},
		{"empty id", func(b *Batch) { b.Events[0].ID = "" }, "bad source id"},
		{"no date", func(b *Batch) { b.Events[0].OccurredAt = "" }, "no date"},
		{"two claims", func(b *Batch) { b.Events[0].Claims = append(b.Events[0].Claims, b.Events[0].Claims[0]) }, "claims"},
		{"actor not carried", func(b *Batch) { b.Events[0].TargetActor.Key = "state:PRK" }, "not among"},
		{"claim with itself", func(b *Batch) { b.Events[0].Claims[0].Object = "state:USA" }, "with itself"},
		{"role over cap", func(b *Batch) { b.Events[0].SourceActor.Role = strings.Repeat("x", MaxRoleBytes+1) }, "role"},
		{"quad class", func(b *Batch) { b.Events[0].QuadClass = 5 }, "quad class"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Batch{Events: []Event{validEvent()}}
			tt.modify(&b)
			err := b.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("got %v, want valid", err)
			case tt.want != "" && err == nil:
				t.Fatalf("got valid, want an error containing %q", tt.want)
			case tt.want != "" && (!strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrInvalid)):
				t.Fatalf("got %v, want ErrInvalid containing %q", err, tt.want)
			}
		})
	}
	if n := (&Batch{Events: []Event{validEvent()}, Retractions: []string{"a"}}).Len(); n != 2 {
		t.Errorf("Len() = %d, want 2", n)
	}
}
