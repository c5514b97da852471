package fetcher

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"net/url"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/config"
)

// WebSubConfig configures the WebSub subscriber (W3C WebSub). It is off
// unless Callback is set.
type WebSubConfig struct {
	// Callback is the public base URL hubs deliver to; each subscription
	// gets Callback + "/" + its feed key.
	Callback string
	// Listen is the address of the HTTP server that receives hub requests
	// (what Callback reaches, possibly through a proxy).
	Listen string
	// Secret is the master secret every subscription's hub.secret is
	// derived from. It is never logged.
	Secret string
	// Lease is the lease asked of hubs (they may grant another).
	Lease time.Duration
	// MaxBody caps a pushed document.
	MaxBody int64
	// Rate and Burst bound requests to the callback endpoint per second.
	Rate  float64
	Burst int
	// PollFactor stretches the polling interval of a feed with a live
	// subscription (1 keeps it; polling never stops).
	PollFactor int
}

func defaultWebSub() WebSubConfig {
	return WebSubConfig{Lease: 5 * 24 * time.Hour, MaxBody: 5 << 20, Rate: 20, Burst: 40, PollFactor: 4}
}

func (c *WebSubConfig) register(fs *flag.FlagSet) {
	fs.StringVar(&c.Callback, "fetcher-websub-callback", c.Callback, "public base URL for WebSub hub callbacks, e.g. https://host/websub (empty disables WebSub)")
	fs.StringVar(&c.Listen, "fetcher-websub-listen", c.Listen, "address of the WebSub callback server, e.g. :9180")
	fs.StringVar(&c.Secret, "fetcher-websub-secret", c.Secret, "master secret for WebSub signatures (at least 16 bytes; prefer the environment variable)")
	fs.DurationVar(&c.Lease, "fetcher-websub-lease", c.Lease, "subscription lease asked of hubs")
	fs.Int64Var(&c.MaxBody, "fetcher-websub-max-body", c.MaxBody, "largest pushed document accepted, in bytes")
	fs.Float64Var(&c.Rate, "fetcher-websub-rate", c.Rate, "callback requests accepted per second")
	fs.IntVar(&c.Burst, "fetcher-websub-burst", c.Burst, "callback requests accepted in a burst")
	fs.IntVar(&c.PollFactor, "fetcher-websub-poll-factor", c.PollFactor, "polling interval multiplier while a subscription is live (1 keeps it)")
}

// Enabled reports whether WebSub subscriptions are configured.
func (c *WebSubConfig) Enabled() bool { return c.Callback != "" }

func (c *WebSubConfig) validate() error {
	if !c.Enabled() {
		if c.Listen != "" {
			return config.Errorf(config.EnvName("fetcher-websub-listen"), "needs %s", config.EnvName("fetcher-websub-callback"))
		}
		return nil
	}
	name := config.EnvName("fetcher-websub-callback")
	u, err := url.Parse(c.Callback)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return config.Errorf(name, "must be an absolute http(s) URL without query, got %q", c.Callback)
	}
	if c.Listen == "" {
		return config.Errorf(config.EnvName("fetcher-websub-listen"), "is required with %s", name)
	}
	if len(c.Secret) < 16 {
		return config.Errorf(config.EnvName("fetcher-websub-secret"), "must be at least 16 bytes when %s is set", name)
	}
	if c.Lease < time.Hour || c.Lease > 365*24*time.Hour {
		return config.Errorf(config.EnvName("fetcher-websub-lease"), "must be between 1h and 8760h, got %s", c.Lease)
	}
	checks := []struct {
		flag string
		v    float64
	}{
		{"fetcher-websub-max-body", float64(c.MaxBody)}, {"fetcher-websub-rate", c.Rate},
		{"fetcher-websub-burst", float64(c.Burst)}, {"fetcher-websub-poll-factor", float64(c.PollFactor)},
	}
	for _, ch := range checks {
		if err := config.Positive(config.EnvName(ch.flag), ch.v); err != nil {
			return err
		}
	}
	return nil
}

// base is the callback base without a trailing slash.
func (c *WebSubConfig) base() string { return strings.TrimRight(c.Callback, "/") }

// callbackFor is the callback URL of one feed's subscription.
func (c *WebSubConfig) callbackFor(key string) string { return c.base() + "/" + key }

// secretFor derives a subscription's hub.secret from the master secret,
// the hub and the topic: stable across restarts and replicas (any of them
// can check a signature), different for every subscription, and useless
// for finding the master secret.
func (c *WebSubConfig) secretFor(hub, topic string) string {
	m := hmac.New(sha256.New, []byte(c.Secret))
	m.Write([]byte("newsmon websub v1\x00" + hub + "\x00" + topic))
	return hex.EncodeToString(m.Sum(nil))
}
