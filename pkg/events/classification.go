package events

import "time"

// Classification is the classifier's verdict on one article revision,
// published on news.classified for every article, flagged or not.
// Schema: schemas/classification.v1.json.
type Classification struct {
	// ID equals the Article ID; Revision likewise.
	ID       string `json:"id"`
	Revision int    `json:"revision"`
	URL      string `json:"url"`
	Outlet   string `json:"outlet"`
	Title    string `json:"title"`
	// Topics holds one verdict per topic in the rules file, matched or not.
	Topics []TopicResult `json:"topics"`
	// Entities are the known or discovered names found in the text.
	Entities []Entity `json:"entities,omitempty"`
	// StoryID is the story the article was clustered into, when it matched
	// at least one topic.
	StoryID      string    `json:"story_id,omitempty"`
	PublishedAt  time.Time `json:"published_at"`
	ClassifiedAt time.Time `json:"classified_at"`
	// RulesVersion identifies the rules file (hash) that produced the result.
	RulesVersion string `json:"rules_version"`
}

// TopicResult is the verdict for one topic.
type TopicResult struct {
	Topic string `json:"topic"`
	// Score is the confidence 0..1 from weighted evidence.
	Score    float64  `json:"score"`
	Matched  bool     `json:"matched"`
	Severity Severity `json:"severity,omitempty"`
	// RulesFired lists the rules that contributed, with their weights, so a
	// missed or wrong call can be diagnosed.
	RulesFired []RuleHit  `json:"rules_fired,omitempty"`
	Facts      *Facts     `json:"facts,omitempty"`
	Evidence   []Evidence `json:"evidence,omitempty"`
}

// RuleHit is one rule that fired and what it contributed to the score.
type RuleHit struct {
	Rule   string  `json:"rule"`
	Weight float64 `json:"weight"`
	// Where is "title", "lede" or "body"; "title+lede" or "lede+lede" for
	// a cue read across two adjacent sentences; "model" for the learned
	// scorer.
	Where string `json:"where"`
	Match string `json:"match,omitempty"`
}

// Entity is a name found in the text.
type Entity struct {
	Name string `json:"name"`
	// Kind is ai_company, investor, chipmaker, chip, government, company, person.
	Kind string `json:"kind"`
	// Known is false for names discovered by pattern, not from a gazetteer.
	Known bool `json:"known"`
	Start int  `json:"start"`
	End   int  `json:"end"`
}

// MsgID is the JetStream de-duplication id of this classification.
func (c Classification) MsgID() string { return revisionID(c.ID, c.Revision) }
