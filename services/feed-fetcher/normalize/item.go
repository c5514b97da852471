package normalize

import (
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/newsmon/newsmon/pkg/events"
)

// maxSummaryRunes bounds the summary; the content carries the full text.
const maxSummaryRunes = 4000

// item normalises one entry.
func item(it *gofeed.Item, base *url.URL, src Source, lang string, guids map[string]int, now time.Time) events.FeedItem {
	link := CanonicalLink(base, it.Link)
	if link == "" {
		for _, l := range it.Links {
			if link = CanonicalLink(base, l); link != "" {
				break
			}
		}
	}
	guid := strings.TrimSpace(it.GUID)
	if link == "" && looksLikeURL(guid) {
		link = CanonicalLink(base, guid)
	}
	fi := events.FeedItem{
		FeedURL:  src.Key,
		FeedName: src.Name,
		FeedTags: src.Tags,
		Language: lang,
		GUID:     guid,
		URL:      link,
		Title:    OneLine(it.Title),
	}
	content := PlainText(it.Content)
	summary := PlainText(it.Description)
	if content == summary {
		summary = ""
	}
	if summary == "" && content != "" {
		summary = firstParagraphs(content, maxSummaryRunes)
	} else if content == "" && strings.Contains(summary, "\n\n") && len([]rune(summary)) > maxSummaryRunes {
		content, summary = summary, firstParagraphs(summary, maxSummaryRunes)
	}
	fi.Summary = truncateRunes(strings.Join(strings.Fields(summary), " "), maxSummaryRunes)
	fi.Content = content
	if fi.Title == "" {
		fi.Title = truncateRunes(strings.Join(strings.Fields(summary), " "), 140)
	}
	fi.Authors = authors(it)
	fi.Categories = uniqueTrimmed(it.Categories, 30)
	fi.ImageURL = image(it, base)
	fi.PublishedAt, fi.UpdatedAt, fi.PublishedEstimated = dates(it, now)
	fi.ID = events.StableID(src.Key, identity(guid, guids, link, fi.Title, it))
	return fi
}

// identity is the entry's identity inside its feed: the guid when it is
// unique in the document, the guid and link when several entries share a
// guid, else the link, else title and date.
func identity(guid string, guids map[string]int, link, title string, it *gofeed.Item) string {
	switch {
	case guid != "" && guids[guid] == 1:
		return "guid:" + guid
	case guid != "":
		return "guid:" + guid + "\x00link:" + link + "\x00title:" + title
	case link != "":
		return "link:" + link
	}
	date := it.Published
	if date == "" {
		date = it.Updated
	}
	return "title:" + title + "\x00date:" + strings.TrimSpace(date)
}

func dates(it *gofeed.Item, now time.Time) (published, updated time.Time, estimated bool) {
	if it.UpdatedParsed != nil {
		updated = it.UpdatedParsed.UTC()
	} else if t, ok := ParseDate(it.Updated); ok {
		updated = t
	}
	switch {
	case it.PublishedParsed != nil:
		published = it.PublishedParsed.UTC()
	default:
		if t, ok := ParseDate(it.Published); ok {
			published = t
		} else if !updated.IsZero() {
			published = updated
		}
	}
	// A date far in the future or before the web is not believable.
	if published.IsZero() || published.After(now.Add(48*time.Hour)) || published.Year() < 1995 {
		return now.UTC(), updated, true
	}
	return published, updated, false
}

func authors(it *gofeed.Item) []string {
	var names []string
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		n := OneLine(p.Name)
		if n == "" {
			n = strings.TrimSpace(p.Email)
		}
		names = append(names, n)
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	return uniqueTrimmed(names, 20)
}

func image(it *gofeed.Item, base *url.URL) string {
	if it.Image != nil {
		if u := CanonicalLink(base, it.Image.URL); u != "" {
			return u
		}
	}
	for _, e := range it.Enclosures {
		if e != nil && strings.HasPrefix(e.Type, "image/") {
			if u := CanonicalLink(base, e.URL); u != "" {
				return u
			}
		}
	}
	for _, kind := range []string{"thumbnail", "content"} {
		for _, m := range it.Extensions["media"][kind] {
			if u := CanonicalLink(base, m.Attrs["url"]); u != "" && (kind == "thumbnail" || strings.HasPrefix(m.Attrs["medium"], "image") || strings.HasPrefix(m.Attrs["type"], "image/")) {
				return u
			}
		}
	}
	return ""
}

func uniqueTrimmed(in []string, limit int) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		s = OneLine(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
		if len(out) == limit {
			break
		}
	}
	return out
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func truncateRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n])) + "…"
	}
	return s
}

func firstParagraphs(s string, n int) string {
	paras := strings.Split(s, "\n\n")
	out := paras[0]
	for _, p := range paras[1:] {
		if len([]rune(out))+len([]rune(p)) > n {
			break
		}
		out += " " + p
	}
	return out
}
