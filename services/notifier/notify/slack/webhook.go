package slack

import (
	"context"
	"encoding/json"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/services/notifier/notify/outbound"
	"github.com/newsmon/newsmon/services/notifier/notify/secret"
)

// Webhook posts messages to a Slack incoming webhook. The URL is the
// secret: errors name the destination instead.
type Webhook struct {
	name   string
	url    secret.Secret
	client *outbound.Client
	clock  clock.Clock
}

// NewWebhook returns a sender for the incoming webhook at u.
func NewWebhook(name string, u secret.Secret, c *outbound.Client, clk clock.Clock) *Webhook {
	return &Webhook{name: name, url: u, client: c, clock: clk}
}

// Post sends m. Slack answers 200 "ok"; anything else comes back as an
// *outbound.Error (400 invalid_payload, 403 action_prohibited, 404
// no_service, 410 channel_is_archived, 429 with Retry-After, 5xx).
func (w *Webhook) Post(ctx context.Context, m Message) error {
	m.Channel, m.TS, m.ThreadTS = "", "", ""
	body, err := json.Marshal(m)
	if err != nil {
		return outbound.Describe(w.name, err)
	}
	resp, err := w.client.Post(ctx, w.name, w.url, body, nil)
	if err != nil {
		return err
	}
	return outbound.Classify(w.name, resp, w.clock.Now(), w.url.Scrub)
}
