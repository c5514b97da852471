package slack_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/notifier/notify/slack"
	"github.com/newsmon/newsmon/services/notifier/notify/slack/slacktest"
)

// hostile are story texts an attacker could get into a headline.
var hostile = []string{
	"<!channel> Nvidia export ban",
	"<!here|here> urgent",
	"<!everyone>",
	"<@U123ABC> look at this",
	"<#C024BE7LR|general> deal",
	"<!subteam^SAZ94GDB8> ping",
	"Click <https://evil.example/login|Reuters: DeepSeek raises $10B>",
	"<https://evil.example>",
	"Visit https://evil.example/phish now",
	"HTTPS://EVIL.EXAMPLE and hTTp://x.example",
	"@channel @here @everyone DeepSeek valuation",
	"cc @jsmith and press@openai.example",
	"*bold* _italic_ ~strike~ `code` ```block``` > quote",
	"[Reuters](https://evil.example) markdown link",
	"Tom &amp; Jerry &lt;!channel&gt; pre-escaped",
	"&<>&<>&<>",
	"Nvidia\x00\x07\x1b[31m red \x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
	"Line one\nLine two\r\n\tTabbed",
	"Safe \u202egnp.exe\u202c and \u2066isolate\u2069",
	"Zero\u200bwidth\u200c\u200djoiners\u2060and\ufeffBOM",
	"<!date^1392734382^{date}|Feb 18>",
	"javascript:alert(1) <javascript:alert(1)|x>",
	"Invalid UTF-8 \xff\xfe\xfd here",
	"Emoji 🚀🔥 and astral 𝕏 " + strings.Repeat("🚀", 200),
	strings.Repeat("A", 5000),
	strings.Repeat("&", 5000),
	strings.Repeat("<!channel>", 600),
	"<" + strings.Repeat("x", 3000) + "|label>",
	"\u0000\u0001\u0085\u2028\u2029 separators",
	"%3C!channel%3E and http%3A//evil.example",
}

const articleURL = "https://news.example/deepseek?id=1&ref=rss"

func hostileAlert(s string) events.Alert {
	return events.Alert{
		ID: "a1", StoryID: "story-1", Revision: 2, Kind: events.AlertUpdate, Topic: "ai_investment",
		Severity: events.SeverityHigh, Confidence: 0.87, Headline: s, Summary: s, URL: articleURL,
		Changes: []string{s, "deal.status: in_talks -> announced"},
		Sources: []events.Source{
			{Outlet: s, URL: "https://wire.example/a|<b>", Title: s},
			{Outlet: "Wire", URL: "javascript:alert(1)", Title: "bad link"},
			{Outlet: "Daily", URL: "https://daily.example/p?a=1&b=<2>", Title: s},
		},
		Facts: events.Facts{
			Deal: &events.DealFacts{Type: events.DealJointInvestment, Status: events.DealInTalks, Round: s,
				Investors: []events.Investor{{Name: s}, {Name: "Alibaba"}}, Target: s,
				Amount:    &events.Money{Text: s},
				Valuation: &events.Money{Text: "$10 billion", Value: 10e9, Currency: "USD", USD: 10e9}},
			ChipPolicy: &events.ChipPolicyFacts{Jurisdictions: []string{s, "China"}, Action: s, Status: s,
				Chips: []string{s}, Companies: []string{s}},
		},
		FirstSeenAt: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC),
	}
}

// allowedLinks are the only link targets a rendered alert may carry: the
// article and its sources (http(s) only), in their escaped forms.
var allowedLinks = map[string]bool{
	"https://news.example/deepseek?id=1&amp;ref=rss": true, // mrkdwn form
	"https://news.example/deepseek?id=1&ref=rss":     true, // button form
	"https://wire.example/a%7C%3Cb%3E":               true,
	"https://daily.example/p?a=1&amp;b=%3C2%3E":      true,
}

func checkPayload(t *testing.T, m slack.Message) {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	problems, links := slacktest.Check(p)
	for _, pr := range problems {
		t.Error(pr)
	}
	for _, l := range links {
		if !allowedLinks[l] {
			t.Errorf("foreign link %q", l)
		}
	}
}

func TestHostileTitlesNeverMentionOrLink(t *testing.T) {
	if len(hostile) < 20 {
		t.Fatalf("only %d hostile titles", len(hostile))
	}
	for i, s := range hostile {
		t.Run(strings.ToValidUTF8(s[:min(len(s), 24)], "?"), func(t *testing.T) {
			a := hostileAlert(s)
			checkPayload(t, slack.AlertMessage(a))
			a.Kind, a.Revision = events.AlertNew, 1
			checkPayload(t, slack.AlertMessage(a))
			checkPayload(t, slack.DigestMessage("digest", []events.Alert{a, hostileAlert(hostile[(i+1)%len(hostile)])}))
		})
	}
}

func TestHeaderShowsTheHeadlineInertly(t *testing.T) {
	a := hostileAlert("<!channel> Tencent & Alibaba @here eye https://x.example")
	m := slack.AlertMessage(a)
	if got := m.Blocks[0].Text.Text; got != "🔴 Update: <!channel> Tencent & Alibaba ＠here eye hxxps://x.example" {
		t.Fatalf("header = %q", got)
	}
	if !strings.Contains(m.Text, "&lt;!channel&gt; Tencent &amp; Alibaba ＠here") {
		t.Fatalf("fallback = %q", m.Text)
	}
}

func TestMrkdwnCutsSafely(t *testing.T) {
	inputs := []string{strings.Repeat("&", 100), strings.Repeat("a<", 100), strings.Repeat("🚀", 100), strings.Repeat("é&🚀>", 60)}
	for _, in := range inputs {
		for limit := 1; limit < 80; limit++ {
			out := slack.Mrkdwn(in, limit)
			if slack.Units(out) > limit {
				t.Fatalf("Mrkdwn(%q, %d) = %q is %d long", in[:8], limit, out, slack.Units(out))
			}
			if !utf8.ValidString(out) {
				t.Fatalf("Mrkdwn cut inside a character: %q", out)
			}
			trimmed := strings.TrimSuffix(out, "…")
			for _, bad := range []string{"&a", "&am", "&amp", "&l", "&lt", "&g", "&gt"} {
				if strings.HasSuffix(trimmed, bad) {
					t.Fatalf("Mrkdwn(%q, %d) = %q cuts an escape", in[:8], limit, out)
				}
			}
		}
	}
}

func TestBlockKitLimitsOnHugeAlert(t *testing.T) {
	a := hostileAlert(strings.Repeat("Ω&", 3000))
	for i := range 200 {
		a.Sources = append(a.Sources, events.Source{Outlet: "Outlet", URL: "https://news.example/deepseek?id=1&ref=rss", Title: strings.Repeat("t", i)})
		a.Changes = append(a.Changes, strings.Repeat("c&", 100))
	}
	m := slack.AlertMessage(a)
	checkPayload(t, m)
	if !strings.Contains(m.Blocks[0].Text.Text, "…") {
		t.Error("header was not visibly truncated")
	}
	var list []events.Alert
	for range 300 {
		list = append(list, a)
	}
	d := slack.DigestMessage("newsmon digest: 300 alerts", list)
	checkPayload(t, d)
	if len(d.Blocks) > slack.MaxBlocks {
		t.Fatalf("digest has %d blocks", len(d.Blocks))
	}
}

func TestFactsAsFields(t *testing.T) {
	a := events.Alert{ID: "x", StoryID: "s", Revision: 1, Kind: events.AlertNew, Topic: "ai_investment", Severity: events.SeverityHigh,
		Confidence: 0.9, Headline: "Tencent and Alibaba in talks over DeepSeek stake", URL: "https://news.example/d",
		Sources: []events.Source{{Outlet: "Wire", URL: "https://news.example/d", Title: "DeepSeek talks"}},
		Facts: events.Facts{Deal: &events.DealFacts{Type: events.DealJointInvestment, Status: events.DealInTalks,
			Investors: []events.Investor{{Name: "Tencent"}, {Name: "Alibaba"}}, Target: "DeepSeek",
			Valuation: &events.Money{Text: "$10bn", Value: 10e9, Currency: "USD", USD: 10e9}}}}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(slack.AlertMessage(a)); err != nil {
		t.Fatal(err)
	}
	b := buf.String()
	for _, want := range []string{`*Deal*\njoint investment · in talks`, `*Investors → target*\nTencent, Alibaba → DeepSeek`,
		`*Valuation*\n$10B`, `*Confidence*\n90%`, `<https://news.example/d|Wire: DeepSeek talks>`, `"action_id":"open_article"`,
		`"verbatim":true`, `"unfurl_links":false`} {
		if !strings.Contains(b, want) {
			t.Errorf("payload lacks %s:\n%s", want, b)
		}
	}
}
