package parser

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/services/article-parser/extract"
	"github.com/newsmon/newsmon/services/article-parser/extractcli"
)

// robotsAgent is the product token newsmon looks for in robots.txt groups.
const robotsAgent = "newsmon"

// maxRetryAfter is the longest server-requested delay the parser waits
// for; a site asking for more gets the feed-text fallback at once.
const maxRetryAfter = 15 * time.Minute

// Fetch classes beyond httpguard's, for metrics and logs.
const (
	classOK                = "ok"
	classRobotsDisallowed  = "robots_disallowed"
	classRobotsUnavailable = "robots_unavailable"
	classHostCooling       = "host_cooling"
)

// ErrRobotsDisallowed is the error of a page that robots.txt disallows.
var ErrRobotsDisallowed = errors.New("parser: robots.txt disallows the page")

// Page is the outcome of one page fetch.
type Page struct {
	extract.Fetch
	// Class is "ok", an httpguard class, or one of the parser's own
	// (robots_disallowed, robots_unavailable, host_cooling).
	Class string
	// Retry is set when a later attempt may succeed (5xx, timeouts,
	// connection failures, 429); RetryAfter is the server's requested delay.
	Retry      bool
	RetryAfter time.Duration
}

// Fetcher downloads article pages politely: robots.txt is honoured, at most
// PerHost requests run against one host, and a host that answered 429 or
// 503 with Retry-After is left alone until the delay has passed.
type Fetcher struct {
	client  *httpguard.Client
	limiter *httpguard.HostLimiter
	robots  *robotsCache // nil when robots.txt is not checked
	clock   clock.Clock

	mu   sync.Mutex
	cool map[string]time.Time // host key -> no requests before
}

// NewFetcher builds the fetcher of cfg: the injected client, or a guarded
// client from cfg's limits (with cfg.Transport when set).
func NewFetcher(cfg Config, clk clock.Clock) (*Fetcher, error) {
	if clk == nil {
		clk = clock.Real{}
	}
	c, err := cfg.client(clk)
	if err != nil {
		return nil, fmt.Errorf("parser: http client: %w", err)
	}
	f := &Fetcher{client: c, limiter: httpguard.NewHostLimiter(max(cfg.PerHost, 1), 0), clock: clk, cool: map[string]time.Time{}}
	if cfg.Robots {
		f.robots = newRobotsCache(c, f.limiter, clk, cfg.RobotsTTL)
	}
	return f, nil
}

// FetchFunc adapts the fetcher to `newsmon extract URL`.
func (f *Fetcher) FetchFunc() extractcli.FetchFunc {
	return func(ctx context.Context, rawURL string) (extract.Fetch, error) {
		return f.Fetch(ctx, rawURL).Fetch, nil
	}
}

// CLIFetchFunc returns a guarded fetch for `newsmon extract URL` with the
// default limits; allow lists addresses exempt from the address guard.
func CLIFetchFunc(version string, allow []string) (extractcli.FetchFunc, error) {
	cfg := DefaultConfig()
	cfg.Version = version
	for _, a := range allow {
		cfg.Allow += a + ","
	}
	f, err := NewFetcher(cfg, clock.Real{})
	if err != nil {
		return nil, err
	}
	return f.FetchFunc(), nil
}

// CloseIdleConnections closes kept-alive connections.
func (f *Fetcher) CloseIdleConnections() { f.client.CloseIdleConnections() }

// Fetch downloads rawURL. It never returns an unusable Page: failures are
// described in Page.Err, Page.Reason and Page.Status, and Page.Retry says
// whether trying again later may help.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) Page {
	start := f.clock.Now()
	p := f.fetch(ctx, rawURL)
	p.FetchedAt = start
	p.Duration = f.clock.Now().Sub(start)
	return p
}

func (f *Fetcher) fetch(ctx context.Context, rawURL string) Page {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Page{Fetch: extract.Fetch{Reason: extract.ReasonBadURL, Err: fmt.Errorf("parser: unusable link %q", httpguard.Redact(rawURL))},
			Class: string(httpguard.ClassBadURL)}
	}
	host := httpguard.HostKey(rawURL)
	if wait := f.cooling(host); wait > 0 {
		return Page{Fetch: extract.Fetch{Reason: extract.ReasonRateLimited, Err: fmt.Errorf("parser: %s asked to wait %s", host, wait)},
			Class: classHostCooling, Retry: true, RetryAfter: wait}
	}
	if f.robots != nil {
		rules, err := f.robots.rules(ctx, u)
		if err != nil {
			return Page{Fetch: extract.Fetch{Reason: extract.ReasonRobots, Err: err}, Class: classRobotsUnavailable, Retry: true,
				RetryAfter: httpguard.RetryAfterOf(err)}
		}
		if !rules.Allowed(u) {
			return Page{Fetch: extract.Fetch{Reason: extract.ReasonRobots, Err: fmt.Errorf("%w: %s", ErrRobotsDisallowed, httpguard.Redact(rawURL))},
				Class: classRobotsDisallowed}
		}
	}
	release, err := f.limiter.Acquire(ctx, host)
	if err != nil {
		return Page{Fetch: extract.Fetch{Err: fmt.Errorf("parser: wait for a slot on %s: %w", host, err)}, Class: string(httpguard.ClassCanceled), Retry: true}
	}
	resp, err := f.client.Fetch(ctx, httpguard.Request{URL: rawURL, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
	release()
	if err == nil {
		return Page{Fetch: extract.Fetch{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: resp.Body, FinalURL: resp.URL},
			Class: classOK}
	}
	return f.failed(host, err)
}

// failed turns a fetch error into a Page: a status that the extractor
// classifies (402 paywall, 403 blocked, 404 ...), a fallback reason, or a
// retryable failure.
func (f *Fetcher) failed(host string, err error) Page {
	class := httpguard.ClassOf(err)
	p := Page{Class: string(class), Fetch: extract.Fetch{Err: err}}
	var se *httpguard.StatusError
	if errors.As(err, &se) {
		p.Status, p.Err = se.StatusCode, nil
		switch {
		case se.Challenge:
			p.Reason, p.Err = extract.ReasonBotChallenge, err
		case se.StatusCode == 429 || (se.StatusCode == 503 && se.RetryAfter > 0):
			p.Reason, p.Err, p.Retry, p.RetryAfter = extract.ReasonRateLimited, err, true, se.RetryAfter
			if se.RetryAfter > maxRetryAfter {
				p.Retry = false
			}
			if se.RetryAfter > 0 {
				f.coolDown(host, se.RetryAfter)
			}
		case se.StatusCode >= 500:
			p.Retry = true
		}
		return p
	}
	switch class {
	case httpguard.ClassTooLarge:
		p.Reason = extract.ReasonTooLarge
	case httpguard.ClassBlocked:
		p.Reason = extract.ReasonAddressBlocked
	case httpguard.ClassBadURL:
		p.Reason = extract.ReasonBadURL
	case httpguard.ClassRedirectLoop, httpguard.ClassTooManyHops:
		p.Reason = extract.ReasonRedirect
	case httpguard.ClassTLS:
		// A certificate problem does not fix itself within minutes.
	default:
		// Timeouts, DNS and connection failures, cancellation.
		p.Retry = true
	}
	return p
}

func (f *Fetcher) cooling(host string) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	until, ok := f.cool[host]
	if !ok {
		return 0
	}
	if wait := until.Sub(f.clock.Now()); wait > 0 {
		return wait
	}
	delete(f.cool, host)
	return 0
}

func (f *Fetcher) coolDown(host string, d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.cool) > 10_000 {
		clear(f.cool)
	}
	f.cool[host] = f.clock.Now().Add(min(d, maxRetryAfter))
}
