package classify

import (
	"strings"
	"sync"
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

var (
	once    sync.Once
	shared  *Classifier
	initErr error
)

func testClassifier(t testing.TB) *Classifier {
	t.Helper()
	once.Do(func() {
		r, err := rules.Default()
		if err != nil {
			initErr = err
			return
		}
		shared, initErr = New(r)
	})
	if initErr != nil {
		t.Fatal(initErr)
	}
	return shared
}

const canonicalTitle = "Tencent and Alibaba in talks to back DeepSeek as US, China clear H200 sales"
const canonicalText = "Tencent and Alibaba are reportedly in talks for a joint investment in DeepSeek, which is seeking outside capital at a valuation around $10 billion. US and Chinese governments gave conditional approvals for Nvidia H200 supply to China."

func TestCanonicalStory(t *testing.T) {
	c := testClassifier(t)
	res := c.Classify(Document{Title: canonicalTitle, Text: canonicalText})
	inv := res.Topic("ai_investment")
	if inv == nil || !inv.Matched || inv.Facts == nil || inv.Facts.Deal == nil {
		t.Fatalf("ai_investment not matched: %+v", inv)
	}
	d := inv.Facts.Deal
	var names []string
	for _, i := range d.Investors {
		names = append(names, i.Name)
	}
	if d.Type != events.DealJointInvestment || d.Target != "DeepSeek" || strings.Join(names, ",") != "Tencent,Alibaba" ||
		d.Status != events.DealInTalks || d.Valuation == nil || d.Valuation.USD != 10e9 {
		t.Fatalf("deal facts: %+v investors %v valuation %+v", d, names, d.Valuation)
	}
	chip := res.Topic("chip_policy")
	if chip == nil || !chip.Matched || chip.Facts == nil || chip.Facts.ChipPolicy == nil {
		t.Fatalf("chip_policy not matched: %+v", chip)
	}
	cp := chip.Facts.ChipPolicy
	if cp.Action != events.ActionLicenceApproval || cp.Status != events.PolicyApprovedWithConditions ||
		len(cp.Jurisdictions) < 2 || cp.Jurisdictions[0] != "US" || cp.Jurisdictions[1] != "China" ||
		!contains(cp.Chips, "H200") || !contains(cp.Companies, "Nvidia") {
		t.Fatalf("chip facts: %+v", cp)
	}
	if chip.Severity != events.SeverityHigh {
		t.Fatalf("severity %s, want high for a major jurisdiction's approval", chip.Severity)
	}
}

func TestEvidenceOffsetsAreCodePoints(t *testing.T) {
	c := testClassifier(t)
	doc := Document{Title: "腾讯、阿里巴巴洽谈联合投资深度求索", Summary: "据报道，腾讯和阿里巴巴正在洽谈共同投资深度求索，估值约100亿美元。"}
	res := c.Classify(doc)
	tr := res.Topic("ai_investment")
	if tr == nil || !tr.Matched {
		t.Fatalf("not matched: %+v", tr)
	}
	runes := []rune(doc.Joined())
	for _, ev := range tr.Evidence {
		if string(runes[ev.Start:ev.End]) != ev.Sentence {
			t.Fatalf("evidence %q does not sit at %d-%d", ev.Sentence, ev.Start, ev.End)
		}
	}
	if d := tr.Facts.Deal; d.Target != "DeepSeek" || d.Valuation == nil || d.Valuation.USD != 1e9*10 {
		t.Fatalf("deal %+v", d)
	}
	for _, e := range res.Entities {
		if string(runes[e.Start:e.End]) == "" {
			t.Fatalf("empty entity span %+v", e)
		}
	}
}

func TestHardCases(t *testing.T) {
	c := testClassifier(t)
	tests := []struct {
		name, title, text string
		topic             string
		want              bool
	}{
		{"mere Nvidia mention", "Nvidia unveils new gaming GPU", "Nvidia showed its RTX 5090 at CES, promising faster frame rates for gamers.", "chip_policy", false},
		{"invest in unrelated sense", "Why you should invest time in learning AI", "Experts say workers who invest in AI skills now will be paid more.", "ai_investment", false},
		{"capex is not a deal", "Microsoft to invest $80 billion in AI data centres", "Microsoft will spend about $80 billion this year building data centres for AI.", "ai_investment", false},
		{"unknown startup raise", "Acme Robotics AI raises $20M", "The startup will hire engineers.", "ai_investment", true},
		{"export curbs", "US tightens export controls on AI chips to China", "The Commerce Department issued new rules.", "chip_policy", true},
		{"sports acquire", "Lakers acquire guard in three-team trade", "The club sent two picks to Utah.", "ai_investment", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := c.Classify(Document{Title: tc.title, Text: tc.text}).Topic(tc.topic)
			if tr.Matched != tc.want {
				t.Fatalf("matched=%v score=%.2f fired=%+v", tr.Matched, tr.Score, tr.RulesFired)
			}
		})
	}
}

func TestUnknownTargetFound(t *testing.T) {
	c := testClassifier(t)
	tr := c.Classify(Document{Title: "Acme Robotics AI raises $20M", Text: "Acme Robotics AI said investors backed its seed round."}).Topic("ai_investment")
	if tr.Facts == nil || tr.Facts.Deal.Target != "Acme Robotics AI" || tr.Facts.Deal.Amount == nil || tr.Facts.Deal.Amount.USD != 20e6 {
		t.Fatalf("facts %+v", tr.Facts)
	}
}

func TestHeadlineWeighsMoreThanParagraphTwelve(t *testing.T) {
	c := testClassifier(t)
	var paras []string
	for range 11 {
		paras = append(paras, "The company reported steady growth in its cloud business.")
	}
	paras = append(paras, "Separately, the US tightened export controls on AI chips to China.")
	deep := c.Classify(Document{Title: "Cloud group reports steady quarter", Text: strings.Join(paras, "\n\n")}).Topic("chip_policy")
	top := c.Classify(Document{Title: "US tightens export controls on AI chips to China", Text: "The company reported steady growth."}).Topic("chip_policy")
	if !(top.Score > deep.Score) || deep.Matched || !top.Matched {
		t.Fatalf("headline %.3f (matched %v) vs paragraph twelve %.3f (matched %v)", top.Score, top.Matched, deep.Score, deep.Matched)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := testClassifier(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				if !c.Classify(Document{Title: canonicalTitle, Text: canonicalText}).Topic("ai_investment").Matched {
					t.Error("not matched")
				}
			}
		})
	}
	wg.Wait()
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
