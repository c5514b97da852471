// Package learn is an experimental learned scorer that sits on top of the
// rule-based classifier: one L2-regularised logistic regression per topic
// over hashed title and lede words, a few shape features taken from the
// rules' verdict, and the rule score itself. It is trained only on the
// labelled data in the repository, deterministically, by
// `go run ./cmd/trainscorer`, and the result is embedded as model.json.
//
// It is not wired into the service. Measured with that command, it changes
// no verdict on the held-out even half: the rules were tuned on every
// training item, so the model learns to copy their verdict, and the words
// alone are far weaker than the rules. Set.Adjust is the hook to wire if a
// future model earns it.
package learn

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/classify"
)

// FormatVersion is the version of the model file format.
const FormatVersion = 1

//go:embed model.json
var embedded []byte

// Set is a model file: one model per topic.
type Set struct {
	Version int `json:"version"`
	// Buckets is the size of the hashed feature space.
	Buckets uint32 `json:"buckets"`
	// RulesVersion is the rules file the model was trained against; the
	// rule features mean something else under other rules.
	RulesVersion string `json:"rules_version"`
	// Trained describes the data and settings, for the record.
	Trained string   `json:"trained"`
	Models  []*Model `json:"models"`
}

// Model scores one topic.
type Model struct {
	Topic string `json:"topic"`
	// TextOnly models ignore the rules' verdict (an ablation).
	TextOnly bool `json:"text_only,omitempty"`
	// Dense maps shape feature names to weights.
	Dense map[string]float64 `json:"dense"`
	// Index and Weight list the non-zero hashed weights, by bucket.
	Index  []uint32  `json:"index"`
	Weight []float64 `json:"weight"`

	buckets uint32
	dense   []float64
	sparse  map[uint32]float64
}

// Default returns the embedded model set.
func Default() (*Set, error) { return Parse(embedded) }

// Parse decodes a model file and checks its version and shape.
func Parse(b []byte) (*Set, error) {
	var s Set
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("learn: decode model: %w", err)
	}
	if s.Version != FormatVersion {
		return nil, fmt.Errorf("learn: model version %d, want %d", s.Version, FormatVersion)
	}
	if s.Buckets == 0 || len(s.Models) == 0 {
		return nil, fmt.Errorf("learn: model has no buckets or no topics")
	}
	for _, m := range s.Models {
		if len(m.Index) != len(m.Weight) {
			return nil, fmt.Errorf("learn: topic %s: %d indexes but %d weights", m.Topic, len(m.Index), len(m.Weight))
		}
		m.prepare(s.Buckets)
	}
	return &s, nil
}

// Topic returns the model for topic, or nil.
func (s *Set) Topic(topic string) *Model {
	for _, m := range s.Models {
		if m.Topic == topic {
			return m
		}
	}
	return nil
}

// Marshal encodes the set compactly; weights are already rounded to 5
// significant digits, so the file stays small and byte-stable.
func (s *Set) Marshal() ([]byte, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("learn: encode model: %w", err)
	}
	return append(b, '\n'), nil
}

// Score is the model's probability that doc belongs to the topic, given
// the rules' verdict res on the same document.
func (m *Model) Score(doc classify.Document, res classify.Result) float64 {
	return sigmoid(m.margin(extract(m.Topic, doc, res, m.buckets, m.TextOnly)))
}

func (m *Model) margin(f features) float64 {
	var z float64
	for i, v := range f.dense {
		z += m.dense[i] * v
	}
	for _, e := range f.sparse {
		z += m.sparse[e.k] * e.v
	}
	return z
}

// prepare builds the lookup tables from the serialised fields.
func (m *Model) prepare(buckets uint32) {
	m.buckets = buckets
	m.dense = make([]float64, len(denseNames))
	for i, n := range denseNames {
		m.dense[i] = m.Dense[n]
	}
	m.sparse = make(map[uint32]float64, len(m.Index))
	for i, k := range m.Index {
		m.sparse[k] = m.Weight[i]
	}
}

// newModel turns trained weights into a serialisable model, dropping
// weights below prune.
func newModel(topic string, textOnly bool, buckets uint32, dense []float64, sparse map[int]float64, prune float64) *Model {
	m := &Model{Topic: topic, TextOnly: textOnly, Dense: map[string]float64{}}
	for i, n := range denseNames {
		if dense[i] != 0 {
			m.Dense[n] = round5(dense[i])
		}
	}
	var keys []int
	for k, w := range sparse {
		if math.Abs(w) >= prune {
			keys = append(keys, k)
		}
	}
	sort.Ints(keys)
	for _, k := range keys {
		m.Index = append(m.Index, uint32(k))
		m.Weight = append(m.Weight, round5(sparse[k]))
	}
	m.prepare(buckets)
	return m
}

func round5(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 5, 64), 64)
	return v
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dealOf(f *events.Facts) *events.DealFacts {
	if f == nil {
		return nil
	}
	return f.Deal
}
