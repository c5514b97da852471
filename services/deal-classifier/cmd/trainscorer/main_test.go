package main

import (
	"math"
	"testing"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

// The shipped models must be what the command trains from the repository's
// corpora today: a corpus added or changed without retraining fails here.
// Weights are compared with a small tolerance, since floating-point
// rounding may differ between machines.
func TestShippedModelsAreTrainedFromTheRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on every corpus")
	}
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	bare, err := rulesAlone(r)
	if err != nil {
		t.Fatal(err)
	}
	sets, err := loadCorpora("../..", bare)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := scorer.Default()
	if err != nil {
		t.Fatal(err)
	}
	topics := learnedTopics(r)
	if len(topics) == 0 {
		t.Fatal("no topic asks for a learned scorer")
	}
	fresh := map[string]*scorer.Model{}
	for _, topic := range topics {
		fresh[topic] = train(topic, sets, nil, scorer.TrainOptions{})
		if targetTopic(r, topic) {
			fresh[classify.TargetModel(topic)] = trainTarget(topic, sets, nil, scorer.TrainOptions{})
		}
	}
	// The target models depend on the rules too: a rule change that moves
	// which articles reach the target gate asks for retraining.
	for name, m := range fresh {
		old := shipped[name]
		if old == nil {
			t.Fatalf("%s: no shipped model; run go run ./cmd/trainscorer", name)
		}
		worst, at := math.Abs(m.Bias-old.Bias), "bias"
		for f, w := range m.Weights {
			if d := math.Abs(w - old.Weights[f]); d > worst {
				worst, at = d, f
			}
		}
		for f, w := range old.Weights {
			if d := math.Abs(w - m.Weights[f]); d > worst {
				worst, at = d, f
			}
		}
		if worst > 0.01 {
			t.Errorf("%s: the shipped model differs from a fresh training (feature %q by %.4f); run go run ./cmd/trainscorer", name, at, worst)
		}
	}
}
