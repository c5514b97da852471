package parser

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// site is an httptest news site: fixed routes plus scripted answers, with
// a count of requests per path.
type site struct {
	*httptest.Server
	mu     sync.Mutex
	pages  map[string]http.HandlerFunc
	hits   map[string]int
	agents map[string]bool
}

func newSite(t *testing.T) *site {
	s := &site{pages: map[string]http.HandlerFunc{}, hits: map[string]int{}, agents: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.agents[r.UserAgent()] = true
		h := s.pages[r.URL.Path]
		s.mu.Unlock()
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = h
}

func (s *site) html(path, body string) {
	s.handle(path, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(body))
	})
}

func (s *site) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// articlePage is an invented news page about a chip supplier; canonical
// is its rel=canonical (empty for none); marker is a word placed in every
// paragraph so tests can tell pages apart.
func articlePage(title, canonical, marker string, paras int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + title + ` | Harbour Ledger</title>`)
	b.WriteString(`<meta property="og:site_name" content="Harbour Ledger">`)
	b.WriteString(`<meta property="article:published_time" content="2026-02-10T09:30:00Z">`)
	if canonical != "" {
		b.WriteString(`<link rel="canonical" href="` + canonical + `">`)
	}
	b.WriteString(`</head><body><nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/tech">Tech</a></nav>`)
	b.WriteString(`<article><h1>` + title + `</h1><p class="byline">By Mara Velde</p>`)
	for i := range paras {
		fmt.Fprintf(&b, "<p>%s paragraph %d: the supplier of packaging equipment for AI accelerators said orders from two large foundries had doubled since the autumn, and that it would open a second assembly line in Penang before the end of the year to keep delivery times under six months.</p>", marker, i+1)
	}
	b.WriteString(`</article><footer>© 2026 Harbour Ledger. All rights reserved.</footer></body></html>`)
	return b.String()
}

// paywallPage shows a two-sentence teaser and a subscription gate.
func paywallPage(title string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + title + `</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"` + title + `","isAccessibleForFree":false}</script>
</head><body><article><h1>` + title + `</h1>
<p>The chip tool maker is weighing a bid for a smaller rival, people familiar with the talks said.</p>
<div class="paywall-gate"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div>
</article></body></html>`
}
