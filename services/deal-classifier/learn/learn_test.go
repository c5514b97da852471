package learn

import (
	"bytes"
	"slices"
	"testing"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/quality"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

func classifier(t *testing.T) *classify.Classifier {
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

func examples(t *testing.T, c *classify.Classifier) []Example {
	t.Helper()
	items, err := quality.Load("../testdata/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	out := make([]Example, len(items))
	for i, it := range items {
		doc := classify.Document{Title: it.Title, Summary: it.Summary, Text: it.Text}
		out[i] = Example{ID: it.ID, Doc: doc, Result: c.Classify(doc), Labels: it.Labels}
	}
	return out
}

// TestTrainReproducible trains twice on the same data and wants the same
// model file, byte for byte.
func TestTrainReproducible(t *testing.T) {
	ex := examples(t, classifier(t))
	o := DefaultOptions()
	o.Iterations = 200
	var files [][]byte
	for range 2 {
		s, err := Train(ex, quality.Topics, o)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatalf("two trainings on the same data differ (%d vs %d bytes)", len(files[0]), len(files[1]))
	}
	s, err := Parse(files[0])
	if err != nil {
		t.Fatalf("trained model does not parse: %v", err)
	}
	if len(s.Topic("ai_investment").Index) == 0 {
		t.Fatal("trained model has no word weights")
	}
}

// TestEmbeddedModel loads the committed model and checks that it scores a
// plain deal, a plain chip rule and an unrelated item the right way round.
func TestEmbeddedModel(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if s.Version != FormatVersion || s.Topic("ai_investment") == nil || s.Topic("chip_policy") == nil {
		t.Fatalf("embedded model: version %d, topics %d", s.Version, len(s.Models))
	}
	c := classifier(t)
	cases := []struct {
		doc  classify.Document
		want []string
	}{
		{classify.Document{Title: "Tencent and Alibaba in talks to invest in DeepSeek at $10 billion valuation",
			Summary: "The Chinese AI lab is weighing its first outside funding round, people familiar said."}, []string{"ai_investment"}},
		{classify.Document{Title: "US Commerce Department tightens export controls on Nvidia H20 chips to China",
			Summary: "The Bureau of Industry and Security said licences will now be required for shipments."}, []string{"chip_policy"}},
		{classify.Document{Title: "Local bakery wins regional bread award",
			Summary: "The family-run shop took first prize for its sourdough at the county fair."}, nil},
	}
	for _, tc := range cases {
		res := c.Classify(tc.doc)
		for _, m := range s.Models {
			p := m.Score(tc.doc, res)
			if want := slices.Contains(tc.want, m.Topic); (p >= 0.5) != want {
				t.Errorf("%q: %s p=%.3f, want positive=%t", tc.doc.Title, m.Topic, p, want)
			}
		}
	}
}

func TestParseRefusesOtherVersions(t *testing.T) {
	if _, err := Parse([]byte(`{"version":99,"buckets":8,"models":[{"topic":"x"}]}`)); err == nil {
		t.Fatal("version 99 accepted")
	}
	if _, err := Parse([]byte(`{"version":1,"buckets":8,"models":[{"topic":"x","index":[1],"weight":[]}]}`)); err == nil {
		t.Fatal("mismatched index and weight accepted")
	}
}

// TestAdjustNeverLowers checks the gate: matched topics and topics without
// partial rule evidence are left exactly as the rules made them.
func TestAdjustNeverLowers(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := classifier(t)
	doc := classify.Document{Title: "Tencent and Alibaba in talks to invest in DeepSeek at $10 billion valuation"}
	res := c.Classify(doc)
	before := len(res.Topic("ai_investment").RulesFired)
	if raised := s.Adjust(&res, doc); len(raised) != 0 {
		t.Fatalf("raised %v on a result with no partial evidence", raised)
	}
	if !res.Topic("ai_investment").Matched || len(res.Topic("ai_investment").RulesFired) != before {
		t.Fatal("Adjust changed a matched topic")
	}
	if res.Topic("chip_policy").Matched {
		t.Fatal("Adjust raised chip_policy with no rule evidence")
	}
	if Raises(false, MinRuleScore-0.01, 0.99) || Raises(true, 0.4, 0.99) || !Raises(false, MinRuleScore, MinProb) {
		t.Fatal("Raises gate is wrong")
	}
}

func TestTokens(t *testing.T) {
	got := tokens("OpenAI raises $6.6B; 腾讯投资")
	want := []string{"openai", "raises", "$", "0", "b", "腾", "讯", "投", "资"}
	if !slices.Equal(got, want) {
		t.Fatalf("tokens = %q, want %q", got, want)
	}
}
