package quality

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

type thresholds struct {
	F1            map[string]float64 `json:"f1"`
	Precision     map[string]float64 `json:"precision"`
	FactsRequired float64            `json:"facts_required"`
}

func TestCorpusThresholds(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := classify.New(r)
	if err != nil {
		t.Fatal(err)
	}
	items, err := Load("../testdata/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 200 {
		t.Fatalf("corpus has %d items, want at least 200", len(items))
	}
	b, err := os.ReadFile("../testdata/thresholds.json")
	if err != nil {
		t.Fatal(err)
	}
	var th thresholds
	if err := json.Unmarshal(b, &th); err != nil {
		t.Fatal(err)
	}
	rep := Evaluate(c, items)
	for _, topic := range Topics {
		p := rep.Topics[topic]
		if f1 := p.F1(); f1 < th.F1[topic] {
			t.Errorf("%s F1 %.3f < %.3f", topic, f1, th.F1[topic])
		}
		if pr := p.Precision(); pr < th.Precision[topic] {
			t.Errorf("%s precision %.3f < %.3f", topic, pr, th.Precision[topic])
		}
	}
	if fs := rep.FactShare(); fs < th.FactsRequired {
		t.Errorf("facts %.3f < %.3f", fs, th.FactsRequired)
	}
	if t.Failed() {
		rep.Write(testWriter{t}, true)
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}

func TestLenientMatching(t *testing.T) {
	if !targetMatch("Moore Threads", "Moore Threads; MetaX") || !nameMatch("Perplexity AI", "Perplexity") || nameMatch("Meta", "") {
		t.Fatal("name matching")
	}
	if !within(1.05e9, 1e9) || within(1.2e9, 1e9) {
		t.Fatal("amount tolerance")
	}
	if !overlap([]string{"US", "China"}, []string{"China"}) || overlap([]string{"US"}, []string{"Japan"}) {
		t.Fatal("overlap")
	}
}
