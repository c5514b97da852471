package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/notifier/notify/outbound"
	"github.com/newsmon/newsmon/services/notifier/notify/route"
)

type handler struct {
	routes    *route.Config
	dests     map[string]*destination
	store     *store
	clock     clock.Clock
	log       *slog.Logger
	metrics   *metrics
	maxInline time.Duration
}

// handle delivers one alert to every destination its routes name. Each
// destination is handled on its own: one already in the notification log
// is skipped, so a redelivery only retries the destinations that failed.
// The message is acked when every destination has the alert (or has it
// queued for a digest), retried when one failed in a way that may pass,
// and dead-lettered with the reasons when one refused it for good.
func (h *handler) handle(ctx context.Context, m bus.Msg) error {
	a, err := alerts.Decode(m.Data)
	if err != nil {
		return bus.Permanent(err)
	}
	redrive := m.Header.Get(bus.HeaderRedrive) != ""
	var retry, permanent []error
	var wait time.Duration
	for _, t := range h.routes.Targets(a) {
		d := h.dests[t.Destination]
		if d == nil {
			h.metrics.count(t.Destination, outcomeUnconfigured)
			continue
		}
		err := h.toDestination(ctx, d, t, a, redrive)
		if err == nil {
			continue
		}
		oe, _ := outbound.AsError(err)
		switch {
		case oe != nil && oe.Permanent:
			permanent = append(permanent, err)
		default:
			retry = append(retry, err)
			if oe != nil && oe.RetryAfter > wait {
				wait = oe.RetryAfter
			}
		}
	}
	switch {
	case len(retry) > 0:
		err := fmt.Errorf("alert %s: %w", a.ID, errors.Join(append(retry, permanent...)...))
		if wait > 0 {
			return bus.RetryAfter(err, wait)
		}
		return err
	case len(permanent) > 0:
		return bus.Permanent(fmt.Errorf("alert %s: %w", a.ID, errors.Join(permanent...)))
	}
	return nil
}

func (h *handler) toDestination(ctx context.Context, d *destination, t route.Target, a events.Alert, redrive bool) error {
	sent, err := h.store.sent(ctx, d.Name, a.ID)
	if err != nil {
		return err
	}
	if sent {
		h.metrics.count(d.Name, outcomeDuplicate)
		return nil
	}
	if !redrive {
		// A refusal recorded on an earlier delivery stands; a redrive from
		// the dead letters (after the operator fixed something) tries again.
		if reason, failed, err := h.store.failed(ctx, d.Name, a.ID); err != nil {
			return err
		} else if failed {
			return &outbound.Error{Destination: d.Name, Permanent: true, Detail: "refused earlier: " + reason}
		}
	}
	if t.Digest > 0 {
		if err := h.store.addDigest(ctx, d.Name, t.Route, a); err != nil {
			return err
		}
		h.metrics.count(d.Name, outcomeDigestQueued)
		return nil
	}
	err = h.send(ctx, d, func(ctx context.Context) error { return d.sender.SendAlert(ctx, a) })
	if err == nil {
		return h.store.markSent(ctx, d.Name, a.ID, sentRecord{At: h.clock.Now().UTC(), Route: t.Route})
	}
	if oe, ok := outbound.AsError(err); ok && oe.Permanent {
		if merr := h.store.markFailed(ctx, d.Name, a.ID, oe.Reason()); merr != nil {
			h.log.Warn("could not record a refused delivery", slog.String("destination", d.Name), slog.Any("error", merr))
		}
	}
	return err
}

// send runs one delivery through the destination's gate, waiting inline
// for a short Retry-After once, and records the outcome.
func (h *handler) send(ctx context.Context, d *destination, do func(context.Context) error) error {
	for attempt := 1; ; attempt++ {
		if err := d.gate.wait(ctx, h.maxInline); err != nil {
			h.outcome(d, err)
			return err
		}
		start := time.Now()
		err := do(ctx)
		h.metrics.latency.WithLabelValues(d.Name).Observe(time.Since(start).Seconds())
		if err == nil {
			h.metrics.count(d.Name, outcomeSent)
			return nil
		}
		oe, ok := outbound.AsError(err)
		if !ok {
			oe = &outbound.Error{Destination: d.Name, Detail: err.Error()}
			err = oe
		}
		if oe.RetryAfter > 0 {
			d.gate.pause(oe.RetryAfter)
			if attempt == 1 && oe.RetryAfter <= h.maxInline {
				h.metrics.count(d.Name, outcomeRateLimited)
				continue
			}
		}
		if oe.Disable && d.gate.disable(oe.Reason()) {
			h.metrics.disabled.WithLabelValues(d.Name).Set(1)
			h.log.Error("destination disabled: fix its configuration and restart; alerts for it go to the dead letters",
				slog.String("destination", d.Name), slog.String("type", d.Type), slog.Int("status", oe.Status),
				slog.String("code", oe.Code))
		}
		h.outcome(d, err)
		return err
	}
}

func (h *handler) outcome(d *destination, err error) {
	oe, _ := outbound.AsError(err)
	switch {
	case oe != nil && oe.Disable:
		h.metrics.count(d.Name, outcomeDisabled)
	case oe != nil && oe.Permanent:
		h.metrics.count(d.Name, outcomeFailed)
		h.log.Warn("delivery refused", slog.String("destination", d.Name), slog.Any("error", err))
	case oe != nil && oe.RetryAfter > 0:
		h.metrics.count(d.Name, outcomeRateLimited)
	default:
		h.metrics.count(d.Name, outcomeRetry)
		h.log.Info("delivery failed; will retry", slog.String("destination", d.Name), slog.Any("error", err))
	}
}
