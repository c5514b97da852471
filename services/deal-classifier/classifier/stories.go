package classifier

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/services/deal-classifier/story"
)

// storyStore keeps each topic's open stories under one key of the stories
// bucket, updated with compare-and-set so replicas never overwrite each
// other.
type storyStore struct {
	kv jetstream.KeyValue
}

func storyKey(topic string) string { return "topic." + topic }

// load returns the topic's state and the revision to update it against (0
// when the key does not exist yet).
func (s *storyStore) load(ctx context.Context, topic string) (*story.State, uint64, error) {
	e, err := s.kv.Get(ctx, storyKey(topic))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return &story.State{}, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("load stories of %s: %w", topic, err)
	}
	var st story.State
	if err := json.Unmarshal(e.Value(), &st); err != nil {
		return nil, 0, fmt.Errorf("stories of %s are corrupt: %w", topic, err)
	}
	return &st, e.Revision(), nil
}

// store writes st if the key is still at rev; jetstream.ErrKeyExists means
// someone else wrote first.
func (s *storyStore) store(ctx context.Context, topic string, st *story.State, rev uint64) error {
	b, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("encode stories of %s: %w", topic, err)
	}
	if rev == 0 {
		_, err = s.kv.Create(ctx, storyKey(topic), b)
	} else {
		_, err = s.kv.Update(ctx, storyKey(topic), b, rev)
	}
	if err != nil {
		var apiErr *jetstream.APIError
		if errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence {
			return jetstream.ErrKeyExists
		}
		return fmt.Errorf("store stories of %s: %w", topic, err)
	}
	return nil
}
