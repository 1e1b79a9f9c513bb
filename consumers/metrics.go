package consumers

import (
	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the worker's Prometheus series. Every label comes from a
// bounded set: reasons from a fixed list, topics and partitions from the
// worker's own assignment.
type metrics struct {
	consumed     prometheus.Counter
	written      prometheus.Counter
	deadLettered *prometheus.CounterVec
	batchSize    prometheus.Histogram
	writeSeconds prometheus.Histogram
	retries      *prometheus.CounterVec
	lag          *prometheus.GaugeVec
	stalled      *prometheus.GaugeVec
	extract      prometheus.Histogram
	entities     *prometheus.HistogramVec
	claims       *prometheus.HistogramVec
	empty        *prometheus.CounterVec
	articles     *prometheus.CounterVec
	skipped      *prometheus.CounterVec
	confidence   *prometheus.HistogramVec
	endToEnd     prometheus.Histogram
	parserWaits  prometheus.Counter
	dlqRetries   prometheus.Counter
	retracted    prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		consumed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kg_messages_consumed_total", Help: "Messages fetched from Kafka."}),
		written: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kg_messages_written_total", Help: "Messages whose graph write committed."}),
		deadLettered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kg_messages_dead_lettered_total", Help: "Messages sent to the dead-letter topic, by reason."}, []string{"reason"}),
		batchSize: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "kg_batch_messages", Help: "Messages per batch.", Buckets: prometheus.ExponentialBuckets(1, 2, 12)}),
		writeSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "kg_neo4j_write_seconds", Help: "Duration of one batch transaction.", Buckets: prometheus.ExponentialBuckets(0.005, 2, 14)}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kg_neo4j_retries_total", Help: "Batch writes retried or split, by reason."}, []string{"reason"}),
		lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "kg_consumer_lag", Help: "Messages from the next one to write to the partition's end, on every partition the worker owns."}, []string{"topic", "partition"}),
		stalled: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "kg_partition_stalled", Help: "1 while an owned partition has lag and has not advanced for KG_STALL_TIMEOUT."}, []string{"topic", "partition"}),
		extract: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "kg_extract_seconds", Help: "Extraction time per batch.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14)}),
		entities: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "kg_extract_entities", Help: "Entities per article.", Buckets: []float64{0, 1, 2, 5, 10, 20, 50, 100, 200, 400}}, []string{"extractor_version"}),
		claims: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "kg_extract_claims", Help: "Claims per article.", Buckets: []float64{0, 1, 2, 3, 5, 10, 20, 50, 100}}, []string{"extractor_version"}),
		empty: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kg_extract_empty_articles_total", Help: "Articles with no entity or no claim."}, []string{"extractor_version", "what"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kg_extract_articles_total", Help: "Articles extracted."}, []string{"extractor_version"}),
		skipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kg_extract_skipped_total", Help: "Articles extraction did not read, by reason."}, []string{"extractor_version", "reason"}),
		confidence: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "kg_claim_confidence", Help: "Confidence of extracted claims.", Buckets: prometheus.LinearBuckets(0.1, 0.1, 10)}, []string{"extractor_version"}),
		endToEnd: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "kg_end_to_end_seconds", Help: "From a record's create time in Kafka to the commit of its graph write.",
			Buckets: prometheus.ExponentialBuckets(0.005, 1.25, 40)}),
		parserWaits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kg_parser_unavailable_total", Help: "Batches whose extraction waited because the language parser could not be reached."}),
		dlqRetries: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kg_dead_letter_retries_total", Help: "Dead-letter writes that failed and were retried."}),
		retracted: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kg_articles_retracted_total", Help: "Tombstones (null values) written: article retractions."}),
	}
	reg.MustRegister(m.dlqRetries, m.retracted, m.stalled, m.consumed, m.written, m.deadLettered, m.batchSize, m.writeSeconds, m.retries,
		m.lag, m.extract, m.entities, m.claims, m.empty, m.articles, m.skipped, m.confidence, m.endToEnd, m.parserWaits)
	for _, r := range Reasons {
		m.deadLettered.WithLabelValues(string(r))
	}
	for _, r := range []string{"transient", "deadlock", "too-big", "rejected"} {
		m.retries.WithLabelValues(r)
	}
	return m
}

func (m *metrics) observeArticles(v string, srcs []source) {
	for _, s := range srcs {
		if s.tombstone || s.events != nil {
			continue
		}
		a := s.article
		m.articles.WithLabelValues(v).Inc()
		if a.Skipped != "" {
			m.skipped.WithLabelValues(v, a.Skipped).Inc()
		}
		m.entities.WithLabelValues(v).Observe(float64(len(a.Entities)))
		m.claims.WithLabelValues(v).Observe(float64(len(a.Claims)))
		if len(a.Entities) == 0 {
			m.empty.WithLabelValues(v, "entities").Inc()
		}
		if len(a.Claims) == 0 {
			m.empty.WithLabelValues(v, "claims").Inc()
		}
		for _, c := range a.Claims {
			m.confidence.WithLabelValues(v).Observe(c.Confidence)
		}
	}
}
