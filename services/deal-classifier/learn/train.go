package learn

import (
	"fmt"
	"math"
	"slices"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
)

// Example is one labelled document with the rules' verdict on it.
type Example struct {
	ID     string
	Doc    classify.Document
	Result classify.Result
	Labels []string
}

// Has reports whether the example carries label.
func (e Example) Has(label string) bool {
	for _, l := range e.Labels {
		if l == label {
			return true
		}
	}
	return false
}

// Options are the training settings. The zero value is not useful; start
// from DefaultOptions.
type Options struct {
	Buckets uint32
	// L2 is the regularisation strength on the mean log loss.
	L2 float64
	// Iterations of full-batch accelerated gradient descent.
	Iterations int
	// Rate is the step size.
	Rate float64
	// MinDocs drops hashed features seen in fewer training documents.
	MinDocs int
	// Prune drops weights smaller than this from the saved model.
	Prune float64
	// TextOnly trains without the rules' verdict (an ablation).
	TextOnly bool
}

// DefaultOptions are the settings the committed model was trained with.
func DefaultOptions() Options {
	return Options{Buckets: 1 << 18, L2: 1e-4, Iterations: 1000, Rate: 0.5, MinDocs: 2, Prune: 1e-3}
}

// String records the options in the model file.
func (o Options) String() string {
	return fmt.Sprintf("buckets=%d l2=%g iterations=%d rate=%g min_docs=%d prune=%g text_only=%t",
		o.Buckets, o.L2, o.Iterations, o.Rate, o.MinDocs, o.Prune, o.TextOnly)
}

// Train fits one model per topic on examples, in their given order. Full-
// batch gradient descent over sorted features has no randomness, so the
// same examples and options give the same weights, bit for bit.
func Train(examples []Example, topics []string, o Options) (*Set, error) {
	if len(examples) == 0 {
		return nil, fmt.Errorf("learn: no training examples")
	}
	if o.Buckets == 0 || o.Iterations <= 0 || o.Rate <= 0 {
		return nil, fmt.Errorf("learn: bad options %s", o)
	}
	s := &Set{Version: FormatVersion, Buckets: o.Buckets, RulesVersion: examples[0].Result.RulesVersion,
		Trained: fmt.Sprintf("%d examples; %s", len(examples), o)}
	for _, t := range topics {
		xs := make([]features, len(examples))
		ys := make([]float64, len(examples))
		for i, e := range examples {
			xs[i] = extract(t, e.Doc, e.Result, o.Buckets, o.TextOnly)
			if e.Has(t) {
				ys[i] = 1
			}
		}
		dropRare(xs, o.MinDocs)
		dense, sparse := fit(xs, ys, o)
		s.Models = append(s.Models, newModel(t, o.TextOnly, o.Buckets, dense, sparse, o.Prune))
	}
	return s, nil
}

// dropRare removes hashed features that occur in fewer than minDocs
// documents: a word seen once can only be memorised, not learned.
func dropRare(xs []features, minDocs int) {
	df := map[uint32]int{}
	for _, x := range xs {
		for _, e := range x.sparse {
			df[e.k]++
		}
	}
	for i := range xs {
		kept := xs[i].sparse[:0]
		for _, e := range xs[i].sparse {
			if df[e.k] >= minDocs {
				kept = append(kept, e)
			}
		}
		xs[i].sparse = kept
	}
}

// fit minimises the mean log loss plus L2/2 |w|^2 (the bias is not
// penalised) with Nesterov-accelerated gradient descent. Sparse weights are
// kept in a map keyed by bucket but always visited in sorted order.
func fit(xs []features, ys []float64, o Options) ([]float64, map[int]float64) {
	var active []uint32
	seen := map[uint32]int{}
	for _, x := range xs {
		for _, e := range x.sparse {
			if _, ok := seen[e.k]; !ok {
				seen[e.k] = 0
				active = append(active, e.k)
			}
		}
	}
	slices.Sort(active)
	for i, k := range active {
		seen[k] = i
	}
	nd, ns := len(denseNames), len(active)
	w := make([]float64, nd+ns) // dense weights, then sparse by position in active
	prev := make([]float64, nd+ns)
	look := make([]float64, nd+ns)
	grad := make([]float64, nd+ns)
	// Positions of each example's sparse features, resolved once.
	pos := make([][]int, len(xs))
	for i, x := range xs {
		pos[i] = make([]int, len(x.sparse))
		for j, e := range x.sparse {
			pos[i][j] = nd + seen[e.k]
		}
	}
	n := float64(len(xs))
	for it := 1; it <= o.Iterations; it++ {
		mom := float64(it-1) / float64(it+2)
		for j := range w {
			look[j] = w[j] + mom*(w[j]-prev[j])
			grad[j] = 0
		}
		for i, x := range xs {
			var z float64
			for j, v := range x.dense {
				z += look[j] * v
			}
			for j, e := range x.sparse {
				z += look[pos[i][j]] * e.v
			}
			r := (sigmoid(z) - ys[i]) / n
			for j, v := range x.dense {
				grad[j] += r * v
			}
			for j, e := range x.sparse {
				grad[pos[i][j]] += r * e.v
			}
		}
		copy(prev, w)
		for j := range w {
			g := grad[j]
			if j != 0 {
				g += o.L2 * look[j]
			}
			w[j] = look[j] - o.Rate*g
		}
	}
	sparse := make(map[int]float64, ns)
	for i, k := range active {
		if v := w[nd+i]; !math.IsNaN(v) {
			sparse[int(k)] = v
		}
	}
	return w[:nd], sparse
}
