package classify

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

// learnedRule names the learned scorer's hit among the rules that fired,
// learnedTargetRule the target model's. notAITargetRule marks a deal whose
// target was found to be no AI company, so the cues that need one were
// dropped, and unconfirmedTargetRule one whose target the target model did
// not vouch for, so the cues that need its word were dropped (Match names
// the target).
const (
	learnedRule           = "learned"
	learnedTargetRule     = "learned_target"
	notAITargetRule       = "target_not_ai"
	unconfirmedTargetRule = "target_unconfirmed"
)

// learnedLift asks the topic's learned scorer about an article the rules
// scored below the threshold, and lifts the score when the rules block of
// the topic allows: a probability of at least min_prob lifts a rules score
// of at least lift_from, and one of at least alone_prob lifts any score.
// The lifted score is the highest of the rules' score, the threshold and
// their mean; the hit is listed as rule "learned" with the features that
// weighed most. It reports whether it lifted.
func (s *state) learnedLift(t *topic, tr *events.TopicResult) bool {
	l := t.cfg.Learned
	thr := t.cfg.Threshold
	if t.model == nil || tr.Score >= thr {
		return false
	}
	if tr.Score < l.LiftFrom && l.AloneProb == 0 {
		return false
	}
	if len(t.needs) > 0 && !s.leadHasAny(t.needs) {
		return false
	}
	if s.datedOnly {
		// The rules read the only deal evidence as dated background; the
		// model, which sees only words, does not overrule that.
		return false
	}
	p := s.modelProb(t.model)
	if !l.Lifts(tr.Score, p) {
		return false
	}
	tr.Score = round3(max(thr, (tr.Score+p)/2))
	tr.RulesFired = append(tr.RulesFired, s.modelHit(learnedRule, t.model, p))
	return true
}

// modelProb is model's probability for the article; the article's feature
// hashes are computed once and shared by the topic and target models.
func (s *state) modelProb(m *scorer.Model) float64 {
	if !s.featured {
		s.hashes = s.fz.Hashes(s.doc.Title, s.doc.Body())
		s.featured = true
	}
	return m.ProbHashes(s.hashes)
}

// modelHit lists a model's say among the rules that fired, with the
// features that weighed most.
func (s *state) modelHit(rule string, m *scorer.Model, p float64) events.RuleHit {
	return events.RuleHit{
		Rule: rule, Weight: round3(p), Where: "model",
		Match: strings.Join(m.Explain(s.fz.Strings(s.doc.Title, s.doc.Body()), 4), " "),
	}
}

// TargetGated reports whether the rules found a deal in tr whose target
// they could not tell to be an AI company (and the target model, if any,
// did not either): the articles a target model is trained on.
func TargetGated(tr events.TopicResult) bool {
	for _, h := range tr.RulesFired {
		if h.Rule == notAITargetRule || h.Rule == unconfirmedTargetRule {
			return true
		}
	}
	return false
}

// learnedTarget asks the topic's target model whether the deal's target,
// which the rules could not tell to be an AI company, is one. A yes is
// listed among the rules that fired as rule "learned_target" with the
// features that weighed most.
func (s *state) learnedTarget(t *topic, tr *events.TopicResult) bool {
	if t.targetModel == nil || s.datedOnly {
		return false
	}
	p := s.modelProb(t.targetModel)
	if p < t.cfg.Learned.TargetProb {
		return false
	}
	tr.RulesFired = append(tr.RulesFired, s.modelHit(learnedTargetRule, t.targetModel, p))
	return true
}

// leadHasAny reports whether one of the features occurs in the headline or
// lede.
func (s *state) leadHasAny(features []int) bool {
	for si := range s.sents {
		if s.sents[si].Zone == rules.ZoneBody {
			continue
		}
		for _, f := range features {
			if s.has(si, f) {
				return true
			}
		}
	}
	return false
}
