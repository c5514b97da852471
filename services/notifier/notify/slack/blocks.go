// Package slack renders alerts as Slack Block Kit messages and delivers
// them through an incoming webhook or a bot token (chat.postMessage,
// threads, chat.update). Every piece of story text is defused and escaped
// (see Mrkdwn) and every Block Kit limit is kept by safe truncation.
package slack

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/pkg/events"
)

// Message is a Slack message payload, as sent to an incoming webhook or to
// chat.postMessage / chat.update.
type Message struct {
	Channel  string  `json:"channel,omitempty"`
	TS       string  `json:"ts,omitempty"`
	ThreadTS string  `json:"thread_ts,omitempty"`
	Text     string  `json:"text"`
	Blocks   []Block `json:"blocks,omitempty"`
	// Never expand links, never turn names into mentions.
	UnfurlLinks bool `json:"unfurl_links"`
	UnfurlMedia bool `json:"unfurl_media"`
	LinkNames   bool `json:"link_names"`
}

// Block is one layout block.
type Block struct {
	Type     string `json:"type"`
	Text     *Text  `json:"text,omitempty"`
	Fields   []Text `json:"fields,omitempty"`
	Elements []any  `json:"elements,omitempty"`
}

// Text is a text object. Verbatim mrkdwn is not scanned by Slack for URLs,
// channel names or mentions.
type Text struct {
	Type     string `json:"type"`
	Text     string `json:"text"`
	Verbatim bool   `json:"verbatim,omitempty"`
}

// Button is a link button.
type Button struct {
	Type     string `json:"type"`
	Text     Text   `json:"text"`
	URL      string `json:"url"`
	ActionID string `json:"action_id"`
}

func mrkdwn(s string) *Text { return &Text{Type: "mrkdwn", Text: s, Verbatim: true} }
func plain(s string) *Text  { return &Text{Type: "plain_text", Text: s} }

var sevMark = map[events.Severity]string{events.SeverityHigh: "🔴", events.SeverityMedium: "🟠", events.SeverityLow: "🟡"}

// topicTitle turns "ai_investment" into "AI investment".
func topicTitle(t string) string {
	switch t {
	case "ai_investment":
		return "AI investment"
	case "chip_policy":
		return "Chip policy"
	}
	l := alerts.Label(t)
	if l == "" {
		return "Alert"
	}
	r, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(r)) + l[n:]
}

// AlertMessage renders an alert: a header, what kind of alert it is, the
// summary, what changed, the key facts as fields, the sources with links,
// a button to the article, and a plain-text fallback.
func AlertMessage(a events.Alert) Message {
	head := sevMark[a.Severity] + " "
	if a.Kind == events.AlertUpdate {
		head += "Update: "
	}
	blocks := []Block{{Type: "header", Text: plain(head + Plain(a.Headline, MaxHeader-Units(head)))}}

	intro := "*" + Mrkdwn(topicTitle(a.Topic), 100) + "* · " + Mrkdwn(string(a.Severity), 10) + " severity · "
	if a.Kind == events.AlertUpdate {
		intro += "update " + strconv.Itoa(a.Revision)
	} else {
		intro += "new story"
	}
	if !a.FirstSeenAt.IsZero() {
		intro += " · first seen " + a.FirstSeenAt.UTC().Format("2006-01-02 15:04 UTC")
	}
	if s := a.Summary; s != "" {
		intro += "\n" + Mrkdwn(s, MaxSectionText-Units(intro)-1)
	}
	blocks = append(blocks, Block{Type: "section", Text: mrkdwn(intro)})

	if len(a.Changes) > 0 {
		blocks = append(blocks, Block{Type: "section", Text: mrkdwn(bullets("*What changed*", alerts.Changes(a.Changes), MaxSectionText))})
	}
	if f := factFields(a); len(f) > 0 {
		blocks = append(blocks, Block{Type: "section", Fields: f})
	}
	if s := sourcesText(a.Sources); s != "" {
		blocks = append(blocks, Block{Type: "section", Text: mrkdwn(s)})
	}
	if u := ButtonURL(a.URL); u != "" {
		blocks = append(blocks, Block{Type: "actions", Elements: []any{Button{
			Type: "button", Text: *plain("Read the article"), URL: u, ActionID: "open_article"}}})
	}
	blocks = append(blocks, Block{Type: "context", Elements: []any{mrkdwn(
		"newsmon · story " + Mrkdwn(a.StoryID, 80) + " · revision " + strconv.Itoa(a.Revision) +
			" · confidence " + strconv.FormatFloat(a.Confidence, 'f', 2, 64))}})
	return Message{Text: Fallback(a), Blocks: blocks}
}

// Fallback is the plain-text version of an alert shown in notifications
// and by clients that cannot render blocks.
func Fallback(a events.Alert) string {
	s := "[" + strings.ToUpper(string(a.Severity)) + "] " + topicTitle(a.Topic) + ": " + a.Headline
	if f := alerts.FactsSummary(a.Facts); f != "" {
		s += " — " + f
	}
	return Mrkdwn(s, MaxFallbackText)
}

func bullets(title string, items []string, limit int) string {
	s := title
	for i, it := range items {
		line := "\n• " + Mrkdwn(it, 500)
		if Units(s)+Units(line) > limit-40 {
			s += "\n…and " + strconv.Itoa(len(items)-i) + " more"
			break
		}
		s += line
	}
	return s
}

func field(label, value string) Text {
	return Text{Type: "mrkdwn", Text: "*" + label + "*\n" + value, Verbatim: true}
}

func factFields(a events.Alert) []Text {
	const v = MaxFieldText - 100 // room for the label
	var out []Text
	if d := a.Facts.Deal; d != nil {
		deal := Mrkdwn(alerts.Label(d.Type), 200)
		if d.Status != "" {
			deal += " · " + Mrkdwn(alerts.Label(d.Status), 200)
		}
		if d.Round != "" {
			deal += " · " + Mrkdwn(d.Round, 200)
		}
		out = append(out, field("Deal", deal))
		if p := alerts.Parties(d); p != "" {
			out = append(out, field("Investors → target", Mrkdwn(p, v)))
		}
		if d.Amount != nil {
			out = append(out, field("Amount", Mrkdwn(alerts.FormatMoney(d.Amount), v)))
		}
		if d.Valuation != nil {
			out = append(out, field("Valuation", Mrkdwn(alerts.FormatMoney(d.Valuation), v)))
		}
	}
	if c := a.Facts.ChipPolicy; c != nil {
		if len(c.Jurisdictions) > 0 {
			out = append(out, field("Jurisdictions", Mrkdwn(strings.Join(c.Jurisdictions, " → "), v)))
		}
		act := Mrkdwn(alerts.Label(c.Action), 200)
		if c.Status != "" {
			act += " · " + Mrkdwn(alerts.Label(c.Status), 200)
		}
		out = append(out, field("Action", act))
		if len(c.Chips) > 0 {
			out = append(out, field("Chips", Mrkdwn(strings.Join(c.Chips, ", "), v)))
		}
		if len(c.Companies) > 0 {
			out = append(out, field("Companies", Mrkdwn(strings.Join(c.Companies, ", "), v)))
		}
	}
	out = append(out, field("Confidence", strconv.Itoa(int(a.Confidence*100+0.5))+"%"))
	if len(out) > MaxFields {
		out = out[:MaxFields]
	}
	return out
}

// sourcesText lists the sources as links, as many as fit in a section.
func sourcesText(src []events.Source) string {
	if len(src) == 0 {
		return ""
	}
	s := "*Sources*"
	for i, x := range src {
		label := x.Outlet
		if x.Title != "" {
			label += ": " + x.Title
		}
		line := "\n• " + Link(x.URL, label, 600)
		if Units(s)+Units(line) > MaxSectionText-40 {
			s += "\n…and " + strconv.Itoa(len(src)-i) + " more"
			break
		}
		s += line
	}
	return s
}

// DigestMessage renders several alerts as one message: a header, then one
// section per alert (as many as Block Kit allows), newest last.
func DigestMessage(title string, list []events.Alert) Message {
	blocks := []Block{{Type: "header", Text: plain(Plain(title, MaxHeader))}}
	shown := 0
	for _, a := range list {
		if len(blocks) >= MaxBlocks-2 {
			break
		}
		line := "*" + Link(a.URL, a.Headline, 1200) + "*\n" + Mrkdwn(topicTitle(a.Topic), 100) + " · " +
			Mrkdwn(string(a.Severity), 10) + " · confidence " + strconv.FormatFloat(a.Confidence, 'f', 2, 64)
		if f := alerts.FactsSummary(a.Facts); f != "" {
			line += "\n" + Mrkdwn(f, 1000)
		}
		blocks = append(blocks, Block{Type: "section", Text: mrkdwn(line)})
		shown++
	}
	foot := "newsmon digest · " + strconv.Itoa(len(list)) + " alerts"
	if rest := len(list) - shown; rest > 0 {
		foot += " · " + strconv.Itoa(rest) + " more not shown (see newsmon alerts tail)"
	}
	blocks = append(blocks, Block{Type: "context", Elements: []any{mrkdwn(foot)}})
	text := title
	for _, a := range list {
		text += "\n• " + a.Headline
	}
	return Message{Text: Mrkdwn(text, MaxFallbackText), Blocks: blocks}
}
