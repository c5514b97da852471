// Package outbound posts notifications over HTTP and classifies the answer:
// delivered, retry later (5xx, network errors, 429 with its Retry-After),
// or give up (400, 403, 404, 410, other 4xx), with 404 and 410 marking the
// destination as gone. Errors name the destination, never its URL.
package outbound

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/services/notifier/notify/secret"
)

// maxBody caps how much of an answer is read.
const maxBody = 64 << 10

// DefaultRetryAfter is assumed when a 429 carries no usable Retry-After.
const DefaultRetryAfter = 30 * time.Second

// maxRetryAfter caps a Retry-After so a bad header cannot park a destination for days.
const maxRetryAfter = time.Hour

// Client posts JSON to webhook-style endpoints.
type Client struct {
	hc        *http.Client
	userAgent string
}

// NewClient returns a client whose requests time out after timeout and never
// follow redirects (a webhook that redirects is misconfigured, and following
// would send the payload somewhere unreviewed). transport may be nil.
func NewClient(timeout time.Duration, transport http.RoundTripper, userAgent string) *Client {
	if transport == nil {
		transport = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			TLSHandshakeTimeout:   5 * time.Second, // Default is 10s.
			ResponseHeaderTimeout: timeout,         // Default is none.
			IdleConnTimeout:       90 * time.Second,
			MaxIdleConnsPerHost:   4, // Default is 2.
			ForceAttemptHTTP2:     true,
		}
	}
	return &Client{
		hc: &http.Client{
			Timeout:   timeout, // Default is none.
			Transport: transport,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			},
		},
		userAgent: userAgent,
	}
}

// Response is an HTTP answer with its body (capped).
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Post sends body to the secret URL u with the given headers. A transport
// failure comes back as a retryable *Error whose text has u scrubbed out.
func (c *Client) Post(ctx context.Context, dest string, u secret.Secret, body []byte, header http.Header) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.Reveal(), bytes.NewReader(body))
	if err != nil {
		// The parse error quotes the URL: say only that it is unusable.
		return nil, &Error{Destination: dest, Permanent: true, Disable: true, Detail: "the configured URL is not a valid URL"}
	}
	for k, vs := range header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	if req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, &Error{Destination: dest, Detail: "no answer: " + u.Scrub(transportError(err))}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, &Error{Destination: dest, Status: resp.StatusCode, Detail: u.Scrub("reading the answer: " + transportError(err))}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxBody)) // let the connection be reused
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: b}, nil
}

// transportError describes a transport failure without the *url.Error
// wrapper, which quotes the full URL.
func transportError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return err.Error()
}

// Error is a failed delivery. Its text names the destination and the
// status, never the URL.
type Error struct {
	Destination string
	// Status is the HTTP status, 0 when no answer came.
	Status int
	// Code is the service's short error code ("no_service", "channel_not_found").
	Code string
	// RetryAfter is how long the destination asked us to wait (429).
	RetryAfter time.Duration
	// Permanent failures are not retried: the alert is dead-lettered.
	Permanent bool
	// Disable marks the destination as gone (404, 410, revoked token).
	Disable bool
	Detail  string
}

func (e *Error) Error() string { return "deliver to " + e.Destination + ": " + e.Reason() }

// Reason is the error without the destination.
func (e *Error) Reason() string {
	var b strings.Builder
	if e.Status > 0 {
		b.WriteString("HTTP " + strconv.Itoa(e.Status))
		if e.Code != "" {
			b.WriteString(" (" + e.Code + ")")
		}
		if e.Detail != "" {
			b.WriteString(": ")
		}
	}
	b.WriteString(e.Detail)
	if e.RetryAfter > 0 {
		b.WriteString("; retry after " + e.RetryAfter.String())
	}
	if e.Disable {
		b.WriteString("; destination disabled")
	}
	return b.String()
}

// AsError returns err's *Error, if it has one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Classify turns an answer into nil (2xx) or an *Error. now dates an
// HTTP-date Retry-After; scrub removes the secret from the quoted body.
func Classify(dest string, r *Response, now time.Time, scrub func(string) string) error {
	if r.Status >= 200 && r.Status < 300 {
		return nil
	}
	e := &Error{Destination: dest, Status: r.Status, Code: Snippet(r.Body, scrub)}
	switch {
	case r.Status == http.StatusTooManyRequests:
		e.RetryAfter = RetryAfter(r.Header.Get("Retry-After"), now)
	case r.Status == http.StatusNotFound || r.Status == http.StatusGone:
		e.Permanent, e.Disable = true, true
	case r.Status == http.StatusRequestTimeout:
	case r.Status >= 400 && r.Status < 500:
		e.Permanent = true
	case r.Status >= 300 && r.Status < 400:
		e.Permanent, e.Detail = true, "the endpoint redirects; configure its final URL"
	}
	return e
}

// Snippet is a short, cleaned, scrubbed excerpt of an answer body for
// error messages.
func Snippet(body []byte, scrub func(string) string) string {
	s := alerts.Clean(string(body))
	if scrub != nil {
		s = scrub(s)
	}
	if len(s) > 120 {
		s = strings.ToValidUTF8(s[:120], "") + "…"
	}
	if scrub != nil {
		s = scrub(s)
	}
	return s
}

// RetryAfter reads a Retry-After value (seconds or an HTTP date), falling
// back to DefaultRetryAfter and capping at an hour.
func RetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	d := DefaultRetryAfter
	if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 {
		d = time.Duration(secs * float64(time.Second))
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	if d < time.Second {
		d = time.Second
	}
	if d > maxRetryAfter {
		d = maxRetryAfter
	}
	return d
}

// Describe wraps a non-*Error failure (for example a body that would not
// encode) as a permanent delivery error.
func Describe(dest string, err error) error {
	if _, ok := AsError(err); ok {
		return err
	}
	return &Error{Destination: dest, Permanent: true, Detail: fmt.Sprint(err)}
}
