// Package replay runs newsmon's real pipeline over an archive: the
// feed-fetcher and article-parser fetch over HTTP answered by the archive
// (pkg/archive.Transport), the deal-classifier clusters and alerts, all on
// an embedded NATS server and a virtual clock that walks from one feed poll
// to the next. Between two steps of the clock the pipeline is left to go
// quiet (every feed rescheduled, every consumer with nothing pending or
// unacknowledged), so the same archive and rules always give the same
// alerts, byte for byte.
package replay

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/natsembed"
	"github.com/newsmon/newsmon/services/article-parser/parser"
	"github.com/newsmon/newsmon/services/deal-classifier/classifier"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
	"github.com/newsmon/newsmon/services/feed-fetcher/fetcher"
	"github.com/newsmon/newsmon/services/notifier/notify"
)

// Options configure a replay.
type Options struct {
	// Archive is an archive directory or a WARC file.
	Archive string
	// Speed is how many virtual seconds pass per wall second; 0 replays
	// as fast as the pipeline goes.
	Speed float64
	// PollInterval is every feed's base poll interval (the fetcher adapts
	// it between half and four times this).
	PollInterval time.Duration
	// RulesFile is the classifier's rules; empty uses the built-in rules.
	RulesFile string
	// SkipPages answers every article page with 404, so the parser falls
	// back to the feed's text: the pipeline without extraction.
	SkipPages bool
	// Alerts receives each alert, in a deterministic order.
	Alerts func(a Alert) error
	// Progress, when set, receives a progress line now and then.
	Progress io.Writer
	// Logger logs the services (default: discard).
	Logger *slog.Logger
	// NATSListen, when set, exposes the embedded server on this address
	// ("127.0.0.1:4222") so `nats sub 'alerts.>'` can watch the replay.
	NATSListen string
	// Allow lists CIDRs or hosts (comma-separated) the URL guard lets
	// through, for archives recorded from intranet or loopback addresses.
	Allow string
	// Routes, when set, also runs the notifier with this routes file, so a
	// replay delivers its alerts to Slack or webhooks; Getenv resolves the
	// routes' secrets (default os.Getenv).
	Routes string
	Getenv func(string) string
	// Hooks for tests and the benchmark.
	onStep func(now time.Time)
}

// Run replays the archive and returns the summary.
func Run(ctx context.Context, o Options) (Summary, error) {
	wallStart := time.Now()
	if o.PollInterval <= 0 {
		o.PollInterval = time.Hour
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	ar, err := archive.Open(o.Archive)
	if err != nil {
		return Summary{}, err
	}
	feeds := ar.Feeds()
	if len(feeds) == 0 {
		return Summary{}, fmt.Errorf("replay: %s holds no feeds", o.Archive)
	}
	startAt, endAt := timeline(ar)
	// Every feed polls at least once, even in a recording shorter than
	// the seeded first polls (see seed).
	if endAt.Before(startAt) {
		endAt = startAt
	}
	endAt = endAt.Add(time.Duration(len(feeds)+1) * time.Second)
	clk := clock.NewVirtual(startAt)

	dir, err := os.MkdirTemp("", "newsmon-replay-")
	if err != nil {
		return Summary{}, fmt.Errorf("replay: %w", err)
	}
	defer os.RemoveAll(dir)
	host, port := "127.0.0.1", -1
	if o.NATSListen != "" {
		if host, port, err = splitListen(o.NATSListen); err != nil {
			return Summary{}, err
		}
	}
	ns, err := natsembed.Start(natsembed.Options{Host: host, Port: port, StoreDir: dir})
	if err != nil {
		return Summary{}, fmt.Errorf("replay: %w", err)
	}
	defer natsembed.Stop(ns)
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		return Summary{}, fmt.Errorf("replay: connect: %w", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return Summary{}, fmt.Errorf("replay: %w", err)
	}
	// Items stay "seen" and publishes de-duplicated for the whole virtual
	// span, however long the archive.
	topo := bus.Default(bus.Options{})
	if err := bus.Ensure(ctx, js, topo); err != nil {
		return Summary{}, fmt.Errorf("replay: %w", err)
	}

	tr := archive.NewTransport(ar, clk)
	var pageTransport = tr
	if o.SkipPages {
		pageTransport = archive.NewTransport(archive.Empty(), clk)
	}
	list := &feedlist.List{Version: 1}
	for _, f := range feeds {
		list.Feeds = append(list.Feeds, feedlist.Feed{Name: f.Name, URL: f.URL, Tags: f.Tags, Language: f.Language,
			Interval: feedlist.Duration(o.PollInterval)})
	}
	fcfg := fetcher.DefaultConfig()
	fcfg.List, fcfg.Transport, fcfg.FirstPollItems, fcfg.Version, fcfg.Allow = list, tr, fcfg.MaxItems, "replay", o.Allow
	pcfg := parser.DefaultConfig()
	pcfg.Workers, pcfg.Transport, pcfg.Version, pcfg.Allow = 1, pageTransport, "replay", o.Allow
	ccfg := classifier.DefaultConfig()
	ccfg.Workers, ccfg.RulesFile = 1, o.RulesFile
	ncfg := notify.DefaultConfig()
	ncfg.RoutesFile, ncfg.Getenv, ncfg.Workers = o.Routes, o.Getenv, 1
	checks := []interface{ Validate() error }{&fcfg, &pcfg, &ccfg}
	if o.Routes != "" {
		checks = append(checks, &ncfg)
	}
	for _, v := range checks {
		if err := v.Validate(); err != nil {
			return Summary{}, err
		}
	}
	if err := seed(ctx, js, feeds, startAt); err != nil {
		return Summary{}, err
	}
	w, err := newWatcher(ctx, js, topo, feeds, o.Routes != "")
	if err != nil {
		return Summary{}, err
	}
	defer w.stop()
	tr.OnServe = w.serve
	itemsCC, err := w.readItems(ctx)
	if err != nil {
		return Summary{}, err
	}
	defer itemsCC.Stop()
	deps := func(name string) app.Deps {
		return app.Deps{Logger: o.Logger.With(slog.String("service", name)), NC: nc, JS: js, Registry: prometheus.NewRegistry(),
			Health: app.NewHealth(), Clock: clk, Topology: topo}
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	services := map[string]func(context.Context) error{
		"article-parser":  func(ctx context.Context) error { return parser.Run(ctx, pcfg, deps("article-parser")) },
		"deal-classifier": func(ctx context.Context) error { return classifier.Run(ctx, ccfg, deps("deal-classifier")) },
		"feed-fetcher":    func(ctx context.Context) error { return fetcher.Run(ctx, fcfg, deps("feed-fetcher")) },
	}
	names := []string{"article-parser", "deal-classifier", "feed-fetcher"}
	if o.Routes != "" {
		services["notifier"] = func(ctx context.Context) error { return notify.Run(ctx, ncfg, deps("notifier")) }
		names = append(names, "notifier")
	}
	errc := make(chan error, len(names))
	for _, name := range names {
		go func() {
			if err := services[name](runCtx); err != nil && !errors.Is(err, context.Canceled) {
				errc <- fmt.Errorf("replay: %s: %w", name, err)
				return
			}
			errc <- nil
		}()
	}
	sum := Summary{Archive: o.Archive, Feeds: len(feeds), VirtualStart: startAt, AlertsByTopic: map[string]int{}}
	loopErr := walk(ctx, o, clk, w, endAt, &sum, errc)
	stop()
	for range names {
		if err := <-errc; err != nil && loopErr == nil {
			loopErr = err
		}
	}
	if loopErr != nil {
		return sum, loopErr
	}
	sum.VirtualEnd = clk.Now()
	sum.Requests, sum.Misses = tr.Requests()
	w.mu.Lock()
	sum.Missing = slices.Clone(w.missing)
	w.mu.Unlock()
	if err := w.count(ctx, &sum); err != nil {
		return sum, err
	}
	sum.Wall = time.Since(wallStart)
	return sum, nil
}

// timeline returns where the clock starts (once every feed has a first
// snapshot, so no feed is asked for before it existed) and where the
// recording ends.
func timeline(ar *archive.Reader) (start, end time.Time) {
	first := map[string]time.Time{}
	for _, x := range ar.Manifest().Exchanges {
		if x.Kind == archive.KindFeed {
			if _, ok := first[x.URL]; !ok {
				first[x.URL] = x.FetchedAt
			}
		}
		if x.FetchedAt.After(end) {
			end = x.FetchedAt
		}
	}
	for _, t := range first {
		if t.After(start) {
			start = t
		}
	}
	if start.IsZero() {
		start = ar.Manifest().Start
	}
	return start, end
}
