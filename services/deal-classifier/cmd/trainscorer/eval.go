package main

import (
	"fmt"
	"io"

	"github.com/newsmon/newsmon/services/deal-classifier/learn"
	"github.com/newsmon/newsmon/services/deal-classifier/quality"
)

// prediction holds, per topic, the rules' verdict and the two models'
// probabilities for one item.
type prediction map[string]topicPred

type topicPred struct {
	Matched bool
	Rule    float64
	Model   float64
	Text    float64
}

func predict(full, text *learn.Set, items []learn.Example) []prediction {
	out := make([]prediction, len(items))
	for i, e := range items {
		p := prediction{}
		for _, t := range quality.Topics {
			tp := topicPred{}
			if tr := e.Result.Topic(t); tr != nil {
				tp.Matched, tp.Rule = tr.Matched, tr.Score
			}
			tp.Model = full.Topic(t).Score(e.Doc, e.Result)
			tp.Text = text.Topic(t).Score(e.Doc, e.Result)
			p[t] = tp
		}
		out[i] = p
	}
	return out
}

var adjustName = fmt.Sprintf("adjust: rules OR (rule>=%.2g AND model>=%.2g)", learn.MinRuleScore, learn.MinProb)

// strategies are the verdicts compared; every threshold is fixed in
// advance, none is tuned on the held-out half.
var strategies = []struct {
	name string
	pick func(topicPred) bool
}{
	{"rules alone", func(p topicPred) bool { return p.Matched }},
	{"model alone p>=0.5", func(p topicPred) bool { return p.Model >= 0.5 }},
	{"text-only model p>=0.5", func(p topicPred) bool { return p.Text >= 0.5 }},
	{"rules OR model>=0.9", func(p topicPred) bool { return p.Matched || p.Model >= 0.9 }},
	{"rules OR text-only>=0.9", func(p topicPred) bool { return p.Matched || p.Text >= 0.9 }},
	{"avg(rule,model)>=0.5", func(p topicPred) bool { return (p.Rule+p.Model)/2 >= 0.5 }},
	{"rules AND model>=0.1", func(p topicPred) bool { return p.Matched && p.Model >= 0.1 }},
	{adjustName, func(p topicPred) bool { return p.Matched || learn.Raises(p.Matched, p.Rule, p.Model) }},
}

func report(w io.Writer, items []learn.Example, preds []prediction) {
	fmt.Fprintf(w, "%-48s %-14s %4s %4s %4s  %5s %5s %5s\n", "strategy", "topic", "TP", "FP", "FN", "P", "R", "F1")
	for _, s := range strategies {
		for _, t := range quality.Topics {
			var c quality.PRF
			for i, e := range items {
				got, want := s.pick(preds[i][t]), e.Has(t)
				switch {
				case got && want:
					c.TP++
				case got:
					c.FP++
				case want:
					c.FN++
				default:
					c.TN++
				}
			}
			fmt.Fprintf(w, "%-48s %-14s %4d %4d %4d  %.3f %.3f %.3f\n", s.name, t, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
		}
	}
}

// changes lists the items where the adjusted verdict differs from the
// rules', and the rule misses it leaves, with both scores.
func changes(w io.Writer, items []learn.Example, preds []prediction) {
	for i, e := range items {
		for _, t := range quality.Topics {
			p := preds[i][t]
			want := e.Has(t)
			raised := learn.Raises(p.Matched, p.Rule, p.Model)
			switch {
			case raised:
				fmt.Fprintf(w, "  raised  %-5s %s %-13s rule=%.2f model=%.2f %q\n", verdict(want), e.ID, t, p.Rule, p.Model, e.Doc.Title)
			case p.Matched != want:
				fmt.Fprintf(w, "  left    %-5s %s %-13s rule=%.2f model=%.2f %q\n", miss(p.Matched), e.ID, t, p.Rule, p.Model, e.Doc.Title)
			}
		}
	}
}

func verdict(right bool) string {
	if right {
		return "right"
	}
	return "wrong"
}

func miss(matched bool) string {
	if matched {
		return "FP"
	}
	return "FN"
}
