package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// linkListTags are blocks removed when their text is nearly all links:
// "More on this" boxes, tag lists, teaser lists and "Read more:" lines.
var linkListTags = map[string]bool{
	"div": true, "section": true, "ul": true, "ol": true, "dl": true, "table": true, "p": true,
	"span": false, "header": true, "footer": true, "form": true, "details": true,
}

const (
	// linkListRatio is the share of a block's text inside links above
	// which the block is a link list.
	linkListRatio = 0.75
	// linkLineChars caps a paragraph removed as a link line ("Read more:
	// ...", "Print | E-mail"); a longer linked paragraph is kept.
	linkLineChars = 300
)

// dropLinkLists removes blocks under n (but not the kept article
// container and its ancestors) whose text is mostly link text. It returns
// the characters of text and of link text left under n.
func dropLinkLists(n *html.Node, keep map[*html.Node]bool, depth int) (chars, linked int) {
	if depth > maxRenderDepth {
		return 0, 0
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.TextNode:
			chars += len(strings.TrimSpace(c.Data))
		case html.ElementNode:
			if c.Data == "a" {
				t := len(strings.TrimSpace(RenderText(c)))
				chars += t
				linked += t
				break
			}
			tc, tl := dropLinkLists(c, keep, depth+1)
			if !keep[c] && linkListTags[c.Data] && tc > 0 && float64(tl) >= linkListRatio*float64(tc) &&
				(c.Data != "p" || tc <= linkLineChars) {
				n.RemoveChild(c)
				break
			}
			chars += tc
			linked += tl
		}
		c = next
	}
	return chars, linked
}

// notesHeadings are the headings of an endnotes or references list.
var notesHeadings = map[string]bool{
	"notes": true, "footnotes": true, "endnotes": true, "references": true, "sources": true,
	"citations": true, "notes and references": true, "sources and notes": true, "bibliography": true,
	"anmerkungen": true, "quellen": true, "fußnoten": true, "einzelnachweise": true, "notas": true, "références": true,
	"注释": true, "注": true, "参考文献": true, "脚注": true, "注記": true,
}

// dropNotes removes an endnotes section: a heading such as "Notes" or
// "References" followed, to the end of its container, by blocks that
// include a list. Body text after such a heading is never removed, since
// the section must end its container.
func dropNotes(n *html.Node, depth int) {
	if depth > maxRenderDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if notesHeading(c) && followedByList(c) {
			for x := c; x != nil; {
				next := x.NextSibling
				n.RemoveChild(x)
				x = next
			}
			return
		}
		dropNotes(c, depth+1)
	}
}

func notesHeading(n *html.Node) bool {
	switch n.Data {
	case "h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "b":
	default:
		return false
	}
	t := strings.ToLower(strings.TrimSpace(renderTextShort(n, 40)))
	t = strings.TrimRight(t, ":：")
	return notesHeadings[t]
}

// followedByList reports whether the siblings after n include a list and
// no heading.
func followedByList(n *html.Node) bool {
	list := false
	for x := n.NextSibling; x != nil; x = x.NextSibling {
		if x.Type != html.ElementNode {
			continue
		}
		switch x.Data {
		case "h1", "h2", "h3":
			return false
		case "ol", "ul", "dl":
			list = true
		default:
			list = list || hasDescendant(x, "ol", 0) || hasDescendant(x, "ul", 0)
		}
	}
	return list
}

// renderTextShort renders n's text, giving up (and returning "") once it
// is longer than limit bytes.
func renderTextShort(n *html.Node, limit int) string {
	total := 0
	var walk func(*html.Node, int) bool
	walk = func(x *html.Node, depth int) bool {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				total += len(c.Data)
			} else if c.Type == html.ElementNode && depth < 8 && !walk(c, depth+1) {
				return false
			}
			if total > limit*4 {
				return false
			}
		}
		return true
	}
	if !walk(n, 0) {
		return ""
	}
	t := RenderText(n)
	if len(t) > limit {
		return ""
	}
	return t
}

// dropGates removes subscription prompts: paywall containers and the
// blocks around a gate phrase ("Subscribe to unlock this article"),
// climbing from the phrase to the outermost ancestor that is not the
// article container or one of its ancestors. It returns the removed text,
// which stays evidence for the paywall check.
func dropGates(body *html.Node, keep map[*html.Node]bool) string {
	if len(keep) == 0 {
		return ""
	}
	var gates []*html.Node
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxRenderDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				if !keep[c] && hasPaywallAttr(c) {
					gates = append(gates, c)
					continue
				}
				walk(c, depth+1)
			case html.TextNode:
				if len(c.Data) < 400 && gatePhrase(c.Data) {
					if g := gateRoot(c, keep); g != nil {
						gates = append(gates, g)
					}
				}
			}
		}
	}
	walk(body, 0)
	var removed strings.Builder
	for _, g := range gates {
		if g.Parent == nil {
			continue
		}
		removed.WriteString(RenderText(g))
		removed.WriteString("\n\n")
		g.Parent.RemoveChild(g)
	}
	return removed.String()
}

// gateAnchors are substrings every paywallPhrases entry contains; text
// without any is skipped without lower-casing it.
var gateAnchors = []string{"ubscri", "UBSCRI", "egister", "nlock", "ember", "订阅", "付费"}

func gatePhrase(s string) bool {
	anchored := false
	for _, a := range gateAnchors {
		if strings.Contains(s, a) {
			anchored = true
			break
		}
	}
	if !anchored {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range paywallPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// gateRoot climbs from a gate phrase's text node to its outermost
// ancestor below the kept chain; nil when the phrase sits directly in it.
func gateRoot(n *html.Node, keep map[*html.Node]bool) *html.Node {
	var top *html.Node
	for x := n.Parent; x != nil && !keep[x] && x.Data != "body"; x = x.Parent {
		top = x
	}
	return top
}
