package notify_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natsembed"
	"github.com/newsmon/newsmon/pkg/natstest"
	"github.com/newsmon/newsmon/services/notifier/notify"
	"github.com/newsmon/newsmon/services/notifier/notify/slack/slacktest"
)

// TestRestartMidDeliveryNoLossNoDoublePost stops the notifier while a
// post to the second of two destinations is in flight (the first already
// has the alert), restarts the NATS server on the same store, and starts a
// new notifier: every alert reaches each destination exactly once.
func TestRestartMidDeliveryNoLossNoDoublePost(t *testing.T) {
	srv := natstest.Start(t)
	js := connect(t, srv)
	fast, slow := slacktest.New(t), slacktest.New(t)
	hold := make(chan struct{})
	slow.Enqueue(slacktest.Answer{Status: 200}, slacktest.Answer{Status: 200}, slacktest.Answer{Status: 503, Hold: hold})
	routes := `version: 1
destinations:
  - {name: fast, type: slack_webhook, url_env: FAST_URL, rate_per_second: 100, burst: 10}
  - {name: slow, type: slack_webhook, url_env: SLOW_URL, rate_per_second: 100, burst: 10}
routes: [{name: all, to: [fast, slow]}]
`
	env := map[string]string{"FAST_URL": fast.WebhookURL(), "SLOW_URL": slow.WebhookURL(), "_WORKERS": "1"}
	const n = 6
	for i := range n {
		publish(t, js, newAlert("story"+string(rune('a'+i)), events.SeverityMedium, 1, "Headline "+string(rune('A'+i))), "")
	}
	var logs natstest.Buffer
	first := start(t, js, routes, env, nil, &logs)
	waitFor(t, "the third post to the slow destination to be in flight", func() bool { return heldCount(slow) })
	if got := len(fast.Delivered()); got != 3 {
		t.Fatalf("fast destination has %d alerts before the stop, want 3", got)
	}
	first.stop(t)
	close(hold)
	// An alert not acknowledged comes back after AckWait, to whichever
	// notifier runs then; restart the server too, on the same store.
	natsembed.Stop(srv.Server)
	srv2 := natstest.StartDir(t, srv.StoreDir)
	js2 := connect(t, srv2)
	start(t, js2, routes, env, nil, &logs)
	waitFor(t, "all alerts delivered", func() bool { return len(fast.Delivered()) >= n && len(slow.Delivered()) >= n })
	waitFor(t, "ack", func() bool { return settled(t, js2) })
	for name, sl := range map[string]*slacktest.Server{"fast": fast, "slow": slow} {
		got := texts(sl.Delivered())
		if len(got) != n {
			t.Fatalf("%s: %d deliveries for %d alerts: %q", name, len(got), n, got)
		}
		for i := range n {
			if c := countContaining(got, "Headline "+string(rune('A'+i))); c != 1 {
				t.Errorf("%s: alert %c delivered %d times", name, 'A'+i, c)
			}
		}
	}
}

// heldCount reports whether a request is being held by the script (the
// server records a request only when it answers, so the third post is in
// flight when two are recorded and the server has seen a third).
func heldCount(sl *slacktest.Server) bool { return sl.InFlight() > 0 }

// TestBotThreadsUpdates: the first alert of a story is a message, an update
// is a reply in its thread, and the parent is edited to the latest revision.
func TestBotThreadsUpdates(t *testing.T) {
	srv := natstest.Start(t)
	js := connect(t, srv)
	sl := slacktest.New(t)
	var logs natstest.Buffer
	const token = "xoxb-test-T0K3N-secret"
	start(t, js, `version: 1
destinations: [{name: bot, type: slack_bot, token_env: BOT_TOKEN, channel: C0DEALS, api_url: `+sl.APIURL()+`, rate_per_second: 100}]
routes: [{name: all, to: [bot]}]
`, map[string]string{"BOT_TOKEN": token}, nil, &logs)

	publish(t, js, newAlert("deepseek", events.SeverityHigh, 1, "DeepSeek in talks"), "")
	waitFor(t, "first post", func() bool { return len(sl.Delivered()) == 1 })
	publish(t, js, newAlert("deepseek", events.SeverityHigh, 2, "DeepSeek deal announced"), "")
	waitFor(t, "reply and update", func() bool { return len(sl.Delivered()) == 3 })
	reqs := sl.Requests()
	if reqs[0].Path != "/api/chat.postMessage" || reqs[0].Payload["thread_ts"] != nil || reqs[0].Payload["channel"] != "C0DEALS" {
		t.Fatalf("first request: %s %v", reqs[0].Path, reqs[0].Payload["thread_ts"])
	}
	parentTS := strings.TrimSuffix(strings.SplitN(reqs[0].Answer, `"ts":"`, 2)[1], `"}`)
	if reqs[1].Path != "/api/chat.postMessage" || reqs[1].Payload["thread_ts"] != parentTS {
		t.Fatalf("second request: %s thread_ts %v, want reply in %s", reqs[1].Path, reqs[1].Payload["thread_ts"], parentTS)
	}
	if reqs[2].Path != "/api/chat.update" || reqs[2].Payload["ts"] != parentTS || !strings.Contains(reqs[2].Payload["text"].(string), "announced") {
		t.Fatalf("third request: %s ts %v text %v", reqs[2].Path, reqs[2].Payload["ts"], reqs[2].Payload["text"])
	}
	for _, r := range reqs {
		if r.Header.Get("Authorization") != "Bearer "+token || len(r.Problems) > 0 {
			t.Fatalf("request %s: auth %q problems %v", r.Path, r.Header.Get("Authorization"), r.Problems)
		}
	}
	if strings.Contains(logs.String(), token) {
		t.Fatal("logs leak the bot token")
	}
}

// TestDigestSurvivesRestart: low alerts wait in the notification log, a
// restart keeps them, and the next window sends them as one message, once.
func TestDigestSurvivesRestart(t *testing.T) {
	srv := natstest.Start(t)
	js := connect(t, srv)
	sl := slacktest.New(t)
	routes := `version: 1
destinations: [{name: slack, type: slack_webhook, url_env: SLACK_URL, rate_per_second: 100}]
routes:
  - {name: now, match: {min_severity: medium}, to: [slack]}
  - {name: quiet, match: {max_severity: low}, digest: 10m, to: [slack]}
`
	env := map[string]string{"SLACK_URL": sl.WebhookURL()}
	var logs natstest.Buffer
	clk1 := clock.NewVirtual(base)
	first := start(t, js, routes, env, clk1, &logs)
	lows := []events.Alert{newAlert("l1", events.SeverityLow, 1, "Low one"), newAlert("l2", events.SeverityLow, 1, "Low two"),
		newAlert("l2", events.SeverityLow, 2, "Low two, revised")}
	for _, a := range lows {
		publish(t, js, a, "")
	}
	publish(t, js, newAlert("m1", events.SeverityMedium, 1, "Medium now"), "")
	waitFor(t, "the medium alert", func() bool { return len(sl.Delivered()) == 1 })
	waitFor(t, "ack", func() bool { return settled(t, js) })
	first.stop(t)

	clk2 := clock.NewVirtual(base.Add(2 * time.Minute))
	start(t, js, routes, env, clk2, &logs)
	waitFor(t, "the digest timer", func() bool { _, ok := clk2.NextDeadline(); return ok })
	if next, _ := clk2.NextDeadline(); !next.Equal(base.Truncate(10 * time.Minute).Add(10 * time.Minute)) {
		t.Fatalf("digest due at %v", next)
	}
	clk2.Advance(10 * time.Minute)
	waitFor(t, "the digest", func() bool { return len(sl.Delivered()) == 2 })
	digest := sl.Delivered()[1]
	text, _ := digest.Payload["text"].(string)
	if !strings.Contains(text, "Low one") || !strings.Contains(text, "Low two, revised") || strings.Contains(text, "Low two\n") {
		t.Fatalf("digest text %q: want both stories, the second at its latest revision", text)
	}
	if len(digest.Problems) > 0 {
		t.Fatalf("digest problems: %v", digest.Problems)
	}
	// A redelivered low alert is already sent: it is not queued again.
	publish(t, js, lows[0], "#again")
	waitFor(t, "ack", func() bool { return settled(t, js) })
	waitFor(t, "the next digest timer", func() bool { _, ok := clk2.NextDeadline(); return ok })
	clk2.Advance(10 * time.Minute)
	waitFor(t, "the timer after", func() bool { _, ok := clk2.NextDeadline(); return ok })
	if n := len(sl.Requests()); n != 2 {
		t.Fatalf("%d posts, want the medium alert and one digest", n)
	}
}

func TestDefaultRoutesMatchDeploy(t *testing.T) {
	b, err := os.ReadFile("../../../deploy/routes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(notify.DefaultRoutes) {
		t.Fatal("notify/default_routes.yaml differs from deploy/routes.yaml; copy it over")
	}
	cfg := notify.DefaultConfig()
	cfg.Getenv = func(string) string { return "" }
	if err := cfg.Validate(); err != nil {
		t.Fatalf("default routes with nothing configured: %v", err)
	}
}
