package extract

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Reason names why a page could not be used; it becomes
// events.Extraction.FallbackReason.
type Reason string

// Reasons for falling back to the feed's own text.
const (
	ReasonPaywall      Reason = "paywall"
	ReasonBotChallenge Reason = "bot_challenge"
	ReasonBlocked      Reason = "blocked"
	ReasonNotHTML      Reason = "not_html"
	ReasonEmpty        Reason = "empty"
	ReasonScriptOnly   Reason = "script_only"
	ReasonTooLarge     Reason = "too_large"
	ReasonUnparseable  Reason = "unparseable"
	ReasonHTTPStatus   Reason = "http_status"
	ReasonFetchError   Reason = "fetch_error"
	ReasonRobots       Reason = "robots"
	// ReasonRateLimited: the site kept answering 429 (or 503 with
	// Retry-After) past the retry budget.
	ReasonRateLimited Reason = "rate_limited"
	// ReasonAddressBlocked: the address guard refused the host (private,
	// loopback or metadata address not allow-listed).
	ReasonAddressBlocked Reason = "address_blocked"
	// ReasonBadURL: the item's link is not a fetchable http(s) URL.
	ReasonBadURL Reason = "bad_url"
	// ReasonRedirect: a redirect loop or too many redirects.
	ReasonRedirect Reason = "redirect"
)

// UnusableError says a page cannot give an article text, and why.
type UnusableError struct {
	Reason Reason
	Detail string
}

func (e *UnusableError) Error() string {
	return fmt.Sprintf("extract: unusable page (%s): %s", e.Reason, e.Detail)
}

func unusable(r Reason, format string, args ...any) error {
	return &UnusableError{Reason: r, Detail: fmt.Sprintf(format, args...)}
}

// ReasonOf returns the Reason carried by err, or "" when err carries none.
func ReasonOf(err error) Reason {
	var u *UnusableError
	if errors.As(err, &u) {
		return u.Reason
	}
	return ""
}

// checkHTML refuses bodies that are not HTML, judged by the declared
// content type and by sniffing the first bytes (servers mislabel PDFs).
func checkHTML(body []byte, contentType string) error {
	head := bytes.TrimLeft(body[:min(len(body), 512)], " \t\r\n\ufeff")
	if bytes.HasPrefix(head, []byte("%PDF-")) {
		return unusable(ReasonNotHTML, "body is a PDF document")
	}
	if contentType != "" {
		mt, _, err := mime.ParseMediaType(contentType)
		if err == nil && !htmlish(mt) {
			return unusable(ReasonNotHTML, "content type %s", mt)
		}
	}
	sniffed, _, _ := strings.Cut(http.DetectContentType(body), ";")
	switch {
	case strings.HasPrefix(sniffed, "text/"):
	case sniffed == "application/octet-stream" && !bytes.ContainsRune(head, 0):
	default:
		return unusable(ReasonNotHTML, "body sniffed as %s", sniffed)
	}
	return nil
}

func htmlish(mt string) bool {
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml", "application/octet-stream":
		return true
	}
	return false
}

// challengeMarkers are strings found on bot-challenge and captcha pages.
var challengeMarkers = []string{
	"cf-browser-verification", "challenge-platform", "_cf_chl_opt", "cf-chl-", "cf_captcha_kind",
	"g-recaptcha", "h-captcha", "hcaptcha.com", "captcha-delivery.com", "px-captcha", "perimeterx",
	"checking your browser", "verify you are a human", "verify you are human", "are you a robot",
	"enable javascript and cookies to continue", "unusual traffic from your computer",
	"please complete the security check", "access denied | ",
}

// challengeTitles are whole page titles of bot-challenge interstitials.
var challengeTitles = []string{
	"just a moment...", "just a moment…", "attention required! | cloudflare", "access denied",
	"security check", "are you a robot?", "captcha", "robot check", "please verify you are a human",
	"one more step", "ddos-guard", "pardon our interruption",
}

// botChallenge reports whether the page is an anti-bot interstitial. Only
// short pages qualify: a long article that embeds a captcha in its comment
// form is still an article.
func botChallenge(doc *goquery.Document, raw []byte, stats *pageStat) (bool, string) {
	title := strings.ToLower(strings.TrimSpace(doc.Find("title").First().Text()))
	for _, t := range challengeTitles {
		if title == t {
			return true, "challenge page title " + fmt.Sprintf("%q", title)
		}
	}
	if stats.wordsOver(300) {
		return false, ""
	}
	low := bytes.ToLower(raw[:min(len(raw), 64<<10)])
	for _, m := range challengeMarkers {
		if bytes.Contains(low, []byte(m)) {
			return true, "challenge marker " + fmt.Sprintf("%q", m)
		}
	}
	return false, ""
}

// paywallMarkers are class or id substrings of paywall overlays and
// subscriber-only gates; paywallClasses are whole class names.
var (
	paywallMarkers = []string{"paywall", "subscriber-only", "subscription-wall", "regwall", "barrier"}
	paywallClasses = map[string]bool{"piano-offer": true, "tp-modal": true, "meteredcontent": true}
)

// hasPaywallElement walks the tree once looking for a paywall container
// (a class or id naming a paywall, or a data-paywall attribute).
func hasPaywallElement(n *html.Node, depth int) bool {
	if depth > maxRenderDepth {
		return false
	}
	if n.Type == html.ElementNode && hasPaywallAttr(n) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && hasPaywallElement(c, depth+1) {
			return true
		}
	}
	return false
}

// hasPaywallAttr reports whether n's class, id or attributes name a paywall.
func hasPaywallAttr(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "data-paywall":
			return true
		case "class", "id":
			v := strings.ToLower(a.Val)
			for _, m := range paywallMarkers {
				if strings.Contains(v, m) {
					return true
				}
			}
			if a.Key == "class" {
				for _, c := range strings.Fields(v) {
					if paywallClasses[c] {
						return true
					}
				}
			}
		}
	}
	return false
}

// paywallPhrases are gate texts shown instead of the article.
var paywallPhrases = []string{
	"subscribe to continue reading", "subscribe to read", "this article is for subscribers",
	"for subscribers only", "already a subscriber", "to continue reading, subscribe",
	"subscribe now to read", "register to continue reading", "unlock this article",
	"become a member to read", "subscribe to unlock", "subscribe to keep reading", "订阅后阅读", "订阅以继续阅读", "付费内容",
}

// paywallSignal reports evidence that the page gates its text: JSON-LD
// isAccessibleForFree=false, a paywall container, or gate phrases in the
// visible text (rendered only when needed).
func paywallSignal(ld ldArticle, element bool, visible func() string) (bool, string) {
	if ld.FreeAccess != nil && !*ld.FreeAccess {
		return true, "JSON-LD isAccessibleForFree is false"
	}
	if element {
		return true, "paywall element in page"
	}
	low := strings.ToLower(visible())
	for _, p := range paywallPhrases {
		if strings.Contains(low, p) {
			return true, fmt.Sprintf("paywall phrase %q", p)
		}
	}
	return false, ""
}

// pageStat holds a page's script statistics and, computed on first use,
// its visible text.
type pageStat struct {
	scripts, scriptBytes int
	body                 *html.Node
	text                 *string
	// gate is the text of the subscription prompts prune removed.
	gate  string
	words int
}

// pageStats counts script elements and bytes. Call it before prune; the
// visible text is rendered later, on first use, from the pruned tree
// (page furniture does not count as visible text).
func pageStats(root *html.Node) *pageStat {
	st := &pageStat{body: root, words: -1}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxRenderDepth {
			return
		}
		if n.Type == html.ElementNode && n.Data == "script" {
			st.scripts++
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				st.scriptBytes += len(c.Data)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	if b := findElement(root, "body", 0); b != nil {
		st.body = b
	}
	return st
}

// visible returns the page's visible text.
func (st *pageStat) visible() string {
	if st.text == nil {
		t := RenderText(st.body)
		if st.gate != "" {
			t += "\n\n" + st.gate
		}
		st.text = &t
	}
	return *st.text
}

// visibleWords counts the words of the visible text.
func (st *pageStat) visibleWords() int {
	if st.words < 0 {
		st.words = CountWords(st.visible())
	}
	return st.words
}

// wordsOver reports whether the page shows more than limit words, walking
// the tree only as far as needed (words split by inline tags count twice,
// which is close enough for a threshold).
func (st *pageStat) wordsOver(limit int) bool {
	n := 0
	var walk func(*html.Node, int) bool
	walk = func(x *html.Node, depth int) bool {
		if depth > maxRenderDepth {
			return false
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				n += CountWords(c.Data)
				if n > limit {
					return true
				}
			case html.ElementNode:
				if !skipTags[c.Data] && !hiddenNode(c) && walk(c, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return walk(st.body, 0)
}

func findElement(n *html.Node, tag string, depth int) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	if depth > 4 {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag, depth+1); f != nil {
			return f
		}
	}
	return nil
}
