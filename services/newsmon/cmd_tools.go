package main

import (
	"context"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/services/article-parser/extractcli"
	"github.com/newsmon/newsmon/services/deal-classifier/cli"
	"github.com/newsmon/newsmon/services/feed-fetcher/fetcher"
)

// The subcommands below are implemented by the packages that own the
// concern; this file only binds them to the process's streams.

func runFeeds(ctx context.Context, args []string, e env) error {
	return fetcher.FeedsCommand(ctx, args, e.getenv, e.stdout, e.stderr)
}

func runAlerts(ctx context.Context, args []string, e env) error {
	return alerts.AlertsCommand(ctx, args, e.getenv, e.stdout, e.stderr)
}

func runClassify(ctx context.Context, args []string, e env) error {
	return cli.Run(ctx, args, e.stdin, e.stdout, cli.Options{})
}

func runExtract(ctx context.Context, args []string, e env) error {
	return extractcli.RunExtractCLI(ctx, args, e.stdin, e.stdout, nil)
}
