package main

import (
	"context"
	"errors"
	"flag"
	"io"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/services/deal-classifier/classifier"
)

// run loads the configuration from args and the environment, then hosts
// the service until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("deal-classifier", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common app.Common
	common.Register(fs, ":9103")
	cfg := classifier.DefaultConfig()
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
		app.Service{Name: "deal-classifier", Run: func(ctx context.Context, d app.Deps) error {
			return classifier.Run(ctx, cfg, d)
		}})
}
