package main

import (
	"context"
	"io"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/services/article-parser/parser"
)

// run loads the configuration from args and the environment, then hosts
// the service until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg := parser.DefaultConfig()
	return app.Standalone(ctx, app.StandaloneOptions{Name: "article-parser", HTTPListen: ":9102", Args: args, Getenv: getenv, Logs: stderr},
		&cfg, func(ctx context.Context, d app.Deps) error { return parser.Run(ctx, cfg, d) })
}
