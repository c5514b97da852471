package classify_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/quality"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

type Document = classify.Document

func benchClassifier(b *testing.B) *classify.Classifier {
	b.Helper()
	r, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	c, err := classify.New(r)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func benchDocs(b *testing.B) []Document {
	b.Helper()
	items, err := quality.Load("../testdata/corpus.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]Document, 0, len(items))
	for _, it := range items {
		docs = append(docs, Document{Title: it.Title, Summary: it.Summary, Text: it.Text})
	}
	return docs
}

// naive is the baseline: one case-insensitive, word-bounded regexp per
// gazetteer alias and per rule phrase, each run over the whole article.
type naive struct{ res []*regexp.Regexp }

func newNaive(b *testing.B, c *classify.Classifier) *naive {
	b.Helper()
	var phrases []string
	for _, a := range c.Gazetteer().Aliases() {
		phrases = append(phrases, a.Text)
	}
	for _, list := range c.Rules().Terms {
		for _, p := range list {
			if strings.HasPrefix(p, "@") {
				continue
			}
			vs, err := rules.Expand(p)
			if err != nil {
				b.Fatal(err)
			}
			for _, v := range vs {
				phrases = append(phrases, strings.TrimPrefix(v, "="))
			}
		}
	}
	n := &naive{}
	for _, p := range phrases {
		n.res = append(n.res, regexp.MustCompile(`(?i)(?:^|\b)`+regexp.QuoteMeta(p)+`(?:\b|$)`))
	}
	return n
}

func (n *naive) classify(doc Document) int {
	text := doc.Joined()
	hits := 0
	for _, re := range n.res {
		hits += len(re.FindAllStringIndex(text, -1))
	}
	return hits
}

func BenchmarkClassify(b *testing.B) {
	c := benchClassifier(b)
	docs := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Classify(docs[i%len(docs)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkNaiveRegexp(b *testing.B) {
	c := benchClassifier(b)
	docs := benchDocs(b)
	n := newNaive(b, c)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n.classify(docs[i%len(docs)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSpeedup classifies the same articles with the engine (matching,
// scoring and facts) and the baseline (matching alone) in one run, and
// reports how many times faster the engine is.
func BenchmarkSpeedup(b *testing.B) {
	c := benchClassifier(b)
	docs := benchDocs(b)
	n := newNaive(b, c)
	var engine, base time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		start := time.Now()
		c.Classify(d)
		engine += time.Since(start)
		start = time.Now()
		n.classify(d)
		base += time.Since(start)
	}
	b.ReportMetric(float64(base)/float64(engine), "x_speedup")
	b.ReportMetric(float64(b.N)/engine.Seconds(), "engine_articles/s")
	b.ReportMetric(float64(b.N)/base.Seconds(), "naive_articles/s")
}
