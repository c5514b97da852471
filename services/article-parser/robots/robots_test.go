package robots

import (
	"net/url"
	"testing"
	"time"
)

const sample = `# robots.txt of an invented news site
User-agent: *
Disallow: /search
Disallow: /*?share=
Allow: /search/about$
Crawl-delay: 2

User-agent: Googlebot
User-agent: newsmon
Disallow: /private/
Allow: /private/press/
Disallow: /*.pdf$

User-agent: BadBot
Disallow: /

Sitemap: https://news.test/sitemap.xml
`

func allowed(t *testing.T, r *Rules, raw string) bool {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return r.Allowed(u)
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, agent, url string
		want             bool
	}{
		{"specific group replaces star", "newsmon", "https://news.test/search?q=x", true},
		{"specific disallow", "newsmon", "https://news.test/private/memo", false},
		{"longest match allows", "newsmon", "https://news.test/private/press/release", true},
		{"anchored wildcard", "newsmon", "https://news.test/files/report.pdf", false},
		{"anchored wildcard no match", "newsmon", "https://news.test/files/report.pdf.html", true},
		{"agent is case-insensitive", "NewsMon", "https://news.test/private/x", false},
		{"star group for others", "otherbot", "https://news.test/search/results", false},
		{"star anchored allow", "otherbot", "https://news.test/search/about", true},
		{"star wildcard in query", "otherbot", "https://news.test/story/1?share=x", false},
		{"robots.txt always allowed", "badbot", "https://news.test/robots.txt", true},
		{"disallow all", "badbot", "https://news.test/story/1", false},
		{"root", "otherbot", "https://news.test", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Parse([]byte(sample), tc.agent)
			if got := allowed(t, r, tc.url); got != tc.want {
				t.Errorf("Allowed(%s) for %s = %v, want %v", tc.url, tc.agent, got, tc.want)
			}
		})
	}
}

func TestCrawlDelay(t *testing.T) {
	if d := Parse([]byte(sample), "otherbot").CrawlDelay; d != 2*time.Second {
		t.Errorf("crawl delay %v, want 2s", d)
	}
	if d := Parse([]byte(sample), "newsmon").CrawlDelay; d != 0 {
		t.Errorf("crawl delay %v, want 0 (specific group has none)", d)
	}
}

func TestEdgeCases(t *testing.T) {
	if !allowed(t, Parse(nil, "newsmon"), "https://a.test/x") {
		t.Error("empty file must allow")
	}
	if !allowed(t, Parse([]byte("User-agent: *\nDisallow:\n"), "newsmon"), "https://a.test/x") {
		t.Error("empty Disallow must allow")
	}
	if allowed(t, DisallowAll, "https://a.test/x") || !allowed(t, AllowAll, "https://a.test/x") {
		t.Error("DisallowAll / AllowAll")
	}
	garbage := []byte("\x00\xff<html><body>not robots</body></html>\nDisallow /x\n")
	if !allowed(t, Parse(garbage, "newsmon"), "https://a.test/x") {
		t.Error("garbage must allow")
	}
	// Non-ASCII rule paths compare in percent-encoded form.
	r := Parse([]byte("User-agent: *\nDisallow: /新闻/\n"), "newsmon")
	if allowed(t, r, "https://a.test/%E6%96%B0%E9%97%BB/1") {
		t.Error("percent-encoded non-ASCII path should be disallowed")
	}
	// Rules without user-agent apply to nobody.
	if !allowed(t, Parse([]byte("Disallow: /\n"), "newsmon"), "https://a.test/x") {
		t.Error("rules before any user-agent must be ignored")
	}
}
