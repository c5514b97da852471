package classifier

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/story"
)

type handler struct {
	cls      *classify.Classifier
	pub      *bus.Publisher
	clock    clock.Clock
	log      *slog.Logger
	stories  *storyStore
	storyCfg story.Config
	// topicLocks serialise the story step per topic inside this process,
	// so two workers never race on the same topic's state.
	topicLocks sync.Map
	metrics    *metrics
}

type metrics struct {
	classified *prometheus.CounterVec
	outcomes   *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		classified: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_classifier_articles_total",
			Help: "Articles classified, by topic and whether the topic matched.",
		}, []string{"topic", "matched"}),
		outcomes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_classifier_story_outcomes_total",
			Help: "What matched articles did to stories: new, update, source_added, duplicate.",
		}, []string{"topic", "outcome"}),
	}
	reg.MustRegister(m.classified, m.outcomes)
	return m
}

func newHandler(ctx context.Context, cfg Config, d app.Deps) (*handler, error) {
	r := cfg.Rules()
	if r == nil {
		if err := cfg.Validate(); err != nil {
			return nil, err
		}
		r = cfg.Rules()
	}
	cls, err := classify.New(r)
	if err != nil {
		return nil, fmt.Errorf("deal-classifier: build classifier: %w", err)
	}
	kv, err := d.JS.KeyValue(ctx, bus.BucketStories)
	if err != nil {
		return nil, fmt.Errorf("deal-classifier: stories bucket: %w", err)
	}
	sc := story.DefaultConfig()
	sc.Window = cfg.StoryWindow
	return &handler{
		cls: cls, pub: bus.NewPublisher(d.JS, "newsmon/deal-classifier", d.Clock), clock: d.Clock,
		log: d.Logger, stories: &storyStore{kv: kv}, storyCfg: sc, metrics: newMetrics(d.Registry),
	}, nil
}

func (h *handler) handle(ctx context.Context, m bus.Msg) error {
	var a events.Article
	if err := json.Unmarshal(m.Data, &a); err != nil {
		return bus.Permanent(fmt.Errorf("decode article: %w", err))
	}
	if a.ID == "" || a.Revision < 1 {
		return bus.Permanent(errors.New("article without id or revision"))
	}
	// The time the article entered this stage: its message time, so that a
	// redelivery or a replay decides exactly as the first delivery did.
	seenAt := h.clock.Now().UTC()
	if t, err := time.Parse(time.RFC3339Nano, m.Header.Get(bus.HeaderTime)); err == nil {
		seenAt = t.UTC()
	}
	doc := classify.Document{Title: a.Title, Text: a.Text, Summary: a.Summary, URL: a.URL,
		Outlet: a.Outlet, Language: a.Language, PublishedAt: a.PublishedAt}
	res := h.cls.Classify(doc)
	c := events.Classification{ID: a.ID, Revision: a.Revision}
	res.Fill(&c, doc, seenAt)
	if c.Outlet == "" {
		c.Outlet = a.FeedName
	}
	for _, t := range res.Topics {
		h.metrics.classified.WithLabelValues(t.Topic, fmt.Sprint(t.Matched)).Inc()
		if !t.Matched {
			continue
		}
		sa := story.Article{ID: a.ID, Revision: a.Revision, Title: a.Title, Text: lede(a), URL: a.URL,
			Outlet: c.Outlet, PublishedAt: a.PublishedAt, SeenAt: seenAt, Topic: t, Entities: entityNames(res.Entities)}
		storyID, err := h.fileStory(ctx, sa, m)
		if err != nil {
			return err
		}
		if c.StoryID == "" {
			c.StoryID = storyID
		}
	}
	_, err := h.pub.Publish(ctx, bus.Event{Subject: events.SubjectClassified, Type: events.TypeClassification,
		Schema: events.SchemaClassification, ID: c.MsgID(), Data: c, Parent: m.Header})
	return err
}

// fileStory applies the article to its topic's stories and publishes the
// alert the decision calls for. The alert is published before the new
// state is stored: if the process dies in between, the redelivered article
// makes the same decision and the same alert id, which JetStream drops as a
// duplicate; storing first could lose the alert instead.
func (h *handler) fileStory(ctx context.Context, a story.Article, m bus.Msg) (string, error) {
	mu, _ := h.topicLocks.LoadOrStore(a.Topic.Topic, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	for attempt := 0; ; attempt++ {
		st, rev, err := h.stories.load(ctx, a.Topic.Topic)
		if err != nil {
			return "", err
		}
		st.Prune(a.SeenAt, h.storyCfg)
		d := st.Apply(a, h.storyCfg)
		h.metrics.outcomes.WithLabelValues(a.Topic.Topic, string(d.Outcome)).Inc()
		if d.Outcome == story.Duplicate {
			return d.StoryID, nil
		}
		if d.Alert != nil {
			if _, err := h.pub.Publish(ctx, bus.Event{Subject: d.Alert.Subject(), Type: events.TypeAlert,
				Schema: events.SchemaAlert, ID: d.Alert.MsgID(), Data: d.Alert, Parent: m.Header}); err != nil {
				return "", err
			}
			h.log.Info("alert", slog.String("topic", d.Alert.Topic), slog.String("story_id", d.StoryID),
				slog.Int("revision", d.Alert.Revision), slog.String("severity", string(d.Alert.Severity)))
		}
		err = h.stories.store(ctx, a.Topic.Topic, st, rev)
		if errors.Is(err, jetstream.ErrKeyExists) && attempt < 5 {
			continue // another replica changed the state: decide again on the new state
		}
		if err != nil {
			return "", err
		}
		return d.StoryID, nil
	}
}

// lede is the text used to recognise near-duplicate reports.
func lede(a events.Article) string {
	s := a.Summary
	if s == "" {
		s = a.Text
	}
	if utf8.RuneCountInString(s) > 800 {
		r := []rune(s)
		s = string(r[:800])
	}
	return s
}

func entityNames(es []events.Entity) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range es {
		if !seen[e.Name] {
			seen[e.Name] = true
			out = append(out, e.Name)
		}
	}
	return out
}
