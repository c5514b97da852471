package main

import (
	"context"
	"fmt"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/services/article-parser/extract"
	"github.com/newsmon/newsmon/services/article-parser/extractcli"
	"github.com/newsmon/newsmon/services/article-parser/parser"
	"github.com/newsmon/newsmon/services/deal-classifier/cli"
	"github.com/newsmon/newsmon/services/feed-fetcher/fetcher"
	"github.com/newsmon/newsmon/services/newsmon/record"
	"github.com/newsmon/newsmon/services/newsmon/replay"
)

// The subcommands below are implemented by the packages that own the
// concern; this file only binds them to the process's streams.

func runFeeds(ctx context.Context, args []string, e env) error {
	return fetcher.FeedsCommand(ctx, args, e.getenv, e.stdout, e.stderr)
}

func runAlerts(ctx context.Context, args []string, e env) error {
	return alerts.AlertsCommand(ctx, args, e.getenv, e.stdout, e.stderr)
}

// version names this build in the User-Agent of command-line fetches.
const version = "dev"

func runClassify(ctx context.Context, args []string, e env) error {
	fetch, err := parser.CLIFetchFunc(version, nil)
	if err != nil {
		return err
	}
	// A URL is fetched through the guarded client and extracted exactly as
	// the article-parser would, then classified.
	page := func(ctx context.Context, url string) (string, string, error) {
		f, err := fetch(ctx, url)
		if err != nil {
			return "", "", err
		}
		if f.Err != nil {
			return "", "", fmt.Errorf("fetch %s: %w", url, f.Err)
		}
		if f.Status != 200 {
			return "", "", fmt.Errorf("fetch %s: HTTP %d", url, f.Status)
		}
		res, err := extract.Extract(f.Body, f.FinalURL, extract.Options{ContentType: f.ContentType})
		if err != nil {
			return "", "", fmt.Errorf("extract %s: %w", url, err)
		}
		return res.Meta.Title, res.Text, nil
	}
	return cli.Run(ctx, args, e.stdin, e.stdout, cli.Options{Fetch: page})
}

func runExtract(ctx context.Context, args []string, e env) error {
	fetch, err := parser.CLIFetchFunc(version, nil)
	if err != nil {
		return err
	}
	return extractcli.RunExtractCLI(ctx, args, e.stdin, e.stdout, fetch)
}

func runRecord(ctx context.Context, args []string, e env) error {
	return record.Command(ctx, args, e.stdout, e.stderr)
}

func runReplay(ctx context.Context, args []string, e env) error {
	return replay.Command(ctx, args, e.stdout, e.stderr)
}
