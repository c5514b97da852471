package notify_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
	"github.com/newsmon/newsmon/services/notifier/notify/slack/slacktest"
	"github.com/newsmon/newsmon/services/notifier/notify/webhook"
)

// receiver is a generic webhook endpoint that verifies signatures and
// answers 500 to the first n requests.
type receiver struct {
	*httptest.Server
	mu        sync.Mutex
	fail      int
	delivered map[string]int // X-Newsmon-Delivery -> 2xx answers
	requests  int
	bad       []string
}

func newReceiver(t *testing.T, key string, failFirst int) *receiver {
	r := &receiver{fail: failFirst, delivered: map[string]int{}}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.requests++
		if err := webhook.Verify(key, req.Header.Get(webhook.HeaderTimestamp), req.Header.Get(webhook.HeaderSignature), body, time.Now(), time.Hour); err != nil {
			r.bad = append(r.bad, err.Error())
		}
		if r.fail > 0 {
			r.fail--
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		r.delivered[req.Header.Get(webhook.HeaderDelivery)]++
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) snapshot() (requests int, delivered map[string]int, bad []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	d := map[string]int{}
	for k, v := range r.delivered {
		d[k] = v
	}
	return r.requests, d, append([]string(nil), r.bad...)
}

func texts(reqs []slacktest.Request) []string {
	var out []string
	for _, r := range reqs {
		s, _ := r.Payload["text"].(string)
		out = append(out, s)
	}
	return out
}

const twoDestinations = `version: 1
destinations:
  - {name: slack, type: slack_webhook, url_env: SLACK_URL, rate_per_second: 100, burst: 10}
  - {name: audit, type: webhook, url_env: AUDIT_URL, secret_env: AUDIT_KEY, rate_per_second: 100, burst: 10}
routes:
  - {name: all, to: [slack, audit]}
`

// TestRetryResendsOnlyToTheFailedDestination: the webhook fails once; the
// redelivery must not post to Slack again, and a later duplicate message of
// the same alert revision posts nowhere.
func TestRetryResendsOnlyToTheFailedDestination(t *testing.T) {
	srv := natstest.Start(t)
	js := connect(t, srv)
	sl := slacktest.New(t)
	rc := newReceiver(t, "k3y", 1)
	var logs natstest.Buffer
	start(t, js, twoDestinations, map[string]string{"SLACK_URL": sl.WebhookURL(), "AUDIT_URL": rc.URL + "/hook", "AUDIT_KEY": "k3y"}, nil, &logs)

	a := newAlert("deepseek", events.SeverityHigh, 1, "DeepSeek raises funds")
	publish(t, js, a, "")
	waitFor(t, "delivery to both", func() bool { _, d, _ := rc.snapshot(); return len(d) == 1 && len(sl.Delivered()) == 1 })
	waitFor(t, "ack", func() bool { return settled(t, js) })
	publish(t, js, a, "#again")
	waitFor(t, "ack of the duplicate", func() bool { return settled(t, js) })

	reqs, delivered, bad := rc.snapshot()
	if reqs != 2 || len(delivered) != 1 || len(bad) > 0 {
		t.Fatalf("webhook: %d requests, delivered %v, bad signatures %v; want one failure then one delivery", reqs, delivered, bad)
	}
	if n := len(sl.Requests()); n != 1 {
		t.Fatalf("slack got %d posts, want 1 (no re-post on the webhook's retry or the duplicate)", n)
	}
	for _, r := range sl.Requests() {
		if len(r.Problems) > 0 {
			t.Fatalf("slack payload problems: %v", r.Problems)
		}
	}
}

// TestRetryAfterIsHonoured: after a 429 with Retry-After, nothing reaches
// the destination until the clock has passed it.
func TestRetryAfterIsHonoured(t *testing.T) {
	srv := natstest.Start(t)
	js := connect(t, srv)
	sl := slacktest.New(t)
	sl.Enqueue(slacktest.Answer{Status: http.StatusTooManyRequests, RetryAfter: "5"})
	clk := clock.NewVirtual(base)
	var logs natstest.Buffer
	start(t, js, `version: 1
destinations: [{name: slack, type: slack_webhook, url_env: SLACK_URL, rate_per_second: 100}]
routes: [{name: all, to: [slack]}]
`, map[string]string{"SLACK_URL": sl.WebhookURL()}, clk, &logs)

	publish(t, js, newAlert("s1", events.SeverityHigh, 1, "First story"), "")
	waitFor(t, "the 429", func() bool { return len(sl.Requests()) == 1 })
	waitFor(t, "the handler to wait on the clock", func() bool { _, ok := clk.NextDeadline(); return ok })
	publish(t, js, newAlert("s2", events.SeverityHigh, 1, "Second story"), "")
	waitFor(t, "both alerts in hand", func() bool { return ackPending(js) == 2 })
	clk.Advance(4 * time.Second)
	if n := len(sl.Requests()); n != 1 {
		t.Fatalf("%d requests before Retry-After passed, want 1", n)
	}
	clk.Advance(time.Second)
	waitFor(t, "both alerts delivered", func() bool { return len(sl.Delivered()) == 2 })
	for _, r := range sl.Requests()[1:] {
		if r.Status != http.StatusOK {
			t.Fatalf("request after the pause answered %d", r.Status)
		}
	}
	waitFor(t, "ack", func() bool { return settled(t, js) })
}

func ackPending(js jetstream.JetStream) int {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := js.Consumer(ctx, bus.StreamAlerts, bus.ConsumerNotifier)
	if err != nil {
		return -1
	}
	info, err := c.Info(ctx)
	if err != nil {
		return -1
	}
	return info.NumAckPending
}

// TestGoneWebhookIsDisabledAndNeverLeaks: a 404 (with a body echoing the
// secret path) dead-letters the alert with a reason, disables the
// destination (metric, log) and the webhook URL appears nowhere: not in
// logs, metrics, dead-letter reasons or messages. A destination that
// cannot be reached at all leaks nothing either.
func TestGoneWebhookIsDisabledAndNeverLeaks(t *testing.T) {
	srv := natstest.Start(t)
	js := connect(t, srv)
	sl := slacktest.New(t)
	gone := slacktest.Answer{Status: http.StatusNotFound, Body: "no_service", EchoPath: true}
	sl.Enqueue(gone, gone, gone)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	downURL := "http://" + ln.Addr().String() + "/hook/" + slacktest.WebhookKey + "-down"
	ln.Close()
	var logs natstest.Buffer
	in := start(t, js, `version: 1
destinations:
  - {name: slack, type: slack_webhook, url_env: SLACK_URL, rate_per_second: 100}
  - {name: down, type: webhook, url_env: DOWN_URL, secret_env: DOWN_KEY, rate_per_second: 100, timeout: 200ms}
routes:
  - {name: all, to: [slack]}
  - {name: chips, match: {topics: [chip_policy]}, to: [down]}
`, map[string]string{"SLACK_URL": sl.WebhookURL(), "DOWN_URL": downURL, "DOWN_KEY": "k", "_WORKERS": "1"}, nil, &logs)

	publish(t, js, newAlert("a", events.SeverityHigh, 1, "Story A"), "")
	publish(t, js, newAlert("b", events.SeverityHigh, 1, "Story B"), "")
	chip := newAlert("c", events.SeverityHigh, 1, "Chip story")
	chip.Topic, chip.ID = "chip_policy", events.AlertID("c", "chip_policy", 1)
	publish(t, js, chip, "")

	ctx := context.Background()
	var dls []bus.DeadLetter
	waitFor(t, "three dead letters", func() bool {
		dls, _ = bus.ListDeadLetters(ctx, js, 10)
		return len(dls) == 3
	})
	if n := len(sl.Requests()); n != 1 {
		t.Fatalf("slack got %d requests, want 1 (disabled after the 404)", n)
	}
	var reasons []string
	for _, dl := range dls {
		reasons = append(reasons, dl.Reason)
		if strings.Contains(dl.Reason, slacktest.WebhookKey) {
			t.Errorf("dead-letter reason leaks the URL: %s", dl.Reason)
		}
	}
	all := strings.Join(reasons, "\n")
	for _, want := range []string{"deliver to slack: HTTP 404 (no_service", "destination disabled", "deliver to down: no answer: dial tcp", "gave up after 10 deliveries"} {
		if !strings.Contains(all, want) {
			t.Errorf("dead-letter reasons lack %q:\n%s", want, all)
		}
	}
	m := in.metrics(t)
	if !strings.Contains(m, `newsmon_notifier_destination_disabled{destination="slack"} 1`) {
		t.Errorf("disabled metric missing:\n%s", m)
	}
	if !strings.Contains(logs.String(), "destination disabled") {
		t.Errorf("no log line about the disabled destination")
	}
	for name, text := range map[string]string{"logs": logs.String(), "metrics": m, "messages": strings.Join(texts(sl.Requests()), "\n")} {
		if strings.Contains(text, slacktest.WebhookKey) || strings.Contains(text, "/services/T0TEST") {
			t.Errorf("%s leak the webhook URL", name)
		}
	}
}
