package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/notifier/notify/slack"
)

// store is the notification log (the notify_log key-value bucket): what was
// delivered where, permanent failures, Slack threads, pending digest
// entries and digest flush claims. Keys:
//
//	sent.<destination>.<alert id>            delivered (after a 2xx)
//	fail.<destination>.<alert id>            refused for good (reason)
//	thread.<destination>.<story id>          Slack bot thread of a story
//	digest.<destination>.<route>.<alert id>  waiting for the next digest
//	flush.<destination>.<route>.<unix time>  a replica claimed that digest window
type store struct{ kv jetstream.KeyValue }

// sentRecord is the value of a sent key.
type sentRecord struct {
	At     time.Time `json:"at"`
	Route  string    `json:"route,omitempty"`
	Digest string    `json:"digest,omitempty"`
}

var keySafe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// keyPart passes a safe token through and hashes anything else, so that
// content-derived ids can never break a key apart.
func keyPart(s string) string {
	if keySafe.MatchString(s) {
		return s
	}
	return "h" + events.StableID("key", s)
}

func sentKey(dest, alertID string) string { return "sent." + keyPart(dest) + "." + keyPart(alertID) }
func failKey(dest, alertID string) string { return "fail." + keyPart(dest) + "." + keyPart(alertID) }
func digestPrefix(dest, route string) string {
	return "digest." + keyPart(dest) + "." + keyPart(route) + "."
}

func (s *store) exists(ctx context.Context, key string) ([]byte, bool, error) {
	e, err := s.kv.Get(ctx, key)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound), errors.Is(err, jetstream.ErrKeyDeleted):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("notify log: get %s: %w", key, err)
	}
	return e.Value(), true, nil
}

func (s *store) put(ctx context.Context, key string, v []byte) error {
	var err error
	for range 3 {
		if _, err = s.kv.Put(ctx, key, v); err == nil || ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("notify log: put %s: %w", key, err)
	}
	return nil
}

// sent reports whether alertID was delivered to dest.
func (s *store) sent(ctx context.Context, dest, alertID string) (bool, error) {
	_, ok, err := s.exists(ctx, sentKey(dest, alertID))
	return ok, err
}

func (s *store) markSent(ctx context.Context, dest, alertID string, r sentRecord) error {
	b, _ := json.Marshal(r)
	return s.put(ctx, sentKey(dest, alertID), b)
}

// failed returns the reason alertID was refused for good by dest, if it was.
func (s *store) failed(ctx context.Context, dest, alertID string) (string, bool, error) {
	v, ok, err := s.exists(ctx, failKey(dest, alertID))
	return string(v), ok, err
}

func (s *store) markFailed(ctx context.Context, dest, alertID, reason string) error {
	return s.put(ctx, failKey(dest, alertID), []byte(reason))
}

// GetThread implements slack.ThreadStore.
func (s *store) GetThread(ctx context.Context, dest, storyID string) (slack.Thread, bool, error) {
	v, ok, err := s.exists(ctx, "thread."+keyPart(dest)+"."+keyPart(storyID))
	if err != nil || !ok {
		return slack.Thread{}, false, err
	}
	var t slack.Thread
	if err := json.Unmarshal(v, &t); err != nil || t.TS == "" {
		return slack.Thread{}, false, nil
	}
	return t, true, nil
}

// PutThread implements slack.ThreadStore.
func (s *store) PutThread(ctx context.Context, dest, storyID string, t slack.Thread) error {
	b, _ := json.Marshal(t)
	return s.put(ctx, "thread."+keyPart(dest)+"."+keyPart(storyID), b)
}

// addDigest queues a for the next digest of route to dest. Queuing the
// same alert twice keeps one entry.
func (s *store) addDigest(ctx context.Context, dest, route string, a events.Alert) error {
	a.Evidence = nil // not shown in a digest; keeps entries small
	b, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("notify log: encode digest entry: %w", err)
	}
	return s.put(ctx, digestPrefix(dest, route)+keyPart(a.ID), b)
}

// pendingDigest returns the queued entries of route to dest by key.
func (s *store) pendingDigest(ctx context.Context, dest, route string) (map[string]events.Alert, error) {
	lister, err := s.kv.ListKeysFiltered(ctx, digestPrefix(dest, route)+"*")
	if err != nil {
		if errors.Is(err, jetstream.ErrNoKeysFound) {
			return nil, nil
		}
		return nil, fmt.Errorf("notify log: list digest %s/%s: %w", dest, route, err)
	}
	var keys []string
	for k := range lister.Keys() {
		keys = append(keys, k)
	}
	_ = lister.Stop() // the listing has ended; Stop only releases the watcher
	out := map[string]events.Alert{}
	for _, k := range keys {
		v, ok, err := s.exists(ctx, k)
		if err != nil {
			return nil, err
		}
		var a events.Alert
		if !ok || json.Unmarshal(v, &a) != nil {
			continue
		}
		out[k] = a
	}
	return out, nil
}

func (s *store) remove(ctx context.Context, key string) error {
	if err := s.kv.Delete(ctx, key); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("notify log: delete %s: %w", key, err)
	}
	return nil
}

// claimWindow makes this replica the one that flushes the digest window
// ending at end; false means another already has.
func (s *store) claimWindow(ctx context.Context, dest, route string, end time.Time) (bool, error) {
	key := "flush." + keyPart(dest) + "." + keyPart(route) + "." + strconv.FormatInt(end.Unix(), 10)
	_, err := s.kv.Create(ctx, key, []byte(end.UTC().Format(time.RFC3339)))
	if errors.Is(err, jetstream.ErrKeyExists) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("notify log: claim %s: %w", key, err)
	}
	return true, nil
}
