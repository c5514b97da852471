package extract

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
)

func feedItem() events.FeedItem {
	return events.FeedItem{
		ID: "item-1", Revision: 2, FeedURL: "https://news.test/feed.xml", FeedName: "News Test",
		URL: "https://news.test/a/1?utm=x", Title: "Feed title", Summary: "Feed summary text.",
		Content:     "Feed content paragraph one.\n\nFeed content paragraph two.",
		PublishedAt: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC), Categories: []string{"Tech"},
	}
}

func TestBuildArticleExtracted(t *testing.T) {
	body := []byte(strings.Replace(string(page("Page headline", articleBody(5))), "<title>",
		`<link rel="canonical" href="https://news.test/a/1"><meta property="og:site_name" content="News Test Daily"><meta property="article:published_time" content="2026-02-28T10:00:00Z"><title>`, 1))
	clk := clock.NewVirtual(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	f := Fetch{Status: 200, ContentType: "text/html; charset=utf-8", Body: body, FinalURL: "https://news.test/a/1?utm=x",
		Duration: 120 * time.Millisecond, FetchedAt: clk.Now()}
	a := BuildArticle(feedItem(), f, clk, Options{})
	if a.Extraction.Method != events.MethodReadability && a.Extraction.Method != events.MethodTrafilatura {
		t.Fatalf("method %q (reason %q, %s)", a.Extraction.Method, a.Extraction.FallbackReason, a.Extraction.Detail)
	}
	if a.ID != "item-1" || a.Revision != 2 || a.ItemURL != "https://news.test/a/1?utm=x" {
		t.Errorf("identity not carried over: %+v", a)
	}
	if a.URL != "https://news.test/a/1" {
		t.Errorf("URL %q, want the canonical URL", a.URL)
	}
	if a.Title != "Page headline" || a.Outlet != "News Test Daily" || a.WordCount < 150 {
		t.Errorf("title %q outlet %q words %d", a.Title, a.Outlet, a.WordCount)
	}
	if !a.PublishedAt.Equal(feedItem().PublishedAt) {
		t.Errorf("feed date should win over the page date when not estimated: %v", a.PublishedAt)
	}
	if a.Extraction.FetchMS != 120 || a.Extraction.ExtractMS != 0 || a.Extraction.HTTPStatus != 200 {
		t.Errorf("extraction record: %+v", a.Extraction)
	}
}

func TestBuildArticleFallback(t *testing.T) {
	challenge := []byte(`<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>`)
	tests := map[string]struct {
		fetch  Fetch
		item   func(*events.FeedItem)
		reason Reason
		text   string
	}{
		"transport error":         {Fetch{Err: errors.New("dial tcp: connection refused")}, nil, ReasonFetchError, "Feed content paragraph one."},
		"robots refused":          {Fetch{Reason: ReasonRobots, Err: errors.New("disallowed by robots.txt")}, nil, ReasonRobots, "Feed content paragraph one."},
		"not found":               {Fetch{Status: 404, Body: []byte("<html><body>Not found</body></html>")}, nil, ReasonHTTPStatus, "Feed content paragraph one."},
		"forbidden":               {Fetch{Status: 403, Body: []byte("<html><body><h1>Forbidden</h1></body></html>")}, nil, ReasonBlocked, "Feed content paragraph one."},
		"403 bot challenge":       {Fetch{Status: 403, Body: challenge, ContentType: "text/html"}, nil, ReasonBotChallenge, "Feed content paragraph one."},
		"pdf":                     {Fetch{Status: 200, Body: []byte("%PDF-1.5 ..."), ContentType: "application/pdf"}, nil, ReasonNotHTML, "Feed content paragraph one."},
		"no content uses summary": {Fetch{Status: 200, Body: page("t", "<p>Too short.</p>")}, func(it *events.FeedItem) { it.Content = "" }, ReasonEmpty, "Feed summary text."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			it := feedItem()
			if tc.item != nil {
				tc.item(&it)
			}
			a := BuildArticle(it, tc.fetch, clock.NewVirtual(time.Unix(0, 0)), Options{})
			if a.Extraction.Method != events.MethodFeed || a.Extraction.FallbackReason != string(tc.reason) {
				t.Fatalf("method %q reason %q, want feed/%s (%s)", a.Extraction.Method, a.Extraction.FallbackReason, tc.reason, a.Extraction.Detail)
			}
			if !strings.HasPrefix(a.Text, tc.text) || a.WordCount == 0 || a.Extraction.Detail == "" {
				t.Errorf("text %q words %d detail %q", a.Text, a.WordCount, a.Extraction.Detail)
			}
			if a.ID != it.ID || a.Title == "" || a.Outlet == "" {
				t.Errorf("item fields lost: %+v", a)
			}
		})
	}
}

func TestBuildArticleEstimatedDateTakesPageDate(t *testing.T) {
	it := feedItem()
	it.PublishedEstimated = true
	body := []byte(strings.Replace(string(page("Dated", articleBody(4))), "<title>", `<meta property="article:published_time" content="2026-02-28T10:00:00+02:00"><title>`, 1))
	a := BuildArticle(it, Fetch{Status: 200, Body: body}, clock.NewVirtual(time.Unix(0, 0)), Options{})
	if want := time.Date(2026, 2, 28, 8, 0, 0, 0, time.UTC); !a.PublishedAt.Equal(want) || a.PublishedEstimated {
		t.Errorf("published %v estimated %v, want %v from the page", a.PublishedAt, a.PublishedEstimated, want)
	}
}
