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
	// Stream holds the floors for testdata/stream.jsonl, the realistic
	// feed where most items are irrelevant.
	Stream struct {
		Precision map[string]float64 `json:"precision"`
		Recall    map[string]float64 `json:"recall"`
	} `json:"stream"`
	// Heldout holds regression floors for the blind sets under
	// testdata/heldout*: they were all tuned on after their first score, so
	// they guard against a change that fixes one set by breaking another.
	Heldout map[string]struct {
		F1    map[string]float64 `json:"f1"`
		Facts float64            `json:"facts"`
	} `json:"heldout"`
}

func loadThresholds(t *testing.T) thresholds {
	t.Helper()
	b, err := os.ReadFile("../testdata/thresholds.json")
	if err != nil {
		t.Fatal(err)
	}
	var th thresholds
	if err := json.Unmarshal(b, &th); err != nil {
		t.Fatal(err)
	}
	return th
}

func defaultClassifier(t *testing.T) *classify.Classifier {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := classify.New(r)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestStreamThresholds checks precision and recall on the realistic stream:
// hundreds of ordinary tech and business headlines with about one in ten
// relevant, the setting in which false alerts cost users most.
func TestStreamThresholds(t *testing.T) {
	items, err := Load("../testdata/stream.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	pos := 0
	for _, it := range items {
		if len(it.Labels) > 0 {
			pos++
		}
	}
	if len(items) < 400 || pos*100 < len(items)*5 || pos*100 > len(items)*15 {
		t.Fatalf("stream has %d items, %d relevant; want >= 400 with 5-15%% relevant", len(items), pos)
	}
	th := loadThresholds(t)
	if len(th.Stream.Precision) == 0 {
		t.Fatal("thresholds.json has no stream floors")
	}
	rep := Evaluate(defaultClassifier(t), items)
	for _, topic := range Topics {
		p := rep.Topics[topic]
		if pr := p.Precision(); pr < th.Stream.Precision[topic] {
			t.Errorf("stream %s precision %.3f < %.3f", topic, pr, th.Stream.Precision[topic])
		}
		if rc := p.Recall(); rc < th.Stream.Recall[topic] {
			t.Errorf("stream %s recall %.3f < %.3f", topic, rc, th.Stream.Recall[topic])
		}
	}
	if t.Failed() {
		rep.Write(testWriter{t}, true)
	}
}

func TestCorpusThresholds(t *testing.T) {
	c := defaultClassifier(t)
	items, err := Load("../testdata/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 200 {
		t.Fatalf("corpus has %d items, want at least 200", len(items))
	}
	th := loadThresholds(t)
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

// TestHeldoutFloors keeps every blind set at or above its recorded floor.
func TestHeldoutFloors(t *testing.T) {
	th := loadThresholds(t)
	if len(th.Heldout) == 0 {
		t.Fatal("thresholds.json has no heldout floors")
	}
	c := defaultClassifier(t)
	for name, floor := range th.Heldout {
		t.Run(name, func(t *testing.T) {
			items, err := Load("../../../testdata/" + name + "/" + name + ".jsonl")
			if err != nil {
				t.Fatal(err)
			}
			rep := Evaluate(c, items)
			for _, topic := range Topics {
				if f1 := rep.Topics[topic].F1(); f1 < floor.F1[topic] {
					t.Errorf("%s %s F1 %.3f < %.3f", name, topic, f1, floor.F1[topic])
				}
			}
			if fs := rep.FactShare(); fs < floor.Facts {
				t.Errorf("%s facts %.3f < %.3f", name, fs, floor.Facts)
			}
			if t.Failed() {
				rep.Write(testWriter{t}, true)
			}
		})
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}

func TestLenientMatching(t *testing.T) {
	if !targetMatch("Moore Threads", "Moore Threads; MetaX") || !nameMatch("Perplexity AI", "Perplexity") || nameMatch("Meta", "") ||
		!nameMatch("Cérebro Verde", "Cerebro Verde") || nameMatch("Cérebro", "Ceres") ||
		// A label in Traditional Chinese names the gazetteer's entry.
		!nameMatch("Zhipu AI", "智譜") || !nameMatch("Cambricon", "寒武紀") || !nameMatch("Tencent", "騰訊") || nameMatch("Tencent", "智譜") {
		t.Fatal("name matching")
	}
	if !within(1.05e9, 1e9) || within(1.2e9, 1e9) {
		t.Fatal("amount tolerance")
	}
	if !overlap([]string{"US", "China"}, []string{"China"}) || overlap([]string{"US"}, []string{"Japan"}) {
		t.Fatal("overlap")
	}
}
