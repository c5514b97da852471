package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/events"
)

// printAlerts writes every alert published from now on to w, one line each.
func printAlerts(ctx context.Context, d app.Deps, w io.Writer) error {
	start := d.Clock.Now()
	cons, err := d.JS.OrderedConsumer(ctx, bus.StreamAlerts, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{events.SubjectAlertsAll},
		DeliverPolicy:  jetstream.DeliverByStartTimePolicy,
		OptStartTime:   &start,
	})
	if err != nil {
		return fmt.Errorf("alert printer: %w", err)
	}
	cc, err := cons.Consume(func(m jetstream.Msg) {
		var a events.Alert
		if err := json.Unmarshal(m.Data(), &a); err != nil {
			d.Logger.Warn("undecodable alert", slog.String("subject", m.Subject()), slog.Any("error", err))
			return
		}
		fmt.Fprintln(w, alerts.FormatLine(a))
	})
	if err != nil {
		return fmt.Errorf("alert printer: %w", err)
	}
	<-ctx.Done()
	cc.Drain()
	select {
	case <-cc.Closed():
	case <-time.After(5 * time.Second):
	}
	return nil
}
