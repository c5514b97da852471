package events

import "time"

// Extraction methods recorded on an Article.
const (
	MethodTrafilatura = "trafilatura"
	MethodReadability = "readability"
	MethodCombined    = "combined"
	// MethodFeed means the article page could not be used and the text is the
	// feed's own content or summary; Extraction.FallbackReason says why.
	MethodFeed = "feed"
)

// Article is a feed item with its full text and page metadata, published by
// the article-parser on news.articles. Schema: schemas/article.v1.json.
type Article struct {
	// ID equals the FeedItem ID it was made from; Revision likewise.
	ID       string   `json:"id"`
	Revision int      `json:"revision"`
	FeedURL  string   `json:"feed_url"`
	FeedName string   `json:"feed_name,omitempty"`
	FeedTags []string `json:"feed_tags,omitempty"`
	// URL is the canonical article URL (rel=canonical / og:url when trusted,
	// else the final URL after redirects, else the item link).
	URL string `json:"url"`
	// ItemURL is the link the feed gave.
	ItemURL  string   `json:"item_url"`
	Outlet   string   `json:"outlet"`
	Title    string   `json:"title"`
	Authors  []string `json:"authors,omitempty"`
	Language string   `json:"language,omitempty"`
	Section  string   `json:"section,omitempty"`
	Keywords []string `json:"keywords,omitempty"`
	ImageURL string   `json:"image_url,omitempty"`
	// Summary is the feed's summary (plain text).
	Summary string `json:"summary,omitempty"`
	// Text is the body as plain text, paragraphs separated by a blank line.
	Text        string    `json:"text"`
	WordCount   int       `json:"word_count"`
	PublishedAt time.Time `json:"published_at"`
	// PublishedEstimated is carried over from the feed item.
	PublishedEstimated bool       `json:"published_estimated,omitempty"`
	ModifiedAt         time.Time  `json:"modified_at,omitzero"`
	Extraction         Extraction `json:"extraction"`
	// DuplicateOf is set when the same article (same canonical URL, reached
	// through another link: a tracking redirect, an AMP page, another
	// feed) was already published under another item id: it names that
	// first item. The article is still published; consumers may skip it.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Extraction records how an Article's text was obtained.
type Extraction struct {
	Method string `json:"method"`
	// FallbackReason is set when Method is "feed": paywall, blocked,
	// bot_challenge, not_html, empty, fetch_error, robots, too_large, ...
	FallbackReason string `json:"fallback_reason,omitempty"`
	// Detail is a human-readable explanation of the fallback or error.
	Detail     string    `json:"detail,omitempty"`
	HTTPStatus int       `json:"http_status,omitempty"`
	FinalURL   string    `json:"final_url,omitempty"`
	FetchMS    int64     `json:"fetch_ms"`
	ExtractMS  int64     `json:"extract_ms"`
	FetchedAt  time.Time `json:"fetched_at,omitzero"`
}

// MsgID is the JetStream de-duplication id of this article revision.
func (a Article) MsgID() string { return revisionID(a.ID, a.Revision) }
