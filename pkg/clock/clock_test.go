package clock

import (
	"testing"
	"time"
)

func fired(ch <-chan time.Time) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func TestVirtualUntil(t *testing.T) {
	start := time.Date(2025, 11, 18, 4, 0, 0, 0, time.UTC)
	v := NewVirtual(start)
	due := start.Add(time.Minute)
	ch := v.Until(due)
	v.Set(start.Add(59 * time.Second))
	if fired(ch) {
		t.Fatal("Until fired before its deadline")
	}
	v.Set(due)
	if !fired(ch) {
		t.Fatal("Until did not fire at its deadline")
	}
	if !fired(v.Until(start)) {
		t.Fatal("Until of a past time did not fire at once")
	}
}

// The race Until exists for: a caller reads Now, another goroutine moves
// the clock past the caller's deadline, then the caller starts waiting.
// After(deadline - staleNow) waits past the deadline; Until does not.
func TestVirtualUntilAfterTheClockMoved(t *testing.T) {
	start := time.Date(2025, 11, 18, 4, 0, 0, 0, time.UTC)
	v := NewVirtual(start)
	due := start.Add(time.Second)
	stale := v.Now()
	v.Set(due) // the replay walker moves the clock to the due poll
	late := v.After(due.Sub(stale))
	if fired(late) {
		t.Fatal("After from a stale reading fired; the race this test documents is gone")
	}
	if !fired(v.Until(due)) {
		t.Fatal("Until missed a deadline the clock had already reached")
	}
}
