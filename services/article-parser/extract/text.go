package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags start a new line when rendering text. Besides HTML block
// elements it holds the tags go-trafilatura uses in its output tree (head,
// list, item, quote, row, lb).
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "thead": true, "tbody": true, "tfoot": true, "caption": true,
	"section": true, "article": true, "main": true, "header": true, "footer": true, "aside": true,
	"nav": true, "figure": true, "figcaption": true, "address": true, "details": true, "summary": true,
	"form": true, "fieldset": true, "hr": true, "br": true,
	"head": true, "list": true, "item": true, "quote": true, "row": true, "lb": true,
}

// skipTags never hold reader-visible text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "embed": true, "canvas": true, "audio": true, "video": true,
	"select": true, "option": true, "button": true, "input": true, "textarea": true,
}

// RenderText renders the text under n as plain text: one paragraph per
// block element, paragraphs separated by a blank line, runs of white space
// collapsed to one space.
func RenderText(n *html.Node) string {
	var r textRenderer
	r.walk(n, 0)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type textRenderer struct {
	cur   strings.Builder
	space bool
	paras []string
}

// maxRenderDepth bounds recursion; the HTML parser already refuses deeper trees.
const maxRenderDepth = 1024

func (r *textRenderer) walk(n *html.Node, depth int) {
	if depth > maxRenderDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.Data] || hiddenNode(n) {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		r.flush()
	} else if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th" || n.Data == "cell") {
		r.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, depth+1)
	}
	if block {
		r.flush()
	}
}

func (r *textRenderer) text(s string) {
	for len(s) > 0 {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i != 0 {
			word := s
			if i > 0 {
				word = s[:i]
			}
			if r.space && r.cur.Len() > 0 {
				r.cur.WriteByte(' ')
			}
			r.space = false
			r.cur.WriteString(word)
			if i < 0 {
				return
			}
			s = s[i:]
			continue
		}
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		r.space = true
	}
}

func (r *textRenderer) flush() {
	if r.cur.Len() > 0 {
		r.paras = append(r.paras, r.cur.String())
		r.cur.Reset()
	}
	r.space = false
}

// hiddenNode reports elements a reader cannot see.
func hiddenNode(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// NormalizeText cleans extractor output: it trims every line, drops empty
// lines and joins the remaining lines as paragraphs separated by a blank line.
func NormalizeText(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n\n")
}

// isCJK reports runes that are written without spaces between words; each
// such rune counts as one word.
func isCJK(r rune) bool {
	if r < 0x0E00 {
		// Below Thai: Latin, Greek, Cyrillic, Arabic, Indic and the rest.
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) ||
		unicode.Is(unicode.Thai, r)
}

// CountWords counts words: runs of letters and digits, where every CJK
// character is a word of its own (Chinese and Japanese put no spaces
// between words, so a character count is the usual measure).
func CountWords(s string) int {
	n := 0
	inWord := false
	for _, r := range s {
		switch {
		case isCJK(r):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_':
			if !inWord {
				n++
				inWord = true
			}
		case (r == '\'' || r == '’' || r == '-') && inWord:
			// Contractions and hyphenated words stay one word.
		default:
			inWord = false
		}
	}
	return n
}
