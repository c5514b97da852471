package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Clutter is what sits inside or beside an article body on real sites but
// is not article text: photo and gallery captions, credit lines, embedded
// posts, pull quotes, the headline block, endnotes and link lists. The
// rules here name the markup those parts share across publishing stacks.

// captionWords are class or id words of captions, credit lines and photo
// galleries. Unlike furnitureWords they remove paragraphs too, since a
// caption is often a <p class="...caption...">.
var captionWords = map[string]bool{
	"caption": true, "captions": true, "figcaption": true, "credit": true, "credits": true,
	"gallery": true, "slideshow": true, "carousel": true, "lightbox": true,
	"embed": true, "tweet": true, "instagram": true, "tiktok": true, "pullquote": true,
	"footnotes": true, "endnotes": true, "footnote": true, "endnote": true, "bibliography": true,
	"faq": true, "accordion": true,
}

// clutterPhrases are class or id substrings of the same.
var clutterPhrases = []string{"pull-quote", "pull_quote", "twitter-tweet", "instagram-media", "tiktok-embed"}

// clutterTags never hold article text.
var clutterTags = map[string]bool{"figure": true, "figcaption": true, "picture": true}

// isClutter reports whether n is a caption, gallery, embed, pull quote or
// endnotes block, or the headline block above the body.
func isClutter(n *html.Node) bool {
	if clutterTags[n.Data] {
		return true
	}
	if strings.HasPrefix(n.Data, "h") && len(n.Data) == 2 {
		// Headings are body subheadings unless inside one of the above.
		return false
	}
	header := n.Data == "header"
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, p := range clutterPhrases {
			if strings.Contains(v, p) {
				return true
			}
		}
		for _, w := range classWords(a.Val) {
			if captionWords[w] {
				return true
			}
			if w == "header" || w == "topper" {
				header = true
			}
		}
	}
	if header && (n.Data == "header" || containerTags[n.Data]) && hasDescendant(n, "h1", 0) {
		// The headline block: kicker, headline, standfirst, byline, date.
		return true
	}
	return figureLike(n)
}

// classWords splits a class or id value into lower-case words at spaces,
// '-', '_' and lower-to-upper case changes ("articleFooter_x1" gives
// article, footer, x1).
func classWords(v string) []string {
	var out []string
	start := -1
	var prev rune
	for i, r := range v {
		sep := r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
		camel := unicode.IsUpper(r) && unicode.IsLower(prev)
		if (sep || camel) && start >= 0 {
			out = append(out, strings.ToLower(v[start:i]))
			start = -1
		}
		if !sep && start < 0 {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, strings.ToLower(v[start:]))
	}
	return out
}

// figureCaptionChars is the most text an image block may carry to count
// as a figure (image plus caption) rather than body text with a picture.
const figureCaptionChars = 300

// figureLike reports a div, span or table that holds an image and no more
// than a caption's worth of text, and no paragraph: an image with its
// caption built without <figure>.
func figureLike(n *html.Node) bool {
	if n.Data != "div" && n.Data != "span" && n.Data != "table" {
		return false
	}
	img, para, chars := false, false, 0
	var walk func(*html.Node, int)
	walk = func(x *html.Node, depth int) {
		if depth > 12 || para || chars > figureCaptionChars {
			return
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				chars += len(strings.TrimSpace(c.Data))
			case html.ElementNode:
				switch c.Data {
				case "img", "amp-img", "picture":
					img = img || !smallImage(c)
				case "p", "li", "h2", "h3", "h4", "blockquote":
					para = true
				}
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return img && !para && chars <= figureCaptionChars
}

// smallImage reports icons and emoji: images declared under 50 pixels wide.
func smallImage(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(a.Val, "emoji") {
			return true
		}
		if a.Key == "width" {
			w := 0
			for _, r := range a.Val {
				if r < '0' || r > '9' {
					break
				}
				w = w*10 + int(r-'0')
			}
			return w > 0 && w < 50
		}
	}
	return false
}

func hasDescendant(n *html.Node, tag string, depth int) bool {
	if depth > 12 {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == tag || hasDescendant(c, tag, depth+1)) {
			return true
		}
	}
	return false
}
