package fetcher

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// subscription is what is known of one feed's WebSub subscription.
type subscription struct {
	Feed  string `json:"feed"`
	Hub   string `json:"hub"`
	Topic string `json:"topic"`
	// Status is what the hub last confirmed: active, denied or
	// unsubscribed.
	Status string `json:"status,omitempty"`
	// Pending is the mode asked of the hub and not yet verified.
	Pending     string    `json:"pending,omitempty"`
	RequestedAt time.Time `json:"requested_at,omitzero"`
	// Attempts counts requests the hub failed to accept in a row.
	Attempts   int       `json:"attempts,omitempty"`
	LastError  string    `json:"last_error,omitempty"`
	VerifiedAt time.Time `json:"verified_at,omitzero"`
	Expires    time.Time `json:"expires,omitzero"`
	LastPush   time.Time `json:"last_push,omitzero"`
	Pushes     int64     `json:"pushes,omitempty"`
	LastItemAt time.Time `json:"last_item_at,omitzero"`
}

// live reports whether the hub confirmed the subscription and its lease
// still runs.
func (s *subscription) live(now time.Time) bool {
	return s.Status == subActive && s.Expires.After(now)
}

// subStore reads and updates subscriptions in the feed_state bucket.
type subStore struct{ kv jetstream.KeyValue }

func (s subStore) load(ctx context.Context, key string) (subscription, uint64, bool, error) {
	e, err := s.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return subscription{}, 0, false, nil
	}
	if err != nil {
		return subscription{}, 0, false, fmt.Errorf("websub subscription %s: %w", key, err)
	}
	var sub subscription
	if json.Unmarshal(e.Value(), &sub) != nil {
		return subscription{}, e.Revision(), false, nil
	}
	return sub, e.Revision(), true, nil
}

// update applies fn to the stored subscription with compare-and-set,
// retrying when another writer got there first; fn returns false to
// write nothing.
func (s subStore) update(ctx context.Context, key string, fn func(sub *subscription, found bool) bool) error {
	for range 5 {
		sub, rev, found, err := s.load(ctx, key)
		if err != nil {
			return err
		}
		if !fn(&sub, found) {
			return nil
		}
		b, err := json.Marshal(sub)
		if err != nil {
			return err
		}
		if rev == 0 {
			_, err = s.kv.Create(ctx, key, b)
		} else {
			_, err = s.kv.Update(ctx, key, b, rev)
		}
		if !isConflict(err) {
			if err != nil {
				return fmt.Errorf("save websub subscription %s: %w", key, err)
			}
			return nil
		}
	}
	return fmt.Errorf("save websub subscription %s: %w", key, errConflict)
}
