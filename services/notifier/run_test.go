package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
	"github.com/newsmon/newsmon/services/notifier/notify/slack/slacktest"
)

// TestRunEndToEnd runs the service as its main would, against an embedded
// NATS server and a fake Slack, with the default routes file and the
// webhook URL in the environment.
func TestRunEndToEnd(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	sl := slacktest.New(t)
	sl.Enqueue(slacktest.Answer{Status: http.StatusInternalServerError, EchoPath: true})
	env := map[string]string{
		"NEWSMON_NATS_URL":            srv.ClientURL(),
		"NEWSMON_HTTP_LISTEN":         "127.0.0.1:0",
		"NEWSMON_SLACK_WEBHOOK_URL":   sl.WebhookURL(),
		"NEWSMON_NOTIFIER_RETRY_BASE": "20ms",
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs natstest.Buffer
	admin := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- runWith(ctx, nil, func(k string) string { return env[k] }, &logs, func(addr string) { admin <- addr })
	}()
	var addr string
	select {
	case addr = <-admin:
	case err := <-done:
		t.Fatalf("run: %v\n%s", err, logs.String())
	}

	a := events.Alert{ID: events.AlertID("h200", "chip_policy", 1), StoryID: "h200", Revision: 1, Kind: events.AlertNew,
		Topic: "chip_policy", Severity: events.SeverityHigh, Confidence: 0.91,
		Headline: "US and China approve Nvidia H200 sales with conditions", URL: "https://news.example/h200",
		Facts: events.Facts{ChipPolicy: &events.ChipPolicyFacts{Jurisdictions: []string{"US", "China"},
			Action: events.ActionLicenceApproval, Status: events.PolicyApprovedWithConditions, Chips: []string{"H200"}}}}
	pctx, pcancel := context.WithTimeout(ctx, 10*time.Second)
	defer pcancel()
	if _, err := bus.NewPublisher(js, "test", nil).Publish(pctx, bus.Event{Subject: a.Subject(), Type: events.TypeAlert,
		Schema: events.SchemaAlert, ID: a.MsgID(), Data: a}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(sl.Delivered()) < 1 {
		if time.Now().After(deadline) {
			t.Fatalf("no delivery; logs:\n%s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if d := sl.Delivered()[0]; len(d.Problems) > 0 || !strings.Contains(d.Payload["text"].(string), "H200") {
		t.Fatalf("delivered payload: problems %v text %v", d.Problems, d.Payload["text"])
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	var metrics bytes.Buffer
	_, _ = metrics.ReadFrom(resp.Body)
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if !strings.Contains(metrics.String(), `newsmon_notifier_deliveries_total{destination="slack",outcome="sent",service="notifier"} 1`) {
		t.Errorf("metrics lack the delivery:\n%s", metrics.String())
	}
	for name, text := range map[string]string{"logs": logs.String(), "metrics": metrics.String()} {
		if strings.Contains(text, slacktest.WebhookKey) {
			t.Errorf("%s leak the webhook URL", name)
		}
	}
	if !strings.Contains(logs.String(), `"destination":"webhook"`) {
		t.Errorf("the unconfigured optional webhook destination was not reported:\n%s", logs.String())
	}
}

func TestRunRefusesBadRoutesWithExitCode2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "routes.yaml")
	if err := os.WriteFile(path, []byte("version: 1\nroutes:\n  - name: a\n    match: {min_severity: urgent}\n    to: [x]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var logs natstest.Buffer
	err := run(context.Background(), []string{"--notifier-routes", path}, func(string) string { return "" }, &logs)
	if config.ExitCode(err) != 2 {
		t.Fatalf("exit code %d for %v", config.ExitCode(err), err)
	}
	for _, want := range []string{"NEWSMON_NOTIFIER_ROUTES", "line 4", `"urgent" is not a severity`, `no destination named "x"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	err = run(context.Background(), nil, func(k string) string {
		if k == "NEWSMON_WEBHOOK_URL" {
			return "https://hooks.example/x"
		}
		return ""
	}, &logs)
	if config.ExitCode(err) != 2 || !strings.Contains(err.Error(), "NEWSMON_WEBHOOK_SECRET") {
		t.Fatalf("webhook URL without its signing key: %v", err)
	}
}
