package extract

import (
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// maxDateRun is the longest text run searched for a printed date: date
// lines are short, and dates inside body sentences are about the story.
const maxDateRun = 160

// visibleDate returns the publication date printed in the page's text:
// the first date labelled as published ("Published 3/11/2025",
// "Veröffentlicht am 11.03.2025"), else the first unlabelled date after
// the headline. Dates labelled as updates are skipped. dateOnly reports a
// date printed without a time.
func visibleDate(doc *goquery.Document, lang string) (t time.Time, dateOnly, ok bool) {
	var weak, strong time.Time
	var weakOnly, strongOnly bool
	afterH1 := false
	prev := ""
	runs := 0
	var walk func(*html.Node, int) bool
	walk = func(n *html.Node, depth int) bool {
		if depth > maxRenderDepth {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				s := strings.TrimSpace(c.Data)
				if s == "" {
					continue
				}
				if runs++; runs > 4000 {
					return true
				}
				if len(s) <= maxDateRun && hasYear(s) {
					if d, only, good := textDate(s, lang); good {
						label := prev + " " + s
						switch {
						case publishedLbl.MatchString(label):
							strong, strongOnly = d, only
							return true
						case updatedLbl.MatchString(label):
						case afterH1 && weak.IsZero():
							weak, weakOnly = d, only
						}
					}
				}
				prev = s
				if len(prev) > 40 {
					prev = prev[len(prev)-40:]
				}
			case c.Type == html.ElementNode && !skipTags[c.Data] && c.Data != "head":
				if c.Data == "h1" {
					afterH1 = true
				}
				if walk(c, depth+1) {
					return true
				}
			}
		}
		return false
	}
	for _, n := range doc.Find("body").Nodes {
		walk(n, 0)
	}
	switch {
	case !strong.IsZero():
		return strong, strongOnly, true
	case !weak.IsZero():
		return weak, weakOnly, true
	}
	return time.Time{}, false, false
}

// hasYear reports whether s holds a run of four ASCII digits, which every
// date format textDate reads has; it spares the date patterns the many
// text runs that cannot match.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}
