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
	// Hub is the advertised WebSub hub and Self the feed's own (topic)
	// URL; the subscription itself lives under WebSubKey.
	Hub  string `json:"websub_hub,omitempty"`
	Self string `json:"websub_self,omitempty"`
	// LeaseOwner holds the feed while it polls it, until LeaseUntil (on
	// the service clock): one replica polls a due feed, and a replica that
	// dies mid-poll lets another take the feed over once the lease ends.
	LeaseOwner string    `json:"lease_owner,omitempty"`
	LeaseUntil time.Time `json:"lease_until,omitzero"`
}

// leasedByOther reports whether a replica other than owner holds the feed
// at now.
func (s *State) leasedByOther(owner string, now time.Time) bool {
	return s.LeaseOwner != "" && s.LeaseOwner != owner && s.LeaseUntil.After(now)
}

// Silent reports whether the feed has published nothing for more than
// three times its usual cadence.
func (s *State) Silent(now time.Time) bool {
	return s.Cadence > 0 && !s.LastNewItem.IsZero() && now.Sub(s.LastNewItem) > 3*s.Cadence
}

// FeedKey is the feed_state key of a feed URL.
func FeedKey(feedURL string) string { return events.StableID("feed", feedURL) }

// errConflict is a compare-and-set that lost: another replica wrote the
// entry since it was read.
var errConflict = errors.New("feed state changed by another replica")

// stateStore reads and writes feed state.
type stateStore struct{ kv jetstream.KeyValue }

func (s stateStore) get(ctx context.Context, feedURL string) (State, error) {
	st, _, err := s.load(ctx, feedURL)
	return st, err
}

// load returns a feed's state and the entry's revision (0 when there is
// none yet).
func (s stateStore) load(ctx context.Context, feedURL string) (State, uint64, error) {
	e, err := s.kv.Get(ctx, FeedKey(feedURL))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return State{URL: feedURL}, 0, nil
	}
	if err != nil {
		return State{}, 0, fmt.Errorf("feed state %s: %w", httpguard.Redact(feedURL), err)
	}
	var st State
	if err := json.Unmarshal(e.Value(), &st); err != nil {
		// A corrupt record must not stop the feed: start afresh (the
		// revision still guards the next write).
		return State{URL: feedURL}, e.Revision(), nil
	}
	return st, e.Revision(), nil
}

// cas writes st if the entry is still at revision rev (0: if there is no
// entry) and returns the new revision, or errConflict.
func (s stateStore) cas(ctx context.Context, st *State, rev uint64) (uint64, error) {
	b, err := json.Marshal(st)
	if err != nil {
		return 0, err
	}
	key := FeedKey(st.URL)
	var nrev uint64
	if rev == 0 {
		nrev, err = s.kv.Create(ctx, key, b)
	} else {
		nrev, err = s.kv.Update(ctx, key, b, rev)
	}
	if isConflict(err) {
		return 0, errConflict
	}
	if err != nil {
		return 0, fmt.Errorf("save feed state %s: %w", httpguard.Redact(st.URL), err)
	}
	return nrev, nil
}

// isConflict recognises a lost compare-and-set (the server reports a
// wrong last sequence: 10071, or 10164 on replicated streams).
func isConflict(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, jetstream.ErrKeyExists) {
		return true
	}
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && (apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
		apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant)
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
