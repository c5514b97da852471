package parser

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/services/article-parser/extract"
)

// drainTimeout bounds the wait for items in hand after ctx ends.
const drainTimeout = 30 * time.Second

// Run consumes news.items until ctx ends, then drains: items already
// delivered are finished (bounded) before it returns.
func Run(ctx context.Context, cfg Config, d app.Deps) error {
	h, err := newHandler(ctx, cfg, d)
	if err != nil {
		return err
	}
	defer h.fetcher.CloseIdleConnections()
	spec, ok := d.Topology.Consumer(bus.ConsumerArticleParser)
	if !ok {
		return fmt.Errorf("article-parser: topology has no consumer %s", bus.ConsumerArticleParser)
	}
	if spec.MaxDeliver > 1 && h.attempts >= uint64(spec.MaxDeliver) {
		// The last delivery must publish the fallback, never dead-letter.
		h.attempts = uint64(spec.MaxDeliver - 1)
	}
	reg := d.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	c, err := bus.Consume(ctx, d.JS, spec, h.handle, bus.ConsumeOptions{
		Logger: d.Logger, Workers: cfg.Workers, Metrics: bus.NewConsumeMetrics(reg),
	})
	if err != nil {
		return err
	}
	if d.Health != nil {
		d.Health.Set("article-parser", nil)
	}
	h.log.Info("article-parser started", slog.Int("workers", cfg.Workers), slog.Int("per_host", cfg.PerHost),
		slog.Bool("robots", cfg.Robots), slog.String("method", cfg.Method))
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drainTimeout)
	defer cancel()
	return c.Stop(sctx)
}

func newHandler(ctx context.Context, cfg Config, d app.Deps) (*handler, error) {
	clk := d.Clock
	if clk == nil {
		clk = clock.Real{}
	}
	log := d.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	f, err := NewFetcher(cfg, clk)
	if err != nil {
		return nil, err
	}
	kv, err := d.JS.KeyValue(ctx, bus.BucketArticleURLs)
	if err != nil {
		return nil, fmt.Errorf("article-parser: open %s bucket: %w", bus.BucketArticleURLs, err)
	}
	reg := d.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	return &handler{
		log: log, clock: clk, fetcher: f, index: urlIndex{kv: kv},
		pub:      bus.NewPublisher(d.JS, "newsmon/article-parser", clk),
		m:        newMetrics(reg),
		opts:     extract.Options{Method: cfg.Method},
		attempts: uint64(cfg.Attempts),
	}, nil
}
