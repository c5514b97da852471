// Package slacktest is a Slack-compatible HTTP server for tests: it accepts
// incoming-webhook posts and the chat.postMessage / chat.update Web API
// calls, checks every payload against Block Kit's shape and limits and
// newsmon's safety rules (no mentions, no links but the expected ones), and
// answers as scripted: 200, 429 with Retry-After, 5xx, 404 and so on.
package slacktest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// WebhookKey is the secret part of the test webhook URL; tests assert it
// never shows up in logs, metrics or errors.
const WebhookKey = "Zk3cr3tW3bh00kK3yDoNotLeak"

// Answer scripts one response.
type Answer struct {
	Status     int
	RetryAfter string
	// Body defaults to "ok" (webhook) or a success JSON (Web API).
	Body string
	// EchoPath appends the request path (which holds the secret) to the
	// body, as a careless server might.
	EchoPath bool
	// Hold, when set, blocks the response until it is closed.
	Hold chan struct{}
}

// Request is one request received.
type Request struct {
	Path    string
	Header  http.Header
	Body    []byte
	Payload map[string]any
	// Problems lists Block Kit or safety violations found in the payload.
	Problems []string
	// Links are the <url|label> links found in mrkdwn text.
	Links []string
	// Status and Answer are what the server answered.
	Status int
	Answer string
}

// Server is a running fake Slack.
type Server struct {
	*httptest.Server
	t      testing.TB
	mu     sync.Mutex
	script []Answer
	reqs   []Request
	ts     int
	held   int
	seen   chan struct{}
}

// InFlight is how many requests are being held by a scripted Hold.
func (s *Server) InFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.held
}

// New starts a server closed at the end of the test.
func New(t testing.TB) *Server {
	s := &Server{t: t, seen: make(chan struct{}, 1024)}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// WebhookURL is an incoming-webhook URL on this server.
func (s *Server) WebhookURL() string { return s.URL + "/services/T0TEST/B0TEST/" + WebhookKey }

// APIURL is the Web API base URL on this server.
func (s *Server) APIURL() string { return s.URL + "/api" }

// Enqueue scripts the next answers; once they are used up, every request
// gets a 200.
func (s *Server) Enqueue(a ...Answer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, a...)
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// Delivered returns the requests answered with a 2xx (for the Web API, with ok true).
func (s *Server) Delivered() []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Status >= 200 && r.Status < 300 && !strings.Contains(r.Answer, `"ok":false`) {
			out = append(out, r)
		}
	}
	return out
}

// Seen is signalled after every request.
func (s *Server) Seen() <-chan struct{} { return s.seen }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := Request{Path: r.URL.Path, Header: r.Header.Clone(), Body: body}
	if err := json.Unmarshal(body, &req.Payload); err != nil {
		req.Problems = append(req.Problems, "body is not a JSON object: "+err.Error())
	} else {
		req.Problems, req.Links = Check(req.Payload)
	}
	s.mu.Lock()
	a := Answer{Status: http.StatusOK}
	if len(s.script) > 0 {
		a, s.script = s.script[0], s.script[1:]
	}
	s.ts++
	ts := fmt.Sprintf("1700000000.%06d", s.ts)
	s.mu.Unlock()
	if a.Hold != nil {
		s.mu.Lock()
		s.held++
		s.mu.Unlock()
		<-a.Hold
		s.mu.Lock()
		s.held--
		s.mu.Unlock()
	}
	api := strings.HasPrefix(r.URL.Path, "/api/")
	if a.Status == http.StatusOK && len(req.Problems) > 0 {
		a.Status, a.Body = http.StatusBadRequest, "invalid_blocks"
		if api {
			a.Status, a.Body = http.StatusOK, `{"ok":false,"error":"invalid_blocks"}`
		}
	}
	if a.Body == "" {
		switch {
		case api && a.Status == http.StatusOK:
			ch, _ := req.Payload["channel"].(string)
			if t, ok := req.Payload["ts"].(string); ok && t != "" {
				ts = t
			}
			a.Body = `{"ok":true,"channel":"` + ch + `","ts":"` + ts + `"}`
		case a.Status == http.StatusOK:
			a.Body = "ok"
		default:
			a.Body = strings.ToLower(strings.ReplaceAll(http.StatusText(a.Status), " ", "_"))
		}
	}
	if a.EchoPath {
		a.Body += " for " + r.URL.String()
	}
	req.Status, req.Answer = a.Status, a.Body
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	s.mu.Unlock()
	if a.RetryAfter != "" {
		w.Header().Set("Retry-After", a.RetryAfter)
	}
	w.WriteHeader(a.Status)
	_, _ = io.WriteString(w, a.Body)
	select {
	case s.seen <- struct{}{}:
	default:
	}
}
