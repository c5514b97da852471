package classify

import (
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
)

// TestCJKNames checks that unknown Chinese, Japanese and Korean company
// names are found from the particles and deal words around them.
func TestCJKNames(t *testing.T) {
	c := testClassifier(t)
	cases := []struct {
		title, text, target, investor string
	}{
		{"AI芯片企业星衡智算完成数亿元B轮融资", "星衡智算宣布完成数亿元人民币B轮融资，由云峰资本领投，资金将用于推理芯片研发。", "星衡智算", "云峰资本"},
		{"ミライ知能、シリーズAで15億円を調達", "東京のAIスタートアップ、ミライ知能はシリーズAで15億円を調達した。青葉キャピタルなどが出資した。", "ミライ知能", "青葉キャピタル"},
		{"한빛에이아이, 200억 원 규모 시리즈B 투자 유치", "AI 스타트업 한빛에이아이가 200억 원 규모의 시리즈B 투자를 유치했다.", "한빛에이아이", ""},
		// A relative clause and a place in brackets before the particle.
		{"", "企業向けのAIエージェントを開発するコトネ（東京・渋谷）は、シリーズBで40億円を調達したと発表した。", "コトネ", ""},
		// "Xの" modifies the name; "研究開発を手がける" is a clause, not a name.
		{"生成AIのハルカゼ、20億円を調達", "生成AIの研究開発を手がけるハルカゼは、第三者割当増資で20億円を調達した。", "ハルカゼ", ""},
		{"", "한국어 대형언어모델을 개발하는 누리랩스가 300억 원 규모의 투자를 유치했다.", "누리랩스", ""},
		// Backers listed after "引受先は", and named before "を引受先とする"
		// after the topic particle of "同社は".
		{"画像検査AIのカナメ、シリーズBで20億円を調達", "画像検査AIを開発するカナメ（東京・港）はシリーズBで20億円を調達したと発表した。引受先はあおば未来キャピタルや北斗ベンチャーズなど。", "カナメ", "あおば未来キャピタル"},
		{"農業AIのミドリテック、5億円を調達", "ミドリテックはドローン画像で稲の生育を診断するAIを手がける。同社は北斗ベンチャーズを引受先とする第三者割当増資で5億円を調達した。", "ミドリテック", "北斗ベンチャーズ"},
	}
	for _, tc := range cases {
		res := c.Classify(Document{Title: tc.title, Text: tc.text})
		inv := res.Topic("ai_investment")
		if inv == nil || !inv.Matched || inv.Facts == nil || inv.Facts.Deal == nil {
			t.Errorf("%s: ai_investment not matched: %+v", tc.title, inv)
			continue
		}
		d := inv.Facts.Deal
		if d.Target != tc.target {
			t.Errorf("%s: target %q, want %q", tc.title, d.Target, tc.target)
		}
		if tc.investor == "" {
			continue
		}
		found := false
		for _, i := range d.Investors {
			found = found || i.Name == tc.investor
		}
		if !found {
			t.Errorf("%s: investors %+v lack %q", tc.title, d.Investors, tc.investor)
		}
	}
}

// A Chinese name is found in either script: the gazetteer holds one form,
// and outlets in Taipei, Hong Kong and the mainland write the others.
func TestChineseNamesInEitherScript(t *testing.T) {
	c := testClassifier(t)
	for text, want := range map[string][]string{
		"智譜與寒武紀獲騰訊投資": {"Zhipu AI", "Cambricon", "Tencent"}, // Traditional for the lists' Simplified
		"辉达下周发布新芯片":   {"Nvidia"},                           // Simplified for Taiwan's 輝達
	} {
		res := c.Classify(Document{Title: text})
		for _, name := range want {
			if !slices.ContainsFunc(res.Entities, func(e events.Entity) bool { return e.Name == name }) {
				t.Errorf("%s: entities %+v lack %s", text, res.Entities, name)
			}
		}
	}
}
