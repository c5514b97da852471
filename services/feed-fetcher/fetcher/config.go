// Package fetcher is the feed-fetcher service: it polls the feeds of the
// feed list politely, parses and normalises their entries, de-duplicates
// them against the seen_items bucket and publishes new and materially
// changed entries on news.items. Feed state lives in the feed_state bucket.
package fetcher

import (
	"flag"
	"net/http"
	"time"

	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
)

// Config is the feed-fetcher's configuration.
type Config struct {
	// FeedsFile is the YAML feed list; empty uses the built-in list (a copy
	// of deploy/feeds.yaml embedded in feedlist).
	FeedsFile string
	// PerHost bounds concurrent fetches to one host; Concurrency bounds
	// them overall.
	PerHost     int
	Concurrency int
	// FirstPollItems is how many entries the first poll of a feed
	// publishes; older entries are recorded as seen.
	FirstPollItems int
	// MaxItems is how many entries of one document are considered (newest
	// first).
	MaxItems int
	// MaxRevisions caps the update revisions published for one entry.
	MaxRevisions int
	// MaxBackoff caps the delay after repeated failures.
	MaxBackoff time.Duration
	// Allow lists CIDRs or host names the address guard lets through
	// (comma-separated; for intranet feeds and tests).
	Allow string
	// MaxBodyBytes caps a feed document after decompression.
	MaxBodyBytes int64
	// RequestTimeout bounds one fetch.
	RequestTimeout time.Duration
	// ParseConcurrency bounds feeds parsed at once (and so peak memory).
	ParseConcurrency int
	// MetricsFeeds bounds how many feeds get per-feed metric series.
	MetricsFeeds int
	// FixedInterval turns the adaptive interval off: every feed is polled
	// at its configured interval (server hints and backoff still apply).
	FixedInterval bool
	// Lease is how long a replica holds a feed it polls; a replica that
	// dies mid-poll blocks the feed for at most this long.
	Lease time.Duration
	// ReplicaID names this replica in leases (default: host, pid and a
	// random suffix).
	ReplicaID string
	// WebSub, when Callback is set, subscribes to the hubs feeds
	// advertise; see websub.go.
	WebSub WebSubConfig
	// Version names the build in the User-Agent.
	Version string

	// Transport, when set, replaces the network transport (replay); the
	// address guard still checks every URL. Not a flag.
	Transport http.RoundTripper
	// List, when set, is used instead of reading FeedsFile. Not a flag.
	List *feedlist.List
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		PerHost:          1,
		Concurrency:      16,
		FirstPollItems:   50,
		MaxItems:         1000,
		MaxRevisions:     5,
		MaxBackoff:       6 * time.Hour,
		MaxBodyBytes:     15 << 20,
		RequestTimeout:   30 * time.Second,
		ParseConcurrency: 2,
		MetricsFeeds:     500,
		Lease:            2 * time.Minute,
		WebSub:           defaultWebSub(),
		Version:          "dev",
	}
}

// Register defines the service's flags on fs.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.FeedsFile, "fetcher-feeds", c.FeedsFile, "feed list (YAML); empty uses the built-in list")
	fs.IntVar(&c.PerHost, "fetcher-per-host", c.PerHost, "concurrent fetches per host")
	fs.IntVar(&c.Concurrency, "fetcher-concurrency", c.Concurrency, "concurrent fetches overall")
	fs.IntVar(&c.FirstPollItems, "fetcher-first-poll-items", c.FirstPollItems, "entries published on a feed's first poll (older ones are marked seen)")
	fs.IntVar(&c.MaxItems, "fetcher-max-items", c.MaxItems, "newest entries considered per feed document")
	fs.IntVar(&c.MaxRevisions, "fetcher-max-revisions", c.MaxRevisions, "update revisions published per entry at most")
	fs.DurationVar(&c.MaxBackoff, "fetcher-max-backoff", c.MaxBackoff, "longest delay after repeated failures")
	fs.StringVar(&c.Allow, "fetcher-allow", c.Allow, "CIDRs or hosts allowed despite the private-address guard (comma-separated)")
	fs.Int64Var(&c.MaxBodyBytes, "fetcher-max-body", c.MaxBodyBytes, "feed size cap in bytes after decompression")
	fs.DurationVar(&c.RequestTimeout, "fetcher-timeout", c.RequestTimeout, "timeout of one fetch, body included")
	fs.IntVar(&c.ParseConcurrency, "fetcher-parse-concurrency", c.ParseConcurrency, "feeds parsed at once")
	fs.BoolVar(&c.FixedInterval, "fetcher-fixed-interval", c.FixedInterval, "poll every feed at its configured interval (no adaptation)")
	fs.DurationVar(&c.Lease, "fetcher-lease", c.Lease, "how long a replica holds a feed it polls (must exceed --fetcher-timeout)")
	fs.StringVar(&c.ReplicaID, "fetcher-replica-id", c.ReplicaID, "this replica's name in feed leases (default: host-pid-random)")
	c.WebSub.register(fs)
	fs.IntVar(&c.MetricsFeeds, "fetcher-metrics-feeds", c.MetricsFeeds, "feeds with their own metric series (the rest are aggregated)")
}

// Validate checks the configuration.
func (c *Config) Validate() error {
	checks := []struct {
		flag string
		v    int64
	}{
		{"fetcher-per-host", int64(c.PerHost)}, {"fetcher-concurrency", int64(c.Concurrency)},
		{"fetcher-first-poll-items", int64(c.FirstPollItems)}, {"fetcher-max-items", int64(c.MaxItems)},
		{"fetcher-max-revisions", int64(c.MaxRevisions)}, {"fetcher-max-body", c.MaxBodyBytes},
		{"fetcher-parse-concurrency", int64(c.ParseConcurrency)},
	}
	for _, ch := range checks {
		if err := config.Positive(config.EnvName(ch.flag), ch.v); err != nil {
			return err
		}
	}
	if c.MaxBackoff < feedlist.MinInterval {
		return config.Errorf(config.EnvName("fetcher-max-backoff"), "must be at least %s, got %s", feedlist.MinInterval, c.MaxBackoff)
	}
	if c.RequestTimeout <= 0 {
		return config.Errorf(config.EnvName("fetcher-timeout"), "must be greater than zero, got %s", c.RequestTimeout)
	}
	if c.Lease <= c.RequestTimeout {
		return config.Errorf(config.EnvName("fetcher-lease"), "must exceed the fetch timeout %s, got %s", c.RequestTimeout, c.Lease)
	}
	if err := c.WebSub.validate(); err != nil {
		return err
	}
	if c.FeedsFile != "" && c.List == nil {
		if _, err := feedlist.Load(c.FeedsFile); err != nil {
			return err
		}
	}
	if _, err := httpguard.New(httpguard.Options{Allow: httpguard.SplitAllow(c.Allow)}); err != nil {
		return config.Errorf(config.EnvName("fetcher-allow"), "%v", err)
	}
	return nil
}

// feeds returns the configured list.
func (c *Config) feeds() (*feedlist.List, error) {
	if c.List != nil {
		return c.List, nil
	}
	if c.FeedsFile == "" {
		return feedlist.Default()
	}
	return feedlist.Load(c.FeedsFile)
}

// client builds the guarded HTTP client.
func (c *Config) client() (*httpguard.Client, error) {
	o := httpguard.DefaultOptions(c.Version)
	o.Allow = httpguard.SplitAllow(c.Allow)
	o.MaxBodyBytes = c.MaxBodyBytes
	o.RequestTimeout = c.RequestTimeout
	o.Transport = c.Transport
	o.MaxIdleConnsPerHost = max(2, c.PerHost)
	return httpguard.New(o)
}
