package archive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
)

// FetchedAtHeader names, on every answer from the archive, when the
// exchange served was recorded.
const FetchedAtHeader = "X-Newsmon-Archive-Fetched-At"

// Transport is an http.RoundTripper that answers from an archive as of the
// clock's time: the exchange of the URL current at clock.Now() (see
// Reader.Lookup), 404 for URLs the archive does not hold. It never opens a
// connection, so the guarded client's dial-time address checks have
// nothing to refuse and stay in force for any transport used live; the
// client's URL checks (scheme, literal private addresses, redirects) still
// run on every request.
//
// Conditional requests are honoured: If-None-Match against the recorded
// ETag, If-Modified-Since against the recorded Last-Modified, answered with
// 304 Not Modified.
type Transport struct {
	r     *Reader
	clock clock.Clock
	// OnServe, when set, is called after each answer (replay counts
	// requests this way).
	OnServe func(req *http.Request, x Exchange, status int)

	requests atomic.Int64
	misses   atomic.Int64
}

// NewTransport returns a Transport over r on clk.
func NewTransport(r *Reader, clk clock.Clock) *Transport {
	return &Transport{r: r, clock: clk}
}

// Requests reports how many requests were answered, and how many of them
// were for URLs (or times) the archive does not hold.
func (t *Transport) Requests() (total, misses int64) { return t.requests.Load(), t.misses.Load() }

// RoundTrip answers req from the archive.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	t.requests.Add(1)
	now := t.clock.Now()
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		return t.answer(req, now, Exchange{}, http.StatusMethodNotAllowed, nil, nil), nil
	}
	x, err := t.r.Lookup(req.URL.String(), now)
	if errors.Is(err, ErrNotFound) {
		t.misses.Add(1)
		return t.answer(req, now, Exchange{}, http.StatusNotFound, nil, []byte("not in the archive\n")), nil
	}
	if err != nil {
		return nil, err
	}
	if notModified(req.Header, x.Header) {
		h := http.Header{}
		for _, k := range []string{"ETag", "Last-Modified", "Cache-Control", "Expires"} {
			if v := x.Header.Get(k); v != "" {
				h.Set(k, v)
			}
		}
		return t.answer(req, now, x, http.StatusNotModified, h, nil), nil
	}
	body, err := t.r.Body(x)
	if err != nil {
		return nil, fmt.Errorf("archive transport: %w", err)
	}
	return t.answer(req, now, x, x.Status, x.Header.Clone(), body), nil
}

func (t *Transport) answer(req *http.Request, now time.Time, x Exchange, status int, h http.Header, body []byte) *http.Response {
	if h == nil {
		h = http.Header{}
	}
	h.Set("Date", now.UTC().Format(http.TimeFormat))
	if !x.FetchedAt.IsZero() {
		h.Set(FetchedAtHeader, x.FetchedAt.Format(time.RFC3339Nano))
	}
	if status == http.StatusNotFound && x.URL == "" {
		h.Set("Content-Type", "text/plain; charset=utf-8")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if req.Method == http.MethodHead {
		body = nil
	}
	if t.OnServe != nil {
		t.OnServe(req, x, status)
	}
	return &http.Response{
		Status:        strconv.Itoa(status) + " " + http.StatusText(status),
		StatusCode:    status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}
}

// notModified reports whether a conditional request matches the recorded
// validators.
func notModified(req, rec http.Header) bool {
	if inm := req.Get("If-None-Match"); inm != "" {
		etag := rec.Get("ETag")
		if etag == "" {
			return false
		}
		for _, c := range strings.Split(inm, ",") {
			c = strings.TrimSpace(c)
			if c == "*" || strings.TrimPrefix(c, "W/") == strings.TrimPrefix(etag, "W/") {
				return true
			}
		}
		return false
	}
	if ims := req.Get("If-Modified-Since"); ims != "" {
		lm, err1 := http.ParseTime(rec.Get("Last-Modified"))
		since, err2 := http.ParseTime(ims)
		return err1 == nil && err2 == nil && !lm.After(since)
	}
	return false
}
