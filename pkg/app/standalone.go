package app

import (
	"context"
	"errors"
	"flag"
	"io"

	"github.com/newsmon/newsmon/pkg/config"
)

// Settings is what a service's Config offers the command line.
type Settings interface {
	Register(fs *flag.FlagSet)
	Validate() error
}

// StandaloneOptions describe a service run as its own binary.
type StandaloneOptions struct {
	Name string
	// HTTPListen is the default address of /metrics and /healthz.
	HTTPListen string
	Args       []string
	Getenv     func(string) string
	// Logs receives usage text and the structured logs.
	Logs io.Writer
	// Ready, when set, is called with the admin address once running.
	Ready func(adminAddr string)
}

// Standalone is the body of a single service's run: it reads the common
// settings and cfg from the arguments and the NEWSMON_* environment,
// validates them (configuration errors make the binary exit with status
// 2), then hosts the service until ctx ends. svc reads cfg when called, so
// it sees the parsed values.
func Standalone(ctx context.Context, o StandaloneOptions, cfg Settings, svc func(ctx context.Context, d Deps) error) error {
	fs := flag.NewFlagSet(o.Name, flag.ContinueOnError)
	fs.SetOutput(o.Logs)
	var common Common
	common.Register(fs, o.HTTPListen)
	cfg.Register(fs)
	if err := config.Parse(fs, o.Args, o.Getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	return Host(ctx, HostOptions{Common: common, Logs: o.Logs, Ready: o.Ready}, Service{Name: o.Name, Run: svc})
}
