// Command notifier routes newsmon's alerts to Slack (incoming webhooks or a
// bot token with threads) and to signed generic webhooks.
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
		fmt.Fprintln(os.Stderr, "notifier:", err)
		os.Exit(config.ExitCode(err))
	}
}
