package alerts_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
)

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func alert(story, topic string, sev events.Severity, rev int) events.Alert {
	kind := events.AlertNew
	if rev > 1 {
		kind = events.AlertUpdate
	}
	at := time.Date(2026, 11, 28, 9, 14, 0, 0, time.UTC)
	return events.Alert{
		ID: events.AlertID(story, topic, rev), StoryID: story, Revision: rev, Kind: kind,
		Topic: topic, Severity: sev, Confidence: 0.87, Headline: "Headline of " + story,
		URL: "https://news.example/" + story, FirstSeenAt: at, UpdatedAt: at,
	}
}

func publish(t *testing.T, js jetstream.JetStream, a events.Alert) {
	t.Helper()
	pub := bus.NewPublisher(js, "test", nil)
	if _, err := pub.Publish(testCtx(t), bus.Event{Subject: a.Subject(), Type: events.TypeAlert,
		Schema: events.SchemaAlert, ID: a.MsgID(), Data: a}); err != nil {
		t.Fatal(err)
	}
}

func TestFilterSubjectsAndMatch(t *testing.T) {
	tests := map[string]struct {
		f    alerts.Filter
		want []string
	}{
		"all":        {alerts.Filter{}, []string{"alerts.*.*"}},
		"topic":      {alerts.Filter{Topic: "chip_policy"}, []string{"alerts.chip_policy.*"}},
		"low is all": {alerts.Filter{MinSeverity: events.SeverityLow}, []string{"alerts.*.*"}},
		"medium+":    {alerts.Filter{MinSeverity: events.SeverityMedium}, []string{"alerts.*.medium", "alerts.*.high"}},
		"topic high": {alerts.Filter{Topic: "ai_investment", MinSeverity: events.SeverityHigh}, []string{"alerts.ai_investment.high"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tc.f.Subjects(); !slices.Equal(got, tc.want) {
				t.Fatalf("Subjects() = %v, want %v", got, tc.want)
			}
		})
	}
	f := alerts.Filter{Topic: "chip_policy", MinSeverity: events.SeverityMedium}
	if f.Match(alert("s", "chip_policy", events.SeverityLow, 1)) || f.Match(alert("s", "ai_investment", events.SeverityHigh, 1)) ||
		!f.Match(alert("s", "chip_policy", events.SeverityHigh, 1)) {
		t.Fatal("Match disagrees with the filter")
	}
	for _, bad := range []alerts.Filter{{Topic: "a.b"}, {Topic: "*"}, {MinSeverity: "urgent"}} {
		if bad.Validate() == nil {
			t.Errorf("Validate(%+v) accepted a bad filter", bad)
		}
	}
}

func TestFormatLine(t *testing.T) {
	a := alert("deepseek", "ai_investment", events.SeverityHigh, 1)
	a.Headline = "Tencent and Alibaba in talks to back DeepSeek"
	a.Facts.Deal = &events.DealFacts{Type: events.DealJointInvestment, Status: events.DealInTalks,
		Investors: []events.Investor{{Name: "Tencent"}, {Name: "Alibaba"}}, Target: "DeepSeek",
		Valuation: &events.Money{Text: "$10 billion", Value: 10e9, Currency: "USD", USD: 10e9}}
	got := alerts.FormatLine(a)
	want := "2026-11-28 09:14Z HIGH ai_investment new r1 · Tencent and Alibaba in talks to back DeepSeek · " +
		"joint investment, in talks: Tencent, Alibaba → DeepSeek, valuation $10B · conf 0.87 · https://news.example/deepseek"
	if got != want {
		t.Fatalf("FormatLine:\n got %q\nwant %q", got, want)
	}
}

func TestFormatLineNeutralisesTerminalTricks(t *testing.T) {
	a := alert("x", "chip_policy", events.SeverityLow, 2)
	a.Headline = "Nvidia\x1b[2J\x1b]8;;https://evil.example\x07click\r\nnew line\u202egnp.exe\u200b\u2066 " + strings.Repeat("long ", 200)
	a.Facts.ChipPolicy = &events.ChipPolicyFacts{Jurisdictions: []string{"US", "China\x1b[31m"}, Action: events.ActionLicenceApproval,
		Status: events.PolicyApprovedWithConditions, Chips: []string{"H200"}}
	got := alerts.FormatLine(a)
	for _, bad := range []string{"\x1b", "\x07", "\r", "\n", "\u202e", "\u200b", "\u2066"} {
		if strings.Contains(got, bad) {
			t.Errorf("line contains %q: %q", bad, got)
		}
	}
	if !strings.Contains(got, "licence approval, approved with conditions: US → China [31m, chips H200") {
		t.Errorf("chip-policy facts missing: %q", got)
	}
	if n := len([]rune(got)); n > 600 {
		t.Errorf("line is %d runes, want the headline truncated", n)
	}
}

func TestFormatMoney(t *testing.T) {
	tests := map[string]struct {
		m    events.Money
		want string
	}{
		"billions":  {events.Money{USD: 10e9, Currency: "USD"}, "$10B"},
		"fraction":  {events.Money{USD: 1.55e9, Currency: "USD"}, "$1.6B"},
		"millions":  {events.Money{USD: 300e6}, "$300M"},
		"converted": {events.Money{Text: "1.5 billion yuan", Value: 1.5e9, Currency: "CNY", USD: 207e6}, "~$207M (1.5 billion yuan)"},
		"unknown":   {events.Money{Text: "undisclosed"}, "undisclosed"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := alerts.FormatMoney(&tc.m); got != tc.want {
				t.Fatalf("FormatMoney = %q, want %q", got, tc.want)
			}
		})
	}
}

// collector gathers alerts delivered to a handler.
type collector struct {
	mu  sync.Mutex
	ids []string
}

func (c *collector) add(a events.Alert) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ids = append(c.ids, a.ID)
}

func (c *collector) snapshot() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.ids)
}

func TestDurableSubscriptionMissesNothingWhileOffline(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	ctx := testCtx(t)
	a1 := alert("s1", "chip_policy", events.SeverityHigh, 1)
	low := alert("s2", "chip_policy", events.SeverityLow, 1)
	other := alert("s3", "ai_investment", events.SeverityHigh, 1)
	a2 := alert("s1", "chip_policy", events.SeverityHigh, 2)
	a3 := alert("s4", "chip_policy", events.SeverityMedium, 1)

	var got collector
	failOnce := map[string]bool{a1.ID: true}
	var mu sync.Mutex
	h := func(_ context.Context, a events.Alert) error {
		mu.Lock()
		fail := failOnce[a.ID]
		delete(failOnce, a.ID)
		mu.Unlock()
		if fail {
			return errors.New("handler hiccup")
		}
		got.add(a)
		return nil
	}
	o := alerts.Options{Filter: alerts.Filter{Topic: "chip_policy", MinSeverity: events.SeverityMedium}, Durable: "policy-desk",
		Since: time.Unix(0, 0)}
	publish(t, js, a1)
	sub, err := alerts.Subscribe(ctx, js, o, h)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return len(got.snapshot()) == 1 })
	sub.Stop()

	// Offline: these arrive while nobody listens.
	for _, a := range []events.Alert{low, other, a2, a3} {
		publish(t, js, a)
	}
	sub, err = alerts.Subscribe(ctx, js, o, h)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Stop()
	waitFor(t, func() bool { return len(got.snapshot()) == 3 })
	if ids := got.snapshot(); !slices.Equal(ids, []string{a1.ID, a2.ID, a3.ID}) {
		t.Fatalf("delivered %v, want a1 (after a retry), a2, a3", ids)
	}
	cons, _ := js.Consumer(ctx, bus.StreamAlerts, "policy-desk")
	waitFor(t, func() bool {
		info, err := cons.Info(ctx)
		return err == nil && info.NumAckPending == 0 && info.NumPending == 0
	})
}

func TestLiveSubscriptionHistoryThenLive(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	ctx := testCtx(t)
	old := alert("old", "ai_investment", events.SeverityMedium, 1)
	publish(t, js, old)

	var live, hist collector
	subLive, err := alerts.Subscribe(ctx, js, alerts.Options{}, func(_ context.Context, a events.Alert) error { live.add(a); return nil })
	if err != nil {
		t.Fatal(err)
	}
	defer subLive.Stop()
	subHist, err := alerts.Subscribe(ctx, js, alerts.Options{Since: time.Unix(0, 0)}, func(_ context.Context, a events.Alert) error { hist.add(a); return nil })
	if err != nil {
		t.Fatal(err)
	}
	defer subHist.Stop()
	waitFor(t, func() bool { return len(hist.snapshot()) == 1 })
	fresh := alert("new", "chip_policy", events.SeverityLow, 1)
	publish(t, js, fresh)
	waitFor(t, func() bool { return len(hist.snapshot()) == 2 && len(live.snapshot()) == 1 })
	if l := live.snapshot(); l[0] != fresh.ID {
		t.Fatalf("live subscription got %v, want only the new alert", l)
	}
}

func TestAlertsCommandTail(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	publish(t, js, alert("hist", "chip_policy", events.SeverityHigh, 1))
	publish(t, js, alert("lowhist", "chip_policy", events.SeverityLow, 1))
	ctx, cancel := context.WithCancel(testCtx(t))
	defer cancel()
	var out, errs natstest.Buffer
	env := map[string]string{"NEWSMON_NATS_URL": srv.ClientURL(), "NEWSMON_TOPIC": "ignored"}
	done := make(chan error, 1)
	go func() {
		done <- alerts.AlertsCommand(ctx, []string{"tail", "--severity", "medium", "--since", "1h"},
			func(k string) string { return env[k] }, &out, &errs)
	}()
	waitFor(t, func() bool { return strings.Contains(out.String(), "Headline of hist") })
	publish(t, js, alert("livehigh", "ai_investment", events.SeverityHigh, 1))
	waitFor(t, func() bool { return strings.Contains(out.String(), "Headline of livehigh") })
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("tail: %v (stderr %s)", err, errs.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || strings.Contains(out.String(), "lowhist") {
		t.Fatalf("tail printed %q, want the two medium+ alerts", out.String())
	}
}

func TestAlertsCommandRejectsBadFlags(t *testing.T) {
	ctx := testCtx(t)
	var out, errs natstest.Buffer
	for _, args := range [][]string{{"follow"}, {"tail", "--severity", "urgent"}, {"tail", "--topic", "a.>"}, {"tail", "--since", "-1h"}} {
		if err := alerts.AlertsCommand(ctx, args, nil, &out, &errs); err == nil {
			t.Errorf("AlertsCommand(%q) accepted bad arguments", args)
		}
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 20s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
