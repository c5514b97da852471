// Package notify is the notifier service: it consumes alerts from the
// ALERTS stream, routes each to the destinations its routes file names
// (Slack incoming webhooks, a Slack bot, signed generic webhooks), at once
// or batched in digests, with per-destination rate limits, retries and a
// notification log that keeps redeliveries and restarts from posting the
// same alert revision to the same destination twice.
package notify

import (
	_ "embed"
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/services/notifier/notify/route"
)

// DefaultRoutes is the built-in routes file, the same as deploy/routes.yaml:
// optional Slack and webhook destinations configured by environment
// variables, so that with none set the notifier runs and delivers nowhere.
//
//go:embed default_routes.yaml
var DefaultRoutes []byte

// Config is the notifier's configuration.
type Config struct {
	// RoutesFile is the routes YAML; empty uses DefaultRoutes.
	RoutesFile string
	// Workers is how many alerts are handled at once.
	Workers int
	// RetryBase and RetryMax shape the redelivery delay after a retryable
	// failure (doubling per delivery).
	RetryBase, RetryMax time.Duration
	// MaxInlineWait is the longest 429 Retry-After waited for inside the
	// handler; longer ones hand the alert back for later redelivery.
	MaxInlineWait time.Duration
	// Getenv resolves the secrets' environment variables [os.Getenv].
	Getenv func(string) string
	// Transport, when set, carries every outbound request (tests, replay).
	Transport http.RoundTripper

	routes *route.Config
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{Workers: 4, RetryBase: time.Second, RetryMax: 5 * time.Minute, MaxInlineWait: 10 * time.Second}
}

// Register defines the notifier's flags on fs.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.RoutesFile, "notifier-routes", c.RoutesFile, "routes file (YAML, schema routes.v1.json); empty uses the built-in routes")
	fs.IntVar(&c.Workers, "notifier-workers", c.Workers, "alerts handled at once")
	fs.DurationVar(&c.RetryBase, "notifier-retry-base", c.RetryBase, "first redelivery delay after a failed delivery (doubles each time)")
	fs.DurationVar(&c.RetryMax, "notifier-retry-max", c.RetryMax, "longest redelivery delay")
	fs.DurationVar(&c.MaxInlineWait, "notifier-max-inline-wait", c.MaxInlineWait, "longest Retry-After waited for before handing an alert back")
}

// Validate checks the settings, loads the routes file (refusing a bad one
// with its line and reason) and checks that every required secret is set.
func (c *Config) Validate() error {
	if err := config.Positive(config.EnvName("notifier-workers"), c.Workers); err != nil {
		return err
	}
	if err := config.Positive(config.EnvName("notifier-retry-base"), c.RetryBase); err != nil {
		return err
	}
	if c.RetryMax < c.RetryBase {
		return config.Errorf(config.EnvName("notifier-retry-max"), "must be at least notifier-retry-base (%v), got %v", c.RetryBase, c.RetryMax)
	}
	if c.MaxInlineWait < 0 || c.MaxInlineWait > 30*time.Second {
		return config.Errorf(config.EnvName("notifier-max-inline-wait"), "must be between 0 and 30s, got %v", c.MaxInlineWait)
	}
	rc, err := c.loadRoutes()
	if err != nil {
		return err
	}
	if _, _, err := resolveSecrets(rc, c.getenv()); err != nil {
		return err
	}
	c.routes = rc
	return nil
}

func (c *Config) getenv() func(string) string {
	if c.Getenv != nil {
		return c.Getenv
	}
	return os.Getenv
}

func (c *Config) loadRoutes() (*route.Config, error) {
	if c.routes != nil {
		return c.routes, nil
	}
	where := config.EnvName("notifier-routes")
	if c.RoutesFile == "" {
		rc, err := route.Parse(DefaultRoutes)
		if err != nil {
			return nil, &config.Error{Where: where + " (built-in routes)", Err: err}
		}
		return rc, nil
	}
	rc, err := route.Load(c.RoutesFile)
	if err != nil {
		return nil, &config.Error{Where: fmt.Sprintf("%s=%s", where, c.RoutesFile), Err: err}
	}
	return rc, nil
}
