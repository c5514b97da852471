package classify

import (
	"slices"
	"testing"
)

// TestInvestorFacts checks backers named after a lead verb, in the sentence
// after the deal sentence, and public bodies handing out money, and that
// places and the word "investors" are not taken for backers.
func TestInvestorFacts(t *testing.T) {
	c := testClassifier(t)
	cases := []struct {
		title, text string
		want, not   []string
	}{
		{"Ardent Loop bags $14M seed for AI agents that file customs forms",
			"Ardent Loop, a start-up whose software agents fill in customs declarations, has bagged $14 million in seed money. Harbor Peak Partners led the cheque. Sarah Lind and Quarry Ventures also participated.",
			[]string{"Harbor Peak Partners", "Sarah Lind", "Quarry Ventures"}, nil},
		{"Dutch AI chip start-up Vennix awarded €20m by EuroHPC",
			"Dutch AI chip start-up Vennix has been awarded up to €20 million by the EuroHPC Joint Undertaking to design an inference processor.",
			[]string{"EuroHPC Joint Undertaking"}, nil},
		{"Beijing AI start-up Lumaflow raises 500 million yuan as investors chase chatbots",
			"Lumaflow, a Beijing developer of large language models, raised 500 million yuan from Qiming Venture Partners and a fund backed by the Beijing city government.",
			[]string{"Qiming Venture Partners"}, []string{"Beijing", "Investors"}},
		{"Harlow Ventures leads $90 million bet on Tessory Works",
			"Tessory Works, which makes robot arms that learn by imitation, said on Monday it had closed a Series B round of $90 million, led by Harlow Ventures. Samsung and Mistral AI also took part.",
			[]string{"Harlow Ventures", "Samsung", "Mistral AI"}, []string{"Tessory Works"}},
		// A known investor named as the supplier in a background sentence
		// is not a backer of this deal.
		{"Brief: Pacifica AI said to seek funds; Tencent, Alibaba in the frame",
			"Pacifica AI, the Hangzhou artificial intelligence developer, is reportedly in talks with Tencent and Alibaba about a joint investment that would value the company at about $8 billion. The reports follow conditional approvals from Washington and Beijing for Nvidia to supply H200 chips to Chinese buyers.",
			[]string{"Tencent", "Alibaba"}, []string{"Nvidia"}},
		{"Tencent and Alibaba confirm joint investment in Pacifica AI",
			"Tencent and Alibaba have agreed to a joint investment in Pacifica AI at an $8 billion valuation. Pacifica AI plans to buy Nvidia H200 systems with the money, a person close to the company said.",
			[]string{"Tencent", "Alibaba"}, []string{"Nvidia"}},
	}
	for _, tc := range cases {
		res := c.Classify(Document{Title: tc.title, Text: tc.text})
		inv := res.Topic("ai_investment")
		if inv == nil || !inv.Matched || inv.Facts == nil || inv.Facts.Deal == nil {
			t.Errorf("%s: ai_investment not matched", tc.title)
			continue
		}
		var names []string
		for _, i := range inv.Facts.Deal.Investors {
			names = append(names, i.Name)
		}
		for _, w := range tc.want {
			if !slices.Contains(names, w) {
				t.Errorf("%s: investors %v lack %q", tc.title, names, w)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(names, n) {
				t.Errorf("%s: investors %v include %q", tc.title, names, n)
			}
		}
	}
}
