package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// bylineSelectors find a visible byline when the page has no author metadata.
var bylineSelectors = []string{
	`[itemprop="author"] [itemprop="name"]`, `[itemprop="author"]`, `a[rel="author"]`,
	`.byline__name`, `.author-name`, `.byline`, `[class*="byline"]`, `.author`, `[class*="author-name"]`,
}

// readAuthors returns the article's authors: JSON-LD first, then <meta>
// tags, then the visible byline.
func readAuthors(doc *goquery.Document, mt metaTags, ld ldArticle) []string {
	var raw []string
	switch {
	case len(ld.Authors) > 0:
		raw = ld.Authors
	case len(mt["author"]) > 0:
		raw = mt["author"]
	case len(mt["article:author"]) > 0 && !strings.Contains(mt.get("article:author"), "://"):
		raw = mt["article:author"]
	case mt.get("parsely-author", "sailthru.author", "dc.creator") != "":
		raw = []string{mt.get("parsely-author", "sailthru.author", "dc.creator")}
	default:
		for _, sel := range bylineSelectors {
			s := doc.Find(sel)
			if s.Length() == 0 || s.Length() > 6 {
				continue
			}
			s.Each(func(_ int, e *goquery.Selection) { raw = append(raw, e.Text()) })
			break
		}
	}
	return cleanAuthors(raw)
}

var (
	bylinePrefix = regexp.MustCompile(`(?i)^\s*(by|von|par|por|written by|words by|reporting by|作者[:：]?|记者[:：]?)\s+`)
	authorSplit  = regexp.MustCompile(`(?i)\s*(?:,|&|\band\b|\bund\b|、|\|)\s*`)
)

// cleanAuthors strips "By", splits "A, B and C", drops roles, dates and
// duplicates.
func cleanAuthors(raw []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		r = strings.Join(strings.Fields(r), " ")
		r = bylinePrefix.ReplaceAllString(r, "")
		// "Jane Doe in Taipei" and "Jane Doe · 4 min read" keep only the name.
		for _, cut := range []string{" in ", " · ", " - ", " — ", " – ", "\n"} {
			if i := strings.Index(r, cut); i > 0 {
				r = r[:i]
			}
		}
		for _, name := range authorSplit.Split(r, -1) {
			name = strings.Trim(strings.TrimSpace(name), ".,;:")
			if !plausibleName(name) || seen[strings.ToLower(name)] {
				continue
			}
			seen[strings.ToLower(name)] = true
			out = append(out, name)
		}
	}
	return out
}

// plausibleName rejects empty strings, URLs, dates and long phrases.
func plausibleName(s string) bool {
	if s == "" || strings.Contains(s, "://") || strings.Contains(s, "@") {
		return false
	}
	if len(strings.Fields(s)) > 5 || len([]rune(s)) > 60 {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			return false
		}
	}
	low := strings.ToLower(s)
	for _, role := range []string{"staff", "reporter", "correspondent", "editor", "contributor", "updated", "published"} {
		if strings.Contains(low, role) {
			return false
		}
	}
	return true
}

// dropSiteAuthors removes the publication itself from an author list
// (pages often put the site's name in the author meta tag).
func dropSiteAuthors(authors []string, site string) []string {
	if site == "" {
		return authors
	}
	out := authors[:0]
	for _, a := range authors {
		if !strings.EqualFold(squash(a), squash(site)) {
			out = append(out, a)
		}
	}
	return out
}

// textBylineRe matches a byline printed as plain text: "By NAME, role"
// or a Chinese reporter credit "（记者 NAME）".
var textBylineRe = regexp.MustCompile(`^(?:By|BY)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&))*)|[（(]记者\s*([\p{Han}·]{2,4})(?:\s|[）)])`)

// textByline looks for a byline in the page's text when no markup names
// the author: the first short text run that reads "By Name" or carries a
// reporter credit. Names written in capitals are title-cased.
func textByline(doc *goquery.Document) []string {
	var found []string
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if found != nil || depth > maxRenderDepth {
			return
		}
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				t := strings.TrimSpace(c.Data)
				if len(t) > 80 {
					// Only a reporter credit opens a long paragraph.
					t = t[:min(len(t), 120)]
				}
				if m := textBylineRe.FindStringSubmatch(t); m != nil && (m[2] != "" || len(t) <= 80) {
					found = []string{titleCaseCaps(m[1] + m[2])}
				}
			case c.Type == html.ElementNode && !skipTags[c.Data] && c.Data != "head":
				walk(c, depth+1)
			}
		}
	}
	for _, n := range doc.Find("body").Nodes {
		walk(n, 0)
	}
	return found
}

// titleCaseCaps turns "HAROLD P. BENNING" into "Harold P. Benning"; names
// with any lower-case letter are returned unchanged.
func titleCaseCaps(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
