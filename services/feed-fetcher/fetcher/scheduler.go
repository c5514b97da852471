package fetcher

import (
	"container/heap"
	"context"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
)

// feedHeap orders feeds by due time.
type feedHeap []*feedRun

func (h feedHeap) Len() int { return len(h) }
func (h feedHeap) Less(i, j int) bool {
	if h[i].due.Equal(h[j].due) {
		return h[i].key < h[j].key
	}
	return h[i].due.Before(h[j].due)
}
func (h feedHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *feedHeap) Push(x any) {
	fr := x.(*feedRun)
	fr.index = len(*h)
	*h = append(*h, fr)
}
func (h *feedHeap) Pop() any {
	old := *h
	fr := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	fr.index = -1
	return fr
}

// scheduler starts each feed's poll when it is due, on the given clock (a
// virtual clock in replay and tests). A feed is out of the heap while its
// poll runs, so one feed is never polled twice at once.
type scheduler struct {
	clock clock.Clock
	poll  func(ctx context.Context, fr *feedRun) bool
	// grace is how long in-flight polls may finish after ctx ends.
	grace time.Duration

	mu   sync.Mutex
	h    feedHeap
	wake chan struct{}
	// active counts feeds still scheduled (a disabled feed leaves).
	active int
}

func newScheduler(clk clock.Clock, poll func(context.Context, *feedRun) bool, feeds []*feedRun) *scheduler {
	s := &scheduler{clock: clk, poll: poll, grace: 10 * time.Second, wake: make(chan struct{}, 1)}
	for _, fr := range feeds {
		heap.Push(&s.h, fr)
	}
	s.active = len(feeds)
	return s
}

func (s *scheduler) push(fr *feedRun) {
	s.mu.Lock()
	heap.Push(&s.h, fr)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// run dispatches due polls until ctx ends, then lets in-flight polls
// finish for up to grace before cancelling them.
func (s *scheduler) run(ctx context.Context) {
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	var wg sync.WaitGroup
	for {
		now := s.clock.Now()
		var wait <-chan time.Time
		s.mu.Lock()
		for s.h.Len() > 0 && !s.h[0].due.After(now) {
			fr := heap.Pop(&s.h).(*feedRun)
			wg.Add(1)
			go func() {
				defer wg.Done()
				if !s.poll(work, fr) || ctx.Err() != nil {
					return
				}
				if fr.st.Disabled {
					s.mu.Lock()
					s.active--
					s.mu.Unlock()
					return
				}
				s.push(fr)
			}()
		}
		if s.h.Len() > 0 {
			// An absolute deadline: the clock may have moved since now was
			// read (replay sets it from another goroutine), and a wait
			// computed from the old reading would fire late.
			wait = s.clock.Until(s.h[0].due)
		}
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			done := make(chan struct{})
			go func() { wg.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(s.grace):
				cancelWork()
				<-done
			}
			return
		case <-wait:
		case <-s.wake:
		}
	}
}

// caughtUp reports whether the scheduler has dispatched everything due at
// now and no poll is running.
func (s *scheduler) caughtUp(now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.h.Len() == s.active && (s.h.Len() == 0 || s.h[0].due.After(now))
}
