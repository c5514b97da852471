package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/newsmon/newsmon/pkg/events"
)

// Builtins are the classes a cue may reference besides named terms.
var Builtins = []string{
	"@money",        // an amount of money
	"@ai_company",   // a known AI company or lab
	"@ai",           // a known AI company or AI product
	"@investor",     // a known investor (or a company tagged investor)
	"@chip_entity",  // a chip, chipmaker, tool maker or chip-tagged company
	"@government",   // a government or agency that can act
	"@jurisdiction", // any government name, adjectives ("Chinese") included
	"@new_org",      // a company name found by pattern, not in the gazetteer
	"@org",          // any company name, known or found
	"@gov_actor",    // a government named as acting: not an adjective, not after "to"/"in", not "Japan's SBI"
}

// FactTerms lists the terms each fact extractor needs.
var FactTerms = map[string][]string{
	FactsDeal: {"deal_acquisition", "deal_ipo", "deal_joint", "deal_stake", "deal_round", "deal_other",
		"status_called_off", "status_completed", "status_in_talks", "status_announced", "status_reported",
		"investor_lead"},
	FactsChipPolicy: {"action_enforcement", "action_export_control", "action_licence_approval", "action_ban",
		"action_tariff", "action_subsidy", "action_investigation", "action_other",
		"policy_proposed", "policy_conditional", "policy_relaxed", "policy_reversed"},
}

var idRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func (r *Rules) validate() error {
	if r.Version != 1 {
		return fmt.Errorf("%w: version must be 1, got %d", ErrInvalid, r.Version)
	}
	for cur, v := range r.Rates {
		if len(cur) != 3 || strings.ToUpper(cur) != cur || v <= 0 {
			return fmt.Errorf("%w: rates: %s: want a three-letter upper-case code with a positive rate", ErrInvalid, cur)
		}
	}
	z := r.Zones
	for name, v := range map[string]float64{"title": z.Title, "lede": z.Lede, "body": z.Body, "decay": z.Decay, "floor": z.Floor} {
		if v <= 0 || v > 1 {
			return fmt.Errorf("%w: zones.%s must be in (0, 1], got %v", ErrInvalid, name, v)
		}
	}
	if z.Window < 0 || z.Window > 1 {
		return fmt.Errorf("%w: zones.window must be in [0, 1], got %v", ErrInvalid, z.Window)
	}
	if z.LedeSentences < 1 {
		return fmt.Errorf("%w: zones.lede_sentences must be at least 1", ErrInvalid)
	}
	for name, phrases := range r.Terms {
		line := r.TermLines[name]
		if !idRE.MatchString(name) {
			return fmt.Errorf("%w: line %d: term name %q must match %s", ErrInvalid, line, name, idRE)
		}
		if len(phrases) == 0 {
			return fmt.Errorf("%w: line %d: term %s has no phrases", ErrInvalid, line, name)
		}
		for _, p := range phrases {
			if strings.HasPrefix(p, "@") {
				if !slices.Contains(Builtins, p) {
					return fmt.Errorf("%w: line %d: term %s: unknown class %s", ErrInvalid, line, name, p)
				}
				continue
			}
			if _, err := Expand(p); err != nil {
				return fmt.Errorf("%w: line %d: term %s: %w", ErrInvalid, line, name, err)
			}
		}
	}
	if len(r.Topics) == 0 {
		return fmt.Errorf("%w: no topics", ErrInvalid)
	}
	seen := map[string]bool{}
	for i := range r.Topics {
		if err := r.validateTopic(&r.Topics[i]); err != nil {
			return err
		}
		if seen[r.Topics[i].ID] {
			return fmt.Errorf("%w: line %d: topic %s is defined twice", ErrInvalid, r.Topics[i].Line, r.Topics[i].ID)
		}
		seen[r.Topics[i].ID] = true
	}
	return nil
}

func (r *Rules) validateTopic(t *Topic) error {
	at := func(line int, format string, args ...any) error {
		return fmt.Errorf("%w: line %d: topic %s: %s", ErrInvalid, line, t.ID, fmt.Sprintf(format, args...))
	}
	if !idRE.MatchString(t.ID) {
		return at(t.Line, "id must match %s", idRE)
	}
	if t.Threshold <= 0 || t.Threshold > 1 {
		return at(t.Line, "threshold must be in (0, 1], got %v", t.Threshold)
	}
	switch t.Facts {
	case "":
		t.Facts = FactsNone
	case FactsDeal, FactsChipPolicy, FactsNone:
	default:
		return at(t.Line, "facts must be deal, chip_policy or none, got %q", t.Facts)
	}
	for _, name := range FactTerms[t.Facts] {
		if _, ok := r.Terms[name]; !ok {
			return at(t.Line, "facts %s needs term %s", t.Facts, name)
		}
	}
	if len(t.Cues) == 0 {
		return at(t.Line, "no cues")
	}
	if l := t.Learned; l != nil {
		for _, v := range []struct {
			name string
			v    float64
		}{{"lift_from", l.LiftFrom}, {"min_prob", l.MinProb}, {"alone_prob", l.AloneProb}, {"target_prob", l.TargetProb}} {
			if v.v < 0 || v.v > 1 {
				return at(l.Line, "learned.%s must be in [0, 1], got %v", v.name, v.v)
			}
		}
		if l.MinProb <= 0.5 {
			return at(l.Line, "learned.min_prob must be above 0.5, got %v", l.MinProb)
		}
		if l.LiftFrom >= t.Threshold {
			return at(l.Line, "learned.lift_from (%v) must be below the threshold (%v)", l.LiftFrom, t.Threshold)
		}
		if l.AloneProb != 0 && l.AloneProb < l.MinProb {
			return at(l.Line, "learned.alone_prob (%v) must be 0 (off) or at least min_prob (%v)", l.AloneProb, l.MinProb)
		}
		if l.TargetProb != 0 && l.TargetProb <= 0.5 {
			return at(l.Line, "learned.target_prob must be 0 (off) or above 0.5, got %v", l.TargetProb)
		}
		if l.TargetProb != 0 && t.Facts != FactsDeal {
			return at(l.Line, "learned.target_prob needs facts: deal (it judges a deal's target)")
		}
		for _, ref := range l.Needs {
			if err := r.checkRef(ref); err != nil {
				return at(ref.Line, "learned.needs: %v", err)
			}
		}
	}
	if b := t.Background; b != nil {
		if b.Factor <= 0 || b.Factor >= 1 {
			return at(b.Line, "background.factor must be above 0 and below 1, got %v", b.Factor)
		}
		if len(b.Terms) == 0 {
			return at(b.Line, "background.terms must name at least one term")
		}
		for _, list := range []struct {
			field string
			refs  []TermRef
		}{{"terms", b.Terms}, {"unless", b.Unless}, {"current", b.Current}} {
			for _, ref := range list.refs {
				if err := r.checkRef(ref); err != nil {
					return at(ref.Line, "background.%s: %v", list.field, err)
				}
			}
		}
	}
	ids := map[string]bool{}
	positive := false
	for _, c := range t.Cues {
		if !idRE.MatchString(c.ID) {
			return at(c.Line, "cue id %q must match %s", c.ID, idRE)
		}
		if ids[c.ID] {
			return at(c.Line, "cue %s is defined twice", c.ID)
		}
		ids[c.ID] = true
		if c.Weight == 0 || c.Weight < -1 || c.Weight > 1 {
			return at(c.Line, "cue %s: weight must be in [-1, 1] and not 0, got %v", c.ID, c.Weight)
		}
		positive = positive || c.Weight > 0
		if len(c.All) == 0 {
			return at(c.Line, "cue %s: all must name at least one term", c.ID)
		}
		for _, ref := range slices.Concat(c.All, c.None) {
			if err := r.checkRef(ref); err != nil {
				return at(ref.Line, "cue %s: %v", c.ID, err)
			}
		}
		if c.TargetLearned && (t.Learned == nil || t.Learned.TargetProb == 0) {
			return at(c.Line, "cue %s: target_learned needs the topic's learned.target_prob (a target model)", c.ID)
		}
		if c.TargetLearned && c.Weight < 0 {
			return at(c.Line, "cue %s: target_learned is for positive cues", c.ID)
		}
		for _, w := range c.Where {
			if w != ZoneTitle && w != ZoneLede && w != ZoneBody {
				return at(c.Line, "cue %s: where %q is not title, lede or body", c.ID, w)
			}
		}
	}
	if !positive {
		return at(t.Line, "needs at least one cue with a positive weight")
	}
	for _, s := range t.Severity {
		if !events.Severity(s.Level).Valid() {
			return at(s.Line, "severity level %q is not low, medium or high", s.Level)
		}
	}
	return nil
}

func (r *Rules) checkRef(ref TermRef) error {
	if ref.Name == "" {
		if len(ref.Phrases) == 0 {
			return fmt.Errorf("empty phrase list")
		}
		for _, p := range ref.Phrases {
			if _, err := Expand(p); err != nil {
				return err
			}
		}
		return nil
	}
	if strings.HasPrefix(ref.Name, "@") {
		if !slices.Contains(Builtins, ref.Name) {
			return fmt.Errorf("unknown class %s (known: %s)", ref.Name, strings.Join(Builtins, ", "))
		}
		return nil
	}
	if _, ok := r.Terms[ref.Name]; !ok {
		return fmt.Errorf("unknown term %q", ref.Name)
	}
	return nil
}

// Expand turns a phrase with {a|b} alternatives into its variants. A
// leading "=" (exact case) or "~" (the end of a longer word) is kept on
// every variant.
func Expand(p string) ([]string, error) {
	mark := ""
	body := strings.TrimSpace(p)
	if strings.HasPrefix(body, "=") || strings.HasPrefix(body, "~") {
		mark, body = body[:1], body[1:]
	}
	vs, err := expand(body)
	if err != nil {
		return nil, fmt.Errorf("phrase %q: %w", p, err)
	}
	var out []string
	for _, v := range vs {
		v = strings.Join(strings.Fields(v), " ")
		if v == "" {
			continue
		}
		out = append(out, mark+v)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("phrase %q is empty", p)
	}
	return out, nil
}

func expand(p string) ([]string, error) {
	i := strings.IndexByte(p, '{')
	if i < 0 {
		if strings.ContainsAny(p, "|}") {
			return nil, fmt.Errorf("'|' or '}' outside braces")
		}
		return []string{p}, nil
	}
	j := strings.IndexByte(p[i:], '}')
	if j < 0 {
		return nil, fmt.Errorf("unclosed brace")
	}
	j += i
	inner := p[i+1 : j]
	if strings.ContainsAny(inner, "{") {
		return nil, fmt.Errorf("nested braces")
	}
	if strings.ContainsAny(p[:i], "|}") {
		return nil, fmt.Errorf("'|' or '}' outside braces")
	}
	rest, err := expand(p[j+1:])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range strings.Split(inner, "|") {
		for _, r := range rest {
			out = append(out, p[:i]+a+r)
		}
	}
	return out, nil
}
