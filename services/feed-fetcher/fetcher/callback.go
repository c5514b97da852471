package fetcher

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
)

// pushTimeout bounds the handling of one pushed document.
const pushTimeout = 30 * time.Second

// ServeHTTP answers hubs at Callback + "/" + feed key: GET is a
// verification of intent (or a denial), POST a content distribution.
// Every refusal is a 4xx (or 429/503) and counted; nothing panics.
func (w *websub) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	kind := "push"
	if r.Method == http.MethodGet {
		kind = "verify"
	}
	reply := func(code int, result string) {
		w.m.websubCallbacks.WithLabelValues(kind, result).Inc()
		if code >= 400 {
			http.Error(rw, http.StatusText(code), code)
			return
		}
		rw.WriteHeader(code)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		kind = "other"
		rw.Header().Set("Allow", "GET, POST")
		reply(http.StatusMethodNotAllowed, "bad_request")
		return
	}
	if !w.limiter.Allow() {
		rw.Header().Set("Retry-After", "1")
		reply(http.StatusTooManyRequests, "rate_limited")
		return
	}
	key, ok := strings.CutPrefix(r.URL.Path, w.basePath+"/")
	f, known := w.feeds[key]
	if !ok || !known {
		reply(http.StatusNotFound, "unknown_topic")
		return
	}
	if r.Method == http.MethodGet {
		w.verify(rw, r, f, reply)
		return
	}
	w.push(rw, r, f, reply)
}

// verify answers a hub's verification of intent: the challenge is echoed
// only when the topic and mode are what this service asked for.
func (w *websub) verify(rw http.ResponseWriter, r *http.Request, f feedlist.Feed, reply func(int, string)) {
	q := r.URL.Query()
	mode, topic, challenge := q.Get("hub.mode"), q.Get("hub.topic"), q.Get("hub.challenge")
	now := w.clock.Now()
	key := WebSubKey(f.URL)
	if mode == modeDenied {
		reason := q.Get("hub.reason")
		if len(reason) > 200 {
			reason = reason[:200]
		}
		var matched bool
		err := w.subs.update(r.Context(), key, func(s *subscription, found bool) bool {
			matched = found && s.Topic == topic && (s.Pending == modeSubscribe || s.Status == subActive)
			if matched {
				s.Status, s.Pending, s.Expires = subDenied, "", time.Time{}
				s.LastError = "denied by the hub: " + strings.ToValidUTF8(reason, "?")
			}
			return matched
		})
		switch {
		case err != nil:
			reply(http.StatusServiceUnavailable, "store_error")
		case !matched:
			reply(http.StatusNotFound, "unknown_topic")
		default:
			w.log.Warn("websub subscription denied", slog.String("feed", f.Name), slog.String("reason", reason))
			reply(http.StatusOK, "denied")
		}
		return
	}
	if (mode != modeSubscribe && mode != modeUnsubscribe) || topic == "" || challenge == "" || len(challenge) > 1024 {
		reply(http.StatusBadRequest, "bad_request")
		return
	}
	var accepted bool
	var lease time.Duration
	err := w.subs.update(r.Context(), key, func(s *subscription, found bool) bool {
		accepted = found && s.Topic == topic && s.Pending == mode
		if !accepted {
			return false
		}
		if mode == modeSubscribe {
			lease = w.cfg.Lease
			if secs, err := strconv.ParseInt(q.Get("hub.lease_seconds"), 10, 64); err == nil && secs > 0 {
				lease = time.Duration(min(secs, int64(366*24*time.Hour/time.Second))) * time.Second
			}
			s.Status, s.VerifiedAt, s.Expires = subActive, now, now.Add(lease)
		} else {
			s.Status, s.Expires = subUnsubscribed, time.Time{}
		}
		s.Pending, s.Attempts, s.LastError = "", 0, ""
		return true
	})
	switch {
	case err != nil:
		reply(http.StatusServiceUnavailable, "store_error")
	case !accepted:
		reply(http.StatusNotFound, "unknown_topic")
	default:
		w.log.Info("websub intent verified", slog.String("feed", f.Name), slog.String("mode", mode),
			slog.Duration("lease", lease))
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.m.websubCallbacks.WithLabelValues("verify", "ok").Inc()
		rw.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(rw, challenge)
	}
}

// push handles a content distribution: size cap, a live subscription for
// the topic, a valid signature, then the poll's ingest path.
func (w *websub) push(rw http.ResponseWriter, r *http.Request, f feedlist.Feed, reply func(int, string)) {
	body, err := io.ReadAll(http.MaxBytesReader(rw, r.Body, w.cfg.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			reply(http.StatusRequestEntityTooLarge, "too_large")
			return
		}
		reply(http.StatusBadRequest, "bad_request")
		return
	}
	now := w.clock.Now()
	key := WebSubKey(f.URL)
	sub, _, found, err := w.subs.load(r.Context(), key)
	switch {
	case err != nil:
		reply(http.StatusServiceUnavailable, "store_error")
		return
	case !found || sub.Status != subActive || now.After(sub.Expires.Add(time.Hour)):
		// 410 tells the hub this subscription is gone.
		reply(http.StatusGone, "unknown_topic")
		return
	}
	if self := linkSelf(r.Header); self != "" && self != sub.Topic {
		reply(http.StatusBadRequest, "unknown_topic")
		return
	}
	if !validSignature(r.Header.Get("X-Hub-Signature"), body, w.cfg.secretFor(sub.Hub, sub.Topic)) {
		reply(http.StatusForbidden, "bad_signature")
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), pushTimeout)
	defer cancel()
	n, err := w.poller.ingestPush(ctx, f, sub.Topic, body, r.Header.Get("Content-Type"), now)
	if err != nil {
		if errors.Is(err, errPublish) {
			reply(http.StatusServiceUnavailable, "publish_error")
			return
		}
		w.log.Info("websub push not a usable feed", slog.String("feed", f.Name), slog.String("class", classOf(err)))
		reply(http.StatusBadRequest, "parse_error")
		return
	}
	_ = w.subs.update(ctx, key, func(s *subscription, found bool) bool {
		if !found {
			return false
		}
		s.LastPush = now
		s.Pushes++
		if n > 0 {
			s.LastItemAt = now
		}
		return true
	})
	reply(http.StatusNoContent, "ok")
}

// validSignature checks X-Hub-Signature ("method=hex") against the body
// with the subscription's secret. sha1, sha256, sha384 and sha512 are
// accepted, as the spec lists; a missing or malformed signature fails.
func validSignature(header string, body []byte, secret string) bool {
	method, sig, ok := strings.Cut(strings.TrimSpace(header), "=")
	if !ok {
		return false
	}
	var h func() hash.Hash
	switch strings.ToLower(method) {
	case "sha1":
		h = sha1.New
	case "sha256":
		h = sha256.New
	case "sha384":
		h = sha512.New384
	case "sha512":
		h = sha512.New
	default:
		return false
	}
	want, err := hex.DecodeString(sig)
	if err != nil {
		return false
	}
	m := hmac.New(h, []byte(secret))
	m.Write(body)
	return hmac.Equal(m.Sum(nil), want)
}

// linkSelf returns the rel="self" target of the Link headers, if any.
func linkSelf(h http.Header) string {
	for _, v := range h.Values("Link") {
		for _, link := range strings.Split(v, ",") {
			target, params, ok := strings.Cut(link, ";")
			target = strings.TrimSpace(target)
			if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				name, val, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(name, "rel") && hasToken(strings.Trim(val, `"`), "self") {
					return target[1 : len(target)-1]
				}
			}
		}
	}
	return ""
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

// ingestPush runs pushed content through the poll's ingest path.
func (p *poller) ingestPush(ctx context.Context, f feedlist.Feed, topic string, body []byte, contentType string, now time.Time) (int, error) {
	fr := &feedRun{feed: f, key: FeedKey(f.URL), st: State{URL: f.URL, Name: f.Name, Baselined: true}}
	resp := &httpguard.Response{URL: topic, Header: http.Header{"Content-Type": {contentType}}, Body: body}
	n, _, err := p.ingest(ctx, fr, resp, now)
	return n, err
}
