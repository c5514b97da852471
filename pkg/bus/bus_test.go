package bus_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natstest"
)

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestEnsureIsIdempotent(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Connect(t)
	ctx := testCtx(t)
	topo := bus.Default(bus.Options{})
	for i := range 2 {
		if err := bus.Ensure(ctx, js, topo); err != nil {
			t.Fatalf("ensure #%d: %v", i+1, err)
		}
	}
	for _, s := range topo.Streams {
		info, err := js.Stream(ctx, s.Name)
		if err != nil {
			t.Fatalf("stream %s: %v", s.Name, err)
		}
		if got := info.CachedInfo().Config.Duplicates; got != s.Duplicates {
			t.Errorf("stream %s duplicates = %v, want %v", s.Name, got, s.Duplicates)
		}
	}
	for _, c := range topo.Consumers {
		cons, err := js.Consumer(ctx, c.Stream, c.Durable)
		if err != nil {
			t.Fatalf("consumer %s: %v", c.Durable, err)
		}
		cfg := cons.CachedInfo().Config
		if cfg.AckPolicy != jetstream.AckExplicitPolicy || cfg.MaxDeliver != c.MaxDeliver {
			t.Errorf("consumer %s: ack policy %v max deliver %d", c.Durable, cfg.AckPolicy, cfg.MaxDeliver)
		}
	}
	for _, b := range topo.Buckets {
		if _, err := js.KeyValue(ctx, b.Name); err != nil {
			t.Errorf("bucket %s: %v", b.Name, err)
		}
	}
}

func TestPublishDeduplicatesAndSetsHeaders(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	ctx := testCtx(t)
	clk := clock.NewVirtual(time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	pub := bus.NewPublisher(js, "newsmon/test", clk)
	item := events.FeedItem{ID: "abc", Revision: 1, URL: "https://example.com/a", Title: "A"}
	ev := bus.Event{Subject: events.SubjectItems, Type: events.TypeFeedItem, Schema: events.SchemaFeedItem, ID: item.MsgID(), Data: item}
	first, err := pub.Publish(ctx, ev)
	if err != nil {
		t.Fatal(err)
	}
	second, err := pub.Publish(ctx, ev)
	if err != nil {
		t.Fatal(err)
	}
	if first.Duplicate || !second.Duplicate || first.Sequence != second.Sequence {
		t.Fatalf("dedup: first %+v second %+v", first, second)
	}
	st, _ := js.Stream(ctx, bus.StreamItems)
	m, err := st.GetMsg(ctx, first.Sequence)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		bus.HeaderSpecVersion: "1.0", bus.HeaderID: "abc-r1", bus.HeaderSource: "newsmon/test",
		bus.HeaderType: events.TypeFeedItem, bus.HeaderTime: "2026-11-28T09:00:00Z",
		jetstream.MsgIDHeader: "abc-r1",
	}
	for k, v := range want {
		if got := m.Header.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	tp := m.Header.Get(bus.HeaderTraceParent)
	if bus.TraceID(tp) == "" {
		t.Fatalf("traceparent %q is malformed", tp)
	}
	child := bus.ChildTraceParent(tp, "def-r1")
	if bus.TraceID(child) != bus.TraceID(tp) || child == tp {
		t.Errorf("child traceparent %q does not continue trace of %q", child, tp)
	}
}

func TestConsumeRetriesThenAcks(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	ctx := testCtx(t)
	pub := bus.NewPublisher(js, "test", nil)
	if _, err := pub.Publish(ctx, bus.Event{Subject: events.SubjectArticles, Type: events.TypeArticle, ID: "a1", Data: map[string]string{"id": "a1"}}); err != nil {
		t.Fatal(err)
	}
	spec, _ := bus.Default(bus.Options{}).Consumer(bus.ConsumerDealClassifier)
	deliveries := make(chan uint64, 4)
	h := func(_ context.Context, m bus.Msg) error {
		deliveries <- m.NumDelivered
		if m.NumDelivered == 1 {
			return errors.New("transient")
		}
		return nil
	}
	c, err := bus.Consume(ctx, js, spec, h, bus.ConsumeOptions{NakBase: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop(ctx)
	for want := uint64(1); want <= 2; want++ {
		select {
		case got := <-deliveries:
			if got != want {
				t.Fatalf("delivery %d reported NumDelivered %d", want, got)
			}
		case <-ctx.Done():
			t.Fatalf("delivery %d never came", want)
		}
	}
	waitFor(t, func() bool {
		cons, _ := js.Consumer(ctx, spec.Stream, spec.Durable)
		info, err := cons.Info(ctx)
		return err == nil && info.NumAckPending == 0 && info.NumPending == 0
	})
}

func TestPoisonReachesDeadLettersAndRedrives(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	ctx := testCtx(t)
	pub := bus.NewPublisher(js, "test", nil)
	if _, err := pub.Publish(ctx, bus.Event{Subject: events.SubjectArticles, Type: events.TypeArticle, ID: "poison-1", Data: "not an article"}); err != nil {
		t.Fatal(err)
	}
	spec, _ := bus.Default(bus.Options{}).Consumer(bus.ConsumerDealClassifier)
	var mu sync.Mutex
	var redriven []string
	h := func(_ context.Context, m bus.Msg) error {
		if m.Header.Get(bus.HeaderRedrive) != "" {
			mu.Lock()
			redriven = append(redriven, string(m.Data))
			mu.Unlock()
			return nil
		}
		return bus.Permanent(errors.New("decode article: body is a JSON string"))
	}
	c, err := bus.Consume(ctx, js, spec, h, bus.ConsumeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop(ctx)

	var dls []bus.DeadLetter
	waitFor(t, func() bool {
		dls, err = bus.ListDeadLetters(ctx, js, 10)
		return err == nil && len(dls) == 1
	})
	dl := dls[0]
	if dl.Kind != "terminated" || dl.Stream != bus.StreamArticles || dl.Consumer != bus.ConsumerDealClassifier {
		t.Fatalf("dead letter = %+v", dl)
	}
	if !strings.Contains(dl.Reason, "body is a JSON string") || string(dl.Data) != `"not an article"` || dl.Missing {
		t.Fatalf("dead letter lost its reason or original: %+v", dl)
	}
	if _, err := bus.Redrive(ctx, js, dl.Seq); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(redriven) == 1 })
	if left, _ := bus.ListDeadLetters(ctx, js, 10); len(left) != 0 {
		t.Fatalf("dead letter still listed after redrive: %+v", left)
	}
	if _, err := bus.Redrive(ctx, js, dl.Seq); !errors.Is(err, bus.ErrNoDeadLetter) {
		t.Fatalf("second redrive: %v, want ErrNoDeadLetter", err)
	}
}

func TestRetryableFailureGivesUpAtMaxDeliver(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	ctx := testCtx(t)
	pub := bus.NewPublisher(js, "test", nil)
	if _, err := pub.Publish(ctx, bus.Event{Subject: events.SubjectArticles, Type: events.TypeArticle, ID: "flaky", Data: "{}"}); err != nil {
		t.Fatal(err)
	}
	spec, _ := bus.Default(bus.Options{}).Consumer(bus.ConsumerDealClassifier)
	var calls sync.Map
	h := func(_ context.Context, m bus.Msg) error {
		calls.Store(m.NumDelivered, true)
		return errors.New("upstream 503")
	}
	c, err := bus.Consume(ctx, js, spec, h, bus.ConsumeOptions{NakBase: time.Millisecond, NakMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop(ctx)
	var dls []bus.DeadLetter
	waitFor(t, func() bool {
		dls, _ = bus.ListDeadLetters(ctx, js, 10)
		return len(dls) == 1
	})
	if !strings.Contains(dls[0].Reason, "upstream 503") || dls[0].Deliveries != uint64(spec.MaxDeliver) {
		t.Fatalf("dead letter = %+v, want reason with the error after %d deliveries", dls[0], spec.MaxDeliver)
	}
	if _, ok := calls.Load(uint64(spec.MaxDeliver)); !ok {
		t.Fatalf("handler never saw delivery %d", spec.MaxDeliver)
	}
}

func TestNakDelayGrowsAndCaps(t *testing.T) {
	got := []time.Duration{}
	for n := uint64(1); n <= 5; n++ {
		got = append(got, bus.NakDelay(n, time.Second, 5*time.Second))
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("NakDelay = %v, want %v", got, want)
		}
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 30s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestStopHandsBackMessagesInFlight stops a consumer while its handler is
// working: the message is not acked, and a second consumer on the same
// durable gets it well before the ack wait would have expired.
func TestStopHandsBackMessagesInFlight(t *testing.T) {
	srv := natstest.Start(t)
	_, js := srv.Topology(t)
	ctx := testCtx(t)
	pub := bus.NewPublisher(js, "test", nil)
	if _, err := pub.Publish(ctx, bus.Event{Subject: events.SubjectArticles, Type: events.TypeArticle, ID: "inflight", Data: "{}"}); err != nil {
		t.Fatal(err)
	}
	spec, _ := bus.Default(bus.Options{}).Consumer(bus.ConsumerDealClassifier)
	started := make(chan struct{})
	runCtx, stopRun := context.WithCancel(ctx)
	slow := func(hctx context.Context, _ bus.Msg) error {
		close(started)
		<-hctx.Done() // works until shutdown cancels it
		return hctx.Err()
	}
	c1, err := bus.Consume(runCtx, js, spec, slow, bus.ConsumeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	<-started
	stopRun()
	if err := c1.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	got := make(chan uint64, 1)
	c2, err := bus.Consume(ctx, js, spec, func(_ context.Context, m bus.Msg) error {
		got <- m.NumDelivered
		return nil
	}, bus.ConsumeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Stop(ctx)
	select {
	case n := <-got:
		if n != 2 {
			t.Fatalf("second consumer saw delivery %d, want 2", n)
		}
	case <-time.After(spec.AckWait / 2):
		t.Fatalf("message not handed back within half the ack wait (%v)", spec.AckWait/2)
	}
}
