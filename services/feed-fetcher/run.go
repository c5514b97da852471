package main

import (
	"context"
	"errors"
	"flag"
	"io"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/services/feed-fetcher/fetcher"
)

// run loads the configuration from args and the environment, then hosts
// the service until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("feed-fetcher", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common app.Common
	common.Register(fs, ":9101")
	cfg := fetcher.DefaultConfig()
	cfg.Register(fs)
	if err := config.Parse(fs, args, getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	return app.Host(ctx, app.HostOptions{Common: common, Logs: stderr},
		app.Service{Name: "feed-fetcher", Run: func(ctx context.Context, d app.Deps) error {
			return fetcher.Run(ctx, cfg, d)
		}})
}
