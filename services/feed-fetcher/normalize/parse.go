// Package normalize parses a fetched feed document (RSS 0.9x/1.0/2.0, Atom
// 0.3/1.0, JSON Feed 1.0/1.1, with gofeed) and turns its entries into
// events.FeedItem values: stable ids, canonical links, plain text, parsed
// or estimated dates.
package normalize

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/httpguard"
)

// Source describes the feed a document came from.
type Source struct {
	// Key is the feed's configured URL: item ids derive from it, so they
	// survive a permanent redirect.
	Key string
	// URL is the URL that answered (relative links resolve against it).
	URL      string
	Name     string
	Tags     []string
	Language string
}

// Document is a parsed feed.
type Document struct {
	Title    string
	SiteURL  string
	Language string
	// TTL is the RSS <ttl> (0 when absent).
	TTL time.Duration
	// Hub and Self are the WebSub hub and self links, when advertised.
	Hub, Self string
	// Items are the normalised entries, newest first, at most the limit
	// given to Parse. Revision and FetchedAt are left for the caller.
	Items []events.FeedItem
	// Total is the number of entries in the document.
	Total int
}

var htmlStart = regexp.MustCompile(`(?is)^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b`)

// Parse decodes body (any charset) and normalises up to maxItems of its
// entries, newest first. now is the first-seen time given to entries
// without a usable date. Errors wrap httpguard.ErrNotFeed or
// httpguard.ErrParse.
func Parse(body []byte, contentType string, src Source, now time.Time, maxItems int) (*Document, error) {
	utf8Body, _ := httpguard.ToUTF8(body, contentType)
	utf8Body = Sanitize(declareUTF8(utf8Body))
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	feed, err := p.Parse(bytes.NewReader(utf8Body))
	if err != nil {
		switch {
		case errors.Is(err, gofeed.ErrFeedTypeNotDetected) && htmlStart.Match(head(utf8Body, 2048)):
			return nil, fmt.Errorf("%w: an HTML page was served", httpguard.ErrNotFeed)
		case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
			return nil, fmt.Errorf("%w: no RSS, Atom or JSON Feed root found", httpguard.ErrNotFeed)
		}
		return nil, fmt.Errorf("%w: %w", httpguard.ErrParse, err)
	}
	if feed.FeedType == "json" && feed.FeedVersion == "" {
		return nil, fmt.Errorf("%w: JSON without a JSON Feed version", httpguard.ErrNotFeed)
	}
	base, _ := url.Parse(src.URL)
	if site := CanonicalLink(base, feed.Link); site != "" {
		// Relative entry links resolve against the site, as readers do.
		base, _ = url.Parse(site)
	}
	doc := &Document{
		Title:    OneLine(feed.Title),
		SiteURL:  CanonicalLink(base, feed.Link),
		Language: strings.TrimSpace(feed.Language),
		Total:    len(feed.Items),
	}
	doc.TTL, doc.Hub, doc.Self = hints(feed)
	lang := src.Language
	if lang == "" {
		lang = doc.Language
	}
	guids := map[string]int{}
	for _, it := range feed.Items {
		if g := strings.TrimSpace(it.GUID); g != "" {
			guids[g]++
		}
	}
	seen := map[string]bool{}
	items := make([]events.FeedItem, 0, min(len(feed.Items), maxItems))
	for _, it := range feed.Items {
		fi := item(it, base, src, lang, guids, now)
		if fi.Title == "" && fi.URL == "" && fi.Summary == "" {
			continue
		}
		if seen[fi.ID] {
			continue
		}
		seen[fi.ID] = true
		items = append(items, fi)
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].PublishedAt.After(items[j].PublishedAt) })
	if len(items) > maxItems {
		items = items[:maxItems]
	}
	doc.Items = items
	return doc, nil
}

func head(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// hints reads the RSS <ttl> and the WebSub hub/self links.
func hints(feed *gofeed.Feed) (ttl time.Duration, hub, self string) {
	if orig, ok := feed.OriginalFeed().(*rss.Feed); ok && orig.TTL != "" {
		if m, err := strconv.Atoi(strings.TrimSpace(orig.TTL)); err == nil && m > 0 {
			ttl = time.Duration(m) * time.Minute
		}
	}
	for _, l := range feed.Extensions["atom"]["link"] {
		switch l.Attrs["rel"] {
		case "hub":
			hub = l.Attrs["href"]
		case "self":
			self = l.Attrs["href"]
		}
	}
	if a, ok := feed.OriginalFeed().(*atom.Feed); ok {
		for _, l := range a.Links {
			switch l.Rel {
			case "hub":
				hub = l.Href
			case "self":
				self = l.Href
			}
		}
	}
	return ttl, hub, self
}

var xmlDeclEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?\sencoding\s*=\s*["'])([A-Za-z0-9._:-]+)(["'])`)

// declareUTF8 rewrites the XML declaration's encoding to UTF-8 once the
// body has been converted, so the XML decoder does not convert it twice.
func declareUTF8(b []byte) []byte {
	return xmlDeclEncoding.ReplaceAll(b, []byte("${1}utf-8${3}"))
}

var charRef = regexp.MustCompile(`&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));`)

// Sanitize removes bytes and character references that XML forbids (C0
// controls other than tab, newline and carriage return), which would
// otherwise fail the whole feed.
func Sanitize(b []byte) []byte {
	if bytes.Contains(b, []byte("&#")) {
		b = charRef.ReplaceAllFunc(b, func(ref []byte) []byte {
			m := charRef.FindSubmatch(ref)
			var n uint64
			var err error
			if len(m[1]) > 0 {
				n, err = strconv.ParseUint(string(m[1]), 16, 32)
			} else {
				n, err = strconv.ParseUint(string(m[2]), 10, 32)
			}
			if err != nil || !xmlChar(rune(n)) {
				return nil
			}
			return ref
		})
	}
	clean := true
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			clean = false
			break
		}
	}
	if clean {
		return b
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			continue
		}
		out = append(out, c)
	}
	return out
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
