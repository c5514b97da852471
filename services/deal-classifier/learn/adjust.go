package learn

import (
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/classify"
)

// ReasonRule is the RulesFired entry Adjust adds when the learned scorer
// raises a topic, so a diagnosis can tell a learned call from a rule call.
const ReasonRule = "learned_scorer"

// The gate of Adjust, fixed before the held-out half was scored: the rules
// must have seen partial evidence and the model must be confident.
const (
	MinRuleScore = 0.2
	MinProb      = 0.7
)

// Raises reports whether Adjust would raise an unmatched topic whose rule
// score is ruleScore when the model gives it probability p.
func Raises(matched bool, ruleScore, p float64) bool {
	return !matched && ruleScore >= MinRuleScore && p >= MinProb
}

// Adjust raises to matched each topic the rules left unmatched when the
// rules saw partial evidence and the model is confident (see Raises). It
// never lowers a verdict. A raised topic gets its score set to the
// threshold-crossing model probability and a ReasonRule entry in
// RulesFired whose weight is that probability. It returns the raised
// topics. Facts and severity are left as the rules made them.
func (s *Set) Adjust(res *classify.Result, doc classify.Document) []string {
	var raised []string
	for i := range res.Topics {
		tr := &res.Topics[i]
		m := s.Topic(tr.Topic)
		if m == nil || tr.Matched || tr.Score < MinRuleScore {
			continue
		}
		p := m.Score(doc, *res)
		if !Raises(tr.Matched, tr.Score, p) {
			continue
		}
		tr.Matched = true
		tr.Score = max(tr.Score, p)
		tr.RulesFired = append(tr.RulesFired, events.RuleHit{Rule: ReasonRule, Weight: round5(p), Where: "model"})
		raised = append(raised, tr.Topic)
	}
	return raised
}
