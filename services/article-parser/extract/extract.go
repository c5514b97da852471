// Package extract turns an article page into plain text and metadata. It
// runs go-trafilatura and go-readability (alone or combined), reads page
// metadata with goquery, and classifies pages that give no usable text
// (paywalls, bot challenges, non-HTML bodies, script-only pages) so the
// caller can fall back to the feed's own text.
package extract

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/newsmon/newsmon/pkg/events"
	"golang.org/x/net/html"
)

// Defaults for Options.
const (
	DefaultMaxBytes = 5 << 20
	DefaultMaxNodes = 250_000
	DefaultMinWords = 40
	// paywallMaxWords: a page with paywall signals whose extraction is
	// shorter than this is taken to show only a teaser.
	paywallMaxWords = 250
)

// Options tune one extraction. The zero value is ready to use.
type Options struct {
	// Method is events.MethodCombined (the default when empty),
	// events.MethodTrafilatura or events.MethodReadability.
	Method string
	// ContentType is the HTTP Content-Type header, used for the charset and
	// to refuse non-HTML bodies.
	ContentType string
	// MaxBytes caps the input; longer input is cut before parsing.
	MaxBytes int
	// MaxNodes caps the number of parsed HTML nodes.
	MaxNodes int
	// MinWords is the shortest extraction accepted as an article.
	MinWords int
}

func (o Options) withDefaults() Options {
	if o.Method == "" {
		o.Method = events.MethodCombined
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxNodes
	}
	if o.MinWords <= 0 {
		o.MinWords = DefaultMinWords
	}
	return o
}

// Result is one page's extracted text and metadata.
type Result struct {
	// Text is the body: plain text, paragraphs separated by a blank line.
	Text      string   `json:"text"`
	WordCount int      `json:"word_count"`
	Method    string   `json:"method"`
	Meta      Metadata `json:"meta"`
	// Encoding is the character encoding the page was decoded from.
	Encoding string `json:"encoding,omitempty"`
	// Truncated is true when the input was longer than Options.MaxBytes.
	Truncated bool `json:"truncated,omitempty"`
}

// Extract extracts the article text and metadata of one HTML page. When
// the page gives no usable text it returns an *UnusableError naming the
// reason, together with whatever metadata could be read.
func Extract(page []byte, pageURL string, opts Options) (Result, error) {
	opts = opts.withDefaults()
	var res Result
	if len(strings.TrimSpace(string(page[:min(len(page), 1024)]))) == 0 {
		return res, unusable(ReasonEmpty, "empty body")
	}
	if len(page) > opts.MaxBytes {
		page, res.Truncated = page[:opts.MaxBytes], true
	}
	if err := checkHTML(page, opts.ContentType); err != nil {
		return res, err
	}
	u, _ := url.Parse(pageURL)
	if u != nil && u.Host == "" {
		u = nil
	}
	utf, enc, err := toUTF8(page, opts.ContentType)
	if err != nil {
		return res, unusable(ReasonUnparseable, "%v", err)
	}
	res.Encoding = enc
	root, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return res, unusable(ReasonUnparseable, "parse HTML: %v", err)
	}
	if n := countNodes(root, opts.MaxNodes); n > opts.MaxNodes {
		return res, unusable(ReasonTooLarge, "more than %d HTML nodes", opts.MaxNodes)
	}
	doc := goquery.NewDocumentFromNode(root)
	var ld ldArticle
	res.Meta, ld = readMetadata(doc, u)
	stats := pageStats(root)
	if ok, why := botChallenge(doc, utf, stats); ok {
		return res, unusable(ReasonBotChallenge, "%s", why)
	}
	paywallElement := hasPaywallElement(root, 0)

	// Everything that reads the whole page is done: drop scripts, embeds
	// and page furniture so the extractors see the article's surroundings
	// only.
	stats.gate = prune(root)
	boiler := collectBoilerplate(doc, res.Meta.Title)
	// An extractor error leaves text empty, which is classified below.
	text, method, _ := run(root, u, opts.Method)
	text = trimEdges(boiler.strip(text))
	res.Text, res.Method = text, method
	res.WordCount = CountWords(text)
	if res.Meta.Language == "" && text != "" {
		res.Meta.Language = whatlanggo.DetectLang(text[:min(len(text), 2000)]).Iso6391()
	}
	if res.WordCount < paywallMaxWords {
		// Only a short text can be a paywall teaser; the page's visible
		// text (without its furniture) is searched for gate phrases.
		if paywalled, why := paywallSignal(ld, paywallElement, stats.visible); paywalled {
			return res, unusable(ReasonPaywall, "%s; only %d words visible", why, res.WordCount)
		}
	}
	switch {
	case res.WordCount >= opts.MinWords:
		return res, nil
	case stats.scripts > 0 && stats.visibleWords() < opts.MinWords && stats.scriptBytes > len(stats.visible()):
		return res, unusable(ReasonScriptOnly, "%d scripts (%d bytes) and %d visible words: page is rendered by JavaScript",
			stats.scripts, stats.scriptBytes, stats.visibleWords())
	default:
		return res, unusable(ReasonEmpty, "extraction gave %d words (minimum %d)", res.WordCount, opts.MinWords)
	}
}

// countNodes counts nodes under root, stopping once past limit.
func countNodes(root *html.Node, limit int) int {
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && n <= limit; c = c.NextSibling {
			n++
			walk(c)
		}
	}
	walk(root)
	return n
}
