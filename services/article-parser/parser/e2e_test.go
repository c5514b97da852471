package parser

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
)

var t0 = time.Date(2026, 2, 10, 10, 0, 0, 0, time.UTC)

// collector gathers the articles published on news.articles.
type collector struct {
	mu   sync.Mutex
	byID map[string]events.Article
	hdr  map[string]nats.Header
}

func collect(t *testing.T, nc *nats.Conn) *collector {
	c := &collector{byID: map[string]events.Article{}, hdr: map[string]nats.Header{}}
	sub, err := nc.Subscribe(events.SubjectArticles, func(m *nats.Msg) {
		var a events.Article
		if err := json.Unmarshal(m.Data, &a); err != nil {
			t.Errorf("undecodable article: %v", err)
			return
		}
		c.mu.Lock()
		c.byID[a.ID] = a
		c.hdr[a.ID] = m.Header
		c.mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Unsubscribe() })
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *collector) get(id string) (events.Article, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.byID[id]
	return a, ok
}

// wait polls until the article of item id arrives or the deadline passes.
func (c *collector) wait(t *testing.T, id string) events.Article {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if a, ok := c.get(id); ok {
			return a
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no article for item %s", id)
	return events.Article{}
}

func publishItem(t *testing.T, js jetstream.JetStream, it events.FeedItem) {
	t.Helper()
	hdr := nats.Header{}
	hdr.Set(bus.HeaderTraceParent, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	_, err := bus.NewPublisher(js, "test", clock.Real{}).Publish(context.Background(), bus.Event{
		Subject: events.SubjectItems, Type: events.TypeFeedItem, Schema: events.SchemaFeedItem,
		ID: it.MsgID(), Data: it, Parent: hdr})
	if err != nil {
		t.Fatal(err)
	}
}

func item(id, link string) events.FeedItem {
	return events.FeedItem{ID: id, Revision: 1, FeedURL: "https://harbourledger.test/feed", FeedName: "Harbour Ledger",
		URL: link, Title: "Feed title " + id, Summary: "Feed summary of " + id + ".",
		Content: "Feed content of " + id + ": the supplier said orders doubled.", PublishedAt: t0, FetchedAt: t0}
}

// startParser runs the service against js until the test ends.
func startParser(t *testing.T, nc *nats.Conn, js jetstream.JetStream, cfg Config) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	d := app.Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NC: nc, JS: js,
		Registry: prometheus.NewRegistry(), Health: app.NewHealth(), Clock: clock.Real{},
		Topology: bus.Default(bus.Options{})}
	go func() { done <- Run(ctx, cfg, d) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
}

func TestEndToEnd(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	s := newSite(t)
	s.html("/robots.txt", "User-agent: *\nDisallow: /private/\n")
	ok := articlePage("Packaging supplier doubles orders", s.URL+"/news/packaging", "Alpha", 8)
	s.html("/news/packaging", ok)
	s.html("/news/paywalled", paywallPage("Tool maker weighs bid"))
	s.html("/private/memo", articlePage("Internal memo", "", "Secret", 8))
	s.html("/amp/news/packaging", strings.Replace(ok, "<html lang", "<html amp lang", 1))
	var busy sync.Mutex
	busyHits := 0
	s.handle("/news/busy", func(w http.ResponseWriter, r *http.Request) {
		busy.Lock()
		busyHits++
		n := busyHits
		busy.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, articlePage("Busy page finally answers", "", "Bravo", 8))
	})
	got := collect(t, nc)
	cfg := DefaultConfig()
	cfg.Allow = "127.0.0.0/8"
	startParser(t, nc, js, cfg)

	publishItem(t, js, item("ok", s.URL+"/news/packaging"))
	a := got.wait(t, "ok")
	if a.Extraction.Method == events.MethodFeed || !strings.Contains(a.Text, "Alpha paragraph 8") || a.WordCount < 200 {
		t.Fatalf("article not extracted: %+v", a.Extraction)
	}
	if a.URL != s.URL+"/news/packaging" || a.Outlet != "Harbour Ledger" || a.Extraction.HTTPStatus != 200 || a.DuplicateOf != "" {
		t.Errorf("article fields: url %q outlet %q status %d dup %q", a.URL, a.Outlet, a.Extraction.HTTPStatus, a.DuplicateOf)
	}
	if tp := got.hdr["ok"].Get(bus.HeaderTraceParent); !strings.HasPrefix(tp, "00-4bf92f3577b34da6a3ce929d0e0e4736-") {
		t.Errorf("traceparent not continued: %q", tp)
	}
	if got.hdr["ok"].Get("Nats-Msg-Id") != "ok-r1" {
		t.Errorf("Nats-Msg-Id %q, want ok-r1", got.hdr["ok"].Get("Nats-Msg-Id"))
	}

	// The same article through a tracking link and through its AMP page.
	publishItem(t, js, item("tracked", s.URL+"/news/packaging?utm_source=feed&utm_medium=rss"))
	publishItem(t, js, item("amp", s.URL+"/amp/news/packaging"))
	publishItem(t, js, item("missing", s.URL+"/news/gone"))
	publishItem(t, js, item("paywalled", s.URL+"/news/paywalled"))
	publishItem(t, js, item("private", s.URL+"/private/memo"))
	publishItem(t, js, item("busy", s.URL+"/news/busy"))

	for _, id := range []string{"tracked", "amp"} {
		d := got.wait(t, id)
		if d.DuplicateOf != "ok" || d.Extraction.Method == events.MethodFeed {
			t.Errorf("%s: duplicate_of %q method %q, want ok and an extraction", id, d.DuplicateOf, d.Extraction.Method)
		}
	}
	fallbacks := map[string]string{"missing": "http_status", "paywalled": "paywall", "private": "robots"}
	for id, reason := range fallbacks {
		f := got.wait(t, id)
		if f.Extraction.Method != events.MethodFeed || f.Extraction.FallbackReason != reason {
			t.Errorf("%s: method %q reason %q (%s), want feed/%s", id, f.Extraction.Method, f.Extraction.FallbackReason, f.Extraction.Detail, reason)
		}
		if f.Text != "Feed content of "+id+": the supplier said orders doubled." {
			t.Errorf("%s: fallback text %q", id, f.Text)
		}
	}
	if got.byIDStatus("missing") != 404 {
		t.Errorf("404 page: status %d", got.byIDStatus("missing"))
	}
	if s.hitCount("/private/memo") != 0 {
		t.Error("robots.txt disallowed page was fetched")
	}
	b := got.wait(t, "busy")
	if b.Extraction.Method == events.MethodFeed || !strings.Contains(b.Text, "Bravo paragraph 1") {
		t.Errorf("429 then 200: %+v", b.Extraction)
	}
	busy.Lock()
	if busyHits != 2 {
		t.Errorf("busy page hit %d times, want 2 (429, then success)", busyHits)
	}
	busy.Unlock()
	if n := s.hitCount("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1 (cached)", n)
	}
	for ua := range s.agents {
		if !strings.HasPrefix(ua, "newsmon/") {
			t.Errorf("User-Agent %q", ua)
		}
	}
}

func (c *collector) byIDStatus(id string) int {
	a, _ := c.get(id)
	return a.Extraction.HTTPStatus
}

// TestMalformedItemDeadLettered checks that an undecodable item is
// terminated (and so lands in the dead-letter stream) while a good item
// behind it is still handled.
func TestMalformedItemDeadLettered(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	s := newSite(t)
	s.html("/news/ok", articlePage("Fine page", "", "Charlie", 6))
	got := collect(t, nc)
	cfg := DefaultConfig()
	cfg.Allow = "127.0.0.0/8"
	startParser(t, nc, js, cfg)

	if _, err := js.Publish(context.Background(), events.SubjectItems, []byte(`{"id": 17, "url": [}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(context.Background(), events.SubjectItems, []byte(`{"url": "https://a.test/x"}`)); err != nil {
		t.Fatal(err)
	}
	publishItem(t, js, item("good", s.URL+"/news/ok"))
	got.wait(t, "good")

	deadline := time.Now().Add(20 * time.Second)
	var dls []bus.DeadLetter
	for time.Now().Before(deadline) {
		var err error
		dls, err = bus.ListDeadLetters(context.Background(), js, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(dls) >= 2 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(dls) != 2 {
		t.Fatalf("dead letters: %+v", dls)
	}
	for _, dl := range dls {
		if dl.Kind != "terminated" || dl.Consumer != bus.ConsumerArticleParser || !strings.Contains(dl.Reason, "malformed feed item") {
			t.Errorf("dead letter: %+v", dl)
		}
	}
}
