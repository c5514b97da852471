package fetcher

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/httpguard"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
)

const feedsUsage = `usage: newsmon feeds <command> [flags]

commands:
  list     [--feeds FILE]                      show the feed list
  add      [--feeds FILE] [--name N] [--tags a,b] [--interval 10m] [--language en] URL
  import   [--feeds FILE] FILE.opml            add the feeds of an OPML export
  discover [--allow CIDRS] URL                 find the feeds a web page advertises
  status   [--nats-url URL] [--feeds FILE]     poll state of every feed (from the feed_state bucket)

--feeds defaults to NEWSMON_FETCHER_FEEDS; list and status fall back to the built-in list.
`

// FeedsCommand implements "newsmon feeds add|list|status|import|discover".
func FeedsCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, feedsUsage)
		if len(args) == 0 {
			return config.Errorf("newsmon feeds", "a command is required")
		}
		return nil
	}
	cmd, rest := args[0], args[1:]
	fs := flag.NewFlagSet("newsmon feeds "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var feedsFile, natsURL, name, tags, language, allow string
	var interval time.Duration
	fs.StringVar(&feedsFile, "feeds", "", "feed list (YAML)")
	fs.StringVar(&feedsFile, "fetcher-feeds", "", "feed list (YAML); same as --feeds")
	fs.StringVar(&natsURL, "nats-url", nats.DefaultURL, "NATS server URL (status)")
	fs.StringVar(&name, "name", "", "feed name (add)")
	fs.StringVar(&tags, "tags", "", "comma-separated tags (add)")
	fs.StringVar(&language, "language", "", "language hint (add)")
	fs.DurationVar(&interval, "interval", 0, "poll interval (add; default from the list)")
	fs.StringVar(&allow, "allow", "", "CIDRs or hosts the address guard lets through (discover)")
	// Only the settings shared with the service come from the environment.
	envOnly := func(k string) string {
		switch k {
		case config.EnvName("feeds"), config.EnvName("fetcher-feeds"), config.EnvName("nats-url"):
			if getenv != nil {
				return getenv(k)
			}
		}
		return ""
	}
	if err := config.Parse(fs, rest, envOnly); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	switch cmd {
	case "list":
		l, err := loadOrDefault(feedsFile)
		if err != nil {
			return err
		}
		return printList(stdout, l)
	case "add":
		if fs.NArg() != 1 {
			return config.Errorf("newsmon feeds add", "want exactly one feed URL")
		}
		return editList(feedsFile, stdout, func(l *feedlist.List) (string, error) {
			f := feedlist.Feed{URL: fs.Arg(0), Name: name, Language: language, Interval: feedlist.Duration(interval)}
			for _, t := range strings.Split(tags, ",") {
				if t = strings.TrimSpace(t); t != "" {
					f.Tags = append(f.Tags, t)
				}
			}
			ok, err := l.Add(f)
			if err != nil {
				return "", config.Errorf("newsmon feeds add", "%v", err)
			}
			if !ok {
				return fmt.Sprintf("already listed: %s\n", f.URL), nil
			}
			return fmt.Sprintf("added %s\n", f.URL), nil
		})
	case "import":
		if fs.NArg() != 1 {
			return config.Errorf("newsmon feeds import", "want exactly one OPML file")
		}
		return editList(feedsFile, stdout, func(l *feedlist.List) (string, error) {
			f, err := os.Open(fs.Arg(0))
			if err != nil {
				return "", config.Errorf(fs.Arg(0), "%v", err)
			}
			defer f.Close()
			added, problems, err := l.Import(f)
			if err != nil {
				return "", config.Errorf(fs.Arg(0), "%v", err)
			}
			var b strings.Builder
			for _, p := range problems {
				fmt.Fprintf(&b, "skipped: %v\n", p)
			}
			fmt.Fprintf(&b, "imported %d feeds\n", added)
			return b.String(), nil
		})
	case "discover":
		if fs.NArg() != 1 {
			return config.Errorf("newsmon feeds discover", "want exactly one page URL")
		}
		o := httpguard.DefaultOptions("cli")
		o.Allow = strings.Split(allow, ",")
		c, err := httpguard.New(o)
		if err != nil {
			return config.Errorf("--allow", "%v", err)
		}
		found, err := feedlist.Discover(ctx, c, fs.Arg(0))
		if err != nil {
			return err
		}
		if len(found) == 0 {
			fmt.Fprintln(stdout, "no feeds advertised")
		}
		for _, d := range found {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", d.URL, d.Type, d.Title)
		}
		return nil
	case "status":
		return status(ctx, natsURL, feedsFile, stdout)
	}
	fmt.Fprint(stderr, feedsUsage)
	return config.Errorf("newsmon feeds", "unknown command %q", cmd)
}

func loadOrDefault(path string) (*feedlist.List, error) {
	if path == "" {
		return feedlist.Default()
	}
	return feedlist.Load(path)
}

// editList loads path (a new list when it does not exist), applies edit,
// re-validates and saves.
func editList(path string, stdout io.Writer, edit func(*feedlist.List) (string, error)) error {
	if path == "" {
		return config.Errorf(config.EnvName("fetcher-feeds"), "--feeds FILE is required to change a list")
	}
	l, err := feedlist.Load(path)
	if errors.Is(err, os.ErrNotExist) {
		l, err = &feedlist.List{Version: 1}, nil
	}
	if err != nil {
		return err
	}
	msg, err := edit(l)
	if err != nil {
		return err
	}
	if err := l.Validate(path); err != nil {
		return err
	}
	if err := l.Save(path); err != nil {
		return err
	}
	fmt.Fprint(stdout, msg)
	return nil
}

func printList(w io.Writer, l *feedlist.List) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tINTERVAL\tENABLED\tTAGS\tURL")
	for _, f := range l.Feeds {
		fmt.Fprintf(tw, "%s\t%s\t%v\t%s\t%s\n", f.Name, f.Every(l.Interval()), f.IsEnabled(), strings.Join(f.Tags, ","), httpguard.Redact(f.URL))
	}
	return tw.Flush()
}

// status prints every feed's state from the feed_state bucket.
func status(ctx context.Context, natsURL, feedsFile string, w io.Writer) error {
	nc, err := nats.Connect(natsURL, nats.Name("newsmon feeds status"))
	if err != nil {
		return fmt.Errorf("connect to NATS: %w", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	kv, err := js.KeyValue(ctx, bus.BucketFeedState)
	if err != nil {
		return fmt.Errorf("open %s bucket: %w", bus.BucketFeedState, err)
	}
	lister, err := kv.ListKeys(ctx)
	if err != nil {
		return fmt.Errorf("list feed state: %w", err)
	}
	var states []State
	for key := range lister.Keys() {
		if strings.HasPrefix(key, websubPrefix) {
			continue
		}
		e, err := kv.Get(ctx, key)
		if err != nil {
			continue
		}
		var st State
		if json.Unmarshal(e.Value(), &st) == nil {
			states = append(states, st)
		}
	}
	if l, err := loadOrDefault(feedsFile); err == nil {
		known := map[string]bool{}
		for _, st := range states {
			known[st.URL] = true
		}
		for _, f := range l.Feeds {
			if !known[f.URL] {
				states = append(states, State{URL: f.URL, Name: f.Name})
			}
		}
	}
	sort.Slice(states, func(i, j int) bool { return states[i].Name < states[j].Name })
	return printStatus(w, states, time.Now())
}

func printStatus(w io.Writer, states []State, now time.Time) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSTATUS\tLAST SUCCESS\tFAILURES\tLAST ERROR\tPUBLISHED\tNEXT POLL\tURL")
	ago := func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return now.Sub(t).Round(time.Second).String() + " ago"
	}
	for _, st := range states {
		s := "ok"
		switch {
		case st.Disabled:
			s = "disabled: " + st.DisabledReason
		case st.LeaseOwner != "" && st.LeaseUntil.After(now):
			s = "polling (" + st.LeaseOwner + ")"
		case st.Polls == 0:
			s = "not polled yet"
		case st.Failures > 0:
			s = "failing"
		case st.Silent(now):
			s = "silent"
		}
		next := "-"
		if !st.NextPoll.IsZero() && !st.Disabled {
			next = st.NextPoll.Sub(now).Round(time.Second).String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%s\t%s\n", st.Name, s, ago(st.LastSuccess), st.Failures,
			st.LastErrorClass, st.ItemsPublished, next, httpguard.Redact(st.URL))
	}
	return tw.Flush()
}
