package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

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
		fmt.Fprintln(w, alertLine(a))
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

// alertLine renders an alert as one readable line.
func alertLine(a events.Alert) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s/%s %.2f] %s", a.UpdatedAt.UTC().Format("2006-01-02 15:04"), a.Topic, a.Severity, a.Confidence, oneLine(a.Headline))
	if a.Kind == events.AlertUpdate {
		fmt.Fprintf(&b, " (update r%d: %s)", a.Revision, strings.Join(a.Changes, "; "))
	}
	fmt.Fprintf(&b, " <%s> sources=%d story=%s", a.URL, len(a.Sources), a.StoryID)
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
