package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/config"
)

func runDLQ(ctx context.Context, args []string, e env) error {
	fs := flag.NewFlagSet("newsmon dlq", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	url := fs.String("nats-url", nats.DefaultURL, "NATS server URL")
	limit := fs.Int("limit", 100, "list at most this many dead letters")
	all := fs.Bool("all", false, "redrive every dead letter")
	if err := config.Parse(fs, args, e.getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 || (rest[0] != "list" && rest[0] != "redrive") {
		return config.Errorf("command line", "want 'newsmon dlq list' or 'newsmon dlq redrive SEQ...|--all'")
	}
	// Flags may also follow the verb.
	if err := fs.Parse(rest[1:]); err != nil {
		return &config.Error{Where: "command line", Err: err}
	}
	nc, err := nats.Connect(*url, nats.Name("newsmon-dlq"))
	if err != nil {
		return fmt.Errorf("connect to NATS: %w", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if rest[0] == "list" {
		dls, err := bus.ListDeadLetters(ctx, js, *limit)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SEQ\tTIME\tKIND\tSTREAM\tCONSUMER\tSTREAM_SEQ\tDELIVERIES\tSUBJECT\tREASON")
		for _, d := range dls {
			subject := d.Subject
			if d.Missing {
				subject = "(original expired)"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", d.Seq, d.Time.UTC().Format(time.RFC3339), d.Kind,
				d.Stream, d.Consumer, d.StreamSeq, d.Deliveries, subject, d.Reason)
		}
		return tw.Flush()
	}
	var seqs []uint64
	if *all {
		dls, err := bus.ListDeadLetters(ctx, js, 0)
		if err != nil {
			return err
		}
		for _, d := range dls {
			seqs = append(seqs, d.Seq)
		}
	}
	for _, a := range fs.Args() {
		n, err := strconv.ParseUint(a, 10, 64)
		if err != nil {
			return config.Errorf("command line", "dead-letter sequence %q is not a number", a)
		}
		seqs = append(seqs, n)
	}
	if len(seqs) == 0 {
		return config.Errorf("command line", "name the dead letters to redrive (SEQ...) or pass --all")
	}
	var errs []error
	for _, s := range seqs {
		ack, err := bus.Redrive(ctx, js, s)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(e.stdout, "redrove dead letter %d as %s #%d\n", s, ack.Stream, ack.Sequence)
	}
	return errors.Join(errs...)
}
