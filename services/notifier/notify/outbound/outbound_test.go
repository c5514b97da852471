package outbound_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/services/notifier/notify/outbound"
	"github.com/newsmon/newsmon/services/notifier/notify/secret"
)

func TestClassify(t *testing.T) {
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		status             int
		retryAfter         string
		permanent, disable bool
		wantAfter          time.Duration
	}{
		"ok":              {status: 200},
		"server error":    {status: 503},
		"timeout":         {status: 408},
		"rate limited":    {status: 429, retryAfter: "7", wantAfter: 7 * time.Second},
		"rate limit date": {status: 429, retryAfter: now.Add(90 * time.Second).Format(http.TimeFormat), wantAfter: 90 * time.Second},
		"rate limit bad":  {status: 429, retryAfter: "soon", wantAfter: outbound.DefaultRetryAfter},
		"rate limit huge": {status: 429, retryAfter: "999999", wantAfter: time.Hour},
		"bad request":     {status: 400, permanent: true},
		"forbidden":       {status: 403, permanent: true},
		"not found":       {status: 404, permanent: true, disable: true},
		"gone":            {status: 410, permanent: true, disable: true},
		"redirect":        {status: 302, permanent: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			h := http.Header{}
			if tc.retryAfter != "" {
				h.Set("Retry-After", tc.retryAfter)
			}
			err := outbound.Classify("dest", &outbound.Response{Status: tc.status, Header: h, Body: []byte("no_service")}, now, nil)
			if tc.status == 200 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e, ok := outbound.AsError(err)
			if !ok {
				t.Fatalf("Classify = %v, want *Error", err)
			}
			if e.Permanent != tc.permanent || e.Disable != tc.disable || e.RetryAfter != tc.wantAfter {
				t.Fatalf("Classify(%d) = %+v", tc.status, e)
			}
		})
	}
}

func TestTransportErrorsHideTheURL(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens: connection refused
	u := secret.New("http://" + addr + "/services/T1/B1/SuperSecretKey123")
	c := outbound.NewClient(2*time.Second, nil, "test")
	_, err = c.Post(context.Background(), "alerts-slack", u, []byte("{}"), nil)
	if err == nil {
		t.Fatal("post to a closed port succeeded")
	}
	if strings.Contains(err.Error(), "SuperSecretKey123") || !strings.Contains(err.Error(), "alerts-slack") {
		t.Fatalf("error %q leaks the URL or hides the destination", err)
	}

	stop := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	defer slow.Close()
	defer close(stop)
	u = secret.New(slow.URL + "/hook/SuperSecretKey123")
	c = outbound.NewClient(50*time.Millisecond, nil, "test")
	_, err = c.Post(context.Background(), "slow", u, []byte("{}"), nil)
	if err == nil || strings.Contains(err.Error(), "SuperSecretKey123") {
		t.Fatalf("timeout error %v leaks the URL", err)
	}
	if _, err := c.Post(context.Background(), "bad", secret.New("http://bad host/SuperSecretKey123"), nil, nil); err == nil ||
		strings.Contains(err.Error(), "SuperSecretKey123") {
		t.Fatalf("parse error %v leaks the URL", err)
	}
}
