package main

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/newsmon/newsmon/pkg/natstest"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/events"
)

// offlineURL is where test items link to: a loopback address the parser's
// guard refuses at once, so the parser publishes the feed text without
// touching the network (CI machines may have no DNS at all).
const offlineURL = "http://127.0.0.1:9/news"

// pipeline is a `newsmon run` started in-process for a test.
type pipeline struct {
	natsURL string
	admin   string
	cancel  context.CancelFunc
	done    chan error
	logs    *natstest.Buffer
	out     *natstest.Buffer
}

func startPipeline(t *testing.T, dataDir string, extra ...string) *pipeline {
	t.Helper()
	return startPipelineEnv(t, dataDir, func(string) string { return "" }, extra...)
}

func startPipelineEnv(t *testing.T, dataDir string, getenv func(string) string, extra ...string) *pipeline {
	t.Helper()
	p := &pipeline{done: make(chan error, 1), logs: &natstest.Buffer{}, out: &natstest.Buffer{}}
	e := env{getenv: getenv, stdout: p.out, stderr: p.logs}
	// No live feeds in tests: items are published by the test or come from
	// feeds the test serves itself.
	args := append([]string{"--data-dir", dataDir, "--nats-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
		"--log-level", "debug", "--fetcher-feeds", "testdata/no-feeds.yaml"}, extra...)
	rc, err := parseRunConfig(args, e)
	if err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{})
	rc.ready = func(natsURL, admin string) { p.natsURL, p.admin = natsURL, admin; close(ready) }
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	go func() { p.done <- runPipeline(ctx, rc, e) }()
	select {
	case <-ready:
	case err := <-p.done:
		t.Fatalf("newsmon run stopped early: %v\nlogs:\n%s", err, p.logs)
	case <-time.After(60 * time.Second):
		t.Fatalf("newsmon run not ready\nlogs:\n%s", p.logs)
	}
	return p
}

func (p *pipeline) stop(t *testing.T) {
	t.Helper()
	p.cancel()
	select {
	case err := <-p.done:
		if err != nil {
			t.Fatalf("newsmon run returned %v\nlogs:\n%s", err, p.logs)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("newsmon run did not stop within 60s")
	}
}

func connect(t *testing.T, url string) jetstream.JetStream {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func streamMsgs(ctx context.Context, t *testing.T, js jetstream.JetStream, stream string) []*jetstream.RawStreamMsg {
	t.Helper()
	st, err := js.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := st.GetMsg(ctx, seq)
		if err == nil {
			out = append(out, m)
		}
	}
	return out
}

func TestRunCarriesAnItemStageByStage(t *testing.T) {
	p := startPipeline(t, t.TempDir())
	defer p.stop(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js := connect(t, p.natsURL)

	item := events.FeedItem{ID: events.StableID("https://feeds.example.com/rss", "guid-1"), Revision: 1,
		FeedURL: "https://feeds.example.com/rss", FeedName: "Example Wire", URL: offlineURL + "/deepseek",
		Title:       "Tencent and Alibaba in talks to invest in DeepSeek",
		Summary:     "The two groups are weighing a joint investment at a valuation of about $10 billion.",
		PublishedAt: time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC), FetchedAt: time.Date(2026, 11, 27, 8, 5, 0, 0, time.UTC)}
	pub := bus.NewPublisher(js, "newsmon/test", nil)
	ev := bus.Event{Subject: events.SubjectItems, Type: events.TypeFeedItem, Schema: events.SchemaFeedItem, ID: item.MsgID(), Data: item}
	for range 2 {
		if _, err := pub.Publish(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "the item on news.classified", func() bool { return len(streamMsgs(ctx, t, js, bus.StreamClassified)) >= 1 })

	items := streamMsgs(ctx, t, js, bus.StreamItems)
	articles := streamMsgs(ctx, t, js, bus.StreamArticles)
	classified := streamMsgs(ctx, t, js, bus.StreamClassified)
	if len(items) != 1 || len(articles) != 1 || len(classified) != 1 {
		t.Fatalf("stored items=%d articles=%d classified=%d, want 1 each (the duplicate publish must be dropped)", len(items), len(articles), len(classified))
	}
	var c events.Classification
	if err := json.Unmarshal(classified[0].Data, &c); err != nil {
		t.Fatal(err)
	}
	if c.ID != item.ID || c.Title != item.Title {
		t.Fatalf("classification %+v does not describe the item", c)
	}
	// The trace started at the item continues through every stage.
	trace := bus.TraceID(items[0].Header.Get(bus.HeaderTraceParent))
	for _, m := range []*jetstream.RawStreamMsg{articles[0], classified[0]} {
		if got := bus.TraceID(m.Header.Get(bus.HeaderTraceParent)); got != trace || trace == "" {
			t.Errorf("%s: trace %q, want %q", m.Subject, got, trace)
		}
	}
}

func TestRunRestartKeepsState(t *testing.T) {
	dir := t.TempDir()
	p := startPipeline(t, dir)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js := connect(t, p.natsURL)
	kv, err := js.KeyValue(ctx, bus.BucketFeedState)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Put(ctx, "feed.abc", []byte(`{"etag":"\"v1\""}`)); err != nil {
		t.Fatal(err)
	}
	pub := bus.NewPublisher(js, "newsmon/test", nil)
	item := events.FeedItem{ID: "restart-1", Revision: 1, URL: offlineURL + "/r", Title: "Restart", FeedURL: "https://example.com/feed"}
	if _, err := pub.Publish(ctx, bus.Event{Subject: events.SubjectItems, Type: events.TypeFeedItem, ID: item.MsgID(), Data: item}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "classification before restart", func() bool { return len(streamMsgs(ctx, t, js, bus.StreamClassified)) == 1 })
	p.stop(t)

	p2 := startPipeline(t, dir)
	defer p2.stop(t)
	js2 := connect(t, p2.natsURL)
	kv2, err := js2.KeyValue(ctx, bus.BucketFeedState)
	if err != nil {
		t.Fatal(err)
	}
	e, err := kv2.Get(ctx, "feed.abc")
	if err != nil || string(e.Value()) != `{"etag":"\"v1\""}` {
		t.Fatalf("KV entry after restart: %v %v", e, err)
	}
	for _, s := range []string{bus.StreamItems, bus.StreamArticles, bus.StreamClassified} {
		if n := len(streamMsgs(ctx, t, js2, s)); n != 1 {
			t.Errorf("stream %s holds %d messages after restart, want 1", s, n)
		}
	}
	cons, err := js2.Consumer(ctx, bus.StreamItems, bus.ConsumerArticleParser)
	if err != nil {
		t.Fatal(err)
	}
	info, err := cons.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Delivered.Stream != 1 || info.NumPending != 0 {
		t.Fatalf("consumer state lost across restart: delivered %d pending %d", info.Delivered.Stream, info.NumPending)
	}
	// The same item published again after the restart is still a duplicate.
	ack, err := pub2(js2).Publish(ctx, bus.Event{Subject: events.SubjectItems, Type: events.TypeFeedItem, ID: item.MsgID(), Data: item})
	if err != nil || !ack.Duplicate {
		t.Fatalf("republish after restart: ack %+v err %v, want duplicate", ack, err)
	}
}

func pub2(js jetstream.JetStream) *bus.Publisher { return bus.NewPublisher(js, "newsmon/test", nil) }

func TestRunRefusesBadConfig(t *testing.T) {
	tests := map[string]struct {
		args []string
		env  map[string]string
		want string
	}{
		"unknown flag":       {args: []string{"--no-such-flag"}, want: "flag provided but not defined: -no-such-flag"},
		"bad duration env":   {env: map[string]string{"NEWSMON_SHUTDOWN_TIMEOUT": "soon"}, want: "NEWSMON_SHUTDOWN_TIMEOUT"},
		"bad duration flag":  {args: []string{"--shutdown-timeout", "-3s"}, want: "NEWSMON_SHUTDOWN_TIMEOUT"},
		"missing rules file": {args: []string{"--rules", "/nonexistent/rules.yaml"}, want: "/nonexistent/rules.yaml"},
		"bad listen address": {args: []string{"--nats-listen", "localhost"}, want: "NEWSMON_NATS_LISTEN"},
		"bad log level":      {env: map[string]string{"NEWSMON_LOG_LEVEL": "loud"}, want: "NEWSMON_LOG_LEVEL"},
		"unknown subcommand": {args: nil, want: "unknown subcommand"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var stderr bytes.Buffer
			// Should a case wrongly pass validation, it must not grab real ports or folders.
			args := append([]string{"run", "--data-dir", t.TempDir(), "--nats-listen", "127.0.0.1:0", "--http-listen", ""}, tc.args...)
			if name == "unknown subcommand" {
				args = []string{"frobnicate"}
			}
			err := run(context.Background(), args, func(k string) string { return tc.env[k] }, strings.NewReader(""), &bytes.Buffer{}, &stderr)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to name %q", err, tc.want)
			}
			if code := config.ExitCode(err); code != 2 {
				t.Fatalf("exit code %d, want 2 (err %v)", code, err)
			}
		})
	}
}

func TestRunExplainsTakenPort(t *testing.T) {
	p := startPipeline(t, t.TempDir())
	defer p.stop(t)
	addr := strings.TrimPrefix(p.natsURL, "nats://")
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"run", "--data-dir", t.TempDir(), "--nats-listen", addr, "--http-listen", ""},
		func(string) string { return "" }, strings.NewReader(""), &bytes.Buffer{}, &stderr)
	if err == nil || !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), "--nats-listen") || !strings.Contains(err.Error(), "--nats-url") {
		t.Fatalf("err = %v, want an explanation naming --nats-listen and --nats-url", err)
	}
}
