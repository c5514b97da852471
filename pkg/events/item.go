package events

import "time"

// FeedItem is one new or materially changed feed entry, published by the
// feed-fetcher on news.items. Schema: schemas/feed_item.v1.json.
type FeedItem struct {
	// ID is the stable item id: a hash of the feed URL and the entry's
	// identity (guid when unique, else link, else title+date).
	ID string `json:"id"`
	// Revision is 1 for a new item and grows by one each time the item's
	// title or content changes materially.
	Revision int    `json:"revision"`
	FeedURL  string `json:"feed_url"`
	FeedName string `json:"feed_name,omitempty"`
	// FeedTags are the tags given to the feed in the feed list.
	FeedTags []string `json:"feed_tags,omitempty"`
	// Language is the feed list's language hint or the feed's declared language.
	Language string `json:"language,omitempty"`
	GUID     string `json:"guid,omitempty"`
	// URL is the canonical link: resolved against the feed and stripped of
	// tracking parameters.
	URL string `json:"url"`
	// Title and Summary are plain text (HTML stripped, entities decoded).
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	// Content is the feed's full content as plain text with paragraph breaks,
	// when the feed carries one.
	Content    string   `json:"content,omitempty"`
	Authors    []string `json:"authors,omitempty"`
	Categories []string `json:"categories,omitempty"`
	ImageURL   string   `json:"image_url,omitempty"`
	// PublishedAt is the entry's date; when the feed gave none that could be
	// parsed it is the first-seen time and PublishedEstimated is true.
	PublishedAt        time.Time `json:"published_at"`
	PublishedEstimated bool      `json:"published_estimated,omitempty"`
	UpdatedAt          time.Time `json:"updated_at,omitzero"`
	FetchedAt          time.Time `json:"fetched_at"`
}

// MsgID is the JetStream de-duplication id of this item revision.
func (it FeedItem) MsgID() string { return revisionID(it.ID, it.Revision) }
