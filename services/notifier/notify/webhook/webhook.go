// Package webhook delivers alerts to a generic HTTP endpoint as a JSON POST
// of the alert, signed with HMAC-SHA256 so the receiver can check that it
// came from newsmon and is fresh.
//
// Headers on every request:
//
//	Content-Type:         application/json; charset=utf-8
//	X-Newsmon-Event:      dev.newsmon.alert.v1 (or dev.newsmon.alert_digest.v1)
//	X-Newsmon-Delivery:   a stable id of this alert revision and destination;
//	                      the same on every retry, so receivers can drop repeats
//	X-Newsmon-Timestamp:  Unix seconds when the request was signed
//	X-Newsmon-Signature:  v1=hex(HMAC-SHA256(key, timestamp + "." + body))
package webhook

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/notifier/notify/outbound"
	"github.com/newsmon/newsmon/services/notifier/notify/secret"
)

// Header names.
const (
	HeaderEvent     = "X-Newsmon-Event"
	HeaderDelivery  = "X-Newsmon-Delivery"
	HeaderTimestamp = "X-Newsmon-Timestamp"
	HeaderSignature = "X-Newsmon-Signature"
	// TypeDigest is the event type of a digest body.
	TypeDigest = "dev.newsmon.alert_digest.v1"
)

// Digest is the body of a digest delivery.
type Digest struct {
	Type   string         `json:"type"`
	ID     string         `json:"id"`
	Alerts []events.Alert `json:"alerts"`
}

// Sender posts signed alerts to one endpoint.
type Sender struct {
	name   string
	url    secret.Secret
	key    secret.Secret
	client *outbound.Client
	clock  clock.Clock
}

// New returns a sender posting to u, signing with key.
func New(name string, u, key secret.Secret, c *outbound.Client, clk clock.Clock) *Sender {
	return &Sender{name: name, url: u, key: key, client: c, clock: clk}
}

// SendAlert posts a as JSON.
func (s *Sender) SendAlert(ctx context.Context, a events.Alert) error {
	body, err := json.Marshal(a)
	if err != nil {
		return outbound.Describe(s.name, err)
	}
	return s.post(ctx, events.TypeAlert, events.StableID("delivery", a.ID, s.name), body)
}

// SendDigest posts several alerts in one body.
func (s *Sender) SendDigest(ctx context.Context, id string, list []events.Alert) error {
	body, err := json.Marshal(Digest{Type: TypeDigest, ID: id, Alerts: list})
	if err != nil {
		return outbound.Describe(s.name, err)
	}
	return s.post(ctx, TypeDigest, events.StableID("delivery", id, s.name), body)
}

func (s *Sender) post(ctx context.Context, typ, delivery string, body []byte) error {
	ts := strconv.FormatInt(s.clock.Now().Unix(), 10)
	h := http.Header{}
	h.Set(HeaderEvent, typ)
	h.Set(HeaderDelivery, delivery)
	h.Set(HeaderTimestamp, ts)
	h.Set(HeaderSignature, Sign(s.key.Reveal(), ts, body))
	resp, err := s.client.Post(ctx, s.name, s.url, body, h)
	if err != nil {
		return err
	}
	scrub := func(t string) string { return s.key.Scrub(s.url.Scrub(t)) }
	return outbound.Classify(s.name, resp, s.clock.Now(), scrub)
}

// Sign returns the signature header value for body sent at timestamp.
func Sign(key, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(timestamp))
	m.Write([]byte{'.'})
	m.Write(body)
	return "v1=" + hex.EncodeToString(m.Sum(nil))
}

// Verification errors.
var (
	ErrBadSignature = errors.New("webhook: signature does not match")
	ErrStale        = errors.New("webhook: timestamp outside the allowed window")
)

// Verify checks a received request's timestamp and signature headers
// against body, allowing the timestamp to differ from now by at most
// tolerance (5 minutes is a good choice). Receivers should also drop
// repeated X-Newsmon-Delivery ids.
func Verify(key, timestamp, signature string, body []byte, now time.Time, tolerance time.Duration) error {
	sec, err := strconv.ParseInt(strings.TrimSpace(timestamp), 10, 64)
	if err != nil {
		return ErrStale
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return ErrStale
	}
	if !hmac.Equal([]byte(Sign(key, timestamp, body)), []byte(strings.TrimSpace(signature))) {
		return ErrBadSignature
	}
	return nil
}
