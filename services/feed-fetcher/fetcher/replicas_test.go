package fetcher

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
)

// hitLog serves fixed feed documents with ETags and records, per path,
// the virtual time of every request and the most requests in flight at
// once.
type hitLog struct {
	clk *clock.Virtual
	mu  sync.Mutex
	at  map[string][]time.Time
	in  map[string]int
	max map[string]int
}

func newHitLog(clk *clock.Virtual) *hitLog {
	return &hitLog{clk: clk, at: map[string][]time.Time{}, in: map[string]int{}, max: map[string]int{}}
}

// serve answers path with doc; block, when not nil, holds the first
// request until it is closed.
func (h *hitLog) serve(path, doc string, block chan struct{}) http.HandlerFunc {
	etag := `"` + events.StableID(doc)[:12] + `"`
	return func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.at[path] = append(h.at[path], h.clk.Now())
		first := len(h.at[path]) == 1
		h.in[path]++
		h.max[path] = max(h.max[path], h.in[path])
		h.mu.Unlock()
		defer func() {
			h.mu.Lock()
			h.in[path]--
			h.mu.Unlock()
		}()
		if first && block != nil {
			select {
			case <-block:
			case <-r.Context().Done():
			}
			return
		}
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = io.WriteString(w, doc)
	}
}

func (h *hitLog) times(path string) []time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]time.Time(nil), h.at[path]...)
}

func (h *hitLog) maxInFlight(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.max[path]
}

// advanceAll moves the shared clock in one-minute steps, letting every
// live service finish what became due before the next step.
func advanceAll(clk *clock.Virtual, d time.Duration, svcs ...*service) {
	for step := time.Duration(0); step < d; step += time.Minute {
		clk.Advance(min(time.Minute, d-step))
		for _, s := range svcs {
			s.settle()
		}
	}
}

func replicaConfig(srv *feedServer, paths []string, id string) Config {
	cfg := testConfig(feedsOn(srv, paths...))
	cfg.FixedInterval = true
	cfg.ReplicaID = id
	return cfg
}

// TestReplicasPollEachFeedOnce runs two fetchers on one NATS server and one
// feed server: every feed is fetched once per interval (never by both,
// never twice at once), and when one replica stops the other polls
// everything.
func TestReplicasPollEachFeedOnce(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	ncA, jsA := ns.Connect(t)
	clk := clock.NewVirtual(t0)
	hits := newHitLog(clk)
	srv := newFeedServer(t)
	var paths []string
	for i := range 8 {
		p := fmt.Sprintf("/r%d", i)
		paths = append(paths, p)
		srv.handle(p, hits.serve(p, rssDoc("Feed "+p, [3]string{"a" + p, "Entry " + p, "Tue, 10 Jun 2025 08:00:00 GMT"}), nil))
	}
	pub := subscribe(t, nc)
	a := startService(t, jsA, ncA, replicaConfig(srv, paths, "replica-a"), clk)
	b := startService(t, js, nc, replicaConfig(srv, paths, "replica-b"), clk)

	advanceAll(clk, 40*time.Minute, a, b)
	stoppedAt := clk.Now()
	a.stop()
	advanceAll(clk, 30*time.Minute, b)

	for _, p := range paths {
		at := hits.times(p)
		if hits.maxInFlight(p) != 1 {
			t.Errorf("%s: %d fetches at once", p, hits.maxInFlight(p))
		}
		for i := 1; i < len(at); i++ {
			// The interval is 5 minutes with at most 10% jitter.
			if gap := at[i].Sub(at[i-1]); gap < 4*time.Minute {
				t.Errorf("%s fetched %s after the previous fetch (at %s): polled twice in one interval",
					p, gap, at[i].Sub(t0))
			}
		}
		// 70 minutes at about 5 minutes each: 13 to 15 polls, never fewer
		// after the stop.
		if len(at) < 12 || len(at) > 15 {
			t.Errorf("%s fetched %d times in 70 minutes", p, len(at))
		}
		after := 0
		for _, x := range at {
			if x.After(stoppedAt) {
				after++
			}
		}
		if after < 5 {
			t.Errorf("%s fetched %d times in the 30 minutes after replica A stopped", p, after)
		}
	}
	if pub.count() != len(paths) {
		t.Fatalf("published %d entries, want %d (one per feed)", pub.count(), len(paths))
	}
	t.Logf("claims won: replica A %v, replica B %v", a.r.poller.m.claimCount("won"), b.r.poller.m.claimCount("won"))
}

// TestDeadReplicaLeaseExpires stops a replica mid-poll without letting it
// release its lease (its NATS connection is gone): the other replica
// leaves the feed alone until the lease expires, then takes it over.
func TestDeadReplicaLeaseExpires(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	ncA, jsA := ns.Connect(t)
	clk := clock.NewVirtual(t0)
	hits := newHitLog(clk)
	srv := newFeedServer(t)
	unblock := make(chan struct{})
	paths := []string{"/slow", "/quick"}
	srv.handle("/slow", hits.serve("/slow", rssDoc("Slow", [3]string{"s1", "Slow entry", "Tue, 10 Jun 2025 08:00:00 GMT"}), unblock))
	srv.handle("/quick", hits.serve("/quick", rssDoc("Quick", [3]string{"q1", "Quick entry", "Tue, 10 Jun 2025 08:00:00 GMT"}), nil))

	a := startService(t, jsA, ncA, replicaConfig(srv, paths, "replica-a"), clk)
	clk.Advance(time.Minute)
	eventually(t, "replica A to hang on /slow", func() bool { return len(hits.times("/slow")) == 1 })
	st, err := stateStore{kv: mustKV(t, js, bus.BucketFeedState)}.get(context.Background(), srv.URL+"/slow")
	if err != nil || st.LeaseOwner != "replica-a" {
		t.Fatalf("state of /slow while polled: %+v %v", st, err)
	}
	leaseEnd := st.LeaseUntil

	b := startService(t, js, nc, replicaConfig(srv, paths, "replica-b"), clk)
	// Replica A dies: no connection to write its release with.
	ncA.Close()
	a.r.sched.grace = 0
	a.stop()
	close(unblock)

	for clk.Now().Before(leaseEnd) {
		if n := len(hits.times("/slow")); n != 1 {
			t.Fatalf("/slow fetched %d times before the dead replica's lease ended", n)
		}
		advanceAll(clk, time.Minute, b)
	}
	advanceAll(clk, 6*time.Minute, b)
	at := hits.times("/slow")
	if len(at) < 2 || at[1].Before(leaseEnd) {
		t.Fatalf("/slow fetches at %v, want a second one after the lease ended at %v", at, leaseEnd)
	}
	st, err = stateStore{kv: mustKV(t, js, bus.BucketFeedState)}.get(context.Background(), srv.URL+"/slow")
	if err != nil || st.LeaseOwner != "" || st.Polls < 1 || !st.NextPoll.After(clk.Now()) {
		t.Fatalf("state of /slow after the takeover: %+v %v", st, err)
	}
	if len(hits.times("/quick")) < 2 {
		t.Fatalf("/quick fetched %d times", len(hits.times("/quick")))
	}
}
