package classifier

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/story"
)

// TestBusyWindowFitsInOneMessage fills a topic's state the way a busy
// 72-hour window would (400 stories, each reported by several outlets) and
// checks the stored value stays under a default NATS server's 1 MB limit
// and decodes back to the same state.
func TestBusyWindowFitsInOneMessage(t *testing.T) {
	st := &story.State{}
	cfg := story.DefaultConfig()
	t0 := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for i := range 400 {
		for j := range 4 {
			target := fmt.Sprintf("Startup%03d Labs", i)
			sent := fmt.Sprintf("%s has raised $%d million in a Series B round led by Example Capital %d, the company said on Tuesday.", target, 20+i, j)
			a := story.Article{ID: fmt.Sprintf("item-%d-%d", i, j), Revision: 1, Title: fmt.Sprintf("%s raises $%d million", target, 20+i),
				Text: sent, URL: fmt.Sprintf("https://outlet%d.example/news/%d", j, i), Outlet: fmt.Sprintf("Outlet %d", j),
				SeenAt: t0.Add(time.Duration(i*4+j) * time.Minute),
				Topic: events.TopicResult{Topic: "ai_investment", Matched: true, Score: 0.9, Severity: events.SeverityMedium,
					Facts: &events.Facts{Deal: &events.DealFacts{Type: events.DealFundingRound, Status: events.DealAnnounced, Target: target,
						Investors: []events.Investor{{Name: fmt.Sprintf("Example Capital %d", i), Role: events.RoleLead}},
						Amount:    &events.Money{Text: fmt.Sprintf("$%d million", 20+i), Value: float64(20+i) * 1e6, Currency: "USD", USD: float64(20+i) * 1e6}}},
					Evidence: []events.Evidence{{Fact: "deal.amount", Sentence: sent, Start: 40, End: 40 + len(sent)}}},
				Entities: []string{target, "Example Capital"}}
			st.Apply(a, cfg)
		}
	}
	plain, _ := json.Marshal(st)
	packed, err := compress(st)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d stories: %d bytes as JSON, %d gzipped (%.1fx)", len(st.Stories), len(plain), len(packed), float64(len(plain))/float64(len(packed)))
	if len(st.Stories) < 300 {
		t.Fatalf("only %d stories: the fixture does not fill the window", len(st.Stories))
	}
	if len(packed) >= 1<<20 {
		t.Fatalf("state of a busy window is %d bytes compressed, over 1 MB", len(packed))
	}
	raw, err := decompress(packed)
	if err != nil {
		t.Fatal(err)
	}
	var back story.State
	if err := json.Unmarshal(raw, &back); err != nil || len(back.Stories) != len(st.Stories) {
		t.Fatalf("round trip: %v, %d stories", err, len(back.Stories))
	}
}
