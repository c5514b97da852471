package fetcher

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
)

func fixture(t *testing.T, name string) string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEndToEnd runs the service against embedded NATS and an httptest feed
// server: first poll publishes every entry once, a 304 publishes nothing,
// a changed title is published as revision 2, a new entry as revision 1.
func TestEndToEnd(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	srv := newFeedServer(t)
	srv.set("/rss", fixture(t, "rss2.xml"))
	srv.set("/atom", fixture(t, "atom10.xml"))
	srv.set("/json", fixture(t, "jsonfeed11.json"))
	pub := subscribe(t, nc)
	clk := clock.NewVirtual(t0)
	svc := startService(t, js, nc, testConfig(feedsOn(srv, "/rss", "/atom", "/json")), clk)

	svc.advance(time.Minute)
	eventually(t, "first poll of three feeds", func() bool { return pub.count() == 7 })
	for _, m := range pub.msgs {
		if m.Header.Get("Nats-Msg-Id") == "" || m.Header.Get(bus.HeaderType) != events.TypeFeedItem ||
			m.Header.Get(bus.HeaderDataSchema) != events.SchemaFeedItem {
			t.Fatalf("headers: %v", m.Header)
		}
	}
	for _, it := range pub.items(t) {
		if it.Revision != 1 || it.ID == "" || it.FetchedAt.IsZero() || !strings.HasPrefix(it.FeedURL, srv.URL) {
			t.Fatalf("item: %+v", it)
		}
	}
	stream, _ := js.Stream(context.Background(), bus.StreamItems)
	info, _ := stream.Info(context.Background())
	if info.State.Msgs != 7 {
		t.Fatalf("stream holds %d messages, want 7", info.State.Msgs)
	}

	// The next polls answer 304: nothing is published. (rss2.xml has a
	// <ttl> of 30 minutes, which the schedule honours.)
	svc.advance(15 * time.Minute)
	if srv.hitCount("/rss") != 1 || srv.hitCount("/json") < 2 {
		t.Fatalf("hits: rss %d (ttl 30m not honoured?), json %d", srv.hitCount("/rss"), srv.hitCount("/json"))
	}
	svc.advance(20 * time.Minute)
	eventually(t, "second poll", func() bool { return srv.hitCount("/rss") >= 2 && srv.hitCount("/json") >= 2 })
	if pub.count() != 7 {
		t.Fatalf("304 produced publishes: %d", pub.count())
	}

	// A changed title is an update; a new entry is new.
	doc := strings.Replace(fixture(t, "rss2.xml"), "Lumora AI raises $600 million", "Lumora AI raises $650 million", 1)
	doc = strings.Replace(doc, "<item>", `<item><title>Fresh entry</title><link>https://harbourtech.example/fresh</link><guid>fresh-1</guid><pubDate>Wed, 11 Jun 2025 08:00:00 GMT</pubDate></item><item>`, 1)
	srv.set("/rss", doc)
	svc.advance(40 * time.Minute)
	eventually(t, "update and new entry", func() bool { return pub.count() == 9 })
	items := pub.items(t)
	var rev2, fresh bool
	for _, it := range items[7:] {
		rev2 = rev2 || it.Revision == 2 && strings.Contains(it.Title, "$650 million")
		fresh = fresh || it.Revision == 1 && it.Title == "Fresh entry"
	}
	if !rev2 || !fresh {
		t.Fatalf("want a revision 2 and a new entry, got %+v", items[7:])
	}
	svc.stop()

	st, err := stateStore{kv: mustKV(t, js, bus.BucketFeedState)}.get(context.Background(), srv.URL+"/rss")
	if err != nil || st.ItemsPublished != 5 || st.ETag == "" || st.Failures != 0 || st.LastSuccess.IsZero() || st.Hub != "https://hub.example/" {
		t.Fatalf("state: %+v %v", st, err)
	}
}

// TestFirstPollPublishesNewestN checks the first-poll cut-off on a feed
// with 1,000 entries, then that a new entry is published.
func TestFirstPollPublishesNewestN(t *testing.T) {
	ns := natstest.Start(t)
	nc, js := ns.Topology(t)
	srv := newFeedServer(t)
	mk := func(n int) string {
		var items [][3]string
		for i := n; i >= 1; i-- {
			items = append(items, [3]string{fmt.Sprintf("e%d", i), fmt.Sprintf("Entry %d", i),
				t0.Add(-time.Duration(2000-i) * time.Hour).Format(time.RFC1123Z)})
		}
		return rssDoc("Big", items...)
	}
	srv.set("/big", mk(1000))
	pub := subscribe(t, nc)
	clk := clock.NewVirtual(t0)
	svc := startService(t, js, nc, testConfig(feedsOn(srv, "/big")), clk)
	svc.advance(time.Minute)
	eventually(t, "first poll", func() bool {
		st, _ := stateStore{kv: mustKV(t, js, bus.BucketFeedState)}.get(context.Background(), srv.URL+"/big")
		return st.Polls == 1
	})
	// The poll's state is stored after its entries are published; their
	// delivery to this subscriber can trail it by a moment.
	eventually(t, "the first poll's entries", func() bool { return pub.count() >= 50 })
	if pub.count() != 50 {
		t.Fatalf("first poll published %d, want 50", pub.count())
	}
	newest := map[string]bool{}
	for _, it := range pub.items(t) {
		newest[it.Title] = true
	}
	if !newest["Entry 1000"] || !newest["Entry 951"] || newest["Entry 950"] {
		t.Fatal("first poll did not publish the newest 50")
	}
	srv.set("/big", mk(1001))
	svc.advance(20 * time.Minute)
	eventually(t, "entry 1001", func() bool { return pub.count() == 51 })
	if got := pub.items(t)[50]; got.Title != "Entry 1001" {
		t.Fatalf("published %q", got.Title)
	}
}
