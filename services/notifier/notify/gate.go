package notify

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/services/notifier/notify/outbound"
)

// gate paces one destination: a token bucket (about one message a second
// with short bursts for Slack), a pause until the time a 429 asked for, and
// the disabled state after a 404/410.
type gate struct {
	name    string
	limiter *rate.Limiter
	clock   clock.Clock

	mu           sync.Mutex
	blockedUntil time.Time
	disabled     string // why, when disabled
}

func newGate(name string, perSecond float64, burst int, clk clock.Clock) *gate {
	return &gate{name: name, limiter: rate.NewLimiter(rate.Limit(perSecond), burst), clock: clk}
}

// wait returns when a message may be sent. A pause longer than maxInline,
// or a disabled destination, comes back as an *outbound.Error instead.
func (g *gate) wait(ctx context.Context, maxInline time.Duration) error {
	for {
		g.mu.Lock()
		disabled, until := g.disabled, g.blockedUntil
		g.mu.Unlock()
		if disabled != "" {
			return &outbound.Error{Destination: g.name, Permanent: true, Disable: true, Detail: "destination disabled after " + disabled}
		}
		d := until.Sub(g.clock.Now())
		if d <= 0 {
			break
		}
		if d > maxInline {
			return &outbound.Error{Destination: g.name, RetryAfter: d, Detail: "paused: the destination asked us to wait"}
		}
		select {
		case <-g.clock.After(d):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := g.limiter.Wait(ctx); err != nil {
		return &outbound.Error{Destination: g.name, RetryAfter: time.Second, Detail: "rate limit: " + err.Error()}
	}
	return nil
}

// pause holds every send to the destination until now+d.
func (g *gate) pause(d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if t := g.clock.Now().Add(d); t.After(g.blockedUntil) {
		g.blockedUntil = t
	}
}

// disable stops the destination; it reports whether it was enabled before.
func (g *gate) disable(reason string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	was := g.disabled == ""
	if was {
		g.disabled = reason
	}
	return was
}
