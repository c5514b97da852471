package record

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
)

// Command is `newsmon record --feeds FILE --out DIR [--duration D]`: it
// polls the feeds of a feed list and the articles they link to, and
// writes an archive that `newsmon replay DIR` replays.
func Command(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("newsmon record", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var feeds, allow, logLevel string
	o := Options{Version: "dev"}
	fs.StringVar(&feeds, "feeds", "", "feed list (YAML, as for the feed-fetcher); required")
	fs.StringVar(&o.Out, "out", "", "archive directory to create (must be empty or absent); required")
	fs.DurationVar(&o.Duration, "duration", time.Hour, "how long to record")
	fs.DurationVar(&o.Interval, "interval", 0, "time between polls of the list (default: the list's interval)")
	fs.StringVar(&allow, "allow", "", "CIDRs or hosts the address guard lets through (comma-separated)")
	fs.StringVar(&logLevel, "log-level", "warn", "log level: debug, info, warn, error")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return config.Errorf("command line", "%v", err)
	}
	if feeds == "" {
		return config.Errorf("--feeds", "a feed list is required")
	}
	if o.Out == "" {
		return config.Errorf("--out", "an output directory is required")
	}
	if o.Duration <= 0 {
		return config.Errorf("--duration", "must be greater than zero, got %s", o.Duration)
	}
	list, err := feedlist.Load(feeds)
	if err != nil {
		return err
	}
	o.List = list
	for _, a := range strings.Split(allow, ",") {
		if a = strings.TrimSpace(a); a != "" {
			o.Allow = append(o.Allow, a)
		}
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(logLevel)); err != nil {
		return config.Errorf("--log-level", "%v", err)
	}
	o.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lvl}))
	st, err := Run(ctx, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "recorded %d rounds into %s: %d feed snapshots (%d unchanged), %d pages (%d skipped for robots.txt), %d errors\n",
		st.Rounds, o.Out, st.FeedSnapshots, st.NotModified, st.Pages, st.RobotsSkipped, st.Errors)
	return nil
}
