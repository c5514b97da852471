package scorer

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestFeatures(t *testing.T) {
	var fz Featurizer
	got := fz.Strings("Acme AI raises $20 million", "腾讯投资。Led by Étoile Capital.")
	for _, want := range []string{
		"t:acme", "t:raises_$", "acme_ai", "$_0", "0_million", // digits fold to 0
		"腾讯", "讯投", "投资", // character pairs
		"led_by", "by_étoile", // folded case
	} {
		if !slices.Contains(got, want) {
			t.Errorf("features lack %q: %v", want, got)
		}
	}
	// A sentence break ends word pairs.
	if slices.Contains(got, "投资_led") || slices.Contains(got, "资_led") {
		t.Errorf("a pair crosses a sentence break: %v", got)
	}
}

// Hashes must be the hashes of Strings, or a model read from its text file
// would score differently from the one just trained.
func TestHashesMatchStrings(t *testing.T) {
	var fz Featurizer
	title, body := "Nvidia wins licence for H20 sales", "Le ministère a accordé une licence; 美国商务部批准了许可证。 Ёлка 2,5 млрд"
	strs := fz.Strings(title, body)
	want := make([]uint64, 0, len(strs))
	for _, s := range strs {
		want = append(want, hashString(offset64, s))
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if got := fz.Hashes(title, body); !slices.Equal(got, want) {
		t.Fatalf("hashes differ from the strings' hashes: %d vs %d", len(got), len(want))
	}
}

func toyExamples() []Example {
	var ex []Example
	pos := []string{"acme raises seed round", "zeta raises series a", "omni raises funding", "pico closes series b round"}
	neg := []string{"acme launches a chatbot", "zeta reports earnings", "omni hires a chief", "pico opens an office"}
	var fz Featurizer
	for range 5 {
		for _, p := range pos {
			ex = append(ex, Example{Features: fz.Strings(p, ""), Positive: true})
		}
		for _, n := range neg {
			ex = append(ex, Example{Features: fz.Strings(n, ""), Positive: false})
		}
	}
	return ex
}

func TestTrainLearnsAndIsDeterministic(t *testing.T) {
	ex := toyExamples()
	a := Train("toy", ex, TrainOptions{Seed: 7})
	b := Train("toy", ex, TrainOptions{Seed: 7})
	var wa, wb bytes.Buffer
	if err := a.Write(&wa); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(&wb); err != nil {
		t.Fatal(err)
	}
	if wa.String() != wb.String() {
		t.Fatal("two trainings on the same data differ")
	}
	var fz Featurizer
	if p := a.ProbHashes(fz.Hashes("Kappa raises a series c round", "")); p < 0.7 {
		t.Errorf("unseen funding headline: p = %.3f, want ≥ 0.7", p)
	}
	if p := a.ProbHashes(fz.Hashes("Kappa reports earnings", "")); p > 0.3 {
		t.Errorf("unseen earnings headline: p = %.3f, want ≤ 0.3", p)
	}
	if got := a.Explain(fz.Strings("Kappa raises a round", ""), 1); len(got) != 1 || !strings.Contains(got[0], "raises") && !strings.Contains(got[0], "round") {
		t.Errorf("Explain = %v, want the funding words first", got)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	m := Train("toy", toyExamples(), TrainOptions{Seed: 1})
	back := roundTrip(t, m)
	var fz Featurizer
	for _, h := range []string{"Acme raises seed round", "Zeta opens an office"} {
		want := m.ProbHashes(fz.Hashes(h, ""))
		got := back.ProbHashes(fz.Hashes(h, ""))
		if d := got - want; d > 1e-3 || d < -1e-3 {
			t.Errorf("%q: read model gives %.4f, trained %.4f", h, got, want)
		}
	}
}

// TestHeaderWordsAsFeatures checks that the words "bias" and "topic",
// which news text contains, survive a round trip as features and do not
// overwrite the model's header.
func TestHeaderWordsAsFeatures(t *testing.T) {
	m := &Model{Topic: "toy", Bias: -2, Weights: map[string]float64{"bias": 0.5, "topic": 0.25, "raises": 1}}
	back := roundTrip(t, m)
	if back.Topic != "toy" || back.Bias != -2 {
		t.Errorf("header read back as topic %q bias %v, want toy -2", back.Topic, back.Bias)
	}
	for f, w := range m.Weights {
		if back.Weights[f] != w {
			t.Errorf("feature %q read back as %v, want %v", f, back.Weights[f], w)
		}
	}
}

// roundTrip writes m and reads it back.
func roundTrip(t *testing.T, m *Model) *Model {
	t.Helper()
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func TestReadRefusesBrokenModels(t *testing.T) {
	for name, tc := range map[string]struct{ src, want string }{
		"no topic":     {"bias\t0.1\nfoo\t0.2\n", "no topic line"},
		"no tab":       {"topic\tx\nfoo 0.2\n", "line 2: want feature<TAB>weight"},
		"not a number": {"topic\tx\nfoo\tbar\n", "line 2: weight \"bar\""},
		"infinite":     {"topic\tx\nfoo\t+Inf\n", "not a finite number"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestDefaultModelsLoad(t *testing.T) {
	ms, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, topic := range []string{"ai_investment", "chip_policy"} {
		m := ms[topic]
		if m == nil || len(m.Weights) < 1000 {
			t.Fatalf("model %s missing or tiny", topic)
		}
	}
}
