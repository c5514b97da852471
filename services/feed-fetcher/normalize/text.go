package normalize

import (
	"html"
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxTextRunes bounds one text field, so a hostile feed cannot publish
// messages of unbounded size.
const maxTextRunes = 200_000

// PlainText turns an HTML fragment (or plain text with entities) into plain
// text: tags removed, entities decoded, scripts and styles dropped, block
// elements separated by blank lines, whitespace inside a paragraph collapsed.
func PlainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return tidyParagraphs(s)
	}
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return tidyParagraphs(b.String())
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Noscript || a == atom.Template:
				if tt == xhtml.StartTagToken {
					skip++
				}
			case a == atom.Br:
				b.WriteString("\n")
			case isBlock(a):
				b.WriteString("\n\n")
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Noscript || a == atom.Template:
				if skip > 0 {
					skip--
				}
			case isBlock(a):
				b.WriteString("\n\n")
			}
		}
		if b.Len() > maxTextRunes*4 {
			return tidyParagraphs(b.String())
		}
	}
}

// OneLine is PlainText collapsed to a single line (for titles).
func OneLine(s string) string {
	return strings.Join(strings.Fields(PlainText(s)), " ")
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Pre, atom.Tr, atom.Table, atom.Section, atom.Article, atom.Figure,
		atom.Figcaption, atom.Hr, atom.Header, atom.Footer, atom.Dd, atom.Dt:
		return true
	}
	return false
}

// tidyParagraphs decodes leftover entities, collapses whitespace inside
// each paragraph, keeps single line breaks as spaces and joins paragraphs
// with one blank line.
func tidyParagraphs(s string) string {
	s = html.UnescapeString(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		p = strings.Join(strings.FieldsFunc(p, isSpace), " ")
		if p != "" {
			paras = append(paras, p)
		}
	}
	out := strings.Join(paras, "\n\n")
	if r := []rune(out); len(r) > maxTextRunes {
		out = string(r[:maxTextRunes])
	}
	return out
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' }
