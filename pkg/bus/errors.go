package bus

import (
	"errors"
	"time"
)

// permanentError marks a failure that redelivery cannot fix: the message is
// terminated with the reason and lands in the dead-letter stream.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent wraps err so that Consume terminates the message instead of
// redelivering it. Use it for bad schemas, undecodable bodies and 4xx answers.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err: err}
}

// IsPermanent reports whether err (or an error it wraps) was marked Permanent.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

// retryAfterError asks for redelivery no sooner than After.
type retryAfterError struct {
	err   error
	after time.Duration
}

func (e *retryAfterError) Error() string { return e.err.Error() }
func (e *retryAfterError) Unwrap() error { return e.err }

// RetryAfter wraps a retryable err with the delay the handler wants before
// the next delivery (for example from an HTTP Retry-After header).
func RetryAfter(err error, after time.Duration) error {
	if err == nil {
		return nil
	}
	return &retryAfterError{err: err, after: after}
}

// NakDelay is the redelivery delay after a retryable failure on delivery
// number n (1-based): 1s, 2s, 4s ... capped at max.
func NakDelay(n uint64, base, max time.Duration) time.Duration {
	if n < 1 {
		n = 1
	}
	d := base
	for i := uint64(1); i < n && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	return d
}
