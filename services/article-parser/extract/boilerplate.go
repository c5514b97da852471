package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// boilerplateSelector matches page parts that extractors often keep at the
// edges of the body although they are not article text: the headline,
// bylines, datelines, image captions, share bars and sign-up boxes.
const boilerplateSelector = `h1, figcaption, address, time, .caption, [class*="caption"], [class*="byline"],
	[class*="author"], [class*="dateline"], [class*="credit"], [class*="newsletter"], [class*="signup"],
	[class*="sign-up"], [class*="share"], [class*="promo"], [class*="related"], [class*="read-more"],
	[class*="standfirst"], [class*="dek"], [class*="subtitle"], [class*="meta"], [class*="disclaimer"],
	[class*="tags"], [class*="cta"], [class*="pullquote"], [class*="pull-quote"]`

// maxBoilerplateLen skips long elements: only short blocks are compared.
const maxBoilerplateLen = 600

// boilerplateSet holds the normalised texts of the page's boilerplate
// elements (and of each of their lines).
type boilerplateSet map[string]bool

func collectBoilerplate(doc *goquery.Document, title string) boilerplateSet {
	set := boilerplateSet{}
	if title != "" {
		set[normKey(title)] = true
	}
	doc.Find(boilerplateSelector).Each(func(_ int, s *goquery.Selection) {
		if len(s.Nodes) == 0 {
			return
		}
		t := RenderText(s.Nodes[0])
		if t == "" || len(t) > maxBoilerplateLen {
			return
		}
		set[normKey(t)] = true
		for _, p := range strings.Split(t, "\n\n") {
			set[normKey(p)] = true
		}
	})
	return set
}

// strip drops paragraphs of text that equal a boilerplate text. Only whole
// paragraphs go, so article text is never cut mid-way.
func (b boilerplateSet) strip(text string) string {
	if len(b) == 0 || text == "" {
		return text
	}
	paras := strings.Split(text, "\n\n")
	out := paras[:0]
	for _, p := range paras {
		if !b[normKey(p)] {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

func normKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
