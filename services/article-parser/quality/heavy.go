package quality

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"strings"
)

// HeavyTargetBytes is roughly how large Heavy makes a page: the size of a
// big news site's article page with its state blobs and story rails.
const HeavyTargetBytes = 350 << 10

// Heavy returns c made as heavy as a large news site's article page: a
// tag-manager and app-state script of ~100 KB in the head, a style sheet,
// a mega menu, ad slots with iframes and tracking pixels, inline SVG icons,
// and a long related-story rail, "most read" list, comment section and
// footer after the article. The article and its gold markers are left as
// they are, so the expected text does not change and heavy pages are
// scored like the originals. The filler is deterministic per case.
func Heavy(c Case) Case {
	if bytes.HasPrefix(c.HTML, []byte{0xFE, 0xFF}) || bytes.HasPrefix(c.HTML, []byte{0xFF, 0xFE}) {
		return c // UTF-16 pages are left alone.
	}
	g := newFiller(c.Name)
	page := c.HTML
	page = insertAfterTag(page, "<head", g.headBlobs())
	page = insertAfterTag(page, "<body", g.megaMenu()+g.adSlot("leaderboard"))
	tail := g.adSlot("mid") + g.rail("related-stories", "More from the newsroom", 60) +
		g.mostRead() + g.comments() + g.rail("sponsored-content partner-rail", "From our partners", 30) +
		g.footer() + g.tailScripts()
	for len(page)+len(tail) < HeavyTargetBytes {
		tail += g.rail("more-stories", "Latest", 20)
	}
	page = insertBefore(page, "</body>", tail)
	out := c
	out.Name = c.Name + "+heavy"
	out.HTML = page
	return out
}

// HeavyCases returns the heavy version of every case.
func HeavyCases(cases []Case) []Case {
	out := make([]Case, len(cases))
	for i, c := range cases {
		out[i] = Heavy(c)
	}
	return out
}

// insertAfterTag inserts s after the first opening tag named like open
// ("<head"), or at the start when there is none.
func insertAfterTag(page []byte, open, s string) []byte {
	low := lowerASCII(page)
	i := bytes.Index(low, []byte(open))
	if i < 0 {
		return append([]byte(s), page...)
	}
	j := bytes.IndexByte(page[i:], '>')
	if j < 0 {
		return append(page, s...)
	}
	at := i + j + 1
	return append(page[:at:at], append([]byte(s), page[at:]...)...)
}

// insertBefore inserts s before the last occurrence of tag, or at the end.
func insertBefore(page []byte, tag, s string) []byte {
	i := bytes.LastIndex(lowerASCII(page), []byte(tag))
	if i < 0 {
		return append(page, s...)
	}
	return append(page[:i:i], append([]byte(s), page[i:]...)...)
}

// lowerASCII lower-cases A-Z only, keeping every byte offset (bytes.ToLower
// would change lengths on pages that are not UTF-8).
func lowerASCII(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// filler writes invented page furniture from small word lists, driven by a
// deterministic generator.
type filler struct{ state uint64 }

func newFiller(seed string) *filler {
	h := fnv.New64a()
	_, _ = h.Write([]byte(seed))
	return &filler{state: h.Sum64() | 1}
}

func (g *filler) next(n int) int {
	g.state ^= g.state << 13
	g.state ^= g.state >> 7
	g.state ^= g.state << 17
	return int(g.state % uint64(n))
}

var (
	subjects = []string{"Regulators", "Chipmakers", "Shipping lines", "Central bankers", "Carmakers", "Retailers",
		"Oil producers", "Startups", "Lawmakers", "Farmers", "Airlines", "Insurers", "Miners", "Hospitals"}
	verbs = []string{"brace for", "push back on", "race to meet", "quietly prepare for", "split over",
		"bet big on", "warn about", "cash in on", "scramble after", "weigh the cost of"}
	objects = []string{"new tariffs", "a cooler summer", "record demand", "the rate decision", "tighter rules",
		"a wave of mergers", "weaker exports", "cheaper batteries", "the election result", "labour shortages"}
	places = []string{"in Europe", "across Asia", "in Texas", "in the Gulf", "in Brazil", "at home", "in Ontario", "in Bavaria"}
)

func (g *filler) headline() string {
	return subjects[g.next(len(subjects))] + " " + verbs[g.next(len(verbs))] + " " + objects[g.next(len(objects))] + " " + places[g.next(len(places))]
}

func (g *filler) sentence() string {
	return "Analysts said " + strings.ToLower(g.headline()) + ", while " + strings.ToLower(subjects[g.next(len(subjects))]) +
		" " + verbs[g.next(len(verbs))] + " " + objects[g.next(len(objects))] + "."
}

func (g *filler) slug() string {
	return strings.ReplaceAll(strings.ToLower(g.headline()), " ", "-")
}

func (g *filler) headBlobs() string {
	var b strings.Builder
	b.WriteString("\n<style>")
	for i := range 260 {
		fmt.Fprintf(&b, ".c%d{margin:%dpx 0;padding:0 %dpx;font:400 %dpx/1.4 Georgia,serif;color:#%06x}", i, g.next(40), g.next(24), 12+g.next(10), g.next(1<<24))
	}
	b.WriteString("</style>\n<script>window.__APP_STATE__={\"route\":\"article\",\"stories\":[")
	for i := range 220 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"%x","headline":%q,"url":"/news/%s","teaser":%q,"tags":["markets","world"],"ts":%d}`,
			g.state, g.headline(), g.slug(), g.sentence(), 1767225600+g.next(9_000_000))
	}
	b.WriteString("],\"ads\":{\"slots\":[\"top\",\"mid\",\"rail\"],\"targeting\":{\"kw\":\"business\"}}};</script>\n")
	b.WriteString(`<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://tags.example/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-X1');</script>` + "\n")
	return b.String()
}

func (g *filler) icon() string {
	return `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2l3 7h7l-5.5 4 2 7-6.5-4.5L5.5 20l2-7L2 9h7z"/></svg>`
}

func (g *filler) megaMenu() string {
	var b strings.Builder
	b.WriteString("\n<div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to improve your experience and to show you relevant advertising. By continuing you agree to our use of cookies.</p><button>Accept all</button><button>Manage settings</button></div>\n")
	b.WriteString("<nav class=\"mega-menu\" aria-label=\"Sections\"><ul>")
	for range 12 {
		fmt.Fprintf(&b, "<li class=\"menu-section\">%s<a href=\"/%s/\">%s</a><ul>", g.icon(), g.slug(), subjects[g.next(len(subjects))])
		for range 14 {
			fmt.Fprintf(&b, "<li><a href=\"/topic/%s/\">%s</a></li>", g.slug(), objects[g.next(len(objects))])
		}
		b.WriteString("</ul></li>")
	}
	b.WriteString("</ul></nav>\n")
	return b.String()
}

func (g *filler) adSlot(name string) string {
	return fmt.Sprintf(`<div class="ad-slot ad-%s" data-ad-unit="/1234/news/%s"><span class="ad-label">Advertisement</span>`+
		`<iframe src="https://ads.example/frame?slot=%s" width="728" height="90" title="Advertisement"></iframe>`+
		`<noscript><img src="https://pixel.example/t.gif?slot=%s" width="1" height="1" alt=""></noscript></div>`+"\n", name, name, name, name)
}

func (g *filler) rail(class, heading string, cards int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<section class=\"%s\"><h2>%s</h2><div class=\"card-grid\">", class, heading)
	for range cards {
		fmt.Fprintf(&b, `<div class="story-card"><a class="card-link" href="/news/%s"><img src="https://img.example/%d.jpg" alt="">`+
			`<h3 class="card-title">%s</h3></a><p class="card-teaser">%s</p><span class="card-meta">%d min read</span>%s</div>`,
			g.slug(), g.next(1_000_000), g.headline(), g.sentence(), 2+g.next(9), g.icon())
	}
	b.WriteString("</div></section>\n")
	return b.String()
}

func (g *filler) mostRead() string {
	var b strings.Builder
	b.WriteString("<aside class=\"most-read\"><h2>Most read</h2><ol>")
	for range 10 {
		fmt.Fprintf(&b, "<li><a href=\"/news/%s\">%s</a></li>", g.slug(), g.headline())
	}
	b.WriteString("</ol></aside>\n")
	return b.String()
}

func (g *filler) comments() string {
	var b strings.Builder
	b.WriteString("<section id=\"comments\" class=\"comments\"><h2>Comments (24)</h2>")
	for i := range 24 {
		fmt.Fprintf(&b, "<div class=\"comment\"><span class=\"comment-author\">reader%d</span><p>%s %s</p><button>Reply</button></div>", i+1, g.sentence(), g.sentence())
	}
	b.WriteString("</section>\n")
	return b.String()
}

func (g *filler) footer() string {
	var b strings.Builder
	b.WriteString("<div class=\"site-footer-mega\"><div class=\"newsletter-signup\"><p>Get the morning briefing in your inbox every weekday.</p><input type=\"email\"><button>Sign up</button></div><ul class=\"footer-links\">")
	for range 60 {
		fmt.Fprintf(&b, "<li><a href=\"/%s/\">%s</a></li>", g.slug(), objects[g.next(len(objects))])
	}
	b.WriteString("</ul><p>© 2026 All rights reserved. Market data delayed by at least 15 minutes.</p></div>\n")
	return b.String()
}

func (g *filler) tailScripts() string {
	var b strings.Builder
	b.WriteString("<script type=\"application/json\" id=\"recirculation-data\">{\"modules\":[")
	for i := range 120 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"headline":%q,"path":"/news/%s","score":%d}`, g.headline(), g.slug(), g.next(1000))
	}
	b.WriteString("]}</script>\n")
	for i := range 6 {
		fmt.Fprintf(&b, "<script async src=\"https://cdn.example/bundle-%d.js\"></script>", i)
	}
	b.WriteString("<script>document.querySelectorAll('.story-card').forEach(function(c){c.addEventListener('click',function(){window.dataLayer.push({event:'card_click'})})});</script>\n")
	return b.String()
}
