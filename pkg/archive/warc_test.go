package archive_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/httpguard"
)

// warcRecord renders one WARC record by hand, as a crawler writes it.
func warcRecord(version, typ, uri, date string, extra map[string]string, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "WARC/%s\r\nWARC-Type: %s\r\n", version, typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n", date, fakeUUID(typ+uri+date))
	for k, v := range extra {
		fmt.Fprintf(&b, "%s: %s\r\n", k, v)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

func fakeUUID(s string) string {
	h := sha1.Sum([]byte(s))
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func sha1Digest(payload string) string {
	h := sha1.Sum([]byte(payload))
	return "sha1:" + base32.StdEncoding.EncodeToString(h[:])
}

func gz(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, _ = zw.Write([]byte(s))
	_ = zw.Close()
	return b.String()
}

func chunked(s string) string {
	half := len(s) / 2
	return fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", half, s[:half], len(s)-half, s[half:])
}

// warcFixture returns the records of a small crawl: a warcinfo, a
// request, an RSS feed, the feed again as a revisit, an article sent
// chunked and gzip-encoded, and a resource record.
func warcFixture(version string) []string {
	const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><item><title>Ferry fares rise</title><link>https://gazette.example/ferry</link></item></channel></rss>`
	const page = `<!doctype html><html><head><title>Ferry fares rise</title></head><body><article><p>Fares on the island ferry will rise by 4 per cent from April, the operator said.</p></article></body></html>`
	resp := func(ct, extraHeaders, body string) string {
		return "HTTP/1.1 200 OK\r\nContent-Type: " + ct + "\r\n" + extraHeaders + "\r\n" + body
	}
	return []string{
		warcRecord(version, "warcinfo", "", "2025-03-03T08:00:00Z", map[string]string{"Content-Type": "application/warc-fields"}, "software: hand-written test fixture\r\n"),
		warcRecord(version, "request", "https://gazette.example/rss", "2025-03-03T08:00:01Z", map[string]string{"Content-Type": "application/http;msgtype=request"},
			"GET /rss HTTP/1.1\r\nHost: gazette.example\r\n\r\n"),
		warcRecord(version, "response", "https://gazette.example/rss", "2025-03-03T08:00:01Z", map[string]string{
			"Content-Type": "application/http;msgtype=response", "WARC-Payload-Digest": sha1Digest(feed)},
			resp("application/rss+xml", "ETag: \"g1\"\r\nContent-Length: "+fmt.Sprint(len(feed))+"\r\n", feed)),
		warcRecord(version, "response", "https://gazette.example/ferry", "2025-03-03T08:00:02Z", map[string]string{"Content-Type": "application/http;msgtype=response"},
			resp("text/html; charset=utf-8", "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(gz(page)))),
		warcRecord(version, "revisit", "https://gazette.example/rss", "2025-03-03T09:00:01Z", map[string]string{
			"Content-Type": "application/http;msgtype=response", "WARC-Payload-Digest": sha1Digest(feed),
			"WARC-Profile": "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"},
			"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: \"g1\"\r\n\r\n"),
		warcRecord(version, "resource", "https://gazette.example/notes.txt", "2025-03-03T09:00:02Z", map[string]string{"Content-Type": "text/plain"},
			"harbour notes"),
	}
}

func TestOpenWARC(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{}
	for _, v := range []string{"1.0", "1.1"} {
		recs := warcFixture(v)
		files["crawl-"+v+".warc"] = []byte(strings.Join(recs, ""))
		var z bytes.Buffer
		for _, r := range recs {
			z.WriteString(gz(r)) // one gzip member per record, as crawlers write .warc.gz
		}
		files["crawl-"+v+".warc.gz"] = z.Bytes()
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			r, err := archive.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			st := r.Stats()
			if st.Feeds != 1 || st.FeedSnapshots != 2 || st.Articles != 1 || st.Other != 1 {
				t.Fatalf("stats = %+v (exchanges %+v)", st, r.Manifest().Exchanges)
			}
			if f := r.Feeds()[0]; f.URL != "https://gazette.example/rss" || f.Format != "rss" {
				t.Fatalf("feed = %+v", f)
			}
			clk := clock.NewVirtual(time.Date(2025, 3, 3, 9, 30, 0, 0, time.UTC))
			opts := httpguard.DefaultOptions("test")
			opts.Transport = archive.NewTransport(r, clk)
			c, err := httpguard.New(opts)
			if err != nil {
				t.Fatal(err)
			}
			feed, err := c.Fetch(context.Background(), httpguard.Request{URL: "https://gazette.example/rss"})
			if err != nil || !strings.Contains(string(feed.Body), "Ferry fares rise") {
				t.Fatalf("feed from revisit: %v %q", err, feed.Body)
			}
			if got := feed.Header.Get(archive.FetchedAtHeader); got != "2025-03-03T09:00:01Z" {
				t.Fatalf("served the snapshot of %s, want the revisit of 09:00:01", got)
			}
			page, err := c.Fetch(context.Background(), httpguard.Request{URL: "https://gazette.example/ferry"})
			if err != nil || !strings.Contains(string(page.Body), "4 per cent") {
				t.Fatalf("chunked gzip page: %v %q", err, page.Body)
			}
		})
	}
}

func TestOpenWARCRejectsGarbage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.warc")
	_ = os.WriteFile(path, []byte("this is not a WARC file\r\n\r\n"), 0o644)
	if _, err := archive.Open(path); err == nil {
		t.Fatal("opened a file that is not WARC")
	}
}
