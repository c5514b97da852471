package classify

import (
	"slices"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

// severity applies the topic's severity rules: the first rule whose
// conditions all hold gives the level; low when none does.
func (s *state) severity(t *rules.Topic, score float64, f *events.Facts) events.Severity {
	for _, r := range t.Severity {
		if severityHolds(r, score, f) {
			return events.Severity(r.Level)
		}
	}
	return events.SeverityLow
}

func severityHolds(r rules.SeverityRule, score float64, f *events.Facts) bool {
	if r.MinScore > 0 && score < r.MinScore {
		return false
	}
	d, c := f.Deal, f.ChipPolicy
	if r.MinUSD > 0 && (d == nil || d.Amount == nil || d.Amount.USD < r.MinUSD) {
		return false
	}
	if r.MinValuationUSD > 0 && (d == nil || d.Valuation == nil || d.Valuation.USD < r.MinValuationUSD) {
		return false
	}
	if len(r.DealTypes) > 0 && (d == nil || !slices.Contains(r.DealTypes, d.Type)) {
		return false
	}
	if len(r.Jurisdictions) > 0 && (c == nil || len(c.Jurisdictions) == 0 || !slices.Contains(r.Jurisdictions, c.Jurisdictions[0])) {
		return false
	}
	if len(r.Actions) > 0 && (c == nil || !slices.Contains(r.Actions, c.Action)) {
		return false
	}
	if len(r.Statuses) > 0 {
		status := ""
		switch {
		case c != nil:
			status = c.Status
		case d != nil:
			status = d.Status
		}
		if !slices.Contains(r.Statuses, status) {
			return false
		}
	}
	return true
}
