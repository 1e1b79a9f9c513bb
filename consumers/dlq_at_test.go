package consumers

import "testing"

func TestParseDeadLetterAt(t *testing.T) {
	for in, want := range map[string]string{"0/12": DeadLetterAt(0, 12), "3/0": DeadLetterAt(3, 0)} {
		if got, err := ParseDeadLetterAt(in); err != nil || got != want {
			t.Errorf("ParseDeadLetterAt(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "12", "0/", "/1", "a/1", "-1/2", "0/1/2", "99999999999/1", "0/99999999999999999999"} {
		if got, err := ParseDeadLetterAt(bad); err == nil {
			t.Errorf("ParseDeadLetterAt(%q) = %q, want an error", bad, got)
		}
	}
}

func TestIsReason(t *testing.T) {
	if !IsReason(string(ReasonTooBig)) || IsReason("no-such-reason") {
		t.Errorf("IsReason does not tell the reasons from others")
	}
	if len(ReasonNames()) != len(Reasons) {
		t.Errorf("ReasonNames has %d names for %d reasons", len(ReasonNames()), len(Reasons))
	}
}
