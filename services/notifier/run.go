package main

import (
	"context"
	"errors"
	"flag"
	"io"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/services/notifier/notify"
)

// run loads the configuration from args and the environment, then hosts
// the service until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	return runWith(ctx, args, getenv, stderr, nil)
}

// runWith is run with a hook called once the service is up (for tests).
func runWith(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, ready func(string)) error {
	fs := flag.NewFlagSet("notifier", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common app.Common
	common.Register(fs, ":9104")
	cfg := notify.DefaultConfig()
	cfg.Register(fs)
	if err := config.Parse(fs, args, getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	cfg.Getenv = getenv
	if err := cfg.Validate(); err != nil {
		return err
	}
	return app.Host(ctx, app.HostOptions{Common: common, Logs: stderr, Ready: ready},
		app.Service{Name: "notifier", Run: func(ctx context.Context, d app.Deps) error {
			return notify.Run(ctx, cfg, d)
		}})
}
