package fetcher

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/pkg/natstest"
)

// TestBadInputIsIsolated serves one good feed and many hostile ones from
// the same server: each hostile feed gets its own classified error, the
// good feed keeps its schedule and the process stays up with bounded
// memory.
func TestBadInputIsIsolated(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	srv := newFeedServer(t)
	good := rssDoc("Good", [3]string{"g1", "Good entry", "Tue, 10 Jun 2025 08:00:00 GMT"})
	srv.set("/good", good)
	srv.set("/malformed", fixture(t, "malformed.xml"))
	srv.set("/html", fixture(t, "page.html"))
	srv.set("/laughs", fixture(t, "billion-laughs.xml"))
	srv.set("/hostile-charset", "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><rss version=\"2.0\"><channel><title>\xff\xfe\x00\x01</title><item><title>Still \xe9 here</title><link>https://x.example/1</link></item></channel></rss>")
	srv.handle("/500", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(500) })
	srv.handle("/429", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "7200")
		w.WriteHeader(429)
	})
	srv.handle("/410", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(410) })
	srv.handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	srv.handle("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv.handle("/stall", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv.handle("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for {
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
		}
	})
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zw.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
	zeros := bytes.Repeat([]byte("A"), 1<<20)
	for range 64 {
		zw.Write(zeros)
	}
	zw.Close()
	srv.handle("/bomb", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	var huge strings.Builder
	huge.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`)
	for i := range 100_000 {
		fmt.Fprintf(&huge, "<item><title>i%d</title><guid>g%d</guid></item>", i, i)
	}
	huge.WriteString("</channel></rss>")
	srv.set("/huge", huge.String())

	want := map[string]string{
		"/malformed": "parse_error", "/html": "not_a_feed", "/500": "http_5xx", "/429": "http_429",
		"/410": "http_410", "/loop": "redirect_loop", "/stall": "timeout", "/trickle": "timeout",
		"/bomb": "too_large",
	}
	paths := []string{"/good", "/laughs", "/hostile-charset", "/huge"}
	for p := range want {
		paths = append(paths, p)
	}
	cfg := testConfig(feedsOn(srv, paths...))
	// Long enough for the 5 MB feed under the race detector, short enough
	// for the stalled and trickling servers to time out quickly.
	cfg.RequestTimeout = 3 * time.Second
	cfg.PerHost = 4
	cfg.MaxBodyBytes = 8 << 20 // the 100,000-entry feed (5 MB) fits, the 64 MB bomb does not
	pub := subscribe(t, nc)
	clk := clock.NewVirtual(t0)
	svc := startService(t, js, nc, cfg, clk)

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	svc.advance(time.Minute)
	kv := stateStore{kv: mustKV(t, js, bus.BucketFeedState)}
	for p, class := range want {
		st, err := kv.get(context.Background(), srv.URL+p)
		if err != nil {
			t.Fatal(err)
		}
		if st.LastErrorClass != class || st.Failures != 1 {
			t.Errorf("%s: class %q failures %d, want %q (%s)", p, st.LastErrorClass, st.Failures, class, st.LastError)
		}
	}
	st, _ := kv.get(context.Background(), srv.URL+"/429")
	if st.NextPoll.Sub(st.LastPoll) < 2*time.Hour {
		t.Errorf("Retry-After 7200 not honoured: next poll in %s", st.NextPoll.Sub(st.LastPoll))
	}
	st, _ = kv.get(context.Background(), srv.URL+"/410")
	if !st.Disabled || st.DisabledReason == "" {
		t.Errorf("410 did not disable the feed: %+v", st)
	}
	for _, p := range []string{"/good", "/laughs", "/hostile-charset", "/huge"} {
		st, _ := kv.get(context.Background(), srv.URL+p)
		if st.LastErrorClass != "" || st.LastSuccess.IsZero() {
			t.Errorf("%s should have succeeded: %q %s", p, st.LastErrorClass, st.LastError)
		}
	}
	// The good feed keeps its schedule while the others fail and back off.
	svc.advance(30 * time.Minute)
	if n := srv.hitCount("/good"); n < 5 {
		t.Errorf("good feed polled %d times in 31 minutes", n)
	}
	if n := srv.hitCount("/500"); n > 4 {
		t.Errorf("failing feed polled %d times: no backoff", n)
	}
	if n := srv.hitCount("/410"); n != 1 {
		t.Errorf("gone feed polled %d times", n)
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 64<<20 {
		t.Errorf("heap grew by %d MiB", grown>>20)
	}
	// The huge feed published only the first-poll share.
	hugeCount := 0
	for _, it := range pub.items(t) {
		if strings.HasSuffix(it.FeedURL, "/huge") {
			hugeCount++
		}
	}
	if hugeCount != cfg.FirstPollItems {
		t.Errorf("huge feed published %d entries, want %d", hugeCount, cfg.FirstPollItems)
	}
	if httpguard.ClassOf(nil) != httpguard.ClassNone {
		t.Fatal("ClassOf(nil)")
	}
}
