package httpguard

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Class names the kind of failure of a fetch. Classes are short, stable
// strings fit for logs, metrics labels and the feed status table.
type Class string

// The failure classes. ClassNone is the class of a nil error.
const (
	ClassNone         Class = ""
	ClassDNS          Class = "dns"
	ClassConnect      Class = "connect"
	ClassTLS          Class = "tls"
	ClassTimeout      Class = "timeout"
	ClassHTTP4xx      Class = "http_4xx"
	ClassHTTP5xx      Class = "http_5xx"
	ClassRateLimited  Class = "http_429"
	ClassGone         Class = "http_410"
	ClassBotChallenge Class = "bot_challenge"
	ClassNotFeed      Class = "not_a_feed"
	ClassParse        Class = "parse_error"
	ClassTooLarge     Class = "too_large"
	ClassRedirectLoop Class = "redirect_loop"
	ClassTooManyHops  Class = "too_many_redirects"
	ClassBlocked      Class = "blocked_address"
	ClassBadURL       Class = "bad_url"
	ClassCanceled     Class = "canceled"
	ClassOther        Class = "other"
)

// classError is a sentinel error that carries its class.
type classError struct {
	class Class
	msg   string
}

func (e *classError) Error() string { return e.msg }

// Sentinel errors, one per class. Errors returned by Client.Fetch wrap one
// of them (check with errors.Is) and, for HTTP status failures, a
// *StatusError (check with errors.As).
var (
	ErrDNS             error = &classError{ClassDNS, "httpguard: DNS lookup failed"}
	ErrConnect         error = &classError{ClassConnect, "httpguard: connection failed"}
	ErrTLS             error = &classError{ClassTLS, "httpguard: TLS failure"}
	ErrTimeout         error = &classError{ClassTimeout, "httpguard: timed out"}
	ErrHTTP4xx         error = &classError{ClassHTTP4xx, "httpguard: client error status"}
	ErrHTTP5xx         error = &classError{ClassHTTP5xx, "httpguard: server error status"}
	ErrRateLimited     error = &classError{ClassRateLimited, "httpguard: rate limited"}
	ErrGone            error = &classError{ClassGone, "httpguard: gone"}
	ErrBotChallenge    error = &classError{ClassBotChallenge, "httpguard: bot challenge page"}
	ErrNotFeed         error = &classError{ClassNotFeed, "httpguard: not a feed"}
	ErrParse           error = &classError{ClassParse, "httpguard: parse error"}
	ErrTooLarge        error = &classError{ClassTooLarge, "httpguard: body too large"}
	ErrRedirectLoop    error = &classError{ClassRedirectLoop, "httpguard: redirect loop"}
	ErrTooManyRedirect error = &classError{ClassTooManyHops, "httpguard: too many redirects"}
	ErrBlocked         error = &classError{ClassBlocked, "httpguard: address not allowed"}
	ErrBadURL          error = &classError{ClassBadURL, "httpguard: unsupported URL"}
)

var sentinels = []error{
	ErrBlocked, ErrRedirectLoop, ErrTooManyRedirect, ErrTooLarge, ErrBotChallenge,
	ErrRateLimited, ErrGone, ErrHTTP4xx, ErrHTTP5xx, ErrTimeout, ErrTLS, ErrDNS,
	ErrConnect, ErrNotFeed, ErrParse, ErrBadURL,
}

// ClassOf returns the class of err: ClassNone for nil, ClassCanceled when
// the caller's context ended, ClassOther when nothing more specific applies.
func ClassOf(err error) Class {
	if err == nil {
		return ClassNone
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return s.(*classError).class
		}
	}
	if errors.Is(err, context.Canceled) {
		return ClassCanceled
	}
	return ClassOther
}

// Classed wraps err so that it carries the class of sentinel, keeping err
// in the chain: fmt.Errorf("%w: %w", sentinel, err).
func Classed(sentinel, err error) error {
	if err == nil {
		return sentinel
	}
	return fmt.Errorf("%w: %w", sentinel, err)
}

// StatusError is an HTTP response outside 2xx and 304.
type StatusError struct {
	// URL is the redacted URL that answered.
	URL        string
	StatusCode int
	// RetryAfter is the server's Retry-After delay (0 when absent).
	RetryAfter time.Duration
	// Challenge is set when the answer is a bot challenge page.
	Challenge bool
}

func (e *StatusError) Error() string {
	s := "httpguard: " + e.URL + ": status " + strconv.Itoa(e.StatusCode)
	if e.Challenge {
		s += " (bot challenge)"
	}
	if e.RetryAfter > 0 {
		s += ", retry after " + e.RetryAfter.String()
	}
	return s
}

// Is matches the class sentinels for the status.
func (e *StatusError) Is(target error) bool {
	switch target {
	case ErrBotChallenge:
		return e.Challenge
	case ErrRateLimited:
		return !e.Challenge && e.StatusCode == 429
	case ErrGone:
		return !e.Challenge && e.StatusCode == 410
	case ErrHTTP4xx:
		return !e.Challenge && e.StatusCode >= 400 && e.StatusCode < 500
	case ErrHTTP5xx:
		return !e.Challenge && e.StatusCode >= 500
	}
	return false
}

// RetryAfterOf returns the server-requested delay carried by err, if any.
func RetryAfterOf(err error) time.Duration {
	var se *StatusError
	if errors.As(err, &se) {
		return se.RetryAfter
	}
	return 0
}

// classifyTransport maps an error from the transport or from reading the
// body to a classed error. parent is the caller's context: when it has
// ended, its error is returned as is (the caller stopped, the feed did not
// fail).
func classifyTransport(parent context.Context, err error) error {
	if err == nil {
		return nil
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return err
		}
	}
	if perr := parent.Err(); perr != nil {
		return fmt.Errorf("%w: %w", perr, err)
	}
	var dnsErr *net.DNSError
	var netErr net.Error
	var certInvalid x509.CertificateInvalidError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var verifyErr *tls.CertificateVerificationError
	var recordErr tls.RecordHeaderError
	var alertErr tls.AlertError
	var urlErr *url.Error
	switch {
	case errors.As(err, &dnsErr):
		if dnsErr.IsTimeout {
			return Classed(ErrTimeout, err)
		}
		return Classed(ErrDNS, err)
	case errors.As(err, &certInvalid), errors.As(err, &unknownAuth), errors.As(err, &hostErr),
		errors.As(err, &verifyErr), errors.As(err, &recordErr), errors.As(err, &alertErr):
		return Classed(ErrTLS, err)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, errRequestTimeout):
		return Classed(ErrTimeout, err)
	case errors.As(err, &netErr) && netErr.Timeout():
		return Classed(ErrTimeout, err)
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return Classed(ErrConnect, err)
	}
	if errors.As(err, &urlErr) && urlErr.Err != nil && isTLSMessage(urlErr.Err.Error()) {
		return Classed(ErrTLS, err)
	}
	return err
}

func isTLSMessage(s string) bool {
	return strings.HasPrefix(s, "tls:") || strings.Contains(s, "x509:")
}

// errRequestTimeout is the cause set on the whole-request deadline.
var errRequestTimeout = errors.New("httpguard: request deadline exceeded")
