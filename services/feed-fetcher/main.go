// Command feed-fetcher polls the feeds of the feed list and publishes new
// and changed entries on news.items.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsmon/newsmon/pkg/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "feed-fetcher:", err)
		os.Exit(config.ExitCode(err))
	}
}
