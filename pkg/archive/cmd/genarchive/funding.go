package main

import (
	"fmt"
	"strings"
)

// round is one invented funding round.
type round struct {
	outlet, company, does, city, amount, stage, lead, others, valuation, use string
	day, hour, minute                                                        int
}

var rounds = []round{
	{"sd", "Lumora", "builds retrieval tools for legal teams", "London", "£18m", "Series A", "Balderton Capital", "Seedcamp", "", "hire engineers in London and Berlin", 0, 6, 10},
	{"sd", "Kestrel Robotics", "trains foundation models for warehouse robots", "Pittsburgh", "$65 million", "Series B", "Lux Capital", "Amazon's Industrial Innovation Fund", "$480 million", "open a second test facility", 0, 12, 40},
	{"ptw", "Quillstone", "writes and tests code with AI agents", "San Francisco", "$300 million", "Series C", "Thrive Capital", "Andreessen Horowitz and Nvidia", "$4.2 billion", "expand its compute budget", 0, 16, 5},
	{"sd", "Tessellate Bio", "uses generative models to design enzymes", "Cambridge, Massachusetts", "$4.5 million", "seed", "Hummingbird Ventures", "several angel investors", "", "run its first wet-lab trials", 0, 20, 30},
	{"hsj", "Northwind AI", "builds large language models for European languages", "Paris", "€600m", "Series B", "General Catalyst", "Bpifrance and Salesforce Ventures", "€6bn", "train larger models on French supercomputers", 1, 7, 35},
	{"sd", "Ferrolite", "designs low-power inference chips", "Austin", "$120 million", "Series B", "Fidelity", "Samsung Catalyst Fund", "", "tape out its second chip", 1, 10, 20},
	{"amb", "Zhipu Huayu", "develops Chinese-language chatbots for banks", "Beijing", "1.2 billion yuan", "strategic round", "a fund backed by the Beijing municipal government", "Meituan", "about 15 billion yuan", "buy computing capacity", 1, 4, 45},
	{"cl", "Photonix Labs", "makes optical interconnects for AI clusters", "Eindhoven", "$85m", "Series A", "Koch Disruptive Technologies", "Innovation Industries", "", "build a pilot production line", 1, 13, 50},
	{"sd", "Margin Health", "automates medical billing with language models", "Toronto", "C$30 million", "Series A", "Inovia Capital", "Radical Ventures", "", "enter the US market", 1, 16, 15},
	{"ptw", "Cinder Labs", "builds AI models that generate video", "Los Angeles", "$1.1 billion", "Series D", "Fidelity and T. Rowe Price", "Google", "$12 billion", "pay for training runs", 1, 19, 0},
	{"sd", "Hollowpoint Security", "uses AI to find flaws in software supply chains", "Tel Aviv", "$42m", "Series B", "Cyberstarts", "Sequoia Capital", "", "double its research team", 1, 22, 40},
	{"hsj", "Saffron Analytics", "forecasts grocery demand with machine learning", "Manchester", "£7.5m", "Series A", "Octopus Ventures", "", "", "expand in Germany", 2, 7, 0},
	{"sd", "Atlas Cognition", "builds reasoning models for scientific research", "Zurich", "$2 billion", "Series A", "a group including SoftBank's Vision Fund 2", "Nvidia and Temasek", "$14 billion", "build a data centre in Switzerland", 2, 8, 45},
	{"amb", "Sarvam Gati", "builds speech models for Indian languages", "Bengaluru", "$41 million", "Series B", "Lightspeed India", "Peak XV Partners", "", "add ten more languages", 2, 3, 20},
	{"cl", "Vireo Semiconductor", "designs chiplets for AI accelerators", "Hsinchu", "NT$3.2bn", "Series C", "the National Development Fund", "MediaTek", "", "hire 200 engineers", 2, 12, 55},
	{"sd", "Paperplane", "lets small firms build AI customer-service agents", "Berlin", "€12 million", "seed", "Cherry Ventures", "Y Combinator", "", "grow its sales team", 2, 14, 10},
	{"ptw", "Meridian Dynamics", "makes humanoid robots for factories", "Sunnyvale", "$675 million", "Series B", "Parkway Venture Capital", "Microsoft, OpenAI and Intel Capital", "$2.6 billion", "start pilot production", 2, 16, 40},
	{"sd", "Gradient Farm", "uses computer vision to grade crops", "Des Moines", "$9 million", "Series A", "S2G Ventures", "", "", "reach more farms in the Midwest", 2, 20, 0},
}

var fundingHeadlines = []string{
	"%[1]s raises %[2]s %[3]s to %[4]s",
	"%[1]s lands %[2]s from %[5]s",
	"%[1]s closes %[2]s %[3]s round led by %[5]s",
	"AI start-up %[1]s secures %[2]s in %[3]s funding",
	"%[5]s leads %[2]s bet on %[1]s",
	"%[1]s pulls in %[2]s as investors chase AI",
}

// fundingItems turns the rounds into stories, phrased several ways.
func fundingItems() []*item {
	var out []*item
	for i, r := range rounds {
		headline := fmt.Sprintf(fundingHeadlines[i%len(fundingHeadlines)], r.company, r.amount, r.stage, r.use, r.lead)
		first := fmt.Sprintf("%s, a %s start-up that %s, has raised %s in a %s funding round led by %s.", r.company, r.city, r.does, r.amount, r.stage, r.lead)
		switch i % 3 {
		case 1:
			first = fmt.Sprintf("%s, which %s, said on %s it had closed a %s round of %s, led by %s.", r.company, r.does, weekday(r.day), r.stage, r.amount, r.lead)
		case 2:
			first = fmt.Sprintf("Investors led by %s have put %s into %s, the %s company that %s, in a %s round announced on %s.", r.lead, r.amount, r.company, r.city, r.does, r.stage, weekday(r.day))
		}
		paras := []string{first}
		if r.others != "" {
			paras = append(paras, fmt.Sprintf("%s also took part. The company said it would use the money to %s.", upperFirst(r.others), r.use))
		} else {
			paras = append(paras, fmt.Sprintf("The company said it would use the money to %s.", r.use))
		}
		if r.valuation != "" {
			paras = append(paras, fmt.Sprintf("The investment values %s at %s, according to a person familiar with the terms.", r.company, r.valuation))
		}
		paras = append(paras, fmt.Sprintf("%s was founded %d years ago and employs about %d people. Its chief executive said demand from customers had grown faster than expected this year.", r.company, 2+i%5, 25+i*17))
		out = append(out, &item{Outlet: byOutlet(r.outlet), Slug: slug(r.company) + "-" + slug(r.stage) + "-funding", At: at(r.day, r.hour, r.minute),
			Section: fundingSection(r.outlet), Author: authors[(i*7)%len(authors)], Title: headline,
			Summary: fmt.Sprintf("%s, which %s, raised %s.", r.company, r.does, r.amount), Paras: paras, Tags: []string{"funding", "AI"}})
	}
	return append(out, dealItems()...)
}

// dealItems are acquisitions and strategic stakes, written out.
func dealItems() []*item {
	return []*item{
		{Outlet: byOutlet("hsj"), Slug: "salesforce-to-buy-relayline", At: at(0, 13, 30), Section: "Companies", Author: "Ruth Adeyemi",
			Title:   "Salesforce agrees to buy AI agent start-up Relayline for $1.4bn",
			Summary: "The all-cash deal is the software group's largest purchase since 2021.",
			Paras: []string{
				"Salesforce has agreed to acquire Relayline, a San Francisco start-up that builds AI agents for customer-service teams, for $1.4 billion in cash, the companies said on Monday.",
				"Relayline was valued at $600 million in a funding round last year. Its 180 employees will join Salesforce's service division.",
				"The deal is expected to close in the first quarter, subject to regulatory approval.",
			}, Tags: []string{"acquisition", "AI"}},
		{Outlet: byOutlet("amb"), Slug: "softbank-stake-korean-ai-chip", At: at(1, 1, 15), Section: "Korea", Author: "Asia Markets Brief desk",
			Title:   "SoftBank takes 12% stake in Korean AI chip designer Rebelion",
			Summary: "The Japanese group will pay about US$350mn for the stake, according to a regulatory filing.",
			Paras: []string{
				"SoftBank Group has agreed to buy a 12 per cent stake in Rebelion, a Seoul-based designer of AI inference chips, for about US$350 million, according to a filing with Korea's financial regulator.",
				"The deal values Rebelion at close to US$3 billion. SoftBank will gain one board seat.",
			}, Tags: []string{"stake", "AI chips"}},
		{Outlet: byOutlet("cl"), Slug: "amd-acquires-inference-startup", At: at(2, 16, 25), Section: "Design", Author: "Jonas de Vries",
			Title:   "AMD buys inference software start-up Untether Compute",
			Summary: "Terms were not disclosed; the team will work on AMD's data-centre software stack.",
			Paras: []string{
				"AMD has acquired Untether Compute, a Toronto start-up whose compiler speeds up AI inference on GPUs, the chipmaker said on Wednesday. Terms were not disclosed.",
				"Untether's 60 engineers will join AMD's data-centre software group, which is racing to close the gap with Nvidia's CUDA ecosystem.",
			}, Tags: []string{"acquisition"}},
	}
}

func fundingSection(outlet string) string {
	switch outlet {
	case "sd":
		return "Funding"
	case "ptw":
		return "Startups"
	case "amb":
		return "China"
	case "cl":
		return "Design"
	}
	return "Companies"
}

func weekday(day int) string { return start.Add(at(day, 12, 0)).Weekday().String() }

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

var authors = []string{"Tom Reyes", "Sofia Lindqvist", "Arjun Mehta", "Nadia Haddad", "Chris Oduya", "Hannah Whitcombe", "Kenji Watanabe", "Laura Pereira", "Felix Osei", "Ines Carvalho", "Marcus Bell"}
