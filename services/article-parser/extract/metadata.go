package extract

import (
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"
)

// Metadata is what a page says about itself.
type Metadata struct {
	Title       string    `json:"title,omitempty"`
	Authors     []string  `json:"authors,omitempty"`
	PublishedAt time.Time `json:"published_at,omitzero"`
	// PublishedDateOnly is true when the page printed only a day, no time:
	// PublishedAt is then midnight UTC of that day.
	PublishedDateOnly bool      `json:"published_date_only,omitempty"`
	ModifiedAt        time.Time `json:"modified_at,omitzero"`
	SiteName          string    `json:"site_name,omitempty"`
	// Language is a lower-case ISO 639-1 code: declared by the page, else
	// detected from the extracted text.
	Language    string   `json:"language,omitempty"`
	ImageURL    string   `json:"image_url,omitempty"`
	Section     string   `json:"section,omitempty"`
	Keywords    []string `json:"keywords,omitempty"`
	Description string   `json:"description,omitempty"`
	// CanonicalURL is rel=canonical, else og:url, else the JSON-LD url,
	// resolved against the page URL; empty when it looks untrustworthy.
	CanonicalURL string `json:"canonical_url,omitempty"`
	// AMP is true for an AMP page (<html amp> or <html ⚡>).
	AMP bool `json:"amp,omitempty"`
}

// metaTags indexes a page's <meta> tags by lower-case property, name or
// itemprop; each key keeps all its values in page order.
type metaTags map[string][]string

func readMetaTags(doc *goquery.Document) metaTags {
	m := metaTags{}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok {
			return
		}
		content = strings.TrimSpace(content)
		if content == "" {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop", "http-equiv"} {
			if k, ok := s.Attr(attr); ok && k != "" {
				k = strings.ToLower(strings.TrimSpace(k))
				m[k] = append(m[k], content)
			}
		}
	})
	return m
}

// get returns the first value of the first key present.
func (m metaTags) get(keys ...string) string {
	for _, k := range keys {
		if v := m[k]; len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// readMetadata collects metadata from <meta> tags, JSON-LD and the markup.
// It also returns the page's JSON-LD article, for the paywall check.
func readMetadata(doc *goquery.Document, pageURL *url.URL) (Metadata, ldArticle) {
	mt := readMetaTags(doc)
	ld, _ := parseJSONLD(doc)
	md := Metadata{
		SiteName:    chooseSite(doc, mt, ld, pageURL),
		Description: firstNonEmpty(mt.get("og:description", "description", "twitter:description")),
		Section:     firstNonEmpty(mt.get("article:section"), ld.Section, mt.get("section", "parsely-section", "sailthru.section")),
	}
	rawLang := firstNonEmpty(attr(doc.Find("html"), "lang"), attr(doc.Find("html"), "xml:lang"),
		mt.get("content-language", "language", "dc.language"), ld.Language, mt.get("og:locale"))
	md.Language = normLang(rawLang)
	host := ""
	if pageURL != nil {
		host = pageURL.Hostname()
	}
	if md.SiteName == "" {
		md.SiteName = siteFromTitle(firstNonEmpty(mt.get("og:title"), ld.Headline, doc.Find("title").First().Text()), pageURL)
	}
	md.Title = chooseTitle(doc, mt, ld, []string{md.SiteName, ld.Publisher}, host)
	md.Authors = readAuthors(doc, mt, ld, md.SiteName)
	md.PublishedAt, md.PublishedDateOnly = choosePublished(doc, mt, ld, rawLang)
	md.ModifiedAt = firstDate(mt.get("article:modified_time"), ld.Modified, mt.get("og:updated_time", "datemodified", "last-modified", "dc.date.modified"))
	if md.ModifiedAt.IsZero() {
		md.ModifiedAt = firstDate(timeAttr(doc, "[itemprop=dateModified]"))
	}
	md.ImageURL = resolve(pageURL, firstNonEmpty(mt.get("og:image", "og:image:url", "og:image:secure_url"), ld.Image, mt.get("twitter:image", "twitter:image:src", "thumbnailurl")))
	md.Keywords = readKeywords(mt, ld)
	html := doc.Find("html").First()
	_, amp := html.Attr("amp")
	_, bolt := html.Attr("⚡")
	md.AMP = amp || bolt
	md.CanonicalURL = canonicalURL(doc, mt, ld, pageURL)
	return md, ld
}

// headline is the page's single <h1>, if it has exactly one.
func headline(doc *goquery.Document) string {
	h := doc.Find("h1")
	if h.Length() != 1 {
		return ""
	}
	return h.Text()
}

// titleSeparators split a title from the site name appended to it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// cleanTitle collapses white space and drops a trailing or leading site
// name ("Headline | Site", "Site - Headline", "Headline — Site"): a side
// that names one of sites or the page's host.
func cleanTitle(t string, sites []string, host string) string {
	t = strings.Join(strings.Fields(t), " ")
	host = squash(host)
	isSite := func(part string) bool {
		sq := squash(part)
		if sq == "" {
			return false
		}
		for _, s := range sites {
			if s != "" && sq == squash(s) {
				return true
			}
		}
		return len(sq) >= 4 && host != "" && strings.Contains(host, sq)
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > 0 && isSite(t[i+len(sep):]) {
			return t[:i]
		}
		if j := strings.Index(t, sep); j > 0 && isSite(t[:j]) {
			return t[j+len(sep):]
		}
	}
	return t
}

func readKeywords(mt metaTags, ld ldArticle) []string {
	var raw []string
	raw = append(raw, mt["article:tag"]...)
	if len(raw) == 0 {
		raw = append(raw, ld.Keywords...)
	}
	if len(raw) == 0 {
		raw = append(raw, mt.get("news_keywords", "keywords"))
	}
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		for _, k := range strings.Split(r, ",") {
			k = strings.TrimSpace(k)
			if k == "" || seen[strings.ToLower(k)] {
				continue
			}
			seen[strings.ToLower(k)] = true
			out = append(out, k)
		}
	}
	return out
}

// timeAttr returns the datetime (or content) attribute of the first
// element matching one of the selectors, in order.
func timeAttr(doc *goquery.Document, selectors ...string) string {
	for _, sel := range selectors {
		s := doc.Find(sel).First()
		if s.Length() == 0 {
			continue
		}
		if v := firstNonEmpty(attr(s, "datetime"), attr(s, "content")); v != "" {
			return v
		}
	}
	return ""
}

func attr(s *goquery.Selection, name string) string {
	v, _ := s.Attr(name)
	return strings.TrimSpace(v)
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// normLang turns "en-US", "en_GB" or "zh-Hans-CN" into "en" or "zh".
func normLang(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_,; "); i > 0 {
		l = l[:i]
	}
	if len(l) < 2 || len(l) > 3 {
		return ""
	}
	return l
}

// resolve makes ref absolute against base; it returns "" for non-HTTP URLs.
func resolve(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// siteFromTitle returns the side of a "Site - Headline" or "Headline |
// Site" title that names the page's host ("Tri-County Gazette" on
// www.tri-county-gazette.example), or "" when neither side does.
func siteFromTitle(t string, pageURL *url.URL) string {
	if pageURL == nil {
		return ""
	}
	host := squash(pageURL.Hostname())
	t = strings.Join(strings.Fields(t), " ")
	for _, sep := range titleSeparators {
		i, j := strings.Index(t, sep), strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		for _, part := range []string{t[:i], t[j+len(sep):]} {
			if sq := squash(part); len(sq) >= 4 && strings.Contains(host, sq) {
				return strings.TrimSpace(part)
			}
		}
	}
	return ""
}

// squash keeps only the lower-cased letters and digits of s.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
