// Package robots parses robots.txt files (RFC 9309) and answers whether a
// crawler may fetch a path. It keeps only the group that applies to one
// user agent, so a parsed file is small however long the original was.
package robots

import (
	"bufio"
	"bytes"
	"net/url"
	"strings"
	"time"
)

// MaxSize is how much of a robots.txt file is read; RFC 9309 asks crawlers
// to parse at least 500 KiB.
const MaxSize = 512 << 10

// Rules are the allow and disallow rules of the group that applies to one
// user agent.
type Rules struct {
	rules []rule
	// CrawlDelay is the group's Crawl-delay (not part of RFC 9309, but
	// widely used); 0 when absent.
	CrawlDelay time.Duration
}

type rule struct {
	allow   bool
	pattern string
}

// AllowAll is the answer for a site without a robots.txt (or one that
// answered 4xx).
var AllowAll = &Rules{}

// DisallowAll is the answer RFC 9309 prescribes for a site whose
// robots.txt cannot be read for a reason on the server's side.
var DisallowAll = &Rules{rules: []rule{{allow: false, pattern: "/"}}}

// Parse reads a robots.txt body and keeps the rules for agent (matched
// case-insensitively against each group's user-agent product tokens);
// when no group names agent, the "*" group applies. Unknown lines and
// malformed lines are ignored, as the RFC asks.
func Parse(body []byte, agent string) *Rules {
	if len(body) > MaxSize {
		body = body[:MaxSize]
	}
	agent = strings.ToLower(agent)
	var specific, star Rules
	haveSpecific := false
	// A group is one or more user-agent lines followed by rules; a
	// user-agent line after a rule starts a new group.
	var inSpecific, inStar, lastWasAgent bool
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), MaxSize)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !lastWasAgent {
				inSpecific, inStar = false, false
			}
			lastWasAgent = true
			token := strings.ToLower(val)
			if i := strings.IndexAny(token, "/ "); i >= 0 {
				token = token[:i]
			}
			switch {
			case token == "*":
				inStar = true
			case token != "" && token == agent:
				inSpecific, haveSpecific = true, true
			}
		case "allow", "disallow":
			lastWasAgent = false
			if val == "" {
				continue // "Disallow:" with no path allows everything.
			}
			r := rule{allow: key == "allow", pattern: normalise(val)}
			if inSpecific {
				specific.rules = append(specific.rules, r)
			}
			if inStar {
				star.rules = append(star.rules, r)
			}
		case "crawl-delay":
			lastWasAgent = false
			d, err := time.ParseDuration(val + "s")
			if err != nil || d < 0 {
				continue
			}
			if inSpecific {
				specific.CrawlDelay = d
			}
			if inStar {
				star.CrawlDelay = d
			}
		default:
			// Sitemap and unknown keys do not end a group.
		}
	}
	if haveSpecific {
		return &specific
	}
	return &star
}

// Allowed reports whether the path and query of u may be fetched. The
// longest matching rule wins; on a tie allow wins; no match allows.
func (r *Rules) Allowed(u *url.URL) bool {
	if r == nil || len(r.rules) == 0 {
		return true
	}
	target := u.EscapedPath()
	if target == "" {
		target = "/"
	}
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	if target == "/robots.txt" {
		return true
	}
	best, allowed := -1, true
	for _, rl := range r.rules {
		if !match(rl.pattern, target) {
			continue
		}
		n := len(rl.pattern)
		if n > best || (n == best && rl.allow) {
			best, allowed = n, rl.allow
		}
	}
	return allowed
}

// normalise percent-encodes a rule path the way URLs are compared
// (characters outside ASCII, spaces), keeping '*' and '$' as wildcards.
func normalise(p string) string {
	if !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "*") {
		p = "/" + p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c <= ' ' || c >= 0x7f {
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

const hexDigits = "0123456789ABCDEF"

// match reports whether pattern matches a prefix of target: '*' matches
// any run of characters and a final '$' anchors the end.
func match(pattern, target string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(target, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i, part := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(target[pos:], part)
		}
		j := strings.Index(target[pos:], part)
		if j < 0 {
			return false
		}
		pos += j + len(part)
	}
	return !anchored || pos == len(target)
}
