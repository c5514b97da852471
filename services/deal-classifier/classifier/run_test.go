package classifier

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
)

func startService(t *testing.T) (jetstream.JetStream, *clock.Virtual) {
	t.Helper()
	srv := natstest.Start(t)
	nc, js := srv.Topology(t)
	clk := clock.NewVirtual(time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC))
	cfg := DefaultConfig()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	d := app.Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NC: nc, JS: js, Registry: prometheus.NewRegistry(),
		Health: app.NewHealth(), Clock: clk, Topology: bus.Default(bus.Options{})}
	go func() { done <- Run(ctx, cfg, d) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return js, clk
}

func publishArticle(t *testing.T, js jetstream.JetStream, a events.Article, msgID string, at time.Time) {
	t.Helper()
	msg := nats.NewMsg(events.SubjectArticles)
	msg.Data, _ = json.Marshal(a)
	msg.Header.Set(bus.HeaderTime, at.Format(time.RFC3339Nano))
	if _, err := js.PublishMsg(context.Background(), msg, jetstream.WithMsgID(msgID)); err != nil {
		t.Fatal(err)
	}
}

// collect returns the messages on a stream once it holds want of them,
// failing after a deadline; it also checks no more arrive than want once
// the classified stream shows every article was handled.
func streamAll(t *testing.T, js jetstream.JetStream, stream string) []*jetstream.RawStreamMsg {
	t.Helper()
	ctx := context.Background()
	st, err := js.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq > 0 && seq <= info.State.LastSeq; seq++ {
		if m, err := st.GetMsg(ctx, seq); err == nil {
			out = append(out, m)
		}
	}
	return out
}

func waitCount(t *testing.T, js jetstream.JetStream, stream string, n int) []*jetstream.RawStreamMsg {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		msgs := streamAll(t, js, stream)
		if len(msgs) >= n {
			return msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s holds %d messages, want %d", stream, len(msgs), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitIdle waits until the classifier has acknowledged everything.
func waitIdle(t *testing.T, js jetstream.JetStream) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		cons, err := js.Consumer(context.Background(), bus.StreamArticles, bus.ConsumerDealClassifier)
		if err != nil {
			t.Fatal(err)
		}
		info, err := cons.Info(context.Background())
		if err == nil && info.NumPending == 0 && info.NumAckPending == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("classifier still busy: %+v", info)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestStoryAlertsOnceThenUpdates(t *testing.T) {
	js, _ := startService(t)
	t0 := time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC)
	first := events.Article{ID: "wire-1", Revision: 1, URL: "https://wire.example.com/deepseek-talks", Outlet: "Example Wire",
		Title:       "Tencent and Alibaba in talks to jointly invest in DeepSeek",
		Text:        "Tencent and Alibaba are in talks to make a joint investment in DeepSeek, which is seeking outside capital at a valuation of around $10 billion, people familiar with the matter said.",
		PublishedAt: t0, Extraction: events.Extraction{Method: events.MethodFeed}}
	publishArticle(t, js, first, "wire-1-r1", t0)
	// A redelivery of the same article (bypassing publish de-duplication).
	publishArticle(t, js, first, "wire-1-r1-again", t0.Add(time.Minute))
	// Another outlet reports the same talks: a silent extra source.
	second := first
	second.ID, second.URL, second.Outlet = "daily-1", "https://daily.example.com/tencent-alibaba-deepseek", "Example Daily"
	second.Title = "Alibaba and Tencent weigh joint DeepSeek investment"
	publishArticle(t, js, second, "daily-1-r1", t0.Add(2*time.Hour))
	// Articles of one story may be handled concurrently; let the second
	// settle before the confirmation so that the update carries both sources.
	waitCount(t, js, bus.StreamClassified, 2)
	waitIdle(t, js)
	// Then the deal is confirmed: an update.
	third := first
	third.ID, third.URL, third.Outlet = "wire-2", "https://wire.example.com/deepseek-confirms", "Example Wire"
	third.Title = "DeepSeek confirms joint investment from Tencent and Alibaba"
	third.Text = "DeepSeek said on Friday that Tencent and Alibaba have agreed to a joint investment in the company at a valuation of $10 billion."
	publishArticle(t, js, third, "wire-2-r1", t0.Add(26*time.Hour))

	// The redelivered article re-publishes its classification with the same
	// id, which the stream drops: three classifications for four deliveries.
	classified := waitCount(t, js, bus.StreamClassified, 3)
	waitIdle(t, js)
	var storyIDs []string
	for _, m := range classified {
		var c events.Classification
		if err := json.Unmarshal(m.Data, &c); err != nil {
			t.Fatal(err)
		}
		storyIDs = append(storyIDs, c.StoryID)
	}
	for i, id := range storyIDs {
		if id == "" || id != storyIDs[0] {
			t.Fatalf("classification %d story %q, want all in story %q", i, id, storyIDs[0])
		}
	}
	alerts := streamAll(t, js, bus.StreamAlerts)
	if len(alerts) != 2 {
		for _, m := range alerts {
			t.Logf("%s %s", m.Subject, m.Data)
		}
		t.Fatalf("got %d alerts, want 2 (new, then the confirmation update)", len(alerts))
	}
	var a1, a2 events.Alert
	_ = json.Unmarshal(alerts[0].Data, &a1)
	_ = json.Unmarshal(alerts[1].Data, &a2)
	if a1.Kind != events.AlertNew || a1.Revision != 1 || a2.Kind != events.AlertUpdate || a2.Revision != 2 || a1.StoryID != a2.StoryID {
		t.Fatalf("alerts: %+v / %+v", a1, a2)
	}
	if a1.Facts.Deal == nil || a1.Facts.Deal.Target != "DeepSeek" || a1.Facts.Deal.Type != events.DealJointInvestment {
		t.Fatalf("first alert facts: %+v", a1.Facts.Deal)
	}
	if len(a2.Sources) != 3 || a2.Facts.Deal.Status == a1.Facts.Deal.Status {
		t.Fatalf("update: sources %d, status %q -> %q", len(a2.Sources), a1.Facts.Deal.Status, a2.Facts.Deal.Status)
	}
	if alerts[0].Subject != a1.Subject() {
		t.Fatalf("alert on subject %s, want %s", alerts[0].Subject, a1.Subject())
	}
}

func TestIrrelevantArticleIsClassifiedWithoutAlert(t *testing.T) {
	js, _ := startService(t)
	a := events.Article{ID: "sport-1", Revision: 1, URL: "https://sport.example.com/x", Outlet: "Example Sport",
		Title:      "United complete signing of striker in record deal",
		Text:       "The club agreed a fee of 80 million euros for the forward, who signed a five-year contract.",
		Extraction: events.Extraction{Method: events.MethodFeed}}
	publishArticle(t, js, a, "sport-1-r1", time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC))
	msgs := waitCount(t, js, bus.StreamClassified, 1)
	var c events.Classification
	_ = json.Unmarshal(msgs[0].Data, &c)
	if len(c.Topics) < 2 {
		t.Fatalf("classification lists %d topics, want every topic of the rules", len(c.Topics))
	}
	for _, tr := range c.Topics {
		if tr.Matched {
			t.Fatalf("topic %s matched a football transfer: %+v", tr.Topic, tr)
		}
	}
	if n := len(streamAll(t, js, bus.StreamAlerts)); n != 0 {
		t.Fatalf("%d alerts for an irrelevant article", n)
	}
}
