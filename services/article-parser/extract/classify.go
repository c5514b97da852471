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
func botChallenge(doc *goquery.Document, raw []byte, visibleWords int) (bool, string) {
	title := strings.ToLower(strings.TrimSpace(doc.Find("title").First().Text()))
	for _, t := range challengeTitles {
		if title == t {
			return true, "challenge page title " + fmt.Sprintf("%q", title)
		}
	}
	if visibleWords > 300 {
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

// paywallSelectors match paywall overlays and subscriber-only gates.
var paywallSelectors = `.paywall, #paywall, [class*="paywall"], [id*="paywall"], .piano-offer, .tp-modal,
	[class*="subscriber-only"], [class*="subscription-wall"], [class*="regwall"], [data-paywall], .meteredContent`

// paywallPhrases are gate texts shown instead of the article.
var paywallPhrases = []string{
	"subscribe to continue reading", "subscribe to read", "this article is for subscribers",
	"for subscribers only", "already a subscriber", "to continue reading, subscribe",
	"subscribe now to read", "register to continue reading", "unlock this article",
	"become a member to read", "订阅后阅读", "订阅以继续阅读", "付费内容",
}

// paywallSignal reports evidence that the page gates its text: JSON-LD
// isAccessibleForFree=false, paywall containers, or gate phrases.
func paywallSignal(doc *goquery.Document, ld ldArticle, visible string) (bool, string) {
	if ld.FreeAccess != nil && !*ld.FreeAccess {
		return true, "JSON-LD isAccessibleForFree is false"
	}
	if doc.Find(paywallSelectors).Length() > 0 {
		return true, "paywall element in page"
	}
	low := strings.ToLower(visible)
	for _, p := range paywallPhrases {
		if strings.Contains(low, p) {
			return true, fmt.Sprintf("paywall phrase %q", p)
		}
	}
	return false, ""
}

// pageStats counts script elements and bytes, and renders the page's visible text.
func pageStats(root *html.Node) (scripts, scriptBytes int, visible string) {
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxRenderDepth {
			return
		}
		if n.Type == html.ElementNode && n.Data == "script" {
			scripts++
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				scriptBytes += len(c.Data)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	body := root
	if b := findElement(root, "body", 0); b != nil {
		body = b
	}
	return scripts, scriptBytes, RenderText(body)
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
