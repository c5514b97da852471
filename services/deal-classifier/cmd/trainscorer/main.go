// Command trainscorer trains the experimental learned scorer (package
// learn) on the labelled data in the repository and measures it.
//
//	go run ./cmd/trainscorer            # train, report, write learn/model.json
//	go run ./cmd/trainscorer -write=false
//
// Training data: testdata/corpus.jsonl, testdata/stream.jsonl and the
// odd-numbered ids of the held-out set. The even-numbered ids are never
// trained on; they are scored once, at the end, as the clean measure. The
// report gives 5-fold cross-validated and even-half precision, recall and
// F1 per topic for the rules alone, the model alone and fixed combinations.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/learn"
	"github.com/newsmon/newsmon/services/deal-classifier/quality"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "trainscorer:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("trainscorer", flag.ContinueOnError)
	train := fs.String("train", "testdata/corpus.jsonl,testdata/stream.jsonl", "training corpora, comma-separated (all items)")
	heldout := fs.String("heldout", "../../testdata/heldout/heldout.jsonl", "held-out set: odd ids train, even ids test")
	out := fs.String("out", "learn/model.json", "where to write the model")
	write := fs.Bool("write", true, "write the model file")
	folds := fs.Int("folds", 5, "cross-validation folds")
	seed := fs.Uint64("seed", 5, "seed of the fold assignment")
	opts := learn.DefaultOptions()
	fs.Float64Var(&opts.L2, "l2", opts.L2, "L2 regularisation (experiments; the committed model uses the default)")
	fs.IntVar(&opts.Iterations, "iterations", opts.Iterations, "gradient steps")
	fs.Float64Var(&opts.Rate, "rate", opts.Rate, "step size")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r, err := rules.Default()
	if err != nil {
		return err
	}
	c, err := classify.New(r)
	if err != nil {
		return err
	}
	var pool, test []learn.Example
	for _, p := range strings.Split(*train, ",") {
		ex, err := load(c, p, "all")
		if err != nil {
			return err
		}
		pool = append(pool, ex...)
	}
	odd, err := load(c, *heldout, "odd")
	if err != nil {
		return err
	}
	pool = append(pool, odd...)
	if test, err = load(c, *heldout, "even"); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "train pool %d items (incl. %d held-out odd), test %d held-out even items, rules %s\n",
		len(pool), len(odd), len(test), pool[0].Result.RulesVersion)

	text := opts
	text.TextOnly = true
	cv, err := crossValidate(pool, opts, text, *folds, *seed)
	if err != nil {
		return err
	}
	full, err := learn.Train(pool, quality.Topics, opts)
	if err != nil {
		return err
	}
	textFull, err := learn.Train(pool, quality.Topics, text)
	if err != nil {
		return err
	}
	even := predict(full, textFull, test)
	fmt.Fprintf(stdout, "\n== %d-fold cross-validation on the train pool (seed %d)\n", *folds, *seed)
	report(stdout, pool, cv)
	fmt.Fprintf(stdout, "\n== held-out even ids (never trained on), model trained on the whole pool\n")
	report(stdout, test, even)
	fmt.Fprintf(stdout, "\n== held-out even ids: changes made by %q\n", adjustName)
	changes(stdout, test, even)

	if !*write {
		return nil
	}
	b, err := full.Marshal()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(stdout, "\nwrote %s (%d bytes)\n", *out, len(b))
	return nil
}

// load reads a corpus, keeps the ids of one half ("odd", "even" or "all")
// and classifies every item with the rules.
func load(c *classify.Classifier, path, half string) ([]learn.Example, error) {
	items, err := quality.Load(path)
	if err != nil {
		return nil, err
	}
	var out []learn.Example
	for _, it := range items {
		if half != "all" {
			n, ok := idNumber(it.ID)
			if !ok || (n%2 == 1) != (half == "odd") {
				continue
			}
		}
		doc := classify.Document{Title: it.Title, Summary: it.Summary, Text: it.Text, URL: it.URL, Outlet: it.Source}
		out = append(out, learn.Example{ID: it.ID, Doc: doc, Result: c.Classify(doc), Labels: it.Labels})
	}
	return out, nil
}

// idNumber returns the number formed by the digits of id, as classeval does.
func idNumber(id string) (int, bool) {
	n, any := 0, false
	for i := 0; i < len(id); i++ {
		if id[i] >= '0' && id[i] <= '9' {
			n, any = n*10+int(id[i]-'0'), true
		}
	}
	return n, any
}

// crossValidate returns out-of-fold predictions for every pool item. Folds
// come from a seeded permutation; each fold's model trains on the other
// items in their original order.
func crossValidate(pool []learn.Example, opts, text learn.Options, k int, seed uint64) ([]prediction, error) {
	perm := rand.New(rand.NewPCG(seed, seed)).Perm(len(pool))
	fold := make([]int, len(pool))
	for i, p := range perm {
		fold[p] = i % k
	}
	preds := make([]prediction, len(pool))
	for f := 0; f < k; f++ {
		var tr, te []learn.Example
		var idx []int
		for i, e := range pool {
			if fold[i] == f {
				te, idx = append(te, e), append(idx, i)
			} else {
				tr = append(tr, e)
			}
		}
		m, err := learn.Train(tr, quality.Topics, opts)
		if err != nil {
			return nil, err
		}
		mt, err := learn.Train(tr, quality.Topics, text)
		if err != nil {
			return nil, err
		}
		for j, p := range predict(m, mt, te) {
			preds[idx[j]] = p
		}
	}
	return preds, nil
}
