package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/kg/consumers"
)

func TestDeadLettersCountsAndLists(t *testing.T) {
	letters := []consumers.DeadLetter{
		{Partition: 0, Offset: 1, Key: []byte("a"), Value: []byte("x\x00y"), Reason: "not-json", Topic: "articles"},
		{Partition: 0, Offset: 2, Key: []byte("b"), Reason: "not-json", Topic: "articles", Replayed: true},
	}
	var counted bytes.Buffer
	r := NewDeadLetters(&counted, false, false)
	for _, d := range letters {
		r.Add("articles.dlq", d)
	}
	r.Finish([]string{"articles.dlq"})
	for _, want := range []string{"TOPIC  ", "articles.dlq  not-json  1     1", "articles.dlq: 1 open dead letters, 1 replayed\n"} {
		if !strings.Contains(counted.String(), want) {
			t.Errorf("counts lack %q:\n%s", want, counted.String())
		}
	}
	var listed bytes.Buffer
	r = NewDeadLetters(&listed, false, true) // --show-value implies --list
	for _, d := range letters {
		r.Add("articles.dlq", d)
	}
	r.Finish([]string{"articles.dlq"})
	for _, want := range []string{"0/1", "open", "replayed", `value (3 bytes): "x\x00y"`} {
		if !strings.Contains(listed.String(), want) {
			t.Errorf("list lacks %q:\n%s", want, listed.String())
		}
	}
}
