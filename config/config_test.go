package config

import (
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/newsgraph/kg/consumers"
)

// The defaults of the KG_* variables (the default: tags, which --help
// prints) are those package consumers takes for a zero field: a worker run
// without the variable behaves as --help says.
func TestConfigDefaultsMatchConsumers(t *testing.T) {
	// ParserConcurrency is per worker in kg (requests to the parser) and
	// per partition in consumers (articles extracted at once); kg passes
	// twice its value.
	differ := map[string]bool{"ParserConcurrency": true}
	want := reflect.ValueOf(consumers.Defaults())
	env := reflect.TypeOf(Config{})
	compared := 0
	for i := range env.NumField() {
		f := env.Field(i)
		tag, ok := f.Tag.Lookup("default")
		if !ok || differ[f.Name] {
			continue
		}
		w := want.FieldByName(f.Name)
		if !w.IsValid() || w.IsZero() {
			continue // a setting of kg's own, or one consumers takes as given
		}
		var got any
		var err error
		switch w.Interface().(type) {
		case time.Duration:
			got, err = time.ParseDuration(tag)
		case int:
			got, err = strconv.Atoi(tag)
		case float64:
			got, err = strconv.ParseFloat(tag, 64)
		default:
			t.Errorf("%s: default of type %s not compared", f.Name, w.Type())
			continue
		}
		if err != nil {
			t.Errorf("%s: default %q: %v", f.Name, tag, err)
			continue
		}
		if got != w.Interface() {
			t.Errorf("KG_%s default %q = %v, consumers.Defaults().%s = %v", f.Tag.Get("envconfig"), tag, got, f.Name, w.Interface())
		}
		compared++
	}
	// BatchMaxMessages, BatchMaxBytes, BatchLinger, WriteConcurrency,
	// MaxMessageBytes, DLQMaxShare, ShutdownTimeout, SessionTimeout,
	// StallTimeout, DeadLetterMaxBytes.
	if compared < 10 {
		t.Errorf("compared %d defaults, want the 10 that kg and consumers share", compared)
	}
}

// Every setting of the consumer loop that has a default and a KG_
// variable is passed on from the environment: none is left at zero by
// Consumers.
func TestConsumersPassesEverySetting(t *testing.T) {
	t.Setenv("KG_PARSER_CONCURRENCY", "3")
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	got := reflect.ValueOf(c.Consumers())
	def := reflect.ValueOf(consumers.Defaults())
	for i := range def.NumField() {
		name := def.Type().Field(i).Name
		if _, ok := reflect.TypeOf(c).FieldByName(name); !ok {
			continue // consumers' own default, with no variable
		}
		if !def.Field(i).IsZero() && got.FieldByName(name).IsZero() {
			t.Errorf("Consumers().%s is zero", name)
		}
	}
	if n := c.Consumers().ParserConcurrency; n != 6 {
		t.Errorf("Consumers().ParserConcurrency = %d, want twice KG_PARSER_CONCURRENCY (6)", n)
	}
}

func TestDeadLetterTopics(t *testing.T) {
	c := Config{ArticlesTopic: "a", EventsTopic: "e"}
	if got := c.DeadLetterTopics("x.dlq"); !reflect.DeepEqual(got, []string{"x.dlq"}) {
		t.Errorf("with --topic: %v", got)
	}
	if got, want := c.DeadLetterTopics(""), consumers.DeadLetterTopics("a", "e"); !reflect.DeepEqual(got, want) || len(got) == 0 {
		t.Errorf("without --topic: %v, want %v", got, want)
	}
}
