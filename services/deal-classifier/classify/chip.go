package classify

import (
	"slices"
	"strings"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
)

var targetPreps = set(`to into against on for from toward towards across in`)

// actionFactor discounts the generic actions: "export controls" is the
// backdrop of most chip stories, so a licence, ban or subsidy named in the
// same text is the more specific news.
var actionFactor = map[string]float64{
	events.ActionEnforcement: 1, events.ActionLicenceApproval: 1, events.ActionBan: 1, events.ActionTariff: 1,
	events.ActionSubsidy: 1, events.ActionInvestigation: 1, events.ActionExportControl: 0.75, events.ActionOther: 0.9,
}

// actionOrder breaks ties between actions, most specific first.
var actionOrder = []struct{ term, action string }{
	{"action_enforcement", events.ActionEnforcement},
	{"action_licence_approval", events.ActionLicenceApproval},
	{"action_ban", events.ActionBan},
	{"action_tariff", events.ActionTariff},
	{"action_subsidy", events.ActionSubsidy},
	{"action_investigation", events.ActionInvestigation},
	{"action_export_control", events.ActionExportControl},
	{"action_other", events.ActionOther},
}

// cueActions maps cue-id prefixes to the action their firing suggests.
var cueActions = []struct{ prefix, action string }{
	{"export_control", events.ActionExportControl}, {"restriction", events.ActionExportControl},
	{"entity_list", events.ActionExportControl}, {"materials", events.ActionExportControl},
	{"licence", events.ActionLicenceApproval}, {"ban", events.ActionBan}, {"tariff", events.ActionTariff},
	{"subsidy", events.ActionSubsidy}, {"enforcement", events.ActionEnforcement},
	{"investigation", events.ActionInvestigation}, {"other_policy", events.ActionOther},
}

func (s *state) chipFacts(topicSents []int, fired []firedCue, tr *events.TopicResult) *events.ChipPolicyFacts {
	order := s.orderSents(topicSents)
	if len(order) > 4 {
		order = order[:4]
	}
	cf := &events.ChipPolicyFacts{}
	// Action: the action whose words weigh most in the policy sentences.
	bestW, actionSent := 0.0, order[0]
	for _, a := range actionOrder {
		w, first := 0.0, -1
		for _, f := range fired {
			for _, ca := range cueActions {
				if f.cue.weight > 0 && ca.action == a.action && strings.HasPrefix(f.cue.id, ca.prefix) {
					w += f.v * actionFactor[a.action]
					first = f.sent
				}
			}
		}
		for _, si := range order {
			if s.termIn(si, a.term) {
				w += s.sents[si].Weight * actionFactor[a.action]
				if first < 0 {
					first = si
				}
			}
		}
		if w > bestW+1e-9 {
			bestW, cf.Action, actionSent = w, a.action, first
		}
	}
	if cf.Action == "" {
		cf.Action = events.ActionOther
	}
	tr.Evidence = append(tr.Evidence, s.evidence("chip_policy.action", actionSent))
	cf.Status = events.PolicyInForce
	statusSents := order[:min(2, len(order))]
statusLoop:
	for _, st := range []struct{ term, status string }{
		{"policy_reversed", events.PolicyReversed},
		{"policy_conditional", events.PolicyApprovedWithConditions},
		{"policy_relaxed", events.PolicyRelaxed},
		{"policy_proposed", events.PolicyProposed},
	} {
		for _, si := range statusSents {
			if s.termIn(si, st.term) {
				cf.Status = st.status
				tr.Evidence = append(tr.Evidence, s.evidence("chip_policy.status", si))
				break statusLoop
			}
		}
	}
	// Jurisdictions: acting governments first, then targets.
	var actors, targets []string
	var toks []token
	jurSent := -1
	for _, si := range order {
		toks = tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, toks[:0])
		for _, m := range s.ents {
			e := s.entry(m)
			if m.sent != si || e == nil || e.Kind != gazetteer.KindGovernment {
				continue
			}
			k0, _ := mentionTokens(toks, m)
			isTarget := e.Has("adjective") || (k0 > 0 && targetPreps[toks[k0-1].lower])
			if isTarget {
				targets = appendNew(targets, e.Jurisdiction)
			} else {
				actors = appendNew(actors, e.Jurisdiction)
			}
			if jurSent < 0 {
				jurSent = si
			}
		}
	}
	if len(actors) == 0 && (cf.Action == events.ActionExportControl || cf.Action == events.ActionLicenceApproval) {
		// "Nvidia allowed to ship H20 to China": the chipmaker's home acts.
		for _, si := range order {
			for _, m := range s.ents {
				if e := s.entry(m); m.sent == si && e != nil && (e.Kind == gazetteer.KindChipmaker || e.Kind == gazetteer.KindToolMaker) && e.Country != "" {
					actors = appendNew(actors, e.Country)
					break
				}
			}
			if len(actors) > 0 {
				break
			}
		}
	}
	for _, t := range targets {
		actors = appendNew(actors, t)
	}
	cf.Jurisdictions = actors
	if cf.Jurisdictions == nil {
		cf.Jurisdictions = []string{}
	}
	if jurSent >= 0 {
		tr.Evidence = append(tr.Evidence, s.evidence("chip_policy.jurisdictions", jurSent))
	}
	// Chips and companies named in the policy sentences and the title.
	sents := order
	for _, m := range s.ents {
		if !slices.Contains(sents, m.sent) {
			continue
		}
		e := s.entry(m)
		switch {
		case e != nil && e.Kind == gazetteer.KindChip:
			cf.Chips = appendNew(cf.Chips, e.Name)
		case e != nil && (e.Kind == gazetteer.KindChipmaker || e.Kind == gazetteer.KindToolMaker || e.Kind == gazetteer.KindAICompany || e.Has("chip")):
			cf.Companies = appendNew(cf.Companies, e.Name)
		case e == nil:
			cf.Companies = appendNew(cf.Companies, m.name)
		}
	}
	if len(cf.Chips) == 0 {
		// No chip named: keep the chip words ("AI chips", "chipmaking equipment").
		if id, ok := s.c.termID["chip_word"]; ok {
			for _, h := range s.terms {
				if int(h.feature) == id && slices.Contains(sents, int(h.sent)) {
					cf.Chips = appendNew(cf.Chips, string(s.text.Runes[h.start:h.end]))
					break
				}
			}
		}
	}
	return cf
}

func appendNew(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}
