package classifier

import (
	"context"
	"log/slog"
	"time"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
)

// Run consumes news.articles until ctx ends, then drains.
func Run(ctx context.Context, cfg Config, d app.Deps) error {
	h, err := newHandler(ctx, cfg, d)
	if err != nil {
		return err
	}
	spec, _ := d.Topology.Consumer(bus.ConsumerDealClassifier)
	c, err := bus.Consume(ctx, d.JS, spec, h.handle, bus.ConsumeOptions{
		Logger: d.Logger, Workers: cfg.Workers, Metrics: bus.NewConsumeMetrics(d.Registry),
	})
	if err != nil {
		return err
	}
	d.Health.Set("deal-classifier", nil)
	d.Logger.Info("deal-classifier started", slog.Int("workers", cfg.Workers))
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return c.Stop(sctx)
}
