package replay

import (
	"bytes"
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/natsembed"
)

// BenchmarkReplay replays testdata/archive through the whole pipeline,
// with and without article extraction, and measures raw JetStream publish
// and consume in the same process for comparison:
//
//	go test ./replay -run '^$' -bench Replay -benchtime 3x
//
// Metrics: items/s through the pipeline, the ratio to raw JetStream
// msgs/s, p50/p99 wall latency from an item's publish to the alert it
// triggered, and the process's peak RSS.
func BenchmarkReplay(b *testing.B) {
	raw := rawJetStream(b, 2000, 1500)
	b.Logf("raw JetStream publish+consume: %.0f msgs/s", raw)
	for _, skip := range []bool{false, true} {
		name := "extraction"
		if skip {
			name = "no-extraction"
		}
		b.Run(name, func(b *testing.B) {
			var items, secs float64
			var lat []time.Duration
			for b.Loop() {
				sum, err := Run(context.Background(), Options{Archive: repoArchive, SkipPages: skip})
				if err != nil {
					b.Fatal(err)
				}
				items += float64(sum.Items)
				secs += sum.Wall.Seconds()
				lat = append(lat, sum.Latencies...)
			}
			rate := items / secs
			b.ReportMetric(rate, "items/s")
			b.ReportMetric(rate/raw, "ratio-to-raw-js")
			b.ReportMetric(float64(Percentile(lat, 50).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(Percentile(lat, 99).Microseconds())/1000, "p99-ms")
			b.ReportMetric(peakRSSMiB(), "peak-rss-MiB")
		})
	}
}

// rawJetStream publishes n messages of size bytes to a stream and consumes
// them with explicit acks through a durable pull consumer, on its own
// embedded server, and returns messages per second.
func rawJetStream(b *testing.B, n, size int) float64 {
	b.Helper()
	ns, err := natsembed.Start(natsembed.Options{Port: -1, StoreDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer natsembed.Stop(ns)
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	st, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "RAW", Subjects: []string{"raw.items"}})
	if err != nil {
		b.Fatal(err)
	}
	cons, err := st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "raw", AckPolicy: jetstream.AckExplicitPolicy})
	if err != nil {
		b.Fatal(err)
	}
	payload := bytes.Repeat([]byte("x"), size)
	done := make(chan struct{})
	got := 0
	start := time.Now()
	cc, err := cons.Consume(func(m jetstream.Msg) {
		_ = m.Ack()
		got++
		if got == n {
			close(done)
		}
	})
	if err != nil {
		b.Fatal(err)
	}
	defer cc.Stop()
	for i := range n {
		if _, err := js.Publish(ctx, "raw.items", payload, jetstream.WithMsgID(fmt.Sprint(i))); err != nil {
			b.Fatal(err)
		}
	}
	select {
	case <-done:
	case <-time.After(time.Minute):
		b.Fatal("raw consumer did not finish")
	}
	return float64(n) / time.Since(start).Seconds()
}

func peakRSSMiB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}
