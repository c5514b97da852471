package parser

import (
	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the article-parser's Prometheus series.
type metrics struct {
	fetches    *prometheus.CounterVec
	articles   *prometheus.CounterVec
	fallbacks  *prometheus.CounterVec
	retries    *prometheus.CounterVec
	duplicates prometheus.Counter
	fetchSec   prometheus.Histogram
	extractSec prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_parser_fetches_total",
			Help: "Article page fetches by outcome class (ok, http_4xx, http_5xx, timeout, robots_disallowed, ...).",
		}, []string{"class"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_parser_articles_total",
			Help: "Articles published, by extraction method (readability, trafilatura, feed).",
		}, []string{"method"}),
		fallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_parser_fallbacks_total",
			Help: "Articles published with the feed's own text, by reason.",
		}, []string{"reason"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_parser_retries_total",
			Help: "Items handed back for a later attempt, by fetch class.",
		}, []string{"class"}),
		duplicates: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsmon_parser_duplicates_total",
			Help: "Articles whose canonical URL was already published under another item.",
		}),
		fetchSec: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "newsmon_parser_fetch_seconds",
			Help:    "Time to fetch an article page (robots.txt and slot waits included).",
			Buckets: prometheus.ExponentialBuckets(0.01, 2.5, 10),
		}),
		extractSec: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "newsmon_parser_extract_seconds",
			Help:    "Time to extract text and metadata from a page.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 10),
		}),
	}
	reg.MustRegister(m.fetches, m.articles, m.fallbacks, m.retries, m.duplicates, m.fetchSec, m.extractSec)
	return m
}
