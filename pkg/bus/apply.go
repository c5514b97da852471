package bus

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// Ensure applies the topology: it creates what is missing and updates what
// differs, so it is safe to run at every start of every service.
func Ensure(ctx context.Context, js jetstream.JetStream, t Topology) error {
	for _, s := range t.Streams {
		cfg := jetstream.StreamConfig{
			Name:        s.Name,
			Description: s.Description,
			Subjects:    s.Subjects,
			Retention:   jetstream.LimitsPolicy,
			MaxAge:      s.MaxAge,
			MaxBytes:    s.MaxBytes,
			Duplicates:  s.Duplicates,
			Replicas:    t.Replicas,
			Storage:     jetstream.FileStorage,
			Discard:     jetstream.DiscardOld,
		}
		if _, err := js.CreateOrUpdateStream(ctx, cfg); err != nil {
			return fmt.Errorf("bus: ensure stream %s: %w", s.Name, err)
		}
	}
	for _, c := range t.Consumers {
		cfg := jetstream.ConsumerConfig{
			Durable:       c.Durable,
			Description:   c.Description,
			FilterSubject: c.FilterSubject,
			AckPolicy:     jetstream.AckExplicitPolicy,
			DeliverPolicy: jetstream.DeliverAllPolicy,
			AckWait:       c.AckWait,
			MaxDeliver:    c.MaxDeliver,
			MaxAckPending: c.MaxAckPending,
			Replicas:      t.Replicas,
		}
		if _, err := js.CreateOrUpdateConsumer(ctx, c.Stream, cfg); err != nil {
			return fmt.Errorf("bus: ensure consumer %s on %s: %w", c.Durable, c.Stream, err)
		}
	}
	for _, b := range t.Buckets {
		cfg := jetstream.KeyValueConfig{
			Bucket:      b.Name,
			Description: b.Description,
			TTL:         b.TTL,
			History:     b.History,
			Replicas:    t.Replicas,
			Storage:     jetstream.FileStorage,
		}
		if _, err := js.CreateOrUpdateKeyValue(ctx, cfg); err != nil {
			return fmt.Errorf("bus: ensure key-value bucket %s: %w", b.Name, err)
		}
	}
	return nil
}
