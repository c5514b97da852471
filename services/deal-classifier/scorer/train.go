package scorer

import (
	"math"
	"math/rand/v2"
)

// Example is one labelled article's features.
type Example struct {
	Features []string
	Positive bool
}

// TrainOptions tunes training. The zero value means the defaults.
type TrainOptions struct {
	// Epochs over the data (default 15).
	Epochs int
	// L2 is the weight decay per update (default 1e-3).
	L2 float64
	// Rate is the AdaGrad learning rate (default 0.3).
	Rate float64
	// MinCount drops features seen in fewer examples (default 2).
	MinCount int
	// Seed fixes the example order, so training is reproducible.
	Seed uint64
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 15
	}
	if o.L2 == 0 {
		o.L2 = 1e-3
	}
	if o.Rate == 0 {
		o.Rate = 0.3
	}
	if o.MinCount == 0 {
		o.MinCount = 2
	}
}

// Train fits a logistic regression with AdaGrad and L2 decay. The same
// examples and options always give the same model.
func Train(topic string, examples []Example, opt TrainOptions) *Model {
	opt.defaults()
	count := map[string]int{}
	for _, ex := range examples {
		for _, f := range ex.Features {
			count[f]++
		}
	}
	index := map[string]int{}
	var names []string
	for _, ex := range examples {
		for _, f := range ex.Features {
			if _, ok := index[f]; !ok && count[f] >= opt.MinCount {
				index[f] = len(names)
				names = append(names, f)
			}
		}
	}
	rows := make([][]int, len(examples))
	for i, ex := range examples {
		for _, f := range ex.Features {
			if j, ok := index[f]; ok {
				rows[i] = append(rows[i], j)
			}
		}
	}
	w := make([]float64, len(names))
	g2 := make([]float64, len(names))
	var bias, bg2 float64
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e65_7773_6d6f_6e))
	for range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			z := bias
			for _, j := range rows[i] {
				z += w[j]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if examples[i].Positive {
				y = 1
			}
			g := p - y
			bg2 += g * g
			bias -= opt.Rate * g / math.Sqrt(bg2+1e-8)
			for _, j := range rows[i] {
				gj := g + opt.L2*w[j]
				g2[j] += gj * gj
				w[j] -= opt.Rate * gj / math.Sqrt(g2[j]+1e-8)
			}
		}
	}
	m := &Model{Topic: topic, Bias: bias, Weights: map[string]float64{}}
	for j, n := range names {
		if math.Abs(w[j]) >= 0.005 {
			m.Weights[n] = w[j]
		}
	}
	m.index()
	return m
}
