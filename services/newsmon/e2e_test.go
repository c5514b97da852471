package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// newsSite serves a small outlet: an RSS feed and its article pages.
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	type story struct{ slug, title, lede, body string }
	stories := []story{
		{"deepseek-talks", "Tencent and Alibaba in talks to jointly invest in DeepSeek",
			"Tencent and Alibaba are in talks to make a joint investment in DeepSeek, which is seeking outside capital at a valuation of around $10 billion, people familiar with the matter said.",
			"The discussions are at an early stage and terms could still change, the people said. DeepSeek did not respond to a request for comment. Neither company has previously invested in the Hangzhou-based lab, which was founded in 2023 and is backed by the quantitative fund High-Flyer."},
		{"h200-approval", "US and China give conditional approval to Nvidia H200 sales",
			"The US Commerce Department has granted Nvidia licences to ship its H200 chips to approved Chinese customers, and Beijing has conditionally cleared the purchases, officials said on Thursday.",
			"Under the conditions, buyers must show the processors will not be used for military purposes, the people said. Nvidia shares rose 2 percent in early trading."},
		{"derby-report", "City edge derby with late penalty",
			"A stoppage-time penalty settled a tense derby on Sunday, lifting the visitors to third in the table.",
			"The home side had led through a first-half header before the equaliser early in the second half. The manager praised his side's resilience after the game."},
	}
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		var items strings.Builder
		for i, s := range stories {
			fmt.Fprintf(&items, `<item><title>%s</title><link>%s/news/%s?utm_source=rss</link><guid>%s/news/%s</guid><description>%s</description><pubDate>Fri, 27 Nov 2026 0%d:00:00 GMT</pubDate></item>`,
				s.title, base, s.slug, base, s.slug, s.lede, i+6)
		}
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Loopback Business</title><link>%s</link><description>test outlet</description>%s</channel></rss>`, base, items.String())
	})
	for _, s := range stories {
		mux.HandleFunc("/news/"+s.slug, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>%s | Loopback Business</title>
<meta property="og:site_name" content="Loopback Business"><link rel="canonical" href="%s/news/%s"></head>
<body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav><article><h1>%s</h1><p class="byline">By Test Reporter</p>
<p>%s</p><p>%s</p></article><footer>Copyright Loopback Business</footer></body></html>`, s.title, base, s.slug, s.title, s.lede, s.body)
		})
	}
	srv := httptest.NewServer(mux)
	base = srv.URL
	t.Cleanup(srv.Close)
	return srv
}

// slackHook records what the notifier posts.
type slackHook struct {
	mu    sync.Mutex
	posts []string
}

func (s *slackHook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.posts = append(s.posts, string(b))
	s.mu.Unlock()
	_, _ = io.WriteString(w, "ok")
}

func (s *slackHook) all() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.posts...)
}

// TestRunEndToEndFromAFeedToSlack runs the whole pipeline against a feed
// and pages served over real HTTP, with a Slack-compatible webhook.
func TestRunEndToEndFromAFeedToSlack(t *testing.T) {
	site := newsSite(t)
	hook := &slackHook{}
	slack := httptest.NewServer(hook)
	defer slack.Close()
	feeds := filepath.Join(t.TempDir(), "feeds.yaml")
	if err := os.WriteFile(feeds, []byte("version: 1\nfeeds:\n  - url: "+site.URL+"/feed.xml\n    name: Loopback Business\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("NEWSMON_SLACK_WEBHOOK_URL", slack.URL+"/services/T000/B000/secret-token")
	p := startPipelineEnv(t, t.TempDir(), os.Getenv, "--fetcher-feeds", feeds, "--fetcher-allow", "127.0.0.1", "--parser-allow", "127.0.0.1")
	defer p.stop(t)

	waitFor(t, "two alerts on stdout", func() bool { return strings.Count(p.out.String(), "\n") >= 2 })
	out := p.out.String()
	if !strings.Contains(out, "ai_investment") || !strings.Contains(out, "chip_policy") || strings.Contains(out, "derby") {
		t.Fatalf("alerts printed:\n%s", out)
	}
	waitFor(t, "two Slack posts", func() bool { return len(hook.all()) >= 2 })
	joined := strings.Join(hook.all(), "\n")
	for _, want := range []string{"DeepSeek", "H200"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no Slack post mentions %s:\n%s", want, joined)
		}
	}
	for _, post := range hook.all() {
		var v map[string]any
		if err := json.Unmarshal([]byte(post), &v); err != nil || v["blocks"] == nil || v["text"] == nil {
			t.Errorf("Slack post is not Block Kit with a text fallback: %s", post)
		}
	}
	if strings.Contains(p.logs.String(), "secret-token") {
		t.Error("the webhook URL leaked into the logs")
	}
}
