package main

import (
	"context"
	"io"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/services/feed-fetcher/fetcher"
)

// run loads the configuration from args and the environment, then hosts
// the service until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg := fetcher.DefaultConfig()
	return app.Standalone(ctx, app.StandaloneOptions{Name: "feed-fetcher", HTTPListen: ":9101", Args: args, Getenv: getenv, Logs: stderr},
		&cfg, func(ctx context.Context, d app.Deps) error { return fetcher.Run(ctx, cfg, d) })
}
