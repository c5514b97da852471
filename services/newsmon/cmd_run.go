package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"strconv"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/natsembed"
	"github.com/newsmon/newsmon/services/article-parser/parser"
	"github.com/newsmon/newsmon/services/deal-classifier/classifier"
	"github.com/newsmon/newsmon/services/feed-fetcher/fetcher"
	"github.com/newsmon/newsmon/services/notifier/notify"
)

// runConfig is the configuration of `newsmon run`.
type runConfig struct {
	common     app.Common
	dataDir    string
	natsListen string
	natsLog    bool
	printAlert bool
	fetcher    fetcher.Config
	parser     parser.Config
	classifier classifier.Config
	notifier   notify.Config
	// ready is called once everything is started (tests use it).
	ready func(natsURL, adminAddr string)
}

func parseRunConfig(args []string, e env) (runConfig, error) {
	fs := flag.NewFlagSet("newsmon run", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	rc := runConfig{fetcher: fetcher.DefaultConfig(), parser: parser.DefaultConfig(),
		classifier: classifier.DefaultConfig(), notifier: notify.DefaultConfig()}
	rc.notifier.Getenv = e.getenv
	rc.common.Register(fs, "127.0.0.1:9100")
	// The all-in-one embeds its own server unless told otherwise.
	fs.Lookup("nats-url").DefValue = ""
	rc.common.NATSURL = ""
	fs.StringVar(&rc.dataDir, "data-dir", "newsmon-data", "directory for the embedded server's JetStream data")
	fs.StringVar(&rc.natsListen, "nats-listen", "127.0.0.1:4222", "address the embedded NATS server listens on")
	fs.BoolVar(&rc.natsLog, "nats-log", false, "log the embedded NATS server's own messages")
	fs.BoolVar(&rc.printAlert, "print-alerts", true, "print each alert to standard output as a line")
	rc.fetcher.Register(fs)
	rc.parser.Register(fs)
	rc.classifier.Register(fs)
	rc.notifier.Register(fs)
	if err := config.Parse(fs, args, e.getenv); err != nil {
		return rc, err
	}
	check := rc.common
	if check.NATSURL == "" {
		check.NATSURL = "nats://" + rc.natsListen
	}
	if err := check.Validate(); err != nil {
		return rc, err
	}
	if rc.common.NATSURL == "" {
		if rc.dataDir == "" {
			return rc, config.Errorf(config.EnvName("data-dir"), "must not be empty when NATS is embedded")
		}
		if _, _, err := splitListen(rc.natsListen); err != nil {
			return rc, config.Errorf(config.EnvName("nats-listen"), "%v", err)
		}
	}
	for _, v := range []interface{ Validate() error }{&rc.fetcher, &rc.parser, &rc.classifier, &rc.notifier} {
		if err := v.Validate(); err != nil {
			return rc, err
		}
	}
	return rc, nil
}

func runAll(ctx context.Context, args []string, e env) error {
	rc, err := parseRunConfig(args, e)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	return runPipeline(ctx, rc, e)
}

func runPipeline(ctx context.Context, rc runConfig, e env) error {
	natsURL := rc.common.NATSURL
	if natsURL == "" {
		host, port, _ := splitListen(rc.natsListen)
		ns, err := natsembed.Start(natsembed.Options{Host: host, Port: port, StoreDir: rc.dataDir, Log: rc.natsLog})
		if errors.Is(err, natsembed.ErrAddrInUse) {
			return fmt.Errorf("cannot start the embedded NATS server: %s is already in use (another newsmon or nats-server?). "+
				"Stop it, pick a free address with --nats-listen 127.0.0.1:4223, or use the running server with --nats-url nats://%s: %w",
				rc.natsListen, rc.natsListen, err)
		}
		if err != nil {
			return err
		}
		defer natsembed.Stop(ns)
		natsURL = ns.ClientURL()
		fmt.Fprintf(e.stderr, "newsmon: embedded NATS with JetStream at %s (data in %s); watch alerts with: nats sub 'alerts.>' -s %s\n",
			natsURL, rc.dataDir, natsURL)
	}
	common := rc.common
	common.NATSURL = natsURL
	services := []app.Service{
		{Name: "feed-fetcher", Run: func(ctx context.Context, d app.Deps) error { return fetcher.Run(ctx, rc.fetcher, d) }},
		{Name: "article-parser", Run: func(ctx context.Context, d app.Deps) error { return parser.Run(ctx, rc.parser, d) }},
		{Name: "deal-classifier", Run: func(ctx context.Context, d app.Deps) error { return classifier.Run(ctx, rc.classifier, d) }},
		{Name: "notifier", Run: func(ctx context.Context, d app.Deps) error { return notify.Run(ctx, rc.notifier, d) }},
	}
	if rc.printAlert {
		services = append(services, app.Service{Name: "alert-printer", Run: func(ctx context.Context, d app.Deps) error {
			return printAlerts(ctx, d, e.stdout)
		}})
	}
	return app.Host(ctx, app.HostOptions{Common: common, Logs: e.stderr, Ready: func(adminAddr string) {
		if adminAddr != "" {
			fmt.Fprintf(e.stderr, "newsmon: metrics at http://%s/metrics, health at http://%s/healthz\n", adminAddr, adminAddr)
		}
		if rc.ready != nil {
			rc.ready(natsURL, adminAddr)
		}
	}}, services...)
}

func splitListen(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("want host:port, got %q: %w", addr, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, fmt.Errorf("bad port in %q", addr)
	}
	return host, port, nil
}
