// Package bus declares newsmon's JetStream topology as data and holds the
// publish and consume helpers every service uses. Only this package creates
// streams, consumers and key-value buckets.
package bus

import (
	"time"

	"github.com/newsmon/newsmon/pkg/events"
)

// Stream names.
const (
	StreamItems      = "NEWS_ITEMS"
	StreamArticles   = "NEWS_ARTICLES"
	StreamClassified = "NEWS_CLASSIFIED"
	StreamAlerts     = "ALERTS"
	// StreamDeadLetters captures the server's advisories for messages that
	// were terminated or exhausted their deliveries.
	StreamDeadLetters = "DEAD_LETTERS"
)

// Durable consumer names, one per consuming service.
const (
	ConsumerArticleParser  = "article-parser"
	ConsumerDealClassifier = "deal-classifier"
	ConsumerNotifier       = "notifier"
)

// Key-value bucket names.
const (
	BucketFeedState = "feed_state"
	BucketSeenItems = "seen_items"
	BucketStories   = "stories"
	BucketNotifyLog = "notify_log"
	// BucketArticleURLs maps an article's canonical URL to the first item
	// id it was published under, so one article reached through several
	// links is recognised (article-parser).
	BucketArticleURLs = "article_urls"
)

// Advisory subject prefixes the dead-letter stream captures.
const (
	advisoryMaxDeliveries = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES"
	advisoryTerminated    = "$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED"
)

// StreamSpec declares one stream.
type StreamSpec struct {
	Name     string
	Subjects []string
	MaxAge   time.Duration
	MaxBytes int64
	// Duplicates is the publish de-duplication window (Nats-Msg-Id).
	Duplicates  time.Duration
	Description string
}

// ConsumerSpec declares one durable pull consumer.
type ConsumerSpec struct {
	Stream        string
	Durable       string
	FilterSubject string
	// AckWait is how long the server waits for an ack before redelivering;
	// handlers get a context that ends earlier (see Consume).
	AckWait time.Duration
	// MaxDeliver bounds deliveries; the last failed one is dead-lettered.
	//
	// Retry backoff is applied by Consume as a nak delay that grows with the
	// delivery count (NakDelay). The server's ConsumerConfig.BackOff is left
	// unset on purpose: nats-server measures a delayed nak against
	// BackOff[deliveries] rather than the requested delay, which stretched a
	// 2ms retry to minutes in our tests.
	MaxDeliver    int
	MaxAckPending int
	Description   string
}

// BucketSpec declares one key-value bucket.
type BucketSpec struct {
	Name        string
	TTL         time.Duration
	History     uint8
	Description string
}

// Topology is the whole map of streams, consumers and buckets.
type Topology struct {
	Replicas  int
	Streams   []StreamSpec
	Consumers []ConsumerSpec
	Buckets   []BucketSpec
}

// Options tune the topology for a deployment.
type Options struct {
	// Replicas is 1 for the embedded server, 3 in a cluster.
	Replicas int
	// DuplicateWindow is the publish de-duplication window (default 2h).
	DuplicateWindow time.Duration
	// SeenItemsTTL is how long the feed-fetcher remembers an item (default 90 days).
	SeenItemsTTL time.Duration
	// Retention is how long news streams keep messages (default 14 days).
	Retention time.Duration
}

func (o Options) withDefaults() Options {
	if o.Replicas <= 0 {
		o.Replicas = 1
	}
	if o.DuplicateWindow <= 0 {
		o.DuplicateWindow = 2 * time.Hour
	}
	if o.SeenItemsTTL <= 0 {
		o.SeenItemsTTL = 90 * 24 * time.Hour
	}
	if o.Retention <= 0 {
		o.Retention = 14 * 24 * time.Hour
	}
	return o
}

// Default returns newsmon's topology for the given options.
func Default(o Options) Topology {
	o = o.withDefaults()
	const gib = 1 << 30
	return Topology{
		Replicas: o.Replicas,
		Streams: []StreamSpec{
			{Name: StreamItems, Subjects: []string{events.SubjectItems}, MaxAge: o.Retention, MaxBytes: 4 * gib, Duplicates: o.DuplicateWindow,
				Description: "new and changed feed entries from the feed-fetcher"},
			{Name: StreamArticles, Subjects: []string{events.SubjectArticles}, MaxAge: o.Retention, MaxBytes: 8 * gib, Duplicates: o.DuplicateWindow,
				Description: "articles with full text from the article-parser"},
			{Name: StreamClassified, Subjects: []string{events.SubjectClassified}, MaxAge: o.Retention, MaxBytes: 8 * gib, Duplicates: o.DuplicateWindow,
				Description: "every article's classification, for audit and re-scoring"},
			{Name: StreamAlerts, Subjects: []string{events.SubjectAlertsAll}, MaxAge: 90 * 24 * time.Hour, MaxBytes: 2 * gib, Duplicates: o.DuplicateWindow,
				Description: "story-level alerts: alerts.<topic>.<severity>"},
			{Name: StreamDeadLetters, Subjects: []string{advisoryMaxDeliveries + ".>", advisoryTerminated + ".>"}, MaxAge: 30 * 24 * time.Hour, MaxBytes: gib, Duplicates: o.DuplicateWindow,
				Description: "advisories for terminated and undeliverable messages; originals stay in their stream"},
		},
		Consumers: []ConsumerSpec{
			{Stream: StreamItems, Durable: ConsumerArticleParser, FilterSubject: events.SubjectItems,
				AckWait: 90 * time.Second, MaxDeliver: 6, MaxAckPending: 256,
				Description: "article-parser: fetch and extract each item"},
			{Stream: StreamArticles, Durable: ConsumerDealClassifier, FilterSubject: events.SubjectArticles,
				AckWait: 30 * time.Second, MaxDeliver: 6, MaxAckPending: 512,
				Description: "deal-classifier: classify and cluster each article"},
			{Stream: StreamAlerts, Durable: ConsumerNotifier, FilterSubject: events.SubjectAlertsAll,
				AckWait: 60 * time.Second, MaxDeliver: 10, MaxAckPending: 64,
				Description: "notifier: route alerts to Slack and webhooks"},
		},
		Buckets: []BucketSpec{
			{Name: BucketFeedState, History: 1, Description: "per-feed ETag, Last-Modified, next poll, failures"},
			{Name: BucketSeenItems, TTL: o.SeenItemsTTL, History: 1, Description: "item ids already published, with a content hash"},
			{Name: BucketStories, TTL: 60 * 24 * time.Hour, History: 1, Description: "story clusters and their last alerted facts"},
			{Name: BucketNotifyLog, TTL: 60 * 24 * time.Hour, History: 1, Description: "alert revisions delivered per destination"},
			{Name: BucketArticleURLs, TTL: 30 * 24 * time.Hour, History: 1, Description: "canonical article URL to the first item id published with it"},
		},
	}
}

// Consumer returns the spec of the named durable consumer.
func (t Topology) Consumer(durable string) (ConsumerSpec, bool) {
	for _, c := range t.Consumers {
		if c.Durable == durable {
			return c, true
		}
	}
	return ConsumerSpec{}, false
}
