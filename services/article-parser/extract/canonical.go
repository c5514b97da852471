package extract

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// canonicalURL picks the page's own idea of its address: rel=canonical,
// else og:url, else the JSON-LD url. A candidate is trusted only when it
// is an absolute http(s) URL on the same site as the page and does not
// point at the site's home page from an article (a common template error).
// An AMP page's rel=canonical names the regular article page.
func canonicalURL(doc *goquery.Document, mt metaTags, ld ldArticle, pageURL *url.URL) string {
	cands := []string{attr(doc.Find(`link[rel~="canonical"]`).First(), "href"), mt.get("og:url"), ld.URL}
	for _, c := range cands {
		if c == "" {
			continue
		}
		abs := resolve(pageURL, c)
		if abs == "" {
			continue
		}
		u, err := url.Parse(abs)
		if err != nil {
			continue
		}
		if pageURL != nil && pageURL.Host != "" {
			if !sameSite(u.Hostname(), pageURL.Hostname()) {
				continue
			}
			if isRootPath(u.Path) && !isRootPath(pageURL.Path) {
				continue
			}
		}
		u.Fragment = ""
		stripTracking(u)
		return u.String()
	}
	return ""
}

func isRootPath(p string) bool { return p == "" || p == "/" }

// sameSite reports whether two hosts share their last two labels (three
// when the second-level label is short, as in bbc.co.uk or news.com.cn).
func sameSite(a, b string) bool {
	return siteKey(a) == siteKey(b)
}

func siteKey(h string) string {
	labels := strings.Split(strings.ToLower(strings.TrimSuffix(h, ".")), ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-2]) <= 3 && len(labels[len(labels)-1]) == 2 {
		n = 3
	}
	if len(labels) <= n {
		return strings.Join(labels, ".")
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// stripTracking removes campaign parameters (utm_*, fbclid, gclid and
// the like) that share buttons add to og:url.
func stripTracking(u *url.URL) {
	if u.RawQuery == "" {
		return
	}
	q := u.Query()
	changed := false
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" || lk == "ocid" || lk == "cmpid" || lk == "mc_cid" || lk == "mc_eid" {
			q.Del(k)
			changed = true
		}
	}
	if changed {
		u.RawQuery = q.Encode()
	}
}
