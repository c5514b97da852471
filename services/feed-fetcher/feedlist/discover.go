package feedlist

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/newsmon/newsmon/pkg/httpguard"
)

// Discovered is a feed advertised by a web page.
type Discovered struct {
	URL   string
	Title string
	Type  string
}

var feedTypes = map[string]bool{
	"application/rss+xml": true, "application/atom+xml": true, "application/feed+json": true,
	"application/json": true, "application/rdf+xml": true, "application/xml": true, "text/xml": true,
}

// Discover fetches pageURL and returns the feeds it advertises with
// <link rel="alternate">. When pageURL is itself a feed, it is returned.
func Discover(ctx context.Context, c *httpguard.Client, pageURL string) ([]Discovered, error) {
	resp, err := c.Fetch(ctx, httpguard.Request{URL: pageURL, Accept: "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml;q=0.9, */*;q=0.5"})
	if err != nil {
		return nil, fmt.Errorf("discover %s: %w", httpguard.Redact(pageURL), err)
	}
	ct := resp.Header.Get("Content-Type")
	if mt, _, _ := mime.ParseMediaType(ct); feedTypes[mt] && mt != "application/json" || looksLikeFeed(resp.Body) {
		return []Discovered{{URL: resp.URL, Type: mt}}, nil
	}
	body, _ := httpguard.ToUTF8(resp.Body, ct)
	return FeedLinks(body, resp.URL)
}

// FeedLinks returns the feeds advertised in an HTML page found at pageURL.
func FeedLinks(page []byte, pageURL string) ([]Discovered, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("discover: parse page: %w", err)
	}
	base, _ := url.Parse(pageURL)
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok && base != nil {
		if b, err := base.Parse(href); err == nil {
			base = b
		}
	}
	var out []Discovered
	seen := map[string]bool{}
	doc.Find("link[rel][href]").Each(func(_ int, s *goquery.Selection) {
		rel := strings.ToLower(s.AttrOr("rel", ""))
		if !hasToken(rel, "alternate") {
			return
		}
		typ := strings.ToLower(strings.TrimSpace(s.AttrOr("type", "")))
		if !feedTypes[typ] {
			return
		}
		u, err := base.Parse(strings.TrimSpace(s.AttrOr("href", "")))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || seen[u.String()] {
			return
		}
		seen[u.String()] = true
		out = append(out, Discovered{URL: u.String(), Title: strings.TrimSpace(s.AttrOr("title", "")), Type: typ})
	})
	return out, nil
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

func looksLikeFeed(b []byte) bool {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	s := strings.ToLower(string(head))
	return strings.Contains(s, "<rss") || strings.Contains(s, "<feed") || strings.Contains(s, "<rdf:rdf") ||
		strings.Contains(s, "jsonfeed.org/version")
}
