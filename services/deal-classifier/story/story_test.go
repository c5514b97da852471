package story

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

var t0 = time.Date(2026, 4, 22, 8, 0, 0, 0, time.UTC)

type report struct {
	id, outlet, title, text string
	at                      time.Duration
}

func classifier(t *testing.T) *classify.Classifier {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := classify.New(r)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func article(t *testing.T, c *classify.Classifier, r report, topic string) Article {
	t.Helper()
	res := c.Classify(classify.Document{Title: r.title, Text: r.text})
	tr := res.Topic(topic)
	if tr == nil || !tr.Matched {
		t.Fatalf("%s: %s not matched (%+v)", r.id, topic, tr)
	}
	var ents []string
	for _, e := range res.Entities {
		ents = append(ents, e.Name)
	}
	return Article{ID: r.id, Revision: 1, Title: r.title, Text: r.text, URL: "https://" + r.outlet + "/" + r.id,
		Outlet: r.outlet, PublishedAt: t0.Add(r.at), SeenAt: t0.Add(r.at + time.Minute), Topic: *tr, Entities: ents}
}

// roundTrip stores and reloads the state as the service does with its KV bucket.
func roundTrip(t *testing.T, st *State) *State {
	t.Helper()
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var out State
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func TestCanonicalStoryAcrossOutlets(t *testing.T) {
	c := classifier(t)
	cfg := DefaultConfig()
	st := &State{}
	steps := []struct {
		r       report
		outcome Outcome
		rev     int
		changes []string
	}{
		{report{"a1", "reuters.example", "Tencent, Alibaba in talks to invest in DeepSeek",
			"Tencent and Alibaba are reportedly in talks for a joint investment in DeepSeek, which is seeking outside capital at a valuation around $10 billion.", 0},
			NewStory, 1, nil},
		{report{"b1", "scmp.example", "Alibaba and Tencent discuss joint DeepSeek stake",
			"Alibaba Group and Tencent Holdings are in discussions to jointly invest in DeepSeek, the Hangzhou AI lab, at roughly a $10 billion valuation, people familiar said.", 2 * time.Hour},
			SourceAdded, 1, nil},
		{report{"a1", "reuters.example", "Tencent, Alibaba in talks to invest in DeepSeek",
			"Tencent and Alibaba are reportedly in talks for a joint investment in DeepSeek, which is seeking outside capital at a valuation around $10 billion.", 3 * time.Hour},
			Duplicate, 1, nil},
		{report{"c1", "ft.example", "Anthropic raises $13 billion at $183 billion valuation",
			"Anthropic said it raised $13 billion in a Series F round led by ICONIQ.", 4 * time.Hour},
			NewStory, 1, nil},
		{report{"d1", "bloomberg.example", "Tencent and Alibaba agree to invest $2 billion in DeepSeek",
			"Tencent and Alibaba announced on Friday they will jointly invest $2 billion in DeepSeek at a valuation of $10 billion.", 48 * time.Hour},
			Updated, 2, []string{"deal.status: in_talks -> announced", "deal.amount: none -> $2 billion (2000000000 USD)"}},
		{report{"e1", "nikkei.example", "DeepSeek in talks with Tencent, Alibaba over investment",
			"DeepSeek is in talks with Tencent and Alibaba about a joint investment, sources said.", 50 * time.Hour},
			SourceAdded, 2, nil},
	}
	var alerts []*events.Alert
	storyOf := map[string]string{}
	for _, s := range steps {
		st = roundTrip(t, st)
		a := article(t, c, s.r, "ai_investment")
		d := st.Apply(a, cfg)
		if d.Outcome != s.outcome {
			t.Fatalf("%s: outcome %s, want %s (changes %v)", s.r.id, d.Outcome, s.outcome, d.Changes)
		}
		storyOf[s.r.id] = d.StoryID
		if s.outcome == Updated && !slices.Equal(d.Changes, s.changes) {
			t.Fatalf("%s: changes %q, want %q", s.r.id, d.Changes, s.changes)
		}
		if d.Alert != nil {
			if d.Alert.Revision != s.rev || d.Alert.ID != events.AlertID(d.StoryID, "ai_investment", s.rev) {
				t.Fatalf("%s: alert %+v", s.r.id, d.Alert)
			}
			alerts = append(alerts, d.Alert)
		} else if s.outcome == NewStory || s.outcome == Updated {
			t.Fatalf("%s: no alert", s.r.id)
		}
	}
	if storyOf["a1"] != storyOf["b1"] || storyOf["a1"] != storyOf["d1"] || storyOf["a1"] != storyOf["e1"] || storyOf["a1"] == storyOf["c1"] {
		t.Fatalf("clustering: %v", storyOf)
	}
	if len(alerts) != 3 {
		t.Fatalf("%d alerts, want 3 (DeepSeek new, Anthropic new, DeepSeek update)", len(alerts))
	}
	up := alerts[2]
	if up.Kind != events.AlertUpdate || len(up.Sources) != 3 || up.Facts.Deal.Status != events.DealAnnounced || !up.FirstSeenAt.Equal(t0.Add(time.Minute)) {
		t.Fatalf("update alert %+v", up)
	}
}

func TestDeterministic(t *testing.T) {
	c := classifier(t)
	run := func() []string {
		st := &State{}
		var ids []string
		for _, r := range []report{
			{"x1", "o1", "US tightens export controls on AI chips to China", "The Commerce Department issued new rules on Nvidia H20 shipments.", 0},
			{"x2", "o2", "US adds chip curbs on China, hitting Nvidia H20", "Washington restricted exports of Nvidia's H20 chips to China.", time.Hour},
		} {
			d := st.Apply(article(t, c, r, "chip_policy"), DefaultConfig())
			ids = append(ids, string(d.Outcome)+":"+d.StoryID)
		}
		return ids
	}
	a, b := run(), run()
	if !slices.Equal(a, b) || a[1] != "source_added:"+a[0][len("new:"):] {
		t.Fatalf("runs differ or did not cluster: %v vs %v", a, b)
	}
}

func TestChipPolicyReversalIsAnUpdate(t *testing.T) {
	c := classifier(t)
	st := &State{}
	first := st.Apply(article(t, c, report{"p1", "o1", "US approves Nvidia H200 sales to China with conditions",
		"The Commerce Department granted conditional approvals for Nvidia to ship H200 chips to China.", 0}, "chip_policy"), DefaultConfig())
	second := st.Apply(article(t, c, report{"p2", "o2", "US revokes Nvidia H200 licences for China",
		"The Commerce Department revoked the licences that allowed Nvidia to ship H200 chips to China.", 24 * time.Hour}, "chip_policy"), DefaultConfig())
	if first.Outcome != NewStory || second.Outcome != Updated || second.StoryID != first.StoryID {
		t.Fatalf("first %+v second %+v", first, second)
	}
	if !slices.Contains(second.Changes, "chip_policy.status: approved_with_conditions -> reversed") {
		t.Fatalf("changes %v", second.Changes)
	}
}

func TestWindowAndPrune(t *testing.T) {
	c := classifier(t)
	cfg := DefaultConfig()
	st := &State{}
	r := report{"w1", "o1", "Groq raises $750 million", "AI chip startup Groq raised $750 million in a round led by Disruptive.", 0}
	st.Apply(article(t, c, r, "ai_investment"), cfg)
	late := report{"w2", "o2", "Groq raises $750 million", "AI chip startup Groq raised $750 million in a round led by Disruptive.", 30 * 24 * time.Hour}
	if d := st.Apply(article(t, c, late, "ai_investment"), cfg); d.Outcome != NewStory {
		t.Fatalf("outcome %s after the window, want new", d.Outcome)
	}
	st.Prune(t0.Add(31*24*time.Hour), cfg)
	if len(st.Stories) != 1 {
		t.Fatalf("%d stories after prune, want 1", len(st.Stories))
	}
}

func TestSimHashNearDuplicates(t *testing.T) {
	a := SimHash("Tencent and Alibaba are reportedly in talks for a joint investment in DeepSeek at a valuation around $10 billion")
	b := SimHash("Tencent and Alibaba are reportedly in talks for a joint investment in DeepSeek at a valuation of about $10 billion")
	far := SimHash("Japan approves extra subsidies for Rapidus chip plant in Hokkaido as demand grows")
	if Distance(a, b) > 12 || Distance(a, far) < 16 {
		t.Fatalf("near %d far %d", Distance(a, b), Distance(a, far))
	}
}

// TestDistinctPolicyStoriesStayApart: two different US actions on chips in
// one window share a government and the word "chips", not a story.
func TestDistinctPolicyStoriesStayApart(t *testing.T) {
	c := classifier(t)
	st := &State{}
	first := st.Apply(article(t, c, report{"q1", "o1", "Senate panel advances bill requiring location checks on exported AI chips",
		"The US Senate Banking Committee voted to advance a bill that would require exporters of advanced AI chips to build location verification into them.", 0}, "chip_policy"), DefaultConfig())
	second := st.Apply(article(t, c, report{"q2", "o2", "US tightens export controls on AI chips to China",
		"The Commerce Department issued new rules restricting exports of advanced chips to Chinese data centres.", 6 * time.Hour}, "chip_policy"), DefaultConfig())
	if first.Alert == nil || second.Alert == nil || first.Alert.Facts.ChipPolicy.Action != second.Alert.Facts.ChipPolicy.Action {
		t.Fatalf("want two export-control alerts, got %+v and %+v", first.Alert, second.Alert)
	}
	if first.Outcome != NewStory || second.Outcome != NewStory || second.StoryID == first.StoryID {
		t.Fatalf("first %+v second %+v", first, second)
	}
}
