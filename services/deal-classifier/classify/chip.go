package classify

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
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

// Weights of action words outside the main clause, and of approval words
// in a sentence that states a licence requirement.
const (
	backgroundFactor  = 0.35
	requirementFactor = 0.3
)

// chipAction picks the action whose words and cues weigh most in the policy
// sentences. Words in a background clause ("... in response to US chip
// sanctions", "... to curb smuggling") count less than the main clause;
// approval words in a sentence that states a licence requirement ("will
// need permission to ship") count as export controls; an approval verb with
// a chip or a shipment in the same sentence ("has allowed small batches of
// H200 chips") counts as a licence approval. With no action word or cue
// at all it returns "", and chipFacts decides.
//
// Entity-list additions are reported as export_control, as the labelling
// guideline files them; the entity_list value of the schema is not emitted
// by this extractor (the cue that fired, entity_list_government, still
// shows it).
func (s *state) chipAction(order []int, fired []firedCue) (string, int) {
	reqID, hasReq := s.c.termID["licence_requirement"]
	apprID, hasAppr := s.c.termID["approval_verb"]
	shipID, hasShip := s.c.termID["ship_word"]
	bg := make(map[int]int, len(order))
	for _, si := range order {
		bg[si] = s.backgroundStart(si)
	}
	required := func(si int) bool { return hasReq && s.has(si, reqID) }
	// An approval in a sentence about aid with no shipment in it approves
	// the aid: "EU-Kommission genehmigt fünf Milliarden Euro ... fördern".
	// So does one in a headline over a lede about aid with no shipment
	// in it: "Brüssel gibt grünes Licht: 920 Mio. Euro für Infineon".
	subID, hasSub := s.c.termID["aid_word"]
	aidStory := hasSub && slices.ContainsFunc(order, func(si int) bool { return s.has(si, subID) }) &&
		(!hasShip || !slices.ContainsFunc(order, func(si int) bool { return s.has(si, shipID) }))
	aidApproval := func(si int) bool {
		if hasShip && s.has(si, shipID) {
			return false
		}
		return hasSub && s.has(si, subID) || aidStory && s.sents[si].Zone == rules.ZoneTitle
	}
	// Ownership and capital-flow actions, then a guilty plea, charge or
	// arrest, take precedence in the main clause of the leading sentences.
	for _, p := range priorityActions {
		if si, ok := s.leadMainClause(order[:min(p.lead, len(order))], bg, p.term); ok {
			return p.action, si
		}
	}
	// termWeight is the weight of term id in sentence si: full in the main
	// clause, reduced in a background clause.
	termWeight := func(id, si int) float64 {
		w := 0.0
		for _, h := range s.terms {
			if int(h.sent) != si || int(h.feature) != id {
				continue
			}
			f := 1.0
			if int(h.start) >= bg[si] {
				f = backgroundFactor
			}
			w = max(w, f)
		}
		return w * s.sents[si].Weight
	}
	bestW, best, bestSent := 0.0, "", order[0]
	for _, a := range actionOrder {
		w, first := 0.0, -1
		for _, f := range fired {
			for _, ca := range cueActions {
				if f.cue.weight <= 0 || ca.action != a.action || !strings.HasPrefix(f.cue.id, ca.prefix) {
					continue
				}
				v := f.v * s.clauseFactor(s.c.termID[a.term], f.sent, bg[f.sent])
				if a.action == events.ActionLicenceApproval && (required(f.sent) || f.sent2 >= 0 && required(f.sent2) || aidApproval(f.sent)) {
					v *= requirementFactor
				}
				w += v * actionFactor[a.action]
				first = f.sent
			}
		}
		id, ok := s.c.termID[a.term]
		for _, si := range order {
			if !ok {
				break
			}
			v := termWeight(id, si)
			if v == 0 {
				continue
			}
			if a.action == events.ActionLicenceApproval && (required(si) || aidApproval(si)) {
				v *= requirementFactor
			}
			w += v * actionFactor[a.action]
			if first < 0 {
				first = si
			}
		}
		if a.action == events.ActionExportControl && hasReq {
			// A licence requirement is an export control, whatever
			// approval words share its sentence.
			for _, si := range order {
				if v := termWeight(reqID, si); v > 0 {
					w += v * actionFactor[a.action]
					if first < 0 {
						first = si
					}
				}
			}
		}
		if a.action == events.ActionLicenceApproval && hasAppr {
			for _, si := range order {
				if required(si) || !s.has(si, apprID) || !hasShip || !s.has(si, shipID) {
					continue
				}
				w += termWeight(apprID, si) * actionFactor[a.action]
				if first < 0 {
					first = si
				}
			}
		}
		if w > bestW+1e-9 {
			bestW, best, bestSent = w, a.action, first
		}
	}
	if best == events.ActionInvestigation {
		// The labelling guideline has no investigation action: probes used
		// as levers (antitrust, anti-dumping) are "other".
		best = events.ActionOther
	}
	if bestSent < 0 {
		bestSent = order[0]
	}
	return best, bestSent
}

// priorityActions win over the weighing when their words sit in the main
// clause of the title or the first lead policy sentences. A refusal at
// customs counts only in the title and first sentence: later it is often
// the other side's answer to a licence decision the story leads with.
var priorityActions = []struct {
	term, action string
	lead         int
}{
	{"action_other_priority", events.ActionOther, 2},
	{"action_enforcement_priority", events.ActionEnforcement, 2},
	{"action_ban_priority", events.ActionBan, 1},
	{"action_tariff_priority", events.ActionTariff, 2},
	{"action_export_priority", events.ActionExportControl, 2},
}

// leadMainClause reports the first of the lead policy sentences (and the
// title) where term occurs before the background clause.
func (s *state) leadMainClause(lead []int, bg map[int]int, term string) (int, bool) {
	id, ok := s.c.termID[term]
	if !ok {
		return 0, false
	}
	if len(s.sents) > 0 && s.sents[0].Zone == rules.ZoneTitle && !slices.Contains(lead, 0) {
		lead = append(slices.Clone(lead), 0)
		if _, seen := bg[0]; !seen {
			bg[0] = s.backgroundStart(0)
		}
	}
	for _, si := range lead {
		for _, h := range s.terms {
			if int(h.sent) == si && int(h.feature) == id && int(h.start) < bg[si] {
				return si, true
			}
		}
	}
	return 0, false
}

// clauseFactor weighs a cue's vote for an action by where the action's own
// words sit in sentence si: backgroundFactor when they occur only after bg.
func (s *state) clauseFactor(id, si, bg int) float64 {
	seen := false
	for _, h := range s.terms {
		if int(h.sent) != si || int(h.feature) != id {
			continue
		}
		if int(h.start) < bg {
			return 1
		}
		seen = true
	}
	if seen {
		return backgroundFactor
	}
	return 1
}

// backgroundStart returns the rune offset where a background clause of
// sentence si begins ("after", "amid", "in response to", "to curb", ...),
// or the sentence end when there is none.
func (s *state) backgroundStart(si int) int {
	sent := s.sents[si]
	toks := tokenize(s.text.Runes, sent.Start, sent.End, nil)
	for k, t := range toks {
		if k == 0 {
			continue
		}
		next := ""
		if k+1 < len(toks) {
			next = toks[k+1].lower
		}
		prev := toks[k-1].lower
		switch t.lower {
		case "after", "amid", "following", "despite", "because", "retaliating", "retaliation":
			return t.start
		case "ahead", "before":
			// "agrees to buy Weights & Biases ahead of its IPO", "weeks
			// before the cloud provider's planned IPO"
			if next == "of" || next == "its" || next == "a" || next == "an" || t.lower == "before" && next == "the" {
				return t.start
			}
		case "as":
			if prev != "such" && prev != "well" && prev != "known" && prev != "so" && next != "well" && next != "part" && next != "much" && next != "many" {
				return t.start
			}
		case "in":
			if next == "response" || next == "retaliation" || next == "reaction" {
				return t.start
			}
		case "to":
			// "has told TSMC to stop supplying": what an order tells
			// someone to do is the action, not its purpose.
			if backgroundPurpose[next] && !slices.ContainsFunc(toks[max(0, k-3):k], func(t token) bool { return orderVerbs[t.lower] }) {
				return t.start
			}
		}
	}
	return sent.End
}

// orderVerbs tell someone to do something: "told TSMC to stop".
var orderVerbs = set(`told tells tell ordered orders order instructed instructs directed directs asked asks required requires forced forces`)

var backgroundPurpose = set(`curb curbing prevent stop combat counter contain deter thwart crack clamp tackle fight`)

// govTarget reports whether government mention m, in the sentence of
// toks, names a target rather than an actor: an adjective ("Chinese
// firms"), a place after a preposition ("to China") or with a Turkish
// dative ending ("ABD'ye", to the US).
func (s *state) govTarget(toks []token, m mention, e *gazetteer.Entry) bool {
	k0, _ := mentionTokens(toks, m)
	return e.Has("adjective") || k0 > 0 && targetPreps[toks[k0-1].lower] || turkishDative(s.text.Runes, m.end)
}

// turkishDative reports whether the runes at end read an apostrophe and a
// dative ending followed by a word break: "ABD'ye", "Çin'e", "Rusya'ya".
func turkishDative(runes []rune, end int) bool {
	if end >= len(runes) || runes[end] != '\'' && runes[end] != '’' {
		return false
	}
	for _, d := range []string{"ye", "ya", "a", "e"} {
		k := end + 1 + len(d)
		if k <= len(runes) && string(runes[end+1:k]) == d && (k == len(runes) || !unicode.IsLetter(runes[k])) {
			return true
		}
	}
	return false
}

// cueActions maps cue-id prefixes to the action their firing suggests.
var cueActions = []struct{ prefix, action string }{
	{"export_control", events.ActionExportControl}, {"restriction", events.ActionExportControl},
	{"entity_list", events.ActionExportControl}, {"materials", events.ActionExportControl},
	{"licence", events.ActionLicenceApproval}, {"ban", events.ActionBan}, {"tariff", events.ActionTariff},
	{"subsidy", events.ActionSubsidy}, {"enforcement", events.ActionEnforcement},
	{"investigation", events.ActionInvestigation}, {"other_policy", events.ActionOther},
	{"chips_program", events.ActionSubsidy}, {"stop_shipments", events.ActionExportControl},
}

func (s *state) chipFacts(topicSents []int, fired []firedCue, tr *events.TopicResult) *events.ChipPolicyFacts {
	order := s.orderSents(topicSents)
	if len(order) > 4 {
		order = order[:4]
	}
	cf := &events.ChipPolicyFacts{}
	var actionSent int
	cf.Action, actionSent = s.chipAction(order, fired)
	// No action word: a state fund's stake is state aid ("le fonds EIC et
	// l'État via French Tech Souveraineté"); anything else is "other".
	stateFund := s.stateInvestor(order)
	if cf.Action == "" {
		cf.Action = events.ActionOther
		if stateFund != nil {
			cf.Action = events.ActionSubsidy
		}
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
			if s.govTarget(toks, m, e) {
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
	if len(actors) == 0 && len(s.sents) > 0 && s.sents[0].Zone == rules.ZoneTitle && !slices.Contains(order, 0) {
		// "EU-Chipgesetz tritt in Kraft" over a lede that names no
		// government, or "Singapore charges three ..." over a lede that
		// names only the destination ("diversion to China"): the
		// headline's government acts.
		toks = tokenize(s.text.Runes, s.sents[0].Start, s.sents[0].End, toks[:0])
		for _, m := range s.ents {
			e := s.entry(m)
			if m.sent != 0 || e == nil || e.Kind != gazetteer.KindGovernment {
				continue
			}
			if len(targets) > 0 && s.govTarget(toks, m, e) {
				continue
			}
			actors = appendNew(actors, e.Jurisdiction)
			if jurSent < 0 {
				jurSent = 0
			}
		}
	}
	for _, t := range targets {
		actors = appendNew(actors, t)
	}
	if len(actors) == 0 && slices.ContainsFunc(order, func(si int) bool { return s.termIn(si, "chips_award") }) {
		// "Preliminary CHIPS terms would support Amkor's site": the CHIPS
		// programme is the United States'.
		actors = []string{"US"}
	}
	if len(actors) == 0 && cf.Action == events.ActionSubsidy && stateFund != nil {
		// "Invest-NL stapt in bij Axelera": the state fund's government.
		actors = []string{stateFund.Country}
	}
	if len(actors) == 0 {
		// "K칩스법 국회 본회의 통과", "改正法が成立": a policy story in a
		// national script with no government named acts in that country.
		if j := s.scriptJurisdiction(order); j != "" {
			actors = []string{j}
		}
	}
	cf.Jurisdictions = actors
	if cf.Jurisdictions == nil {
		cf.Jurisdictions = []string{}
	}
	if jurSent >= 0 {
		tr.Evidence = append(tr.Evidence, s.evidence("chip_policy.jurisdictions", jurSent))
	}
	// Chips and companies named in the policy sentences and the title; when
	// those name none, the first lede sentence ("Two Chinese AI chip firms
	// ..." / "Moore Threads and MetaX have filed ...").
	sents := order
	if len(s.sents) > 0 && s.sents[0].Zone == rules.ZoneTitle && !slices.Contains(sents, 0) {
		sents = append(slices.Clone(sents), 0)
	}
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
	if len(cf.Chips) == 0 && len(cf.Companies) == 0 {
		for _, m := range s.ents {
			e := s.entry(m)
			if m.sent >= len(s.sents) || s.sents[m.sent].Zone == rules.ZoneBody {
				continue
			}
			if e != nil && (e.Kind == gazetteer.KindChipmaker || e.Kind == gazetteer.KindToolMaker || e.Has("chip") || (e.Kind == gazetteer.KindAICompany && m.ai)) {
				cf.Companies = appendNew(cf.Companies, e.Name)
			}
		}
	}
	if len(cf.Chips) == 0 {
		// No chip named: keep the chip words of the policy sentences, title
		// first ("AI chips", "chipmaking equipment"), at most three.
		if id, ok := s.c.termID["chip_word"]; ok {
			for _, si := range append([]int{0}, sents...) {
				for _, h := range s.terms {
					if int(h.feature) == id && int(h.sent) == si && slices.Contains(sents, si) && len(cf.Chips) < 3 {
						w := string(s.text.Runes[h.start:h.end])
						if !slices.ContainsFunc(cf.Chips, func(c string) bool { return strings.EqualFold(c, w) }) {
							cf.Chips = append(cf.Chips, w)
						}
					}
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

// stateInvestor returns the first sovereign or state fund named in the
// policy sentences or the title, or nil.
func (s *state) stateInvestor(order []int) *gazetteer.Entry {
	for _, m := range s.ents {
		if m.sent != 0 && !slices.Contains(order, m.sent) {
			continue
		}
		if e := s.entry(m); e != nil && e.Kind == gazetteer.KindInvestor && e.Has("sovereign") && e.Country != "" {
			return e
		}
	}
	return nil
}

// scriptJurisdiction names the country whose script the policy sentences
// are written in, for the scripts that one country uses: Hangul, kana,
// Thai, Hebrew. Chinese characters alone do not say mainland or Taiwan.
func (s *state) scriptJurisdiction(order []int) string {
	for _, si := range order {
		for _, r := range s.text.Runes[s.sents[si].Start:s.sents[si].End] {
			switch {
			case vietnameseLetter(r):
				return "Vietnam"
			case r < 0x0590:
				continue
			case unicode.Is(unicode.Hangul, r):
				return "South Korea"
			case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
				return "Japan"
			case unicode.Is(unicode.Thai, r):
				return "Thailand"
			case unicode.Is(unicode.Hebrew, r):
				return "Israel"
			}
		}
	}
	return ""
}

// vietnameseLetter reports whether r is a letter only Vietnamese writes:
// the horned ơ and ư, and the vowels with a tone mark under or over a
// diacritic (ạ, ấ, ệ, ộ ...).
func vietnameseLetter(r rune) bool {
	return r == 'ơ' || r == 'ư' || r == 'Ơ' || r == 'Ư' || r >= 0x1EA0 && r <= 0x1EF9
}
