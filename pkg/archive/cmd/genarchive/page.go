package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// sections are the navigation of every outlet's pages.
var sections = map[string][]string{
	"hsj": {"Markets", "Companies", "Technology", "Economy", "Opinion", "Wealth"},
	"ptw": {"AI", "Chips", "Startups", "Policy", "Gadgets", "Podcasts"},
	"cl":  {"Foundry", "Memory", "Equipment", "Policy", "Design", "Data"},
	"dm":  {"UK", "World", "Business", "Sport", "Culture", "Weather"},
	"amb": {"China", "Japan", "Korea", "India", "Commodities", "FX"},
	"co":  {"Congress", "White House", "Trade", "Courts", "States", "Analysis"},
	"sd":  {"Funding", "Deals", "Founders", "Europe", "Asia", "Newsletter"},
}

// allItemsCache lets pages show related stories from their outlet.
var allItemsCache []*item

func related(it *item, t time.Duration) []*item {
	var out []*item
	for _, o := range allItemsCache {
		if o.Outlet == it.Outlet && o != it && o.At <= t && o.At > t-36*time.Hour {
			out = append(out, o)
		}
	}
	if len(out) > 4 {
		out = out[len(out)-4:]
	}
	return out
}

// renderPage renders the article page as of t, in the outlet's charset.
func renderPage(it *item, t time.Duration) []byte {
	o := it.Outlet
	title, summary, paras, upd := it.state(t)
	pub, mod := start.Add(it.At), start.Add(upd)
	ld := map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "description": summary,
		"datePublished": pub.Format(time.RFC3339), "dateModified": mod.Format(time.RFC3339),
		"author":           []map[string]string{{"@type": "Person", "name": it.Author}},
		"publisher":        map[string]any{"@type": "Organization", "name": o.Name, "logo": map[string]string{"@type": "ImageObject", "url": o.Base + "/static/logo.png"}},
		"mainEntityOfPage": it.URL(), "articleSection": it.Section, "inLanguage": "en",
		"image": o.Base + "/img/" + it.Slug + ".jpg",
	}
	if len(it.Tags) > 0 {
		ld["keywords"] = strings.Join(it.Tags, ", ")
	}
	ldJSON, _ := json.Marshal(ld)
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"%s\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", o.Charset)
	fmt.Fprintf(&b, "<title>%s | %s</title>\n<meta name=\"description\" content=\"%s\">\n<link rel=\"canonical\" href=\"%s\">\n", esc(title), esc(o.Name), esc(summary), it.URL())
	fmt.Fprintf(&b, "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"%s\">\n<meta property=\"og:url\" content=\"%s\">\n<meta property=\"og:site_name\" content=\"%s\">\n<meta property=\"og:image\" content=\"%s/img/%s.jpg\">\n",
		esc(title), it.URL(), esc(o.Name), o.Base, it.Slug)
	fmt.Fprintf(&b, "<meta name=\"author\" content=\"%s\">\n<meta property=\"article:published_time\" content=\"%s\">\n<meta property=\"article:section\" content=\"%s\">\n",
		esc(it.Author), pub.Format(time.RFC3339), esc(it.Section))
	fmt.Fprintf(&b, "<link rel=\"stylesheet\" href=\"/static/%s.css\">\n<script type=\"application/ld+json\">%s</script>\n</head>\n<body class=\"article-page %s\">\n", o.Key, ldJSON, o.Key)
	fmt.Fprintf(&b, "<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">%s</a>\n<nav class=\"primary-nav\" aria-label=\"Sections\"><ul>", esc(o.Name))
	for _, s := range sections[o.Key] {
		fmt.Fprintf(&b, "<li><a href=\"/%s/\">%s</a></li>", strings.ToLower(strings.ReplaceAll(s, " ", "-")), s)
	}
	b.WriteString("</ul></nav>\n<div class=\"account\"><a href=\"/subscribe\">Subscribe</a> <a href=\"/login\">Sign in</a></div></header>\n")
	fmt.Fprintf(&b, "<main id=\"main\">\n<nav class=\"breadcrumbs\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/%s/\">%s</a></nav>\n<article class=\"story\">\n<h1 class=\"headline\">%s</h1>\n<p class=\"standfirst\">%s</p>\n",
		strings.ToLower(strings.ReplaceAll(it.Section, " ", "-")), esc(it.Section), esc(title), esc(summary))
	fmt.Fprintf(&b, "<div class=\"byline\">By <a rel=\"author\" href=\"/authors/%s\">%s</a> &middot; <time datetime=\"%s\">%s</time>",
		strings.ToLower(strings.ReplaceAll(it.Author, " ", "-")), esc(it.Author), pub.Format(time.RFC3339), pub.Format("2 January 2006, 15:04 MST"))
	if upd != it.At {
		fmt.Fprintf(&b, " &middot; Updated <time datetime=\"%s\">%s</time>", mod.Format(time.RFC3339), mod.Format("2 January 2006, 15:04 MST"))
	}
	b.WriteString("</div>\n<figure class=\"lead-image\"><img src=\"/img/" + it.Slug + ".jpg\" alt=\"\"><figcaption>File photo.</figcaption></figure>\n<div class=\"article-body\">\n")
	for i, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
		if i == 1 && len(paras) > 3 {
			b.WriteString("<aside class=\"inline-promo\"><p>Get our morning briefing in your inbox. <a href=\"/newsletters\">Sign up</a></p></aside>\n")
		}
	}
	b.WriteString("</div>\n<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Save</a> <a href=\"#\">Print</a></div>\n</article>\n")
	b.WriteString("<aside class=\"related-rail\"><h2>More from " + esc(o.Name) + "</h2><ul>")
	for _, r := range related(it, t) {
		rt, _, _, _ := r.state(t)
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>", r.URL(), esc(rt))
	}
	b.WriteString("</ul><h2>Most read</h2><ol><li><a href=\"/most-read/1\">Ten charts that explain the week</a></li><li><a href=\"/most-read/2\">How to read your energy bill</a></li></ol></aside>\n</main>\n")
	fmt.Fprintf(&b, "<footer class=\"site-footer\"><p>&copy; 2025 %s. All rights reserved.</p><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li><li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/terms\">Terms</a></li><li><a href=\"/cookies\">Cookie settings</a></li></ul></footer>\n</body>\n</html>\n", esc(o.Name))
	return encode(o, b.String())
}
