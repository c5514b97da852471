package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
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
