package main

import (
	"context"
	"io"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/services/notifier/notify"
)

// run loads the configuration from args and the environment, then hosts
// the service until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	return runWith(ctx, args, getenv, stderr, nil)
}

// runWith is run with a hook called once the service is up (for tests).
func runWith(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, ready func(string)) error {
	cfg := notify.DefaultConfig()
	cfg.Getenv = getenv // secrets are read from the same environment
	return app.Standalone(ctx, app.StandaloneOptions{Name: "notifier", HTTPListen: ":9104", Args: args, Getenv: getenv, Logs: stderr, Ready: ready},
		&cfg, func(ctx context.Context, d app.Deps) error { return notify.Run(ctx, cfg, d) })
}
