package extract

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
)

// Fetch is the outcome of downloading one article page.
type Fetch struct {
	// Status is the HTTP status; 0 when no response arrived.
	Status      int
	ContentType string
	// Body is the (already capped) response body.
	Body []byte
	// FinalURL is the URL after redirects.
	FinalURL string
	// Err is a transport or guard error; the page is then unusable.
	Err error
	// Reason, when set, names why the fetcher gave up (robots, too_large);
	// it overrides the reason derived from Err or Status.
	Reason    Reason
	Duration  time.Duration
	FetchedAt time.Time
}

// BuildArticle turns a feed item and the fetch of its page into the
// article to publish. It never fails: when the page gives no usable text
// the article carries the feed's own content (else its summary), method
// "feed" and the reason. clk times the extraction.
func BuildArticle(item events.FeedItem, f Fetch, clk clock.Clock, opts Options) events.Article {
	a := events.Article{
		ID: item.ID, Revision: item.Revision, FeedURL: item.FeedURL, FeedName: item.FeedName,
		FeedTags: item.FeedTags, URL: item.URL, ItemURL: item.URL, Title: item.Title,
		Authors: item.Authors, Language: item.Language, Keywords: item.Categories,
		ImageURL: item.ImageURL, Summary: item.Summary, PublishedAt: item.PublishedAt,
		PublishedEstimated: item.PublishedEstimated, ModifiedAt: item.UpdatedAt,
		Extraction: events.Extraction{HTTPStatus: f.Status, FinalURL: f.FinalURL,
			FetchMS: f.Duration.Milliseconds(), FetchedAt: f.FetchedAt},
	}
	if f.FinalURL != "" {
		a.URL = f.FinalURL
	}
	var res Result
	err := fetchError(f)
	if err == nil {
		pageURL := firstNonEmpty(f.FinalURL, item.URL)
		opts.ContentType = firstNonEmpty(opts.ContentType, f.ContentType)
		start := clk.Now()
		res, err = Extract(f.Body, pageURL, opts)
		a.Extraction.ExtractMS = clk.Now().Sub(start).Milliseconds()
		// A non-2xx page is classified by its status unless its content
		// shows a bot challenge.
		if (f.Status < 200 || f.Status > 299) && ReasonOf(err) != ReasonBotChallenge {
			err = unusable(statusReason(f.Status), "HTTP status %d", f.Status)
		}
	}
	applyMetadata(&a, res.Meta)
	a.Outlet = firstNonEmpty(res.Meta.SiteName, item.FeedName, hostOf(a.URL))
	if err == nil {
		a.Text, a.WordCount, a.Extraction.Method = res.Text, res.WordCount, res.Method
		return a
	}
	reason, detail := ReasonOf(err), err.Error()
	if reason == "" {
		reason = ReasonFetchError
	}
	a.Text = firstNonEmpty(item.Content, item.Summary)
	a.WordCount = CountWords(a.Text)
	a.Extraction.Method = events.MethodFeed
	a.Extraction.FallbackReason = string(reason)
	a.Extraction.Detail = detail
	return a
}

// fetchError classifies a failed fetch before any extraction is tried.
// Pages with 2xx bodies, and blocked pages whose body may be a bot
// challenge, go on to extraction.
func fetchError(f Fetch) error {
	switch {
	case f.Reason != "":
		detail := "fetch refused"
		if f.Err != nil {
			detail = f.Err.Error()
		}
		return &UnusableError{Reason: f.Reason, Detail: detail}
	case f.Err != nil:
		return &UnusableError{Reason: ReasonFetchError, Detail: f.Err.Error()}
	case f.Status >= 200 && f.Status <= 299:
		return nil
	case f.Status == 403 || f.Status == 429 || f.Status == 503:
		if len(f.Body) > 0 {
			return nil // Extract classifies challenge pages; others fail below.
		}
	}
	return unusable(statusReason(f.Status), "HTTP status %d", f.Status)
}

func statusReason(status int) Reason {
	switch status {
	case 401, 403, 429, 451:
		return ReasonBlocked
	case 402:
		return ReasonPaywall
	}
	return ReasonHTTPStatus
}

// applyMetadata overlays page metadata on the feed's values. The feed's
// date is kept unless it was estimated (the feed gave none).
func applyMetadata(a *events.Article, m Metadata) {
	if m.CanonicalURL != "" {
		a.URL = m.CanonicalURL
	}
	a.Title = firstNonEmpty(m.Title, a.Title)
	if len(m.Authors) > 0 {
		a.Authors = m.Authors
	}
	a.Language = firstNonEmpty(m.Language, a.Language)
	a.Section = firstNonEmpty(m.Section, a.Section)
	if len(m.Keywords) > 0 {
		a.Keywords = m.Keywords
	}
	a.ImageURL = firstNonEmpty(m.ImageURL, a.ImageURL)
	if !m.PublishedAt.IsZero() && (a.PublishedEstimated || a.PublishedAt.IsZero()) {
		a.PublishedAt, a.PublishedEstimated = m.PublishedAt.UTC(), false
	}
	if !m.ModifiedAt.IsZero() {
		a.ModifiedAt = m.ModifiedAt.UTC()
	}
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// String describes a fetch for logs.
func (f Fetch) String() string {
	return fmt.Sprintf("status=%d type=%q bytes=%d final=%q err=%v", f.Status, f.ContentType, len(f.Body), f.FinalURL, f.Err)
}
