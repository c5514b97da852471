package classify

import (
	"slices"
	"strings"

	"github.com/newsmon/newsmon/pkg/events"
)

// unicornPhrases state a valuation of at least $1bn without a figure.
var unicornPhrases = []string{"unicorn status", "became a unicorn", "becomes a unicorn", "become a unicorn",
	"becoming a unicorn", "into unicorn", "joins the unicorn club", "joined the unicorn club", "unicorn valuation"}

// valuationFallback fills a missing valuation from the title and lede
// sentences that fired no deal cue ("... raise that values it at roughly
// $400 million"), then from unicorn wording ("crossed into unicorn status"
// is a $1bn valuation).
func (s *state) valuationFallback(order []int, df *events.DealFacts, tr *events.TopicResult, toks []token) {
	if df.Valuation != nil || len(order) == 0 {
		return
	}
	for si := 0; si < min(len(s.sents), 6) && df.Valuation == nil; si++ {
		if !slices.Contains(order, si) && (s.termIn(si, "valuation") || s.worthBeforeAmount(si)) {
			toks = s.sentenceMoney(si, true, nil, df, tr, toks)
		}
	}
	if df.Valuation != nil {
		return
	}
	for _, si := range order {
		low := strings.ToLower(s.sentenceText(si))
		for _, p := range unicornPhrases {
			if strings.Contains(low, p) {
				df.Valuation = &events.Money{Text: p, Value: 1e9, Currency: "USD", USD: 1e9}
				tr.Evidence = append(tr.Evidence, s.evidence("deal.valuation", si))
				return
			}
		}
	}
}

// worthBeforeAmount reports whether a verb of worth stands right before an
// amount in sentence si: "ElevenLabs vale 11 miliardi di dollari".
func (s *state) worthBeforeAmount(si int) bool {
	sent := s.sents[si]
	for _, a := range s.amounts {
		if a.Start < sent.Start || a.Start >= sent.End {
			continue
		}
		toks := tokenize(s.text.Runes, max(sent.Start, a.Start-12), a.Start, nil)
		if n := len(toks); n > 0 && worthVerbs[toks[n-1].lower] {
			return true
		}
	}
	return false
}
