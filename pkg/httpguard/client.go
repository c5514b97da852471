// Package httpguard is newsmon's guarded HTTP client for everything it
// fetches from the internet (feeds, article pages): every phase has a
// timeout, bodies are capped after decoding, redirects are capped and
// re-checked, private and metadata addresses are refused at dial time
// unless allow-listed, and failures come back classified (see Class).
package httpguard

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
)

// ProjectURL is named in the User-Agent so site operators can reach us.
const ProjectURL = "https://github.com/newsmon/newsmon"

// UserAgent is the honest User-Agent for a newsmon version.
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return "newsmon/" + version + " (+" + ProjectURL + ")"
}

// Options are the client's limits. A zero field takes the default named in
// its comment; New reports the values it settled on in Client.Options.
type Options struct {
	// ConnectTimeout bounds the TCP connect. Default 5s.
	ConnectTimeout time.Duration
	// TLSHandshakeTimeout bounds the TLS handshake. Default 5s.
	TLSHandshakeTimeout time.Duration
	// ResponseHeaderTimeout bounds the wait for response headers after the
	// request was written. Default 10s.
	ResponseHeaderTimeout time.Duration
	// RequestTimeout bounds the whole request: connect, redirects, headers
	// and body. Default 30s.
	RequestTimeout time.Duration
	// MaxBodyBytes caps the body after decoding. Default 15 MiB.
	MaxBodyBytes int64
	// MaxRedirects caps redirect hops; each hop is re-checked. Default 5.
	MaxRedirects int
	// MaxIdleConnsPerHost keeps connections for reuse. Default 2.
	MaxIdleConnsPerHost int
	// IdleConnTimeout closes unused connections. Default 90s.
	IdleConnTimeout time.Duration
	// UserAgent is sent on every request. Default UserAgent("dev").
	UserAgent string
	// Allow lists CIDRs ("127.0.0.0/8"), addresses or host names that may
	// be reached despite the address guard: for tests and intranet feeds.
	Allow []string
	// Transport, when set, is used instead of the guarded network
	// transport (replay answers from an archive this way). The URL checks
	// (scheme, literal addresses, redirects) still apply.
	Transport http.RoundTripper
	// Clock reads Retry-After dates. Default the wall clock.
	Clock clock.Clock
}

// DefaultOptions returns the defaults, with version in the User-Agent.
func DefaultOptions(version string) Options {
	return Options{
		ConnectTimeout:        5 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: 10 * time.Second,
		RequestTimeout:        30 * time.Second,
		MaxBodyBytes:          15 << 20,
		MaxRedirects:          5,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		UserAgent:             UserAgent(version),
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions("")
	set := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&o.ConnectTimeout, d.ConnectTimeout)
	set(&o.TLSHandshakeTimeout, d.TLSHandshakeTimeout)
	set(&o.ResponseHeaderTimeout, d.ResponseHeaderTimeout)
	set(&o.RequestTimeout, d.RequestTimeout)
	set(&o.IdleConnTimeout, d.IdleConnTimeout)
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = d.MaxBodyBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = d.MaxRedirects
	}
	if o.MaxIdleConnsPerHost <= 0 {
		o.MaxIdleConnsPerHost = d.MaxIdleConnsPerHost
	}
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	return o
}

// Client is the guarded client. It is safe for concurrent use.
type Client struct {
	// Options are the limits in force.
	Options   Options
	guard     *guard
	transport http.RoundTripper
}

// New builds a Client with the given limits.
func New(o Options) (*Client, error) {
	o = o.withDefaults()
	g, err := newGuard(o.Allow)
	if err != nil {
		return nil, err
	}
	c := &Client{Options: o, guard: g, transport: o.Transport}
	if c.transport == nil {
		c.transport = &http.Transport{
			DialContext:           g.dialer(o.ConnectTimeout),
			TLSHandshakeTimeout:   o.TLSHandshakeTimeout,
			TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
			ResponseHeaderTimeout: o.ResponseHeaderTimeout,
			MaxIdleConnsPerHost:   o.MaxIdleConnsPerHost,
			MaxIdleConns:          256,
			IdleConnTimeout:       o.IdleConnTimeout,
			ForceAttemptHTTP2:     true,
			// The client decodes bodies itself so the cap applies after
			// decoding; the transport must not decode gzip silently.
			DisableCompression: true,
			// Proxy is deliberately nil: an environment proxy would bypass
			// the dial-time address guard.
		}
	}
	return c, nil
}

// CloseIdleConnections closes kept-alive connections.
func (c *Client) CloseIdleConnections() {
	if t, ok := c.transport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

// redirectLog records the hops of one request.
type redirectLog struct {
	seen      map[string]bool
	permanent bool
	hops      int
}

// HTTPClient returns a plain *http.Client with the guard, transport and
// redirect checks, for callers that need streaming access. It does not
// decode or cap bodies and has no whole-request timeout: prefer Fetch.
func (c *Client) HTTPClient() *http.Client {
	log := &redirectLog{seen: map[string]bool{}, permanent: true}
	return c.httpClient(log)
}

func (c *Client) httpClient(log *redirectLog) *http.Client {
	return &http.Client{
		Transport: c.transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) == 1 {
				log.seen[via[0].URL.String()] = true
			}
			if log.seen[req.URL.String()] {
				return fmt.Errorf("%w: %s seen twice", ErrRedirectLoop, Redact(req.URL.String()))
			}
			log.seen[req.URL.String()] = true
			if len(via) > c.Options.MaxRedirects {
				return fmt.Errorf("%w: more than %d hops", ErrTooManyRedirect, c.Options.MaxRedirects)
			}
			if err := c.checkURL(req.URL.Scheme, req.URL.Host); err != nil {
				return err
			}
			log.hops = len(via)
			if req.Response != nil {
				code := req.Response.StatusCode
				if code != http.StatusMovedPermanently && code != http.StatusPermanentRedirect {
					log.permanent = false
				}
			}
			req.Header.Set("User-Agent", c.Options.UserAgent)
			return nil
		},
	}
}

// checkURL refuses schemes other than http and https and literal
// addresses on the deny list (names are checked when dialled).
func (c *Client) checkURL(scheme, hostport string) error {
	if scheme != "http" && scheme != "https" {
		return fmt.Errorf("%w: scheme %q", ErrBadURL, scheme)
	}
	if hostport == "" {
		return fmt.Errorf("%w: no host", ErrBadURL)
	}
	host := hostport
	if h, _, err := splitHostPort(hostport); err == nil {
		host = h
	}
	return c.guard.checkURLHost(host)
}

// IsBlocked reports whether err is a refusal by the address guard.
func IsBlocked(err error) bool { return errors.Is(err, ErrBlocked) }

// SplitAllow turns a comma-separated allow-list setting ("10.0.0.0/8,
// intranet.example") into its entries, dropping blanks.
func SplitAllow(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}
