package parser

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/services/article-parser/extract"
	"github.com/newsmon/newsmon/services/article-parser/extractcli"
)

func testFetcher(t *testing.T, allow string, clk clock.Clock) *Fetcher {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Allow = allow
	f, err := NewFetcher(cfg, clk)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(f.CloseIdleConnections)
	return f
}

func TestFetchClasses(t *testing.T) {
	s := newSite(t)
	s.html("/robots.txt", "User-agent: newsmon\nDisallow: /no/\n")
	s.html("/ok", articlePage("Fine", "", "Delta", 6))
	s.handle("/boom", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	s.handle("/paid", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusPaymentRequired) })
	s.handle("/forbidden", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusForbidden) })
	s.handle("/challenge", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, "<html><head><title>Just a moment...</title></head><body>challenge-platform</body></html>")
	})
	s.handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.handle("/pdf", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = io.WriteString(w, "%PDF-1.7 binary")
	})
	clk := clock.NewVirtual(t0)
	f := testFetcher(t, "127.0.0.1", clk)
	tests := []struct {
		path       string
		class      string
		retry      bool
		fallback   string // BuildArticle's reason; "" for an extraction
		wantStatus int
	}{
		{"/ok", "ok", false, "", 200},
		{"/boom", "http_5xx", true, "http_status", 500},
		{"/paid", "http_4xx", false, "paywall", 402},
		{"/forbidden", "http_4xx", false, "blocked", 403},
		{"/challenge", "bot_challenge", false, "bot_challenge", 403},
		{"/gone", "http_4xx", false, "http_status", 404},
		{"/no/page", "robots_disallowed", false, "robots", 0},
		{"/loop", "redirect_loop", false, "redirect", 0},
		{"/pdf", "ok", false, "not_html", 200},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			p := f.Fetch(context.Background(), s.URL+tc.path)
			if p.Class != tc.class || p.Retry != tc.retry || p.Status != tc.wantStatus {
				t.Fatalf("class %q retry %v status %d (err %v), want %q %v %d", p.Class, p.Retry, p.Status, p.Err, tc.class, tc.retry, tc.wantStatus)
			}
			a := extract.BuildArticle(item("x", s.URL+tc.path), p.Fetch, clk, extract.Options{})
			if a.Extraction.FallbackReason != tc.fallback {
				t.Errorf("fallback reason %q (%s), want %q", a.Extraction.FallbackReason, a.Extraction.Detail, tc.fallback)
			}
		})
	}
}

func TestFetchGuardOnByDefault(t *testing.T) {
	s := newSite(t)
	s.html("/ok", articlePage("Fine", "", "Echo", 6))
	p := testFetcher(t, "", clock.Real{}).Fetch(context.Background(), s.URL+"/ok")
	if p.Class != "blocked_address" || p.Retry || p.Reason != extract.ReasonAddressBlocked {
		t.Fatalf("loopback without allow-list: class %q retry %v reason %q err %v", p.Class, p.Retry, p.Reason, p.Err)
	}
	if s.hitCount("/ok") != 0 || s.hitCount("/robots.txt") != 0 {
		t.Error("the guarded client reached a loopback server")
	}
}

func TestRetryAfterCoolsHost(t *testing.T) {
	s := newSite(t)
	s.handle("/a", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	s.html("/b", articlePage("Fine", "", "Foxtrot", 6))
	clk := clock.NewVirtual(t0)
	f := testFetcher(t, "127.0.0.1", clk)
	p := f.Fetch(context.Background(), s.URL+"/a")
	if !p.Retry || p.RetryAfter != 2*time.Minute || p.Reason != extract.ReasonRateLimited {
		t.Fatalf("503 Retry-After: retry %v after %v reason %q", p.Retry, p.RetryAfter, p.Reason)
	}
	p = f.Fetch(context.Background(), s.URL+"/b")
	if p.Class != classHostCooling || !p.Retry || p.RetryAfter != 2*time.Minute || s.hitCount("/b") != 0 {
		t.Fatalf("host not left alone: class %q after %v hits %d", p.Class, p.RetryAfter, s.hitCount("/b"))
	}
	clk.Advance(2 * time.Minute)
	if p = f.Fetch(context.Background(), s.URL+"/b"); p.Class != "ok" {
		t.Fatalf("after the delay: class %q err %v", p.Class, p.Err)
	}
}

func TestRobotsUnavailableIsRetried(t *testing.T) {
	s := newSite(t)
	var failing atomic.Bool
	failing.Store(true)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if failing.Load() {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		http.NotFound(w, r)
	})
	s.html("/ok", articlePage("Fine", "", "Golf", 6))
	f := testFetcher(t, "127.0.0.1", clock.NewVirtual(t0))
	p := f.Fetch(context.Background(), s.URL+"/ok")
	if p.Class != classRobotsUnavailable || !p.Retry || s.hitCount("/ok") != 0 {
		t.Fatalf("robots 502: class %q retry %v page hits %d", p.Class, p.Retry, s.hitCount("/ok"))
	}
	failing.Store(false)
	if p = f.Fetch(context.Background(), s.URL+"/ok"); p.Class != "ok" {
		t.Fatalf("robots 404 must allow: class %q err %v", p.Class, p.Err)
	}
}

// archive answers every request from memory, as replay does.
type archive map[string]string

func (a archive) RoundTrip(r *http.Request) (*http.Response, error) {
	body, ok := a[r.URL.String()]
	code := http.StatusOK
	if !ok {
		code, body = http.StatusNotFound, "not archived"
	}
	return &http.Response{StatusCode: code, Header: http.Header{"Content-Type": {"text/html"}},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

func TestInjectedTransportKeepsURLChecks(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Transport = archive{"https://ledger.example/story": articlePage("Archived", "", "Hotel", 6)}
	f, err := NewFetcher(cfg, clock.NewVirtual(t0))
	if err != nil {
		t.Fatal(err)
	}
	if p := f.Fetch(context.Background(), "https://ledger.example/story"); p.Class != "ok" || !strings.Contains(string(p.Body), "Hotel paragraph 6") {
		t.Fatalf("archived page: class %q err %v", p.Class, p.Err)
	}
	for _, u := range []string{"http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "http://[::1]/x"} {
		if p := f.Fetch(context.Background(), u); p.Class == "ok" || p.Retry {
			t.Errorf("%s: class %q retry %v, want a refusal", u, p.Class, p.Retry)
		}
	}
}

func TestCLIFetchFunc(t *testing.T) {
	s := newSite(t)
	s.html("/ok", articlePage("CLI page", "", "India", 6))
	fetch, err := CLIFetchFunc("test", []string{"127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := extractcli.RunExtractCLI(context.Background(), []string{s.URL + "/ok"}, nil, &out, fetch); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "India paragraph 6") {
		t.Errorf("output: %q", out.String())
	}
	blocked, err := CLIFetchFunc("test", nil)
	if err != nil {
		t.Fatal(err)
	}
	err = extractcli.RunExtractCLI(context.Background(), []string{s.URL + "/ok"}, nil, &out, blocked)
	if err == nil || !strings.Contains(err.Error(), "address_blocked") {
		t.Errorf("without allow-list: %v", err)
	}
}

func TestNormalizeURL(t *testing.T) {
	same := []string{
		"https://www.ledger.test/news/chips-deal/",
		"https://ledger.test/news/chips-deal?utm_source=rss&utm_medium=feed",
		"http://ledger.test/news/chips-deal#comments",
		"https://amp.ledger.test/news/chips-deal/amp/",
		"https://ledger.test/amp/news/chips-deal",
		"https://LEDGER.test/news/chips-deal?fbclid=abc&outputType=amp",
	}
	want := NormalizeURL(same[0])
	for _, u := range same[1:] {
		if got := NormalizeURL(u); got != want {
			t.Errorf("NormalizeURL(%s) = %q, want %q", u, got, want)
		}
	}
	if NormalizeURL("https://ledger.test/news?id=1") == NormalizeURL("https://ledger.test/news?id=2") {
		t.Error("content query parameters must be kept")
	}
	if NormalizeURL("mailto:x@y.z") != "" || NormalizeURL("") != "" {
		t.Error("non-HTTP URLs must normalise to empty")
	}
}
