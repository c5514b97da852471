package replay

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/feed-fetcher/fetcher"
)

// Alert is one alert as replay reports it.
type Alert = events.Alert

// watcher observes the pipeline: feed states, the consumers and the
// alerts stream.
type watcher struct {
	js        jetstream.JetStream
	consumers []bus.ConsumerSpec
	handles   map[string]jetstream.Consumer
	streams   map[string]jetstream.Stream
	feeds     []archive.Feed

	mu     sync.Mutex
	states map[string]fetcher.State
	served map[string]int
	// missing lists the URLs, other than robots.txt, the archive lacked.
	missing []string
	alerts  []received
	seq     uint64

	kvw   jetstream.KeyWatcher
	alCC  jetstream.ConsumeContext
	items map[string]time.Time // trace id -> item publish time (wall)
}

// received is an alert with what the benchmark needs to know about it.
type received struct {
	alert Alert
	trace string
	at    time.Time
}

func newWatcher(ctx context.Context, js jetstream.JetStream, topo bus.Topology, feeds []archive.Feed, notifier bool) (*watcher, error) {
	w := &watcher{js: js, feeds: feeds, handles: map[string]jetstream.Consumer{}, streams: map[string]jetstream.Stream{}, states: map[string]fetcher.State{}, served: map[string]int{}, items: map[string]time.Time{}}
	durables := []string{bus.ConsumerArticleParser, bus.ConsumerDealClassifier}
	if notifier {
		durables = append(durables, bus.ConsumerNotifier)
	}
	for _, d := range durables {
		spec, ok := topo.Consumer(d)
		if !ok {
			return nil, fmt.Errorf("replay: topology has no consumer %s", d)
		}
		w.consumers = append(w.consumers, spec)
	}
	kv, err := js.KeyValue(ctx, bus.BucketFeedState)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	if w.kvw, err = kv.WatchAll(ctx); err != nil {
		return nil, fmt.Errorf("replay: watch feed state: %w", err)
	}
	go func() {
		for e := range w.kvw.Updates() {
			if e == nil || e.Operation() != jetstream.KeyValuePut {
				continue
			}
			var st fetcher.State
			if json.Unmarshal(e.Value(), &st) == nil {
				w.mu.Lock()
				w.states[st.URL] = st
				w.mu.Unlock()
			}
		}
	}()
	oc, err := js.OrderedConsumer(ctx, bus.StreamAlerts, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return nil, fmt.Errorf("replay: read alerts: %w", err)
	}
	w.alCC, err = oc.Consume(func(m jetstream.Msg) {
		meta, _ := m.Metadata()
		var a Alert
		_ = json.Unmarshal(m.Data(), &a)
		w.mu.Lock()
		defer w.mu.Unlock()
		if meta != nil {
			w.seq = meta.Sequence.Stream
			w.alerts = append(w.alerts, received{alert: a, trace: bus.TraceID(m.Headers().Get(bus.HeaderTraceParent)), at: meta.Timestamp})
		}
	})
	if err != nil {
		return nil, fmt.Errorf("replay: read alerts: %w", err)
	}
	return w, nil
}

func (w *watcher) stop() {
	if w.alCC != nil {
		w.alCC.Stop()
	}
	if w.kvw != nil {
		_ = w.kvw.Stop()
	}
}

// serve counts the archive's answers to feed URLs (Transport.OnServe).
func (w *watcher) serve(req *http.Request, x archive.Exchange, status int) {
	w.mu.Lock()
	w.served[req.URL.String()]++
	if status == http.StatusNotFound && x.URL == "" && req.URL.Path != "/robots.txt" {
		w.missing = append(w.missing, req.URL.String())
	}
	w.mu.Unlock()
}

// fetcherQuiet reports whether no poll runs at now: every feed's polls
// have all been saved, and every feed is scheduled after now. It also
// returns the earliest next poll.
func (w *watcher) fetcherQuiet(now time.Time) (quiet bool, next time.Time, why string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, f := range w.feeds {
		st, ok := w.states[f.URL]
		if !ok {
			return false, next, "feed " + f.URL + " has no state yet"
		}
		asked := w.served[f.URL]
		if st.CurrentURL != "" && st.CurrentURL != f.URL {
			asked += w.served[st.CurrentURL]
		}
		if int64(asked) != st.Polls || (!st.Disabled && !st.NextPoll.After(now)) {
			return false, next, fmt.Sprintf("feed %s: %d requests, %d polls saved, next poll %s", f.URL, asked, st.Polls, st.NextPoll.Format(time.RFC3339Nano))
		}
		if !st.Disabled && (next.IsZero() || st.NextPoll.Before(next)) {
			next = st.NextPoll
		}
	}
	return true, next, ""
}

// seed stores a first schedule for every feed, one second apart from
// start, so that every feed has a state the watcher can follow from its
// first poll on (the fetcher resumes a stored schedule that lies ahead).
func seed(ctx context.Context, js jetstream.JetStream, feeds []archive.Feed, start time.Time) error {
	kv, err := js.KeyValue(ctx, bus.BucketFeedState)
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	for i, f := range feeds {
		b, err := json.Marshal(fetcher.State{URL: f.URL, Name: f.Name, NextPoll: start.Add(time.Duration(i+1) * time.Second)})
		if err != nil {
			return fmt.Errorf("replay: %w", err)
		}
		if _, err := kv.Put(ctx, fetcher.FeedKey(f.URL), b); err != nil {
			return fmt.Errorf("replay: seed feed state: %w", err)
		}
	}
	return nil
}

// stagesQuiet reports whether every consumer has acknowledged every
// message of its stream and every alert published has been read, upstream
// first. It compares stream sequences rather than trusting a consumer's
// NumPending, which the server updates asynchronously after a publish.
func (w *watcher) stagesQuiet(ctx context.Context) (bool, string, error) {
	for _, c := range w.consumers {
		last, err := w.lastSeq(ctx, c.Stream)
		if err != nil {
			return false, "", err
		}
		cons, ok := w.handles[c.Durable]
		if !ok {
			if cons, err = w.js.Consumer(ctx, c.Stream, c.Durable); err != nil {
				return false, "", fmt.Errorf("replay: consumer %s: %w", c.Durable, err)
			}
			w.handles[c.Durable] = cons
		}
		info, err := cons.Info(ctx)
		if err != nil {
			return false, "", fmt.Errorf("replay: consumer %s: %w", c.Durable, err)
		}
		if info.AckFloor.Stream < last || info.NumAckPending > 0 || info.NumPending > 0 {
			return false, fmt.Sprintf("consumer %s: stream at %d, ack floor %d, %d pending, %d awaiting ack, %d redelivered",
				c.Durable, last, info.AckFloor.Stream, info.NumPending, info.NumAckPending, info.NumRedelivered), nil
		}
	}
	last, err := w.lastSeq(ctx, bus.StreamAlerts)
	if err != nil {
		return false, "", err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if last != w.seq {
		return false, fmt.Sprintf("alerts stream at %d, read up to %d", last, w.seq), nil
	}
	return true, "", nil
}

func (w *watcher) lastSeq(ctx context.Context, stream string) (uint64, error) {
	st, ok := w.streams[stream]
	if !ok {
		var err error
		if st, err = w.js.Stream(ctx, stream); err != nil {
			return 0, fmt.Errorf("replay: stream %s: %w", stream, err)
		}
		w.streams[stream] = st
	}
	info, err := st.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("replay: stream %s: %w", stream, err)
	}
	return info.State.LastSeq, nil
}

// takeAlerts returns the alerts read since the last call.
func (w *watcher) takeAlerts() []received {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := w.alerts
	w.alerts = nil
	return out
}

// count fills the summary's message counts from the streams.
func (w *watcher) count(ctx context.Context, s *Summary) error {
	for name, dst := range map[string]*int{bus.StreamItems: &s.Items, bus.StreamArticles: &s.Articles, bus.StreamClassified: &s.Classified} {
		st, err := w.js.Stream(ctx, name)
		if err != nil {
			return fmt.Errorf("replay: %w", err)
		}
		info, err := st.Info(ctx)
		if err != nil {
			return fmt.Errorf("replay: %w", err)
		}
		*dst = int(info.State.Msgs)
	}
	return nil
}
