package main

// allItems assembles every story of the recording.
func allItems() []*item {
	var items []*item
	items = append(items, canonItems()...)
	items = append(items, policyItems()...)
	items = append(items, fundingItems()...)
	items = append(items, nearMisses()...)
	items = append(items, fillerItems()...)
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.URL()] {
			panic("duplicate article URL " + it.URL())
		}
		seen[it.URL()] = true
	}
	// One page was taken down before it could be recorded, and one outlet
	// links through a redirect, as real sites do.
	for _, it := range items {
		if it.Outlet.Key == "ptw" && it.Section == "Gadgets" && it.At > 0 {
			it.NoPage = true
			break
		}
	}
	byOutlet("hsj").Via = true
	allItemsCache = items
	return items
}

// nearMisses mention AI companies, chips or money without being an
// investment or a chip-policy story.
func nearMisses() []*item {
	return []*item{
		{Outlet: byOutlet("ptw"), Slug: "nvidia-geforce-rtx-5070-super-review", At: at(0, 18, 30), Section: "Gadgets", Author: "Arjun Mehta",
			Title:   "Nvidia's new gaming GPU is fast, quiet and still too expensive",
			Summary: "The RTX 5070 Super is a fine card for 1440p gaming, but prices remain stubbornly high.",
			Paras: []string{
				"Nvidia's latest mid-range graphics card runs most new games at high settings without breaking a sweat, and it is noticeably quieter than the model it replaces.",
				"At $649 it is not cheap, and the 12GB of memory may feel tight in two years. Still, if you are upgrading from a card that is three or four generations old, the jump is dramatic.",
				"The card goes on sale on Thursday.",
			}},
		{Outlet: byOutlet("amb"), Slug: "alibaba-cloud-revenue-quarter", At: at(1, 9, 0), Section: "China", Author: "Asia Markets Brief desk",
			Title:   "Alibaba's cloud revenue grows 29% as AI demand lifts quarter",
			Summary: "The e-commerce group's cloud unit was again its fastest-growing business.",
			Paras: []string{
				"Alibaba Group said revenue at its cloud intelligence unit grew 29 per cent in the September quarter, helped by demand from companies building AI applications.",
				"Group revenue rose 5 per cent to 247.8 billion yuan. Net income fell because of losses on equity investments.",
				"The company said capital spending on AI infrastructure would stay high for the next three years.",
			}},
		{Outlet: byOutlet("dm"), Slug: "schools-ai-homework-guidance", At: at(1, 7, 30), Section: "UK", Author: "Helen Marchetti",
			Title:   "Schools told to set clear rules on pupils using AI for homework",
			Summary: "New guidance says teachers should explain when chatbots may and may not be used.",
			Paras: []string{
				"Schools in England should set out clear rules on when pupils may use AI chatbots for homework, the Department for Education said in guidance published on Tuesday.",
				"Head teachers’ unions welcomed the guidance but said schools needed money for training, not just advice.",
				"The guidance does not ban the use of AI, and says it can help pupils with revision when used with care.",
			}},
		{Outlet: byOutlet("cl"), Slug: "carmakers-chip-shortage-eases", At: at(1, 15, 40), Section: "Foundry", Author: "Priya Raman",
			Title:   "Carmakers say microcontroller supply has returned to normal",
			Summary: "Lead times for automotive chips have fallen to their lowest in four years.",
			Paras: []string{
				"Lead times for the microcontrollers used in cars have fallen to about 14 weeks, the lowest since 2021, according to a survey of purchasing managers by Dunmore Partners.",
				"Several carmakers said they had stopped paying premiums to brokers and were running down safety stocks built during the shortage.",
			}},
		{Outlet: byOutlet("ptw"), Slug: "deepseek-releases-new-reasoning-model", At: at(1, 12, 0), Section: "AI", Author: "Mei Lin Haworth",
			Title:   "DeepSeek releases an update to its reasoning model",
			Summary: "The new version scores higher on maths benchmarks and is published under the same open licence.",
			Paras: []string{
				"DeepSeek has published an updated version of its reasoning model, which it says makes fewer errors on maths and coding problems than the version released in the spring.",
				"The weights are available under the same permissive licence as before. Independent testers said the gains were real but modest.",
			}},
		{Outlet: byOutlet("hsj"), Slug: "tencent-games-revenue-results", At: at(0, 9, 10), Section: "Companies", Author: "Ruth Adeyemi",
			Title:   "Tencent profit beats forecasts as domestic games rebound",
			Summary: "The Shenzhen-based group reported a 15 per cent rise in quarterly revenue.",
			Paras: []string{
				"Tencent Holdings reported quarterly revenue of 192.9 billion yuan, up 15 per cent from a year earlier, as its domestic games business recovered and advertising grew.",
				"The company said it was using its own AI models to improve ad targeting, which helped marketing services revenue rise 21 per cent.",
				"Tencent shares have gained about 45 per cent this year.",
			}},
	}
}
