package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// pruneTags never hold article text: they are removed before extraction,
// after metadata, JSON-LD and page statistics have been read.
var pruneTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "embed": true, "canvas": true, "link": true, "meta": true,
	"select": true, "button": true, "input": true, "textarea": true,
}

// furnitureTags are page furniture unless they hold the article.
var furnitureTags = map[string]bool{"nav": true, "footer": true, "aside": true}

// furnitureWords are class or id words (split at spaces, '-' and '_') of
// rails, menus, ads, comment sections and consent banners.
var furnitureWords = map[string]bool{
	"related": true, "recirc": true, "recirculation": true, "trending": true, "popular": true,
	"recommended": true, "recommendations": true, "sponsored": true, "partner": true, "partners": true,
	"outbrain": true, "taboola": true, "newsletter": true, "signup": true, "comments": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "ad": true, "ads": true, "advert": true,
	"advertisement": true, "promo": true, "social": true, "share": true, "sharing": true,
	"breadcrumb": true, "breadcrumbs": true, "menu": true, "navbar": true, "sidebar": true, "rail": true,
	"footer": true, "masthead": true,
}

// furniturePhrases are class or id substrings of the same.
var furniturePhrases = []string{"more-stories", "most-read", "mostread", "read-next", "you-may-like", "more-from", "latest-news"}

// containerTags may be removed as furniture; paragraphs and headings are
// never removed on their class alone.
var containerTags = map[string]bool{
	"div": true, "section": true, "aside": true, "nav": true, "footer": true, "header": true,
	"ul": true, "ol": true, "figure": true, "form": true, "span": true, "details": true,
}

// prune removes from root what never is article text (scripts, styles,
// embeds, comments) and the page furniture around the article: navigation,
// footers, asides, story rails, ad slots, comment sections. The article
// itself is protected: the element with the most paragraph text directly
// under it (the main text's container) and its ancestors are never
// removed. Heavy pages lose most of their nodes this way, which keeps the
// extractors fast and stops them taking a long rail for the article.
// Inside and around the article it also removes clutter (captions,
// galleries, embeds, pull quotes, the headline block, endnotes, link
// lists) and subscription prompts, whose text it returns for the paywall
// check.
func prune(root *html.Node) (gateText string) {
	stripNonText(root, 0)
	body := findElement(root, "body", 0)
	if body == nil {
		return ""
	}
	keep := map[*html.Node]bool{}
	if best := mainContainer(body); best != nil {
		for n := best; n != nil; n = n.Parent {
			keep[n] = true
		}
	}
	removeFurniture(body, keep, 0)
	gateText = dropGates(body, keep)
	dropNotes(body, 0)
	dropLinkLists(body, keep, 0)
	return gateText
}

// stripNonText removes pruneTags elements and comments.
func stripNonText(n *html.Node, depth int) {
	if depth > maxRenderDepth {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || (c.Type == html.ElementNode && pruneTags[c.Data]) {
			n.RemoveChild(c)
		} else if c.Type == html.ElementNode {
			stripNonText(c, depth+1)
		}
		c = next
	}
}

func removeFurniture(n *html.Node, keep map[*html.Node]bool, depth int) {
	if depth > maxRenderDepth {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if !keep[c] && (isFurniture(c) || isClutter(c)) {
				n.RemoveChild(c)
			} else {
				removeFurniture(c, keep, depth+1)
			}
		}
		c = next
	}
}

func isFurniture(n *html.Node) bool {
	if hasPaywallAttr(n) {
		// Left for dropGates, which keeps its text for the paywall check.
		return false
	}
	if furnitureTags[n.Data] {
		return true
	}
	if !containerTags[n.Data] {
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" {
			continue
		}
		v := strings.ToLower(a.Val)
		if a.Key == "role" {
			if v == "navigation" || v == "banner" || v == "contentinfo" || v == "complementary" {
				return true
			}
			continue
		}
		for _, p := range furniturePhrases {
			if strings.Contains(v, p) {
				return true
			}
		}
		for _, w := range classWords(a.Val) {
			if furnitureWords[w] {
				return true
			}
		}
	}
	return false
}

// minParagraphChars is the shortest text block counted as a paragraph
// when looking for the main container.
const minParagraphChars = 60

// mainContainer returns the element whose child text blocks (paragraphs,
// or elements holding only inline content) carry the most text outside
// links. Teasers in a rail sit one per card, so a rail never outweighs an
// article's run of paragraphs.
func mainContainer(body *html.Node) *html.Node {
	score := map[*html.Node]int{}
	var best *html.Node
	bestScore := 0
	var walk func(*html.Node, int) (block bool)
	// walk reports whether n is a block-level element; it scores leaf
	// blocks (blocks without block children) on their parent.
	walk = func(n *html.Node, depth int) bool {
		if depth > maxRenderDepth {
			return false
		}
		hasBlockChild := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && walk(c, depth+1) {
				hasBlockChild = true
			}
		}
		block := blockTags[n.Data] || n.Data == "td"
		if !block || hasBlockChild || n.Parent == nil {
			return block
		}
		chars := ownText(n)
		if chars < minParagraphChars {
			return block
		}
		p := n.Parent
		score[p] += chars
		if score[p] > bestScore {
			best, bestScore = p, score[p]
		}
		return block
	}
	walk(body, 0)
	return best
}

// ownText counts the characters of text under n that are not inside links.
func ownText(n *html.Node) int {
	total := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				total += len(strings.TrimSpace(c.Data))
			case c.Type == html.ElementNode && c.Data != "a":
				walk(c)
			}
		}
	}
	walk(n)
	return total
}
