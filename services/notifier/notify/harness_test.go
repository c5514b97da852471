package notify_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
	"github.com/newsmon/newsmon/services/notifier/notify"
)

// instance is one running notifier.
type instance struct {
	once   sync.Once
	reg    *prometheus.Registry
	cancel context.CancelFunc
	done   chan error
}

// start runs notify.Run with routes (YAML text) and env until stop.
func start(t *testing.T, js jetstream.JetStream, routes string, env map[string]string, clk clock.Clock, logs *natstest.Buffer) *instance {
	t.Helper()
	path := filepath.Join(t.TempDir(), "routes.yaml")
	if err := os.WriteFile(path, []byte(routes), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := notify.DefaultConfig()
	cfg.RoutesFile = path
	cfg.Workers = 2
	if env["_WORKERS"] == "1" {
		cfg.Workers = 1
	}
	cfg.RetryBase, cfg.RetryMax = 10*time.Millisecond, 50*time.Millisecond
	cfg.Getenv = func(k string) string { return env[k] }
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if clk == nil {
		clk = clock.Real{}
	}
	debugLogs.Store(t.Name(), logs)
	in := &instance{reg: prometheus.NewRegistry(), done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	in.cancel = cancel
	d := app.Deps{
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		JS:     js, Registry: in.reg, Health: app.NewHealth(), Clock: clk, Topology: testTopology(),
	}
	go func() { in.done <- notify.Run(ctx, cfg, d) }()
	t.Cleanup(func() { in.stop(t) })
	return in
}

func (in *instance) stop(t *testing.T) {
	t.Helper()
	in.once.Do(func() {
		in.cancel()
		select {
		case err := <-in.done:
			if err != nil {
				t.Errorf("notify.Run: %v", err)
			}
		case <-time.After(40 * time.Second):
			t.Error("notify.Run did not return after cancel")
		}
	})
}

func (in *instance) metrics(t *testing.T) string {
	t.Helper()
	mfs, err := in.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, mf := range mfs {
		if _, err := expfmt.MetricFamilyToText(&b, mf); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

var debugLogs sync.Map

// testTopology is newsmon's topology with a 3s AckWait for the notifier, so
// alerts held by a stopped notifier come back quickly.
func testTopology() bus.Topology {
	topo := bus.Default(bus.Options{})
	for i := range topo.Consumers {
		if topo.Consumers[i].Durable == bus.ConsumerNotifier {
			topo.Consumers[i].AckWait = 3 * time.Second
		}
	}
	return topo
}

// connect applies testTopology on srv and returns a JetStream context.
func connect(t *testing.T, srv *natstest.Server) jetstream.JetStream {
	t.Helper()
	_, js := srv.Connect(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := bus.Ensure(ctx, js, testTopology()); err != nil {
		t.Fatal(err)
	}
	return js
}

var base = time.Date(2026, 11, 28, 9, 1, 0, 0, time.UTC)

func newAlert(story string, sev events.Severity, rev int, headline string) events.Alert {
	kind := events.AlertNew
	if rev > 1 {
		kind = events.AlertUpdate
	}
	return events.Alert{ID: events.AlertID(story, "ai_investment", rev), StoryID: story, Revision: rev, Kind: kind,
		Topic: "ai_investment", Severity: sev, Confidence: 0.9, Headline: headline, URL: "https://news.example/" + story,
		Sources:     []events.Source{{Outlet: "Wire", URL: "https://news.example/" + story, Title: headline}},
		Facts:       events.Facts{Deal: &events.DealFacts{Type: events.DealFundingRound, Status: events.DealAnnounced, Target: "DeepSeek"}},
		FirstSeenAt: base, UpdatedAt: base.Add(time.Duration(rev) * time.Minute)}
}

// publish puts a on the bus; msgSuffix makes a distinct message of the same
// alert (as a redelivery after the duplicate window would be).
func publish(t *testing.T, js jetstream.JetStream, a events.Alert, msgSuffix string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := bus.NewPublisher(js, "test", nil).Publish(ctx, bus.Event{Subject: a.Subject(), Type: events.TypeAlert,
		Schema: events.SchemaAlert, ID: a.MsgID() + msgSuffix, Data: a}); err != nil {
		t.Fatal(err)
	}
}

// settled reports whether the notifier consumer has nothing pending.
func settled(t *testing.T, js jetstream.JetStream) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := js.Consumer(ctx, bus.StreamAlerts, bus.ConsumerNotifier)
	if err != nil {
		return false
	}
	info, err := c.Info(ctx)
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			if os.Getenv("NOTIFY_TEST_DEBUG") != "" {
				debugLogs.Range(func(_, v any) bool { t.Log(v.(*natstest.Buffer).String()); return true })
			}
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// headlines returns the fallback texts of delivered Slack requests.
func countContaining(texts []string, sub string) int {
	n := 0
	for _, s := range texts {
		if strings.Contains(s, sub) {
			n++
		}
	}
	return n
}
