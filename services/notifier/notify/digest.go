package notify

import (
	"context"
	"log/slog"
	"sort"
	"strconv"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
)

// Digests. An alert matched by a digest route is not sent at once: it is
// written to the notification log as a pending entry (digest.<dest>.<route>.<id>)
// and the message is acked. Every period, at window boundaries of the
// service clock, one replica claims the window (flush.<...>.<end>, created
// only once) and sends the pending entries as one message. After a 2xx it
// records each alert as sent, then deletes the pending entries. So the
// digest state survives restarts: a pending entry stays until a digest that
// carries it is delivered; an entry whose alert is already recorded as sent
// (the process stopped between the two steps) is dropped, not sent again.
// A failed digest leaves its entries for the next window.

// digestLoop flushes route's digest to dest at the end of every period.
func (h *handler) digestLoop(ctx context.Context, dest *destination, routeName string, period time.Duration) {
	for {
		now := h.clock.Now()
		end := now.Truncate(period).Add(period)
		select {
		case <-ctx.Done():
			return
		case <-h.clock.Until(end):
		}
		if err := h.flushDigest(ctx, dest, routeName, end); err != nil && ctx.Err() == nil {
			h.log.Warn("digest not sent; its alerts wait for the next one", slog.String("destination", dest.Name),
				slog.String("route", routeName), slog.Any("error", err))
		}
	}
}

// flushDigest sends the pending entries of one digest window.
func (h *handler) flushDigest(ctx context.Context, d *destination, routeName string, end time.Time) error {
	pending, err := h.store.pendingDigest(ctx, d.Name, routeName)
	if err != nil || len(pending) == 0 {
		return err
	}
	claimed, err := h.store.claimWindow(ctx, d.Name, routeName, end)
	if err != nil || !claimed {
		return err
	}
	var keys []string
	var list []events.Alert
	for k, a := range pending {
		sent, err := h.store.sent(ctx, d.Name, a.ID)
		if err != nil {
			return err
		}
		if sent {
			if err := h.store.remove(ctx, k); err != nil {
				return err
			}
			continue
		}
		keys = append(keys, k)
		list = append(list, a)
	}
	if len(list) == 0 {
		return nil
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].UpdatedAt.Equal(list[j].UpdatedAt) {
			return list[i].UpdatedAt.Before(list[j].UpdatedAt)
		}
		return list[i].ID < list[j].ID
	})
	ids := []string{"digest", d.Name, routeName}
	for _, a := range list {
		ids = append(ids, a.ID)
	}
	id := events.StableID(ids...)
	shown := latestPerStory(list)
	if err := h.send(ctx, d, func(ctx context.Context) error { return d.sender.SendDigest(ctx, id, shown) }); err != nil {
		return err
	}
	h.metrics.digests.WithLabelValues(d.Name).Inc()
	at := h.clock.Now().UTC()
	for _, a := range list {
		if err := h.store.markSent(ctx, d.Name, a.ID, sentRecord{At: at, Route: routeName, Digest: id}); err != nil {
			return err
		}
	}
	for _, k := range keys {
		if err := h.store.remove(ctx, k); err != nil {
			return err
		}
	}
	h.log.Info("digest sent", slog.String("destination", d.Name), slog.String("route", routeName),
		slog.Int("alerts", len(list)), slog.String("digest_id", id))
	return nil
}

// latestPerStory keeps the newest revision of each story, in order.
func latestPerStory(list []events.Alert) []events.Alert {
	last := map[string]int{}
	for i, a := range list {
		if j, ok := last[a.StoryID]; !ok || a.Revision >= list[j].Revision {
			last[a.StoryID] = i
		}
	}
	var out []events.Alert
	for i, a := range list {
		if last[a.StoryID] == i {
			out = append(out, a)
		}
	}
	return out
}

func digestTitle(list []events.Alert) string {
	if len(list) == 1 {
		return "newsmon digest: 1 alert"
	}
	return "newsmon digest: " + strconv.Itoa(len(list)) + " alerts"
}
