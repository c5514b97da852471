package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
)

// Service is one unit a Host runs: a service's Run bound to its config.
// Run blocks until ctx ends, then stops its work and returns.
type Service struct {
	Name string
	Run  func(ctx context.Context, d Deps) error
}

// HostOptions configure a Host.
type HostOptions struct {
	Common Common
	// Logs receives the structured logs.
	Logs io.Writer
	// Clock defaults to the wall clock.
	Clock clock.Clock
	// Ready, when set, is called once the topology is applied and the
	// services have been started, with the admin address ("" if disabled).
	Ready func(adminAddr string)
}

// Host runs services in one process over one NATS connection: it builds
// the logger, connects, applies the topology, serves /metrics and /healthz,
// runs every service until ctx ends or one fails, then tears down in
// reverse order under a bounded timeout.
func Host(ctx context.Context, o HostOptions, services ...Service) (err error) {
	if err := o.Common.Validate(); err != nil {
		return err
	}
	log, err := NewLogger(o.Logs, o.Common.LogLevel, o.Common.LogFormat)
	if err != nil {
		return err
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	health := NewHealth()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	conn, err := Connect(o.Common.NATSURL, o.Common.NATSCreds, "newsmon", log, health)
	if err != nil {
		return err
	}
	defer func() {
		dctx, cancel := context.WithTimeout(context.Background(), o.Common.ShutdownTimeout)
		defer cancel()
		if derr := conn.Drain(dctx); derr != nil && err == nil {
			err = derr
		}
	}()

	topo := bus.Default(o.Common.TopologyOptions())
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	err = bus.Ensure(tctx, conn.JS, topo)
	cancel()
	if err != nil {
		return err
	}

	adminAddr := ""
	if o.Common.HTTPListen != "" {
		admin, err := StartAdmin(o.Common.HTTPListen, reg, health)
		if err != nil {
			return err
		}
		adminAddr = admin.Addr()
		log.Info("admin server listening", slog.String("addr", adminAddr))
		defer func() {
			if serr := admin.Shutdown(); serr != nil && err == nil {
				err = serr
			}
		}()
	}

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	type result struct {
		name string
		err  error
	}
	results := make(chan result, len(services))
	for _, s := range services {
		d := Deps{
			Logger:   log.With(slog.String("service", s.Name)),
			NC:       conn.NC,
			JS:       conn.JS,
			Registry: prometheus.WrapRegistererWith(prometheus.Labels{"service": s.Name}, reg),
			Health:   health,
			Clock:    o.Clock,
			Topology: topo,
		}
		go func() { results <- result{name: s.Name, err: s.Run(runCtx, d)} }()
	}
	if o.Ready != nil {
		o.Ready(adminAddr)
	}
	var errs []error
	for range services {
		r := <-results
		if r.err != nil && !errors.Is(r.err, context.Canceled) {
			errs = append(errs, fmt.Errorf("%s: %w", r.name, r.err))
			stop() // one failed service stops the others
		}
	}
	return errors.Join(errs...)
}
