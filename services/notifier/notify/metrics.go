package notify

import "github.com/prometheus/client_golang/prometheus"

// Delivery outcomes counted per destination.
const (
	outcomeSent         = "sent"
	outcomeDuplicate    = "duplicate_skipped"
	outcomeDigestQueued = "digest_queued"
	outcomeRetry        = "retry"
	outcomeRateLimited  = "rate_limited"
	outcomeFailed       = "failed"
	outcomeDisabled     = "disabled"
	outcomeUnconfigured = "unconfigured"
)

// metrics are the notifier's Prometheus metrics. Labels carry destination
// names from the routes file, never URLs.
type metrics struct {
	deliveries *prometheus.CounterVec
	disabled   *prometheus.GaugeVec
	configured *prometheus.GaugeVec
	digests    *prometheus.CounterVec
	latency    *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_notifier_deliveries_total",
			Help: "Alert deliveries per destination by outcome (sent, duplicate_skipped, digest_queued, retry, rate_limited, failed, disabled, unconfigured).",
		}, []string{"destination", "outcome"}),
		disabled: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "newsmon_notifier_destination_disabled",
			Help: "1 when a destination answered 404/410 (or a revoked token) and is no longer tried until restart.",
		}, []string{"destination"}),
		configured: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "newsmon_notifier_destination_configured",
			Help: "1 when a destination's secret is set, 0 for an optional destination left unconfigured.",
		}, []string{"destination", "type"}),
		digests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_notifier_digests_sent_total",
			Help: "Digest messages sent per destination.",
		}, []string{"destination"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsmon_notifier_send_seconds",
			Help:    "Time per delivery attempt, by destination.",
			Buckets: prometheus.ExponentialBuckets(0.01, 3, 8),
		}, []string{"destination"}),
	}
	reg.MustRegister(m.deliveries, m.disabled, m.configured, m.digests, m.latency)
	return m
}

func (m *metrics) count(dest, outcome string) { m.deliveries.WithLabelValues(dest, outcome).Inc() }
