// Command fetchbench measures the feed-fetcher polling many feeds on local
// servers that mostly answer 304 Not Modified. It prints fetches per
// second, CPU use and peak memory; it is a measurement, not a test.
//
//	go run ./cmd/fetchbench -feeds 10000 -duration 3m
//
// The feed servers, the embedded NATS server and the fetcher share one
// process, so CPU and memory figures are an upper bound for the fetcher.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/natsembed"
	"github.com/newsmon/newsmon/services/feed-fetcher/feedlist"
	"github.com/newsmon/newsmon/services/feed-fetcher/fetcher"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "fetchbench:", err)
		os.Exit(1)
	}
}

func run() error {
	nFeeds := flag.Int("feeds", 10000, "feeds to poll")
	hosts := flag.Int("hosts", 16, "local servers (127.0.0.1..N), one host each")
	duration := flag.Duration("duration", 3*time.Minute, "how long to run")
	changing := flag.Int("changing-every", 100, "one feed in N changes between polls (answers 200)")
	perHost := flag.Int("per-host", 1, "fetcher per-host concurrency")
	flag.Parse()

	var fetches, notModified atomic.Int64
	var addrs []string
	for h := 1; h <= *hosts; h++ {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", h))
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: feedHandler(&fetches, &notModified, *changing), ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = srv.Serve(ln) }()
		defer srv.Close()
		addrs = append(addrs, ln.Addr().String())
	}
	list := &feedlist.List{Version: 1, Defaults: feedlist.Defaults{Interval: feedlist.Duration(time.Minute)}}
	for i := range *nFeeds {
		list.Feeds = append(list.Feeds, feedlist.Feed{Name: "f" + strconv.Itoa(i), URL: fmt.Sprintf("http://%s/f/%d", addrs[i%len(addrs)], i)})
	}

	dir, err := os.MkdirTemp("", "fetchbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ns, err := natsembed.Start(natsembed.Options{Port: server.RANDOM_PORT, StoreDir: dir})
	if err != nil {
		return err
	}
	defer natsembed.Stop(ns)
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		return err
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	topo := bus.Default(bus.Options{})
	if err := bus.Ensure(context.Background(), js, topo); err != nil {
		return err
	}

	cfg := fetcher.DefaultConfig()
	cfg.List = list
	cfg.Allow = "127.0.0.0/8"
	cfg.PerHost = *perHost
	cfg.FixedInterval = true
	cfg.MetricsFeeds = 200
	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()
	d := app.Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), NC: nc, JS: js,
		Registry: prometheus.NewRegistry(), Health: app.NewHealth(), Clock: clock.Real{}, Topology: topo}
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- fetcher.Run(ctx, cfg, d) }()

	var peakHeap, peakSys uint64
	warm := start.Add(75 * time.Second) // first polls are spread over a minute
	var warmFetches int64
	var warmCPU time.Duration
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	warmed := false
loop:
	for {
		select {
		case err := <-done:
			if err != nil {
				return err
			}
			break loop
		case now := <-tick.C:
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peakHeap = max(peakHeap, ms.HeapInuse)
			peakSys = max(peakSys, ms.Sys)
			if !warmed && now.After(warm) {
				warmed, warmFetches, warmCPU = true, fetches.Load(), cpuTime()
			}
		}
	}
	end := time.Now()
	total := fetches.Load()
	fmt.Printf("feeds=%d hosts=%d per_host=%d interval=1m duration=%s\n", *nFeeds, *hosts, *perHost, end.Sub(start).Round(time.Second))
	fmt.Printf("fetches=%d not_modified=%d (%.1f%%)\n", total, notModified.Load(), 100*float64(notModified.Load())/float64(max(total, 1)))
	if warmed {
		steady := end.Sub(warm).Seconds()
		fmt.Printf("steady state (after %s): %.1f fetches/s (needed for 1-minute polling: %.1f/s), CPU %.2f cores\n",
			warm.Sub(start).Round(time.Second), float64(total-warmFetches)/steady, float64(*nFeeds)/60, (cpuTime()-warmCPU).Seconds()/steady)
	}
	fmt.Printf("peak Go heap in use %.0f MB, peak Go runtime memory %.0f MB, max RSS %.0f MB (process: fetcher + feed servers + NATS)\n",
		float64(peakHeap)/1e6, float64(peakSys)/1e6, float64(maxRSS())/1e6)
	return nil
}

// feedHandler answers 304 to a matching If-None-Match; one feed in
// changing answers a new document each minute.
func feedHandler(fetches, notModified *atomic.Int64, changing int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetches.Add(1)
		id, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/f/"))
		version := 0
		if changing > 0 && id%changing == 0 {
			version = int(time.Now().Unix() / 60)
		}
		etag := fmt.Sprintf(`"%d-%d"`, id, version)
		if r.Header.Get("If-None-Match") == etag {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title><link>https://bench.example/%d/</link><description>b</description>`, id, id)
		for i := range 5 {
			fmt.Fprintf(w, `<item><title>Entry %d-%d-%d</title><link>https://bench.example/%d/%d-%d</link><guid>%d-%d-%d</guid><pubDate>%s</pubDate><description>Body of entry %d.</description></item>`,
				id, version, i, id, version, i, id, version, i, time.Unix(int64(1_750_000_000+version*60+i), 0).UTC().Format(time.RFC1123Z), i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func maxRSS() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss * 1024
}
