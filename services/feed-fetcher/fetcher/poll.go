package fetcher

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
	"github.com/newsmon/newsmon/services/feed-fetcher/normalize"
)

// feedAccept is the Accept header of feed requests.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"

// errPublish marks failures to reach the bus (not the feed's fault).
var errPublish = errors.New("publish failed")

// classOf is the error class recorded in feed state and metrics.
func classOf(err error) string {
	if errors.Is(err, errPublish) {
		return "publish_error"
	}
	return string(httpguard.ClassOf(err))
}

// feedRun is one scheduled feed.
type feedRun struct {
	feed feedlist.Feed
	base time.Duration
	key  string
	st   State
	// seen caches the seen records of the entries in the last document.
	seen map[string]seenRecord
	// rev is the feed_state revision last read or written by this
	// replica.
	rev   uint64
	due   time.Time
	index int
}

// poller polls feeds and publishes their new entries.
type poller struct {
	cfg      Config
	log      *slog.Logger
	clock    clock.Clock
	client   *httpguard.Client
	limiter  *httpguard.HostLimiter
	parseSem chan struct{}
	states   stateStore
	seen     seenStore
	pub      *bus.Publisher
	m        *metrics
	// owner names this replica in feed leases.
	owner string
	// websub looks after subscriptions (nil when WebSub is off).
	websub *websub
}

// poll claims one feed (see claim), fetches it, publishes what is new and
// saves the feed state. It returns false when ctx ended before the poll
// completed (the lease is then released and the state left as it was, so
// the poll happens again after a restart).
func (p *poller) poll(ctx context.Context, fr *feedRun) bool {
	target := func() string {
		if fr.st.CurrentURL != "" {
			return fr.st.CurrentURL
		}
		return fr.feed.URL
	}
	// The host slot comes first, so that a lease never runs out while the
	// poll queues behind other feeds of the same host.
	release, err := p.limiter.Acquire(ctx, httpguard.HostKey(target()))
	if err != nil {
		return false
	}
	claimedAt := p.clock.Now()
	ok, err := p.claim(ctx, fr, claimedAt)
	switch {
	case ctx.Err() != nil:
		release()
		return false
	case err != nil:
		release()
		p.log.Warn("feed claim failed", slog.String("feed", fr.feed.Name), slog.String("error", err.Error()))
		fr.due = claimedAt.Add(claimRetry)
		return true
	case !ok:
		release()
		return true
	}
	claimed := fr.st
	start := time.Now()
	resp, err := p.client.Fetch(ctx, httpguard.Request{URL: target(), Accept: feedAccept, Conditional: fr.st.Validators})
	release()
	p.m.fetchTime.Observe(time.Since(start).Seconds())
	if ctx.Err() != nil {
		p.release(claimed, fr)
		return false
	}
	now := p.clock.Now()
	fr.st.LastPoll = now
	fr.st.Polls++
	o := outcome{fixed: p.cfg.FixedInterval}
	published := 0
	result := "not_modified"
	if err == nil {
		o.hint = cacheHint(resp.Header, now)
		if from := target(); resp.PermanentURL != "" && resp.PermanentURL != from {
			p.log.Info("feed moved permanently", slog.String("feed", fr.feed.Name),
				slog.String("from", httpguard.Redact(from)), slog.String("to", httpguard.Redact(resp.PermanentURL)))
			fr.st.CurrentURL = resp.PermanentURL
		}
		if !resp.NotModified {
			result = "ok"
			var ttl time.Duration
			published, ttl, err = p.ingest(ctx, fr, resp, now)
			if ctx.Err() != nil {
				p.release(claimed, fr)
				return false
			}
			o.hint = max(o.hint, ttl)
			if err == nil {
				fr.st.Validators = resp.Validators
			}
		}
	}
	o.newItems = published
	prevClass := fr.st.LastErrorClass
	if err != nil {
		result = classOf(err)
		fr.st.Failures++
		fr.st.LastErrorClass = result
		fr.st.LastError = err.Error()
		fr.st.LastErrorAt = now
		o.retryAfter = httpguard.RetryAfterOf(err)
		if errors.Is(err, httpguard.ErrGone) {
			fr.st.Disabled = true
			fr.st.DisabledReason = "the server answered 410 Gone at " + now.UTC().Format(time.RFC3339)
		}
		if result != prevClass {
			p.log.Warn("feed poll failed", slog.String("feed", fr.feed.Name), slog.String("class", result),
				slog.Int("consecutive_failures", fr.st.Failures), slog.String("error", err.Error()))
		}
	} else {
		o.ok = true
		if prevClass != "" {
			p.log.Info("feed recovered", slog.String("feed", fr.feed.Name), slog.String("after", prevClass))
		}
		fr.st.Failures = 0
		fr.st.LastErrorClass = ""
		fr.st.LastSuccess = now
		if published > 0 {
			if !fr.st.LastNewItem.IsZero() {
				gap := now.Sub(fr.st.LastNewItem)
				if fr.st.Cadence == 0 {
					fr.st.Cadence = gap
				} else {
					fr.st.Cadence = (fr.st.Cadence*3 + gap) / 4
				}
			}
			fr.st.LastNewItem = now
		}
	}
	fr.st.ItemsPublished += int64(published)
	base := fr.base
	if p.websub.maintain(ctx, fr, now) {
		// Pushes arrive while the subscription is live: poll less, as a
		// fallback only.
		base = min(base*time.Duration(p.cfg.WebSub.PollFactor), feedlist.MaxInterval)
	}
	if ctx.Err() != nil {
		p.release(claimed, fr)
		return false
	}
	fr.st.NextPoll = nextPoll(now, base, p.cfg.MaxBackoff, &fr.st, o, fr.key)
	fr.due = fr.st.NextPoll
	p.m.polls.WithLabelValues(result).Inc()
	p.m.observe(fr.key, &fr.st, fr.st.Silent(now), published)
	p.save(ctx, fr)
	return true
}

// ingest parses a document and publishes its new and changed entries.
func (p *poller) ingest(ctx context.Context, fr *feedRun, resp *httpguard.Response, now time.Time) (int, time.Duration, error) {
	select {
	case p.parseSem <- struct{}{}:
	case <-ctx.Done():
		return 0, 0, ctx.Err()
	}
	src := normalize.Source{Key: fr.feed.URL, URL: resp.URL, Name: fr.feed.Name, Tags: fr.feed.Tags, Language: fr.feed.Language}
	doc, err := normalize.Parse(resp.Body, resp.Header.Get("Content-Type"), src, now, p.cfg.MaxItems)
	<-p.parseSem
	if err != nil {
		return 0, 0, err
	}
	fr.st.Hub, fr.st.Self = doc.Hub, doc.Self
	baseline := !fr.st.Baselined
	keep := make(map[string]seenRecord, len(doc.Items))
	published := 0
	// Oldest first, so consumers see entries in publication order; on a
	// first poll only the newest FirstPollItems are published.
	for i := len(doc.Items) - 1; i >= 0; i-- {
		it := doc.Items[i]
		rec, known := fr.seen[it.ID]
		if !known {
			var err error
			if rec, known, err = p.seen.get(ctx, it.ID); err != nil {
				return published, doc.TTL, fmt.Errorf("%w: %w", errPublish, err)
			}
		}
		hash := contentHash(it)
		switch {
		case known && rec.Hash == hash:
		case known && rec.Rev >= p.cfg.MaxRevisions:
			rec.Hash = hash
			if err := p.seen.put(ctx, it.ID, rec); err != nil {
				return published, doc.TTL, fmt.Errorf("%w: %w", errPublish, err)
			}
		case !known && baseline && i >= p.cfg.FirstPollItems:
			rec = seenRecord{Rev: 0, Hash: hash, FirstSeen: now}
			if err := p.seen.put(ctx, it.ID, rec); err != nil {
				return published, doc.TTL, fmt.Errorf("%w: %w", errPublish, err)
			}
		default:
			if !known {
				rec = seenRecord{FirstSeen: now}
			}
			rec.Rev++
			rec.Hash = hash
			if err := p.publish(ctx, it, rec, now); err != nil {
				return published, doc.TTL, err
			}
			if err := p.seen.put(ctx, it.ID, rec); err != nil {
				return published, doc.TTL, fmt.Errorf("%w: %w", errPublish, err)
			}
			published++
			kind := "new"
			if rec.Rev > 1 {
				kind = "update"
			}
			p.m.published.WithLabelValues(kind).Inc()
		}
		keep[it.ID] = rec
	}
	fr.seen = keep
	fr.st.Baselined = true
	return published, doc.TTL, nil
}

func (p *poller) publish(ctx context.Context, it events.FeedItem, rec seenRecord, now time.Time) error {
	it.Revision = rec.Rev
	it.FetchedAt = now.UTC()
	if it.PublishedEstimated && !rec.FirstSeen.IsZero() {
		it.PublishedAt = rec.FirstSeen.UTC()
	}
	_, err := p.pub.Publish(ctx, bus.Event{Subject: events.SubjectItems, Type: events.TypeFeedItem,
		Schema: events.SchemaFeedItem, ID: it.MsgID(), Data: it})
	if err != nil {
		return fmt.Errorf("%w: %w", errPublish, err)
	}
	return nil
}
