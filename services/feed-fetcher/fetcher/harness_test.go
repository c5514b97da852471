package fetcher

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
)

var t0 = time.Date(2025, 6, 10, 12, 0, 0, 0, time.UTC)

// feedServer serves feed documents that tests can change, with ETags, and
// counts requests per path.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	docs     map[string]string
	handlers map[string]http.HandlerFunc
	hits     map[string]int
	inflight atomic.Int32
	maxIn    atomic.Int32
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{docs: map[string]string{}, handlers: map[string]http.HandlerFunc{}, hits: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) serve(w http.ResponseWriter, r *http.Request) {
	n := fs.inflight.Add(1)
	defer fs.inflight.Add(-1)
	for {
		m := fs.maxIn.Load()
		if n <= m || fs.maxIn.CompareAndSwap(m, n) {
			break
		}
	}
	fs.mu.Lock()
	fs.hits[r.URL.Path]++
	h := fs.handlers[r.URL.Path]
	doc, ok := fs.docs[r.URL.Path]
	fs.mu.Unlock()
	if h != nil {
		h(w, r)
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	etag := `"` + events.StableID(doc)[:12] + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	_, _ = io.WriteString(w, doc)
}

func (fs *feedServer) set(path, doc string) {
	fs.mu.Lock()
	fs.docs[path] = doc
	fs.mu.Unlock()
}

func (fs *feedServer) handle(path string, h http.HandlerFunc) {
	fs.mu.Lock()
	fs.handlers[path] = h
	fs.mu.Unlock()
}

func (fs *feedServer) hitCount(path string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.hits[path]
}

// published collects every publish attempt on news.items (a core
// subscription sees re-publishes that JetStream would de-duplicate).
type published struct {
	mu   sync.Mutex
	msgs []*nats.Msg
}

func subscribe(t *testing.T, nc *nats.Conn) *published {
	p := &published{}
	sub, err := nc.Subscribe(events.SubjectItems, func(m *nats.Msg) {
		p.mu.Lock()
		p.msgs = append(p.msgs, m)
		p.mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Unsubscribe() })
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *published) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.msgs)
}

func (p *published) items(t *testing.T) []events.FeedItem {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []events.FeedItem
	for _, m := range p.msgs {
		var it events.FeedItem
		if err := json.Unmarshal(m.Data, &it); err != nil {
			t.Fatal(err)
		}
		out = append(out, it)
	}
	return out
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		<-tick.C
	}
}

// service is one running fetcher on a virtual clock.
type service struct {
	t      *testing.T
	clk    *clock.Virtual
	r      *runner
	cancel context.CancelFunc
	done   chan error
}

func testConfig(list *feedlist.List) Config {
	cfg := DefaultConfig()
	cfg.List = list
	cfg.Allow = "127.0.0.1/32"
	cfg.RequestTimeout = 2 * time.Second
	cfg.MaxBodyBytes = 2 << 20
	return cfg
}

func startService(t *testing.T, js jetstream.JetStream, nc *nats.Conn, cfg Config, clk *clock.Virtual) *service {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &service{t: t, clk: clk, cancel: cancel, done: make(chan error, 1)}
	d := app.Deps{
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NC: nc, JS: js,
		Registry: prometheus.NewRegistry(), Health: app.NewHealth(), Clock: clk,
		Topology: bus.Default(bus.Options{}),
	}
	r, err := newRunner(ctx, cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	s.r = r
	go func() { r.sched.run(ctx); s.done <- nil }()
	t.Cleanup(s.stop)
	s.settle()
	return s
}

// settle waits until no poll runs and the scheduler waits on the clock.
func (s *service) settle() {
	s.t.Helper()
	eventually(s.t, "scheduler to settle", func() bool { return s.r.sched.caughtUp(s.clk.Now()) })
}

func (s *service) stop() {
	if s.cancel == nil {
		return
	}
	s.cancel()
	<-s.done
	s.cancel = nil
}

// advance moves the virtual clock forward in steps of at most one
// minute, letting every poll that becomes due finish before the next step.
func (s *service) advance(d time.Duration) {
	s.t.Helper()
	for step := time.Duration(0); step < d; step += time.Minute {
		s.clk.Advance(min(time.Minute, d-step))
		s.settle()
	}
}

func rssDoc(title string, items ...[3]string) string {
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>` + title + `</title><link>https://site.example/</link><description>d</description>`
	for _, it := range items {
		doc += `<item><title>` + it[1] + `</title><link>https://site.example/` + it[0] + `</link><guid>` + it[0] +
			`</guid><pubDate>` + it[2] + `</pubDate><description>About ` + it[1] + `</description></item>`
	}
	return doc + `</channel></rss>`
}

func feedsOn(srv *feedServer, paths ...string) *feedlist.List {
	l := &feedlist.List{Version: 1}
	for _, p := range paths {
		l.Feeds = append(l.Feeds, feedlist.Feed{Name: p, URL: srv.URL + p})
	}
	return l
}

func mustKV(t *testing.T, js jetstream.JetStream, bucket string) jetstream.KeyValue {
	t.Helper()
	kv, err := js.KeyValue(context.Background(), bucket)
	if err != nil {
		t.Fatal(err)
	}
	return kv
}
