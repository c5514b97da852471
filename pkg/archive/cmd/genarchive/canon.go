package main

import "time"

// at is an offset from start: day 0 is 17 November 2025.
func at(day, hour, minute int) time.Duration {
	return time.Duration(day)*24*time.Hour + time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute
}

// canonItems is the DeepSeek story as several outlets reported it over the
// three days: first talks and conditional chip approvals, then a signed deal.
func canonItems() []*item {
	return []*item{
		{Outlet: byOutlet("ptw"), Slug: "tencent-alibaba-deepseek-talks", At: at(0, 7, 40), Section: "AI", Author: "Mei Lin Haworth",
			Title:   "Tencent and Alibaba in talks to back DeepSeek at about $10 billion valuation",
			Summary: "The two Chinese internet groups are discussing a joint investment in the Hangzhou AI lab, which is seeking outside capital for the first time, people familiar with the matter said.",
			Paras: []string{
				"Tencent and Alibaba are reportedly in talks for a joint investment in DeepSeek, the Hangzhou-based developer of open-weight language models, which is seeking outside capital at a valuation of around $10 billion, according to three people familiar with the discussions.",
				"The talks are at an early stage and the size of each company's stake has not been settled, the people said, asking not to be named because the negotiations are private. DeepSeek has until now been funded entirely by High-Flyer, the quantitative hedge fund that incubated it.",
				"The approach comes days after US and Chinese officials gave conditional approvals for Nvidia to supply its H200 accelerators to Chinese customers, a shift that would let well-funded labs buy far more computing power than they could under earlier restrictions.",
				"Tencent declined to comment. Alibaba said it does not comment on market rumours. DeepSeek did not respond to emailed questions sent outside business hours in China.",
				"A deal would make DeepSeek one of the most valuable privately held AI companies in Asia and would tie the lab more closely to the two largest cloud operators in China, both of which already host its models.",
			},
			Tags: []string{"DeepSeek", "Tencent", "Alibaba", "Nvidia"}},
		{Outlet: byOutlet("hsj"), Slug: "tencent-alibaba-weigh-deepseek-stake-h200", At: at(0, 10, 25), Section: "Technology", Author: "Daniel Okafor",
			Title:   "Tencent, Alibaba weigh joint DeepSeek stake as Washington and Beijing clear H200 sales",
			Summary: "Two of China's biggest technology groups are discussing a combined investment in DeepSeek, while both governments signed off, with conditions, on shipments of Nvidia's H200 chips.",
			Paras: []string{
				"Tencent Holdings and Alibaba Group are in talks to jointly invest in DeepSeek, the artificial intelligence start-up that unsettled Silicon Valley this year, in a funding round that would value it at roughly $10 billion, people briefed on the plans said on Monday.",
				"DeepSeek is seeking outside capital for the first time as the cost of training its next generation of models rises. The people cautioned that terms could still change and that the talks might not lead to an agreement.",
				"The discussions coincide with a thaw in the chip trade. The US Commerce Department has granted conditional licences for Nvidia to sell H200 processors to approved Chinese buyers, and Beijing has given conditional approval for domestic companies to purchase them, according to officials in both capitals.",
				"The conditions include end-use checks and caps on the volumes any single customer may receive, one US official said. China's commerce ministry said purchases must comply with its own rules on data and security reviews.",
				"Shares of Tencent rose 2.1 per cent in Hong Kong. Alibaba's Hong Kong-listed shares gained 1.6 per cent.",
			},
			Tags: []string{"DeepSeek", "Tencent", "Alibaba", "H200"},
			Updates: []update{{At: at(1, 9, 10),
				Summary: "Tencent and Alibaba are discussing a combined investment in DeepSeek at about $10 billion; DeepSeek declined to comment and Alibaba called the reports speculation.",
				Paras: []string{
					"Tencent Holdings and Alibaba Group are in talks to jointly invest in DeepSeek, the artificial intelligence start-up that unsettled Silicon Valley this year, in a funding round that would value it at roughly $10 billion, people briefed on the plans said on Monday.",
					"DeepSeek is seeking outside capital for the first time as the cost of training its next generation of models rises. The people cautioned that terms could still change and that the talks might not lead to an agreement.",
					"The discussions coincide with a thaw in the chip trade. The US Commerce Department has granted conditional licences for Nvidia to sell H200 processors to approved Chinese buyers, and Beijing has given conditional approval for domestic companies to purchase them, according to officials in both capitals.",
					"On Tuesday DeepSeek declined to comment on the talks. An Alibaba spokeswoman said the company does not comment on market speculation, and Tencent did not reply to a request for comment.",
					"Shares of Tencent rose 2.1 per cent in Hong Kong on Monday. Alibaba's Hong Kong-listed shares gained 1.6 per cent.",
				}}}},
		{Outlet: byOutlet("cl"), Slug: "us-china-conditional-approval-nvidia-h200", At: at(0, 13, 5), Section: "Policy", Author: "Priya Raman",
			Title:   "Washington and Beijing give conditional nod to Nvidia H200 shipments to China",
			Summary: "Commerce has issued licences with end-use conditions; China's regulators have cleared domestic buyers, subject to security reviews.",
			Paras: []string{
				"The US Commerce Department has approved licences allowing Nvidia to ship H200 data-centre GPUs to a list of vetted Chinese customers, subject to quarterly end-use reporting and a ban on resale, two people familiar with the licences said.",
				"In Beijing, regulators have given conditional approval for Chinese companies to buy the chips, provided purchases pass a security review and the hardware is not deployed in government systems.",
				"The H200 sits a generation behind Nvidia's newest Blackwell parts but is far more capable than the cut-down processors the company had been allowed to sell in China. Analysts at Kestrel Research estimate the approvals could be worth several billion dollars in annual sales.",
				"The decision has already reshaped fundraising in the sector. Tencent and Alibaba are reported to be in talks to invest jointly in DeepSeek, which is seeking capital at a valuation near $10 billion to pay for more computing power.",
				"Nvidia said it complies with all applicable export rules and declined to discuss individual licences.",
			},
			Tags: []string{"Nvidia", "H200", "export controls"}},
		{Outlet: byOutlet("amb"), Slug: "deepseek-funding-talks-brief", At: at(0, 17, 50), Section: "China", Author: "Asia Markets Brief desk",
			Title:   "Brief: DeepSeek said to seek funds; Tencent, Alibaba in the frame",
			Summary: "Hangzhou AI developer DeepSeek is reportedly in talks with Tencent and Alibaba over a joint investment valuing it at about US$10bn.",
			Paras: []string{
				"DeepSeek, the Hangzhou artificial intelligence developer, is reportedly in talks with Tencent and Alibaba about a joint investment that would value the company at about US$10 billion.",
				"The reports follow conditional approvals from Washington and Beijing for Nvidia to supply H200 chips to Chinese buyers.",
				"Hang Seng Tech index closed up 1.2 per cent, led by internet platforms.",
			},
			Tags: []string{"DeepSeek"}},
		{Outlet: byOutlet("sd"), Slug: "deepseek-opens-books-outside-investors", At: at(1, 8, 15), Section: "Funding", Author: "Tom Reyes",
			Title:   "DeepSeek opens its books to outside investors for the first time",
			Summary: "The open-weight model maker is weighing a joint offer from Tencent and Alibaba; a valuation of roughly $10 billion is being discussed.",
			Paras: []string{
				"DeepSeek has started talking to outside investors for the first time, and Tencent and Alibaba are leading the conversations about a joint investment, according to two investors who were approached about the round.",
				"The valuation being discussed is around $10 billion, those investors said. Neither Tencent nor Alibaba has made a binding offer, and DeepSeek could still choose to raise money from state-backed funds instead.",
				"The company's founder, Liang Wenfeng, has long resisted outside money. What changed, one of the investors said, is the price of compute: with US and Chinese authorities now allowing Nvidia's H200 into the country under conditions, labs that can pay for large clusters will pull ahead.",
				"DeepSeek did not respond to a request for comment.",
			},
			Tags: []string{"DeepSeek", "Tencent", "Alibaba", "AI funding"}},
		{Outlet: byOutlet("ptw"), Slug: "tencent-alibaba-confirm-deepseek-investment", At: at(2, 9, 30), Section: "AI", Author: "Mei Lin Haworth",
			Title:   "Tencent and Alibaba confirm joint investment in DeepSeek",
			Summary: "The companies said they had agreed to take minority stakes in the AI lab in a round that values it at $10 billion.",
			Paras: []string{
				"Tencent and Alibaba confirmed on Wednesday that they have agreed to a joint investment in DeepSeek, ending two days of speculation about the Hangzhou AI developer's first outside funding round.",
				"The round values DeepSeek at $10 billion, the companies said in separate filings to the Hong Kong stock exchange. Each will take a minority stake; neither disclosed the amount it is investing.",
				"DeepSeek said the money would pay for computing capacity and research staff. The company plans to buy Nvidia H200 systems under the conditional approvals granted by US and Chinese authorities last week, a person close to the company said.",
				"The deal still requires clearance from China's market regulator, which reviews investments by large platform companies.",
			},
			Tags: []string{"DeepSeek", "Tencent", "Alibaba"}},
		{Outlet: byOutlet("hsj"), Slug: "deepseek-signs-tencent-alibaba-deal", At: at(2, 11, 40), Section: "Companies", Author: "Daniel Okafor",
			Title:   "DeepSeek signs funding deal with Tencent and Alibaba at $10bn valuation",
			Summary: "The AI start-up's first external round is confirmed, with the two tech groups taking minority stakes.",
			Paras: []string{
				"DeepSeek has signed an agreement under which Tencent and Alibaba will invest in the artificial intelligence company at a $10 billion valuation, the three companies said on Wednesday, confirming talks first reported on Monday.",
				"The two groups will hold minority stakes and will not have board seats, according to a statement from DeepSeek. High-Flyer, the hedge fund that founded the lab, will remain its controlling shareholder.",
				"The investment lands as Nvidia prepares to resume sales of advanced processors in China under licences approved, with conditions, by Washington and Beijing.",
				"Alibaba's Hong Kong shares rose 3 per cent after the announcement; Tencent's gained 1.8 per cent.",
			},
			Tags: []string{"DeepSeek", "Tencent", "Alibaba"}},
		{Outlet: byOutlet("dm"), Slug: "chinese-tech-giants-back-ai-lab", At: at(2, 15, 20), Section: "Business", Author: "Helen Marchetti",
			Title:   "Chinese tech giants back AI lab DeepSeek in £7.6bn deal",
			Summary: "Tencent and Alibaba have agreed to invest in the start-up whose cheap chatbot rattled Wall Street in January.",
			Paras: []string{
				"Two of China’s biggest technology companies, Tencent and Alibaba, have agreed to invest in DeepSeek, the artificial intelligence start-up whose low-cost chatbot wiped billions off American chip stocks earlier this year.",
				"The deal values DeepSeek at $10bn (£7.6bn). It is the first time the company, which is based in the eastern city of Hangzhou, has accepted money from outside investors.",
				"It comes as the United States eases some restrictions on chip sales to China. Nvidia has been given conditional permission by both governments to sell its H200 processors there.",
				"Analysts said the tie-up would give DeepSeek the financial muscle to compete with better-funded rivals in America.",
			},
			Tags: []string{"DeepSeek"}},
	}
}
