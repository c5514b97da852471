package fetcher

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/time/rate"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
)

// WebSub (W3C Recommendation, 23 January 2018) as a subscriber. The
// replica that polls a feed also looks after its subscription, under the
// same lease: it records its intent in the feed_state bucket (under
// WebSubKey) before asking the hub, so that whichever replica receives the
// hub's verification of intent can check it; it renews before the lease
// ends. Pushed content goes through the poll's parse, normalise,
// de-duplicate and publish path (callback.go). Polling goes on as a
// fallback, stretched by PollFactor while a subscription is live.

// Subscription states confirmed by a hub.
const (
	subActive       = "active"
	subDenied       = "denied"
	subUnsubscribed = "unsubscribed"
)

// Hub modes.
const (
	modeSubscribe   = "subscribe"
	modeUnsubscribe = "unsubscribe"
	modeDenied      = "denied"
)

const (
	// verifyWait is how long a sent request waits for the hub's
	// verification before it is sent again.
	verifyWait = time.Hour
	// deniedWait is how long a denied subscription waits before asking
	// again.
	deniedWait = 24 * time.Hour
	// maxRequestBackoff caps the delay between failed requests.
	maxRequestBackoff = 24 * time.Hour
)

// WebSubKey is the feed_state key of a feed's WebSub subscription.
func WebSubKey(feedURL string) string { return websubPrefix + FeedKey(feedURL) }

const websubPrefix = "websub."

// websub is the subscriber: it asks hubs and answers them.
type websub struct {
	cfg      WebSubConfig
	log      *slog.Logger
	clock    clock.Clock
	client   *httpguard.Client
	subs     subStore
	m        *metrics
	poller   *poller
	feeds    map[string]feedlist.Feed // by FeedKey
	basePath string
	limiter  *rate.Limiter
	// timeout bounds one request to a hub.
	timeout time.Duration
}

func newWebSub(cfg Config, p *poller, kv jetstream.KeyValue, list *feedlist.List) *websub {
	w := &websub{
		cfg: cfg.WebSub, log: p.log, clock: p.clock, client: p.client, subs: subStore{kv: kv}, m: p.m, poller: p,
		feeds: map[string]feedlist.Feed{}, limiter: rate.NewLimiter(rate.Limit(cfg.WebSub.Rate), cfg.WebSub.Burst),
		timeout: cfg.RequestTimeout,
	}
	if u, err := url.Parse(cfg.WebSub.base()); err == nil {
		w.basePath = strings.TrimRight(u.Path, "/")
	}
	for _, f := range list.Feeds {
		w.feeds[FeedKey(f.URL)] = f
	}
	return w
}

// maintain looks after fr's subscription after a poll: it subscribes when
// the feed advertises a hub, renews before the lease ends, retries with
// backoff, and unsubscribes when the hub is gone or the feed disabled. It
// reports whether a subscription is live (polling may then slow down).
func (w *websub) maintain(ctx context.Context, fr *feedRun, now time.Time) bool {
	if w == nil {
		return false
	}
	key := WebSubKey(fr.feed.URL)
	sub, _, found, err := w.subs.load(ctx, key)
	if err != nil {
		w.log.Debug("websub state unreadable", slog.String("feed", fr.feed.Name), slog.String("error", err.Error()))
		return false
	}
	// Entries that arrived by push count for the silence check.
	if sub.LastItemAt.After(fr.st.LastNewItem) {
		fr.st.LastNewItem = sub.LastItemAt
	}
	hub, topic := w.target(fr)
	if hub == "" || fr.st.Disabled {
		if found && sub.Status == subActive && sub.Pending != modeUnsubscribe {
			w.request(ctx, fr, sub.Hub, sub.Topic, modeUnsubscribe, now)
		}
		return false
	}
	same := found && sub.Hub == hub && sub.Topic == topic
	live := same && sub.live(now)
	switch {
	case same && sub.Pending == modeSubscribe && now.Sub(sub.RequestedAt) < requestBackoff(sub.Attempts):
		return live
	case same && sub.Status == subDenied && sub.Pending == "" && now.Sub(sub.RequestedAt) < deniedWait:
		return false
	case live && sub.Expires.Sub(now) > w.renewMargin(&sub, fr.base):
		return true
	}
	w.request(ctx, fr, hub, topic, modeSubscribe, now)
	// A renewal keeps the old lease until the hub confirms the new one.
	return live
}

// target is the hub to use and the topic to subscribe to: the feed's
// self link when it has one (as the spec asks), else its URL.
func (w *websub) target(fr *feedRun) (hub, topic string) {
	feedURL := fr.feed.URL
	if fr.st.CurrentURL != "" {
		feedURL = fr.st.CurrentURL
	}
	base, err := url.Parse(feedURL)
	if err != nil {
		return "", ""
	}
	resolve := func(ref string) string {
		u, err := base.Parse(strings.TrimSpace(ref))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return ""
		}
		u.Fragment = ""
		return u.String()
	}
	if fr.st.Hub == "" {
		return "", ""
	}
	hub, topic = resolve(fr.st.Hub), feedURL
	if fr.st.Self != "" {
		if s := resolve(fr.st.Self); s != "" {
			topic = s
		}
	}
	return hub, topic
}

// renewMargin is how long before expiry a subscription is renewed: a
// fifth of the granted lease, and at least three slowed poll intervals
// (renewal happens on a poll).
func (w *websub) renewMargin(sub *subscription, base time.Duration) time.Duration {
	lease := sub.Expires.Sub(sub.VerifiedAt)
	return max(lease/5, 3*base*time.Duration(w.cfg.PollFactor))
}

// requestBackoff is how long to wait before repeating a request: an hour
// for verification after a request the hub accepted, then doubling with
// each failure.
func requestBackoff(attempts int) time.Duration {
	d := verifyWait
	for i := 1; i < attempts && d < maxRequestBackoff; i++ {
		d *= 2
	}
	return min(d, maxRequestBackoff)
}

// request records the intent, then sends a subscribe or unsubscribe
// request to the hub.
func (w *websub) request(ctx context.Context, fr *feedRun, hub, topic, mode string, now time.Time) {
	key := WebSubKey(fr.feed.URL)
	err := w.subs.update(ctx, key, func(s *subscription, found bool) bool {
		if !found || s.Hub != hub || s.Topic != topic {
			*s = subscription{Feed: fr.feed.URL, Hub: hub, Topic: topic}
		}
		s.Pending, s.RequestedAt = mode, now
		return true
	})
	if err != nil {
		w.log.Warn("websub request not recorded", slog.String("feed", fr.feed.Name), slog.String("error", err.Error()))
		return
	}
	form := url.Values{
		"hub.mode":     {mode},
		"hub.topic":    {topic},
		"hub.callback": {w.cfg.callbackFor(FeedKey(fr.feed.URL))},
	}
	if mode == modeSubscribe {
		form.Set("hub.lease_seconds", strconv.FormatInt(int64(w.cfg.Lease/time.Second), 10))
		form.Set("hub.secret", w.cfg.secretFor(hub, topic))
	}
	serr := w.send(ctx, hub, form)
	result := "ok"
	if serr != nil {
		result = "error"
	}
	w.m.websubRequests.WithLabelValues(mode, result).Inc()
	var prev string
	_ = w.subs.update(ctx, key, func(s *subscription, found bool) bool {
		if !found || s.Hub != hub || s.Topic != topic {
			return false
		}
		prev = s.LastError
		if serr != nil {
			s.Attempts++
			s.LastError = serr.Error()
		} else {
			s.Attempts = 0
			if s.Pending == mode {
				// Not verified or denied yet (a hub may answer first).
				s.LastError = ""
			}
		}
		return true
	})
	attrs := []any{slog.String("feed", fr.feed.Name), slog.String("mode", mode),
		slog.String("hub", httpguard.Redact(hub)), slog.String("topic", httpguard.Redact(topic))}
	switch {
	case serr == nil:
		w.log.Info("websub request sent", attrs...)
	case serr.Error() != prev:
		w.log.Warn("websub request failed", append(attrs, slog.String("error", serr.Error()))...)
	}
}

// send posts a form to the hub through the guarded client.
func (w *websub) send(ctx context.Context, hub string, form url.Values) error {
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("websub: hub %s: %w", httpguard.Redact(hub), err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", w.client.Options.UserAgent)
	resp, err := w.client.HTTPClient().Do(req)
	if err != nil {
		return fmt.Errorf("websub: %s request to hub %s: %w", form.Get("hub.mode"), httpguard.Redact(hub), err)
	}
	defer func() {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
	}()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		peek, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
		return fmt.Errorf("websub: hub %s answered %d: %s", httpguard.Redact(hub), resp.StatusCode,
			strings.Join(strings.Fields(string(peek)), " "))
	}
	return nil
}
