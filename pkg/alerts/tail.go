package alerts

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/events"
)

// AlertsCommand implements `newsmon alerts tail [--topic T] [--severity S]
// [--since DURATION] [--json]`: it prints the alerts stored in the last
// DURATION (history from the ALERTS stream), then new ones as they are
// published, until ctx ends. The NATS server comes from --nats-url or
// NEWSMON_NATS_URL, credentials from --nats-creds or NEWSMON_NATS_CREDS.
func AlertsCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "tail" {
		fmt.Fprintln(stderr, "usage: newsmon alerts tail [--topic T] [--severity low|medium|high] [--since DURATION] [--json]")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return nil
		}
		return config.Errorf("command line", "alerts: want the subcommand tail")
	}
	fs := flag.NewFlagSet("newsmon alerts tail", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		natsURL, creds, topic, sev string
		since                      time.Duration
		asJSON                     bool
	)
	fs.StringVar(&natsURL, "nats-url", nats.DefaultURL, "NATS server URL")
	fs.StringVar(&creds, "nats-creds", "", "NATS credentials file")
	fs.StringVar(&topic, "topic", "", "only this topic (e.g. ai_investment, chip_policy)")
	fs.StringVar(&sev, "severity", "", "only this severity and above: low, medium or high")
	fs.DurationVar(&since, "since", 24*time.Hour, "first print the alerts of this long ago up to now (0: only new alerts)")
	fs.BoolVar(&asJSON, "json", false, "print each alert as one line of JSON")
	if err := config.Parse(fs, args[1:], tailEnv(getenv)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	f := Filter{Topic: topic, MinSeverity: events.Severity(sev)}
	if err := f.Validate(); err != nil {
		return config.Errorf("--topic/--severity", "%v", err)
	}
	if since < 0 {
		return config.Errorf("--since", "must not be negative, got %v", since)
	}
	opts := []nats.Option{nats.Name("newsmon alerts tail"), nats.MaxReconnects(-1)}
	if creds != "" {
		opts = append(opts, nats.UserCredentials(creds))
	}
	nc, err := nats.Connect(natsURL, opts...)
	if err != nil {
		return fmt.Errorf("alerts tail: connect to NATS: %w", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("alerts tail: jetstream: %w", err)
	}
	o := Options{Filter: f}
	if since > 0 {
		o.Since = time.Now().Add(-since)
	}
	return Tail(ctx, js, o, asJSON, stdout, stderr)
}

// Tail prints the alerts of a live subscription o to stdout, one per line
// (FormatLine, or compact JSON when asJSON), until ctx ends.
func Tail(ctx context.Context, js jetstream.JetStream, o Options, asJSON bool, stdout, stderr io.Writer) error {
	o.Durable = ""
	var mu sync.Mutex
	o.OnError = func(err error) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintln(stderr, err)
	}
	var werr error
	sub, err := Subscribe(ctx, js, o, func(_ context.Context, a Alert) error {
		mu.Lock()
		defer mu.Unlock()
		if werr != nil {
			return nil
		}
		line := FormatLine(a)
		if asJSON {
			b, err := json.Marshal(a)
			if err != nil {
				return err
			}
			line = string(b)
		}
		_, werr = fmt.Fprintln(stdout, line)
		return nil
	})
	if err != nil {
		return err
	}
	<-ctx.Done()
	sub.Stop()
	mu.Lock()
	defer mu.Unlock()
	if werr != nil {
		return fmt.Errorf("alerts tail: write: %w", werr)
	}
	return nil
}

// tailEnv passes only the connection settings through from the
// environment; filters come from the command line alone.
func tailEnv(getenv func(string) string) func(string) string {
	return func(name string) string {
		if getenv == nil {
			return ""
		}
		switch name {
		case config.EnvName("nats-url"), config.EnvName("nats-creds"):
			return getenv(name)
		}
		return ""
	}
}
