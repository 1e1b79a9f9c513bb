package graphmodel

import (
	"errors"
	"strings"
	"testing"
)

func validArticle() Article {
	return Article{
		ID: "a1",
		Entities: []Entity{
			{Key: "state:USA", Kind: KindState, Name: "United States"},
			{Key: "state:CHN", Kind: KindState, Name: "China"},
		},
		Mentions: []Mention{{Key: "state:USA", Count: 2}},
		Claims:   []Claim{{Type: RequestedHelpFrom, Subject: "state:USA", Object: "state:CHN", Confidence: 0.9}},
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(b *Batch)
		want   string // "" when valid
	}{
		{"valid", func(b *Batch) {}, ""},
		{"retraction only", func(b *Batch) { b.Articles = nil; b.Retractions = []string{"x"} }, ""},
		{"same id twice", func(b *Batch) { b.Retractions = []string{"a1"} }, "twice"},
		{"empty id", func(b *Batch) { b.Articles[0].ID = "" }, "bad source id"},
		{"unknown relation", func(b *Batch) { b.Articles[0].Claims[0].Type = "member-of" }, "unknown relation"},
		{"claim of missing entity", func(b *Batch) { b.Articles[0].Claims[0].Object = "state:PRK" }, "does not carry"},
		{"claim with itself", func(b *Batch) { b.Articles[0].Claims[0].Object = "state:USA" }, "with itself"},
		{"confidence over 1", func(b *Batch) { b.Articles[0].Claims[0].Confidence = 1.5 }, "confidence"},
		{"key of another kind", func(b *Batch) { b.Articles[0].Entities[0].Kind = KindActor }, "does not fit"},
		{"mention of missing entity", func(b *Batch) { b.Articles[0].Mentions[0].Key = "org:x" }, "mention"},
		{"name over cap", func(b *Batch) { b.Articles[0].Entities[0].Name = strings.Repeat("x", MaxNameBytes+1) }, "name"},
		{"evidence over cap", func(b *Batch) { b.Articles[0].Claims[0].Evidence = strings.Repeat("x", MaxEvidenceBytes+1) }, "cap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Batch{Articles: []Article{validArticle()}}
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
}

func TestTruncate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{{"hello", 10, "hello"}, {"hello", 3, "hel"}, {"héllo", 2, "h"}, {"日本", 4, "日"}} {
		if got := Truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
