package main

import (
	"fmt"
	"io"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/quality"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

// crossValidate prints, per learned topic and corpus, F1 for the rules
// alone, the model alone (probability ≥ 0.5) and the rules lifted by the
// model as the topic's learned block says. With only nil, each corpus is
// scored by a model trained on all the others; otherwise only is scored by
// a model trained on all of sets.
func crossValidate(w io.Writer, r *rules.Rules, sets []*corpus, only *corpus, opt scorer.TrainOptions) error {
	// The rules' own scores, without the learned lift.
	bare := *r
	bare.Topics = append([]rules.Topic(nil), r.Topics...)
	for i := range bare.Topics {
		bare.Topics[i].Learned = nil
	}
	c, err := classify.New(&bare)
	if err != nil {
		return err
	}
	evalSets := sets
	if only != nil {
		evalSets = []*corpus{only}
	}
	for _, t := range r.Topics {
		if t.Learned == nil {
			continue
		}
		var all [3]quality.PRF
		var whole *scorer.Model
		if only != nil {
			whole = train(t.ID, sets, nil, opt)
		}
		for _, s := range evalSets {
			m := whole
			if m == nil {
				m = train(t.ID, sets, s, opt)
			}
			var line [3]quality.PRF
			for i, it := range s.items {
				score := topicScore(c.Classify(classify.Document{Title: it.Title, Summary: it.Summary, Text: it.Text}), t.ID)
				p := m.Prob(s.feats[i])
				gold := it.Has(t.ID)
				got := [3]bool{score >= t.Threshold, p >= 0.5, score >= t.Threshold || t.Learned.Lifts(score, p)}
				for k := range got {
					add(&line[k], gold, got[k])
					add(&all[k], gold, got[k])
				}
			}
			fmt.Fprintf(w, "%-14s %-22s %s\n", t.ID, s.name, row(line))
		}
		if only == nil {
			fmt.Fprintf(w, "%-14s %-22s %s\n", t.ID, "all", row(all))
		}
	}
	return nil
}

func topicScore(res classify.Result, topic string) float64 {
	for _, tr := range res.Topics {
		if tr.Topic == topic {
			return tr.Score
		}
	}
	return 0
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
