package alerts

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/events"
)

// FormatLine renders an alert as one readable line for a terminal, for
// example:
//
//	2026-11-28 09:14Z HIGH ai_investment new r1 · Tencent and Alibaba in talks to back DeepSeek · joint investment, in talks: Tencent, Alibaba → DeepSeek, valuation $10B · conf 0.87 · https://example.com/a
//
// Story text is passed through Clean, so a hostile headline cannot move the
// cursor, recolour the terminal or reorder the line.
func FormatLine(a Alert) string {
	var b strings.Builder
	at := a.UpdatedAt
	if at.IsZero() {
		at = a.FirstSeenAt
	}
	if !at.IsZero() {
		b.WriteString(at.UTC().Format("2006-01-02 15:04Z "))
	}
	b.WriteString(strings.ToUpper(Clean(string(a.Severity))))
	b.WriteString(" " + Clean(a.Topic))
	b.WriteString(" " + Clean(a.Kind) + " r" + strconv.Itoa(a.Revision))
	b.WriteString(" · " + truncateRunes(Clean(a.Headline), 200))
	if f := FactsSummary(a.Facts); f != "" {
		b.WriteString(" · " + f)
	}
	if len(a.Changes) > 0 {
		b.WriteString(" · changed: " + truncateRunes(Clean(strings.Join(Changes(a.Changes), "; ")), 200))
	}
	b.WriteString(" · conf " + strconv.FormatFloat(a.Confidence, 'f', 2, 64))
	if u := Clean(a.URL); u != "" {
		b.WriteString(" · " + u)
	}
	return b.String()
}

// FactsSummary renders the typed facts of an alert as a short phrase, or ""
// when it has none. The result is cleaned but not escaped for any markup.
func FactsSummary(f events.Facts) string {
	var parts []string
	if d := f.Deal; d != nil {
		head := Label(d.Type)
		if d.Status != "" {
			head += ", " + Label(d.Status)
		}
		if p := Parties(d); p != "" {
			head += ": " + p
		}
		parts = append(parts, head)
		if d.Amount != nil {
			parts = append(parts, "amount "+FormatMoney(d.Amount))
		}
		if d.Valuation != nil {
			parts = append(parts, "valuation "+FormatMoney(d.Valuation))
		}
	}
	if c := f.ChipPolicy; c != nil {
		head := Label(c.Action)
		if c.Status != "" {
			head += ", " + Label(c.Status)
		}
		if len(c.Jurisdictions) > 0 {
			head += ": " + Clean(strings.Join(c.Jurisdictions, " → "))
		}
		parts = append(parts, head)
		if len(c.Chips) > 0 {
			parts = append(parts, "chips "+Clean(strings.Join(c.Chips, ", ")))
		}
		if len(c.Companies) > 0 {
			parts = append(parts, "companies "+Clean(strings.Join(c.Companies, ", ")))
		}
	}
	return truncateRunes(strings.Join(parts, ", "), 300)
}

// Parties renders "Investor A, Investor B → Target" for a deal.
func Parties(d *events.DealFacts) string {
	var inv []string
	for _, i := range d.Investors {
		inv = append(inv, Clean(i.Name))
	}
	s := strings.Join(inv, ", ")
	if d.Target != "" {
		if s != "" {
			s += " → "
		}
		s += Clean(d.Target)
	}
	return s
}

// FormatMoney renders an amount compactly in US dollars ("$10B",
// "$1.5B", "$300M"), falling back to the text as written when no dollar
// value is known, and noting the original currency when it is not USD.
func FormatMoney(m *events.Money) string {
	if m == nil {
		return ""
	}
	if m.USD <= 0 {
		return Clean(m.Text)
	}
	s := compactUSD(m.USD)
	if m.Currency != "" && !strings.EqualFold(m.Currency, "USD") && m.Text != "" {
		s = "~" + s + " (" + truncateRunes(Clean(m.Text), 60) + ")"
	}
	return s
}

func compactUSD(v float64) string {
	units := []struct {
		div    float64
		suffix string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}}
	for _, u := range units {
		if v >= u.div {
			return "$" + strconv.FormatFloat(roundTo(v/u.div, 1), 'f', -1, 64) + u.suffix
		}
	}
	return "$" + strconv.FormatFloat(roundTo(v, 0), 'f', -1, 64)
}

func roundTo(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(v*p+0.5)) / p
}

// Label turns a snake_case code ("in_talks", "licence_approval") into
// words ("in talks", "licence approval").
func Label(code string) string { return Clean(strings.ReplaceAll(code, "_", " ")) }

// Clean makes untrusted text safe to show on one line: control characters
// (including terminal escape sequences' ESC), line and paragraph
// separators become spaces; invisible format characters (zero-width
// spaces and joiners, bidirectional overrides and isolates, BOM, soft
// hyphen, tag characters) are dropped; invalid UTF-8 becomes U+FFFD; runs
// of white space collapse to one space.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cf, r):
			continue
		case unicode.IsControl(r), unicode.IsSpace(r), r == '\u2028', r == '\u2029':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// truncateRunes cuts s to at most n runes, ending with "…" when cut.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	i := 0
	for pos := range s {
		if i == n-1 {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}

// Changes renders an update's change list for people:
// "deal.status: in_talks -> announced" becomes "status: in talks → announced".
// Entries that do not have that shape are kept as they are.
func Changes(list []string) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = c
		path, rest, ok := strings.Cut(c, ": ")
		if !ok {
			continue
		}
		if dot := strings.LastIndexByte(path, '.'); dot >= 0 {
			path = path[dot+1:]
		}
		from, to, ok := strings.Cut(rest, " -> ")
		if !ok {
			out[i] = Label(path) + ": " + rest
			continue
		}
		out[i] = Label(path) + ": " + Label(from) + " → " + Label(to)
	}
	return out
}
