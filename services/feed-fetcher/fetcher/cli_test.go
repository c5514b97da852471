package fetcher

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/natstest"
)

func feeds(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := FeedsCommand(context.Background(), args, func(k string) string { return env[k] }, &out, &errb)
	return out.String() + errb.String(), err
}

func TestFeedsCommandEditsList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feeds.yaml")
	env := map[string]string{"NEWSMON_FETCHER_FEEDS": path}
	if out, err := feeds(t, env, "add", "--name", "Harbour", "--tags", "ai,funding", "--interval", "10m", "https://harbourtech.example/feed.xml"); err != nil || !strings.Contains(out, "added") {
		t.Fatalf("add: %v %s", err, out)
	}
	if _, err := feeds(t, env, "add", "--interval", "10s", "https://fast.example/feed"); config.ExitCode(err) != 2 {
		t.Fatalf("interval below the floor accepted: %v", err)
	}
	if out, err := feeds(t, env, "import", "../testdata/lists/subscriptions.opml"); err != nil || !strings.Contains(out, "imported 2 feeds") || !strings.Contains(out, "skipped") {
		t.Fatalf("import: %v %s", err, out)
	}
	out, err := feeds(t, env, "list")
	if err != nil || strings.Count(out, "\n") != 4 || !strings.Contains(out, "Harbour") || !strings.Contains(out, "10m0s") {
		t.Fatalf("list: %v\n%s", err, out)
	}
	if _, err := feeds(t, nil, "bogus"); config.ExitCode(err) != 2 {
		t.Fatalf("unknown command: %v", err)
	}
	if out, err := feeds(t, nil, "list"); err != nil || strings.Count(out, "\n") < 26 {
		t.Fatalf("built-in list: %v", err)
	}
}

func TestFeedsDiscoverAndStatus(t *testing.T) {
	srv := newFeedServer(t)
	srv.handle("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><link rel="alternate" type="application/atom+xml" href="/atom"></head></html>`))
	})
	out, err := feeds(t, nil, "discover", "--allow", "127.0.0.1/32", srv.URL+"/")
	if err != nil || !strings.Contains(out, srv.URL+"/atom") {
		t.Fatalf("discover: %v %s", err, out)
	}
	if _, err := feeds(t, nil, "discover", srv.URL+"/"); err == nil || !strings.Contains(err.Error(), "not allowed") {
		t.Fatalf("discover without allow-list must be refused: %v", err)
	}

	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	srv.set("/ok", rssDoc("OK", [3]string{"o1", "One", "Tue, 10 Jun 2025 08:00:00 GMT"}))
	srv.handle("/broken", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(503) })
	list := feedsOn(srv, "/ok", "/broken")
	svc := startService(t, js, nc, testConfig(list), clock.NewVirtual(t0))
	svc.advance(time.Minute)
	svc.stop()
	path := filepath.Join(t.TempDir(), "feeds.yaml")
	if err := list.Save(path); err != nil {
		t.Fatal(err)
	}
	out, err = feeds(t, nil, "status", "--nats-url", ns.ClientURL(), "--feeds", path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(out, "http_5xx") || !strings.Contains(lines[2], "ok") {
		t.Fatalf("status:\n%s", out)
	}
	_ = os.Remove(path)
}
