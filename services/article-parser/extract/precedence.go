package extract

import (
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// Metadata sources disagree on some pages: a clickbait og:title, a wrong
// article:published_time or a misleading og:site_name beside a correct
// JSON-LD article and visible page. The choosers below take the JSON-LD
// article's value first when it is plausible, use the visible page to
// break a disagreement between JSON-LD and <meta> tags, and fall back to
// <meta> tags, then markup, then printed text. The visible page is read
// only when the metadata disagrees or is missing, since selector scans
// cost more than everything else here.

// dateCand is one source's publication date.
type dateCand struct {
	t        time.Time
	dateOnly bool
}

// agrees reports whether two dates name the same moment (within two
// minutes), or the same calendar day when either is only a date.
func (a dateCand) agrees(b dateCand) bool {
	if a.t.IsZero() || b.t.IsZero() {
		return false
	}
	if a.dateOnly || b.dateOnly {
		// Each day as the page wrote it, in its own zone.
		return a.t.Format(time.DateOnly) == b.t.Format(time.DateOnly)
	}
	d := a.t.Sub(b.t)
	return d < 2*time.Minute && d > -2*time.Minute
}

// choosePublished picks the first-publication date.
func choosePublished(doc *goquery.Document, mt metaTags, ld ldArticle, lang string) (time.Time, bool) {
	ldc := dateCand{t: firstDate(ld.Published)}
	metac := dateCand{t: firstDate(mt.get("article:published_time"), mt.get("datepublished", "pubdate", "publishdate",
		"publish-date", "date", "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date", "og:published_time"))}
	switch {
	case ldc.t.IsZero() && metac.t.IsZero():
	case ldc.t.IsZero():
		return metac.t, false
	case metac.t.IsZero() || ldc.agrees(metac):
		return ldc.t, false
	}
	// Disagreement or no metadata: ask the markup, then the printed text.
	markup := dateCand{t: firstDate(timeAttr(doc, "[itemprop=datePublished]", "time[pubdate]", "article time[datetime]", "time[datetime]"))}
	var printed dateCand
	if t, only, ok := visibleDate(doc, lang); ok {
		printed = dateCand{t: t, dateOnly: only}
	}
	if ldc.t.IsZero() && metac.t.IsZero() {
		if !markup.t.IsZero() {
			return markup.t, false
		}
		return printed.t, printed.dateOnly
	}
	for _, c := range []dateCand{ldc, metac} {
		if c.agrees(markup) || c.agrees(printed) {
			return c.t, false
		}
	}
	// Nothing visible agrees with either: the JSON-LD article wins, unless
	// it is far from the page's other dates (a site-wide default).
	if !markup.t.IsZero() && markup.agrees(metac) {
		return metac.t, false
	}
	return ldc.t, false
}

// chooseTitle picks the headline among JSON-LD, og:title and
// twitter:title, using the page's <h1> to settle a disagreement; with no
// metadata title it cleans the <h1> or <title>.
func chooseTitle(doc *goquery.Document, mt metaTags, ld ldArticle, sites []string, host string) string {
	og := cleanTitle(firstNonEmpty(mt.get("og:title"), mt.get("twitter:title")), sites, host)
	ldh := cleanTitle(ld.Headline, sites, host)
	switch {
	case og == "" && ldh == "":
		h1 := cleanTitle(headline(doc), nil, "")
		tt := cleanTitle(doc.Find("title").First().Text(), sites, host)
		// A kicker printed inside the <h1> ("Energie Neues Rechenzentrum …")
		// is dropped when the <title> names the headline alone.
		if h1 != "" && tt != "" && len(tt) < len(h1) && strings.HasSuffix(normTitle(h1), normTitle(tt)) {
			return tt
		}
		return firstNonEmpty(h1, tt)
	case og == "":
		return ldh
	case ldh == "" || normTitle(og) == normTitle(ldh):
		return og
	}
	h1 := normTitle(cleanTitle(headline(doc), nil, ""))
	if h1 == "" {
		h1 = normTitle(cleanTitle(doc.Find("h1").First().Text(), nil, ""))
	}
	for _, c := range []string{ldh, og} {
		if n := normTitle(c); h1 != "" && (h1 == n || strings.HasSuffix(h1, " "+n) || strings.HasPrefix(h1, n)) {
			return c
		}
	}
	return ldh
}

// chooseSite picks the publication's name: og:site_name, unless it
// disagrees with the JSON-LD publisher and the page title or host backs
// the publisher.
func chooseSite(doc *goquery.Document, mt metaTags, ld ldArticle, pageURL *url.URL) string {
	og := strings.TrimPrefix(mt.get("og:site_name"), "@")
	if og != "" && ld.Publisher != "" && squash(og) != squash(ld.Publisher) {
		pub := squash(ld.Publisher)
		title := squash(doc.Find("title").First().Text())
		host := ""
		if pageURL != nil {
			host = squash(pageURL.Hostname())
		}
		if (len(pub) >= 4 && strings.Contains(title, pub) && !strings.Contains(title, squash(og))) ||
			(len(pub) >= 4 && strings.Contains(host, pub) && !strings.Contains(host, squash(og))) {
			return ld.Publisher
		}
	}
	return strings.TrimPrefix(firstNonEmpty(og, ld.Publisher, mt.get("application-name", "twitter:site")), "@")
}

// normTitle lower-cases a title and collapses its white space, for comparing.
func normTitle(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
