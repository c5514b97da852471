// Command classeval measures the classifier on a labelled corpus (JSON
// Lines): precision, recall and F1 per topic and the share of expected
// facts found.
//
//	go run ./cmd/classeval -corpus testdata/corpus.jsonl [-rules FILE] [-no-borderline] [-v]
//	go run ./cmd/classeval -corpus testdata/stream.jsonl   # realistic feed, mostly irrelevant
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

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
	if err := fs.Parse(args); err != nil {
		return err
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
