package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// outlet is one invented publication.
type outlet struct {
	Key, Name, Base, FeedURL, Format, Charset string
	Tags                                      []string
	// Offset staggers the outlet's snapshots within the two-hour step.
	Offset time.Duration
	Render func(o *outlet, its []*item, t time.Duration) ([]byte, string)
	// Date formats an item date in the feed.
	Date func(it *item, t time.Time) string
	// Full puts the whole text in the feed, not only a summary.
	Full bool
	// Via sends feed links through a redirect, as click-tracking sites do.
	Via  bool
	Path func(it *item) string
}

func datedPath(it *item) string {
	d := start.Add(it.At)
	return fmt.Sprintf("/%s/%04d/%02d/%02d/%s", strings.ToLower(strings.ReplaceAll(it.Section, " ", "-")), d.Year(), d.Month(), d.Day(), it.Slug)
}

func flatPath(it *item) string { return "/news/" + it.Slug + "-" + shortHash(it.Slug)[:6] }

func articlePath(it *item) string { return "/articles/" + it.Slug }

var outlets = []*outlet{
	{Key: "hsj", Name: "Harbour Street Journal", Base: "https://www.harbourstreet-journal.example", FeedURL: "https://www.harbourstreet-journal.example/rss/business.xml",
		Format: "rss", Charset: "utf-8", Tags: []string{"business"}, Offset: 5 * time.Minute, Render: renderRSS, Path: datedPath,
		Date: func(_ *item, t time.Time) string { return t.Format(time.RFC1123Z) }},
	{Key: "ptw", Name: "Pacific Tech Wire", Base: "https://pacifictechwire.example", FeedURL: "https://pacifictechwire.example/feeds/all.atom",
		Format: "atom", Charset: "utf-8", Tags: []string{"tech"}, Offset: 17 * time.Minute, Render: renderAtom, Path: articlePath, Full: true},
	{Key: "cl", Name: "Circuit Ledger", Base: "https://circuitledger.example", FeedURL: "https://circuitledger.example/feed.json",
		Format: "json", Charset: "utf-8", Tags: []string{"semiconductors"}, Offset: 31 * time.Minute, Render: renderJSON, Path: flatPath},
	{Key: "dm", Name: "The Daily Meridian", Base: "https://www.dailymeridian.example", FeedURL: "https://www.dailymeridian.example/feeds/latest.rss",
		Format: "rss", Charset: "windows-1252", Tags: []string{"general"}, Offset: 44 * time.Minute, Render: renderRSS, Path: datedPath,
		Date: func(_ *item, t time.Time) string { return t.In(london).Format("Mon, 02 Jan 2006 15:04:05 MST") }},
	{Key: "amb", Name: "Asia Markets Brief", Base: "https://asiamarketsbrief.example", FeedURL: "https://asiamarketsbrief.example/brief/rss",
		Format: "rss", Charset: "utf-8", Tags: []string{"markets", "asia"}, Offset: 58 * time.Minute, Render: renderRSS, Path: articlePath, Date: oddDate},
	{Key: "co", Name: "The Capital Observer", Base: "https://capitalobserver.example", FeedURL: "https://capitalobserver.example/politics/index.atom",
		Format: "atom", Charset: "utf-8", Tags: []string{"politics"}, Offset: 71 * time.Minute, Render: renderAtom, Path: datedPath},
	{Key: "sd", Name: "Startup Dispatch", Base: "https://startupdispatch.example", FeedURL: "https://startupdispatch.example/feed/json",
		Format: "json", Charset: "utf-8", Tags: []string{"startups", "venture"}, Offset: 89 * time.Minute, Render: renderJSON, Path: articlePath, Full: true},
}

var (
	london   = time.FixedZone("GMT", 0)
	hongKong = time.FixedZone("HKT", 8*3600)
)

// oddDate writes dates the way a careless CMS does: several formats, a
// local zone, and sometimes nothing at all.
func oddDate(it *item, t time.Time) string {
	switch len(it.Slug) % 5 {
	case 0:
		return t.In(hongKong).Format("2006-01-02 15:04:05 -0700")
	case 1:
		return t.In(hongKong).Format("02 Jan 2006 15:04 MST")
	case 2:
		return t.In(hongKong).Format("Monday, January 2, 2006 - 15:04")
	case 3:
		return ""
	}
	return t.In(hongKong).Format("Mon, 2 Jan 2006 15:04:05 +0800")
}

func byOutlet(key string) *outlet {
	for _, o := range outlets {
		if o.Key == key {
			return o
		}
	}
	panic("no outlet " + key)
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func etag(body []byte) string { return `"` + shortHash(string(body))[:16] + `"` }

// feedLink is the link a feed gives for an item.
func feedLink(it *item) string {
	if it.Outlet.Via {
		return it.Outlet.Base + "/r/" + shortHash(it.Slug)[:8]
	}
	return it.URL()
}

// lastChange is the newest publication or update among its, as of t.
func lastChange(its []*item, t time.Duration) time.Time {
	last := start.Add(-24 * time.Hour)
	for _, it := range its {
		_, _, _, u := it.state(t)
		if d := start.Add(u); d.After(last) {
			last = d
		}
	}
	return last
}

func renderRSS(o *outlet, its []*item, t time.Duration) ([]byte, string) {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"%s\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n", o.Charset)
	fmt.Fprintf(&b, "<title>%s</title>\n<link>%s/</link>\n<description>Latest from %s</description>\n<language>en</language>\n<ttl>15</ttl>\n",
		esc(o.Name), o.Base, esc(o.Name))
	fmt.Fprintf(&b, "<lastBuildDate>%s</lastBuildDate>\n", lastChange(its, t).Format(time.RFC1123Z))
	for _, it := range its {
		title, summary, paras, _ := it.state(t)
		fmt.Fprintf(&b, "<item>\n<title>%s</title>\n<link>%s</link>\n<guid isPermaLink=\"false\">%s-%s</guid>\n", esc(title), feedLink(it), o.Key, shortHash(it.Slug)[:10])
		if d := o.Date(it, start.Add(it.At)); d != "" {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>\n", d)
		}
		fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>\n<category>%s</category>\n<description>%s</description>\n", esc(it.Author), esc(it.Section), esc(summary))
		if o.Full {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>\n", htmlParas(paras))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return encode(o, b.String()), "application/rss+xml; charset=" + o.Charset
}

func renderAtom(o *outlet, its []*item, t time.Duration) ([]byte, string) {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n<title>%s</title>\n<id>%s/</id>\n",
		esc(o.Name), o.Base)
	fmt.Fprintf(&b, "<link rel=\"alternate\" href=\"%s/\"/>\n<link rel=\"self\" href=\"%s\"/>\n<updated>%s</updated>\n",
		o.Base, o.FeedURL, lastChange(its, t).Format(time.RFC3339))
	for _, it := range its {
		title, summary, paras, upd := it.state(t)
		fmt.Fprintf(&b, "<entry>\n<title>%s</title>\n<id>tag:%s,2025:%s</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n",
			esc(title), strings.TrimPrefix(o.Base, "https://"), it.Slug, feedLink(it))
		fmt.Fprintf(&b, "<published>%s</published>\n<updated>%s</updated>\n<author><name>%s</name></author>\n<category term=\"%s\"/>\n",
			start.Add(it.At).Format(time.RFC3339), start.Add(upd).Format(time.RFC3339), esc(it.Author), esc(it.Section))
		fmt.Fprintf(&b, "<summary>%s</summary>\n", esc(summary))
		if o.Full {
			fmt.Fprintf(&b, "<content type=\"html\">%s</content>\n", esc(htmlParas(paras)))
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return []byte(b.String()), "application/atom+xml; charset=utf-8"
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	Summary       string       `json:"summary,omitempty"`
	ContentHTML   string       `json:"content_html,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified,omitempty"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

func renderJSON(o *outlet, its []*item, t time.Duration) ([]byte, string) {
	doc := struct {
		Version     string     `json:"version"`
		Title       string     `json:"title"`
		HomePageURL string     `json:"home_page_url"`
		FeedURL     string     `json:"feed_url"`
		Language    string     `json:"language"`
		Items       []jsonItem `json:"items"`
	}{Version: "https://jsonfeed.org/version/1.1", Title: o.Name, HomePageURL: o.Base + "/", FeedURL: o.FeedURL, Language: "en", Items: []jsonItem{}}
	for _, it := range its {
		title, summary, paras, upd := it.state(t)
		ji := jsonItem{ID: o.Base + "/p/" + shortHash(it.Slug)[:12], URL: feedLink(it), Title: title, Summary: summary,
			DatePublished: start.Add(it.At).Format(time.RFC3339), Authors: []jsonAuthor{{Name: it.Author}}, Tags: append([]string{it.Section}, it.Tags...)}
		if upd != it.At {
			ji.DateModified = start.Add(upd).Format(time.RFC3339)
		}
		if o.Full {
			ji.ContentHTML = htmlParas(paras)
		}
		doc.Items = append(doc.Items, ji)
	}
	data, _ := json.MarshalIndent(doc, "", "  ")
	return append(data, '\n'), "application/feed+json"
}

func htmlParas(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>" + esc(p) + "</p>")
	}
	return b.String()
}

// encode converts a document to the outlet's charset.
func encode(o *outlet, s string) []byte {
	if o.Charset != "windows-1252" {
		return []byte(s)
	}
	out, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		panic(fmt.Sprintf("%s: text not representable in windows-1252: %v", o.Name, err))
	}
	return []byte(out)
}
