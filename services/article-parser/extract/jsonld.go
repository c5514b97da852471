package extract

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// maxJSONLD bounds the size of one JSON-LD block we decode.
const maxJSONLD = 1 << 20

// ldArticle is what we keep from a page's JSON-LD article object.
type ldArticle struct {
	Headline      string
	Authors       []string
	Published     string
	Modified      string
	Publisher     string
	Section       string
	Keywords      []string
	Image         string
	Language      string
	URL           string
	FreeAccess    *bool
	ArticleBodyLn int
}

// articleTypes are the schema.org types that describe a news article.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"blogposting": true, "liveblogposting": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"techarticle": true, "report": true, "socialmediaposting": true,
}

// parseJSONLD finds the first article object in the page's JSON-LD blocks,
// looking into arrays and @graph containers.
func parseJSONLD(doc *goquery.Document) (ldArticle, bool) {
	var found ldArticle
	ok := false
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		raw := s.Text()
		if len(raw) > maxJSONLD {
			return true
		}
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(raw)), &v); err != nil {
			return true
		}
		if obj := findArticle(v, 0); obj != nil {
			found, ok = readArticle(obj, graphIndex(v)), true
			return false
		}
		return true
	})
	return found, ok
}

func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		for _, typ := range strs(t["@type"]) {
			if articleTypes[strings.ToLower(typ)] {
				return t
			}
		}
		if g, ok := t["@graph"]; ok {
			return findArticle(g, depth+1)
		}
		// A WebPage whose mainEntity is the article.
		if me, ok := t["mainEntity"]; ok {
			return findArticle(me, depth+1)
		}
	}
	return nil
}

// graphIndex maps the @id of every object in a JSON-LD block's @graph (or
// top-level array) to the object, so an author given as {"@id": ...}
// can be looked up, as Yoast-style graphs do.
func graphIndex(v any) map[string]map[string]any {
	var list []any
	switch t := v.(type) {
	case []any:
		list = t
	case map[string]any:
		list, _ = t["@graph"].([]any)
	}
	idx := map[string]map[string]any{}
	for _, e := range list {
		if o, ok := e.(map[string]any); ok {
			if id, ok := o["@id"].(string); ok && id != "" {
				idx[id] = o
			}
		}
	}
	return idx
}

// resolveRefs replaces {"@id": ...} references (alone or in an array)
// with the objects they name.
func resolveRefs(v any, idx map[string]map[string]any) any {
	switch t := v.(type) {
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = resolveRefs(e, idx)
		}
		return out
	case map[string]any:
		if id, ok := t["@id"].(string); ok && t["name"] == nil {
			if o, ok := idx[id]; ok {
				return o
			}
		}
	}
	return v
}

func readArticle(o map[string]any, idx map[string]map[string]any) ldArticle {
	a := ldArticle{
		Headline:  first(strs(o["headline"])),
		Published: first(strs(o["datePublished"])),
		Modified:  first(strs(o["dateModified"])),
		Section:   first(strs(o["articleSection"])),
		Language:  first(strs(o["inLanguage"])),
		URL:       first(strs(o["url"])),
		Publisher: first(names(resolveRefs(o["publisher"], idx))),
		Image:     first(urls(o["image"])),
		Authors:   people(resolveRefs(o["author"], idx)),
	}
	if a.Headline == "" {
		a.Headline = first(strs(o["name"]))
	}
	for _, k := range strs(o["keywords"]) {
		for _, p := range strings.Split(k, ",") {
			if p = strings.TrimSpace(p); p != "" {
				a.Keywords = append(a.Keywords, p)
			}
		}
	}
	switch f := o["isAccessibleForFree"].(type) {
	case bool:
		a.FreeAccess = &f
	case string:
		b := strings.EqualFold(f, "true")
		a.FreeAccess = &b
	}
	if body, ok := o["articleBody"].(string); ok {
		a.ArticleBodyLn = len(body)
	}
	return a
}

// strs reads a JSON-LD value that may be a string or an array of strings.
func strs(v any) []string {
	switch t := v.(type) {
	case string:
		if s := strings.TrimSpace(t); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, strs(e)...)
		}
		return out
	case map[string]any:
		return strs(t["@value"])
	}
	return nil
}

// names reads persons or organisations: strings, objects with a name, or arrays of either.
func names(v any) []string {
	switch t := v.(type) {
	case string:
		return strs(t)
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, names(e)...)
		}
		return out
	case map[string]any:
		return strs(t["name"])
	}
	return nil
}

// people reads authors like names, but leaves out organisations: a
// publisher or desk named as author is a site-wide default, not a byline.
func people(v any) []string {
	switch t := v.(type) {
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, people(e)...)
		}
		return out
	case map[string]any:
		for _, typ := range strs(t["@type"]) {
			if strings.Contains(strings.ToLower(typ), "organization") {
				return nil
			}
		}
	}
	return names(v)
}

// urls reads an image: a URL string, an ImageObject, or an array of either.
func urls(v any) []string {
	switch t := v.(type) {
	case string:
		return strs(t)
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, urls(e)...)
		}
		return out
	case map[string]any:
		if u := strs(t["url"]); len(u) > 0 {
			return u
		}
		return strs(t["contentUrl"])
	}
	return nil
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
