package slacktest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	linkRE    = regexp.MustCompile(`<([^<>]*)>`)
	goodLink  = regexp.MustCompile(`^https?://[^\s|<>]+\|[^|]+$`)
	bareURL   = regexp.MustCompile(`(?i)https?:`)
	broadcast = regexp.MustCompile(`(?i)@(channel|here|everyone)`)
	mention   = regexp.MustCompile(`@[\p{L}\p{N}_]`)
)

// Units is Slack's length of s (UTF-16 code units).
func Units(s string) int { return len(utf16.Encode([]rune(s))) }

// Check returns the problems in a message payload and the links it holds.
func Check(p map[string]any) (problems, links []string) {
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	text, _ := p["text"].(string)
	if strings.TrimSpace(text) == "" {
		bad("no fallback text")
	}
	if Units(text) > 4000 {
		bad("fallback text is %d long", Units(text))
	}
	for _, k := range []string{"unfurl_links", "unfurl_media", "link_names"} {
		if v, ok := p[k].(bool); !ok || v {
			bad("%s must be false", k)
		}
	}
	problems = append(problems, safeText("text", text, true, &links)...)
	blocks, _ := p["blocks"].([]any)
	if len(blocks) > 50 {
		bad("%d blocks (max 50)", len(blocks))
	}
	for i, raw := range blocks {
		b, _ := raw.(map[string]any)
		where := "blocks[" + strconv.Itoa(i) + "]"
		switch b["type"] {
		case "header":
			problems = append(problems, textObj(where+".text", b["text"], "plain_text", 150, &links)...)
		case "section":
			if b["text"] == nil && b["fields"] == nil {
				bad("%s: section without text or fields", where)
			}
			if b["text"] != nil {
				problems = append(problems, textObj(where+".text", b["text"], "", 3000, &links)...)
			}
			fields, _ := b["fields"].([]any)
			if len(fields) > 10 {
				bad("%s: %d fields (max 10)", where, len(fields))
			}
			for j, f := range fields {
				problems = append(problems, textObj(fmt.Sprintf("%s.fields[%d]", where, j), f, "", 2000, &links)...)
			}
		case "context":
			els, _ := b["elements"].([]any)
			if len(els) == 0 || len(els) > 10 {
				bad("%s: %d context elements (1 to 10)", where, len(els))
			}
			for j, e := range els {
				problems = append(problems, textObj(fmt.Sprintf("%s.elements[%d]", where, j), e, "", 2000, &links)...)
			}
		case "actions":
			els, _ := b["elements"].([]any)
			if len(els) == 0 || len(els) > 25 {
				bad("%s: %d action elements (1 to 25)", where, len(els))
			}
			for j, e := range els {
				btn, _ := e.(map[string]any)
				w := fmt.Sprintf("%s.elements[%d]", where, j)
				if btn["type"] != "button" {
					bad("%s: not a button", w)
					continue
				}
				problems = append(problems, textObj(w+".text", btn["text"], "plain_text", 75, &links)...)
				u, _ := btn["url"].(string)
				if Units(u) > 3000 || !strings.HasPrefix(u, "http") {
					bad("%s: button url %q", w, u)
				}
				links = append(links, u)
				if id, _ := btn["action_id"].(string); id == "" || len(id) > 255 {
					bad("%s: action_id %q", w, id)
				}
			}
		default:
			bad("%s: unexpected block type %v", where, b["type"])
		}
	}
	return problems, links
}

func textObj(where string, raw any, wantType string, limit int, links *[]string) []string {
	o, ok := raw.(map[string]any)
	if !ok {
		return []string{where + ": not a text object"}
	}
	typ, _ := o["type"].(string)
	s, _ := o["text"].(string)
	var out []string
	if wantType != "" && typ != wantType {
		out = append(out, fmt.Sprintf("%s: type %q, want %q", where, typ, wantType))
	}
	if typ != "plain_text" && typ != "mrkdwn" {
		out = append(out, fmt.Sprintf("%s: type %q", where, typ))
	}
	if s == "" {
		out = append(out, where+": empty text")
	}
	if n := Units(s); n > limit {
		out = append(out, fmt.Sprintf("%s: %d long (max %d)", where, n, limit))
	}
	if typ == "mrkdwn" {
		if v, _ := o["verbatim"].(bool); !v {
			out = append(out, where+": mrkdwn without verbatim: Slack would auto-link URLs and names")
		}
	}
	return append(out, safeText(where, s, typ == "mrkdwn", links)...)
}

// safeText checks a text for invisible or control characters, mentions,
// raw angle brackets and links other than <http(s)://...|label>.
func safeText(where, s string, markup bool, links *[]string) []string {
	var out []string
	if !utf8.ValidString(s) {
		out = append(out, where+": invalid UTF-8")
	}
	for _, r := range s {
		if (unicode.IsControl(r) && r != '\n') || unicode.Is(unicode.Cf, r) {
			out = append(out, fmt.Sprintf("%s: control or invisible character %U", where, r))
			break
		}
	}
	if broadcast.MatchString(s) || mention.MatchString(s) {
		out = append(out, where+": mention-shaped text: "+broadcast.FindString(s)+mention.FindString(s))
	}
	rest := s
	if markup {
		for _, m := range linkRE.FindAllStringSubmatch(s, -1) {
			if !goodLink.MatchString(m[1]) {
				out = append(out, fmt.Sprintf("%s: special sequence <%s>", where, m[1]))
				continue
			}
			*links = append(*links, strings.SplitN(m[1], "|", 2)[0])
		}
		rest = linkRE.ReplaceAllString(s, "")
		if strings.ContainsAny(rest, "<>") {
			out = append(out, where+": unescaped < or >")
		}
		for i := 0; i < len(rest); i++ {
			if rest[i] == '&' && !strings.HasPrefix(rest[i:], "&amp;") && !strings.HasPrefix(rest[i:], "&lt;") && !strings.HasPrefix(rest[i:], "&gt;") {
				out = append(out, where+": unescaped &")
				break
			}
		}
	}
	if bareURL.MatchString(rest) {
		out = append(out, where+": bare URL outside a link: "+bareURL.FindString(rest))
	}
	return out
}
