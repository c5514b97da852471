package story

import (
	"math"
	"slices"

	"github.com/newsmon/newsmon/pkg/events"
)

var dealRank = map[string]int{events.DealRumoured: 1, events.DealInTalks: 2, events.DealAnnounced: 3, events.DealCompleted: 4, events.DealCalledOff: 5}

var policyRank = map[string]int{events.PolicyProposed: 1, events.PolicyInForce: 2, events.PolicyApprovedWithConditions: 2,
	events.PolicyRelaxed: 3, events.PolicyReversed: 4}

// mergeFacts folds new facts into the story's and lists the material
// changes ("deal.status: in_talks -> announced"). Older news that reports an
// earlier status than the story already has is not a change.
func mergeFacts(old *events.Facts, nf *events.Facts) []string {
	if nf == nil {
		return nil
	}
	var changes []string
	if d := nf.Deal; d != nil {
		if old.Deal == nil {
			old.Deal = &events.DealFacts{}
		}
		o := old.Deal
		if d.Status != "" && d.Status != o.Status && (dealRank[d.Status] > dealRank[o.Status] || d.Status == events.DealCalledOff) {
			changes = append(changes, "deal.status: "+orNone(o.Status)+" -> "+d.Status)
			o.Status = d.Status
		}
		if d.Amount != nil && moneyChanged(o.Amount, d.Amount) {
			changes = append(changes, "deal.amount: "+money(o.Amount)+" -> "+money(d.Amount))
			o.Amount = d.Amount
		}
		if d.Valuation != nil && moneyChanged(o.Valuation, d.Valuation) {
			changes = append(changes, "deal.valuation: "+money(o.Valuation)+" -> "+money(d.Valuation))
			o.Valuation = d.Valuation
		}
		for _, inv := range d.Investors {
			if !slices.ContainsFunc(o.Investors, func(x events.Investor) bool { return sameName(x.Name, inv.Name) }) {
				changes = append(changes, "deal.investors: +"+inv.Name)
				o.Investors = append(o.Investors, inv)
			}
		}
		if o.Target == "" && d.Target != "" {
			o.Target = d.Target
		}
		if o.Type == "" {
			o.Type = d.Type
		}
	}
	if c := nf.ChipPolicy; c != nil {
		if old.ChipPolicy == nil {
			old.ChipPolicy = &events.ChipPolicyFacts{}
		}
		o := old.ChipPolicy
		if c.Status != "" && c.Status != o.Status && (policyRank[c.Status] > policyRank[o.Status] || c.Status == events.PolicyReversed) {
			changes = append(changes, "chip_policy.status: "+orNone(o.Status)+" -> "+c.Status)
			o.Status = c.Status
		}
		if o.Action == "" {
			o.Action = c.Action
		}
		for _, j := range c.Jurisdictions {
			if !slices.Contains(o.Jurisdictions, j) {
				o.Jurisdictions = append(o.Jurisdictions, j)
			}
		}
		for _, x := range c.Chips {
			if !slices.Contains(o.Chips, x) {
				o.Chips = append(o.Chips, x)
			}
		}
		for _, x := range c.Companies {
			if !slices.Contains(o.Companies, x) {
				o.Companies = append(o.Companies, x)
			}
		}
	}
	return changes
}

func moneyChanged(old, nw *events.Money) bool {
	if old == nil {
		return true
	}
	return math.Abs(old.USD-nw.USD) > 0.1*math.Max(old.USD, 1)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func cloneFacts(f events.Facts) events.Facts {
	var out events.Facts
	if f.Deal != nil {
		d := *f.Deal
		d.Investors = slices.Clone(d.Investors)
		out.Deal = &d
	}
	if f.ChipPolicy != nil {
		c := *f.ChipPolicy
		c.Jurisdictions = slices.Clone(c.Jurisdictions)
		c.Chips = slices.Clone(c.Chips)
		c.Companies = slices.Clone(c.Companies)
		out.ChipPolicy = &c
	}
	return out
}
