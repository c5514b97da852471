package replay

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natsembed"
	"github.com/newsmon/newsmon/services/article-parser/parser"
	"github.com/newsmon/newsmon/services/deal-classifier/classifier"
)

// BenchmarkPipelineBurst measures how fast the article-parser and the
// deal-classifier carry a burst of items from news.items to
// news.classified, against raw JetStream (publish, then consume with
// explicit acks, same message size) on the same machine in the same run:
//
//	go test -run '^$' -bench PipelineBurst -benchtime 2x ./replay
//
// "no-extraction" answers every page with 404, so the parser publishes the
// feed's text; "extraction" serves a 12 KB article page to extract.
func BenchmarkPipelineBurst(b *testing.B) {
	const n = 3000
	items := benchItems(n)
	size := 0
	for _, it := range items {
		size += len(it.Title) + len(it.Summary) + len(it.Content)
	}
	raw := rawJetStream(b, n, size/n+200)
	b.Logf("raw JetStream publish+consume: %.0f msgs/s", raw)
	for _, mode := range []string{"no-extraction", "extraction"} {
		b.Run(mode, func(b *testing.B) {
			var total, secs float64
			for b.Loop() {
				d := runBurst(b, items, mode == "extraction")
				total += float64(n)
				secs += d.Seconds()
			}
			rate := total / secs
			b.ReportMetric(rate, "items/s")
			b.ReportMetric(rate/raw, "ratio-to-raw-js")
		})
	}
}

func benchItems(n int) []events.FeedItem {
	relevant := []string{
		"Acme Vision AI raises $%d million Series B led by Example Ventures",
		"Tencent and Alibaba in talks to invest in model maker Lab%d at a $3 billion valuation",
		"Commerce Department adds %d Chinese chip firms to the entity list",
	}
	other := []string{
		"Harbour City beat Northfield %d-1 in cup replay",
		"Quarterly profit at Example Foods rises %d percent on strong snacks demand",
		"New phone from Example Mobile gets brighter screen and %d-hour battery",
		"Council approves %d new bus lanes in the city centre",
	}
	filler := strings.Repeat("The company said the figures were in line with its guidance and that it expected demand to hold up through the rest of the year. ", 8)
	out := make([]events.FeedItem, n)
	for i := range out {
		var title string
		if i%10 == 0 {
			title = fmt.Sprintf(relevant[(i/10)%len(relevant)], 10+i%90)
		} else {
			title = fmt.Sprintf(other[i%len(other)], 2+i%60)
		}
		out[i] = events.FeedItem{
			ID: events.StableID("bench", fmt.Sprint(i)), Revision: 1, FeedURL: "https://bench.example/feed.xml", FeedName: "Bench Wire",
			URL: fmt.Sprintf("https://bench.example/news/%d", i), Title: title, Summary: title + ".", Content: title + ". " + filler,
			PublishedAt: time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second),
			FetchedAt:   time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC),
		}
	}
	return out
}

// pageTransport answers every request from memory, never dialling.
type pageTransport struct{ page []byte }

func (t pageTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.page == nil || r.URL.Path == "/robots.txt" {
		return &http.Response{StatusCode: 404, Body: io.NopCloser(strings.NewReader("")), Header: http.Header{}, Request: r}, nil
	}
	h := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
	return &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(t.page)), Header: h, Request: r}, nil
}

func benchPage() []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Story | Bench Wire</title><meta property="og:site_name" content="Bench Wire"></head><body><nav><a href="/">Home</a><a href="/tech">Tech</a></nav><article><h1>Story</h1>`)
	for i := range 20 {
		fmt.Fprintf(&b, "<p>Paragraph %d of the story explains what the company announced, who invested and what regulators said about the deal and its timing.</p>", i)
	}
	b.WriteString(`</article><aside class="related"><ul>`)
	for i := range 30 {
		fmt.Fprintf(&b, `<li><a href="/news/%d">Related story number %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></aside><footer>Bench Wire</footer></body></html>`)
	return []byte(b.String())
}

func runBurst(b *testing.B, items []events.FeedItem, extraction bool) time.Duration {
	b.Helper()
	ns, err := natsembed.Start(natsembed.Options{Port: -1, StoreDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer natsembed.Stop(ns)
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	topo := bus.Default(bus.Options{})
	if err := bus.Ensure(ctx, js, topo); err != nil {
		b.Fatal(err)
	}
	deps := func() app.Deps {
		return app.Deps{Logger: slog.New(slog.DiscardHandler), NC: nc, JS: js, Registry: prometheus.NewRegistry(),
			Health: app.NewHealth(), Clock: clock.Real{}, Topology: topo}
	}
	pc := parser.DefaultConfig()
	pc.Transport = pageTransport{}
	if extraction {
		pc.Transport = pageTransport{page: benchPage()}
	}
	pc.PerHost = 8 // one synthetic host: allow the workers to run together
	cc := classifier.DefaultConfig()
	if err := pc.Validate(); err != nil {
		b.Fatal(err)
	}
	if err := cc.Validate(); err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 2)
	go func() { done <- parser.Run(ctx, pc, deps()) }()
	go func() { done <- classifier.Run(ctx, cc, deps()) }()

	pub := bus.NewPublisher(js, "bench", nil)
	// Warm up: one item through both services, so the clock does not time
	// their start-up (the classifier builds its automaton as it starts).
	warm := items[0]
	warm.ID, warm.URL = "warm-up", "https://bench.example/news/warm-up"
	if _, err := pub.Publish(ctx, bus.Event{Subject: events.SubjectItems, Type: events.TypeFeedItem, ID: warm.MsgID(), Data: warm}); err != nil {
		b.Fatal(err)
	}
	waitClassified(ctx, b, js, 1)
	start := time.Now()
	for _, it := range items {
		if _, err := pub.Publish(ctx, bus.Event{Subject: events.SubjectItems, Type: events.TypeFeedItem, ID: it.MsgID(), Data: it}); err != nil {
			b.Fatal(err)
		}
	}
	waitClassified(ctx, b, js, len(items)+1)
	elapsed := time.Since(start)
	cancel()
	for range 2 {
		<-done
	}
	return elapsed
}

// waitClassified waits until news.classified holds n messages.
func waitClassified(ctx context.Context, b *testing.B, js jetstream.JetStream, n int) {
	b.Helper()
	st, err := js.Stream(ctx, bus.StreamClassified)
	if err != nil {
		b.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Minute)
	for {
		info, err := st.Info(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if info.State.Msgs >= uint64(n) {
			return
		}
		if time.Now().After(deadline) {
			b.Fatalf("only %d of %d items classified", info.State.Msgs, n)
		}
		time.Sleep(2 * time.Millisecond)
	}
}
