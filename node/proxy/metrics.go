package proxy

import "github.com/prometheus/client_golang/prometheus"

// metrics are per proxy (no global registry), so several proxies can run
// in one process, as the dev setup and the tests do.
type metrics struct {
	reg           *prometheus.Registry
	requests      *prometheus.CounterVec
	latency       prometheus.Histogram
	kfragsStored  prometheus.Counter
	kfragsDeleted prometheus.Counter
	discovered    prometheus.Counter
	// phase splits a request's time: crypto (decoding, signature recovery,
	// re-encryption), chain (the grant check), receipts (the durable write).
	phase *prometheus.CounterVec
}

func newMetrics(st *store, keys *keyring) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pdx_proxy_reencrypt_requests_total",
			Help: "Re-encryption requests by outcome (ok or the refusal code).",
		}, []string{"outcome"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "pdx_proxy_reencrypt_seconds",
			Help:    "Time to answer a re-encryption request, chain check included.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}),
		kfragsStored: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "pdx_proxy_kfrags_stored_total",
			Help: "Kfrags verified and stored.",
		}),
		kfragsDeleted: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "pdx_proxy_kfrags_deleted_total",
			Help: "Kfrags deleted on revoke or erase.",
		}),
		discovered: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "pdx_proxy_grants_discovered_total",
			Help: "Grants looked up on chain for a request, ahead of the event follower.",
		}),
	}
	m.phase = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "pdx_proxy_phase_seconds_total",
		Help: "Time spent answering re-encryption requests, by phase (crypto, chain, receipts).",
	}, []string{"phase"})
	syncs := prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "pdx_proxy_receipt_syncs_total",
		Help: "Receipt log appends, each fsynced; receipts per sync shows how well concurrent requests share one (ReceiptDelay).",
	}, func() float64 { return float64(st.syncs.Load()) })
	// The key schedule's state, so an operator sees a rotation that cannot
	// register its key (the account out of ether) before the grace ends.
	epoch := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "pdx_proxy_hpke_epoch",
		Help: "The current HPKE key epoch.",
	}, func() float64 { return float64(keys.current().Epoch) })
	unpublished := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "pdx_proxy_hpke_unpublished",
		Help: "1 while the current HPKE key is not yet registered on chain (owners still seal to the previous one).",
	}, func() float64 {
		if _, ok := keys.publishedAt(); ok {
			return 0
		}
		return 1
	})
	m.reg.MustRegister(m.requests, m.latency, m.kfragsStored, m.kfragsDeleted, m.discovered, m.phase, syncs, epoch, unpublished)
	return m
}
