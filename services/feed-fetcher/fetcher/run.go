package fetcher

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/httpguard"
)

// Run polls the configured feeds until ctx ends, then lets in-flight polls
// finish (bounded) and returns.
func Run(ctx context.Context, cfg Config, d app.Deps) error {
	r, err := newRunner(ctx, cfg, d)
	if err != nil {
		return err
	}
	defer r.client.CloseIdleConnections()
	if d.Health != nil {
		d.Health.Set("feed-fetcher", nil)
	}
	if r.websub != nil {
		stop, err := r.serveWebSub(cfg.WebSub.Listen, d)
		if err != nil {
			return err
		}
		defer stop()
	}
	r.sched.run(ctx)
	return nil
}

// serveWebSub starts the callback server; stop shuts it down.
func (r *runner) serveWebSub(addr string, d app.Deps) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("feed-fetcher: websub callback listener: %w", err)
	}
	srv := &http.Server{Handler: r.websub, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 32 << 10}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) && d.Health != nil {
			d.Health.Set("websub-callback", err)
		}
	}()
	d.Logger.Info("websub callback listening", slog.String("addr", ln.Addr().String()))
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-done
	}, nil
}

// runner is a set-up fetcher: the poller and its scheduler.
type runner struct {
	client *httpguard.Client
	poller *poller
	sched  *scheduler
	websub *websub
}

// newRunner loads the feed list and the stored feed state and builds the
// schedule.
func newRunner(ctx context.Context, cfg Config, d app.Deps) (*runner, error) {
	list, err := cfg.feeds()
	if err != nil {
		return nil, err
	}
	client, err := cfg.client()
	if err != nil {
		return nil, err
	}
	clk := d.Clock
	if clk == nil {
		clk = clock.Real{}
	}
	reg := d.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	stateKV, err := d.JS.KeyValue(ctx, bus.BucketFeedState)
	if err != nil {
		return nil, fmt.Errorf("feed-fetcher: open %s bucket: %w", bus.BucketFeedState, err)
	}
	seenKV, err := d.JS.KeyValue(ctx, bus.BucketSeenItems)
	if err != nil {
		return nil, fmt.Errorf("feed-fetcher: open %s bucket: %w", bus.BucketSeenItems, err)
	}
	p := &poller{
		cfg: cfg, log: d.Logger, clock: clk, client: client,
		limiter:  httpguard.NewHostLimiter(cfg.PerHost, cfg.Concurrency),
		parseSem: make(chan struct{}, cfg.ParseConcurrency),
		states:   stateStore{kv: stateKV}, seen: seenStore{kv: seenKV},
		pub:   bus.NewPublisher(d.JS, "newsmon/feed-fetcher", clk),
		m:     newMetrics(reg, cfg.MetricsFeeds),
		owner: cfg.ReplicaID,
	}
	if p.owner == "" {
		p.owner = defaultReplicaID()
	}
	var ws *websub
	if cfg.WebSub.Enabled() {
		ws = newWebSub(cfg, p, stateKV, list)
		p.websub = ws
	}
	now := clk.Now()
	var runs []*feedRun
	disabled := 0
	for _, f := range list.Feeds {
		if !f.IsEnabled() {
			continue
		}
		st, rev, err := p.states.load(ctx, f.URL)
		if err != nil {
			return nil, fmt.Errorf("feed-fetcher: %w", err)
		}
		if st.Disabled {
			disabled++
			d.Logger.Warn("feed disabled", slog.String("feed", f.Name), slog.String("reason", st.DisabledReason))
			continue
		}
		st.Name = f.Name
		fr := &feedRun{feed: f, base: f.Every(list.Interval()), key: FeedKey(f.URL), st: st, rev: rev}
		// Resume the stored schedule; overdue and new feeds are spread over
		// the first minute so a restart never bursts. A feed another
		// replica (or a dead predecessor) holds waits for its lease.
		fr.due = st.NextPoll
		if fr.due.Before(now) {
			fr.due = now.Add(startOffset(fr.key, fr.base))
		}
		if st.leasedByOther(p.owner, now) && st.LeaseUntil.After(fr.due) {
			fr.due = st.LeaseUntil
		}
		runs = append(runs, fr)
	}
	d.Logger.Info("feed-fetcher started", slog.Int("feeds", len(runs)), slog.Int("disabled", disabled),
		slog.Int("per_host", cfg.PerHost), slog.Int("concurrency", cfg.Concurrency), slog.String("replica", p.owner))
	return &runner{client: client, poller: p, sched: newScheduler(clk, p.poll, runs), websub: ws}, nil
}
