// Command newsmon is the all-in-one binary and command-line tool: `newsmon
// run` starts an embedded NATS server and all four services in one process;
// the other subcommands inspect and drive a running pipeline.
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
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "newsmon:", err)
		os.Exit(config.ExitCode(err))
	}
}
