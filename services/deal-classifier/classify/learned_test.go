package classify

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

// zorblatModels are learned scorers that are sure of a topic exactly when
// the made-up word "zorblat" occurs (p = 0.993), and a target model for
// ai_investment that is sure exactly when "quorbex" does, so the tests
// control the learned probabilities.
func zorblatModels(t *testing.T) map[string]*scorer.Model {
	t.Helper()
	out := map[string]*scorer.Model{}
	for name, word := range map[string]string{"ai_investment": "zorblat", "chip_policy": "zorblat", TargetModel("ai_investment"): "quorbex"} {
		m, err := scorer.Read(strings.NewReader("topic\t" + name + "\nbias\t-5\n" + word + "\t10\n"))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = m
	}
	return out
}

// zorblatClassifier is the default rules' classifier with zorblatModels.
func zorblatClassifier(t *testing.T) *Classifier {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(r, WithModels(zorblatModels(t)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLearnedScorerLiftsWeakEvidence(t *testing.T) {
	c := zorblatClassifier(t)
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
			hit := ruleHit(tr, "learned")
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

func ruleHit(tr events.TopicResult, rule string) *events.RuleHit {
	for i := range tr.RulesFired {
		if tr.RulesFired[i].Rule == rule {
			return &tr.RulesFired[i]
		}
	}
	return nil
}

// A deal told without any AI word counts only when the target model says
// what the company does makes it an AI company; the rules' own lenient
// reading of the target does not do for such a deal.
func TestTargetModelDecidesDealsWithoutAIWords(t *testing.T) {
	c := zorblatClassifier(t)
	tests := []struct {
		name, title, text string
		want              bool
	}{
		{"model vouches", "Ledgerfin raises $12m Series A", "Ledgerfin, whose software quorbex reconciles supplier statements, raised $12 million in a round led by Northgate Partners.", true},
		{"model does not vouch", "Ledgerfin raises $12m Series A", "Ledgerfin, whose software reconciles supplier statements, raised $12 million in a round led by Northgate Partners.", false},
		{"AI named: the rules decide without the model", "Ledgerfin raises $12m Series A for its AI agents", "Ledgerfin, an AI start-up, raised $12 million in a round led by Northgate Partners.", true},
		// The lede names the company by its verb only; the deal sentence
		// calls it "the business".
		{"model vouches for a lede subject", "Nottingham route-planning firm raises £5m", "Dropwise makes a quorbex app for parcel couriers that rebuilds each driver's route. The Nottingham business has raised £5m in a Series A led by Mercia Ventures.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := topicResult(c.Classify(Document{Title: tc.title, Summary: tc.text}), "ai_investment")
			if tr.Matched != tc.want {
				t.Fatalf("matched %v, want %v (score %.3f, rules %+v)", tr.Matched, tc.want, tr.Score, tr.RulesFired)
			}
			vouched, unconfirmed := ruleHit(tr, "learned_target"), ruleHit(tr, "target_not_ai")
			switch {
			case strings.HasPrefix(tc.name, "model vouches"):
				if vouched == nil || vouched.Where != "model" || vouched.Weight < 0.99 || !strings.Contains(vouched.Match, "quorbex") || unconfirmed != nil {
					t.Errorf("hits %+v; want learned_target with p 0.993 naming quorbex", tr.RulesFired)
				}
				want := "Ledgerfin"
				if strings.Contains(tc.text, "Dropwise") {
					want = "Dropwise"
				}
				if tr.Facts == nil || tr.Facts.Deal == nil || tr.Facts.Deal.Target != want {
					t.Errorf("facts %+v; want target %s", tr.Facts, want)
				}
			case !tc.want:
				if unconfirmed == nil || unconfirmed.Match != "Ledgerfin" || vouched != nil || tr.Facts != nil {
					t.Errorf("hits %+v, facts %+v; want target_not_ai naming Ledgerfin and no facts", tr.RulesFired, tr.Facts)
				}
			default:
				if vouched != nil || unconfirmed != nil {
					t.Errorf("hits %+v; the rules' own AI evidence needs no target model", tr.RulesFired)
				}
			}
		})
	}
}

// A deal whose company the rules cannot name still reaches the target
// model, and a drop says that no target was named.
func TestTargetModelJudgesUnnamedTargets(t *testing.T) {
	c := zorblatClassifier(t)
	const title = "Des Moines roof-photo start-up raises $14m"
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"For insurers, drone pictures of a roof go in and a quorbex estimate of hail damage comes out. The Des Moines start-up raised $14 million in a round led by Northgate Partners.", true},
		{"For insurers, drone pictures of a roof go in and an estimate of hail damage comes out. The Des Moines start-up raised $14 million in a round led by Northgate Partners.", false},
	} {
		tr := topicResult(c.Classify(Document{Title: title, Summary: tc.text}), "ai_investment")
		if tr.Matched != tc.want {
			t.Fatalf("%q: matched %v, want %v (score %.3f, rules %+v)", tc.text, tr.Matched, tc.want, tr.Score, tr.RulesFired)
		}
		vouched, unconfirmed := ruleHit(tr, "learned_target"), ruleHit(tr, "target_unconfirmed")
		if tc.want && vouched == nil {
			t.Errorf("hits %+v; want learned_target", tr.RulesFired)
		}
		if !tc.want && (unconfirmed == nil || unconfirmed.Match != "(no target named)") {
			t.Errorf("hits %+v; want target_unconfirmed saying no target was named", tr.RulesFired)
		}
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
