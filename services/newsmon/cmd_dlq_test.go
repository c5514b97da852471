package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/events"
)

func TestDLQListAndRedriveThroughThePipeline(t *testing.T) {
	p := startPipeline(t, t.TempDir())
	defer p.stop(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	js := connect(t, p.natsURL)

	// A message that is not a feed item: the article-parser must terminate it.
	poison := nats.NewMsg(events.SubjectItems)
	poison.Data = []byte(`{"id": 42}`)
	poison.Header.Set("Nats-Msg-Id", "poison-1")
	if _, err := js.PublishMsg(ctx, poison); err != nil {
		t.Fatal(err)
	}
	dlq := func(args ...string) string {
		var out, errOut bytes.Buffer
		e := env{getenv: func(string) string { return "" }, stdout: &out, stderr: &errOut}
		if err := runDLQ(ctx, append([]string{"--nats-url", p.natsURL}, args...), e); err != nil {
			t.Fatalf("dlq %v: %v (%s)", args, err, errOut.String())
		}
		return out.String()
	}
	var listing string
	waitFor(t, "the poison message in the dead-letter list", func() bool {
		listing = dlq("list")
		return strings.Contains(listing, "cannot unmarshal number")
	})
	if !strings.Contains(listing, bus.StreamItems) || !strings.Contains(listing, bus.ConsumerArticleParser) || !strings.Contains(listing, "terminated") {
		t.Fatalf("listing lacks stream, consumer or kind:\n%s", listing)
	}
	out := dlq("redrive", "--all")
	if !strings.Contains(out, "redrove dead letter 1 as NEWS_ITEMS #2") {
		t.Fatalf("redrive output:\n%s", out)
	}
	// Still poison: it is terminated again and listed once more, as a new dead letter.
	waitFor(t, "the re-driven message to be dead-lettered again", func() bool {
		l := dlq("list")
		return strings.Count(l, "cannot unmarshal number") == 1 && strings.Contains(l, "\n2 ")
	})
}
