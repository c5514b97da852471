package httpguard

import (
	"context"
	"net/url"
	"strings"
	"sync"
)

// HostLimiter bounds concurrent requests per host and overall, so that many
// feeds or articles on one site never burst it. Both the feed-fetcher and
// the article-parser use one.
type HostLimiter struct {
	perHost int
	global  chan struct{}

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{}
	users int // holders and waiters; the slot is dropped at zero
}

// NewHostLimiter allows perHost concurrent requests to one host (at least
// 1) and global requests in all (0 means no global bound).
func NewHostLimiter(perHost, global int) *HostLimiter {
	if perHost < 1 {
		perHost = 1
	}
	l := &HostLimiter{perHost: perHost, hosts: map[string]*hostSlot{}}
	if global > 0 {
		l.global = make(chan struct{}, global)
	}
	return l
}

// HostKey is the limiter key of a URL: its lower-cased host name without
// port and without a leading "www.".
func HostKey(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// Acquire waits for a slot for host (see HostKey) and a global slot. It
// returns a release func to call exactly once, or ctx's error.
func (l *HostLimiter) Acquire(ctx context.Context, host string) (func(), error) {
	l.mu.Lock()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = s
	}
	s.users++
	l.mu.Unlock()

	drop := func() {
		l.mu.Lock()
		s.users--
		if s.users == 0 {
			delete(l.hosts, host)
		}
		l.mu.Unlock()
	}
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		drop()
		return nil, ctx.Err()
	}
	if l.global != nil {
		select {
		case l.global <- struct{}{}:
		case <-ctx.Done():
			<-s.sem
			drop()
			return nil, ctx.Err()
		}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			if l.global != nil {
				<-l.global
			}
			<-s.sem
			drop()
		})
	}, nil
}
