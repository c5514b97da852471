// Command deal-classifier classifies articles from news.articles into
// topics with facts, clusters stories and publishes alerts.
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
		fmt.Fprintln(os.Stderr, "deal-classifier:", err)
		os.Exit(config.ExitCode(err))
	}
}
