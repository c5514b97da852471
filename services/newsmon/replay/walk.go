package replay

import (
	"cmp"
	"context"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/config"
)

// stallAfter is how long (wall time) the pipeline may stay busy at one
// virtual instant before the replay gives up.
const stallAfter = 2 * time.Minute

// Summary is what a replay did.
type Summary struct {
	Archive          string
	Feeds            int
	Steps            int
	Items, Articles  int
	Classified       int
	Alerts           int
	AlertsByTopic    map[string]int
	Requests, Misses int64
	// Missing are the URLs, other than robots.txt, the archive did not hold.
	Missing                  []string
	VirtualStart, VirtualEnd time.Time
	Wall                     time.Duration
	// Latencies are, per alert, the wall time from the publish of the item
	// that triggered it to the alert's publish.
	Latencies []time.Duration
}

// walk moves the clock from poll to poll until the recording ends.
func walk(ctx context.Context, o Options, clk *clock.Virtual, w *watcher, end time.Time, sum *Summary, errc <-chan error) error {
	lastProgress := time.Now()
	span := end.Sub(clk.Now())
	for {
		next, err := settle(ctx, clk, w, errc)
		if err != nil {
			return err
		}
		if err := deliver(o, w, sum); err != nil {
			return err
		}
		now := clk.Now()
		if o.onStep != nil {
			o.onStep(now)
		}
		if o.Progress != nil && (time.Since(lastProgress) > 2*time.Second || next.After(end)) {
			lastProgress = time.Now()
			done := 100.0
			if span > 0 {
				done = min(100, 100*float64(now.Sub(end.Add(-span)))/float64(span))
			}
			fmt.Fprintf(o.Progress, "replay: %s %5.1f%%  steps %d  alerts %d\n", now.UTC().Format("2006-01-02 15:04Z"), done, sum.Steps, sum.Alerts)
		}
		if next.IsZero() || next.After(end) {
			return nil
		}
		if o.Speed > 0 {
			select {
			case <-time.After(time.Duration(float64(next.Sub(now)) / o.Speed)):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		clk.Set(next)
		sum.Steps++
	}
}

// settle waits until the pipeline is quiet at the current virtual time
// and returns when the next poll is due.
func settle(ctx context.Context, clk *clock.Virtual, w *watcher, errc <-chan error) (time.Time, error) {
	deadline := time.Now().Add(stallAfter)
	wait := 50 * time.Microsecond
	for {
		now := clk.Now()
		quiet, next, why := w.fetcherQuiet(now)
		if quiet {
			ok, whyNot, err := w.stagesQuiet(ctx)
			if err != nil {
				return time.Time{}, err
			}
			why = whyNot
			if ok {
				return next, nil
			}
		}
		if time.Now().After(deadline) {
			return time.Time{}, fmt.Errorf("replay: the pipeline did not go quiet at %s within %s: %s", now.Format(time.RFC3339), stallAfter, why)
		}
		select {
		case <-ctx.Done():
			return time.Time{}, ctx.Err()
		case err := <-errc:
			if err == nil {
				err = fmt.Errorf("replay: a service stopped early")
			}
			return time.Time{}, err
		case <-time.After(wait):
		}
		wait = min(wait*2, time.Millisecond)
	}
}

// deliver hands the alerts of a step to the caller in a stable order.
func deliver(o Options, w *watcher, sum *Summary) error {
	got := w.takeAlerts()
	slices.SortStableFunc(got, func(a, b received) int {
		return cmp.Or(a.alert.UpdatedAt.Compare(b.alert.UpdatedAt), cmp.Compare(a.alert.Topic, b.alert.Topic),
			cmp.Compare(a.alert.StoryID, b.alert.StoryID), cmp.Compare(a.alert.Revision, b.alert.Revision), cmp.Compare(a.alert.ID, b.alert.ID))
	})
	for _, r := range got {
		sum.Alerts++
		sum.AlertsByTopic[r.alert.Topic]++
		if t, ok := w.itemTime(r.trace); ok {
			sum.Latencies = append(sum.Latencies, r.at.Sub(t))
		}
		if o.Alerts != nil {
			if err := o.Alerts(r.alert); err != nil {
				return err
			}
		}
	}
	return nil
}

// itemTime looks up when the item at the head of a trace was published.
func (w *watcher) itemTime(trace string) (time.Time, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	t, ok := w.items[trace]
	return t, ok
}

// readItems follows news.items to learn each item's publish time by trace.
func (w *watcher) readItems(ctx context.Context) (jetstream.ConsumeContext, error) {
	oc, err := w.js.OrderedConsumer(ctx, bus.StreamItems, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return nil, fmt.Errorf("replay: read items: %w", err)
	}
	return oc.Consume(func(m jetstream.Msg) {
		meta, err := m.Metadata()
		if err != nil {
			return
		}
		w.mu.Lock()
		w.items[bus.TraceID(m.Headers().Get(bus.HeaderTraceParent))] = meta.Timestamp
		w.mu.Unlock()
	})
}

// Percentile returns the p-th percentile (0-100) of ds.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s)-1) * p / 100)
	return s[i]
}

// String renders the summary for people.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "replay of %s\n", s.Archive)
	fmt.Fprintf(&b, "  virtual time  %s -> %s (%s) in %d steps\n", s.VirtualStart.UTC().Format(time.RFC3339), s.VirtualEnd.UTC().Format(time.RFC3339),
		s.VirtualEnd.Sub(s.VirtualStart).Round(time.Minute), s.Steps)
	fmt.Fprintf(&b, "  feeds %d  items %d  articles %d  classified %d  archive requests %d (not recorded: %d)\n",
		s.Feeds, s.Items, s.Articles, s.Classified, s.Requests, s.Misses)
	topics := make([]string, 0, len(s.AlertsByTopic))
	for t := range s.AlertsByTopic {
		topics = append(topics, t)
	}
	slices.Sort(topics)
	var parts []string
	for _, t := range topics {
		parts = append(parts, t+" "+strconv.Itoa(s.AlertsByTopic[t]))
	}
	fmt.Fprintf(&b, "  alerts %d (%s)\n", s.Alerts, strings.Join(parts, ", "))
	fmt.Fprintf(&b, "  took %s", s.Wall.Round(time.Millisecond))
	if s.Wall > 0 {
		fmt.Fprintf(&b, " (%.0f items/s)", float64(s.Items)/s.Wall.Seconds())
	}
	b.WriteString("\n")
	return b.String()
}

func splitListen(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, config.Errorf("--nats-listen", "want host:port, got %q", addr)
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, config.Errorf("--nats-listen", "bad port in %q", addr)
	}
	return host, port, nil
}
