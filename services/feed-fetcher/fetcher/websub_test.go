package fetcher

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/natstest"
)

// testHub is a WebSub hub: it verifies intent synchronously (before it
// answers the subscription request), remembers the secret and pushes
// signed content.
type testHub struct {
	*httptest.Server
	// lease is the lease the hub grants, in seconds; deny makes it refuse.
	lease int
	deny  bool

	mu       sync.Mutex
	requests []url.Values
	verified map[string]bool // topic -> verified
}

func newTestHub(t *testing.T, lease int, deny bool) *testHub {
	h := &testHub{lease: lease, deny: deny, verified: map[string]bool{}}
	h.Server = httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(h.Close)
	return h
}

func (h *testHub) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.ParseForm() != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	h.requests = append(h.requests, r.PostForm)
	n := len(h.requests)
	h.mu.Unlock()
	cb, err := url.Parse(r.PostForm.Get("hub.callback"))
	if err != nil {
		http.Error(w, "bad callback", http.StatusBadRequest)
		return
	}
	topic, mode := r.PostForm.Get("hub.topic"), r.PostForm.Get("hub.mode")
	challenge := fmt.Sprintf("challenge-%d-%s", n, strings.Repeat("x", n))
	q := cb.Query()
	q.Set("hub.topic", topic)
	if h.deny {
		q.Set("hub.mode", "denied")
		q.Set("hub.reason", "this hub does not serve that topic")
	} else {
		q.Set("hub.mode", mode)
		q.Set("hub.challenge", challenge)
		q.Set("hub.lease_seconds", fmt.Sprint(h.lease))
	}
	cb.RawQuery = q.Encode()
	resp, err := http.Get(cb.String())
	if err != nil {
		http.Error(w, "callback unreachable", http.StatusBadGateway)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	h.mu.Lock()
	h.verified[topic] = !h.deny && resp.StatusCode == http.StatusOK && string(body) == challenge && mode == "subscribe"
	h.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

func (h *testHub) subscribes() []url.Values {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]url.Values(nil), h.requests...)
}

// push delivers body to callback signed with secret by method ("" sends
// no signature); self, when set, is sent as the Link rel="self".
func push(t *testing.T, callback, body, method, secret, self string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, callback, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/rss+xml")
	if self != "" {
		req.Header.Add("Link", `<https://hub.invalid/>; rel="hub", <`+self+`>; rel="self"`)
	}
	if method != "" {
		var h func() hash.Hash
		switch method {
		case "sha1":
			h = sha1.New
		case "sha256":
			h = sha256.New
		case "sha512":
			h = sha512.New
		}
		m := hmac.New(h, []byte(secret))
		m.Write([]byte(body))
		req.Header.Set("X-Hub-Signature", method+"="+hex.EncodeToString(m.Sum(nil)))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// websubFixture is a fetcher with WebSub on, one feed advertising a hub,
// and the callback served by an httptest server.
type websubFixture struct {
	svc      *service
	clk      *clock.Virtual
	srv      *feedServer
	hub      *testHub
	pub      *published
	cfg      Config
	feedURL  string
	callback string
	subs     subStore
}

func rssWithHub(hub, self string, entries ...string) string {
	doc := `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Pushy</title>` +
		`<link>https://pushy.example/</link><description>d</description>` +
		`<atom:link rel="hub" href="` + hub + `"/><atom:link rel="self" href="` + self + `"/>`
	for i, e := range entries {
		doc += fmt.Sprintf(`<item><title>%s</title><link>https://pushy.example/%s</link><guid>%s</guid>`+
			`<pubDate>Tue, 10 Jun 2025 %02d:00:00 GMT</pubDate></item>`, e, e, e, 8+i)
	}
	return doc + `</channel></rss>`
}

func startWebSub(t *testing.T, hub *testHub, tune func(*WebSubConfig)) *websubFixture {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	f := &websubFixture{clk: clock.NewVirtual(t0), srv: newFeedServer(t), hub: hub, pub: subscribe(t, nc)}
	f.feedURL = f.srv.URL + "/ws"
	f.srv.set("/ws", rssWithHub(hub.URL, f.feedURL, "e1"))
	cb := httptest.NewUnstartedServer(nil)
	t.Cleanup(cb.Close)
	f.cfg = testConfig(feedsOn(f.srv, "/ws"))
	f.cfg.FixedInterval = true
	f.cfg.WebSub = defaultWebSub()
	f.cfg.WebSub.Callback = "http://" + cb.Listener.Addr().String() + "/websub/"
	f.cfg.WebSub.Listen = "127.0.0.1:0"
	f.cfg.WebSub.Secret = "master-secret-for-tests-only"
	f.cfg.WebSub.Lease = 48 * time.Hour
	f.cfg.WebSub.MaxBody = 64 << 10
	if tune != nil {
		tune(&f.cfg.WebSub)
	}
	if err := f.cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	f.callback = f.cfg.WebSub.callbackFor(FeedKey(f.feedURL))
	f.svc = startService(t, js, nc, f.cfg, f.clk)
	cb.Config.Handler = f.svc.r.websub
	cb.Start()
	f.subs = subStore{kv: mustKV(t, js, bus.BucketFeedState)}
	return f
}

func (f *websubFixture) sub(t *testing.T) subscription {
	t.Helper()
	s, _, found, err := f.subs.load(context.Background(), WebSubKey(f.feedURL))
	if err != nil || !found {
		t.Fatalf("subscription: found %v, %v", found, err)
	}
	return s
}

func (f *websubFixture) callbacks(kind, result string) float64 {
	return testutil.ToFloat64(f.svc.r.poller.m.websubCallbacks.WithLabelValues(kind, result))
}

// TestWebSubSubscribeVerifyPushRenew subscribes to an advertised hub,
// accepts signed pushes through the poll's path, refuses bad ones with
// 4xx and a metric, keeps polling at a slower pace and renews the lease.
func TestWebSubSubscribeVerifyPushRenew(t *testing.T) {
	hub := newTestHub(t, 7200, false)
	f := startWebSub(t, hub, nil)
	f.svc.advance(time.Minute)

	reqs := hub.subscribes()
	if len(reqs) != 1 {
		t.Fatalf("hub got %d requests, want 1", len(reqs))
	}
	r := reqs[0]
	secret := f.cfg.WebSub.secretFor(hub.URL, f.feedURL)
	if r.Get("hub.mode") != "subscribe" || r.Get("hub.topic") != f.feedURL || r.Get("hub.callback") != f.callback ||
		r.Get("hub.lease_seconds") != "172800" || r.Get("hub.secret") != secret || strings.Contains(secret, f.cfg.WebSub.Secret) {
		t.Fatalf("subscribe request: %v", r)
	}
	hub.mu.Lock()
	verified := hub.verified[f.feedURL]
	hub.mu.Unlock()
	if !verified {
		t.Fatal("the hub's verification of intent failed")
	}
	if s := f.sub(t); !s.live(f.clk.Now()) || !s.Expires.Equal(f.clk.Now().Add(2*time.Hour)) {
		t.Fatalf("subscription after verification: %+v", s)
	}
	if f.pub.count() != 1 {
		t.Fatalf("first poll published %d", f.pub.count())
	}

	two := rssWithHub(hub.URL, f.feedURL, "e2", "e1")
	three := rssWithHub(hub.URL, f.feedURL, "e3", "e2", "e1")
	steps := []struct {
		name, url, body, method, secret, self string
		code, published                       int
	}{
		{"good sha256 push", f.callback, two, "sha256", secret, f.feedURL, 204, 2},
		{"same content again (sha1)", f.callback, two, "sha1", secret, "", 204, 2},
		{"new entry (sha512)", f.callback, three, "sha512", secret, f.feedURL, 204, 3},
		{"bad signature", f.callback, rssWithHub(hub.URL, f.feedURL, "bad1"), "sha256", "not-the-secret", "", 403, 3},
		{"no signature", f.callback, rssWithHub(hub.URL, f.feedURL, "bad2"), "", "", "", 403, 3},
		{"unknown topic", f.cfg.WebSub.callbackFor("0123456789abcdef0123456789abcdef"), two, "sha256", secret, "", 404, 3},
		{"self link of another topic", f.callback, two, "sha256", secret, "https://other.example/feed", 400, 3},
		{"oversize", f.callback, strings.Repeat("x", 64<<10+1), "sha256", secret, "", 413, 3},
		{"not a feed", f.callback, "<html><body>hello</body></html>", "sha256", secret, "", 400, 3},
	}
	for _, s := range steps {
		if code := push(t, s.url, s.body, s.method, s.secret, s.self); code != s.code {
			t.Fatalf("%s: status %d, want %d", s.name, code, s.code)
		}
		if f.pub.count() != s.published {
			t.Fatalf("%s: %d published, want %d", s.name, f.pub.count(), s.published)
		}
	}
	for _, m := range []struct {
		kind, result string
		want         float64
	}{{"push", "ok", 3}, {"push", "bad_signature", 2}, {"push", "unknown_topic", 2}, {"push", "too_large", 1}, {"push", "parse_error", 1}} {
		if got := f.callbacks(m.kind, m.result); got != m.want {
			t.Errorf("callbacks{%s,%s} = %v, want %v", m.kind, m.result, got, m.want)
		}
	}
	for _, it := range f.pub.items(t) {
		if it.Revision != 1 || it.FeedURL != f.feedURL {
			t.Fatalf("pushed item: %+v", it)
		}
	}

	// Verifications for topics or modes never asked for are refused and
	// the challenge is not echoed.
	for _, q := range []string{
		"hub.mode=subscribe&hub.topic=" + url.QueryEscape("https://other.example/feed") + "&hub.challenge=echo-me&hub.lease_seconds=60",
		"hub.mode=unsubscribe&hub.topic=" + url.QueryEscape(f.feedURL) + "&hub.challenge=echo-me",
	} {
		resp, err := http.Get(f.callback + "?" + q)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 || strings.Contains(string(body), "echo-me") {
			t.Fatalf("unasked verification %q: %d %q", q, resp.StatusCode, body)
		}
	}

	// Polling goes on while the subscription is live, four times slower;
	// the lease (2 hours) is renewed on a poll before it ends.
	hits := f.srv.hitCount("/ws")
	for range 18 {
		f.svc.advance(10 * time.Minute)
		if s := f.sub(t); !s.live(f.clk.Now()) {
			t.Fatalf("subscription lapsed at %s: %+v", f.clk.Now().Sub(t0), s)
		}
	}
	polls := f.srv.hitCount("/ws") - hits
	if polls < 7 || polls > 10 {
		t.Fatalf("%d polls in 3 hours with a live subscription, want about 9 (every 20 minutes)", polls)
	}
	if n := len(hub.subscribes()); n < 2 || n > 4 {
		t.Fatalf("%d subscribe requests in 3 hours with a 2-hour lease", n)
	}
	if f.pub.count() != 3 {
		t.Fatalf("polling re-published pushed entries: %d", f.pub.count())
	}
}

// TestWebSubDeniedAndRateLimited records a hub's denial (no new request
// for a day, pushes refused) and rate-limits the callback.
func TestWebSubDeniedAndRateLimited(t *testing.T) {
	hub := newTestHub(t, 3600, true)
	f := startWebSub(t, hub, func(c *WebSubConfig) { c.Rate, c.Burst = 1e-6, 4 })
	f.svc.advance(time.Minute)
	if s := f.sub(t); s.Status != subDenied || !strings.Contains(s.LastError, "does not serve") {
		t.Fatalf("subscription after denial: %+v", s)
	}
	f.svc.advance(2 * time.Hour)
	if n := len(hub.subscribes()); n != 1 {
		t.Fatalf("%d subscribe requests after a denial, want 1", n)
	}
	// The denial used one token; two more requests pass the limiter and
	// are refused on their merits, then the burst is spent.
	secret := f.cfg.WebSub.secretFor(hub.URL, f.feedURL)
	if code := push(t, f.callback, rssWithHub(hub.URL, f.feedURL, "e9"), "sha256", secret, ""); code != http.StatusGone {
		t.Fatalf("push to a denied subscription: %d", code)
	}
	if code := push(t, f.callback+"x", "x", "sha256", secret, ""); code != http.StatusNotFound {
		t.Fatalf("push to an unknown callback: %d", code)
	}
	codes := []int{push(t, f.callback, "x", "sha256", secret, ""), push(t, f.callback, "x", "sha256", secret, "")}
	if codes[1] != http.StatusTooManyRequests || f.callbacks("push", "rate_limited") < 1 {
		t.Fatalf("burst of 4 not enforced: %v, rate_limited %v", codes, f.callbacks("push", "rate_limited"))
	}
	if f.pub.count() != 1 {
		t.Fatalf("published %d", f.pub.count())
	}
}

func TestWebSubSecretAndConfig(t *testing.T) {
	c := defaultWebSub()
	c.Secret = "master-secret-0123456789"
	a, b := c.secretFor("https://hub.example/", "https://x.example/feed"), c.secretFor("https://hub.example/", "https://y.example/feed")
	if a == b || a != c.secretFor("https://hub.example/", "https://x.example/feed") || len(a) != 64 || strings.Contains(a, c.Secret) {
		t.Fatalf("derived secrets %q %q", a, b)
	}
	if !validSignature("sha256="+hmacHex(sha256.New, a, "body"), []byte("body"), a) ||
		validSignature("sha256="+hmacHex(sha256.New, a, "body"), []byte("body!"), a) ||
		validSignature("md5=00", []byte("body"), a) || validSignature("sha256=zz", []byte("body"), a) {
		t.Fatal("signature checks")
	}
	bad := []func(*WebSubConfig){
		func(c *WebSubConfig) { c.Callback = "ftp://host/websub" },
		func(c *WebSubConfig) { c.Listen = "" },
		func(c *WebSubConfig) { c.Secret = "short" },
		func(c *WebSubConfig) { c.Lease = time.Minute },
		func(c *WebSubConfig) { c.Callback, c.Listen = "", ":9180" },
		func(c *WebSubConfig) { c.PollFactor = 0 },
	}
	for i, mutate := range bad {
		cfg := defaultWebSub()
		cfg.Callback, cfg.Listen, cfg.Secret = "https://news.example/websub", ":9180", "master-secret-0123456789"
		if err := cfg.validate(); err != nil {
			t.Fatalf("valid config refused: %v", err)
		}
		mutate(&cfg)
		if err := cfg.validate(); err == nil || !strings.Contains(err.Error(), "NEWSMON_FETCHER_WEBSUB_") {
			t.Errorf("case %d: %v", i, err)
		}
	}
}

func hmacHex(h func() hash.Hash, secret, body string) string {
	m := hmac.New(h, []byte(secret))
	m.Write([]byte(body))
	return hex.EncodeToString(m.Sum(nil))
}

// TestRunServesWebSubCallback checks that Run listens on the configured
// address while it runs and stops listening when it returns.
func TestRunServesWebSubCallback(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	srv := newFeedServer(t)
	cfg := testConfig(feedsOn(srv, "/none"))
	cfg.WebSub.Callback, cfg.WebSub.Listen, cfg.WebSub.Secret = "https://news.example/websub", addr, "master-secret-for-tests-only"
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, cfg, app.Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NC: nc, JS: js,
			Clock: clock.NewVirtual(t0), Health: app.NewHealth()})
	}()
	eventually(t, "callback server", func() bool {
		resp, err := http.Get("http://" + addr + "/websub/" + FeedKey(srv.URL+"/none") + "?hub.mode=subscribe")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusBadRequest
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if resp, err := http.Get("http://" + addr + "/websub/x"); err == nil {
		resp.Body.Close()
		t.Fatal("callback server still answers after Run returned")
	}
}
