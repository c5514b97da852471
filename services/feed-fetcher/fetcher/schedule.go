package fetcher

import (
	"crypto/sha256"
	"encoding/binary"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
)

// Schedule bounds.
const (
	// maxHint caps how far a server's caching hint (max-age, Expires,
	// <ttl>) may push the next poll.
	maxHint = 12 * time.Hour
	// maxRetryAfter caps a server's Retry-After.
	maxRetryAfter = 24 * time.Hour
	// startSpread is the window over which overdue or new feeds are spread
	// at start, so a restart never bursts.
	startSpread = time.Minute
	// jitterFraction is the +/- share of an interval added as jitter.
	jitterFraction = 0.1
)

// outcome is what a poll tells the scheduler.
type outcome struct {
	ok         bool
	newItems   int
	retryAfter time.Duration
	// hint is the longest of the caching hints (max-age, Expires, ttl).
	hint time.Duration
	// fixed turns the adaptive interval off.
	fixed bool
}

// bounds returns the adaptive interval range for a base interval: busy
// feeds go down to half the base (never under the floor), quiet ones up to
// four times it.
func bounds(base time.Duration) (lo, hi time.Duration) {
	lo = max(feedlist.MinInterval, base/2)
	hi = min(max(base*4, lo), feedlist.MaxInterval)
	return lo, hi
}

// nextPoll updates st.Interval and returns when to poll next.
func nextPoll(now time.Time, base, maxBackoff time.Duration, st *State, o outcome, key string) time.Time {
	base = min(max(base, feedlist.MinInterval), feedlist.MaxInterval)
	lo, hi := bounds(base)
	cur := st.Interval
	if cur <= 0 {
		cur = base
	}
	var delay, notBefore time.Duration
	if o.ok {
		if o.newItems > 0 {
			cur = cur * 3 / 4
		} else {
			cur = cur * 5 / 4
		}
		cur = min(max(cur, lo), hi)
		if o.fixed {
			cur = base
		}
		st.Interval = cur
		delay = cur
		notBefore = min(o.hint, maxHint)
	} else {
		delay = base
		for i := 1; i < st.Failures && delay < maxBackoff; i++ {
			delay *= 2
		}
		delay = min(delay, maxBackoff)
	}
	notBefore = max(notBefore, min(o.retryAfter, maxRetryAfter))
	delay = max(delay, notBefore)
	// Jitter spreads polls but never brings one before a server's hint.
	delay = max(delay+jitter(key, now, delay), notBefore, feedlist.MinInterval)
	return now.Add(delay)
}

// jitter is a deterministic offset in [-10%, +10%] of d, derived from the
// feed key and the time, so replays schedule the same way.
func jitter(key string, now time.Time, d time.Duration) time.Duration {
	f := unitHash(key, now.UnixNano())
	return time.Duration((f*2 - 1) * jitterFraction * float64(d))
}

// startOffset spreads a feed's first poll after start over startSpread (or
// its interval when shorter).
func startOffset(key string, interval time.Duration) time.Duration {
	window := min(startSpread, interval)
	return time.Duration(unitHash(key, 0) * float64(window))
}

func unitHash(key string, salt int64) float64 {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(salt))
	h := sha256.Sum256(append([]byte(key), b[:]...))
	return float64(binary.LittleEndian.Uint64(h[:8])>>11) / float64(1<<53)
}

// cacheHint reads Cache-Control max-age or Expires (relative to the
// response's Date, else now).
func cacheHint(h http.Header, now time.Time) time.Duration {
	for _, d := range strings.Split(h.Get("Cache-Control"), ",") {
		d = strings.TrimSpace(strings.ToLower(d))
		if v, ok := strings.CutPrefix(d, "max-age="); ok {
			if secs, err := strconv.Atoi(strings.Trim(v, `"`)); err == nil && secs > 0 {
				return time.Duration(secs) * time.Second
			}
			return 0
		}
	}
	if exp := h.Get("Expires"); exp != "" {
		t, err := http.ParseTime(exp)
		if err != nil {
			return 0
		}
		ref := now
		if d, err := http.ParseTime(h.Get("Date")); err == nil {
			ref = d
		}
		if t.After(ref) {
			return t.Sub(ref)
		}
	}
	return 0
}
