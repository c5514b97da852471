package classify

import (
	"time"

	"github.com/newsmon/newsmon/pkg/events"
)

// Result is the verdict on one document: one TopicResult per topic of the
// rules file (matched or not) and the names found.
type Result struct {
	Topics       []events.TopicResult
	Entities     []events.Entity
	RulesVersion string
}

// Topic returns the verdict for topic id, or nil.
func (r Result) Topic(id string) *events.TopicResult {
	for i := range r.Topics {
		if r.Topics[i].Topic == id {
			return &r.Topics[i]
		}
	}
	return nil
}

// Matched lists the ids of the matched topics.
func (r Result) Matched() []string {
	var out []string
	for _, t := range r.Topics {
		if t.Matched {
			out = append(out, t.Topic)
		}
	}
	return out
}

// Fill copies the verdict into a classification record; the caller sets the
// article's id, revision and story id.
func (r Result) Fill(c *events.Classification, doc Document, classifiedAt time.Time) {
	c.URL, c.Outlet, c.Title = doc.URL, doc.Outlet, doc.Title
	c.Topics = r.Topics
	c.Entities = r.Entities
	c.PublishedAt = doc.PublishedAt
	c.ClassifiedAt = classifiedAt
	c.RulesVersion = r.RulesVersion
}
