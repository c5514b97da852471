package webhook_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/notifier/notify/outbound"
	"github.com/newsmon/newsmon/services/notifier/notify/secret"
	"github.com/newsmon/newsmon/services/notifier/notify/webhook"
)

func TestSignedPostVerifies(t *testing.T) {
	clk := clock.NewVirtual(time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	const key = "k3y-for-signing"
	got := make(chan error, 1)
	var alert events.Alert
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		err := webhook.Verify(key, r.Header.Get(webhook.HeaderTimestamp), r.Header.Get(webhook.HeaderSignature), body, clk.Now(), 5*time.Minute)
		if err == nil {
			err = json.Unmarshal(body, &alert)
		}
		if r.Header.Get(webhook.HeaderEvent) != events.TypeAlert || r.Header.Get(webhook.HeaderDelivery) == "" {
			t.Errorf("headers %v", r.Header)
		}
		got <- err
	}))
	defer srv.Close()
	s := webhook.New("audit", secret.New(srv.URL+"/in"), secret.New(key), outbound.NewClient(5*time.Second, nil, "test"), clk)
	a := events.Alert{ID: "a1", StoryID: "s1", Revision: 1, Topic: "chip_policy", Severity: events.SeverityHigh, Headline: "H200 approved"}
	if err := s.SendAlert(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := <-got; err != nil || alert.Headline != "H200 approved" {
		t.Fatalf("receiver: %v, alert %+v", err, alert)
	}
}

func TestVerifyRejectsTamperingAndStaleness(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	ts := "1800000000"
	body := []byte(`{"id":"a1"}`)
	sig := webhook.Sign("key", ts, body)
	if err := webhook.Verify("key", ts, sig, body, now, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := webhook.Verify("key", ts, sig, []byte(`{"id":"a2"}`), now, time.Minute); err != webhook.ErrBadSignature {
		t.Fatalf("tampered body: %v", err)
	}
	if err := webhook.Verify("other", ts, sig, body, now, time.Minute); err != webhook.ErrBadSignature {
		t.Fatalf("wrong key: %v", err)
	}
	if err := webhook.Verify("key", ts, sig, body, now.Add(2*time.Minute), time.Minute); err != webhook.ErrStale {
		t.Fatalf("stale: %v", err)
	}
}
