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
	"github.com/newsmon/newsmon/services/article-parser/robots"
)

// maxRobotsEntries bounds the cache; past it, expired entries are dropped
// and, if none are, the whole cache is.
const maxRobotsEntries = 20_000

// robotsCache keeps each site's parsed robots.txt for a TTL. Concurrent
// misses for one site share one download.
type robotsCache struct {
	client  *httpguard.Client
	limiter *httpguard.HostLimiter
	clock   clock.Clock
	ttl     time.Duration

	mu      sync.Mutex
	entries map[string]*robotsEntry // origin "https://host:port"
}

type robotsEntry struct {
	ready   chan struct{}
	rules   *robots.Rules
	err     error
	expires time.Time
}

func newRobotsCache(c *httpguard.Client, l *httpguard.HostLimiter, clk clock.Clock, ttl time.Duration) *robotsCache {
	return &robotsCache{client: c, limiter: l, clock: clk, ttl: ttl, entries: map[string]*robotsEntry{}}
}

// rules returns the robots rules for u's site. An error means the file
// could not be read for a reason that may pass (5xx, 429, timeouts); the
// caller retries later. Errors are not cached.
func (c *robotsCache) rules(ctx context.Context, u *url.URL) (*robots.Rules, error) {
	origin := u.Scheme + "://" + u.Host
	now := c.clock.Now()
	c.mu.Lock()
	e, ok := c.entries[origin]
	if ok && e.expires.IsZero() {
		// Another worker is downloading it.
		c.mu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, fmt.Errorf("parser: wait for robots.txt of %s: %w", origin, ctx.Err())
		}
		return e.rules, e.err
	}
	if ok && now.Before(e.expires) {
		c.mu.Unlock()
		return e.rules, nil
	}
	e = &robotsEntry{ready: make(chan struct{})}
	c.evict(now)
	c.entries[origin] = e
	c.mu.Unlock()

	e.rules, e.err = c.download(ctx, origin)
	c.mu.Lock()
	if e.err != nil {
		delete(c.entries, origin)
	} else {
		e.expires = c.clock.Now().Add(c.ttl)
	}
	c.mu.Unlock()
	close(e.ready)
	return e.rules, e.err
}

// evict makes room; c.mu is held.
func (c *robotsCache) evict(now time.Time) {
	if len(c.entries) < maxRobotsEntries {
		return
	}
	for k, e := range c.entries {
		if !e.expires.IsZero() && !now.Before(e.expires) {
			delete(c.entries, k)
		}
	}
	if len(c.entries) >= maxRobotsEntries {
		clear(c.entries)
	}
}

// download fetches and parses origin/robots.txt. Following RFC 9309, a
// 4xx answer (no file) allows everything; 5xx, 429 and network failures
// are errors to retry. Failures a retry cannot fix (address guard, bad
// URL, TLS) allow: the page fetch then reports its own error.
func (c *robotsCache) download(ctx context.Context, origin string) (*robots.Rules, error) {
	release, err := c.limiter.Acquire(ctx, httpguard.HostKey(origin))
	if err != nil {
		return nil, fmt.Errorf("parser: wait for a slot for robots.txt of %s: %w", origin, err)
	}
	defer release()
	resp, err := c.client.Fetch(ctx, httpguard.Request{URL: origin + "/robots.txt", Accept: "text/plain,*/*;q=0.5"})
	if err == nil {
		return robots.Parse(resp.Body, robotsAgent), nil
	}
	var se *httpguard.StatusError
	if errors.As(err, &se) && se.StatusCode >= 400 && se.StatusCode < 500 && se.StatusCode != 429 {
		return robots.AllowAll, nil
	}
	switch httpguard.ClassOf(err) {
	case httpguard.ClassBlocked, httpguard.ClassBadURL, httpguard.ClassTLS, httpguard.ClassTooLarge,
		httpguard.ClassRedirectLoop, httpguard.ClassTooManyHops:
		return robots.AllowAll, nil
	}
	return nil, fmt.Errorf("parser: robots.txt of %s: %w", origin, err)
}
