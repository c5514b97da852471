// Command article-parser downloads the page of every feed item on news.items,
// extracts its text and metadata and publishes news.articles.
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
		fmt.Fprintln(os.Stderr, "article-parser:", err)
		os.Exit(config.ExitCode(err))
	}
}
