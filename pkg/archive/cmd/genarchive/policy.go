package main

// policyItems are chip-policy stories: a licence approval, an entity-list
// addition, a tariff, subsidies, enforcement and a tightening of rules.
func policyItems() []*item {
	return []*item{
		{Outlet: byOutlet("cl"), Slug: "commerce-licence-applied-materials-wuxi", At: at(0, 4, 20), Section: "Equipment", Author: "Priya Raman",
			Title:   "Commerce approves export licence for chip tools bound for SK Hynix's Wuxi plant",
			Summary: "The one-year licence lets US toolmakers keep servicing and upgrading equipment at the Korean memory maker's Chinese fab.",
			Paras: []string{
				"The US Commerce Department has approved an export licence allowing American equipment makers to ship tools and spare parts to SK Hynix's memory plant in Wuxi, China, for another year, the company said on Monday.",
				"The licence replaces the validated end-user status the plant lost in September. It covers maintenance and limited upgrades but not equipment that would let the fab move to more advanced DRAM nodes, SK Hynix said.",
				"Applied Materials, Lam Research and KLA all supply the site. Analysts at Harrow Securities said the approval removed a risk to about a third of SK Hynix's DRAM output.",
			},
			Tags: []string{"export licence", "SK Hynix"}},
		{Outlet: byOutlet("co"), Slug: "entity-list-adds-chinese-firms-ai-chips", At: at(0, 15, 45), Section: "Trade", Author: "Grace Whitfield",
			Title:   "US adds 14 Chinese companies to Entity List over AI chip diversion",
			Summary: "The Commerce Department says the firms helped route restricted processors to military end users.",
			Paras: []string{
				"The Commerce Department on Monday added 14 Chinese companies to the Entity List, accusing them of acquiring advanced AI processors through shell companies in Singapore and Malaysia and passing them to military research institutes.",
				"Companies on the list need a licence to receive any item subject to US export rules, and such licences will be presumptively denied, the Bureau of Industry and Security said in a notice to be published in the Federal Register on Wednesday.",
				"Among those named are three server assemblers in Shenzhen and a cloud computing provider in Chengdu. China's commerce ministry said it firmly opposed the move and would take measures to protect the rights of Chinese firms.",
			},
			Tags: []string{"Entity List", "export controls"}},
		{Outlet: byOutlet("hsj"), Slug: "us-tariff-chinese-legacy-chips", At: at(1, 14, 0), Section: "Economy", Author: "Ruth Adeyemi",
			Title:   "US to impose 50% tariff on Chinese legacy chips from January",
			Summary: "The trade representative's office concluded its investigation into mature-node semiconductors with a tariff that rises over two years.",
			Paras: []string{
				"The US Trade Representative said on Tuesday it would impose a 50 per cent tariff on imports of Chinese-made legacy semiconductors from January 1, concluding a year-long investigation into Beijing's support for mature-node chipmaking.",
				"The duty applies to chips made on 28-nanometre processes and older, which go into cars, appliances and industrial equipment. It will rise to 60 per cent in 2027 unless the two sides reach an agreement.",
				"Carmakers warned the tariff could raise costs. China's foreign ministry said the measure violated trade rules and that Beijing would respond.",
			},
			Tags: []string{"tariff", "semiconductors"}},
		{Outlet: byOutlet("amb"), Slug: "japan-subsidy-rapidus-2nm", At: at(1, 3, 30), Section: "Japan", Author: "Asia Markets Brief desk",
			Title:   "Japan approves ¥800bn in fresh subsidies for Rapidus",
			Summary: "The industry ministry will fund Rapidus's 2-nanometre pilot line in Hokkaido as Tokyo seeks to rebuild its chip industry.",
			Paras: []string{
				"Japan's Ministry of Economy, Trade and Industry approved a further ¥800 billion in subsidies for Rapidus on Tuesday, bringing state support for the chip venture to more than ¥2.5 trillion.",
				"The money will pay for equipment at the company's 2-nanometre pilot line in Chitose, Hokkaido, where it aims to start mass production in 2027.",
				"Rapidus shares are not listed. Tokyo Electron rose 2.4 per cent in Tokyo trading.",
			},
			Tags: []string{"subsidy", "Rapidus"}},
		{Outlet: byOutlet("dm"), Slug: "eu-state-aid-dresden-chip-plant", At: at(1, 11, 5), Section: "Business", Author: "Oliver Brandt",
			Title:   "Brussels clears €5bn German subsidy for Dresden chip factory",
			Summary: "The European Commission approved state aid for a new semiconductor plant under the Chips Act.",
			Paras: []string{
				"The European Commission has approved €5bn of German state aid for a semiconductor factory in Dresden, saying the plant would strengthen Europe’s supply of chips for cars and industrial machinery.",
				"The factory, a joint venture led by a Taiwanese foundry with three European partners, is due to open in 2027 and employ about 2,000 people.",
				"Competition commissioner officials said the subsidy was necessary and proportionate, and that the plant would give priority to European customers in a shortage.",
			},
			Tags: []string{"subsidy", "Chips Act"}},
		{Outlet: byOutlet("ptw"), Slug: "singapore-charges-nvidia-server-smuggling", At: at(1, 6, 50), Section: "Policy", Author: "Arjun Mehta",
			Title:   "Singapore charges three men over export of Nvidia-powered servers",
			Summary: "Prosecutors say the servers were declared for a Malaysian data centre but ended up in China.",
			Paras: []string{
				"Singapore prosecutors have charged three men with fraud over the sale of servers containing Nvidia processors that were declared for a data centre in Malaysia but were shipped on to China in breach of US export controls.",
				"The servers were assembled by US companies and sold through a Singapore distributor, court documents show. Each man faces up to 20 years in prison if convicted.",
				"The case is one of several enforcement actions this year aimed at the diversion of AI chips through South-East Asia.",
			},
			Tags: []string{"export controls", "enforcement"}},
		{Outlet: byOutlet("cl"), Slug: "netherlands-widens-duv-licence-rules", At: at(2, 5, 15), Section: "Policy", Author: "Jonas de Vries",
			Title:   "Netherlands widens licence requirement for ASML immersion tools",
			Summary: "The Dutch government will require export licences for more deep-ultraviolet lithography systems from next month.",
			Paras: []string{
				"The Dutch government said on Wednesday it would require export licences for additional models of ASML's deep-ultraviolet immersion lithography systems, extending controls that already cover its most advanced machines.",
				"The rule takes effect on December 15. ASML said it did not expect a material effect on its 2025 results but that some 2026 shipments to China could be affected.",
				"Washington has pressed allies for months to align their controls on chipmaking equipment with US rules.",
			},
			Tags: []string{"export controls", "ASML"}},
		{Outlet: byOutlet("co"), Slug: "senate-chip-security-act-vote", At: at(2, 18, 30), Section: "Congress", Author: "Grace Whitfield",
			Title:   "Senate panel advances bill requiring location checks on exported AI chips",
			Summary: "The Chip Security Act would make exporters verify where advanced processors end up.",
			Paras: []string{
				"The Senate Banking Committee voted 17 to 7 on Wednesday to advance a bill that would require exporters of advanced AI processors to build location verification into the chips or the servers that carry them.",
				"Supporters said the measure would make it harder to smuggle chips to countries under US restrictions. Industry groups warned that the technology was untested and could slow legitimate sales.",
				"The bill now goes to the full Senate. A companion measure is pending in the House.",
			},
			Tags: []string{"export controls", "Congress"}},
	}
}
