package httpguard

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Validators are the conditional-GET validators of a stored response.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Apply sets If-None-Match and If-Modified-Since on h.
func (v Validators) Apply(h http.Header) {
	if v.ETag != "" {
		h.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		h.Set("If-Modified-Since", v.LastModified)
	}
}

// ValidatorsOf reads ETag and Last-Modified from a response header.
func ValidatorsOf(h http.Header) Validators {
	return Validators{ETag: h.Get("ETag"), LastModified: h.Get("Last-Modified")}
}

// Request is one GET.
type Request struct {
	URL string
	// Accept is the Accept header ("*/*" when empty).
	Accept string
	// Conditional makes the GET conditional; a 304 answer comes back as
	// Response.NotModified with no body.
	Conditional Validators
	// Header holds extra headers (User-Agent and Accept-Encoding are set
	// by the client).
	Header http.Header
}

// Response is a successful (2xx or 304) answer with its decoded body.
type Response struct {
	// URL is the final URL after redirects.
	URL string
	// PermanentURL is set when the request was redirected only by 301 and
	// 308: the URL the caller should store instead of the one it asked.
	PermanentURL string
	Redirects    int
	StatusCode   int
	Header       http.Header
	// Body is decoded (gzip, deflate, br) and at most MaxBodyBytes long.
	Body        []byte
	NotModified bool
	// Validators are the response's ETag and Last-Modified.
	Validators Validators
}

// challengePeek is how much of an error body is read to recognise a bot
// challenge page.
const challengePeek = 32 << 10

// Fetch performs a guarded GET. It returns a *Response for 2xx and 304;
// any other status is a *StatusError; every error is classed (ClassOf).
func (c *Client) Fetch(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	if err := c.checkURL(u.Scheme, u.Host); err != nil {
		return nil, fmt.Errorf("httpguard: get %s: %w", Redact(r.URL), err)
	}
	rctx, cancel := context.WithTimeoutCause(ctx, c.Options.RequestTimeout, errRequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	for k, vs := range r.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	accept := r.Accept
	if accept == "" {
		accept = "*/*"
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	req.Header.Set("User-Agent", c.Options.UserAgent)
	r.Conditional.Apply(req.Header)

	log := &redirectLog{seen: map[string]bool{}, permanent: true}
	resp, err := c.httpClient(log).Do(req)
	if err != nil {
		return nil, c.wrap(ctx, rctx, r.URL, err)
	}
	defer func() {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
	}()
	out := &Response{
		URL: resp.Request.URL.String(), Redirects: log.hops, StatusCode: resp.StatusCode,
		Header: resp.Header, Validators: ValidatorsOf(resp.Header),
	}
	if log.hops > 0 && log.permanent {
		out.PermanentURL = out.URL
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, c.statusError(rctx, resp)
	}
	body, err := decodedReader(resp.Body, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, fmt.Errorf("httpguard: get %s: %w", Redact(r.URL), err)
	}
	out.Body, err = readCapped(body, c.Options.MaxBodyBytes)
	if err != nil {
		return nil, c.wrap(ctx, rctx, r.URL, err)
	}
	return out, nil
}

func (c *Client) wrap(parent, rctx context.Context, rawURL string, err error) error {
	// The transport's *url.Error repeats the full URL (query and all);
	// the message below names the redacted one instead.
	if ue, ok := err.(*url.Error); ok && ue.Err != nil {
		err = ue.Err
	}
	if context.Cause(rctx) == errRequestTimeout && parent.Err() == nil {
		err = Classed(ErrTimeout, fmt.Errorf("whole request over %s: %w", c.Options.RequestTimeout, err))
	}
	return fmt.Errorf("httpguard: get %s: %w", Redact(rawURL), classifyTransport(parent, err))
}

func (c *Client) statusError(ctx context.Context, resp *http.Response) error {
	se := &StatusError{URL: Redact(resp.Request.URL.String()), StatusCode: resp.StatusCode}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		se.RetryAfter = ParseRetryAfter(resp.Header.Get("Retry-After"), c.Options.Clock.Now())
	}
	if resp.StatusCode == 403 || resp.StatusCode == 429 || resp.StatusCode == 503 {
		var peek []byte
		if body, err := decodedReader(resp.Body, resp.Header.Get("Content-Encoding")); err == nil && ctx.Err() == nil {
			peek, _ = io.ReadAll(io.LimitReader(body, challengePeek))
		}
		se.Challenge = IsBotChallenge(resp.StatusCode, resp.Header, peek)
	}
	return se
}

// IsBotChallenge recognises an anti-bot interstitial (Cloudflare, Akamai,
// DataDome, Sucuri and similar) from the status, headers and the start of
// the body.
func IsBotChallenge(status int, h http.Header, body []byte) bool {
	if h.Get("Cf-Mitigated") == "challenge" {
		return true
	}
	if status != 403 && status != 429 && status != 503 {
		return false
	}
	markers := [][]byte{
		[]byte("cf-browser-verification"), []byte("cf_chl_"), []byte("challenge-platform"),
		[]byte("<title>Just a moment...</title>"), []byte("Attention Required! | Cloudflare"),
		[]byte("captcha-delivery.com"), []byte("_Incapsula_Resource"), []byte("sucuri_cloudproxy"),
		[]byte("Access Denied</TITLE>"),
	}
	for _, m := range markers {
		if bytes.Contains(body, m) {
			return true
		}
	}
	server := strings.ToLower(h.Get("Server"))
	return (server == "cloudflare" || server == "ddos-guard") && bytes.Contains(bytes.ToLower(body), []byte("captcha"))
}

// ParseRetryAfter reads a Retry-After value (seconds or an HTTP date,
// relative to now). It returns 0 when absent or unparsable.
func ParseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// Redact hides credentials in a URL for logs and errors: user info is
// dropped and query values are replaced.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			q[k] = []string{"x"}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}

func splitHostPort(hostport string) (string, string, error) {
	return net.SplitHostPort(hostport)
}
