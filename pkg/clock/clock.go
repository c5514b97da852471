// Package clock lets services take time as a dependency, so that replay can
// drive the pipeline on a virtual clock and produce the same output every run.
package clock

import (
	"sync"
	"time"
)

// Clock tells the time and waits.
type Clock interface {
	// Now is the current time.
	Now() time.Time
	// After delivers the time on the returned channel once d has passed.
	After(d time.Duration) <-chan time.Time
	// Until delivers the time once the clock reads t or later. Unlike
	// After(t.Sub(Now())), it cannot fire late when the clock moves between
	// the two calls.
	Until(t time.Time) <-chan time.Time
}

// Real is the wall clock.
type Real struct{}

// Now returns time.Now().
func (Real) Now() time.Time { return time.Now() }

// After returns time.After(d).
func (Real) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Until returns time.After(time.Until(t)).
func (Real) Until(t time.Time) <-chan time.Time { return time.After(time.Until(t)) }

// Virtual is a manually advanced clock. Waiters registered with After fire
// when Set or Advance moves the clock past their deadline.
type Virtual struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

// NewVirtual returns a virtual clock set to start.
func NewVirtual(start time.Time) *Virtual { return &Virtual{now: start} }

// Now returns the virtual time.
func (v *Virtual) Now() time.Time {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.now
}

// After returns a channel that receives the virtual time once the clock has
// been advanced by at least d.
func (v *Virtual) After(d time.Duration) <-chan time.Time {
	v.mu.Lock()
	defer v.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- v.now
		return ch
	}
	v.waiters = append(v.waiters, waiter{at: v.now.Add(d), ch: ch})
	return ch
}

// Until returns a channel that receives the virtual time once the clock
// reads t or later.
func (v *Virtual) Until(t time.Time) <-chan time.Time {
	v.mu.Lock()
	defer v.mu.Unlock()
	ch := make(chan time.Time, 1)
	if !t.After(v.now) {
		ch <- v.now
		return ch
	}
	v.waiters = append(v.waiters, waiter{at: t, ch: ch})
	return ch
}

// Advance moves the clock forward by d.
func (v *Virtual) Advance(d time.Duration) { v.Set(v.Now().Add(d)) }

// Set moves the clock to t (never backwards) and fires due waiters.
func (v *Virtual) Set(t time.Time) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if t.After(v.now) {
		v.now = t
	}
	kept := v.waiters[:0]
	for _, w := range v.waiters {
		if !w.at.After(v.now) {
			w.ch <- v.now
			continue
		}
		kept = append(kept, w)
	}
	v.waiters = kept
}

// NextDeadline reports the earliest pending waiter's deadline.
func (v *Virtual) NextDeadline() (time.Time, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	var next time.Time
	for _, w := range v.waiters {
		if next.IsZero() || w.at.Before(next) {
			next = w.at
		}
	}
	return next, !next.IsZero()
}
