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

// readAuthors returns the article's people: JSON-LD first, then <meta>
// tags, then the visible byline markup, then a byline printed as text.
// A source counts only if something is left after dropping the site's
// own name, desks and roles ("Web Desk", "Staff"). A page that puts its
// own name in one author tag uses those tags for the house, so the other
// author tags are skipped too.
func readAuthors(doc *goquery.Document, mt metaTags, ld ldArticle, site string) []string {
	metaAuthor := func() []string {
		if strings.Contains(mt.get("article:author"), "://") {
			return nil
		}
		return mt["article:author"]
	}
	sources := []struct {
		meta bool
		get  func() []string
	}{
		{false, func() []string { return ld.Authors }},
		{true, func() []string { return mt["author"] }},
		{true, metaAuthor},
		{true, func() []string { return []string{mt.get("parsely-author", "sailthru.author", "dc.creator")} }},
		{false, func() []string { return bylineMarkup(doc) }},
		{false, func() []string { return textByline(doc) }},
	}
	house := false
	for _, src := range sources {
		if src.meta && house {
			continue
		}
		names := cleanAuthors(src.get())
		out := dropSiteAuthors(names, site)
		if len(out) > 0 {
			return out
		}
		house = house || (src.meta && len(names) > 0)
	}
	return nil
}

// bylineMarkup reads the first byline selector that matches a few elements.
func bylineMarkup(doc *goquery.Document) []string {
	var raw []string
	for _, sel := range bylineSelectors {
		s := doc.Find(sel)
		if s.Length() == 0 || s.Length() > 6 {
			continue
		}
		s.Each(func(_ int, e *goquery.Selection) { raw = append(raw, e.Text()) })
		if len(cleanAuthors(raw)) > 0 {
			return raw
		}
		raw = nil
	}
	return nil
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
	for _, role := range []string{"staff", "reporter", "correspondent", "editor", "contributor", "updated", "published",
		"desk", "newsroom", "bureau", "agencies", "wire service", "news service"} {
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
