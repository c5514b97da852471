// Package record polls live feeds and the articles they link to and
// writes what it fetched as a newsmon archive (pkg/archive), for replay.
package record

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/httpguard"
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
}

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
	r := &recorder{o: o, client: client, w: w, validators: map[string]httpguard.Validators{}, pages: map[string]bool{}}
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
	st         Stats
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
