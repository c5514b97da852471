package classifier

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/services/deal-classifier/story"
)

// storyStore keeps each topic's open stories under one key of the stories
// bucket, updated with compare-and-set so replicas never overwrite each
// other. The value is gzip-compressed JSON: a busy 72-hour window holds
// hundreds of stories, and compression keeps it well under the 1 MB
// message limit of a default NATS server.
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
	raw, err := decompress(e.Value())
	if err != nil {
		return nil, 0, fmt.Errorf("stories of %s are corrupt: %w", topic, err)
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, 0, fmt.Errorf("stories of %s are corrupt: %w", topic, err)
	}
	return &st, e.Revision(), nil
}

// store writes st if the key is still at rev; jetstream.ErrKeyExists means
// someone else wrote first.
func (s *storyStore) store(ctx context.Context, topic string, st *story.State, rev uint64) error {
	b, err := compress(st)
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

func compress(st *story.State) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(st); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decompress accepts gzip and, from before compression, plain JSON.
func decompress(b []byte) ([]byte, error) {
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(io.LimitReader(zr, 64<<20))
}
