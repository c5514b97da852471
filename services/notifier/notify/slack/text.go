package slack

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/alerts"
)

// Block Kit limits, counted in UTF-16 code units (which is never fewer
// than characters, so a text within them is within Slack's).
const (
	MaxHeader       = 150
	MaxSectionText  = 3000
	MaxFields       = 10
	MaxFieldText    = 2000
	MaxContextText  = 2000
	MaxContextElems = 10
	MaxButtonText   = 75
	MaxButtonURL    = 3000
	MaxBlocks       = 50
	MaxFallbackText = 3000
)

// Mention-shaped "@name" (Slack's legacy parsing could turn it into a
// mention) and scheme URLs (which could render as links) in story text.
var (
	mentionRE = regexp.MustCompile(`@([\p{L}\p{N}_])`)
	schemeRE  = regexp.MustCompile(`(?i)(h)tt(ps?)(:|%3a)`)
)

// defuse makes untrusted text inert before escaping: it cleans control and
// invisible characters, turns "@name" into "＠name" (FULLWIDTH COMMERCIAL AT)
// and defangs "http://" into "hxxp://", so no story text can mention
// anyone or render as a link, whatever Slack's parsing mode.
func defuse(s string) string {
	s = alerts.Clean(s)
	s = mentionRE.ReplaceAllString(s, "＠$1")
	return schemeRE.ReplaceAllString(s, "${1}xx${2}${3}")
}

// Mrkdwn returns untrusted text ready for a mrkdwn text object: defused,
// with &, < and > escaped as Slack requires, and cut to at most limit
// UTF-16 units, ending in "…" when cut. The cut never splits an escape
// sequence or a character.
func Mrkdwn(s string, limit int) string { return fit(defuse(s), limit, true) }

// Plain returns untrusted text ready for a plain_text object (headers,
// button labels): defused and cut like Mrkdwn, but not escaped, since
// plain_text is shown as is.
func Plain(s string, limit int) string { return fit(defuse(s), limit, false) }

func escRune(r rune, esc bool) string {
	if esc {
		switch r {
		case '&':
			return "&amp;"
		case '<':
			return "&lt;"
		case '>':
			return "&gt;"
		}
	}
	return string(r)
}

func units(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// Units is the length of s in UTF-16 code units.
func Units(s string) int { return len(utf16.Encode([]rune(s))) }

func fit(s string, limit int, esc bool) string {
	if limit <= 0 {
		return ""
	}
	if out, whole := cut(s, limit, esc); whole {
		return out
	}
	out, _ := cut(s, limit-1, esc) // room for the ellipsis
	return out + "…"
}

// cut escapes s rune by rune while it fits in limit units; whole reports
// whether all of s fitted.
func cut(s string, limit int, esc bool) (out string, whole bool) {
	var b strings.Builder
	used := 0
	for _, r := range s {
		p := escRune(r, esc)
		n := len(p) - utf8.RuneLen(r) + units(r) // escapes are ASCII
		if used+n > limit {
			return b.String(), false
		}
		b.WriteString(p)
		used += n
	}
	return b.String(), true
}

// LinkURL returns u ready for Slack's <url|label> syntax and for button
// URLs, or "" when u is not an absolute http(s) URL or is longer than
// MaxButtonURL. Characters that would end the link syntax are
// percent-encoded and & is escaped.
func LinkURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return ""
	}
	s := p.String()
	if strings.ContainsAny(s, " \t\r\n") || !utf8.ValidString(s) {
		return ""
	}
	s = strings.NewReplacer("|", "%7C", "<", "%3C", ">", "%3E").Replace(s)
	s = strings.ReplaceAll(s, "&", "&amp;")
	if Units(s) > MaxButtonURL {
		return ""
	}
	return s
}

// ButtonURL is LinkURL without the & escape: button URLs are JSON strings,
// not mrkdwn.
func ButtonURL(u string) string {
	return strings.ReplaceAll(LinkURL(u), "&amp;", "&")
}

// Link renders <url|label> with an untrusted label, or just the label when
// the URL is unusable. The result is at most limit units.
func Link(u, label string, limit int) string {
	lu := LinkURL(u)
	if lu == "" || Units(lu)+4 > limit {
		return Mrkdwn(label, limit)
	}
	l := Mrkdwn(strings.ReplaceAll(label, "|", "¦"), limit-Units(lu)-3)
	if l == "" {
		l = Mrkdwn("link", limit-Units(lu)-3)
	}
	return "<" + lu + "|" + l + ">"
}
