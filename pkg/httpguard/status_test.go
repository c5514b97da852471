package httpguard

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestStatusClasses(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/404", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(404) })
	mux.HandleFunc("/410", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(410) })
	mux.HandleFunc("/500", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(500) })
	mux.HandleFunc("/429", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(429)
	})
	mux.HandleFunc("/503date", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
		w.WriteHeader(503)
	})
	mux.HandleFunc("/cf", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Server", "cloudflare")
		w.WriteHeader(403)
		_, _ = io.WriteString(w, "<html><head><title>Just a moment...</title></head><body>cf_chl_opt</body></html>")
	})
	mux.HandleFunc("/cfheader", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(503)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(t, nil)

	cases := map[string]Class{
		"/404": ClassHTTP4xx, "/410": ClassGone, "/500": ClassHTTP5xx, "/429": ClassRateLimited,
		"/503date": ClassHTTP5xx, "/cf": ClassBotChallenge, "/cfheader": ClassBotChallenge,
	}
	for path, want := range cases {
		t.Run(path, func(t *testing.T) {
			_, err := fetch(t, c, srv.URL+path)
			wantClass(t, err, want)
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("not a *StatusError: %v", err)
			}
		})
	}
	_, err := fetch(t, c, srv.URL+"/429")
	if got := RetryAfterOf(err); got != 120*time.Second {
		t.Fatalf("429 Retry-After = %v", got)
	}
	_, err = fetch(t, c, srv.URL+"/503date")
	if got := RetryAfterOf(err); got < 59*time.Minute || got > time.Hour {
		t.Fatalf("503 Retry-After date = %v", got)
	}
}

func TestConditionalGetAndUserAgent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ua := r.Header.Get("User-Agent"); ua != "newsmon/test (+https://github.com/newsmon/newsmon)" {
			t.Errorf("User-Agent = %q", ua)
		}
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		_, _ = io.WriteString(w, "<rss/>")
	}))
	defer srv.Close()
	c := testClient(t, nil)
	first, err := fetch(t, c, srv.URL)
	if err != nil || first.NotModified {
		t.Fatalf("first = %+v, %v", first, err)
	}
	second, err := c.Fetch(context.Background(), Request{URL: srv.URL, Conditional: first.Validators})
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || second.Body != nil {
		t.Fatalf("second fetch should be 304 without a body: %+v", second)
	}
}

// slowServer sends headers, then one byte per interval until the client
// goes away.
func slowServer(interval time.Duration, delayHeaders bool) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if delayHeaders {
			<-r.Context().Done()
			return
		}
		w.WriteHeader(200)
		for {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(interval):
			}
		}
	}))
}

func TestTimeouts(t *testing.T) {
	trickle := slowServer(time.Second, false)
	defer trickle.Close()
	c := testClient(t, func(o *Options) { o.RequestTimeout = 300 * time.Millisecond })
	_, err := fetch(t, c, trickle.URL)
	wantClass(t, err, ClassTimeout)

	silent := slowServer(0, true)
	defer silent.Close()
	c = testClient(t, func(o *Options) { o.ResponseHeaderTimeout = 200 * time.Millisecond })
	_, err = fetch(t, c, silent.URL)
	wantClass(t, err, ClassTimeout)

	// The caller's own cancellation is not a feed failure.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Fetch(ctx, Request{URL: silent.URL})
	if ClassOf(err) != ClassCanceled {
		t.Fatalf("cancelled: class %q (%v)", ClassOf(err), err)
	}
}

func TestTLSAndConnectErrors(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	defer srv.Close()
	c := testClient(t, nil)
	_, err := fetch(t, c, srv.URL)
	wantClass(t, err, ClassTLS)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = fetch(t, c, "http://"+addr+"/")
	wantClass(t, err, ClassConnect)

	dnsErr := classifyTransport(context.Background(), &net.DNSError{Err: "no such host", Name: "feeds.invalid", IsNotFound: true})
	wantClass(t, dnsErr, ClassDNS)
}

// archiveTransport answers every request from memory, as replay does.
type archiveTransport struct{ calls int }

func (a *archiveTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	a.calls++
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("archived " + r.URL.Host)), Request: r}, nil
}

func TestInjectedTransportKeepsURLGuard(t *testing.T) {
	at := &archiveTransport{}
	c := testClient(t, func(o *Options) { o.Transport = at; o.Allow = nil })
	resp, err := fetch(t, c, "https://feeds.example.org/rss")
	if err != nil || string(resp.Body) != "archived feeds.example.org" {
		t.Fatalf("archive fetch: %v %+v", err, resp)
	}
	if _, err := fetch(t, c, "http://169.254.169.254/"); !errors.Is(err, ErrBlocked) {
		t.Fatalf("metadata address through injected transport: %v", err)
	}
	if at.calls != 1 {
		t.Fatalf("transport calls = %d, want 1", at.calls)
	}
}

func TestRedact(t *testing.T) {
	got := Redact("https://user:pw@example.com/feed?token=s3cret&x=1")
	if strings.Contains(got, "s3cret") || strings.Contains(got, "pw") {
		t.Fatalf("Redact leaked: %s", got)
	}
}
