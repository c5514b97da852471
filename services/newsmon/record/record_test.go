package record_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
	"github.com/newsmon/newsmon/services/newsmon/record"
	"github.com/newsmon/newsmon/services/newsmon/replay"
)

// membersHits counts requests for pages the site's robots.txt disallows.
var membersHits atomic.Int32

// site is a live-looking outlet: its feed gains an entry after the first
// request, one link goes through a redirect, and robots.txt keeps us out
// of /members/.
func site(t *testing.T) *httptest.Server {
	var polls atomic.Int32
	mux := http.NewServeMux()
	var base string
	entry := func(slug, title string) string {
		return fmt.Sprintf(`<item><title>%s</title><link>%s/go/%s</link><guid>%s</guid><pubDate>Mon, 17 Nov 2025 09:00:00 +0000</pubDate><description>%s</description></item>`, title, base, slug, slug, title)
	}
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		n := polls.Add(1)
		body := `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Post</title><link>` + base + `/</link><description>d</description>` +
			entry("tide", "Tide tables revised after survey")
		if n > 1 {
			body += entry("funding", "Harbour robotics start-up Quayside AI raises $40 million Series B led by Lux Capital")
		}
		body += `<item><title>Members briefing</title><link>` + base + `/members/briefing</link><guid>members</guid><description>For subscribers.</description></item>`
		body += `</channel></rss>`
		etag := fmt.Sprintf(`"v%d"`, min(n, 2))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /members/\n")
	})
	mux.HandleFunc("/members/", func(w http.ResponseWriter, r *http.Request) {
		membersHits.Add(1)
		fmt.Fprint(w, "<html><body><p>members only</p></body></html>")
	})
	mux.HandleFunc("/go/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/a/"+strings.TrimPrefix(r.URL.Path, "/go/"), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/a/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>%s</title></head><body><nav><a href="/">Home</a></nav><article><h1>Story</h1>`+
			`<p>Quayside AI, a harbour robotics start-up, has raised $40 million in a Series B funding round led by Lux Capital, the company said on Monday.</p>`+
			`<p>The company will use the money to build more autonomous mooring robots and to hire engineers in Rotterdam and Singapore.</p>`+
			`<p>Its chief executive said port operators had ordered more than two hundred units this year.</p></article><footer>Quay Post</footer></body></html>`, r.URL.Path)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	return srv
}

func TestRecordThenReplay(t *testing.T) {
	srv := site(t)
	base := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.yaml")
	if err := os.WriteFile(feeds, []byte("version: 1\nfeeds:\n  - name: Quay Post\n    url: "+base+"/feed.xml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "arch")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// Three rounds a millisecond apart: a snapshot, a grown snapshot,
	// then a 304 that records nothing.
	list, err := feedlist.Load(feeds)
	if err != nil {
		t.Fatal(err)
	}
	st, err := record.Run(ctx, record.Options{List: list, Out: out, Interval: time.Millisecond, Rounds: 3, Allow: []string{"localhost"}})
	if err != nil {
		t.Fatal(err)
	}
	if st.FeedSnapshots != 2 || st.NotModified != 1 || st.Pages != 2 || st.Errors != 0 || st.RobotsSkipped != 1 {
		t.Fatalf("stats = %+v", st)
	}
	if n := membersHits.Load(); n != 0 {
		t.Fatalf("a page robots.txt disallows was fetched %d times", n)
	}
	ar, err := archive.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	s := ar.Stats()
	// Other: the redirect, and robots.txt (recorded so a replay sees the same rules).
	if s.Feeds != 1 || s.FeedSnapshots != 2 || s.Articles != 2 || s.Other != 3 {
		t.Fatalf("archive stats = %+v", s)
	}
	var alerts bytes.Buffer
	sum, err := replay.Run(ctx, replay.Options{Archive: out, Allow: "localhost", Alerts: replay.AlertWriter(&alerts, "json")})
	if err != nil {
		t.Fatal(err)
	}
	// Three items, all published; the members page is not asked for in
	// the replay either, because the recorded robots.txt disallows it.
	if sum.Items != 3 || sum.Articles != 3 || len(sum.Missing) != 0 {
		t.Fatalf("replay of the recording: %+v", sum)
	}
	if !strings.Contains(alerts.String(), "Quayside") {
		t.Fatalf("no alert for the funding round; alerts: %s", alerts.String())
	}
}

func TestCommandRejectsBadArguments(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]string{
		"no feeds":      {"--out", dir},
		"no out":        {"--feeds", "feeds.yaml"},
		"zero duration": {"--feeds", "feeds.yaml", "--out", dir, "--duration", "0s"},
		"missing list":  {"--feeds", filepath.Join(dir, "absent.yaml"), "--out", filepath.Join(dir, "o")},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := record.Command(context.Background(), args, &out, &errOut)
			if err == nil {
				t.Fatal("accepted")
			}
			if name != "missing list" && config.ExitCode(err) != 2 {
				t.Fatalf("exit code %d for %v, want 2", config.ExitCode(err), err)
			}
		})
	}
}
