package fetcher

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/httpguard"
)

// State is what the fetcher remembers about one feed, in the feed_state
// bucket under FeedKey(url).
type State struct {
	URL  string `json:"url"`
	Name string `json:"name,omitempty"`
	// CurrentURL is where the feed lives after a permanent redirect.
	CurrentURL string `json:"current_url,omitempty"`
	httpguard.Validators
	NextPoll time.Time `json:"next_poll"`
	// Interval is the adaptive interval in force.
	Interval    time.Duration `json:"interval_ns,omitempty"`
	LastPoll    time.Time     `json:"last_poll,omitzero"`
	LastSuccess time.Time     `json:"last_success,omitzero"`
	// LastNewItem and Cadence (the usual gap between new entries) flag a
	// feed that went silent.
	LastNewItem    time.Time     `json:"last_new_item,omitzero"`
	Cadence        time.Duration `json:"cadence_ns,omitempty"`
	Failures       int           `json:"consecutive_failures,omitempty"`
	LastErrorClass string        `json:"last_error_class,omitempty"`
	LastError      string        `json:"last_error,omitempty"`
	LastErrorAt    time.Time     `json:"last_error_at,omitzero"`
	ItemsPublished int64         `json:"items_published,omitempty"`
	Polls          int64         `json:"polls,omitempty"`
	// Baselined is set once a first document was read: later polls publish
	// every new entry.
	Baselined      bool   `json:"baselined,omitempty"`
	Disabled       bool   `json:"disabled,omitempty"`
	DisabledReason string `json:"disabled_reason,omitempty"`
	// Hub is the advertised WebSub hub (recorded; subscribing is not
	// implemented yet).
	Hub string `json:"websub_hub,omitempty"`
}

// Silent reports whether the feed has published nothing for more than
// three times its usual cadence.
func (s *State) Silent(now time.Time) bool {
	return s.Cadence > 0 && !s.LastNewItem.IsZero() && now.Sub(s.LastNewItem) > 3*s.Cadence
}

// FeedKey is the feed_state key of a feed URL.
func FeedKey(feedURL string) string { return events.StableID("feed", feedURL) }

// stateStore reads and writes feed state.
type stateStore struct{ kv jetstream.KeyValue }

func (s stateStore) get(ctx context.Context, feedURL string) (State, error) {
	e, err := s.kv.Get(ctx, FeedKey(feedURL))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return State{URL: feedURL}, nil
	}
	if err != nil {
		return State{}, fmt.Errorf("feed state %s: %w", httpguard.Redact(feedURL), err)
	}
	var st State
	if err := json.Unmarshal(e.Value(), &st); err != nil {
		// A corrupt record must not stop the feed: start afresh.
		return State{URL: feedURL}, nil
	}
	return st, nil
}

func (s stateStore) put(ctx context.Context, st *State) error {
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if _, err := s.kv.Put(ctx, FeedKey(st.URL), b); err != nil {
		return fmt.Errorf("save feed state %s: %w", httpguard.Redact(st.URL), err)
	}
	return nil
}

// seenRecord is what the seen_items bucket keeps per entry id.
type seenRecord struct {
	// Rev is the last published revision; 0 means recorded as seen on a
	// first poll without being published.
	Rev  int    `json:"rev"`
	Hash string `json:"hash"`
	// FirstSeen keeps an estimated publication date stable across
	// revisions.
	FirstSeen time.Time `json:"first_seen"`
}

type seenStore struct{ kv jetstream.KeyValue }

func (s seenStore) get(ctx context.Context, id string) (seenRecord, bool, error) {
	e, err := s.kv.Get(ctx, id)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return seenRecord{}, false, nil
	}
	if err != nil {
		return seenRecord{}, false, fmt.Errorf("seen item %s: %w", id, err)
	}
	var r seenRecord
	if err := json.Unmarshal(e.Value(), &r); err != nil {
		return seenRecord{}, false, nil
	}
	return r, true, nil
}

func (s seenStore) put(ctx context.Context, id string, r seenRecord) error {
	b, _ := json.Marshal(r)
	if _, err := s.kv.Put(ctx, id, b); err != nil {
		return fmt.Errorf("record seen item %s: %w", id, err)
	}
	return nil
}

// contentHash is what "materially changed" compares: title and text.
func contentHash(it events.FeedItem) string {
	text := it.Content
	if text == "" {
		text = it.Summary
	}
	return events.StableID(it.Title, text)
}
