package route

import (
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
)

// Match selects alerts. Every condition given must hold; a list condition
// holds when any of its values does. The zero Match selects every alert.
type Match struct {
	// Topics the alert's topic must be one of.
	Topics []string
	// MinSeverity and MaxSeverity bound the severity (inclusive).
	MinSeverity, MaxSeverity events.Severity
	// MinConfidence is the lowest confidence accepted (0..1).
	MinConfidence float64
	// Entities: one must be named by the alert (its entities, investors,
	// target, chips, companies or jurisdictions), compared case-insensitively.
	Entities []string
	// Keywords: one must occur in the headline, summary or changes,
	// case-insensitively.
	Keywords []string
	// Kinds limits to new stories or to updates.
	Kinds []string
}

// Matches reports whether a satisfies m.
func (m Match) Matches(a events.Alert) bool {
	if len(m.Topics) > 0 && !contains(m.Topics, a.Topic) {
		return false
	}
	if m.MinSeverity != "" && a.Severity.Rank() < m.MinSeverity.Rank() {
		return false
	}
	if m.MaxSeverity != "" && a.Severity.Rank() > m.MaxSeverity.Rank() {
		return false
	}
	if a.Confidence < m.MinConfidence {
		return false
	}
	if len(m.Kinds) > 0 && !contains(m.Kinds, a.Kind) {
		return false
	}
	if len(m.Entities) > 0 && !anyEntity(m.Entities, alertEntities(a)) {
		return false
	}
	if len(m.Keywords) > 0 {
		text := strings.ToLower(a.Headline + "\n" + a.Summary + "\n" + strings.Join(a.Changes, "\n"))
		found := false
		for _, k := range m.Keywords {
			if strings.Contains(text, strings.ToLower(k)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func alertEntities(a events.Alert) []string {
	out := append([]string(nil), a.Entities...)
	if d := a.Facts.Deal; d != nil {
		for _, i := range d.Investors {
			out = append(out, i.Name)
		}
		out = append(out, d.Target)
	}
	if c := a.Facts.ChipPolicy; c != nil {
		out = append(out, c.Jurisdictions...)
		out = append(out, c.Chips...)
		out = append(out, c.Companies...)
	}
	return out
}

func anyEntity(want, have []string) bool {
	for _, w := range want {
		for _, h := range have {
			if strings.EqualFold(strings.TrimSpace(w), strings.TrimSpace(h)) {
				return true
			}
		}
	}
	return false
}

// Target is one destination an alert goes to, and how.
type Target struct {
	Destination string
	// Route is the name of the route that chose the destination.
	Route string
	// Digest is the batching period; zero means deliver at once.
	Digest time.Duration
}

// Targets returns the destinations a goes to, each once, in the order
// of the routes file. Every matching route counts; when one destination is
// reached by several routes, immediate delivery wins over a digest, and
// among digests the first route wins.
func (c *Config) Targets(a events.Alert) []Target {
	var out []Target
	index := map[string]int{}
	for _, r := range c.Routes {
		if !r.Match.Matches(a) {
			continue
		}
		for _, d := range r.To {
			t := Target{Destination: d, Route: r.Name, Digest: r.Digest}
			i, seen := index[d]
			switch {
			case !seen:
				index[d] = len(out)
				out = append(out, t)
			case out[i].Digest > 0 && t.Digest == 0:
				out[i] = t
			}
		}
	}
	return out
}

// Destination returns the destination called name.
func (c *Config) Destination(name string) (Destination, bool) {
	for _, d := range c.Destinations {
		if d.Name == name {
			return d, true
		}
	}
	return Destination{}, false
}
