package main

import (
	"fmt"
	"io"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/quality"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

// crossValidate prints, per learned topic and corpus, P/R/F1 for the rules
// alone (as loadSet recorded them), the model alone (probability ≥ 0.5) and the classifier as it
// ships, the rules lifted by the model. With only nil, each corpus is
// scored with models trained on all the others; otherwise only is scored
// with models trained on all of sets.
func crossValidate(w io.Writer, r *rules.Rules, sets []*corpus, only *corpus, opt scorer.TrainOptions) error {
	topics := learnedTopics(r)
	evalSets := sets
	skip := func(s *corpus) *corpus { return s }
	if only != nil {
		evalSets = []*corpus{only}
		skip = func(*corpus) *corpus { return nil }
	}
	all := map[string]*[3]quality.PRF{}
	lines := map[string][]string{}
	for _, s := range evalSets {
		models := map[string]*scorer.Model{}
		for _, t := range topics {
			models[t] = train(t, sets, skip(s), opt)
			if targetTopic(r, t) {
				models[classify.TargetModel(t)] = trainTarget(t, sets, skip(s), opt)
			}
		}
		shipped, err := classify.New(r, classify.WithModels(models))
		if err != nil {
			return err
		}
		line := map[string]*[3]quality.PRF{}
		for _, t := range topics {
			line[t] = &[3]quality.PRF{}
			if all[t] == nil {
				all[t] = &[3]quality.PRF{}
			}
		}
		for i, it := range s.items {
			doc := classify.Document{Title: it.Title, Summary: it.Summary, Text: it.Text}
			lifted := shipped.Classify(doc)
			for _, t := range topics {
				got := [3]bool{s.bare[i][t].matched, models[t].Prob(s.feats[i]) >= 0.5, matched(lifted, t)}
				for k := range got {
					add(&line[t][k], it.Has(t), got[k])
					add(&all[t][k], it.Has(t), got[k])
				}
			}
		}
		for _, t := range topics {
			lines[t] = append(lines[t], fmt.Sprintf("%-14s %-22s %s", t, s.name, row(*line[t])))
		}
	}
	for _, t := range topics {
		for _, l := range lines[t] {
			fmt.Fprintln(w, l)
		}
		if only == nil {
			fmt.Fprintf(w, "%-14s %-22s %s\n", t, "all", row(*all[t]))
		}
	}
	return nil
}

func matched(res classify.Result, topic string) bool {
	for _, tr := range res.Topics {
		if tr.Topic == topic {
			return tr.Matched
		}
	}
	return false
}

func row(t [3]quality.PRF) string {
	return fmt.Sprintf("rules %s | model %s | lifted %s", cell(t[0]), cell(t[1]), cell(t[2]))
}

// add counts one decision into p.
func add(p *quality.PRF, gold, got bool) {
	switch {
	case gold && got:
		p.TP++
	case got:
		p.FP++
	case gold:
		p.FN++
	default:
		p.TN++
	}
}

func cell(p quality.PRF) string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f", p.Precision(), p.Recall(), p.F1())
}
