// Package alerts is the consumer side of newsmon's alerts: it decodes the
// story-level alerts published on alerts.<topic>.<severity>, subscribes to
// them durably (nothing missed while the subscriber is offline) or live,
// formats them as one readable line, and implements `newsmon alerts tail`.
package alerts

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsmon/newsmon/pkg/events"
)

// Alert is the typed alert consumers receive (an alias of events.Alert).
type Alert = events.Alert

// Filter selects alerts by topic and minimum severity. The zero Filter
// matches every alert.
type Filter struct {
	// Topic is one topic ("ai_investment", "chip_policy"); empty matches all.
	Topic string
	// MinSeverity keeps alerts at this severity or above; empty keeps all.
	MinSeverity events.Severity
}

// Validate checks the filter's topic and severity.
func (f Filter) Validate() error {
	if f.Topic != "" && !validToken(f.Topic) {
		return fmt.Errorf("alerts: topic %q must be a single subject token of letters, digits, _ or -", f.Topic)
	}
	if f.MinSeverity != "" && !f.MinSeverity.Valid() {
		return fmt.Errorf("alerts: severity %q is not one of low, medium, high", f.MinSeverity)
	}
	return nil
}

// Subjects are the subject filters that deliver exactly the alerts f
// matches, for example ["alerts.chip_policy.medium", "alerts.chip_policy.high"].
func (f Filter) Subjects() []string {
	topic := "*"
	if f.Topic != "" {
		topic = f.Topic
	}
	if f.MinSeverity == "" || f.MinSeverity == events.SeverityLow {
		return []string{"alerts." + topic + ".*"}
	}
	var out []string
	for _, s := range []events.Severity{events.SeverityLow, events.SeverityMedium, events.SeverityHigh} {
		if s.Rank() >= f.MinSeverity.Rank() {
			out = append(out, events.AlertSubject(topic, s))
		}
	}
	return out
}

// Match reports whether a passes the filter.
func (f Filter) Match(a Alert) bool {
	if f.Topic != "" && a.Topic != f.Topic {
		return false
	}
	return f.MinSeverity == "" || a.Severity.Rank() >= f.MinSeverity.Rank()
}

// Decode parses an alert message body.
func Decode(data []byte) (Alert, error) {
	var a Alert
	if err := json.Unmarshal(data, &a); err != nil {
		return Alert{}, fmt.Errorf("alerts: decode alert: %w", err)
	}
	if a.ID == "" || a.Topic == "" {
		return Alert{}, fmt.Errorf("alerts: decode alert: missing id or topic")
	}
	return a, nil
}

func validToken(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) < 0
}
