package events

import "time"

// Alert kinds.
const (
	AlertNew    = "new"
	AlertUpdate = "update"
)

// Alert is a story-level alert published on alerts.<topic>.<severity>: the
// first sighting of a story (revision 1), then an update each time the
// story's facts or status change. Schema: schemas/alert.v1.json.
type Alert struct {
	// ID is derived from StoryID, Topic and Revision.
	ID       string `json:"id"`
	StoryID  string `json:"story_id"`
	Revision int    `json:"revision"`
	// Kind is "new" for revision 1, "update" after.
	Kind       string   `json:"kind"`
	Topic      string   `json:"topic"`
	Severity   Severity `json:"severity"`
	Confidence float64  `json:"confidence"`
	Headline   string   `json:"headline"`
	Summary    string   `json:"summary"`
	URL        string   `json:"url"`
	// Changes says, for an update, what changed since the previous revision
	// ("deal.status: in_talks -> announced").
	Changes  []string   `json:"changes,omitempty"`
	Sources  []Source   `json:"sources"`
	Facts    Facts      `json:"facts"`
	Evidence []Evidence `json:"evidence,omitempty"`
	Entities []string   `json:"entities,omitempty"`
	// FirstSeenAt is when the story was first seen; UpdatedAt when this
	// revision was made; PublishedAt the first source's publication time.
	FirstSeenAt time.Time `json:"first_seen_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	PublishedAt time.Time `json:"published_at,omitzero"`
}

// Source is one outlet's article in a story.
type Source struct {
	Outlet      string    `json:"outlet"`
	URL         string    `json:"url"`
	Title       string    `json:"title,omitempty"`
	FirstSeenAt time.Time `json:"first_seen_at"`
}

// Subject is the subject this alert is published on.
func (a Alert) Subject() string { return AlertSubject(a.Topic, a.Severity) }

// MsgID is the JetStream de-duplication id of this alert revision.
func (a Alert) MsgID() string { return a.ID }

// AlertID derives an alert id from its story, topic and revision.
func AlertID(storyID, topic string, revision int) string {
	return StableID("alert", storyID, topic, revisionID("", revision))
}
