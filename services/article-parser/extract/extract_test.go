package extract

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// articleBody returns n invented paragraphs of plain article prose.
func articleBody(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<p>Paragraph %d: the chipmaker said on Tuesday that demand for its accelerators kept rising through the quarter, and that it expected to add capacity at two plants before the end of the year, according to a statement sent to investors and reporters.</p>\n", i+1)
	}
	return b.String()
}

func page(title, body string) []byte {
	return []byte("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
		"</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/tech\">Tech</a></nav><article><h1>" + title +
		"</h1>" + body + "</article><footer>© Example News</footer></body></html>")
}

func TestExtractArticle(t *testing.T) {
	res, err := Extract(page("Chipmaker adds capacity", articleBody(6)), "https://news.test/a/1", Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if res.WordCount < 200 || !strings.Contains(res.Text, "Paragraph 6:") {
		t.Fatalf("text too short or missing the end (%d words): %q", res.WordCount, res.Text)
	}
	if strings.Contains(res.Text, "Example News") || strings.Contains(res.Text, "Home Tech") {
		t.Errorf("boilerplate kept: %q", res.Text)
	}
	if got := strings.Count(res.Text, "\n\n"); got != 5 {
		t.Errorf("want 6 paragraphs separated by blank lines, got %d separators", got)
	}
	if res.Meta.Title != "Chipmaker adds capacity" || res.Meta.Language != "en" {
		t.Errorf("metadata: %+v", res.Meta)
	}
}

func TestExtractMethods(t *testing.T) {
	for _, m := range []string{"trafilatura", "readability", "combined"} {
		t.Run(m, func(t *testing.T) {
			res, err := Extract(page("Chip news", articleBody(5)), "https://news.test/a/2", Options{Method: m})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if !strings.Contains(res.Text, "Paragraph 3:") {
				t.Errorf("text: %q", res.Text)
			}
			if m != "combined" && res.Method != m {
				t.Errorf("method %q, want %q", res.Method, m)
			}
		})
	}
}

func TestExtractUnusable(t *testing.T) {
	challenge := []byte(`<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="challenge-running">Checking your browser before accessing news.test.</div><script>window._cf_chl_opt={cvId:'3'};</script></body></html>`)
	captcha := []byte(`<html><head><title>news.test</title></head><body><p>Please verify you are a human to continue.</p><div class="g-recaptcha" data-sitekey="x"></div></body></html>`)
	paywall := page("Deal talks", `<p>Two of the country's largest internet groups are in talks to invest in a model developer, people familiar with the matter said.</p><div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div>`)
	ldPaywall := page("Deal talks", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Deal talks","isAccessibleForFree":"False"}</script>`+articleBody(1))
	scriptOnly := []byte(`<!DOCTYPE html><html><head><title>App</title><script src="/main.js"></script></head><body><div id="root"></div><script>` + strings.Repeat("window.__STATE__.push({a:1});", 200) + `</script><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`)
	short := page("Brief", "<p>Markets closed higher on Friday.</p>")
	tests := map[string]struct {
		body        []byte
		contentType string
		want        Reason
	}{
		"cloudflare challenge":   {challenge, "text/html", ReasonBotChallenge},
		"captcha page":           {captcha, "text/html", ReasonBotChallenge},
		"paywall teaser":         {paywall, "text/html", ReasonPaywall},
		"json-ld not free":       {ldPaywall, "text/html", ReasonPaywall},
		"pdf by content type":    {[]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "application/pdf", ReasonNotHTML},
		"pdf labelled as html":   {[]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "text/html; charset=utf-8", ReasonNotHTML},
		"png image":              {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", ReasonNotHTML},
		"json api response":      {[]byte(`{"error":"not found"}`), "application/json", ReasonNotHTML},
		"empty body":             {nil, "text/html", ReasonEmpty},
		"whitespace body":        {[]byte("  \n\t "), "text/html", ReasonEmpty},
		"script-only page":       {scriptOnly, "text/html", ReasonScriptOnly},
		"too short":              {short, "text/html", ReasonEmpty},
		"100,000 nested divs":    {[]byte("<html><body>" + strings.Repeat("<div>", 100_000) + "deep" + strings.Repeat("</div>", 100_000)), "text/html", ReasonUnparseable},
		"binary garbage as html": {bytes.Repeat([]byte{0, 1, 2, 3, 0xff}, 200), "text/html", ReasonNotHTML},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Extract(tc.body, "https://news.test/a/3", Options{ContentType: tc.contentType})
			if got := ReasonOf(err); got != tc.want {
				t.Fatalf("reason %q (err %v), want %q", got, err, tc.want)
			}
			var u *UnusableError
			if !errors.As(err, &u) || u.Detail == "" {
				t.Errorf("want an *UnusableError with a detail, got %v", err)
			}
		})
	}
}

func TestExtractTruncatedHTML(t *testing.T) {
	full := page("Cut short", articleBody(8))
	cut := full[:len(full)*2/3]
	res, err := Extract(cut, "https://news.test/a/4", Options{})
	if err != nil {
		t.Fatalf("Extract truncated page: %v", err)
	}
	if !strings.Contains(res.Text, "Paragraph 4:") {
		t.Errorf("text of truncated page: %q", res.Text)
	}
}

func TestExtractHugePageIsCapped(t *testing.T) {
	// 50 MB: an article followed by megabytes of repeated rail markup.
	var b bytes.Buffer
	b.Write(page("Huge page", articleBody(6)))
	filler := []byte(`<div class="rail"><a href="/x">Another story you might like to read today</a></div>` + "\n")
	for b.Len() < 50<<20 {
		b.Write(filler)
	}
	res, err := Extract(b.Bytes(), "https://news.test/a/5", Options{})
	if !res.Truncated {
		t.Errorf("want Truncated for a 50 MB page")
	}
	if err != nil && ReasonOf(err) == "" {
		t.Fatalf("unclassified error: %v", err)
	}
	if err == nil && !strings.Contains(res.Text, "Paragraph 2:") {
		t.Errorf("article text lost: %.200q", res.Text)
	}
}

func TestExtractNodeCap(t *testing.T) {
	body := strings.Repeat("<span>x</span>", 5000)
	_, err := Extract(page("Many nodes", body), "https://news.test/a/6", Options{MaxNodes: 1000})
	if ReasonOf(err) != ReasonTooLarge {
		t.Fatalf("want too_large, got %v", err)
	}
}

func TestCharsets(t *testing.T) {
	ru := "Компания объявила о привлечении инвестиций в разработку ускорителей для искусственного интеллекта. "
	fr := "La société a annoncé une levée de fonds pour développer des accélérateurs dédiés à l'intelligence artificielle, a précisé le directeur général. "
	enc := func(e *charmap.Charmap, s string) string {
		b, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := map[string]struct {
		head, body  string
		contentType string
		want        string
	}{
		"undeclared windows-1251":             {"", enc(charmap.Windows1251, strings.Repeat(ru, 6)), "text/html", "Компания объявила"},
		"windows-1251 declared as utf-8":      {`<meta charset="utf-8">`, enc(charmap.Windows1251, strings.Repeat(ru, 6)), "text/html", "Компания объявила"},
		"windows-1251 declared as iso-8859-1": {`<meta charset="iso-8859-1">`, enc(charmap.Windows1251, strings.Repeat(ru, 6)), "", "Компания объявила"},
		"undeclared iso-8859-1":               {"", enc(charmap.ISO8859_1, strings.Repeat(fr, 5)), "text/html", "La société a annoncé"},
		"utf-8 declared as iso-8859-1":        {`<meta charset="iso-8859-1">`, strings.Repeat(fr, 5), "text/html; charset=iso-8859-1", "La société a annoncé"},
		"utf-8 declared as windows-1251":      {`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, strings.Repeat(ru, 6), "", "Компания объявила"},
		"declared windows-1251":               {`<meta charset="windows-1251">`, enc(charmap.Windows1251, strings.Repeat(ru, 6)), "", "Компания объявила"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			html := "<html><head>" + tc.head + "<title>t</title></head><body><article><p>" + tc.body + "</p></article></body></html>"
			res, err := Extract([]byte(html), "https://news.test/a/7", Options{ContentType: tc.contentType})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if !strings.Contains(res.Text, tc.want) {
				t.Errorf("decoded as %s: %.120q", res.Encoding, res.Text)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	tests := map[string]int{
		"":                               0,
		"Nvidia's H200 chips, approved.": 4,
		"state-backed fund":              2,
		"腾讯与阿里巴巴":                        7,
		"深度求索（DeepSeek）估值约100亿美元":         12,
		"Компания объявила о привлечении": 4,
	}
	for in, want := range tests {
		if got := CountWords(in); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestPaywallTeaserWithoutPrompt: a gated page gives its visible teaser
// as text, without the subscription prompt, and is still reported as a
// paywall.
func TestPaywallTeaserWithoutPrompt(t *testing.T) {
	page, err := os.ReadFile("../testdata/paywall/paywall-barrier-memory-prices.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(page, "https://meridianmarkets.test/tech/memory-prices-ai-servers", Options{})
	if ReasonOf(err) != ReasonPaywall {
		t.Errorf("reason %q (%v), want paywall", ReasonOf(err), err)
	}
	paras := strings.Split(res.Text, "\n\n")
	if len(paras) != 2 || !strings.HasPrefix(paras[0], "Contract prices for the memory chips") ||
		!strings.HasPrefix(paras[1], "Buyers of ordinary PCs") {
		t.Errorf("text is not the two teaser paragraphs:\n%s", res.Text)
	}
	for _, gate := range []string{"keep reading", "$2 a week", "Already a subscriber", "Daily briefings"} {
		if strings.Contains(res.Text, gate) {
			t.Errorf("subscription prompt %q in text", gate)
		}
	}
}
