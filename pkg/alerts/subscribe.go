package alerts

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
)

// Options configure Subscribe.
type Options struct {
	Filter
	// Durable names a durable consumer on the ALERTS stream. With a name,
	// the server remembers what was acknowledged: alerts published while
	// the subscriber is offline are delivered when it comes back, and a
	// handler error redelivers the alert. Several processes using the same
	// name share the work. Empty means a live subscription (an ordered,
	// ephemeral consumer) that sees alerts only while it runs.
	Durable string
	// Since, when set, first delivers the alerts stored since that time:
	// for a live subscription, history then live; for a durable, where the
	// consumer starts when it is first created. Zero starts with new alerts.
	Since time.Time
	// AckWait is how long a durable handler may take before the alert is
	// redelivered [30s].
	AckWait time.Duration
	// OnError, when set, is told about alerts that could not be decoded
	// and handler errors (the alert is then redelivered for a durable, or
	// skipped for a live subscription).
	OnError func(error)
}

// Handler handles one alert. For a durable subscription, returning an error
// redelivers the alert after a delay; returning nil acknowledges it.
type Handler func(ctx context.Context, a Alert) error

// Subscription is a running subscription.
type Subscription struct {
	cc   jetstream.ConsumeContext
	once sync.Once
	done chan struct{}
}

// Subscribe delivers the alerts matching o.Filter to h, one at a time, until
// ctx ends or Stop is called. js must reach a server where newsmon's
// topology exists (the ALERTS stream).
func Subscribe(ctx context.Context, js jetstream.JetStream, o Options, h Handler) (*Subscription, error) {
	if err := o.Filter.Validate(); err != nil {
		return nil, err
	}
	if o.AckWait <= 0 {
		o.AckWait = 30 * time.Second
	}
	onErr := o.OnError
	if onErr == nil {
		onErr = func(error) {}
	}
	var cons jetstream.Consumer
	var err error
	if o.Durable != "" {
		cons, err = durableConsumer(ctx, js, o)
	} else {
		cons, err = liveConsumer(ctx, js, o)
	}
	if err != nil {
		return nil, err
	}
	durable := o.Durable != ""
	cc, err := cons.Consume(func(m jetstream.Msg) {
		a, derr := Decode(m.Data())
		if derr != nil {
			onErr(fmt.Errorf("alerts: %s: %w", m.Subject(), derr))
			if durable {
				_ = m.TermWithReason(derr.Error())
			}
			return
		}
		if !o.Filter.Match(a) {
			if durable {
				_ = m.Ack()
			}
			return
		}
		herr := h(ctx, a)
		if !durable {
			if herr != nil {
				onErr(fmt.Errorf("alerts: handler for %s: %w", a.ID, herr))
			}
			return
		}
		if herr != nil {
			onErr(fmt.Errorf("alerts: handler for %s: %w", a.ID, herr))
			n := uint64(1)
			if md, merr := m.Metadata(); merr == nil {
				n = md.NumDelivered
			}
			_ = m.NakWithDelay(bus.NakDelay(n, time.Second, time.Minute))
			return
		}
		_ = m.Ack()
	}, jetstream.PullMaxMessages(16))
	if err != nil {
		return nil, fmt.Errorf("alerts: consume: %w", err)
	}
	s := &Subscription{cc: cc, done: make(chan struct{})}
	go func() {
		select {
		case <-ctx.Done():
			s.Stop()
		case <-s.done:
		}
	}()
	return s, nil
}

// Stop stops delivery, lets the alert in hand finish and returns.
func (s *Subscription) Stop() {
	s.once.Do(func() {
		s.cc.Drain()
		<-s.cc.Closed()
		close(s.done)
	})
}

func liveConsumer(ctx context.Context, js jetstream.JetStream, o Options) (jetstream.Consumer, error) {
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: o.Filter.Subjects(), DeliverPolicy: jetstream.DeliverNewPolicy}
	if !o.Since.IsZero() {
		since := o.Since
		cfg.DeliverPolicy, cfg.OptStartTime = jetstream.DeliverByStartTimePolicy, &since
	}
	cons, err := js.OrderedConsumer(ctx, bus.StreamAlerts, cfg)
	if err != nil {
		return nil, fmt.Errorf("alerts: live subscription on %s: %w", bus.StreamAlerts, err)
	}
	return cons, nil
}

func durableConsumer(ctx context.Context, js jetstream.JetStream, o Options) (jetstream.Consumer, error) {
	if !validToken(o.Durable) {
		return nil, fmt.Errorf("alerts: durable name %q must be letters, digits, _ or -", o.Durable)
	}
	cfg := jetstream.ConsumerConfig{
		Durable:        o.Durable,
		Description:    "newsmon alerts subscriber",
		FilterSubjects: o.Filter.Subjects(),
		AckPolicy:      jetstream.AckExplicitPolicy,
		AckWait:        o.AckWait,
		DeliverPolicy:  jetstream.DeliverNewPolicy,
		MaxAckPending:  64,
	}
	if !o.Since.IsZero() {
		since := o.Since
		cfg.DeliverPolicy, cfg.OptStartTime = jetstream.DeliverByStartTimePolicy, &since
	}
	cons, err := js.Consumer(ctx, bus.StreamAlerts, o.Durable)
	switch {
	case errors.Is(err, jetstream.ErrConsumerNotFound):
		cons, err = js.CreateConsumer(ctx, bus.StreamAlerts, cfg)
	case err == nil:
		// Existing consumer: keep its position and start policy, follow
		// the (possibly changed) filter and ack wait.
		cur := cons.CachedInfo().Config
		cur.FilterSubject, cur.FilterSubjects, cur.AckWait = "", cfg.FilterSubjects, cfg.AckWait
		cons, err = js.UpdateConsumer(ctx, bus.StreamAlerts, cur)
	}
	if err != nil {
		return nil, fmt.Errorf("alerts: durable subscription %s on %s: %w", o.Durable, bus.StreamAlerts, err)
	}
	return cons, nil
}
