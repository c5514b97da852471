// Package story clusters classified articles into stories and decides what
// to alert: the first sighting of a story emits a new alert (revision 1),
// later reports of the same story add sources silently, and a change of
// facts or status emits an update with the same story id and a higher
// revision. It is pure: state goes in and comes out (the service keeps it
// in a JetStream KV bucket), and time comes from the inputs, so a replay or
// a redelivery gives the same decisions and never alerts twice.
package story

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
)

// Config tunes clustering.
type Config struct {
	// Window is how long after its last update a story can still absorb
	// new articles.
	Window time.Duration
	// NearDuplicate is the largest SimHash distance taken as the same text.
	NearDuplicate int
	// MaxSources caps the sources kept per story.
	MaxSources int
}

// DefaultConfig returns the defaults: a 72-hour window.
func DefaultConfig() Config { return Config{Window: 72 * time.Hour, NearDuplicate: 10, MaxSources: 50} }

// Article is one classified article, as the story logic needs it.
type Article struct {
	ID       string
	Revision int
	Title    string
	// Text is the lede or body used for near-duplicate detection.
	Text        string
	URL         string
	Outlet      string
	PublishedAt time.Time
	// SeenAt is when the pipeline classified the article (from its clock).
	SeenAt time.Time
	// Topic is the matched topic's verdict.
	Topic    events.TopicResult
	Entities []string
}

// Story is one story of one topic, as kept in the KV bucket.
type Story struct {
	ID          string            `json:"id"`
	Topic       string            `json:"topic"`
	Revision    int               `json:"revision"`
	Headline    string            `json:"headline"`
	Summary     string            `json:"summary"`
	URL         string            `json:"url"`
	Severity    events.Severity   `json:"severity"`
	Confidence  float64           `json:"confidence"`
	Facts       events.Facts      `json:"facts"`
	Evidence    []events.Evidence `json:"evidence,omitempty"`
	Entities    []string          `json:"entities,omitempty"`
	SimHashes   []string          `json:"simhashes"`
	Sources     []events.Source   `json:"sources"`
	Articles    []string          `json:"articles"`
	FirstSeenAt time.Time         `json:"first_seen_at"`
	UpdatedAt   time.Time         `json:"updated_at"`
	PublishedAt time.Time         `json:"published_at,omitzero"`
}

// maxArticleKeys bounds the article keys a story remembers for spotting
// redeliveries.
const maxArticleKeys = 200

// State holds the open stories. It serialises to JSON as is.
type State struct {
	Stories []Story `json:"stories"`
}

// Outcome says what an article did to the stories.
type Outcome string

// Outcomes.
const (
	// NewStory: the first sighting; Alert is revision 1.
	NewStory Outcome = "new"
	// Updated: facts or status changed; Alert is the next revision.
	Updated Outcome = "update"
	// SourceAdded: the same story from another source; no alert.
	SourceAdded Outcome = "source_added"
	// Duplicate: the article was already applied (redelivery); no alert.
	Duplicate Outcome = "duplicate"
)

// Decision is the result of applying one article.
type Decision struct {
	Outcome Outcome
	StoryID string
	// Alert is set for NewStory and Updated.
	Alert   *events.Alert
	Changes []string
}

// Apply files a into the state for its topic and returns the decision.
// Unmatched topics are ignored (Outcome Duplicate with no story).
func (st *State) Apply(a Article, cfg Config) Decision {
	if !a.Topic.Matched {
		return Decision{Outcome: Duplicate}
	}
	key := articleKey(a)
	hash := SimHash(a.Title + " " + a.Text)
	best, bestScore := -1, 0.0
	for i := range st.Stories {
		s := &st.Stories[i]
		if s.Topic != a.Topic.Topic {
			continue
		}
		if slices.Contains(s.Articles, key) {
			return Decision{Outcome: Duplicate, StoryID: s.ID}
		}
		if a.SeenAt.Sub(s.UpdatedAt) > cfg.Window || s.UpdatedAt.Sub(a.SeenAt) > cfg.Window {
			continue
		}
		if sc := match(s, a, hash, cfg); sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if best < 0 {
		s := newStory(a, key, hash)
		st.Stories = append(st.Stories, s)
		return Decision{Outcome: NewStory, StoryID: s.ID, Alert: s.alert(events.AlertNew, nil, a)}
	}
	s := &st.Stories[best]
	s.Articles = append(s.Articles, key)
	if len(s.Articles) > maxArticleKeys {
		// Only recent articles can still be redelivered; older keys
		// just grow the state.
		s.Articles = slices.Clone(s.Articles[len(s.Articles)-maxArticleKeys:])
	}
	if len(s.SimHashes) < 16 {
		s.SimHashes = append(s.SimHashes, hexHash(hash))
	}
	s.addSource(a, cfg)
	for _, e := range a.Entities {
		if !slices.Contains(s.Entities, e) {
			s.Entities = append(s.Entities, e)
		}
	}
	changes := mergeFacts(&s.Facts, a.Topic.Facts)
	if len(changes) == 0 {
		return Decision{Outcome: SourceAdded, StoryID: s.ID}
	}
	s.Revision++
	s.UpdatedAt = a.SeenAt
	s.Headline, s.URL = a.Title, a.URL
	if sev := a.Topic.Severity; sev.Rank() > s.Severity.Rank() {
		s.Severity = sev
	}
	s.Confidence = max(s.Confidence, a.Topic.Score)
	s.Evidence = withURL(a.Topic.Evidence, a.URL)
	if len(s.Evidence) > 0 {
		s.Summary = s.Evidence[0].Sentence
	}
	return Decision{Outcome: Updated, StoryID: s.ID, Alert: s.alert(events.AlertUpdate, changes, a), Changes: changes}
}

// Prune drops stories not updated within the window before now.
func (st *State) Prune(now time.Time, cfg Config) {
	st.Stories = slices.DeleteFunc(st.Stories, func(s Story) bool { return now.Sub(s.UpdatedAt) > cfg.Window })
}

func articleKey(a Article) string { return a.ID + "-r" + strconv.Itoa(a.Revision) }

func hexHash(h uint64) string { return strconv.FormatUint(h, 16) }

func newStory(a Article, key string, hash uint64) Story {
	s := Story{
		ID:          events.StableID("story", a.Topic.Topic, a.ID),
		Topic:       a.Topic.Topic,
		Revision:    1,
		Headline:    a.Title,
		URL:         a.URL,
		Severity:    a.Topic.Severity,
		Confidence:  a.Topic.Score,
		Evidence:    withURL(a.Topic.Evidence, a.URL),
		Entities:    slices.Clone(a.Entities),
		SimHashes:   []string{hexHash(hash)},
		Articles:    []string{key},
		FirstSeenAt: a.SeenAt,
		UpdatedAt:   a.SeenAt,
		PublishedAt: a.PublishedAt,
	}
	if !s.Severity.Valid() {
		s.Severity = events.SeverityLow
	}
	if a.Topic.Facts != nil {
		s.Facts = cloneFacts(*a.Topic.Facts)
	}
	if len(s.Evidence) > 0 {
		s.Summary = s.Evidence[0].Sentence
	}
	s.Sources = []events.Source{{Outlet: a.Outlet, URL: a.URL, Title: a.Title, FirstSeenAt: a.SeenAt}}
	return s
}

func (s *Story) addSource(a Article, cfg Config) {
	for _, src := range s.Sources {
		if src.URL == a.URL {
			return
		}
	}
	if len(s.Sources) < cfg.MaxSources {
		s.Sources = append(s.Sources, events.Source{Outlet: a.Outlet, URL: a.URL, Title: a.Title, FirstSeenAt: a.SeenAt})
	}
}

func (s *Story) alert(kind string, changes []string, a Article) *events.Alert {
	return &events.Alert{
		ID:          events.AlertID(s.ID, s.Topic, s.Revision),
		StoryID:     s.ID,
		Revision:    s.Revision,
		Kind:        kind,
		Topic:       s.Topic,
		Severity:    s.Severity,
		Confidence:  s.Confidence,
		Headline:    s.Headline,
		Summary:     s.Summary,
		URL:         s.URL,
		Changes:     changes,
		Sources:     slices.Clone(s.Sources),
		Facts:       cloneFacts(s.Facts),
		Evidence:    slices.Clone(s.Evidence),
		Entities:    slices.Clone(s.Entities),
		FirstSeenAt: s.FirstSeenAt,
		UpdatedAt:   a.SeenAt,
		PublishedAt: s.PublishedAt,
	}
}

func withURL(ev []events.Evidence, url string) []events.Evidence {
	out := make([]events.Evidence, len(ev))
	for i, e := range ev {
		e.URL = url
		out[i] = e
	}
	return out
}

// match scores how well article a fits story s (0 = not the same story).
func match(s *Story, a Article, hash uint64, cfg Config) float64 {
	near := 64
	for _, h := range s.SimHashes {
		if v, err := strconv.ParseUint(h, 16, 64); err == nil {
			near = min(near, Distance(v, hash))
		}
	}
	score := 0.0
	if near <= cfg.NearDuplicate {
		score += 3
	}
	f := a.Topic.Facts
	switch {
	case f != nil && f.Deal != nil && s.Facts.Deal != nil:
		d, sd := f.Deal, s.Facts.Deal
		if d.Target != "" && sameName(d.Target, sd.Target) {
			score += 3
		} else if d.Target != "" && sd.Target != "" {
			return 0 // different targets are different deals
		}
		score += 0.5 * float64(sharedInvestors(d.Investors, sd.Investors))
	case f != nil && f.ChipPolicy != nil && s.Facts.ChipPolicy != nil:
		c, sc := f.ChipPolicy, s.Facts.ChipPolicy
		// Only named chips and companies tie two policy stories together;
		// "chips" or "semiconductor" is in every one of them.
		shared := overlap(named(c.Chips), named(sc.Chips)) + overlap(c.Companies, sc.Companies)
		if len(c.Jurisdictions) > 0 && len(sc.Jurisdictions) > 0 && c.Jurisdictions[0] == sc.Jurisdictions[0] {
			score += 1
		}
		if c.Action == sc.Action {
			score += 0.5
		}
		score += float64(min(shared, 2))
	}
	if score < 2.5 {
		return 0
	}
	return score
}

func sameName(a, b string) bool {
	na, nb := strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	return na != "" && (na == nb || strings.HasPrefix(na, nb+" ") || strings.HasPrefix(nb, na+" "))
}

func sharedInvestors(a, b []events.Investor) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if sameName(x.Name, y.Name) {
				n++
			}
		}
	}
	return n
}

// named keeps the chips in list that the gazetteer knows by name ("H20",
// "Ascend 910C", "Blackwell"); a generic word ("chips", "semiconductor",
// "AI chips") is in every policy story and ties none together.
func named(list []string) []string {
	chipNamesOnce.Do(func() {
		chipNames = map[string]bool{}
		g, err := gazetteer.Default()
		if err != nil {
			return
		}
		for i := range g.Entries {
			if e := &g.Entries[i]; e.Kind == gazetteer.KindChip || e.Kind == gazetteer.KindProduct {
				chipNames[strings.ToLower(e.Name)] = true
			}
		}
	})
	var out []string
	for _, x := range list {
		if chipNames[strings.ToLower(x)] {
			out = append(out, x)
		}
	}
	return out
}

var (
	chipNamesOnce sync.Once
	chipNames     map[string]bool
)

func overlap(a, b []string) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

func money(m *events.Money) string {
	if m == nil {
		return "none"
	}
	return fmt.Sprintf("%s (%.0f USD)", m.Text, m.USD)
}
