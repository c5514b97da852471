package fetcher

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// otherFeeds is the feed label of feeds past the per-feed series budget.
const otherFeeds = "_other"

// metrics are the fetcher's Prometheus series. Feed labels carry the feed
// name (never its URL, which may hold a token), for at most MetricsFeeds
// feeds, so cardinality stays bounded.
type metrics struct {
	polls     *prometheus.CounterVec
	published *prometheus.CounterVec
	fetchTime prometheus.Histogram
	failures  *prometheus.GaugeVec
	lastOK    *prometheus.GaugeVec
	silent    *prometheus.GaugeVec
	feedItems *prometheus.CounterVec
	claims    *prometheus.CounterVec

	websubCallbacks *prometheus.CounterVec
	websubRequests  *prometheus.CounterVec

	mu     sync.Mutex
	labels map[string]string // feed key -> label
	budget int
}

func newMetrics(reg prometheus.Registerer, budget int) *metrics {
	m := &metrics{
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsmon_fetcher_polls_total",
			Help: "Feed polls by result: ok, not_modified or the error class."}, []string{"result"}),
		published: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsmon_fetcher_items_published_total",
			Help: "Entries published on news.items, by kind (new or update)."}, []string{"kind"}),
		fetchTime: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "newsmon_fetcher_fetch_seconds",
			Help: "Duration of one feed fetch.", Buckets: prometheus.ExponentialBuckets(0.01, 3, 9)}),
		failures: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "newsmon_fetcher_feed_consecutive_failures",
			Help: "Consecutive failed polls of a feed."}, []string{"feed"}),
		lastOK: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "newsmon_fetcher_feed_last_success_timestamp_seconds",
			Help: "Unix time of a feed's last successful poll."}, []string{"feed"}),
		silent: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "newsmon_fetcher_feed_silent",
			Help: "1 when a feed has published nothing for over three times its usual cadence."}, []string{"feed"}),
		feedItems: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsmon_fetcher_feed_items_published_total",
			Help: "Entries published per feed."}, []string{"feed"}),
		claims: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsmon_fetcher_feed_claims_total",
			Help: "Claims of a due feed by this replica: won (it polls) or lost (another replica claimed first)."}, []string{"result"}),
		websubCallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsmon_fetcher_websub_callbacks_total",
			Help: "Requests to the WebSub callback by kind (verify, push, other) and result (ok, denied, unknown_topic, bad_signature, too_large, rate_limited, bad_request, parse_error, publish_error, store_error)."},
			[]string{"kind", "result"}),
		websubRequests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsmon_fetcher_websub_requests_total",
			Help: "Subscribe and unsubscribe requests sent to hubs, by mode and result (ok or error)."}, []string{"mode", "result"}),
		labels: map[string]string{},
		budget: budget,
	}
	if reg != nil {
		for _, c := range []prometheus.Collector{m.polls, m.published, m.fetchTime, m.failures, m.lastOK, m.silent, m.feedItems, m.claims, m.websubCallbacks, m.websubRequests} {
			if err := reg.Register(c); err != nil {
				// Another instance in this process registered them already
				// (tests run several); keep counting on the private series.
				continue
			}
		}
	}
	return m
}

// label returns the feed label for a feed, assigning names until the
// budget is spent.
func (m *metrics) label(key, name string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if l, ok := m.labels[key]; ok {
		return l
	}
	l := otherFeeds
	if len(m.labels) < m.budget {
		l = name
	}
	m.labels[key] = l
	return l
}

// observe records a poll's effect on the per-feed series.
func (m *metrics) observe(key string, st *State, silent bool, published int) {
	l := m.label(key, st.Name)
	if published > 0 {
		m.feedItems.WithLabelValues(l).Add(float64(published))
	}
	if l == otherFeeds {
		return
	}
	m.failures.WithLabelValues(l).Set(float64(st.Failures))
	if !st.LastSuccess.IsZero() {
		m.lastOK.WithLabelValues(l).Set(float64(st.LastSuccess.Unix()))
	}
	v := 0.0
	if silent {
		v = 1
	}
	m.silent.WithLabelValues(l).Set(v)
}

// claimCount reads the claims counter for result (for tests and logs).
func (m *metrics) claimCount(result string) float64 {
	var out dto.Metric
	if err := m.claims.WithLabelValues(result).Write(&out); err != nil {
		return 0
	}
	return out.GetCounter().GetValue()
}
