// Package record polls live feeds and the articles they link to and
// writes what it fetched as a newsmon archive (pkg/archive), for replay.
package record

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/services/article-parser/robots"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
	"github.com/newsmon/newsmon/services/feed-fetcher/normalize"
)

// feedAccept is the Accept header of feed requests.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"

// Options configure a recording.
type Options struct {
	List *feedlist.List
	Out  string
	// Duration bounds the recording (0: until ctx ends or Rounds are done).
	Duration time.Duration
	// Interval is the time between two polls of the feed list (default
	// the list's interval).
	Interval time.Duration
	// Rounds, when positive, stops after that many polls of the list.
	Rounds int
	// Allow lists CIDRs or hosts the address guard lets through.
	Allow   []string
	Clock   clock.Clock
	Logger  *slog.Logger
	Version string
}

// Stats count what a recording fetched.
type Stats struct {
	Rounds, FeedSnapshots, NotModified, Pages, Errors int
	// RobotsSkipped counts pages robots.txt asked us not to fetch.
	RobotsSkipped int
}

// robotsAgent is the product token matched against robots.txt groups, the
// same the article-parser uses.
const robotsAgent = "newsmon"

// Run records until Duration passes, Rounds are done or ctx ends, then
// writes the manifest.
func Run(ctx context.Context, o Options) (st Stats, err error) {
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Interval <= 0 {
		o.Interval = o.List.Interval()
	}
	opts := httpguard.DefaultOptions(o.Version)
	opts.Allow, opts.Clock = o.Allow, o.Clock
	client, err := httpguard.New(opts)
	if err != nil {
		return st, fmt.Errorf("record: %w", err)
	}
	defer client.CloseIdleConnections()
	var feeds []archive.Feed
	for _, f := range o.List.Feeds {
		if f.IsEnabled() {
			feeds = append(feeds, archive.Feed{URL: f.URL, Name: f.Name, Tags: f.Tags, Language: f.Language})
		}
	}
	w, err := archive.Create(o.Out, archive.Meta{CreatedBy: "newsmon record " + o.Version,
		Description: fmt.Sprintf("recorded from %d feeds every %s", len(feeds), o.Interval), Feeds: feeds})
	if err != nil {
		return st, err
	}
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	r := &recorder{o: o, client: client, w: w, validators: map[string]httpguard.Validators{}, pages: map[string]bool{},
		robots: map[string]*robots.Rules{}}
	var stop <-chan time.Time
	if o.Duration > 0 {
		stop = o.Clock.After(o.Duration)
	}
	for {
		for _, f := range feeds {
			if ctx.Err() != nil {
				return r.st, nil
			}
			r.pollFeed(ctx, f)
		}
		r.st.Rounds++
		if err := w.Flush(); err != nil {
			return r.st, err
		}
		if o.Rounds > 0 && r.st.Rounds >= o.Rounds {
			return r.st, nil
		}
		select {
		case <-ctx.Done():
			return r.st, nil
		case <-stop:
			return r.st, nil
		case <-o.Clock.After(o.Interval):
		}
	}
}

type recorder struct {
	o          Options
	client     *httpguard.Client
	w          *archive.Writer
	validators map[string]httpguard.Validators
	pages      map[string]bool
	// robots holds each site's rules for the whole recording.
	robots map[string]*robots.Rules
	st     Stats
}

// pollFeed records a feed snapshot when it changed and the pages of
// entries not seen before.
func (r *recorder) pollFeed(ctx context.Context, f archive.Feed) {
	resp, err := r.client.Fetch(ctx, httpguard.Request{URL: f.URL, Accept: feedAccept, Conditional: r.validators[f.URL]})
	now := r.o.Clock.Now()
	if err != nil {
		r.fail(f.URL, now, archive.KindFeed, err)
		return
	}
	if resp.NotModified {
		r.st.NotModified++
		return
	}
	r.validators[f.URL] = resp.Validators
	r.add(f.URL, archive.KindFeed, now, resp)
	r.st.FeedSnapshots++
	doc, err := normalize.Parse(resp.Body, resp.Header.Get("Content-Type"), normalize.Source{Key: f.URL, URL: resp.URL, Name: f.Name}, now, 1000)
	if err != nil {
		r.o.Logger.Warn("feed not parsed", slog.String("feed", httpguard.Redact(f.URL)), slog.String("error", err.Error()))
		return
	}
	for _, it := range doc.Items {
		if it.URL == "" || r.pages[it.URL] {
			continue
		}
		if ok, settled := r.allowed(ctx, it.URL); !ok {
			if settled {
				r.pages[it.URL] = true // disallowed for good: do not ask again
				r.st.RobotsSkipped++
			}
			continue
		}
		r.pages[it.URL] = true
		page, err := r.client.Fetch(ctx, httpguard.Request{URL: it.URL, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
		if err != nil {
			r.fail(it.URL, r.o.Clock.Now(), archive.KindArticle, err)
			continue
		}
		r.add(it.URL, archive.KindArticle, r.o.Clock.Now(), page)
		r.st.Pages++
	}
}

// allowed reports whether the site's robots.txt lets us fetch page, and
// whether that answer is settled (false while the file cannot be read). The
// file is fetched once per site and recorded, so a replay of the archive
// sees the same rules. As RFC 9309 says, a missing file (4xx) allows
// everything; a file that cannot be read now (5xx, network) disallows for
// this round and is asked for again in the next.
func (r *recorder) allowed(ctx context.Context, page string) (ok, settled bool) {
	u, err := url.Parse(page)
	if err != nil || u.Host == "" {
		return false, true
	}
	origin := u.Scheme + "://" + u.Host
	if rules, ok := r.robots[origin]; ok {
		return rules.Allowed(u), true
	}
	resp, err := r.client.Fetch(ctx, httpguard.Request{URL: origin + "/robots.txt", Accept: "text/plain,*/*;q=0.5"})
	var se *httpguard.StatusError
	switch {
	case err == nil:
		r.add(origin+"/robots.txt", archive.KindOther, r.o.Clock.Now(), resp)
		r.robots[origin] = robots.Parse(resp.Body, robotsAgent)
	case errors.As(err, &se) && se.StatusCode >= 400 && se.StatusCode < 500 && se.StatusCode != http.StatusTooManyRequests:
		r.robots[origin] = robots.AllowAll
	default:
		r.o.Logger.Warn("robots.txt unavailable; the site's pages wait for the next round",
			slog.String("site", httpguard.Redact(origin)), slog.String("error", err.Error()))
		return false, false
	}
	return r.robots[origin].Allowed(u), true
}

// add records a response; a redirected request is recorded as a 301 from
// the URL asked to the final one, then the final answer.
func (r *recorder) add(asked, kind string, at time.Time, resp *httpguard.Response) {
	if resp.URL != "" && resp.URL != asked {
		r.put(archive.Record{URL: asked, Kind: archive.KindOther, FetchedAt: at, Status: http.StatusMovedPermanently,
			Header: http.Header{"Location": {resp.URL}}})
		asked = resp.URL
	}
	r.put(archive.Record{URL: asked, Kind: kind, FetchedAt: at, Status: resp.StatusCode, Header: resp.Header, Body: resp.Body})
}

// fail records an HTTP error status as such, so replay meets it too;
// network failures are only counted.
func (r *recorder) fail(u string, at time.Time, kind string, err error) {
	r.st.Errors++
	r.o.Logger.Warn("fetch failed", slog.String("url", httpguard.Redact(u)), slog.String("class", string(httpguard.ClassOf(err))), slog.String("error", err.Error()))
	var se *httpguard.StatusError
	if errors.As(err, &se) {
		r.put(archive.Record{URL: u, Kind: kind, FetchedAt: at, Status: se.StatusCode})
	}
}

func (r *recorder) put(rec archive.Record) {
	if _, err := r.w.Add(rec); err != nil {
		r.o.Logger.Error("archive write failed", slog.String("url", httpguard.Redact(rec.URL)), slog.String("error", err.Error()))
	}
}
