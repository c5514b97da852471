package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
)

// shutdownNakDelay is how long a message handed back during shutdown waits
// before it is delivered again.
const shutdownNakDelay = 3 * time.Second

// Msg is a delivered message as handlers see it.
type Msg struct {
	Subject      string
	Data         []byte
	Header       nats.Header
	NumDelivered uint64
	StreamSeq    uint64
	// raw lets long handlers signal progress.
	raw jetstream.Msg
}

// InProgress tells the server the handler is still working, resetting AckWait.
func (m Msg) InProgress() error {
	if m.raw == nil {
		return nil
	}
	return m.raw.InProgress()
}

// Handler processes one message. It returns nil to ack, an error wrapped
// with Permanent to terminate (dead-letter), or any other error to retry.
type Handler func(ctx context.Context, m Msg) error

// ConsumeOptions tune Consume. Zero values take the defaults in brackets.
type ConsumeOptions struct {
	Logger *slog.Logger
	// Workers is how many messages are handled at once [1].
	Workers int
	// Timeout bounds each handler call [4/5 of the consumer's AckWait].
	Timeout time.Duration
	// NakBase and NakMax shape the retry delay: NakBase doubling per
	// delivery, capped at NakMax [1s, 5m].
	NakBase, NakMax time.Duration
	Metrics         *ConsumeMetrics
}

// ConsumeMetrics counts handled messages by consumer and outcome.
type ConsumeMetrics struct {
	handled  *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// NewConsumeMetrics registers the consume metrics with reg.
func NewConsumeMetrics(reg prometheus.Registerer) *ConsumeMetrics {
	m := &ConsumeMetrics{
		handled: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_bus_messages_handled_total",
			Help: "Messages handled by a consumer, by outcome (ack, retry, term, dead_letter).",
		}, []string{"consumer", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsmon_bus_handler_seconds",
			Help:    "Time spent in a consumer's handler per message.",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 9),
		}, []string{"consumer"}),
	}
	reg.MustRegister(m.handled, m.duration)
	return m
}

// Consumption is a running Consume loop.
type Consumption struct {
	cc      jetstream.ConsumeContext
	work    chan jetstream.Msg
	wg      sync.WaitGroup
	stopped sync.Once
}

// Consume runs h over the durable consumer spec until Stop. The consumer
// must exist (see Ensure). ctx is the parent of every handler's context.
func Consume(ctx context.Context, js jetstream.JetStream, spec ConsumerSpec, h Handler, o ConsumeOptions) (*Consumption, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Workers <= 0 {
		o.Workers = 1
	}
	if o.Timeout <= 0 {
		o.Timeout = spec.AckWait * 4 / 5
	}
	if o.NakBase <= 0 {
		o.NakBase = time.Second
	}
	if o.NakMax <= 0 {
		o.NakMax = 5 * time.Minute
	}
	cons, err := js.Consumer(ctx, spec.Stream, spec.Durable)
	if err != nil {
		return nil, fmt.Errorf("bus: consumer %s on %s: %w", spec.Durable, spec.Stream, err)
	}
	c := &Consumption{work: make(chan jetstream.Msg)}
	for range o.Workers {
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			for m := range c.work {
				handle(ctx, spec, h, o, m)
			}
		}()
	}
	cc, err := cons.Consume(func(m jetstream.Msg) { c.work <- m },
		jetstream.PullMaxMessages(o.Workers*2),
		jetstream.ConsumeErrHandler(func(_ jetstream.ConsumeContext, err error) {
			if !errors.Is(err, jetstream.ErrNoHeartbeat) {
				o.Logger.Debug("consume", slog.String("consumer", spec.Durable), slog.Any("error", err))
			}
		}))
	if err != nil {
		close(c.work)
		c.wg.Wait()
		return nil, fmt.Errorf("bus: consume %s: %w", spec.Durable, err)
	}
	c.cc = cc
	return c, nil
}

// Stop drains: no new messages are pulled, those already delivered are
// handled, then the workers exit. It returns when they have or ctx ends.
func (c *Consumption) Stop(ctx context.Context) error {
	var err error
	c.stopped.Do(func() {
		c.cc.Drain()
		select {
		case <-c.cc.Closed():
		case <-ctx.Done():
			err = fmt.Errorf("bus: drain: %w", ctx.Err())
			return
		}
		close(c.work)
		done := make(chan struct{})
		go func() { c.wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-ctx.Done():
			err = fmt.Errorf("bus: wait for handlers: %w", ctx.Err())
		}
	})
	return err
}

func handle(parent context.Context, spec ConsumerSpec, h Handler, o ConsumeOptions, raw jetstream.Msg) {
	md, err := raw.Metadata()
	if err != nil {
		_ = raw.TermWithReason("no metadata: " + err.Error())
		return
	}
	msg := Msg{Subject: raw.Subject(), Data: raw.Data(), Header: raw.Headers(),
		NumDelivered: md.NumDelivered, StreamSeq: md.Sequence.Stream, raw: raw}
	log := o.Logger.With(slog.String("consumer", spec.Durable), slog.Uint64("stream_seq", msg.StreamSeq),
		slog.String("event_id", msg.Header.Get(HeaderID)), slog.Uint64("delivery", md.NumDelivered))

	ctx, cancel := context.WithTimeout(parent, o.Timeout)
	stopProgress := keepInProgress(ctx, raw, spec.AckWait)
	start := time.Now()
	err = callHandler(ctx, h, msg)
	stopProgress()
	cancel()
	if o.Metrics != nil {
		o.Metrics.duration.WithLabelValues(spec.Durable).Observe(time.Since(start).Seconds())
	}

	outcome := "ack"
	switch {
	case err == nil:
		if aerr := raw.Ack(); aerr != nil {
			log.Warn("ack failed", slog.Any("error", aerr))
		}
	case IsPermanent(err):
		outcome = "dead_letter"
		log.Warn("message terminated", slog.Any("error", err))
		_ = raw.TermWithReason(reason(err))
	case spec.MaxDeliver > 0 && md.NumDelivered >= uint64(spec.MaxDeliver):
		outcome = "dead_letter"
		log.Warn("message failed its last delivery", slog.Any("error", err))
		_ = raw.TermWithReason(reason(fmt.Errorf("gave up after %d deliveries: %w", md.NumDelivered, err)))
	case parent.Err() != nil:
		// Shutting down: hand the message back, but not at once. An
		// immediate nak is redelivered into this consumer's own draining
		// pull and then waits out AckWait; a short delay lets the pull
		// close first, so a live replica (or this one, restarted) gets it.
		outcome = "retry"
		_ = raw.NakWithDelay(shutdownNakDelay)
	default:
		outcome = "retry"
		delay := NakDelay(md.NumDelivered, o.NakBase, o.NakMax)
		var ra *retryAfterError
		if errors.As(err, &ra) && ra.after > delay {
			delay = ra.after
		}
		log.Info("message will be retried", slog.Any("error", err), slog.Duration("delay", delay))
		_ = raw.NakWithDelay(delay)
	}
	if o.Metrics != nil {
		o.Metrics.handled.WithLabelValues(spec.Durable, outcome).Inc()
	}
}

// callHandler turns a handler panic into a permanent error so one poison
// message cannot take the service down.
func callHandler(ctx context.Context, h Handler, m Msg) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = Permanent(fmt.Errorf("handler panic: %v", r))
		}
	}()
	return h(ctx, m)
}

// keepInProgress extends the ack deadline while a slow handler runs.
func keepInProgress(ctx context.Context, m jetstream.Msg, ackWait time.Duration) func() {
	if ackWait <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(ackWait / 3)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				_ = m.InProgress()
			case <-done:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	return func() { close(done) }
}

// reason shortens an error to fit a termination reason.
func reason(err error) string {
	s := err.Error()
	if len(s) > 480 {
		s = s[:480] + "..."
	}
	return s
}
