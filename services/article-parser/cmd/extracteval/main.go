// Command extracteval scores article extraction on the hand-labelled pages
// in testdata/pages: per page and overall token precision/recall/F1 over
// 4-token shingles, metadata accuracy and pages per second, for the
// combined method and for each library alone.
//
//	go run ./cmd/extracteval [-dir testdata/pages] [-cases odd|even|all] [-rounds 5] [-heavy] [-v] [-label]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/article-parser/quality"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// methods are scored in this order; the first is the one the service uses.
var methods = []string{events.MethodCombined, events.MethodTrafilatura, events.MethodReadability}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("extracteval", flag.ContinueOnError)
	dir := fs.String("dir", "testdata/pages", "directory of <case>.html and <case>.expected.json")
	rounds := fs.Int("rounds", 5, "extract every page this many times to time it")
	verbose := fs.Bool("v", false, "print metadata misses and extractor errors per page")
	show := fs.String("show", "", "print every method's text for this page, then exit")
	heavy := fs.Bool("heavy", false, "score the heavy versions of the pages (~350 KB each: scripts, state blobs, story rails)")
	label := fs.Bool("label", false, "rewrite each expected.json text from the page's gold markers, then exit")
	half := fs.String("cases", "all", "odd, even or all: keep the pages at odd or even positions (1-based, name order); "+
		"with odd or even, per-page lines are printed for odd positions only, so a held-out set's even half stays unseen")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cases, err := quality.LoadCases(*dir)
	if err != nil {
		return err
	}
	cases, shown, err := selectHalf(cases, *half)
	if err != nil {
		return err
	}
	if *label {
		if err := quality.Label(cases); err != nil {
			return err
		}
		fmt.Fprintf(out, "labelled %d pages\n", len(cases))
		return nil
	}
	if *heavy {
		cases = quality.HeavyCases(cases)
	}
	if *show != "" {
		return showCase(cases, shown, *show, out)
	}
	per := map[string][]quality.PageResult{}
	var sums []quality.MethodSummary
	for _, m := range methods {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("extracteval: %w", err)
		}
		res, sum := quality.Run(cases, m, *rounds)
		per[m] = res
		sums = append(sums, sum)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "page\tcombined P/R/F1\tused\ttrafilatura F1\treadability F1\tmeta")
	for i, c := range cases {
		if !shown[i] {
			continue
		}
		cm := per[methods[0]][i]
		fmt.Fprintf(tw, "%s\t%.3f/%.3f/%.3f\t%s\t%.3f\t%.3f\t%d/%d\n", c.Name,
			cm.Score.Precision, cm.Score.Recall, cm.Score.F1, cm.Used,
			per[methods[1]][i].Score.F1, per[methods[2]][i].Score.F1, cm.MetaOK, cm.MetaAll)
		if *verbose {
			if len(cm.MetaMisses) > 0 {
				fmt.Fprintf(tw, "  meta misses: %s\t\t\t\t\t\n", strings.Join(cm.MetaMisses, ", "))
			}
			for _, m := range methods {
				if err := per[m][i].Err; err != nil {
					fmt.Fprintf(tw, "  %s error: %v\t\t\t\t\t\n", m, err)
				}
			}
		}
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "method\tpages\tprecision\trecall\tF1\tmeta accuracy\tpages/s")
	for _, s := range sums {
		fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\t%.4f\t%.3f\t%.1f\n", s.Method, s.Pages,
			s.Mean.Precision, s.Mean.Recall, s.Mean.F1, s.MetaAccuracy, s.PagesPerSec)
	}
	return tw.Flush()
}

// showCase prints the expected text and each method's text for one page.
func showCase(cases []quality.Case, shown []bool, name string, out io.Writer) error {
	for i, c := range cases {
		if c.Name != name {
			continue
		}
		if !shown[i] {
			return fmt.Errorf("extracteval: page %q is in the even (unseen) half", name)
		}
		fmt.Fprintf(out, "=== expected\n%s\n", c.Expect.Text)
		for _, m := range methods {
			res, _ := quality.Run([]quality.Case{c}, m, 1)
			fmt.Fprintf(out, "=== %s (used %s, F1 %.3f, err %v)\n%s\n", m, res[0].Used, res[0].Score.F1, res[0].Err, res[0].Text)
		}
		return nil
	}
	return fmt.Errorf("extracteval: no page %q", name)
}

// selectHalf keeps the cases at odd or even 1-based positions of the
// name-sorted list (or all of them) and reports, per kept case, whether
// its per-page details may be printed: only odd positions are, so the
// even half of a held-out set can serve as a clean measure.
func selectHalf(cases []quality.Case, half string) ([]quality.Case, []bool, error) {
	var kept []quality.Case
	var shown []bool
	for i, c := range cases {
		odd := i%2 == 0
		switch half {
		case "all":
		case "odd":
			if !odd {
				continue
			}
		case "even":
			if odd {
				continue
			}
		default:
			return nil, nil, fmt.Errorf("extracteval: -cases %q: want odd, even or all", half)
		}
		kept = append(kept, c)
		shown = append(shown, odd || half == "all")
	}
	return kept, shown, nil
}
