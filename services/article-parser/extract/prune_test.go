package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func pruned(t *testing.T, page string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	prune(root)
	var b strings.Builder
	if err := html.Render(&b, root); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPruneRemovesFurniture(t *testing.T) {
	var rail strings.Builder
	for range 40 {
		rail.WriteString(`<div class="story-card"><a href="/x"><h3>Rail headline</h3></a><p class="card-teaser">A teaser sentence long enough to count as a paragraph of text in a rail card.</p></div>`)
	}
	page := `<html><head><script>var state = {"big": true};</script><style>p{}</style></head><body>
<nav><a href="/">Home</a></nav><div class="cookie-banner"><p>We use cookies to run this site and to show you advertising that may interest you.</p></div>
<div class="layout"><div class="story-body ads-free">` + articleBody(6) + `<div class="related-inline"><a href="/y">Read more</a></div></div>
<section class="related-stories">` + rail.String() + `</section></div>
<div id="comments"><p>A reader comment that is long enough to count as a paragraph of text here.</p></div>
<aside class="rail">Most read</aside><footer>Footer text</footer><iframe src="https://ads.example/"></iframe><!-- build 123 -->
</body></html>`
	out := pruned(t, page)
	for _, gone := range []string{"<script", "<style", "<nav", "cookie", "Rail headline", "card-teaser", "comment", "Most read", "Footer text", "<iframe", "build 123", "related-inline"} {
		if strings.Contains(out, gone) {
			t.Errorf("%q survived pruning", gone)
		}
	}
	if !strings.Contains(out, "Paragraph 1:") || !strings.Contains(out, "Paragraph 6:") || !strings.Contains(out, "story-body ads-free") {
		t.Errorf("article text or its container was removed:\n%s", out)
	}
}

func TestPruneProtectsArticleInFurniture(t *testing.T) {
	// A syndicated story whose container is named like a partner rail, and
	// an article inside an <aside>, are both kept: they hold the main text.
	for name, wrap := range map[string][2]string{
		"partner class": {`<div class="partner-content">`, `</div>`},
		"aside":         {`<aside>`, `</aside>`},
		"footer":        {`<footer class="post">`, `</footer>`},
	} {
		out := pruned(t, `<html><body><div class="share">x</div>`+wrap[0]+articleBody(5)+wrap[1]+`</body></html>`)
		if !strings.Contains(out, "Paragraph 5:") {
			t.Errorf("%s: article removed:\n%s", name, out)
		}
		if strings.Contains(out, `class="share"`) {
			t.Errorf("%s: share bar kept", name)
		}
	}
}

func TestPruneReturnsPaywallGate(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<html><body><article><p>Short teaser of the story that continues behind the gate for paying readers.</p></article>
<div class="promo paywall-gate"><p>Subscribe to continue reading.</p></div>
<div class="offer-box"><h2>Subscribe to unlock this article</h2><p>Only $1 for 4 weeks.</p></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	gate := prune(root)
	out := RenderText(root)
	for _, g := range []string{"Subscribe to continue reading", "Subscribe to unlock", "Only $1"} {
		if strings.Contains(out, g) {
			t.Errorf("gate text %q left in the page", g)
		}
	}
	if !strings.Contains(gate, "Subscribe to continue reading") || !strings.Contains(gate, "Only $1") {
		t.Errorf("gate text %q: the paywall check needs it", gate)
	}
	if !strings.Contains(out, "Short teaser") {
		t.Error("teaser removed")
	}
}
