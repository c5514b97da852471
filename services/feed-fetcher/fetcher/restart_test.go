package fetcher

import (
	"fmt"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/natstest"
)

// TestRestartResumesWithoutBurstOrDuplicates stops the fetcher and the
// NATS server mid-schedule, starts both again on the same store and checks
// that no feed is polled before its stored time and nothing is published
// twice.
func TestRestartResumesWithoutBurstOrDuplicates(t *testing.T) {
	dir := t.TempDir()
	srv := newFeedServer(t)
	var paths []string
	for i := range 20 {
		p := fmt.Sprintf("/f%d", i)
		paths = append(paths, p)
		srv.set(p, rssDoc("Feed "+p, [3]string{"a" + p, "First " + p, "Tue, 10 Jun 2025 08:00:00 GMT"},
			[3]string{"b" + p, "Second " + p, "Tue, 10 Jun 2025 09:00:00 GMT"}))
	}
	list := feedsOn(srv, paths...)

	ns := natstest.StartDir(t, dir)
	nc, js := ns.Topology(t)
	pub := subscribe(t, nc)
	clk := clock.NewVirtual(t0)
	svc := startService(t, js, nc, testConfig(list), clk)
	svc.advance(time.Minute)
	if pub.count() != 40 {
		t.Fatalf("first polls published %d, want 40", pub.count())
	}
	svc.advance(2 * time.Minute) // mid-schedule: no feed is due again yet
	hits := map[string]int{}
	for _, p := range paths {
		hits[p] = srv.hitCount(p)
	}
	svc.stop()
	nc.Close()
	ns.Shutdown()
	ns.WaitForShutdown()

	// Every document changes in a way that is not material (new ETag, same
	// entries): a fresh fetch must not publish anything again.
	for _, p := range paths {
		srv.set(p, rssDoc("Feed "+p+" (renamed)", [3]string{"a" + p, "First " + p, "Tue, 10 Jun 2025 08:00:00 GMT"},
			[3]string{"b" + p, "Second " + p, "Tue, 10 Jun 2025 09:00:00 GMT"}))
	}
	ns2 := natstest.StartDir(t, dir)
	nc2, js2 := ns2.Topology(t)
	pub2 := subscribe(t, nc2)
	clk2 := clock.NewVirtual(clk.Now())
	svc2 := startService(t, js2, nc2, testConfig(list), clk2)
	for _, p := range paths {
		if srv.hitCount(p) != hits[p] {
			t.Fatalf("%s polled at restart before its time", p)
		}
	}
	// Within the next interval (at most 5m + 10% jitter) every feed is
	// polled exactly once.
	svc2.advance(4 * time.Minute)
	for _, p := range paths {
		if got := srv.hitCount(p) - hits[p]; got != 1 {
			t.Errorf("%s polled %d times after restart, want 1", p, got)
		}
	}
	if pub2.count() != 0 {
		t.Fatalf("restart re-published %d entries", pub2.count())
	}
}
