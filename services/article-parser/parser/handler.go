package parser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/services/article-parser/extract"
)

// handler turns one news.items message into one news.articles message.
type handler struct {
	log     *slog.Logger
	clock   clock.Clock
	fetcher *Fetcher
	index   urlIndex
	pub     *bus.Publisher
	m       *metrics
	opts    extract.Options
	// attempts is the retry budget of a failing fetch, in deliveries.
	attempts uint64
}

// errMalformed marks an item that no delivery can handle.
var errMalformed = errors.New("parser: malformed feed item")

func (h *handler) handle(ctx context.Context, m bus.Msg) error {
	var it events.FeedItem
	if err := json.Unmarshal(m.Data, &it); err != nil {
		return bus.Permanent(fmt.Errorf("%w: %w", errMalformed, err))
	}
	if it.ID == "" || it.Revision < 1 {
		return bus.Permanent(fmt.Errorf("%w: id %q, revision %d", errMalformed, it.ID, it.Revision))
	}
	log := h.log.With(slog.String("item_id", it.ID), slog.Int("revision", it.Revision))

	var page Page
	if it.URL == "" {
		page = Page{Fetch: extract.Fetch{Reason: extract.ReasonBadURL, Err: errors.New("parser: item has no link")}, Class: "no_link"}
	} else {
		page = h.fetcher.Fetch(ctx, it.URL)
		h.m.fetches.WithLabelValues(page.Class).Inc()
		h.m.fetchSec.Observe(page.Duration.Seconds())
	}
	if page.Retry && m.NumDelivered < h.attempts {
		h.m.retries.WithLabelValues(page.Class).Inc()
		err := fmt.Errorf("parser: fetch %s (attempt %d of %d): %w", page.Class, m.NumDelivered, h.attempts, page.Err)
		if page.Err == nil {
			err = fmt.Errorf("parser: fetch answered HTTP %d (attempt %d of %d)", page.Status, m.NumDelivered, h.attempts)
		}
		return bus.RetryAfter(err, page.RetryAfter)
	}
	if page.Retry && page.Reason == "" && page.Err != nil {
		// Out of attempts on a transient failure: say so in the detail.
		page.Err = fmt.Errorf("gave up after %d attempts: %w", m.NumDelivered, page.Err)
	}

	start := time.Now()
	a := extract.BuildArticle(it, page.Fetch, h.clock, h.opts)
	h.m.extractSec.Observe(time.Since(start).Seconds())

	dup, err := h.index.claim(ctx, it.ID, a.URL, a.Extraction.FinalURL, a.ItemURL)
	if err != nil {
		return fmt.Errorf("parser: item %s: %w", it.ID, err)
	}
	if dup != "" {
		a.DuplicateOf = dup
		h.m.duplicates.Inc()
	}
	if _, err := h.pub.Publish(ctx, bus.Event{Subject: events.SubjectArticles, Type: events.TypeArticle,
		Schema: events.SchemaArticle, ID: a.MsgID(), Data: a, Parent: m.Header}); err != nil {
		return fmt.Errorf("parser: item %s: %w", it.ID, err)
	}
	h.m.articles.WithLabelValues(a.Extraction.Method).Inc()
	if a.Extraction.Method == events.MethodFeed {
		h.m.fallbacks.WithLabelValues(a.Extraction.FallbackReason).Inc()
		log.Info("published feed-text fallback", slog.String("reason", a.Extraction.FallbackReason),
			slog.String("detail", a.Extraction.Detail), slog.String("url", httpguard.Redact(a.URL)))
	} else {
		log.Debug("published article", slog.String("method", a.Extraction.Method), slog.Int("words", a.WordCount),
			slog.String("url", httpguard.Redact(a.URL)), slog.String("duplicate_of", a.DuplicateOf))
	}
	return nil
}
