package notify

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
)

// Run consumes alerts until ctx ends, then drains: alerts in hand are
// finished, digest entries stay in the notification log for the next run.
func Run(ctx context.Context, cfg Config, d app.Deps) error {
	rc, err := cfg.loadRoutes()
	if err != nil {
		return err
	}
	sec, skipped, err := resolveSecrets(rc, cfg.getenv())
	if err != nil {
		return err
	}
	kv, err := d.JS.KeyValue(ctx, bus.BucketNotifyLog)
	if err != nil {
		return fmt.Errorf("notifier: notification log bucket %s: %w", bus.BucketNotifyLog, err)
	}
	st := &store{kv: kv}
	m := newMetrics(d.Registry)
	h := &handler{routes: rc, store: st, clock: d.Clock, log: d.Logger, metrics: m, maxInline: cfg.MaxInlineWait}
	h.dests = buildDestinations(rc, sec, st, cfg, d.Clock, d.Logger)
	for _, dst := range rc.Destinations {
		_, on := h.dests[dst.Name]
		v := 0.0
		if on {
			v = 1
		}
		m.configured.WithLabelValues(dst.Name, dst.Type).Set(v)
		m.disabled.WithLabelValues(dst.Name).Set(0)
	}
	for _, s := range skipped {
		what := s.URLEnv
		if s.Type == "slack_bot" {
			what = s.TokenEnv
		}
		d.Logger.Info("optional destination not configured; its alerts are skipped",
			slog.String("destination", s.Name), slog.String("type", s.Type), slog.String("set", what))
	}

	spec, ok := d.Topology.Consumer(bus.ConsumerNotifier)
	if !ok {
		return fmt.Errorf("notifier: topology has no %s consumer", bus.ConsumerNotifier)
	}
	c, err := bus.Consume(ctx, d.JS, spec, h.handle, bus.ConsumeOptions{
		Logger: d.Logger, Workers: cfg.Workers, Metrics: bus.NewConsumeMetrics(d.Registry),
		NakBase: cfg.RetryBase, NakMax: cfg.RetryMax,
	})
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, r := range rc.Routes {
		if r.Digest <= 0 {
			continue
		}
		for _, name := range r.To {
			if dst := h.dests[name]; dst != nil {
				wg.Go(func() { h.digestLoop(ctx, dst, r.Name, r.Digest) })
			}
		}
	}
	d.Health.Set("notifier", nil)
	d.Logger.Info("notifier started", slog.Int("workers", cfg.Workers), slog.Int("routes", len(rc.Routes)),
		slog.Int("destinations", len(h.dests)), slog.Int("destinations_skipped", len(skipped)))
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = c.Stop(sctx)
	wg.Wait()
	return err
}
