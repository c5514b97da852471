package scorer

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Model is a trained logistic regression for one topic. Build one with
// Train or Read: they also index the weights that ProbHashes reads.
type Model struct {
	Topic   string
	Bias    float64
	Weights map[string]float64
	hashed  map[uint64]float64
}

// Prob is the model's probability that an article with these features is
// on the topic.
func (m *Model) Prob(features []string) float64 {
	z := m.Bias
	for _, f := range features {
		z += m.Weights[f]
	}
	return sigmoid(z)
}

// ProbHashes is Prob for features given as Featurizer.Hashes.
func (m *Model) ProbHashes(hashes []uint64) float64 {
	z := m.Bias
	for _, h := range hashes {
		z += m.hashed[h]
	}
	return sigmoid(z)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// index builds the hashed weights that ProbHashes reads.
func (m *Model) index() {
	m.hashed = make(map[uint64]float64, len(m.Weights))
	for f, w := range m.Weights {
		m.hashed[hashString(offset64, f)] += w
	}
}

// Explain lists the features that raise the probability most, strongest
// first, for diagnosis.
func (m *Model) Explain(features []string, n int) []string {
	type fw struct {
		f string
		w float64
	}
	var ws []fw
	for _, f := range features {
		if w := m.Weights[f]; w > 0 {
			ws = append(ws, fw{f, w})
		}
	}
	slices.SortFunc(ws, func(a, b fw) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return strings.Compare(a.f, b.f)
	})
	var out []string
	for i := 0; i < len(ws) && i < n; i++ {
		out = append(out, fmt.Sprintf("%s=%+.2f", ws[i].f, ws[i].w))
	}
	return out
}

// Write stores the model as text: a header, the topic, the bias, then one
// "feature<TAB>weight" line per feature, sorted, so that a retrained model
// diffs readably.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# newsmon learned scorer; regenerate with: go run ./cmd/trainscorer\n")
	fmt.Fprintf(bw, "topic\t%s\n", m.Topic)
	fmt.Fprintf(bw, "bias\t%s\n", strconv.FormatFloat(m.Bias, 'f', 4, 64))
	keys := make([]string, 0, len(m.Weights))
	for k := range m.Weights {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%s\n", k, strconv.FormatFloat(m.Weights[k], 'f', 4, 64))
	}
	return bw.Flush()
}

// Read parses a model written by Write. Errors name the line.
func Read(r io.Reader) (*Model, error) {
	m := &Model{Weights: map[string]float64{}}
	sc := bufio.NewScanner(r)
	line := 0
	// The header's "topic" and "bias" lines come first; later lines with
	// those keys are features (the words "topic" and "bias" occur in news).
	hasBias := false
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		k, v, ok := strings.Cut(t, "\t")
		if !ok {
			return nil, fmt.Errorf("scorer: line %d: want feature<TAB>weight, got %q", line, t)
		}
		if k == "topic" && m.Topic == "" {
			m.Topic = v
			continue
		}
		w, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("scorer: line %d: weight %q is not a finite number", line, v)
		}
		if k == "bias" && !hasBias {
			m.Bias, hasBias = w, true
			continue
		}
		m.Weights[k] = w
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("scorer: %w", err)
	}
	if m.Topic == "" {
		return nil, fmt.Errorf("scorer: no topic line")
	}
	m.index()
	return m, nil
}
