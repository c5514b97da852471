// Command trainscorer trains the learned topic scorer from the labelled
// corpora in the repository and writes one model file per topic that has a
// learned block in the rules. Run it from services/deal-classifier:
//
//	go run ./cmd/trainscorer               # write scorer/models/<topic>.tsv
//	go run ./cmd/trainscorer -cv           # leave one corpus out: rules alone, model alone, rules lifted by the model
//	go run ./cmd/trainscorer -eval FILE    # the same three on another corpus, trained on all of the repository's
//
// Training reads testdata/corpus.jsonl, testdata/stream.jsonl and every
// ../../testdata/heldout*/heldout*.jsonl, in that order, and is
// deterministic: the same files give the same models.
package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/quality"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "trainscorer:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("trainscorer", flag.ContinueOnError)
	cv := fs.Bool("cv", false, "leave one corpus out and report rules, model and lifted F1")
	eval := fs.String("eval", "", "report on this corpus, with models trained on all of the repository's")
	out := fs.String("out", filepath.Join("scorer", "models"), "directory for the model files")
	exclude := fs.String("exclude", "", "comma-separated corpus file names to leave out (a blind set before its first-contact score)")
	var opt scorer.TrainOptions
	fs.IntVar(&opt.Epochs, "epochs", 0, "training epochs (0: the default)")
	fs.Float64Var(&opt.L2, "l2", 0, "L2 decay (0: the default)")
	fs.IntVar(&opt.MinCount, "min-count", 0, "drop features seen in fewer items (0: the default)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r, err := rules.Default()
	if err != nil {
		return err
	}
	bare, err := rulesAlone(r)
	if err != nil {
		return err
	}
	var drop []string
	if *exclude != "" {
		drop = strings.Split(*exclude, ",")
	}
	sets, err := loadCorpora(".", bare, drop...)
	if err != nil {
		return err
	}
	switch {
	case *cv:
		return crossValidate(os.Stdout, r, sets, nil, opt)
	case *eval != "":
		s, err := loadSet(*eval, bare)
		if err != nil {
			return err
		}
		return crossValidate(os.Stdout, r, sets, s, opt)
	}
	for _, t := range learnedTopics(r) {
		ms := map[string]*scorer.Model{t: train(t, sets, nil, opt)}
		if targetTopic(r, t) {
			ms[classify.TargetModel(t)] = trainTarget(t, sets, nil, opt)
		}
		for _, name := range slices.Sorted(maps.Keys(ms)) {
			if err := writeModel(filepath.Join(*out, name+".tsv"), ms[name]); err != nil {
				return err
			}
			fmt.Printf("%s: %d features\n", name, len(ms[name].Weights))
		}
	}
	return nil
}

// targetTopic reports whether topic's learned block asks for a target
// model.
func targetTopic(r *rules.Rules, topic string) bool {
	for _, t := range r.Topics {
		if t.ID == topic {
			return t.Learned != nil && t.Learned.TargetProb > 0
		}
	}
	return false
}

// learnedTopics lists the topics whose rules ask for a learned scorer.
func learnedTopics(r *rules.Rules) []string {
	var out []string
	for _, t := range r.Topics {
		if t.Learned != nil {
			out = append(out, t.ID)
		}
	}
	return out
}

func writeModel(path string, m *scorer.Model) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// corpus is one labelled file with its items' features and, per item,
// what the rules alone made of it.
type corpus struct {
	name  string
	items []quality.Item
	feats [][]string
	bare  []map[string]verdict
}

// verdict is the rules' reading of one item for one topic: whether the
// topic matched, and whether the item reached the target gate (the rules
// found a deal whose target they could not tell to be an AI company).
type verdict struct{ matched, gated bool }

// rulesAlone builds the classifier of r without its learned scorers.
func rulesAlone(r *rules.Rules) (*classify.Classifier, error) {
	bare := *r
	bare.Topics = append([]rules.Topic(nil), r.Topics...)
	for i := range bare.Topics {
		bare.Topics[i].Learned = nil
	}
	return classify.New(&bare)
}

// loadCorpora reads the training corpora, dir being services/deal-classifier,
// but not the files named in exclude (a blind set still being written may
// not even parse).
func loadCorpora(dir string, bare *classify.Classifier, exclude ...string) ([]*corpus, error) {
	paths := []string{filepath.Join(dir, "testdata", "corpus.jsonl"), filepath.Join(dir, "testdata", "stream.jsonl")}
	held, err := filepath.Glob(filepath.Join(dir, "..", "..", "testdata", "heldout*", "heldout*.jsonl"))
	if err != nil {
		return nil, err
	}
	var sets []*corpus
	for _, p := range append(paths, held...) {
		if slices.Contains(exclude, filepath.Base(p)) {
			continue
		}
		s, err := loadSet(p, bare)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

func loadSet(path string, bare *classify.Classifier) (*corpus, error) {
	items, err := quality.Load(path)
	if err != nil {
		return nil, err
	}
	s := &corpus{name: filepath.Base(path), items: items}
	var fz scorer.Featurizer
	for _, it := range items {
		doc := classify.Document{Title: it.Title, Summary: it.Summary, Text: it.Text}
		s.feats = append(s.feats, fz.Strings(it.Title, doc.Body()))
		v := map[string]verdict{}
		for _, tr := range bare.Classify(doc).Topics {
			v[tr.Topic] = verdict{matched: tr.Matched, gated: classify.TargetGated(tr)}
		}
		s.bare = append(s.bare, v)
	}
	return s, nil
}

// train fits topic's model on every corpus but skip.
func train(topic string, sets []*corpus, skip *corpus, opt scorer.TrainOptions) *scorer.Model {
	return fit(topic, topic, sets, skip, opt, nil)
}

// trainTarget fits topic's target model on the gated items of every corpus
// but skip: given that the rules found a deal but could not tell whether
// its target is an AI company, does the item belong to the topic?
func trainTarget(topic string, sets []*corpus, skip *corpus, opt scorer.TrainOptions) *scorer.Model {
	return fit(classify.TargetModel(topic), topic, sets, skip, opt, func(s *corpus, i int) bool { return s.bare[i][topic].gated })
}

// fit trains model name on the items of every corpus but skip that keep
// accepts (nil: all), labelled by whether they belong to topic.
func fit(name, topic string, sets []*corpus, skip *corpus, opt scorer.TrainOptions, keep func(*corpus, int) bool) *scorer.Model {
	var ex []scorer.Example
	for _, s := range sets {
		if s == skip {
			continue
		}
		for i, it := range s.items {
			if keep == nil || keep(s, i) {
				ex = append(ex, scorer.Example{Features: s.feats[i], Positive: it.Has(topic)})
			}
		}
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	return scorer.Train(name, ex, opt)
}
