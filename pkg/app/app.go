// Package app is the runtime every newsmon service shares: the settings
// common to all services, the logger, the NATS connection, the admin HTTP
// server (/metrics, /healthz) and the dependencies handed to a service's Run.
package app

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/config"
)

// Deps are what a service's Run gets from its host (its own main, or the
// all-in-one newsmon).
type Deps struct {
	Logger   *slog.Logger
	NC       *nats.Conn
	JS       jetstream.JetStream
	Registry prometheus.Registerer
	Health   *Health
	Clock    clock.Clock
	Topology bus.Topology
}

// Common are the settings every service takes.
type Common struct {
	NATSURL string
	// NATSCreds is a credentials file path; its content is never logged.
	NATSCreds  string
	HTTPListen string
	LogLevel   string
	LogFormat  string
	Replicas   int
	// ShutdownTimeout bounds the teardown after a stop signal.
	ShutdownTimeout time.Duration
	// SeenItemsTTL is how long the feed-fetcher remembers an item.
	SeenItemsTTL time.Duration
	// DuplicateWindow is the streams' publish de-duplication window.
	DuplicateWindow time.Duration
}

// Register defines the common flags on fs with defaults.
func (c *Common) Register(fs *flag.FlagSet, defaultHTTP string) {
	fs.StringVar(&c.NATSURL, "nats-url", nats.DefaultURL, "NATS server URL")
	fs.StringVar(&c.NATSCreds, "nats-creds", "", "NATS credentials file")
	fs.StringVar(&c.HTTPListen, "http-listen", defaultHTTP, "address for /metrics and /healthz (empty disables)")
	fs.StringVar(&c.LogLevel, "log-level", "info", "log level: debug, info, warn, error")
	fs.StringVar(&c.LogFormat, "log-format", "json", "log format: json or text")
	fs.IntVar(&c.Replicas, "replicas", 1, "JetStream replicas for streams, consumers and buckets (1 or 3)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", 30*time.Second, "how long a stop may take to finish work in hand")
	fs.DurationVar(&c.SeenItemsTTL, "seen-items-ttl", 90*24*time.Hour, "how long a feed item is remembered as already published")
	fs.DurationVar(&c.DuplicateWindow, "duplicate-window", 2*time.Hour, "publish de-duplication window of the streams (Nats-Msg-Id)")
}

// Validate checks the common settings.
func (c *Common) Validate() error {
	if _, err := parseLevel(c.LogLevel); err != nil {
		return config.Errorf(config.EnvName("log-level"), "%v", err)
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		return config.Errorf(config.EnvName("log-format"), "must be json or text, got %q", c.LogFormat)
	}
	if c.Replicas != 1 && c.Replicas != 3 && c.Replicas != 5 {
		return config.Errorf(config.EnvName("replicas"), "must be 1, 3 or 5, got %d", c.Replicas)
	}
	if c.ShutdownTimeout <= 0 {
		return config.Errorf(config.EnvName("shutdown-timeout"), "must be greater than zero, got %v", c.ShutdownTimeout)
	}
	if c.SeenItemsTTL < 24*time.Hour {
		return config.Errorf(config.EnvName("seen-items-ttl"), "must be at least 24h, got %v", c.SeenItemsTTL)
	}
	if c.DuplicateWindow < time.Minute || c.DuplicateWindow > c.SeenItemsTTL {
		return config.Errorf(config.EnvName("duplicate-window"), "must be between 1m and the seen-items TTL, got %v", c.DuplicateWindow)
	}
	if c.NATSURL == "" {
		return config.Errorf(config.EnvName("nats-url"), "must not be empty")
	}
	return nil
}

// TopologyOptions are the bus options these settings imply.
func (c *Common) TopologyOptions() bus.Options {
	return bus.Options{Replicas: c.Replicas, SeenItemsTTL: c.SeenItemsTTL, DuplicateWindow: c.DuplicateWindow}
}

// NewLogger builds the one logger of a process.
func NewLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	lvl, err := parseLevel(level)
	if err != nil {
		return nil, err
	}
	opts := &slog.HandlerOptions{Level: lvl}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return slog.New(slog.NewJSONHandler(w, opts)), nil
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(s))); err != nil {
		return 0, fmt.Errorf("unknown log level %q (want debug, info, warn or error)", s)
	}
	return l, nil
}
