package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Conn is a NATS connection with its JetStream context.
type Conn struct {
	NC     *nats.Conn
	JS     jetstream.JetStream
	closed chan struct{}
}

// Connect opens a NATS connection named name that reconnects forever and
// reports connection changes to h and log.
func Connect(url, creds, name string, log *slog.Logger, h *Health) (*Conn, error) {
	closed := make(chan struct{})
	opts := []nats.Option{
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", slog.Any("error", err))
				h.Set("nats", fmt.Errorf("disconnected: %w", err))
			}
		}),
		nats.ReconnectHandler(func(*nats.Conn) {
			log.Info("nats reconnected")
			h.Set("nats", nil)
		}),
		nats.ClosedHandler(func(*nats.Conn) { close(closed) }),
	}
	if creds != "" {
		opts = append(opts, nats.UserCredentials(creds))
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return nil, fmt.Errorf("app: connect to NATS at %s: %w", redactURL(url), err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("app: jetstream: %w", err)
	}
	h.Set("nats", nil)
	return &Conn{NC: nc, JS: js, closed: closed}, nil
}

// Drain drains the connection (flushing pending publishes, finishing subscriptions) and
// waits for it to close, at most until ctx ends.
func (c *Conn) Drain(ctx context.Context) error {
	if err := c.NC.Drain(); err != nil {
		c.NC.Close()
		return fmt.Errorf("app: drain NATS: %w", err)
	}
	select {
	case <-c.closed:
		return nil
	case <-ctx.Done():
		c.NC.Close()
		return fmt.Errorf("app: drain NATS: %w", ctx.Err())
	}
}
