package consumers

import (
	"bytes"
	"context"
	"testing"
)

func TestDryRunPrintsValuesAndTombstones(t *testing.T) {
	var out bytes.Buffer
	d := NewDryRun(&out, "articles")
	err := d.Publish(context.Background(), []Message{{Key: []byte("a"), Value: []byte(`{"id":"a"}`)}, {Key: []byte("b")}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "{\"id\":\"a\"}\n{\"tombstone\":\"b\"}\n"; out.String() != want || d.Topic() != "articles" {
		t.Errorf("dry run printed %q for %q, want %q for articles", out.String(), d.Topic(), want)
	}
}
