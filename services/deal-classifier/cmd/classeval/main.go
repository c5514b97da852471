// Command classeval measures the classifier on a labelled corpus (JSON
// Lines): precision, recall and F1 per topic and the share of expected
// facts found.
//
//	go run ./cmd/classeval -corpus testdata/corpus.jsonl [-rules FILE] [-no-borderline] [-v]
//	go run ./cmd/classeval -corpus testdata/stream.jsonl   # realistic feed, mostly irrelevant
//	go run ./cmd/classeval -corpus ../../testdata/heldout/heldout.jsonl -ids odd   # tuning half only
//
// The -ids flag keeps only items whose id has an odd (or even) numeric
// part, so one half of a held-out set can be studied while the other half
// stays a clean measure.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/quality"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "classeval:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("classeval", flag.ContinueOnError)
	corpus := fs.String("corpus", "testdata/corpus.jsonl", "labelled corpus (JSON Lines)")
	rulesPath := fs.String("rules", "", "rules file (default: the embedded rules)")
	noBorderline := fs.Bool("no-borderline", false, "skip items whose note says BORDERLINE")
	verbose := fs.Bool("v", false, "list every miss")
	dump := fs.String("id", "", "print the full result for one item id")
	half := fs.String("ids", "all", "which items by the numeric part of the id: odd, even or all")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *half != "all" && *half != "odd" && *half != "even" {
		return fmt.Errorf("-ids must be odd, even or all, not %q", *half)
	}
	r, err := loadRules(*rulesPath)
	if err != nil {
		return err
	}
	c, err := classify.New(r)
	if err != nil {
		return err
	}
	items, err := quality.Load(*corpus)
	if err != nil {
		return err
	}
	items = selectIDs(items, *half)
	if *dump != "" {
		for _, it := range items {
			if it.ID == *dump {
				res := c.Classify(classify.Document{Title: it.Title, Summary: it.Summary, Text: it.Text})
				b, _ := json.MarshalIndent(res, "", "  ")
				fmt.Println(string(b))
			}
		}
		return nil
	}
	if *noBorderline {
		kept := items[:0]
		for _, it := range items {
			if !it.Borderline() {
				kept = append(kept, it)
			}
		}
		items = kept
	}
	quality.Evaluate(c, items).Write(os.Stdout, *verbose)
	return nil
}

func loadRules(path string) (*rules.Rules, error) {
	if path == "" {
		return rules.Default()
	}
	return rules.LoadFile(path)
}

// selectIDs keeps the items whose id's numeric part matches half ("odd" or
// "even"); "all" keeps every item. Items whose id carries no digits are
// dropped from either half so they cannot leak into the wrong one.
func selectIDs(items []quality.Item, half string) []quality.Item {
	if half == "all" {
		return items
	}
	kept := make([]quality.Item, 0, len(items)/2+1)
	for _, it := range items {
		n, ok := idNumber(it.ID)
		if ok && (n%2 == 1) == (half == "odd") {
			kept = append(kept, it)
		}
	}
	return kept
}

// idNumber returns the number formed by the digits of id ("h017" -> 17).
func idNumber(id string) (int, bool) {
	digits := make([]byte, 0, len(id))
	for i := 0; i < len(id); i++ {
		if id[i] >= '0' && id[i] <= '9' {
			digits = append(digits, id[i])
		}
	}
	n, err := strconv.Atoi(string(digits))
	return n, err == nil
}
