package archive_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/httpguard"
)

var t0 = time.Date(2025, 3, 3, 8, 0, 0, 0, time.UTC)

const feedURL = "https://wire.example/feed.xml"

// writeSample writes an archive with two feed snapshots, an article, a
// redirect and the article it points to.
func writeSample(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "arch")
	w, err := archive.Create(dir, archive.Meta{Description: "sample", CreatedBy: "archive_test",
		Feeds: []archive.Feed{{URL: feedURL, Name: "Wire", Format: "rss"}}})
	if err != nil {
		t.Fatal(err)
	}
	add := func(r archive.Record) {
		t.Helper()
		if _, err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	rss := http.Header{"Content-Type": {"application/rss+xml"}, "Content-Encoding": {"gzip"}}
	h1 := rss.Clone()
	h1.Set("ETag", `"v1"`)
	add(archive.Record{URL: feedURL, Kind: archive.KindFeed, FetchedAt: t0, Status: 200, Header: h1, Body: []byte("<rss>one</rss>")})
	h2 := rss.Clone()
	h2.Set("ETag", `"v2"`)
	add(archive.Record{URL: feedURL, Kind: archive.KindFeed, FetchedAt: t0.Add(time.Hour), Status: 200, Header: h2, Body: []byte("<rss>one two</rss>")})
	html := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
	add(archive.Record{URL: "https://wire.example/a/1", Kind: archive.KindArticle, FetchedAt: t0.Add(time.Second), Status: 200, Header: html, Body: []byte("<html>first</html>")})
	add(archive.Record{URL: "https://wire.example/a/1", Kind: archive.KindArticle, FetchedAt: t0.Add(2 * time.Hour), Status: 200, Header: html, Body: []byte("<html>updated</html>")})
	add(archive.Record{URL: "https://wire.example/short", Kind: archive.KindOther, FetchedAt: t0, Status: 301, Header: http.Header{"Location": {"https://wire.example/a/1"}}})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRoundTripAndLookup(t *testing.T) {
	r, err := archive.Open(writeSample(t))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		url  string
		at   time.Time
		body string
		err  error
	}{
		"feed before first snapshot": {feedURL, t0.Add(-time.Minute), "", archive.ErrNotFound},
		"feed at first snapshot":     {feedURL, t0, "<rss>one</rss>", nil},
		"feed between snapshots":     {feedURL, t0.Add(59 * time.Minute), "<rss>one</rss>", nil},
		"feed after second snapshot": {feedURL, t0.Add(48 * time.Hour), "<rss>one two</rss>", nil},
		"article fetched just after": {"https://wire.example/a/1", t0, "<html>first</html>", nil},
		"article updated":            {"https://wire.example/a/1", t0.Add(3 * time.Hour), "<html>updated</html>", nil},
		"fragment ignored":           {"https://wire.example/a/1#top", t0.Add(time.Minute), "<html>first</html>", nil},
		"unknown URL":                {"https://wire.example/nope", t0, "", archive.ErrNotFound},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			x, err := r.Lookup(tc.url, tc.at)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			body, err := r.Body(x)
			if err != nil {
				t.Fatal(err)
			}
			if string(body) != tc.body {
				t.Fatalf("body = %q, want %q", body, tc.body)
			}
			if x.Header.Get("Content-Encoding") != "" {
				t.Fatal("Content-Encoding kept for a decoded body")
			}
		})
	}
	st := r.Stats()
	if st.Feeds != 1 || st.FeedSnapshots != 2 || st.Articles != 1 || st.ArticleSnapshots != 2 || st.Other != 1 {
		t.Fatalf("stats = %+v", st)
	}
	if got := r.SnapshotTimes(); len(got) != 2 || !got[1].Equal(t0.Add(time.Hour)) {
		t.Fatalf("snapshot times = %v", got)
	}
}

func TestWriterIsDeterministic(t *testing.T) {
	a, b := writeSample(t), writeSample(t)
	ma, _ := os.ReadFile(filepath.Join(a, archive.ManifestFile))
	mb, _ := os.ReadFile(filepath.Join(b, archive.ManifestFile))
	if !bytes.Equal(ma, mb) {
		t.Fatal("the same recording wrote different manifests")
	}
	if _, err := archive.Create(a, archive.Meta{}); err == nil {
		t.Fatal("Create accepted a non-empty directory")
	}
}

func TestManifestMatchesSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join("..", "..", "schemas", "archive.v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	validate := func(path string) error {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		return sch.Validate(doc)
	}
	manifests := []string{filepath.Join(writeSample(t), archive.ManifestFile)}
	if _, err := os.Stat(filepath.Join("..", "..", "testdata", "archive", archive.ManifestFile)); err == nil {
		manifests = append(manifests, filepath.Join("..", "..", "testdata", "archive", archive.ManifestFile))
	}
	for _, m := range manifests {
		if err := validate(m); err != nil {
			t.Errorf("%s: %v", m, err)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	_ = os.WriteFile(bad, []byte(`{"format":"newsmon-archive","version":2,"start":"x","end":"y","feeds":[],"exchanges":[{"url":"ftp://x","kind":"page"}]}`), 0o644)
	if validate(bad) == nil {
		t.Fatal("schema accepted a bad manifest")
	}
}

func TestOpenRejectsForeignVersions(t *testing.T) {
	dir := t.TempDir()
	_ = os.WriteFile(filepath.Join(dir, archive.ManifestFile), []byte(`{"format":"newsmon-archive","version":9}`), 0o644)
	if _, err := archive.Open(dir); err == nil {
		t.Fatal("opened a version 9 archive")
	}
	_ = os.WriteFile(filepath.Join(dir, archive.ManifestFile), []byte(`{"format":"newsmon-archive","version":1,"exchanges":[{"url":"https://x/","body":"../../etc/passwd"}]}`), 0o644)
	if _, err := archive.Open(dir); err == nil {
		t.Fatal("opened an archive whose body path leaves it")
	}
}

// TestTransportThroughGuardedClient runs the guarded client, unloosened
// (no allow-list), over the archive: conditional GETs, redirects, 404s and
// the virtual clock all behave as they would live.
func TestTransportThroughGuardedClient(t *testing.T) {
	r, err := archive.Open(writeSample(t))
	if err != nil {
		t.Fatal(err)
	}
	clk := clock.NewVirtual(t0.Add(10 * time.Minute))
	tr := archive.NewTransport(r, clk)
	opts := httpguard.DefaultOptions("test")
	opts.Transport = tr
	c, err := httpguard.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	resp, err := c.Fetch(ctx, httpguard.Request{URL: feedURL})
	if err != nil || string(resp.Body) != "<rss>one</rss>" || resp.Validators.ETag != `"v1"` {
		t.Fatalf("first fetch: %v %+v", err, resp)
	}
	if resp.Header.Get("Date") != clk.Now().Format(http.TimeFormat) {
		t.Fatalf("Date = %q, want the virtual time", resp.Header.Get("Date"))
	}
	resp, err = c.Fetch(ctx, httpguard.Request{URL: feedURL, Conditional: resp.Validators})
	if err != nil || !resp.NotModified {
		t.Fatalf("conditional fetch of an unchanged feed: %v %+v", err, resp)
	}
	clk.Set(t0.Add(90 * time.Minute))
	resp, err = c.Fetch(ctx, httpguard.Request{URL: feedURL, Conditional: httpguard.Validators{ETag: `"v1"`}})
	if err != nil || resp.NotModified || string(resp.Body) != "<rss>one two</rss>" {
		t.Fatalf("conditional fetch after a change: %v %+v", err, resp)
	}
	resp, err = c.Fetch(ctx, httpguard.Request{URL: "https://wire.example/short"})
	if err != nil || resp.URL != "https://wire.example/a/1" || string(resp.Body) != "<html>first</html>" {
		t.Fatalf("redirect: %v %+v", err, resp)
	}
	if _, err := c.Fetch(ctx, httpguard.Request{URL: "https://wire.example/missing"}); httpguard.ClassOf(err) != httpguard.ClassHTTP4xx {
		t.Fatalf("unknown URL: err = %v (class %s), want http_4xx", err, httpguard.ClassOf(err))
	}
	// The URL guard still runs: a literal private address is refused
	// before the transport is asked.
	before, _ := tr.Requests()
	if _, err := c.Fetch(ctx, httpguard.Request{URL: "http://169.254.169.254/latest/meta-data"}); !httpguard.IsBlocked(err) {
		t.Fatalf("metadata address: err = %v, want blocked", err)
	}
	if after, _ := tr.Requests(); after != before {
		t.Fatal("the transport was asked for a blocked address")
	}
}
