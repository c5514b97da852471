// Package events holds the message types that travel between newsmon's
// services. Each type mirrors a JSON Schema in the repository's schemas/
// directory; the schema $id is recorded in the type's SchemaURI constant and
// in the CloudEvents dataschema of every published message.
//
// Consumers must ignore unknown fields: additive, optional fields stay in v1.
// A breaking change gets a v2 schema, a v2 type constant and a v2 subject.
package events

// Subjects used on the bus. Alerts are published on AlertSubject(topic, severity).
const (
	SubjectItems      = "news.items"
	SubjectArticles   = "news.articles"
	SubjectClassified = "news.classified"
	// SubjectAlertsAll is the wildcard that matches every alert.
	SubjectAlertsAll = "alerts.>"
)

// CloudEvents types (ce-type) of the four messages.
const (
	TypeFeedItem       = "dev.newsmon.feed_item.v1"
	TypeArticle        = "dev.newsmon.article.v1"
	TypeClassification = "dev.newsmon.classification.v1"
	TypeAlert          = "dev.newsmon.alert.v1"
)

// Schema URIs ($id of the JSON Schema files in schemas/).
const (
	SchemaBase            = "https://newsmon.dev/schemas/"
	SchemaFeedItem        = SchemaBase + "feed_item.v1.json"
	SchemaArticle         = SchemaBase + "article.v1.json"
	SchemaClassification  = SchemaBase + "classification.v1.json"
	SchemaAlert           = SchemaBase + "alert.v1.json"
	SchemaFeedsConfig     = SchemaBase + "feeds.v1.json"
	SchemaRulesConfig     = SchemaBase + "rules.v1.json"
	SchemaRoutesConfig    = SchemaBase + "routes.v1.json"
	SchemaArchiveManifest = SchemaBase + "archive.v1.json"
)

// Severity of an alert. Severities are ordered: low < medium < high.
type Severity string

// The three severities.
const (
	SeverityLow    Severity = "low"
	SeverityMedium Severity = "medium"
	SeverityHigh   Severity = "high"
)

// Rank orders severities (low=1, medium=2, high=3; unknown=0).
func (s Severity) Rank() int {
	switch s {
	case SeverityLow:
		return 1
	case SeverityMedium:
		return 2
	case SeverityHigh:
		return 3
	}
	return 0
}

// Valid reports whether s is one of the three severities.
func (s Severity) Valid() bool { return s.Rank() > 0 }

// AlertSubject is the subject an alert for topic at severity is published on.
func AlertSubject(topic string, sev Severity) string {
	return "alerts." + topic + "." + string(sev)
}
