package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/config"
)

// env is what every subcommand gets from the process.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	summary string
	run     func(ctx context.Context, args []string, e env) error
}

func commands() map[string]command {
	return map[string]command{
		"run":      {"start embedded NATS and all four services; print alerts", runAll},
		"dlq":      {"list and re-drive dead letters (list | redrive SEQ... | redrive --all)", runDLQ},
		"feeds":    {"manage the feed list and see feed health (add | list | status | import FILE.opml | discover URL)", runFeeds},
		"alerts":   {"print alerts: history from the stream, then live (tail [--topic T] [--severity S] [--since D])", runAlerts},
		"classify": {"classify one article or text (FILE | URL | - [--json] [--jsonl])", runClassify},
		"extract":  {"extract an article page's text and metadata (FILE | URL | - [--url U] [--json])", runExtract},
		"record":   {"record live feeds and their articles into an archive (--feeds FILE --out DIR [--duration D])", runRecord},
		"replay":   {"run the pipeline over an archive on a virtual clock (DIR [--speed N | --instant])", runReplay},
	}
}

// run dispatches to a subcommand.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return config.Errorf("command line", "missing subcommand")
		}
		return nil
	}
	c, ok := cmds[args[0]]
	if !ok {
		usage(stderr, cmds)
		return config.Errorf("command line", "unknown subcommand %q", args[0])
	}
	return c.run(ctx, args[1:], e)
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: newsmon <command> [flags]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", n, cmds[n].summary)
	}
	b.WriteString("\nRun 'newsmon <command> -h' for a command's flags. Every flag can also be set\nas an environment variable: NEWSMON_ and the flag name in capitals (-nats-url -> NEWSMON_NATS_URL).\n")
	fmt.Fprint(w, b.String())
}
