package classify

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

// targetWindow is how far before a target's name (in runes, within one
// clause) an AI phrase describes it ("AI start-up X", "generative-AI lab X"),
// and how far into an appositive after it ("X, which builds AI agents").
const targetWindow = 40

// aiTarget reports whether the deal's target is an AI company: a gazetteer
// AI company, a name that says so ("Acme AI", "acme.ai"), or a name that an
// AI phrase describes where it stands in the title, the lede or its own
// sentence. An AI word elsewhere in the sentence (the acquirer's, a purpose
// clause's) does not count.
func (s *state) aiTarget(m mention, buyers []events.Investor) bool {
	if e := s.entry(m); e != nil {
		return e.Kind == gazetteer.KindAICompany || e.Has("ai")
	}
	if s.sectorBefore(m) {
		// "buys German aircraft maker Grob": the words before the name
		// place it outside AI, whatever the buyer is.
		return false
	}
	if m.ai && s.ownAIDescription(m) {
		// A found name its own sentence describes as an AI company.
		return true
	}
	l := strings.ToLower(m.name)
	if namesAI(m.name) || strings.HasPrefix(l, "ai ") {
		return true
	}
	// "Pollen Robotics", "Kestrel Labs": a found name that says what it
	// does, unless its sentence places it in another sector.
	if m.entry < 0 && aiNameSuffix(l) && !s.termIn(m.sent, "non_ai_sector") {
		return true
	}
	for _, o := range s.ents {
		if o.name != m.name || (o.sent != m.sent && s.sents[o.sent].Zone == rules.ZoneBody) {
			continue
		}
		if s.describedAt(o) || s.productDescribes(o) {
			return true
		}
	}
	// Lenient where the target pick may be off: an AI company named, or a
	// name described as one, in the title or lede; or the lede describing
	// "the company" by its AI.
	anaphor, hasAna := s.c.termID["anaphor"]
	org := s.c.termID["ai_org"]
	for _, o := range s.ents {
		if s.sents[o.sent].Zone == rules.ZoneBody || isBuyer(o.name, buyers) {
			// The buyer being an AI company ("OpenAI buys Statsig") says
			// nothing about what it buys.
			continue
		}
		if e := s.entry(o); (e != nil && e.Kind == gazetteer.KindAICompany) || s.describedAt(o) {
			return true
		}
	}
	runes := s.text.Runes
	for _, h := range s.terms {
		// "della startup di intelligenza artificiale Neurona": the phrase
		// names the company right after it.
		if int(h.feature) == org && s.sents[h.sent].Zone != rules.ZoneBody && int(h.end)+1 < len(runes) && runes[h.end] == ' ' && unicode.IsUpper(runes[h.end+1]) && !s.buyerAt(int(h.end)+1, buyers) {
			return true
		}
	}
	for si := range s.sents {
		if s.sents[si].Zone != rules.ZoneBody && hasAna && s.has(si, anaphor) && s.has(si, org) {
			return true
		}
	}
	return false
}

// ownAIDescription reports whether the AI words of m's sentence can only
// describe m: the sentence places no company in a non-AI sector and names
// no known AI company besides it ("Mistral AI buys observability start-up
// Tracewell" describes the buyer).
func (s *state) ownAIDescription(m mention) bool {
	if s.termIn(m.sent, "non_ai_sector") {
		return false
	}
	for _, o := range s.ents {
		if o.sent != m.sent || o.name == m.name {
			continue
		}
		if e := s.entry(o); e != nil && e.Kind == gazetteer.KindAICompany {
			return false
		}
	}
	return true
}

// sectorBefore reports whether a non-AI sector phrase ends right before
// the found name m, within targetWindow runes of its clause: "German
// aircraft maker Grob", "the lender Kiva".
func (s *state) sectorBefore(m mention) bool {
	id, ok := s.c.termID["non_ai_sector"]
	if !ok {
		return false
	}
	runes := s.text.Runes
	for _, h := range s.terms {
		if int(h.feature) != id || int(h.sent) != m.sent || int(h.end) > m.start || m.start-int(h.end) > targetWindow {
			continue
		}
		gap := string(runes[h.end:m.start])
		if strings.ContainsAny(gap, ",;:()") || s.nameBetween(int(h.end), m.start) {
			continue // the phrase describes another name ("insurer X has acquired Y")
		}
		// "AI logistics start-up RouteMesh", "lending-AI start-up": an AI
		// word in the phrase makes it an AI company after all.
		phrase := strings.ToLower(string(runes[max(int(h.start)-16, s.sents[m.sent].Start):m.start]))
		aiWord := strings.Contains(phrase, "artificial intelligence") || strings.Contains(phrase, "machine")
		for _, w := range strings.FieldsFunc(phrase, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' }) {
			aiWord = aiWord || w == "ai" || w == "a.i."
		}
		if !aiWord {
			return true
		}
	}
	return false
}

// nameBetween reports whether a name starts in [from, to).
func (s *state) nameBetween(from, to int) bool {
	for _, o := range s.ents {
		if o.start >= from && o.start < to {
			return true
		}
	}
	return false
}

// buyerAt reports whether the name that starts at rune pos is a buyer:
// "Defence AI firm Helsing buys German aircraft maker Grob" describes the
// buyer, not what it buys.
func (s *state) buyerAt(pos int, buyers []events.Investor) bool {
	for _, m := range s.ents {
		if m.start == pos {
			return isBuyer(m.name, buyers)
		}
	}
	return false
}

func isBuyer(name string, buyers []events.Investor) bool {
	for _, b := range buyers {
		if b.Name == name {
			return true
		}
	}
	return false
}

// describedAt reports whether an AI phrase sits right before mention o in
// its clause, in an appositive right after it, or after its possessive
// ("X's AI chips").
func (s *state) describedAt(o mention) bool {
	runes := s.text.Runes
	st := s.sents[o.sent]
	lo := o.start
	for lo > st.Start && o.start-lo < targetWindow {
		r := runes[lo-1]
		if r == ',' || r == ';' || r == ':' || r == '|' {
			break
		}
		lo--
	}
	hi := o.end
	rest := runes[o.end:st.End]
	tail := strings.ToLower(string(rest[:min(len(rest), 12)]))
	if strings.HasPrefix(tail, ", ") || strings.HasPrefix(tail, "'s ") || strings.HasPrefix(tail, "\u2019s ") || strings.HasPrefix(tail, " (") {
		for hi < st.End && hi-o.end < targetWindow*3 {
			r := runes[hi]
			if r == ';' || r == '.' || (r == ',' && hi > o.end+1) {
				break
			}
			hi++
		}
	}
	purpose := s.c.termID["ai_purpose"]
	for _, name := range [...]string{"ai_org", "ai_word", "ai_tech"} {
		id, ok := s.c.termID[name]
		if !ok {
			continue
		}
		for _, h := range s.terms {
			if int(h.sent) != o.sent || int(h.feature) != id {
				continue
			}
			before := int(h.start) >= lo && int(h.end) <= o.start
			after := int(h.start) >= o.end && int(h.end) <= hi
			if (before || after) && !s.inTerm(o.sent, purpose, int(h.start)) && !s.inOtherName(o, int(h.start)) {
				return true
			}
		}
	}
	return false
}

// inOtherName reports whether rune offset pos lies inside the name of
// another company than o: the "AI" of "Mistral AI buys start-up X"
// belongs to the buyer and describes nothing about X.
func (s *state) inOtherName(o mention, pos int) bool {
	for _, e := range s.ents {
		if e.sent == o.sent && e.name != o.name && e.start <= pos && pos < e.end {
			return true
		}
	}
	return false
}

// inTerm reports whether rune offset pos lies inside a hit of term f in
// sentence si.
func (s *state) inTerm(si, f, pos int) bool {
	if f == 0 {
		return false
	}
	for _, h := range s.terms {
		if int(h.sent) == si && int(h.feature) == f && int(h.start) <= pos && pos < int(h.end) {
			return true
		}
	}
	return false
}

// withoutTargetAI rescores a matched topic without the cues for which drop
// reports true, those whose condition on the target does not hold (an AI
// company; one the target model vouches for), and lists rule hit, naming
// the target, among the rules that fired. It reports whether the topic no
// longer matches; tr then carries the lowered score and no facts.
func (s *state) withoutTargetAI(t *topic, tr *events.TopicResult, fired []firedCue, neg float64, drop func(*cue) bool, hit string) bool {
	pos, posDated := 1.0, 1.0
	gated := false
	for _, f := range fired {
		if f.cue.weight <= 0 {
			continue
		}
		if drop(f.cue) {
			gated = true
			continue
		}
		if f.dated {
			posDated *= 1 - f.v
			continue
		}
		pos *= 1 - f.v
	}
	pos = t.withDated(pos, posDated)
	if !gated {
		return false
	}
	kept := tr.RulesFired[:0]
	for _, h := range tr.RulesFired {
		if c := t.cue(h.Rule); (c == nil || !drop(c)) && h.Rule != learnedRule {
			kept = append(kept, h)
		}
	}
	if s.hasTgt {
		kept = append(kept, events.RuleHit{Rule: hit, Where: s.sents[s.target.sent].Zone, Match: s.target.name})
	} else {
		// No company named: say so, so that the drop can be diagnosed.
		kept = append(kept, events.RuleHit{Rule: hit, Where: s.sents[firstGated(fired, drop)].Zone, Match: noTargetMatch})
	}
	tr.RulesFired = kept
	tr.Score = round3((1 - pos) * neg)
	// The learned scorer judges the article again from the lower score.
	s.learnedLift(t, tr)
	tr.Matched = tr.Score >= t.cfg.Threshold
	if !tr.Matched {
		tr.Facts, tr.Evidence = nil, nil
		return true
	}
	return false
}

// noTargetMatch is the match of a target rule hit when the rules found no
// company to judge.
const noTargetMatch = "(no target named)"

// firstGated returns the sentence of the first positive cue that drop
// removes.
func firstGated(fired []firedCue, drop func(*cue) bool) int {
	for _, f := range fired {
		if f.cue.weight > 0 && drop(f.cue) {
			return f.sent
		}
	}
	return 0
}

// targetGate applies the topic's target cues to a deal whose facts are
// found: cues that need an AI target count only when the rules or the
// target model say the target is one, and cues that need the target
// model's word only when it gives it. It reports whether the topic no
// longer matches.
func (s *state) targetGate(t *topic, tr *events.TopicResult, fired []firedCue, neg float64, investors []events.Investor) bool {
	learnedCue := slices.ContainsFunc(fired, func(f firedCue) bool { return f.cue.weight > 0 && f.cue.targetLearned })
	aiTarget := s.hasTgt && s.aiTarget(s.target, investors)
	if (aiTarget || !s.hasTgt && !s.aiBuyer) && !learnedCue {
		return false
	}
	// Without a named target the model still judges the article: "A
	// Des Moines start-up that reads roof photos for insurers raises $14m"
	// names no company the rules can take, but says what it does.
	if (s.hasTgt || learnedCue) && s.learnedTarget(t, tr) {
		return false
	}
	if aiTarget || !s.hasTgt && !s.aiBuyer {
		// An AI company by the rules, or no target to judge: only the cues
		// that need the model's word drop.
		return s.withoutTargetAI(t, tr, fired, neg, func(c *cue) bool { return c.targetLearned }, unconfirmedTargetRule)
	}
	return s.withoutTargetAI(t, tr, fired, neg, func(c *cue) bool { return c.targetAI }, notAITargetRule)
}

// cue returns the topic's cue with id, or nil.
func (t *topic) cue(id string) *cue {
	for i := range t.cues {
		if t.cues[i].id == id {
			return &t.cues[i]
		}
	}
	return nil
}
