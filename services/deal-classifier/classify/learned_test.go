package classify

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

// zorblatModels are learned scorers that are sure of a topic exactly when
// the made-up word "zorblat" occurs (p = 0.993), so the tests control the
// learned probability.
func zorblatModels(t *testing.T) map[string]*scorer.Model {
	t.Helper()
	out := map[string]*scorer.Model{}
	for _, topic := range []string{"ai_investment", "chip_policy"} {
		m, err := scorer.Read(strings.NewReader("topic\t" + topic + "\nbias\t-5\nzorblat\t10\n"))
		if err != nil {
			t.Fatal(err)
		}
		out[topic] = m
	}
	return out
}

func learnedHit(tr events.TopicResult) *events.RuleHit {
	for i := range tr.RulesFired {
		if tr.RulesFired[i].Rule == "learned" {
			return &tr.RulesFired[i]
		}
	}
	return nil
}

func TestLearnedScorerLiftsWeakEvidence(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(r, WithModels(zorblatModels(t)))
	if err != nil {
		t.Fatal(err)
	}
	// The rules alone score this 0.45: a start-up raising money, not said
	// to be an AI company in the headline. The default rules let the deal
	// model lift only where the headline or lede says AI.
	weak := "Quillfen, a Bergen start-up that sells contract templates, has raised $18 million"
	saysAI := "The round was led by Fjordline Capital. Its founders previously built AI tools at a bank."
	tests := []struct {
		name, topic, title, text string
		lifted                   bool
	}{
		{"weak deal evidence, AI in the lede, confident model", "ai_investment", weak + " zorblat", saysAI, true},
		{"weak deal evidence, AI in the lede, unsure model", "ai_investment", weak, saysAI, false},
		{"weak deal evidence, no AI word, confident model", "ai_investment", weak + " zorblat", "The round was led by Fjordline Capital.", false},
		{"no deal evidence: the deal model never acts alone", "ai_investment", "Zorblat weather turns cold in Bergen", "AI forecasts help.", false},
		{"no policy evidence, very confident model", "chip_policy", "Zorblat notice from the customs office", "", true},
		{"no policy evidence, unsure model", "chip_policy", "Notice from the customs office", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := c.Classify(Document{Title: tc.title, Summary: tc.text})
			tr := topicResult(res, tc.topic)
			hit := learnedHit(tr)
			if tr.Matched != tc.lifted || (hit != nil) != tc.lifted {
				t.Fatalf("matched %v, learned hit %v; want %v (score %.3f, rules %+v)", tr.Matched, hit, tc.lifted, tr.Score, tr.RulesFired)
			}
			if !tc.lifted {
				return
			}
			if tr.Score < 0.5 || hit.Where != "model" || hit.Weight < 0.99 || !strings.Contains(hit.Match, "zorblat") {
				t.Errorf("score %.3f, hit %+v; want ≥ 0.5, where model, p 0.993 and zorblat named", tr.Score, hit)
			}
			if tr.Facts == nil || len(tr.Evidence) == 0 {
				t.Errorf("a lifted topic has facts and evidence too: facts %+v, evidence %+v", tr.Facts, tr.Evidence)
			}
		})
	}
	res := c.Classify(Document{Title: weak + " zorblat", Summary: saysAI})
	if f := topicResult(res, "ai_investment").Facts; f == nil || f.Deal == nil || f.Deal.Target != "Quillfen" {
		t.Errorf("lifted deal facts = %+v, want target Quillfen", f)
	}
}

func TestLearnedBlockNeedsAModel(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(r, WithModels(map[string]*scorer.Model{}))
	if err == nil || !strings.Contains(err.Error(), "no model") || !strings.Contains(err.Error(), "ai_investment") {
		t.Fatalf("err = %v, want a missing model named", err)
	}
}

func topicResult(res Result, topic string) events.TopicResult {
	for _, tr := range res.Topics {
		if tr.Topic == topic {
			return tr
		}
	}
	return events.TopicResult{}
}
