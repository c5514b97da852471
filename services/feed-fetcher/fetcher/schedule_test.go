package fetcher

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/natstest"
)

func TestNextPoll(t *testing.T) {
	base := 5 * time.Minute
	within := func(got, want time.Duration) bool { return got >= want*9/10 && got <= want*11/10+time.Second }
	t.Run("backoff doubles up to the cap", func(t *testing.T) {
		st := &State{}
		var last time.Duration
		for f := 1; f <= 12; f++ {
			st.Failures = f
			d := nextPoll(t0, base, time.Hour, st, outcome{}, "k").Sub(t0)
			want := min(base<<(f-1), time.Hour)
			if !within(d, want) {
				t.Fatalf("failure %d: delay %s, want about %s", f, d, want)
			}
			last = d
		}
		if last > time.Hour*11/10 {
			t.Fatalf("cap exceeded: %s", last)
		}
	})
	t.Run("adaptive interval stays in bounds", func(t *testing.T) {
		st := &State{}
		for range 20 {
			nextPoll(t0, base, time.Hour, st, outcome{ok: true, newItems: 3}, "k")
		}
		if st.Interval != base/2 {
			t.Fatalf("busy feed interval %s, want %s", st.Interval, base/2)
		}
		for range 40 {
			nextPoll(t0, base, time.Hour, st, outcome{ok: true}, "k")
		}
		if st.Interval != 4*base {
			t.Fatalf("quiet feed interval %s, want %s", st.Interval, 4*base)
		}
		st = &State{}
		for range 20 {
			nextPoll(t0, time.Minute, time.Hour, st, outcome{ok: true, newItems: 1}, "k")
		}
		if st.Interval < time.Minute {
			t.Fatalf("interval below the floor: %s", st.Interval)
		}
	})
	t.Run("hints and Retry-After are never undercut by jitter", func(t *testing.T) {
		for i := range 50 {
			key := string(rune('a' + i))
			d := nextPoll(t0, base, time.Hour, &State{}, outcome{ok: true, hint: 40 * time.Minute}, key).Sub(t0)
			if d < 40*time.Minute {
				t.Fatalf("hint undercut: %s", d)
			}
			d = nextPoll(t0, base, time.Hour, &State{Failures: 1}, outcome{retryAfter: 3 * time.Hour}, key).Sub(t0)
			if d < 3*time.Hour {
				t.Fatalf("Retry-After undercut: %s", d)
			}
		}
		d := nextPoll(t0, base, time.Hour, &State{}, outcome{ok: true, hint: 100 * time.Hour}, "k").Sub(t0)
		if d > maxHint*11/10 {
			t.Fatalf("hint not capped: %s", d)
		}
	})
}

func TestCacheHint(t *testing.T) {
	h := http.Header{}
	h.Set("Cache-Control", "public, max-age=900")
	if got := cacheHint(h, t0); got != 15*time.Minute {
		t.Fatalf("max-age: %s", got)
	}
	h = http.Header{}
	h.Set("Date", t0.Format(http.TimeFormat))
	h.Set("Expires", t0.Add(20*time.Minute).Format(http.TimeFormat))
	if got := cacheHint(h, t0.Add(time.Hour)); got != 20*time.Minute {
		t.Fatalf("Expires: %s", got)
	}
}

// TestSchedulerOnVirtualClock drives the scheduler alone: polls happen
// only when the virtual clock reaches them, in due order.
func TestSchedulerOnVirtualClock(t *testing.T) {
	clk := clock.NewVirtual(t0)
	var mu sync.Mutex
	var order []string
	poll := func(_ context.Context, fr *feedRun) bool {
		mu.Lock()
		order = append(order, fr.key)
		mu.Unlock()
		fr.due = clk.Now().Add(10 * time.Minute)
		return true
	}
	feeds := []*feedRun{
		{key: "late", due: t0.Add(3 * time.Minute)},
		{key: "early", due: t0.Add(time.Minute)},
	}
	s := newScheduler(clk, poll, feeds)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	step := func(d time.Duration) {
		clk.Advance(d)
		eventually(t, "scheduler", func() bool { return s.caughtUp(clk.Now()) })
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(order) }
	step(30 * time.Second)
	if count() != 0 {
		t.Fatal("polled before due")
	}
	step(time.Minute)
	step(time.Minute)
	if count() != 1 {
		t.Fatalf("polls = %d after 2.5 min, want 1", count())
	}
	for range 11 {
		step(time.Minute)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(order) != 4 || order[0] != "early" || order[1] != "late" || order[2] != "early" {
		t.Fatalf("order %v", order)
	}
}

// TestPerHostLimit puts 40 feeds on one host: at most one request runs at
// a time.
func TestPerHostLimit(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	srv := newFeedServer(t)
	var paths []string
	for i := range 40 {
		p := "/h" + string(rune('A'+i))
		paths = append(paths, p)
		srv.set(p, rssDoc("H", [3]string{"x" + p, "X", "Tue, 10 Jun 2025 08:00:00 GMT"}))
	}
	srv.handle("/slow", nil)
	clk := clock.NewVirtual(t0)
	svc := startService(t, js, nc, testConfig(feedsOn(srv, paths...)), clk)
	svc.advance(time.Minute)
	total := 0
	for _, p := range paths {
		total += srv.hitCount(p)
	}
	if total != 40 {
		t.Fatalf("requests = %d, want 40", total)
	}
	if m := srv.maxIn.Load(); m != 1 {
		t.Fatalf("max concurrent requests on one host = %d, want 1", m)
	}
}
