package replay

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/pkg/config"
)

// Command is `newsmon replay DIR [--speed N | --instant] [flags]`: it
// replays an archive (a directory or a WARC file) through the real
// pipeline and prints the alerts on stdout, one per line (JSON by
// default), then a summary on stderr.
func Command(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("newsmon replay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o Options
	var instant bool
	var format, logLevel string
	fs.Float64Var(&o.Speed, "speed", 0, "virtual seconds per wall second (0: as fast as possible)")
	fs.BoolVar(&instant, "instant", false, "replay as fast as possible (the default; overrides --speed)")
	fs.DurationVar(&o.PollInterval, "poll-interval", time.Hour, "base poll interval of every feed during the replay")
	fs.StringVar(&o.RulesFile, "rules", "", "topic rules file (YAML); empty uses the built-in rules")
	fs.BoolVar(&o.SkipPages, "skip-pages", false, "do not serve article pages: the parser falls back to feed text")
	fs.StringVar(&format, "format", "json", "alert output: json (one JSON object a line) or text (one readable line each)")
	fs.StringVar(&o.NATSListen, "nats-listen", "", "expose the embedded NATS server on host:port, to watch alerts with nats sub")
	fs.StringVar(&o.Allow, "allow", "", "CIDRs or hosts the URL guard lets through (comma-separated), for archives of intranet feeds")
	fs.StringVar(&o.Routes, "routes", "", "also run the notifier with this routes file (secrets from the environment), to deliver the replay's alerts")
	fs.StringVar(&logLevel, "log-level", "error", "service log level on stderr: debug, info, warn, error")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsmon replay ARCHIVE [flags]\n\nARCHIVE is an archive directory (see testdata/archive) or a WARC file.\n\nflags:")
		fs.PrintDefaults()
	}
	// Accept the archive before or after the flags.
	var rest []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return config.Errorf("command line", "%v", err)
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(rest) != 1 {
		fs.Usage()
		return config.Errorf("command line", "want exactly one archive, got %d", len(rest))
	}
	o.Archive = rest[0]
	if instant {
		o.Speed = 0
	}
	if o.Speed < 0 {
		return config.Errorf("--speed", "must not be negative, got %v", o.Speed)
	}
	if format != "json" && format != "text" {
		return config.Errorf("--format", "must be json or text, got %q", format)
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(logLevel)); err != nil {
		return config.Errorf("--log-level", "%v", err)
	}
	o.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lvl}))
	o.Progress = stderr
	o.Alerts = AlertWriter(stdout, format)
	sum, err := Run(ctx, o)
	if err != nil {
		return err
	}
	fmt.Fprint(stderr, sum.String())
	return nil
}

// AlertWriter returns an Alerts callback that writes each alert to w as a
// JSON line ("json") or a readable line ("text").
func AlertWriter(w io.Writer, format string) func(Alert) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return func(a Alert) error {
		if format == "text" {
			_, err := fmt.Fprintln(w, alerts.FormatLine(a))
			return err
		}
		return enc.Encode(a)
	}
}
