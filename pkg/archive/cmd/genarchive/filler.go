package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// story is a generated item before it is placed in an outlet and time.
type story struct {
	slug, title, summary, section string
	paras                         []string
}

// gen writes one story of a kind from the random source.
type gen func(r *rand.Rand, n int) story

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

var companies = []struct{ name, sector, city string }{
	{"Halvorsen Foods", "packaged food", "Oslo"}, {"Brightwater Utilities", "water", "Leeds"}, {"Corvane Motors", "car", "Stuttgart"},
	{"Tallis Pharma", "drug", "Basel"}, {"Ondine Cosmetics", "beauty", "Lyon"}, {"Pemberton Homes", "housebuilding", "Bristol"},
	{"Kuroshio Shipping", "shipping", "Kobe"}, {"Marlow & Finch", "fashion", "London"}, {"Redfern Mining", "mining", "Perth"},
	{"Castellan Insurance", "insurance", "Edinburgh"}, {"Vantage Air", "airline", "Dublin"}, {"Greystone Brewing", "brewing", "Milwaukee"},
	{"Aurelia Telecom", "telecoms", "Madrid"}, {"Sundial Retail", "supermarket", "Leicester"}, {"Hokuto Electric", "power", "Sapporo"},
	{"Lindqvist Paper", "paper and packaging", "Gothenburg"}, {"Pacifica Hotels", "hotel", "Singapore"}, {"Ridgeline Outdoors", "outdoor clothing", "Denver"},
}

var drivers = []string{"higher prices", "cost cuts", "strong demand in Asia", "a weaker currency", "lower energy costs", "a rebound in volumes",
	"its premium ranges", "new contracts", "fewer one-off charges", "a busy summer season"}

var drags = []string{"weak consumer spending", "higher wage costs", "a strike at its main plant", "lower prices", "restructuring charges",
	"a slowdown in China", "bad weather", "higher interest payments"}

func earnings(r *rand.Rand, n int) story {
	c := pick(r, companies)
	q := pick(r, []string{"third-quarter", "half-year", "quarterly", "nine-month"})
	up := r.IntN(3) > 0
	pct := 3 + r.IntN(28)
	rev := 200 + r.IntN(4800)
	verb, cause := "rises", pick(r, drivers)
	if !up {
		verb, cause = "falls", pick(r, drags)
	}
	title := fmt.Sprintf("%s %s profit %s %d%% on %s", c.name, q, verb, pct, cause)
	paras := []string{
		fmt.Sprintf("%s, the %s-based %s group, said %s operating profit %s %d per cent from a year earlier, %s by %s.", c.name, c.city, c.sector, q, verb, pct, map[bool]string{true: "helped", false: "hurt"}[up], cause),
		fmt.Sprintf("Revenue came in at %d million euros, %s analysts' average forecast. The company kept its guidance for the full year.", rev, pick(r, []string{"slightly above", "in line with", "just short of", "well ahead of"})),
		fmt.Sprintf("\"%s\" the chief executive told analysts on a call.", pick(r, []string{"We are pleased with how the business has held up in a difficult market.", "The second half will be harder, but our order book is full.", "We have taken tough decisions on costs and they are paying off.", "Customers are trading down, and we have to respond on price."})),
		fmt.Sprintf("Shares in %s %s %.1f per cent in early trading.", c.name, map[bool]string{true: "rose", false: "fell"}[up == (r.IntN(4) > 0)], 0.5+float64(r.IntN(60))/10),
	}
	return story{slug: fmt.Sprintf("%s-results-%d", slug(c.name), n), title: title, section: "Companies",
		summary: fmt.Sprintf("The %s company reported %s results.", c.sector, q), paras: paras}
}

var gadgets = []struct {
	maker, thing string
	feats        []string
}{
	{"Lumen", "smartwatch", []string{"two-day battery life", "a brighter always-on screen", "blood-oxygen tracking"}},
	{"Norda", "e-reader", []string{"a warmer front light", "a seven-inch glare-free screen", "a waterproof case"}},
	{"Vexa", "wireless earbuds", []string{"stronger noise cancelling", "eight-hour battery life", "a smaller charging case"}},
	{"Pollux", "folding phone", []string{"a thinner hinge", "a larger cover screen", "faster charging"}},
	{"Arcadia", "games console", []string{"a quieter fan", "a larger solid-state drive", "backwards compatibility"}},
	{"Tidewell", "robot vacuum", []string{"a quieter motor", "a self-emptying dock", "better obstacle detection"}},
	{"Kairo", "electric scooter", []string{"a longer range", "puncture-proof tyres", "a lighter frame"}},
	{"Solstice", "smart thermostat", []string{"room-by-room sensors", "a simpler app", "support for heat pumps"}},
	{"Brevik", "mirrorless camera", []string{"better low-light performance", "faster autofocus", "a weather-sealed body"}},
	{"Orbis", "mesh router", []string{"Wi-Fi 7 support", "wider coverage", "built-in parental controls"}},
}

func product(r *rand.Rand, n int) story {
	g := pick(r, gadgets)
	model := fmt.Sprintf("%s %s", pick(r, []string{"One", "Pro", "Air", "Max", "Lite", "S"}), fmt.Sprint(2+r.IntN(8)))
	price := 79 + r.IntN(900)
	feat := pick(r, g.feats)
	title := fmt.Sprintf("%s unveils %s %s with %s", g.maker, g.thing, model, feat)
	paras := []string{
		fmt.Sprintf("%s has launched the %s, a %s that the company says offers %s at a lower price than its predecessor.", g.maker+" "+model, g.thing, g.thing, feat),
		fmt.Sprintf("It goes on sale on %s at $%d, with shipping in Europe to follow next month.", pick(r, []string{"Friday", "December 1", "November 28", "Thursday"}), price),
		fmt.Sprintf("In a short hands-on session the device felt %s, though the software still had rough edges.", pick(r, []string{"solid and light", "well made", "a little heavy", "sturdier than last year's model"})),
		fmt.Sprintf("%s faces crowded competition in the %s market, where sales have %s this year, according to the research firm Calloway Insights.", g.maker, g.thing, pick(r, []string{"stalled", "grown modestly", "fallen", "recovered"})),
	}
	return story{slug: fmt.Sprintf("%s-%s-%d", slug(g.maker), slug(g.thing), n), title: title, section: "Gadgets",
		summary: fmt.Sprintf("The new %s costs $%d.", g.thing, price), paras: paras}
}

var teams = []string{"Ashford Rovers", "Kingsmere City", "Bramley Athletic", "Harlow United", "Wexcombe Town", "Fenwick Albion",
	"Dunmore Celtic", "Saltash Wanderers", "Porthaven FC", "Glenrock Rangers"}

func sport(r *rand.Rand, n int) story {
	a, b := pick(r, teams), pick(r, teams)
	for b == a {
		b = pick(r, teams)
	}
	ga, gb := 1+r.IntN(4), r.IntN(3)
	scorer := pick(r, []string{"Callum Reid", "Mateo Alvarez", "Jonah Pike", "Kofi Mensah", "Luca Bianchi", "Sean Doyle", "Tomás Ferreira"})
	title := fmt.Sprintf("%s beat %s %d-%d to %s", a, b, ga, gb, pick(r, []string{"climb to third", "end winless run", "stay top", "ease relegation fears", "reach the cup quarter-finals"}))
	paras := []string{
		fmt.Sprintf("%s scored %s as %s beat %s %d-%d on %s night.", scorer, pick(r, []string{"twice", "the opener", "a late winner", "a first-half penalty"}), a, b, ga, gb, pick(r, []string{"Saturday", "Tuesday", "Sunday", "Monday"})),
		fmt.Sprintf("%s had the better of the early exchanges, but %s took control after the break in front of a crowd of %d.", b, a, 8000+r.IntN(30000)),
		fmt.Sprintf("\"%s\" said the %s manager.", pick(r, []string{"The lads showed real character tonight.", "We were second best for an hour and got what we deserved.", "It's a big three points, nothing more.", "I thought the referee had a difficult night."}), pick(r, []string{"winning", "beaten"})),
		fmt.Sprintf("%s play away at %s next weekend.", a, pick(r, teams)),
	}
	return story{slug: fmt.Sprintf("%s-%s-%d", slug(a), slug(b), n), title: title, section: "Sport",
		summary: fmt.Sprintf("Match report: %s %d %s %d.", a, ga, b, gb), paras: paras}
}

var politicsTopics = []struct {
	title, body string
	lo, hi      int
}{
	{"Council approves plan for %d new homes on former airfield", "Councillors voted by a narrow margin to approve the scheme, which includes a school and a health centre, after a five-hour meeting.", 300, 2400},
	{"Ministers promise %d more train drivers to end weekend cancellations", "The transport secretary said recruitment would be doubled and training shortened, though unions said the plan lacked detail.", 200, 900},
	{"Governor signs bill raising minimum wage to $%d", "The increase will be phased in over three years. Business groups warned of job losses while labour unions called it overdue.", 15, 20},
	{"Parliament debates assisted dying bill for %d hours", "MPs from all parties spoke during the debate, which ended without a vote; a further session has been scheduled for next month.", 5, 9},
	{"Mayor unveils %d-point plan to cut traffic in the city centre", "The plan includes new bus lanes, a congestion charge for lorries and more cycle parking near stations.", 5, 12},
	{"Opposition leader sets out %d tax pledges ahead of budget", "The pledges include a cut in fuel duty and a new levy on large online retailers, which the government said did not add up.", 3, 7},
	{"Senate confirms ambassador after %d-day delay", "The nominee was approved largely along party lines after a dispute over unrelated spending legislation held up the vote.", 40, 200},
	{"Election officials count %d postal ballots after close race", "The result is expected later this week. Both candidates urged supporters to wait for every vote to be counted.", 8000, 60000},
}

func politics(r *rand.Rand, n int) story {
	p := pick(r, politicsTopics)
	num := p.lo + r.IntN(p.hi-p.lo+1)
	title := strings.Replace(p.title, "%d", thousands(num), 1)
	paras := []string{
		p.body,
		fmt.Sprintf("%s said the decision was %s.", pick(r, []string{"A spokesman for the prime minister", "The committee chair", "A local campaign group", "The leader of the council"}), pick(r, []string{"long overdue", "a mistake that residents would pay for", "the best of several difficult options", "a step in the right direction"})),
		fmt.Sprintf("A poll published on %s found %d per cent of voters supported the measure.", pick(r, []string{"Sunday", "Monday", "last week"}), 30+r.IntN(40)),
	}
	return story{slug: fmt.Sprintf("%s-%d", slug(strings.Fields(title)[0]+" "+strings.Join(strings.Fields(title)[1:5], " ")), n), title: title, section: "Politics",
		summary: p.body, paras: paras}
}

func weather(r *rand.Rand, n int) story {
	region := pick(r, []string{"the north-west", "Scotland", "the south coast", "Wales", "the Midlands", "East Anglia"})
	what := pick(r, []string{"Heavy rain", "Strong winds", "Snow and ice", "Dense fog", "Frost"})
	title := fmt.Sprintf("%s warning issued for %s as temperatures drop", what, region)
	paras := []string{
		fmt.Sprintf("Forecasters have issued a yellow warning for %s across %s from %s until %s.", strings.ToLower(what), region, pick(r, []string{"6pm on Tuesday", "midnight", "early Wednesday", "Thursday morning"}), pick(r, []string{"noon", "the evening", "Friday"})),
		fmt.Sprintf("Up to %dmm could fall on higher ground, and travel disruption is likely, the forecaster said.", 20+r.IntN(60)),
		"Drivers were advised to check their routes before setting out and to allow extra time.",
	}
	return story{slug: fmt.Sprintf("weather-warning-%s-%d", slug(region), n), title: title, section: "Weather",
		summary: fmt.Sprintf("%s expected across %s.", what, region), paras: paras}
}

func culture(r *rand.Rand, n int) story {
	work := pick(r, []string{"The Salt Road", "A House of Lanterns", "Night Ferry", "The Orchard Keepers", "Glass Harbour", "Small Hours"})
	kind := pick(r, []string{"novel", "play", "film", "album", "exhibition"})
	stars := 2 + r.IntN(4)
	title := fmt.Sprintf("%s review: %s", work, pick(r, []string{"a quiet triumph", "ambitious but uneven", "worth the wait", "too long by half", "a gorgeous, sad thing"}))
	paras := []string{
		fmt.Sprintf("%s, the new %s from %s, %s.", work, kind, pick(r, []string{"Ada Kerr", "Rhys Pennant", "Maya Ortiz", "Jon Ekberg"}), pick(r, []string{"takes its time and rewards patience", "is full of ideas it never quite settles", "is the best thing its author has made", "never finds its rhythm"})),
		fmt.Sprintf("The opening stretch is %s, and the final act %s.", pick(r, []string{"slow", "dazzling", "confusing", "beautifully judged"}), pick(r, []string{"lands", "falls flat", "is worth everything before it", "feels rushed"})),
		fmt.Sprintf("Rating: %d out of 5.", stars),
	}
	return story{slug: fmt.Sprintf("%s-review-%d", slug(work), n), title: title, section: "Culture",
		summary: fmt.Sprintf("Our critic's verdict on the new %s.", kind), paras: paras}
}

func markets(r *rand.Rand, n int) story {
	idx := pick(r, []string{"FTSE 100", "Nikkei 225", "Hang Seng", "S&P 500", "Stoxx 600", "Kospi"})
	up := r.IntN(2) == 0
	move := 0.1 + float64(r.IntN(25))/10
	title := fmt.Sprintf("%s %s %.1f%% as investors weigh %s", idx, map[bool]string{true: "rises", false: "slips"}[up], move,
		pick(r, []string{"rate outlook", "oil prices", "bond yields", "retail sales data", "the dollar's strength", "jobs figures"}))
	paras := []string{
		fmt.Sprintf("The %s closed %s %.1f per cent, with %s leading the moves.", idx, map[bool]string{true: "up", false: "down"}[up], move, pick(r, []string{"banks", "miners", "energy stocks", "consumer goods makers", "utilities", "carmakers"})),
		fmt.Sprintf("Government bond yields %s and the dollar was little changed against a basket of currencies.", pick(r, []string{"edged higher", "fell", "were steady"})),
		fmt.Sprintf("Brent crude traded at $%.2f a barrel.", 60+float64(r.IntN(2000))/100),
	}
	return story{slug: fmt.Sprintf("%s-close-%d", slug(idx), n), title: title, section: "Markets",
		summary: fmt.Sprintf("Market wrap: the %s.", idx), paras: paras}
}

// plan says how many stories of each kind an outlet carries.
var plan = map[string][]struct {
	g gen
	n int
}{
	"hsj": {{earnings, 22}, {markets, 16}, {product, 6}},
	"ptw": {{product, 30}, {earnings, 8}},
	"cl":  {{product, 10}, {earnings, 14}, {markets, 8}},
	"dm":  {{sport, 22}, {politics, 12}, {weather, 8}, {culture, 10}},
	"amb": {{markets, 22}, {earnings, 16}},
	"co":  {{politics, 36}, {markets, 4}},
	"sd":  {{product, 14}, {culture, 2}, {earnings, 6}},
}

// fillerItems spreads each outlet's generated stories from twelve hours
// before the recording to its end.
func fillerItems() []*item {
	var out []*item
	seq := 0
	for _, o := range outlets {
		r := rand.New(rand.NewPCG(7, uint64(len(o.Key))*1000+uint64(o.Key[0])))
		var ss []story
		for _, p := range plan[o.Key] {
			for range p.n {
				seq++
				ss = append(ss, p.g(r, seq))
			}
		}
		r.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
		step := (span + 12*time.Hour) / time.Duration(len(ss))
		for i, s := range ss {
			t := -12*time.Hour + time.Duration(i)*step + time.Duration(r.IntN(40))*time.Minute
			t = t.Truncate(time.Minute)
			out = append(out, &item{Outlet: o, Slug: s.slug, At: t, Title: s.title, Summary: s.summary, Section: s.section,
				Author: authors[r.IntN(len(authors))], Paras: s.paras})
		}
	}
	return out
}

// thousands writes n with comma separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
