package retry

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestWaitDoublesUpToMax(t *testing.T) {
	tests := []struct {
		p    Policy
		want []time.Duration
	}{
		{Policy{First: 100 * time.Millisecond, Max: time.Second},
			[]time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second, time.Second}},
		{Policy{First: time.Second, Max: 30 * time.Second},
			[]time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}},
		// No cap, or a cap under First: every wait is First.
		{Policy{First: 500 * time.Millisecond},
			[]time.Duration{500 * time.Millisecond, 500 * time.Millisecond, 500 * time.Millisecond}},
		{Policy{First: time.Second, Max: time.Millisecond}, []time.Duration{time.Second, time.Second}},
	}
	for _, tt := range tests {
		for i, want := range tt.want {
			if got := tt.p.Wait(i + 1); got != want {
				t.Errorf("%+v: Wait(%d) = %s, want %s", tt.p, i+1, got, want)
			}
		}
	}
}

func TestDoRetriesUntilSuccess(t *testing.T) {
	fail := errors.New("down")
	calls := 0
	var notified []int
	var waits []time.Duration
	err := Do(context.Background(), Policy{First: time.Millisecond, Max: 4 * time.Millisecond}, func() error {
		calls++
		if calls < 5 {
			return fail
		}
		return nil
	}, func(err error, try int, wait time.Duration) {
		if !errors.Is(err, fail) {
			t.Errorf("notified of %v, want %v", err, fail)
		}
		notified = append(notified, try)
		waits = append(waits, wait)
	})
	if err != nil {
		t.Fatalf("Do = %v, want nil", err)
	}
	if calls != 5 {
		t.Errorf("tries = %d, want 5", calls)
	}
	if want := []int{1, 2, 3, 4}; !slices.Equal(notified, want) {
		t.Errorf("notified tries = %v, want %v", notified, want)
	}
	if want := []time.Duration{time.Millisecond, 2 * time.Millisecond, 4 * time.Millisecond, 4 * time.Millisecond}; !slices.Equal(waits, want) {
		t.Errorf("waits = %v, want %v", waits, want)
	}
}

func TestDoStopsAtTriesAndStop(t *testing.T) {
	fail := errors.New("busy")
	calls, notes := 0, 0
	err := Do(context.Background(), Policy{First: time.Millisecond, Tries: 3}, func() error { calls++; return fail },
		func(error, int, time.Duration) { notes++ })
	if err != fail || calls != 3 || notes != 2 {
		t.Errorf("Tries 3: err %v, %d tries, %d notices; want %v, 3 tries, 2 notices", err, calls, notes, fail)
	}

	bad := errors.New("refused")
	calls = 0
	err = Do(context.Background(), Policy{First: time.Millisecond}, func() error { calls++; return Stop(bad) }, nil)
	if err != bad || calls != 1 {
		t.Errorf("Stop: err %v after %d tries, want %v (unmarked) after 1", err, calls, bad)
	}
	if Stop(nil) != nil {
		t.Error("Stop(nil) is not nil")
	}
}

func TestDoEndsWithContext(t *testing.T) {
	fail := errors.New("down")
	// ctx ends during a wait: ctx.Err().
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := Do(ctx, Policy{First: time.Hour}, func() error { calls++; return fail },
		func(error, int, time.Duration) { cancel() })
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("cancelled in the wait: err %v after %d tries, want %v after 1", err, calls, context.Canceled)
	}
	// ctx ended when the try failed: that try's error, and no notice.
	ctx, cancel = context.WithCancel(context.Background())
	notes := 0
	err = Do(ctx, Policy{First: time.Hour}, func() error { cancel(); return fail },
		func(error, int, time.Duration) { notes++ })
	if err != fail || notes != 0 {
		t.Errorf("cancelled in the try: err %v with %d notices, want %v with none", err, notes, fail)
	}
}

func TestJitterStaysBetweenHalfAndAll(t *testing.T) {
	p := Policy{First: 10 * time.Millisecond, Max: 10 * time.Millisecond, Tries: 50, Jitter: true}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var waits []time.Duration
	Do(ctx, p, func() error { return errors.New("x") }, func(_ error, _ int, wait time.Duration) {
		waits = append(waits, wait)
		if len(waits) == 20 {
			cancel()
		}
	})
	if len(waits) != 20 {
		t.Fatalf("%d waits, want 20", len(waits))
	}
	for _, w := range waits {
		if w < 5*time.Millisecond || w > 10*time.Millisecond {
			t.Errorf("jittered wait %s outside [5ms, 10ms]", w)
		}
	}
}
