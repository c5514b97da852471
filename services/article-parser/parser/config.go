// Package parser is the article-parser service: it consumes news.items,
// downloads each item's page through the guarded HTTP client (robots.txt
// honoured, per-host politeness), extracts the text and metadata and
// publishes news.articles. A page that gives no usable text becomes an
// article with the feed's own text and the reason; no item is dropped.
package parser

import (
	"flag"
	"net/http"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/httpguard"
)

// Config is the article-parser's configuration.
type Config struct {
	// Workers is how many items are processed at once.
	Workers int
	// PerHost bounds concurrent page fetches to one host.
	PerHost int
	// Attempts is the retry budget of a page fetch that fails for a
	// reason that may pass (5xx, timeout, 429): after this many deliveries
	// the feed-text fallback is published. It is capped below the
	// consumer's MaxDeliver so an item is never dead-lettered for it.
	Attempts int
	// Allow lists CIDRs or host names the address guard lets through
	// (comma-separated; for intranet sites and tests).
	Allow string
	// MaxBodyBytes caps a page after decompression.
	MaxBodyBytes int64
	// RequestTimeout bounds one page fetch, body included.
	RequestTimeout time.Duration
	// Robots turns robots.txt checks on (default) or off.
	Robots bool
	// RobotsTTL is how long a site's robots.txt is cached.
	RobotsTTL time.Duration
	// Method is the extraction method: combined, trafilatura or readability.
	Method string
	// Version names the build in the User-Agent.
	Version string

	// Transport, when set, replaces the network transport (replay serves
	// pages from an archive this way); the URL checks still apply and the
	// address guard is unchanged when it is nil. Not a flag.
	Transport http.RoundTripper
	// Client, when set, is used as is instead of a client built from the
	// settings above. Not a flag.
	Client *httpguard.Client
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		Workers:        4,
		PerHost:        2,
		Attempts:       4,
		MaxBodyBytes:   8 << 20,
		RequestTimeout: 30 * time.Second,
		Robots:         true,
		RobotsTTL:      6 * time.Hour,
		Method:         events.MethodCombined,
		Version:        "dev",
	}
}

// Register defines the service's flags on fs.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.IntVar(&c.Workers, "parser-workers", c.Workers, "items processed at once")
	fs.IntVar(&c.PerHost, "parser-per-host", c.PerHost, "concurrent page fetches per host")
	fs.IntVar(&c.Attempts, "parser-attempts", c.Attempts, "deliveries tried for a failing page fetch (5xx, timeout, 429) before the feed text is published")
	fs.StringVar(&c.Allow, "parser-allow", c.Allow, "CIDRs or hosts allowed despite the private-address guard (comma-separated)")
	fs.Int64Var(&c.MaxBodyBytes, "parser-max-body", c.MaxBodyBytes, "page size cap in bytes after decompression")
	fs.DurationVar(&c.RequestTimeout, "parser-timeout", c.RequestTimeout, "timeout of one page fetch, body included")
	fs.BoolVar(&c.Robots, "parser-robots", c.Robots, "honour robots.txt")
	fs.DurationVar(&c.RobotsTTL, "parser-robots-ttl", c.RobotsTTL, "how long a site's robots.txt is cached")
	fs.StringVar(&c.Method, "parser-method", c.Method, "extraction method: combined, trafilatura or readability")
}

// Validate checks the configuration.
func (c *Config) Validate() error {
	checks := []struct {
		flag string
		v    int64
	}{
		{"parser-workers", int64(c.Workers)}, {"parser-per-host", int64(c.PerHost)},
		{"parser-attempts", int64(c.Attempts)}, {"parser-max-body", c.MaxBodyBytes},
	}
	for _, ch := range checks {
		if err := config.Positive(config.EnvName(ch.flag), ch.v); err != nil {
			return err
		}
	}
	if c.RequestTimeout <= 0 {
		return config.Errorf(config.EnvName("parser-timeout"), "must be greater than zero, got %s", c.RequestTimeout)
	}
	if c.RobotsTTL <= 0 {
		return config.Errorf(config.EnvName("parser-robots-ttl"), "must be greater than zero, got %s", c.RobotsTTL)
	}
	switch c.Method {
	case events.MethodCombined, events.MethodTrafilatura, events.MethodReadability:
	default:
		return config.Errorf(config.EnvName("parser-method"), "must be combined, trafilatura or readability, got %q", c.Method)
	}
	if _, err := httpguard.New(httpguard.Options{Allow: httpguard.SplitAllow(c.Allow)}); err != nil {
		return config.Errorf(config.EnvName("parser-allow"), "%v", err)
	}
	return nil
}

// client returns the injected client or builds the guarded one; clk
// reads Retry-After dates.
func (c *Config) client(clk clock.Clock) (*httpguard.Client, error) {
	if c.Client != nil {
		return c.Client, nil
	}
	o := httpguard.DefaultOptions(c.Version)
	o.Allow = httpguard.SplitAllow(c.Allow)
	o.MaxBodyBytes = c.MaxBodyBytes
	o.RequestTimeout = c.RequestTimeout
	o.Transport = c.Transport
	o.MaxIdleConnsPerHost = max(2, c.PerHost)
	o.Clock = clk
	return httpguard.New(o)
}
