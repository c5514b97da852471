package quality

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/acmatch"
	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
)

// Topics evaluated.
var Topics = []string{"ai_investment", "chip_policy"}

// PRF counts one topic's outcomes.
type PRF struct {
	TP, FP, FN, TN int
}

// Precision is TP / (TP + FP).
func (p PRF) Precision() float64 { return ratio(p.TP, p.TP+p.FP) }

// Recall is TP / (TP + FN).
func (p PRF) Recall() float64 { return ratio(p.TP, p.TP+p.FN) }

// F1 is the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// FactCount counts expected facts and those found.
type FactCount struct{ Right, Total int }

// Share is Right / Total.
func (f FactCount) Share() float64 { return ratio(f.Right, f.Total) }

// Report is the outcome of an evaluation.
type Report struct {
	Items  int
	Topics map[string]*PRF
	// Facts per fact name ("deal.target", ...); Optional counts facts whose
	// item note says they come from beyond the visible text.
	Facts    map[string]*FactCount
	Optional map[string]*FactCount
	Misses   []string
}

// FactShare is the share of required expected facts found.
func (r *Report) FactShare() float64 {
	var f FactCount
	for _, c := range r.Facts {
		f.Right += c.Right
		f.Total += c.Total
	}
	return f.Share()
}

// FactShareAll includes the optional facts.
func (r *Report) FactShareAll() float64 {
	var f FactCount
	for _, m := range []map[string]*FactCount{r.Facts, r.Optional} {
		for _, c := range m {
			f.Right += c.Right
			f.Total += c.Total
		}
	}
	return f.Share()
}

// Evaluate classifies every item (title + summary, and text when present)
// and scores the verdicts.
func Evaluate(c *classify.Classifier, items []Item) *Report {
	r := &Report{Topics: map[string]*PRF{}, Facts: map[string]*FactCount{}, Optional: map[string]*FactCount{}}
	for _, t := range Topics {
		r.Topics[t] = &PRF{}
	}
	for _, it := range items {
		r.Items++
		res := c.Classify(classify.Document{Title: it.Title, Summary: it.Summary, Text: it.Text, URL: it.URL, Outlet: it.Source})
		for _, t := range Topics {
			tr := res.Topic(t)
			got := tr != nil && tr.Matched
			want := it.Has(t)
			p := r.Topics[t]
			switch {
			case got && want:
				p.TP++
			case got && !want:
				p.FP++
				r.Misses = append(r.Misses, fmt.Sprintf("FP %s %s (%.2f) %q %s", t, it.ID, tr.Score, it.Title, firedList(tr)))
			case !got && want:
				p.FN++
				score := 0.0
				if tr != nil {
					score = tr.Score
				}
				r.Misses = append(r.Misses, fmt.Sprintf("FN %s %s (%.2f) %q %s", t, it.ID, score, it.Title+" | "+trim(it.Summary, 120), firedList(tr)))
			default:
				p.TN++
			}
		}
		r.scoreFacts(it, res)
	}
	return r
}

func firedList(tr *events.TopicResult) string {
	if tr == nil {
		return ""
	}
	var parts []string
	for _, h := range tr.RulesFired {
		parts = append(parts, fmt.Sprintf("%s=%.2f", h.Rule, h.Weight))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func trim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "..."
}

func (r *Report) count(it Item, fact string, optional, right bool, got, want string) {
	m := r.Facts
	if optional {
		m = r.Optional
	}
	c := m[fact]
	if c == nil {
		c = &FactCount{}
		m[fact] = c
	}
	c.Total++
	if right {
		c.Right++
		return
	}
	tag := ""
	if optional {
		tag = " (optional)"
	}
	r.Misses = append(r.Misses, fmt.Sprintf("FACT %s %s%s: got %q want %q", it.ID, fact, tag, got, want))
}

// bodyNote reports whether the note says some facts come from beyond the
// visible text.
func bodyNote(note string) bool {
	n := strings.ToLower(note)
	for _, w := range []string{"body", "next sentence", "following sentence", "beyond", "feed description", "takeaway", "url"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

func (r *Report) scoreFacts(it Item, res classify.Result) {
	e := it.Expect
	opt := bodyNote(it.Note)
	if it.Has("ai_investment") {
		var d *events.DealFacts
		if tr := res.Topic("ai_investment"); tr != nil && tr.Matched && tr.Facts != nil {
			d = tr.Facts.Deal
		}
		if d == nil {
			d = &events.DealFacts{}
		}
		if e.DealType != "" {
			r.count(it, "deal.type", false, d.Type == e.DealType, d.Type, e.DealType)
		}
		if e.Target != "" {
			r.count(it, "deal.target", false, targetMatch(d.Target, e.Target), d.Target, e.Target)
		}
		if len(e.Investors) > 0 {
			var names []string
			for _, inv := range d.Investors {
				names = append(names, inv.Name)
			}
			r.count(it, "deal.investors", opt, overlap(names, e.Investors), strings.Join(names, "; "), strings.Join(e.Investors, "; "))
		}
		if e.AmountUSD != nil {
			got := 0.0
			if d.Amount != nil {
				got = d.Amount.USD
			}
			r.count(it, "deal.amount", opt, within(got, *e.AmountUSD), fmt.Sprint(got), fmt.Sprint(*e.AmountUSD))
		}
		if e.ValuationUSD != nil {
			got := 0.0
			if d.Valuation != nil {
				got = d.Valuation.USD
			}
			r.count(it, "deal.valuation", opt, within(got, *e.ValuationUSD), fmt.Sprint(got), fmt.Sprint(*e.ValuationUSD))
		}
	}
	if it.Has("chip_policy") {
		var c *events.ChipPolicyFacts
		if tr := res.Topic("chip_policy"); tr != nil && tr.Matched && tr.Facts != nil {
			c = tr.Facts.ChipPolicy
		}
		if c == nil {
			c = &events.ChipPolicyFacts{}
		}
		if e.Action != "" {
			r.count(it, "chip_policy.action", false, canonAction(c.Action) == canonAction(e.Action), c.Action, e.Action)
		}
		if len(e.Jurisdictions) > 0 {
			r.count(it, "chip_policy.jurisdictions", false, overlap(c.Jurisdictions, e.Jurisdictions),
				strings.Join(c.Jurisdictions, "; "), strings.Join(e.Jurisdictions, "; "))
		}
		if len(e.ChipsOrCompanies) > 0 {
			got := slices.Concat(c.Chips, c.Companies)
			// Generic expectations ("semiconductors") have no name to match.
			r.count(it, "chip_policy.chips_or_companies", !anyProperName(e.ChipsOrCompanies), overlap(got, e.ChipsOrCompanies),
				strings.Join(got, "; "), strings.Join(e.ChipsOrCompanies, "; "))
		}
	}
}

func anyProperName(names []string) bool {
	for _, n := range names {
		// The first character decides: a capital or a digit.
		if r, _ := utf8.DecodeRuneInString(n); r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

func within(got, want float64) bool {
	if want == 0 {
		return got == 0
	}
	return math.Abs(got-want) <= 0.1*math.Abs(want)
}

// normName lower-cases a name, drops company endings and folds accents, so
// a label written without them ("Cerebro Verde") matches the text's
// "Cérebro Verde". Traditional Chinese folds to Simplified as the matcher
// folds it, so a label's "智譜" is the gazetteer's "智谱". A chain of
// transformers keeps state, so each call makes its own.
func normName(s string) string {
	fold := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if folded, _, err := transform.String(fold, s); err == nil {
		s = folded
	}
	s = strings.ToLower(strings.TrimSpace(acmatch.FoldString(s)))
	for _, suf := range []string{" inc.", " inc", " corp.", " corp", " ltd", " co.", " group", " holdings", " ai", " technology", " technologies", " systems"} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.TrimSpace(s)
}

func nameMatch(a, b string) bool {
	na, nb := normName(a), normName(b)
	if na == "" || nb == "" {
		return false
	}
	if na == nb || strings.Contains(na, nb) || strings.Contains(nb, na) {
		return true
	}
	// A label may give a name as the text writes it (퓨리오사AI, 台積電)
	// where the classifier reports the gazetteer's name (FuriosaAI, TSMC).
	ca, cb := canonName(na), canonName(nb)
	return ca != "" && ca == cb
}

var (
	canonOnce sync.Once
	canonMap  map[string]string
)

// canonName maps a normalised surface form to its gazetteer entry's name.
func canonName(n string) string {
	canonOnce.Do(func() {
		canonMap = map[string]string{}
		g, err := gazetteer.Default()
		if err != nil {
			return
		}
		for _, a := range g.Aliases() {
			canonMap[normName(a.Text)] = g.Entries[a.Entry].Name
		}
	})
	return canonMap[n]
}

func targetMatch(got, want string) bool {
	for _, w := range strings.Split(want, ";") {
		if nameMatch(got, w) {
			return true
		}
	}
	return false
}

func overlap(got, want []string) bool {
	for _, g := range got {
		for _, w := range want {
			if nameMatch(g, w) {
				return true
			}
		}
	}
	return false
}

// Write prints the report.
func (r *Report) Write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "items: %d\n", r.Items)
	fmt.Fprintf(w, "%-14s %5s %5s %5s %5s %9s %7s %7s\n", "topic", "TP", "FP", "FN", "TN", "precision", "recall", "F1")
	for _, t := range Topics {
		p := r.Topics[t]
		fmt.Fprintf(w, "%-14s %5d %5d %5d %5d %9.3f %7.3f %7.3f\n", t, p.TP, p.FP, p.FN, p.TN, p.Precision(), p.Recall(), p.F1())
	}
	fmt.Fprintf(w, "facts (required): %.3f   facts (incl. optional): %.3f\n", r.FactShare(), r.FactShareAll())
	names := make([]string, 0, len(r.Facts))
	for k := range r.Facts {
		names = append(names, k)
	}
	for k := range r.Optional {
		if _, ok := r.Facts[k]; !ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		req, opt := r.Facts[n], r.Optional[n]
		line := fmt.Sprintf("  %-32s", n)
		if req != nil {
			line += fmt.Sprintf(" %3d/%-3d %.3f", req.Right, req.Total, req.Share())
		} else {
			line += "              "
		}
		if opt != nil {
			line += fmt.Sprintf("   optional %d/%d", opt.Right, opt.Total)
		}
		fmt.Fprintln(w, line)
	}
	if verbose {
		for _, m := range r.Misses {
			fmt.Fprintln(w, m)
		}
	}
}

// canonAction folds the actions the labelling guideline files together:
// entity-list additions are export controls, and probes (antitrust,
// security reviews, summons) are "other". Corpora label them either way.
func canonAction(a string) string {
	switch a {
	case events.ActionEntityList:
		return events.ActionExportControl
	case events.ActionInvestigation:
		return events.ActionOther
	}
	return a
}
