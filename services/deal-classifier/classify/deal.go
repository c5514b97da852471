package classify

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
	"github.com/newsmon/newsmon/services/deal-classifier/money"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

var (
	auxWords = set(`is are was were has have had will would could may might reportedly also said says set expected poised likely
		inc inc. corp corp. co ltd plc group holdings which who también anche auch ook também aussi ont hanno han`)
	investorVerbs = set(`invest invests invested investing acquire acquires acquired acquiring buy buys bought buying
		take takes took taking lead leads led leading pour pours poured inject injects injected back backs backed
		approached approaches agreed agrees pay pays paid makes made offered offers bid bids joins joined participated
		co-led wants plans plan pledged commits committed bets snaps snapped purchases purchased hired hires joining joins
		acqui-hires acqui-hired figurent participent zählen beteiligten führte bankrolls bankrolled bankroll
		ploughs ploughed pumps pumped swallows swallowed putting puts wrote licenses licences licensed
		neemt koopt kocht rachète s'offre s’offre ostaa osti acquiert kauft übernimmt compra adquiere adquire acquisisce acquista rileva
		picks pick leder ledde leidt lidera liderou lideró encabeza encabezó dirige mène führt guida współprowadzą prowadzi
		mènent apporte apportent steekt investeert investiert investit invierte investe zainwestuje inwestuje zainwestował
		poprowadził poprowadziła beteiligt yatırım ` + verbsAfterBackers)
	supplyVerbs    = set(`supply supplies sell sells ship ships export exports deliver delivers provide provides resume`)
	investorBefore = append([]string{"led by", "co-led by", "backed by", "from", "including", "included", "backers", "assets to", "itself to", "joined by", "participation from",
		"provided by", "funded by", "financed by", "put up by",
		"such as", "include", "investors", "by", "alongside", "with", "runde von", "angeführt von", "geführt von",
		"menée par", "mené par", "dirigée par", "menés par",
		// Italian, Spanish, Portuguese, Dutch, German and French list openers.
		"guidato da", "guidata da", "guidati da", "guidato dal", "guidata dal", "partecipato anche", "partecipazione di",
		"liderada por", "liderado por", "encabezada por", "también entran", "participación de", "entran",
		"liderada pelo", "liderado pelo", "liderada pela", "liderado pela", "participação de", "participação da", "participação do", "também participaram",
		"liderados pela", "liderados pelo", "poprowadził fundusz", "poprowadziła fundusz", "yatırımcılar arasında", "arasında",
		"bestandsinvestoren wie", "investoren wie", "altinvestoren", "aux côtés de", "aux côtés d'", "aportes da", "aporte da", "aporte do",
		"leiding van", "aangevoerd door", "deelname van", "investeerders", "investoren", "investisseurs", "inversores", "investidores",
		"angeführt vom", "runde vom", "und von", "participation de", "auquel participent", "auquel participe",
		// German passive agent, Polish and Swedish co-lead and "also" lists.
		"sie von", "współprowadzą fundusze", "prowadzą fundusze", "prowadzi fundusz", "där även", "auprès de",
		// German backer lists: "Zu den Geldgebern gehören", "Angeführt wird
		// die Finanzierung vom".
		"geldgebern gehören", "investoren gehören", "geldgebern zählen", "finanzierung vom", "finanzierung von", "runde vom", "sind dabei"},
		verbFirstOpeners...)
	// leadBefore are the list openers above that name the round's leader.
	leadBefore = set(`led co-led führte führt führten lead-investor leadinvestor hauptinvestor lead`)
	// investorDescriptors stand between a list opener and the backer's
	// name: "mené par le fonds Rhône Capital", "liderada pela gestora Ipê".
	investorDescriptors = set(`le la les el los las der die das o os the fonds fondo fundo fund fundos fondos gestora gestoras
		firma sociedad société investment investor investisseur inversor investidor venture-capital capital-risque
		regional growth early-stage growth-stage seed-stage venture sovereign state-backed state-owned government-backed
		government-owned state-run state-controlled publicly-owned public`)
	valuationBefore = set(`valued valuation valuing value values pre-money post-money worth pricing valorise valorisée
		valorisant valoriza valorizza bewertet bewertung`)
	// worthVerbs say what a company is worth when they stand right before
	// the figure.
	worthVerbs = set(`vale valía valeva vaut valait`)
	// qualifierWords stand between a valuation word and its figure.
	qualifierWords = set(`more than over about around roughly nearly almost some at least up to rund etwa plus de environ`)
	// dealNouns before "worth" make the figure the size of the deal.
	dealNouns       = set(`deal deals transaction agreement acquisition takeover purchase investment offer sale tender`)
	skipMoneyBefore = set(`revenue revenues sales from total bringing loss losses debt fine settlement cost costs
		spent spend spending profit income capex`)
	roundStrong = []string{"funding round", "financing round", "round of", "series ", "series-", "seed", "fundraising", "fundraise",
		"has led a", " led a $", " leads a $", "joined the round", "joins the round", "existing backers", "existing investors",
		"led by", "co-led", "round led", "million round", "billion round", "million series", "joined a", "joining a", "part in a", "mega-round", "investors including", "backers including", "raised", "raises", "raising",
		"pre-seed", "tops up", "topped up", "hauls in", "hauled in", "snags", "snagged", "bags", "bagged", "pockets", "pocketed",
		"lève", "levé", "levée", "raccoglie", "raccolto", "sammelt", "finanzierungsrunde", "調達", "シリーズ", "시리즈", "투자 유치", "ronda ", "rodada ", "liderada por", "liderado por",
		"सीरीज़", "फंडिंग", "जुटाए", "جولة تمويل", "جولة استثمارية", "gọi vốn", "vòng", "financieringsronde", "haalt", "pendanaan", "yatırım turu", "runda finansowania",
		"투자를 유치", "轮融资", "融资", "tour d'amorçage", "tour de table", "mené par", "menée par", "lever ", "levant "}
	// roundExplicit names a private round outright: with one of these, an
	// IPO word is context ("raises $1.1bn Series G ahead of a listing").
	roundExplicit = append([]string{"funding round", "financing round", "pre-ipo round"}, seriesNamed...)
	// seriesNamed names a lettered or seed round: several corporates in one
	// are its participants, not a joint investment.
	seriesNamed = []string{"series a", "series b", "series c", "series d", "series e", "series f", "series g", "series h",
		"series-a", "series-b", "series-c", "series-d", "series-e", "series-f", "serie a", "serie b", "serie c", "série a", "série b", "série c",
		"seed round", "シリーズ", "시리즈", "a轮", "b轮", "c轮", "d轮"}
	// strategicMarkers call a stake strategic outright (战略融资 is a
	// strategic round, though 融资 alone reads as a funding round).
	strategicMarkers = []string{"战略融资", "战略投资", "战略入股", "戦略出資", "資本業務提携", "전략적 투자", "전략 투자"}
)

// orderSents returns the topic sentences in their evidence order (by zone
// weight, window-only sentences last), as scoreTopic sorted them.
func (s *state) orderSents(sents []int) []int { return slices.Clone(sents) }

func (s *state) termIn(si int, name string) bool {
	id, ok := s.c.termID[name]
	return ok && s.has(si, id)
}

// termStart returns where term name first occurs in sentence si, or -1.
func (s *state) termStart(si int, name string) int {
	id, ok := s.c.termID[name]
	if !ok || !s.has(si, id) {
		return -1
	}
	return s.featureStart(si, id)
}

// featureStart returns where feature f first occurs in sentence si, or -1
// (built-in classes have no position).
func (s *state) featureStart(si, f int) int {
	first := -1
	for _, h := range s.terms {
		if int(h.sent) == si && int(h.feature) == f && (first < 0 || int(h.start) < first) {
			first = int(h.start)
		}
	}
	return first
}

// mentionTokens finds the token span [k0, k1) of a mention.
func mentionTokens(toks []token, m mention) (int, int) {
	k0, k1 := -1, -1
	for k, t := range toks {
		if k0 < 0 && t.end > m.start {
			k0 = k
		}
		if t.start < m.end {
			k1 = k + 1
		}
	}
	if k0 < 0 {
		return len(toks), len(toks)
	}
	return k0, max(k1, k0+1)
}

type role struct {
	target, investor float64
	background       bool
	lead             bool
}

func (s *state) roleOf(m mention, toks []token) role {
	var r role
	runes := s.text.Runes
	k0, k1 := mentionTokens(toks, m)
	if m.end+1 < len(runes) && runes[m.end] == '-' {
		rest := strings.ToLower(string(runes[m.end+1 : min(len(runes), m.end+12)]))
		if strings.HasPrefix(rest, "backed") || strings.HasPrefix(rest, "owned") || strings.HasPrefix(rest, "based") || strings.HasPrefix(rest, "controlled") {
			r.background = true
		}
		if strings.HasPrefix(rest, "led") {
			r.investor += 3
			r.lead = true
		}
	}
	// "Nvidia H200 systems": a maker named with its product is talked of as
	// a supplier, not as a backer.
	gap := 1
	if k1 > 0 && k1 <= len(toks) && isPossessive(toks[k1-1]) {
		gap = 3 // "Nvidia's A800"
	}
	for _, o := range s.ents {
		if o.start > m.end && o.start <= m.end+gap {
			if e := s.entry(o); e != nil && (e.Kind == gazetteer.KindChip || e.Kind == gazetteer.KindProduct) {
				r.background = true
			}
		}
	}
	// A CJK name before a backer ending ("三菱UFJ銀行などが出資"), also as
	// the first of a list joined by "や" ("NEAやコースラ・ベンチャーズなど
	// が引き受けた").
	if m.end < len(runes) {
		rest := string(runes[m.end:min(len(runes), m.end+30)])
		// "米ニュー・エンタープライズ・アソシエイツ（NEA）や...".
		rest = strings.TrimLeft(rest, "）)")
		if strings.HasPrefix(rest, "や") {
			if k := strings.IndexAny(rest, "。、，"); k >= 0 {
				rest = rest[:k]
			}
			for _, w := range cjkBackerEnds {
				if k := strings.Index(rest, w); k > 0 {
					rest = rest[k:]
					break
				}
			}
		}
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "など"), "等")
		// The Korean and Japanese readings need CJK text at the mention;
		// English mentions skip them.
		if s.nearCJK(m) {
			s.cjkRoles(m, rest, &r)
		}
		for _, w := range cjkBackerEnds {
			if strings.HasPrefix(rest, w) {
				r.investor += 3
				r.lead = strings.Contains(w, "领投") || strings.Contains(w, "主導")
				break
			}
		}
	}
	last := toks[min(k1, len(toks))-1]
	possessive := strings.HasSuffix(last.lower, "'s") || strings.HasSuffix(last.lower, "\u2019s")
	// "Jony Ive's io", "Vingroup's VinBrain": the owner of the AI company
	// named next, told to say whose it is; not "Google's Character.AI
	// licensing deal", where the owner's deal is meant.
	if possessive {
		for _, o := range s.ents {
			if o.start > m.end && o.start <= m.end+4 && o.ai && !dealNounAfter(runes, o.end) {
				r.background = true
			}
		}
	}
	// After the mention: skip auxiliaries and coordinated names.
	k := k1
	for steps := 0; k < len(toks) && steps < 6; steps++ {
		t := toks[k]
		if auxWords[t.lower] || andWords[t.lower] || (isCap(t) && !afterAnchors[t.lower] && !investorVerbs[t.lower] && !nameStops[t.lower]) {
			k++
			continue
		}
		break
	}
	// "Meridian, which makes robots, said ...": the clause describes the
	// company; its verbs are no backer verbs.
	appositive := k1 < len(toks) && m.end < len(runes) && runes[m.end] == ',' && appositiveOpeners[toks[k1].lower]
	// "Prosperity7 Ventures, the growth fund of Saudi Aramco, has invested
	// in Zhipu AI": a noun-phrase appositive, then the backer's verb.
	if !appositive && k1 < len(toks) && m.end < len(runes) && runes[m.end] == ',' &&
		(toks[k1].lower == "the" || toks[k1].lower == "a" || toks[k1].lower == "an" || startupWords[toks[k1].lower] || toks[k1].lower == "owner" || toks[k1].lower == "parent") {
		switch {
		case s.clauseThenInvests(toks, k1):
			r.investor += 3
		case s.clauseThenLeads(toks, k1):
			// "Woven Capital, the growth fund of Toyota, led the Series A".
			r.investor += 3
			r.lead = true
		case s.clauseThenRaises(toks, k1):
			// "Lumenfold, a London start-up whose models ..., has raised
			// £25 million": the company described takes the money.
			r.target += 3
		}
	}
	if appositive {
		if s.clauseThenInvests(toks, k1) {
			// "Corvane Software, which sells procurement tools, said it has
			// agreed to buy ...": the clause describes the buyer.
			r.investor += 3
		} else {
			r.target += 3
		}
	}
	// "The Commerce Department said on Tuesday it would invest $250m in
	// Etched", "Disney said it would make a $1bn equity investment": the
	// speaker is the backer.
	saidAt := -1
	for q := k1; q < min(len(toks), k1+3); q++ {
		if w := toks[q].lower; w == "said" || w == "says" || w == "announced" {
			saidAt = q
			break
		}
	}
	if saidAt >= 0 && !appositive && saysItInvests(toks[saidAt+1:min(len(toks), saidAt+12)]) {
		r.investor += 3
	}
	if k < len(toks) && !appositive {
		next := toks[k].lower
		after := func(n int) string {
			if k+n < len(toks) {
				return toks[k+n].lower
			}
			return ""
		}
		switch {
		case possessive && possessiveNext[next]:
			r.target += 3
		case saidItRaises(toks, k) && (k0 == 0 || startupNoun(toks[k0-1].lower)):
			r.target += 3
		case completesPurchase(toks, k), mergesWith(toks[k:]):
			// "Lunit completes A$292 million takeover of Volpara", "Rebellions
			// completes merger with Sapeon", "agreed to merge with": the
			// buyer, or the company that survives the merger.
			r.investor += 3
		case afterAnchors[next]:
			r.target += 3
		case next == "to" && (strings.HasPrefix(after(1), "raise") || after(1) == "list" || after(1) == "go" || after(1) == "float"):
			r.target += 3
		case next == "to" && investorVerbs[after(1)]:
			r.investor += 3
		case next == "to" && supplyVerbs[after(1)]:
			// "approvals for Nvidia to supply H200 chips": a supplier in
			// the story, not a backer of the deal.
			r.background = true
		case next == "in" && after(1) == "talks" || next == "talks" || next == "discussions" || next == "negotiations":
			rest := strings.Join([]string{after(2), after(3), after(4)}, " ")
			if strings.Contains(rest, "raise") || strings.Contains(rest, "funding") || strings.Contains(rest, "sell") {
				r.target += 2
			} else {
				r.investor += 2
			}
		case abandonVerbs[next] && hasPrefixAny(toks[k+1:min(len(toks), k+7)], "purchase", "acquisition", "takeover", "stake", "bid", "offer", "plan to buy", "deal to buy", "talks to take", "talks to buy", "investment in"):
			// "Varro Industrial calls off planned purchase of Kestrel",
			// "Hallbeck walks away from stake in Kestrel": the would-be buyer.
			r.investor += 3
		case next == "signed" && hasPrefixAny(toks[k+1:min(len(toks), k+7)], "acquire", "buy", "purchase", "invest", "take"):
			// "Cognition has signed an agreement to acquire Windsurf".
			r.investor += 3
		case agreedFunding(toks, k):
			// "Databricks has agreed $10 billion of Series J funding".
			r.target += 3
		case next == "curbs" || next == "restrictions" || next == "controls" || next == "sanctions" || next == "ban" || next == "export" || next == "exports":
			// "as Nvidia curbs bite": a company named for a policy on
			// it, not as a backer.
			r.background = true
		case next == "led" && after(1) == "by" && m.end < len(runes) && runes[m.end] == ',':
			// "Isomorphic Labs, led by Demis Hassabis, has raised": a
			// clause about who runs the company; the verb after it decides.
			if s.clauseThenRaises(toks, k) {
				r.target += 3
			}
		case next == "put" && (after(1) == "in" || after(1) == "up" || strings.ContainsAny(after(1), "$€£¥")):
			// "Existing lead Foothills Partners put in most of the new money".
			r.investor += 3
		case (next == "makes" || next == "made") && !hasPrefixAny(toks[k+1:min(len(toks), k+6)], "$", "€", "£", "¥", "investment", "equity", "bid", "offer", "strategic", "minority", "further", "follow-on", "stake"):
			// "Dropwise makes an app for couriers" says what the company
			// sells; only "makes a $1bn investment" or "made a bid" backs.
		case (next == "prices" || next == "priced") && hasWordAny(toks[k+1:min(len(toks), k+6)], "ipo", "listing", "offering", "shares"),
			(next == "sets" || next == "set") && hasWordAny(toks[k+1:min(len(toks), k+4)], "ipo", "listing", "offering"):
			// "CoreWeave prices Nasdaq IPO at $40", "Arm sets IPO terms":
			// the company listing, not "set to sell shares".
			r.target += 3
		case next == "met" && after(1) == "la" && after(2) == "main":
			// "Hugging Face met la main sur Pollen Robotics": the buyer.
			r.investor += 3
		case next == "pour" && frenchPour(toks[k+1:]):
			// "AMD met la main sur le finlandais Silo AI pour 665 millions
			// de dollars": French "for" before the price, not "pour" money.
		case investorVerbs[next]:
			r.investor += 3
			if next == "led" || next == "leads" || next == "leading" {
				r.lead = true
			}
		case next == "ipo" || next == "listing" || next == "debut" || next == "valuation" || next == "shares":
			r.target += 2
		case (next == "stake" || next == "stakes") && !possessive:
			// "Nvidia buys $1bn Nokia stake": a stake in the company named.
			r.target += 3
		case next == "rival" || next == "rivals" || next == "competitor" || next == "challenger" || next == "maker":
			r.target -= 3 // "OpenAI rival Anthropic": a descriptor
		case k0 > 0 && hireVerbs[toks[k0-1].lower] && (personTitles[next] || personTitles[strings.TrimSuffix(next, "s")]):
			// "hires Voxel founders": whose people a licence-and-hire
			// deal takes.
			r.target += 3
		case personTitles[next] && next != "investor" && next != "partner" && k+1 < len(toks) && isCap(toks[k+1]) && !(m.end < len(runes) && runes[m.end] == ','):
			// "Spotify founder Daniel Ek": the company describes the person;
			// not "led by Drive Capital, chief executive Maya Okafor said",
			// where the comma closes a list and opens the attribution.
			r.background = true
		}
	}
	// "acquired by logistics group Northway Freight": the buyer.
	if buyerAfterBy(toks, k0) {
		r.investor += 3
	}
	// "hired law firm Wilson Sonsini", "investment bank Goldman Sachs": an
	// adviser to the deal, not a party.
	if k0 > 1 && (toks[k0-1].lower == "firm" && toks[k0-2].lower == "law" || toks[k0-1].lower == "bank" && toks[k0-2].lower == "investment") {
		r.background = true
	}
	// "days after Google hired away its leadership": an earlier event told
	// as background to this one.
	if k0 > 1 && toks[k0-1].lower == "after" && timeSpans[toks[k0-2].lower] {
		r.background = true
	}
	// "chief executive Maya Okafor said": a person named to speak, not a
	// backer in the list before.
	if k0 > 0 && personTitles[toks[k0-1].lower] && k1 < len(toks) && reportVerbs[toks[k1].lower] {
		r.background = true
	}
	// "former OpenAI technology chief Mira Murati": the company describes
	// a person's past or present job.
	if k0 > 0 && (toks[k0-1].lower == "former" || toks[k0-1].lower == "ex") {
		r.background = true
	}
	// "fondée par d'anciens chercheurs de Google DeepMind", "former
	// researchers at OpenAI": where the founders worked.
	if k0 > 1 && researcherWords[toks[k0-2].lower] && (toks[k0-1].lower == "at" || toks[k0-1].lower == "from" || toks[k0-1].lower == "de" || toks[k0-1].lower == "of" || toks[k0-1].lower == "von") {
		r.background = true
	}
	for q := k1; q < min(len(toks), k1+3) && !isCap(toks[q]) && !andWords[toks[q].lower] && !(m.end < len(runes) && runes[m.end] == ','); q++ {
		if personTitles[toks[q].lower] && q+1 < len(toks) && isCap(toks[q+1]) {
			r.background = true
			break
		}
	}
	// "completes merger with Sapeon Korea", over an owner's possessive in
	// "merger with SK's Sapeon": the company merged into the named one.
	w := k0
	if w > 0 && isPossessive(toks[w-1]) {
		w--
	}
	if w > 1 && toks[w-1].lower == "with" {
		switch toks[w-2].lower {
		case "merger", "merge", "merges", "merged", "merging":
			r.target += 3
		}
	}
	// "a home-grown alternative to Nvidia", "rivals Nvidia", "chips from
	// Nvidia": a company named as the one to beat or as a supplier.
	if k0 > 0 && rivalBefore(toks, k0) {
		r.background = true
	}
	// Before the mention, over an owner's possessive: "acquire Finland's
	// Silo AI", "a $665 million deal for Finland's Silo AI".
	if k0 > 1 && isPossessive(toks[k0-1]) && (beforeAnchors[toks[k0-2].lower] || k0 > 2 && toks[k0-2].lower == "for" && hasPrefixAny(toks[k0-3:k0-2], "deal", "offer", "bid")) {
		r.target += 3
	}
	if k0 > 0 {
		prev := toks[k0-1].lower
		switch {
		case prev == "from" && k0 > 1 && nonCapitalFrom[toks[k0-2].lower]:
			r.background = true // "characters from Paramount"
		case frenchBought(toks, k0):
			r.target += 3 // "met la main sur Pollen Robotics", "s'offre le bordelais Pollen Robotics"
		case prev == "behind" && k0 > 1 && (toks[k0-2].lower == "team" || toks[k0-2].lower == "people" || toks[k0-2].lower == "founders" || toks[k0-2].lower == "engineers" || toks[k0-2].lower == "staff"):
			// "acqui-hired the six-person team behind Hirelens".
			r.target += 3
		case prev == "leaving" || prev == "left" || prev == "quit" || prev == "quitting" || prev == "departing" || prev == "exiting":
			r.background = true // "set up after leaving Meta"
		case prev == "from" && k1 < len(toks) && holderWords[toks[k1].lower]:
			// "buy shares from OpenAI employees": whose shares are sold.
			r.target += 3
		case prev == "from":
			// "seed funding from Tanjong Capital": a name-finding anchor
			// that opens a list of backers, not the company the deal is
			// about.
		case beforeAnchors[prev] || listOpener(toks, k0) || k0 > 1 && placeAdjective(prev) && beforeAnchors[toks[k0-2].lower]:
			r.target += 3
		case phrasalBuy(toks, k0) && !possessive && !s.isGovernment(m):
			// "snaps up Sky", but not "snaps up Danish start-up Uizard".
			r.target += 3
		case (prev == "in" || prev == "into") && k0 > 1 && hasPrefixAny(toks[max(0, k0-8):k0-1], "invest", "stake", "pour", "inject", "bet", "put", "money", "capital", "funding", "interest"):
			r.target += 3
		case paidForName(runes, toks, k0, k1):
			// "will pay $210 million in cash for Inkwell": what is bought.
			r.target += 3
		case prev == "for" && k0 > 1 && hasPrefixAny(toks[k0-2:k0-1], "offer", "bid", "approach", "proposal", "deal"):
			// "makes a $34.5bn offer for Google's Chrome": what the bid is for.
			r.target += 3
		case prev == "of" && k0 > 1 && (hasPrefixAny(toks[k0-2:k0-1], "acquisition", "takeover", "take-private", "buyout", "purchase", "valuation", "ipo", "listing", "shares", "stake") || moneyScale[toks[k0-2].lower]):
			// "$2 billion of Intel common stock" names what is bought.
			r.target += 3
		}
		// Walk back over a list of names ("led by A, B and C").
		b := k0 - 1
		for b > 0 && b >= k0-10 && (andWords[toks[b].lower] || investorDescriptors[toks[b].lower] || personTitles[toks[b].lower] || (isCap(toks[b]) && !nameStops[toks[b].lower]) || (!isCap(toks[b]) && placeAdjective(toks[b].lower))) {
			b--
		}
		prev = toks[b].lower
		prev2 := ""
		if b > 0 {
			prev2 = toks[b-1].lower + " " + prev
		}
		// "characters from Disney, Marvel and Pixar", "chips from Nvidia":
		// "from" after a thing that is not money names no backer.
		fromThing := prev == "from" && b > 0 && nonCapitalFrom[toks[b-1].lower]
		// "held takeover talks with Perplexity": the one to be bought.
		if prev == "with" && b > 1 && (toks[b-1].lower == "talks" || toks[b-1].lower == "discussions" || toks[b-1].lower == "negotiations") &&
			(toks[b-2].lower == "takeover" || toks[b-2].lower == "acquisition" || toks[b-2].lower == "merger" || toks[b-2].lower == "buyout") {
			r.target += 3
			fromThing = true
		}
		// "Etched has previously raised money from Peter Thiel": earlier
		// backers are background to this deal.
		if earlierBackers(toks[:k0]) {
			r.background = true
		}
		for _, w := range investorBefore {
			if fromThing {
				break
			}
			if prev == w || prev2 == w {
				r.investor += 3
				if first, _, _ := strings.Cut(w, " "); leadBefore[first] {
					r.lead = true
				}
				break
			}
		}
	}
	return r
}

// clauseThenInvests reports whether the clause that opens at token k ends
// with a comma followed by a backer's verb: "X, which makes robots, said
// it would invest", "X, which sells tools, has agreed to buy".
func (s *state) clauseThenInvests(toks []token, k int) bool {
	q := s.clauseVerb(toks, k)
	if q < 0 {
		return false
	}
	w := toks[q].lower
	if w == "said" || w == "says" || w == "announced" {
		return saysItInvests(toks[q+1 : min(len(toks), q+12)])
	}
	if boughtBy(toks, q) {
		return false // "X, a Leeds start-up, was acquired by Y"
	}
	if w == "signed" && hasPrefixAny(toks[q+1:min(len(toks), q+7)], "acquire", "buy", "purchase", "invest", "take") {
		return true // "X, the company behind Devin, has signed a deal to acquire Y"
	}
	return investorVerbs[w] && w != "backed" && w != "led" && !agreedFunding(toks, q)
}

// clauseVerb returns the first word after the clause opened at k (past
// its closing comma and any auxiliaries, stopping at "said"), or -1.
func (s *state) clauseVerb(toks []token, k int) int {
	for q := k + 1; q < len(toks) && q <= k+20; q++ {
		if !strings.ContainsRune(string(s.text.Runes[toks[q-1].end:toks[q].start]), ',') {
			continue
		}
		for q < len(toks) && auxWords[toks[q].lower] && toks[q].lower != "said" && toks[q].lower != "says" {
			q++
		}
		if q >= len(toks) {
			return -1
		}
		return q
	}
	return -1
}

// clauseThenLeads reports whether the verb after the clause opened at k
// leads a round: "..., led the Series A", not "..., led by".
func (s *state) clauseThenLeads(toks []token, k int) bool {
	q := s.clauseVerb(toks, k)
	if q < 0 || q+1 >= len(toks) {
		return false
	}
	w := toks[q].lower
	return (w == "led" || w == "leads" || w == "co-led") && toks[q+1].lower != "by"
}

// clauseThenRaises reports whether the verb after the clause opened at k
// is one a company taking money or listing uses ("..., has raised").
func (s *state) clauseThenRaises(toks []token, k int) bool {
	q := s.clauseVerb(toks, k)
	// "Kestrel Dynamics, a Pittsburgh start-up ..., said it had raised";
	// "..., has been acquired by" is the company bought.
	return q >= 0 && (afterAnchors[toks[q].lower] || closedRound(toks, q) || saidItRaises(toks, q+1) || boughtBy(toks, q))
}

// boughtBy reports whether the words from token q tell a purchase in the
// passive: "been acquired by", "bought by", "snapped up by".
func boughtBy(toks []token, q int) bool {
	if toks[q].lower == "been" {
		q++
	}
	return purchasedBy(toks, q+1) || purchasedBy(toks, q+2)
}

// closedRound reports whether token k reads "closed" or "completed" as a
// company taking money: "closed a $60 million Series B", not "closed its
// purchase of".
func closedRound(toks []token, k int) bool {
	if w := toks[k].lower; w != "closed" && w != "completed" && w != "finalised" && w != "finalized" {
		return false
	}
	next := toks[k+1 : min(len(toks), k+8)]
	return hasPrefixAny(next[:min(len(next), 5)], "$", "€", "£", "¥", "series", "seed", "round", "funding", "financing", "pre-seed") &&
		!hasWordAny(next, "purchase", "acquisition", "takeover", "sale", "merger", "buyout", "deal")
}

// dealNounAfter reports whether the word after runes[end:] names a deal:
// "Character.AI licensing deal", "Windsurf acquisition".
func dealNounAfter(runes []rune, end int) bool {
	rest := strings.ToLower(string(runes[end:min(len(runes), end+24)]))
	rest = strings.TrimLeft(rest, " ")
	for _, w := range []string{"deal", "licensing", "licence", "license", "acquisition", "purchase", "takeover", "buyout", "stake", "investment", "bid", "offer", "tie-up"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// completesPurchase reports whether token k closes a purchase or a merger,
// which makes the name before it the buyer: "completes A$292 million
// takeover of", "has completed its acquisition of", "completes merger
// with" (the survivor buys), not "completed a $60 million Series B".
func completesPurchase(toks []token, k int) bool {
	switch toks[k].lower {
	case "completes", "completed", "closes", "closed", "finalises", "finalizes", "finalised", "finalized":
	default:
		return false
	}
	next := toks[k+1 : min(len(toks), k+6)]
	for i, t := range next {
		switch t.lower {
		case "purchase", "acquisition", "takeover", "buyout":
			return i+1 < len(next) && next[i+1].lower == "of"
		case "merger":
			return i+1 < len(next) && next[i+1].lower == "with"
		}
	}
	return false
}

// saidItRaises reports whether the words from token k, after "said" or
// "says", tell the speaker taking money: "Lingjing Robotics said it
// raised HK$1.18 billion".
func saidItRaises(toks []token, k int) bool {
	if k < 1 || k >= len(toks) || toks[k].lower != "it" || (toks[k-1].lower != "said" && toks[k-1].lower != "says") {
		return false
	}
	for q := k + 1; q < len(toks) && q <= k+3; q++ {
		if w := toks[q].lower; auxWords[w] {
			continue
		} else {
			return afterAnchors[w] || closedRound(toks, q)
		}
	}
	return false
}

// agreedFunding reports whether token k reads "agreed" as a company taking
// money: "has agreed $10 billion of Series J funding", "agreed to raise",
// "agreed to sell" - not "agreed to pay" or "agreed to buy".
func agreedFunding(toks []token, k int) bool {
	if w := toks[k].lower; w != "agreed" && w != "agrees" {
		return false
	}
	if k+1 < len(toks) && toks[k+1].lower == "to" {
		return k+2 < len(toks) && (toks[k+2].lower == "raise" || toks[k+2].lower == "sell")
	}
	// "agrees $240 million deal for Tonebridge" buys.
	return hasPrefixAny(toks[k+1:min(len(toks), k+6)], "$", "funding", "financing", "series", "round", "terms") &&
		!hasWordAny(toks[k+1:min(len(toks), k+7)], "for", "purchase", "acquisition", "takeover", "take-private", "buyout", "merger", "sale")
}

// researcherWords name a founder's former job before the lab it was at.
var researcherWords = set(`researchers chercheurs scientists engineers employees staffers forschern investigadores ingénieurs`)

// publicBody reports whether a government's name, as written, is a body
// that hands out money ("EuroHPC Joint Undertaking", "UK Sovereign AI
// unit") rather than a place ("Beijing", "Korea").
// genericInvestor returns the first backer named only by kind in the deal
// sentences ("state-backed funds"), as the text writes it.
func (s *state) genericInvestor(order []int) string {
	id, ok := s.c.termID["generic_investor"]
	if !ok {
		return ""
	}
	for _, si := range order {
		for _, h := range s.terms {
			if int(h.sent) == si && int(h.feature) == id {
				// "a Jiangsu provincial fund": the place names the fund; a
				// nationality ("Dutch state funds") does not.
				start := int(h.start)
				if b, e := wordBefore(s.text.Runes, start); b < e && b > s.sents[si].Start && unicode.IsUpper(s.text.Runes[b]) && !nationality(string(s.text.Runes[b:e])) {
					start = b
				}
				return string(s.text.Runes[start:h.end])
			}
		}
	}
	return ""
}

// nationality reports whether w reads as a nationality adjective:
// "European", "Dutch", "Chinese", "Korean", "British", "Saudi"; not a
// place such as "Wuhan" or "Shanghai".
func nationality(w string) bool {
	if nationalities[strings.ToLower(w)] {
		return true
	}
	for _, suf := range []string{"ean", "ian", "can", "man", "ch", "sh", "ese", "ic"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// nationalities are the adjectives the suffixes in nationality miss.
var nationalities = set(`saudi israeli emirati qatari kuwaiti omani pakistani bangladeshi thai`)

// nonCapitalFrom are things that come "from" a company without being its
// money: characters, data, chips, staff.
// fundNamed reports whether a found name ends like a fund's or a venture
// firm's ("Tatra Seed Partners", "Mata Atlântica Capital").
func fundNamed(m mention) bool {
	if m.entry >= 0 {
		return false
	}
	l := strings.ToLower(m.name)
	for _, corporate := range []string{" group", " holdings", " holding", " bank"} {
		if strings.HasSuffix(l, corporate) {
			return false // a corporate's name, not a fund's
		}
	}
	return investorSuffix(l)
}

// holderWords after "from X" make X the company whose shares change hands.
var holderWords = set(`employees staff shareholders workers insiders`)

// timeSpans before "after" date an earlier event: "days after", "shortly after".
var timeSpans = set(`days weeks months years hours shortly soon just weeks-long`)

var nonCapitalFrom = set(`characters character content data chips gpus processors hardware servers staff employees
	engineers researchers talent executives users customers orders licences licenses technology models`)

// earlierBackers reports whether the words before a name say it backed the
// company earlier ("has previously raised money from", "earlier backers").
func earlierBackers(toks []token) bool {
	for i, t := range toks {
		switch t.lower {
		case "previously", "formerly":
			return true
		case "earlier", "prior", "past":
			if i+1 < len(toks) && (toks[i+1].lower == "backers" || toks[i+1].lower == "investors" || toks[i+1].lower == "rounds" || toks[i+1].lower == "round") {
				return true
			}
		}
	}
	return false
}

// rivalBefore reports whether the words before token k0 name the company
// as a rival, a benchmark or a supplier rather than a party to the deal.
func rivalBefore(toks []token, k0 int) bool {
	p1 := toks[k0-1].lower
	p2 := ""
	if k0 > 1 {
		p2 = toks[k0-2].lower
	}
	switch p1 {
	case "rival", "rivals", "rivalling", "rivaling", "challenge", "challenges", "challenging", "challenger", "than",
		"versus", "vs", "vs.", "replace", "replacing", "dethrone", "beat", "beating", "outdo", "against":
		return true
	case "to":
		return p2 == "alternative" || p2 == "alternatives" || p2 == "answer" || p2 == "rival" || p2 == "challenger"
	case "of":
		return p2 == "instead" || p2 == "dominance" || p2 == "grip" || p2 == "lead"
	case "with", "on":
		// "US curbs on Nvidia": the company a policy restricts.
		switch p2 {
		case "compete", "competes", "competing", "reliance", "dependence", "curbs", "restrictions", "controls", "ban", "bans",
			"rule", "rules", "limits", "sanctions", "crackdown":
			return true
		case "gap", "up", "par", "pace":
			// "close the gap with Nvidia's CUDA", "catch up with", "on par
			// with", "keep pace with": the one to beat.
			return p1 == "with"
		}
		return false
	case "from":
		return p2 == "chips" || p2 == "gpus" || p2 == "processors" || p2 == "accelerators" || p2 == "hardware" || p2 == "servers"
	}
	return false
}

// moneyScale are the words that end an amount before "of X".
var moneyScale = set(`billion million bn mn m b trillion tn`)

// actsAsBuyer reports whether mention m was placed as a backer or buyer of
// the deal and never as its subject.
func (s *state) actsAsBuyer(m mention, cands []party) bool {
	buyer := false
	for _, p := range cands {
		if p.m.name != m.name {
			continue
		}
		if p.r.target > 0 || p.r.investor <= 0 {
			return false
		}
		buyer = true
	}
	return buyer
}

// namesStartup reports whether a deal sentence speaks of a start-up or
// company being bought ("Jony Ive's device startup"), whose name the text
// may not capitalise.
func (s *state) namesStartup(order []int) bool {
	var toks []token
	sents := order
	if len(s.sents) > 0 && s.sents[0].Zone == rules.ZoneTitle {
		sents = append([]int{0}, order...)
	}
	for _, si := range sents {
		toks = tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, toks[:0])
		for _, t := range toks {
			switch t.lower {
			case "startup", "start-up", "startup's", "start-up's", "company", "firm", "maker":
				return true
			}
		}
	}
	return false
}

func publicBody(name string) bool {
	l := strings.ToLower(name)
	for _, w := range []string{"ministry", "fund", "agency", "joint undertaking", "eurohpc", "commission", "department",
		"council", "bank", "corporation", "authority", "sovereign", "office", "government", "institute",
		// "국민성장펀드", "国家基金", "官民ファンド".
		"펀드", "기금", "基金", "ファンド"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// mergesWith reports whether toks open with a merging verb and "with",
// after "agreed to": "merges with", "agreed to merge with". A closed
// merger ("completes merger with") is completesPurchase's.
func mergesWith(toks []token) bool {
	k := 0
	for k < len(toks) && k < 2 && (toks[k].lower == "to" || toks[k].lower == "agreed" || toks[k].lower == "agrees") {
		k++
	}
	if k+1 >= len(toks) || toks[k+1].lower != "with" {
		return false
	}
	switch toks[k].lower {
	case "merges", "merged", "merge", "merging":
		return true
	}
	return false
}

// frenchPour reports whether the words after a "pour" read as French "for"
// a price: a bare number ("pour 665 millions"), where English "pour" takes
// a currency sign or a word of money.
func frenchPour(rest []token) bool {
	return len(rest) > 0 && rest[0].lower[0] >= '0' && rest[0].lower[0] <= '9'
}

// hasWordAny reports whether one of toks is one of words.
func hasWordAny(toks []token, words ...string) bool {
	for _, t := range toks {
		if slices.Contains(words, t.lower) {
			return true
		}
	}
	return false
}

func hasPrefixAny(toks []token, prefixes ...string) bool {
	for _, t := range toks {
		for _, p := range prefixes {
			if strings.HasPrefix(t.lower, p) {
				return true
			}
		}
	}
	return false
}

type party struct {
	m     mention
	score float64
	r     role
	sent  int
	// backerOnly marks a name from the sentence after a deal sentence
	// ("Jeff Bezos and Thrive Capital also participated."): it may be an
	// investor, never the target.
	backerOnly bool
}

func (s *state) dealFacts(topicSents []int, tr *events.TopicResult) *events.DealFacts {
	order := s.orderSents(topicSents)
	if len(order) > 4 {
		order = order[:4]
	}
	df := &events.DealFacts{}
	var toks []token
	var cands []party
	for _, si := range order {
		toks = tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, toks[:0])
		for _, m := range s.ents {
			if m.sent != si {
				continue
			}
			e := s.entry(m)
			if e != nil && (e.Kind == gazetteer.KindGovernment || e.Kind == gazetteer.KindChip || e.Kind == gazetteer.KindProduct) {
				if e.Kind != gazetteer.KindGovernment || e.Has("adjective") {
					continue
				}
				if !strings.Contains(strings.ToLower(e.Name), "fund") {
					// A public body named as the source of the money ("awarded
					// by the EuroHPC Joint Undertaking") is an investor, under
					// the name the text gives it.
					r := s.roleOf(m, toks)
					surface := string(s.text.Runes[m.start:m.end])
					if r.investor <= 0 || r.target > 0 || !publicBody(surface) {
						continue
					}
					m.name = surface
					cands = append(cands, party{m: m, r: r, sent: si})
					continue
				}
			}
			cands = append(cands, party{m: m, r: s.roleOf(m, toks), sent: si})
		}
	}
	// Backers named in the two sentences after a leading deal sentence.
	var extra []int
	for _, si := range order[:min(2, len(order))] {
		for nx := si + 1; nx <= si+2; nx++ {
			if nx < len(s.sents) && nx <= 5 && !slices.Contains(order, nx) && !slices.Contains(extra, nx) && s.sents[nx].Zone != rules.ZoneTitle {
				extra = append(extra, nx)
			}
		}
	}
	for _, nx := range extra {
		toks = tokenize(s.text.Runes, s.sents[nx].Start, s.sents[nx].End, toks[:0])
		for _, m := range s.ents {
			if m.sent != nx {
				continue
			}
			if e := s.entry(m); e != nil && e.Kind != gazetteer.KindInvestor && !e.Has("investor") {
				continue
			}
			if r := s.roleOf(m, toks); r.investor > 0 && r.target <= 0 || fundNamed(m) && r.target <= 0 && !r.background {
				cands = append(cands, party{m: m, r: r, sent: nx, backerOnly: true})
			}
		}
	}
	// Target: the best-placed AI company. The story's subject is named in
	// more than one of its deal sentences; a name met once may be a word
	// that only stood where a name would ("加上此前的天使轮,百川智能 ...").
	// Only an AI company that no sentence makes a buyer or backer, or names
	// as background or to describe another ("the OpenAI rival"), counts.
	namedIn := map[string]map[int]bool{} // the sentences naming each AI company
	notSubject := map[string]bool{}
	for _, p := range cands {
		switch {
		case p.r.investor > 0 || p.backerOnly || p.r.target < 0 || p.r.background:
			notSubject[p.m.name] = true
		case p.m.ai:
			if namedIn[p.m.name] == nil {
				namedIn[p.m.name] = map[int]bool{}
			}
			namedIn[p.m.name][p.sent] = true
		}
	}
	best := -1
	bestScore := 0.0
	for i := range cands {
		p := &cands[i]
		e := s.entry(p.m)
		sc := p.r.target - p.r.investor + s.sents[p.sent].Weight
		if len(namedIn[p.m.name]) > 1 && !notSubject[p.m.name] {
			sc += 0.5
		}
		if p.m.ai {
			sc += 2
		}
		if e == nil {
			sc += 0.5
		}
		if e != nil && e.Kind != gazetteer.KindAICompany && !p.m.ai {
			sc -= 1.5
		}
		if p.r.background {
			sc -= 1
		}
		p.score = sc
		// A company named as background ("law firm Wilson Sonsini",
		// "ex-OpenAI CTO Mira Murati") is never the one the deal is about.
		if sc > bestScore && (p.m.ai || p.r.target > 0) && !p.backerOnly && !p.r.background && !placeNames[strings.ToLower(p.m.name)] {
			best, bestScore = i, sc
		}
	}
	if best < 0 {
		// "The start-up is raising ...": fall back to the first AI company
		// named in the title or lede, unless it is the one buying or
		// investing ("Anthropic snaps up JavaScript runtime Bun").
		for _, m := range s.ents {
			if !m.ai || m.sent >= len(s.sents) || s.sents[m.sent].Zone == "body" {
				continue
			}
			if s.actsAsBuyer(m, cands) && !s.namesStartup(order) {
				s.aiBuyer = true
				continue
			}
			cands = append(cands, party{m: m, sent: m.sent})
			best = len(cands) - 1
			break
		}
	}
	if best < 0 && s.lifted {
		// The learned scorer took the article for an AI deal: a newly found
		// company in the headline or lede that is not a backer is the
		// target ("Quillfen, a Bergen start-up ..., has raised $18 million").
		for i, p := range cands {
			if p.m.entry < 0 && !p.backerOnly && p.r.investor <= 0 && s.sents[p.sent].Zone != rules.ZoneBody {
				best = i
				break
			}
		}
	}
	if best < 0 && s.modelDeal {
		// Only deal words without any AI word fired, and the target model
		// will judge the target: a newly found company in the headline or
		// lede that is no backer is it ("Dropwise makes an app for
		// couriers ... The Nottingham business has raised £5m").
		for _, m := range s.ents {
			l := strings.ToLower(m.name)
			if m.entry >= 0 || s.sents[m.sent].Zone == rules.ZoneBody || investorName(l) || placeNames[l] || startupNoun(l) || s.personNamed(m.name) {
				continue
			}
			if slices.ContainsFunc(cands, func(p party) bool { return p.m.name == m.name && (p.r.investor > 0 || p.r.background) }) {
				continue
			}
			toks = tokenize(s.text.Runes, s.sents[m.sent].Start, s.sents[m.sent].End, toks[:0])
			if r := s.roleOf(m, toks); r.investor > 0 || r.background {
				continue
			}
			cands = append(cands, party{m: m, sent: m.sent})
			best = len(cands) - 1
			break
		}
	}
	if best >= 0 {
		s.target, s.hasTgt = cands[best].m, true
		df.Target = cands[best].m.name
		tr.Evidence = append(tr.Evidence, s.evidence("deal.target", cands[best].sent))
	}
	// Investors: named as putting money in, not the target, not background.
	seen := map[string]bool{df.Target: true}
	for _, p := range cands {
		if seen[p.m.name] || p.r.background {
			continue
		}
		e := s.entry(p.m)
		// "Die Seed-Runde führt Elbtal Capital an": a found name with a
		// fund's ending in a deal sentence backs the deal in any language.
		isInvestor := e != nil && (e.Kind == gazetteer.KindInvestor || e.Has("investor")) || fundNamed(p.m)
		if p.r.investor <= 0 && !isInvestor {
			continue
		}
		if p.r.target > p.r.investor && !isInvestor {
			continue
		}
		seen[p.m.name] = true
		role := events.RoleParticipant
		if p.r.lead {
			role = events.RoleLead
		}
		df.Investors = append(df.Investors, events.Investor{Name: p.m.name, Role: role})
		if len(df.Investors) == 1 {
			tr.Evidence = append(tr.Evidence, s.evidence("deal.investors", p.sent))
		}
	}
	if len(df.Investors) == 0 {
		// "Seoul's new policy fund will take stakes ...": no backer is
		// named, so report the kind the text gives.
		if g := s.genericInvestor(order); g != "" {
			df.Investors = append(df.Investors, events.Investor{Name: g, Role: events.RoleUnspecified})
		}
	}
	s.dealMoney(order, df, tr)
	df.Type = s.dealType(order, df)
	if df.Target == "" && s.stateBacked(order) {
		// "The government is helping fund some promising start-ups": public
		// money for AI companies in general.
		df.Type = events.DealOther
		if len(df.Investors) == 0 {
			if j := s.actingJurisdiction(order); j != "" {
				df.Investors = append(df.Investors, events.Investor{Name: j + " government", Role: events.RoleUnspecified})
			}
		}
	}
	if len(df.Investors) == 1 && (df.Type == events.DealStrategicInvestment || df.Type == events.DealAcquisition) {
		df.Investors[0].Role = events.RoleLead
	}
	df.Status = s.dealStatus(order)
	tr.Evidence = append(tr.Evidence, s.evidence("deal.type", order[0]))
	return df
}

func (s *state) dealMoney(order []int, df *events.DealFacts, tr *events.TopicResult) {
	var total roundTotal
	var toks []token
	for _, si := range order {
		toks = s.sentenceMoney(si, false, &total, df, tr, toks)
	}
	if df.Amount == nil {
		// "On Monday ServiceNow said it had completed the roughly $2.85
		// billion acquisition": the figure may sit in a sentence of the
		// summary that names no AI company, after the one that does.
		for si := 0; si < min(len(s.sents), 6) && df.Amount == nil; si++ {
			if slices.Contains(order, si) || !s.has(si, fMoney) || !s.dealSentence(si) {
				continue
			}
			toks = s.sentenceMoney(si, false, &total, df, tr, toks)
		}
	}
	if df.Amount == nil && total.m != nil {
		df.Amount = total.m
		tr.Evidence = append(tr.Evidence, s.evidence("deal.amount", total.sent))
	}
	s.valuationFallback(order, df, tr, toks)
}

// roundTotal is the new total of a round that grew ("extends its Series C
// to $208m") and its sentence: the amount when no added figure is given.
type roundTotal struct {
	m    *events.Money
	sent int
}

// roundAfterFigure follow a figure that sizes a round: "$180 million
// Series C".
var roundAfterFigure = set(`series round funding financing seed raise tranche`)

// extendVerbs grow a round to a new total.
var extendVerbs = set(`extends extended extending extend tops topped topping expands expanded expanding
	boosts boosted lifts lifted grows grew increases increased upsizes upsized swells swelled`)

// hasExtendVerb reports whether the words before a figure grow a round:
// "extends Series C to", "tops up its round to".
func hasExtendVerb(before []token) bool {
	for _, t := range before {
		if extendVerbs[t.lower] {
			return true
		}
	}
	return false
}

// dealSentence reports whether sentence si speaks of a capital event.
func (s *state) dealSentence(si int) bool {
	for _, term := range []string{"acq_verb", "raise_verb", "round_noun", "stake_verb", "ipo_word", "deal_word"} {
		if s.termIn(si, term) {
			return true
		}
	}
	return false
}

// sentenceMoney reads the amounts of sentence si into df: the first
// valuation and, unless valOnly, the first deal amount; a round's new total
// goes to total when one is given. It returns toks for reuse.
func (s *state) sentenceMoney(si int, valOnly bool, total *roundTotal, df *events.DealFacts, tr *events.TopicResult, toks []token) []token {
	sent := s.sents[si]
	for _, a := range s.amounts {
		if a.Start < sent.Start || a.Start >= sent.End {
			continue
		}
		// The words since the previous amount in the sentence.
		from := sent.Start
		for _, b := range s.amounts {
			if b.End <= a.Start && b.End > from {
				from = b.End
			}
		}
		toks = tokenize(s.text.Runes, from, a.Start, toks[:0])
		// Six words back, not counting a qualifier ("valuing the
		// data-labelling company at more than $29 billion").
		n := len(toks)
		atFigure := false // "at about $2.5 billion", not "at least"
		toFigure := false // "extends its Series C to $208m", not "up to"
		for n > 0 && qualifierWords[toks[n-1].lower] {
			if toks[n-1].lower == "at" && (n == len(toks) || toks[n].lower != "least") {
				atFigure = true
			}
			if toks[n-1].lower == "to" && (n < 2 || toks[n-2].lower != "up") {
				toFigure = true
			}
			n--
		}
		before := toks[max(0, n-6):n]
		afterToks := tokenize(s.text.Runes, a.End, min(sent.End, a.End+40), nil)
		skip := false
		isVal := false
		for i, t := range before {
			if skipMoneyBefore[t.lower] && i >= len(before)-2 {
				skip = true
			}
			// "a deal worth $400m" sizes the deal, not the company.
			if valuationBefore[t.lower] && (t.lower != "worth" || i == 0 || !dealNouns[before[i-1].lower]) {
				isVal = true
			}
		}
		raw := strings.ToLower(string(s.text.Runes[max(from, a.Start-14):a.Start]))
		for _, w := range []string{"估值", "bewert", "valutazion", "valoris", "valoriz", "valued at", "valuation of", "評価額", "企業価値", "기업가치", "밸류에이션", "valor de mercado", "avaliad", "valorad", "a valer", "valora en", "värder", "wycen", "оценк", "оценива", "оценили", "el valor de", "sitúa el valor", "değerleme", "değeri", "waarder", "valoración", "valuación", "valutat"} {
			if strings.Contains(raw, w) {
				isVal = true
			}
		}
		// "La operación valora la compañía en 61.500 millones", "Värderingen
		// landar på 1,8 miljarder dollar", "que avalia a criadora do Claude
		// em", "la valutazione si aggira sui": a valuing word with its
		// object or verb between it and the figure.
		wide := strings.ToLower(string(s.text.Runes[max(from, a.Start-44):a.Start]))
		for _, w := range []string{"valora la", "valora a", "valoran la", "valoran a", "värderingen", "valorizzando", "que avalia", "valutazione", "valoración", "valorizada", "valorizado"} {
			if at := strings.Index(wide, w); at >= 0 && !strings.ContainsRune(wide[at:], ';') {
				isVal = true
			}
		}
		// "ElevenLabs vale 11 miliardi di dollari", "Mistral vaut 12
		// milliards": a verb of worth right before the figure.
		if n > 0 && worthVerbs[toks[n-1].lower] {
			isVal = true
		}
		if len(before) > 0 && before[len(before)-1].lower == "up" && len(afterToks) > 0 && afterToks[0].lower == "from" {
			skip = true
		}
		// "$2bn valuation", "mit 3,25 Milliarden Dollar bewertet"; not
		// across a clause break ("raises $900m; valuation nears $10bn").
		// The gap runs to the valuation word itself, so "$13bn round,
		// valuation climbs to $183bn" keeps $13bn as the amount.
		gapEnd := a.End + 3
		if len(afterToks) > 1 && afterToks[1].lower == "valuation" && !clauseLinks[afterToks[0].lower] {
			gapEnd = afterToks[1].start
		}
		// An amount may run past the sentence when the splitter took an
		// abbreviation's period for a full stop ("500 Mio. Dollar").
		gap := string(s.text.Runes[min(a.End, sent.End):min(sent.End, gapEnd)])
		if len(afterToks) > 0 && !strings.ContainsAny(gap, ";,") && (afterToks[0].lower == "valuation" || afterToks[0].lower == "bewertet" || afterToks[0].lower == "wert" || (len(afterToks) > 1 && afterToks[1].lower == "valuation" && !clauseLinks[afterToks[0].lower])) {
			isVal = true
		}
		// "values Moonshot, founded last year by Yang Zhilin, at about
		// $2.5 billion": the figure after "at" in a valuing sentence.
		if atFigure && s.termIn(si, "valuation") && !isVal {
			isVal = true
		}
		if len(afterToks) > 0 && (afterToks[0].lower == "revenue" || afterToks[0].lower == "in" && len(afterToks) > 1 && afterToks[1].lower == "revenue") {
			skip = true
		}
		// "priced at $40 a share": a share price, not the deal's size.
		if len(afterToks) > 1 && (afterToks[0].lower == "a" || afterToks[0].lower == "per") && afterToks[1].lower == "share" {
			skip = true
		}
		// "a transaction that people familiar with the matter valued at
		// $2 billion", "put the price at": the price of a purchase.
		// "The deal is worth about $1.7 billion" after a headline purchase
		// counts too, unless the sentence speaks of a raise.
		purchase := s.termIn(si, "acq_verb") || s.termIn(si, "deal_licence") || s.termIn(0, "acq_verb") && !s.termIn(si, "raise_verb") && !s.termIn(si, "round_noun")
		if isVal && purchase && priceOfPurchase(toks[max(0, n-12):n]) || isVal && sizeOfDeal(toks[max(0, n-12):n]) {
			isVal = false
		}
		// "a stake valued at about $135 billion": what a holding is worth
		// values neither the company nor, outside a purchase, the deal.
		if isVal && stakeValued(toks[max(0, n-4):n]) {
			if !purchase {
				continue
			}
			isVal = false
		}
		// "reaches $300bn price tag in SoftBank-backed round": outside a
		// purchase, a price tag values the company.
		if !isVal && !purchase && len(afterToks) > 1 && afterToks[0].lower == "price" && afterToks[1].lower == "tag" {
			isVal = true
		}
		// "priced its IPO at $37": a figure without a scale is a share
		// price, never the size of a deal or a company.
		if a.Value < 1e4 && a.USD < 1e4 {
			skip = true
		}
		// "valuation in $180 million Series C": the figure names the round.
		if isVal && !atFigure && len(afterToks) > 0 && roundAfterFigure[afterToks[0].lower] && (len(before) == 0 || before[len(before)-1].lower == "in") {
			isVal = false
		}
		if skip {
			continue
		}
		m := toMoney(a)
		// "tops up its Series A to $41m": the new total of a round that
		// grew; the money added this time is the deal, when it is given.
		if toFigure && !isVal && hasExtendVerb(before) {
			if total != nil && total.m == nil {
				total.m, total.sent = m, si
			}
			continue
		}
		if isVal {
			if df.Valuation == nil {
				df.Valuation = m
				tr.Evidence = append(tr.Evidence, s.evidence("deal.valuation", si))
			}
			continue
		}
		if df.Amount == nil && !valOnly {
			df.Amount = m
			tr.Evidence = append(tr.Evidence, s.evidence("deal.amount", si))
		}
	}
	return toks
}

// abandonVerbs call a deal off; their subject is the would-be buyer when
// the object is a purchase or a stake.
var abandonVerbs = set(`calls called scraps scrapped abandons abandoned drops dropped walks walked ends ended
	terminates terminated cancels cancelled canceled`)

// clauseLinks join a new clause: "lands $2.3 billion as valuation nearly
// triples" gives the valuation no figure.
var clauseLinks = set(`as and while with after amid but`)

// priceOfPurchase reports whether the words before a figure put a price on
// the purchase itself: a deal noun, then "valued"/"worth" with no company
// as its object in between ("a deal people familiar with it valued at",
// "in a transaction reported to be worth"), or "the price at".
func priceOfPurchase(before []token) bool {
	deal := -1
	for i, t := range before {
		switch t.lower {
		case "deal", "transaction", "acquisition", "purchase", "takeover", "buyout":
			deal = i
		case "company", "startup", "start-up", "firm", "business", "it", "them", "group":
			if deal >= 0 && i > deal && !(t.lower == "it" && i > 0 && before[i-1].lower == "with") {
				deal = -1 // "a deal that values the company at"
			}
		case "price", "prices", "priced":
			if i+1 < len(before) && before[i+1].lower == "at" && (i == 0 || before[i-1].lower != "share") {
				return true
			}
		case "valued", "worth":
			// "familiar with the deal valued it at": the deal.
			if deal >= 0 && !valuedObject(before, i, deal == i-1) {
				return true
			}
		}
	}
	return false
}

// valuedObject reports whether the word at i is "valued" with a company as
// its object ("had valued Kestrel at"), not "valued at". An "it" right after
// a deal noun (itRefersToDeal) is the deal itself.
func valuedObject(before []token, i int, itRefersToDeal bool) bool {
	if before[i].lower != "valued" || i+1 >= len(before) {
		return false
	}
	next := before[i+1].lower
	if next == "it" && itRefersToDeal {
		return false
	}
	return next != "at" && next != "by" && next != "in" && next != "as"
}

// stakeValued reports whether the words before a figure value a holding:
// "a stake valued at", "equity worth about".
func stakeValued(before []token) bool {
	for i, t := range before {
		if t.lower != "valued" && t.lower != "worth" || i == 0 {
			continue
		}
		switch before[i-1].lower {
		case "stake", "stakes", "holding", "holdings", "shareholding", "equity":
			return true
		}
	}
	return false
}

// sizeOfDeal reports whether the words before a figure size a commitment
// or arrangement rather than value a company, whatever the deal is: "a
// commitment that people familiar with the terms valued at", "put the value
// of the arrangement at".
func sizeOfDeal(before []token) bool {
	noun := -1
	for i, t := range before {
		switch t.lower {
		case "commitment", "arrangement", "pact", "package":
			noun = i
		case "company", "startup", "start-up", "firm", "business", "group", "lab", "developer", "maker":
			noun = -1
		case "value":
			if i+2 < len(before) && before[i+1].lower == "of" {
				for _, u := range before[i+2 : min(len(before), i+5)] {
					if dealNouns[u.lower] || u.lower == "arrangement" || u.lower == "pact" || u.lower == "commitment" {
						return true
					}
				}
			}
		case "valued", "worth":
			if noun >= 0 && !valuedObject(before, i, false) {
				return true
			}
		}
	}
	return false
}

func toMoney(a money.Amount) *events.Money {
	return &events.Money{Text: a.Text, Value: a.Value, Currency: a.Currency, USD: a.USD}
}

func (s *state) dealType(order []int, df *events.DealFacts) string {
	top := order[:min(2, len(order))]
	any := func(sents []int, term string) bool {
		for _, si := range sents {
			if s.termIn(si, term) {
				return true
			}
		}
		return false
	}
	// anyMain is any for words in the main clause: "after a Hong Kong IPO
	// boom" does not make a funding round an IPO.
	anyMain := func(sents []int, term string) bool {
		id, ok := s.c.termID[term]
		if !ok {
			return false
		}
		for _, si := range sents {
			bg := s.backgroundStart(si)
			for _, h := range s.terms {
				if int(h.sent) == si && int(h.feature) == id && int(h.start) < bg {
					return true
				}
			}
		}
		return false
	}
	corporates := 0
	for _, inv := range df.Investors {
		if corporateEntry(s.entryNamed(inv.Name)) {
			corporates++
		}
	}
	strongRound := false
	for _, si := range order {
		low := strings.ToLower(s.sentenceText(si))
		for _, w := range roundStrong {
			if hasPhrase(low, w) {
				strongRound = true
			}
		}
	}
	explicitRound, lettered, strategic := false, false, false
	for _, si := range top {
		low := strings.ToLower(s.sentenceText(si))
		for _, w := range roundExplicit {
			explicitRound = explicitRound || hasPhrase(low, w)
		}
		for _, w := range seriesNamed {
			lettered = lettered || hasPhrase(low, w)
		}
		for _, w := range strategicMarkers {
			strategic = strategic || hasPhrase(low, w)
		}
	}
	// paidStake: the headline puts a sum into the company.
	paidStake := s.titleHas("deal_stake") && s.has(0, builtinID("@money"))
	ledBy := false
	for _, si := range order {
		if s.termIn(si, "investor_lead") {
			ledBy = true
		}
	}
	switch {
	case (any(top, "deal_joint") && !anyMain(top[:1], "deal_acquisition") && !lettered) || (corporates >= 2 && len(df.Investors) == corporates && !ledBy && !lettered && any(order, "deal_stake")):
		return events.DealJointInvestment
	case anyMain(top, "deal_placement") && !anyMain(top[:1], "deal_acquisition") && (!anyMain(top[:1], "deal_stake") || s.titleHas("deal_placement")):
		// A listed company selling new shares to investors; a headline
		// "top-up placement" stays one.
		return events.DealOther
	case (anyMain(top[:1], "deal_licence") || anyMain(top, "deal_licence") && !anyMain(top, "deal_acquisition")) && !s.titleHas("deal_stake", "deal_licence") && !paidStake:
		// Licence-and-hire: pays for the technology and the people. A stake
		// named in the headline beside a licence ("takes $1bn stake in
		// OpenAI and licenses its characters", "Disney to invest $1
		// billion in OpenAI, license characters for Sora") is the capital
		// event.
		return events.DealOther
	case anyMain(top, "deal_ipo") && !explicitRound:
		return events.DealIPO
	case strategic && !explicitRound:
		return events.DealStrategicInvestment
	case anyMain(top, "deal_acquisition") && !s.stakeIn(top[0], df.Target) && !s.proceedsToBuy():
		return events.DealAcquisition
	case (any(order, "deal_other") || s.titleHas("deal_other")) && !strongRound && !any(order, "deal_acquisition") && !paidStake:
		return events.DealOther
	case strongRound && s.corporateShare(top, df) && !s.titleHas("investor_lead") && !s.titleHas("raise_verb") && !s.titleLeads():
		// A corporate or state backer named with the share it takes
		// ("invests €1.3bn for about 11%, as part of a Series C") is a
		// strategic stake even inside a round; a headline in which it
		// leads, or in which the company raises, tells of the round.
		return events.DealStrategicInvestment
	case strongRound && !(len(df.Investors) == 1 && corporates == 1 && any(top, "deal_stake") && !any(top, "round_noun")):
		return events.DealFundingRound
	case any(order, "deal_stake"):
		return events.DealStrategicInvestment
	case any(order, "deal_acquisition"):
		return events.DealAcquisition
	case any(order, "deal_ipo"):
		return events.DealIPO
	}
	return events.DealFundingRound
}

// hasPhrase reports whether low holds w starting at a word boundary:
// "led by" is not in "controlled by". A phrase that starts with a
// non-ASCII letter (融资, シリーズ), or follows a CJK character
// ("完成A轮"), needs no boundary.
func hasPhrase(low, w string) bool {
	if w == "" {
		return false
	}
	for off := 0; ; {
		i := strings.Index(low[off:], w)
		if i < 0 {
			return false
		}
		i += off
		if i == 0 || !isASCIILetter(w[0]) {
			return true
		}
		if r, _ := utf8.DecodeLastRuneInString(low[:i]); r >= 0x2e80 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		off = i + 1
	}
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// shareWords name a holding; beside a percentage they state the share an
// investor takes ("a stake of about 11%", "20% 지분").
var shareWords = []string{"stake", "shareholder", "shareholding", "holding of", "of the company", "participação", "participación",
	"participation", "beteiligung", "belang", "quota", "지분", "股份", "股权", "持股", "株式"}

// corporateShare reports whether the first-named investor is a corporate
// or state backer and the opening sentences state the share it takes.
func (s *state) corporateShare(top []int, df *events.DealFacts) bool {
	if len(df.Investors) == 0 || !s.corporateOrState(df.Investors[0].Name) {
		return false
	}
	for _, si := range top {
		low := strings.ToLower(s.sentenceText(si))
		if !percentShare(low) {
			continue
		}
		for _, w := range shareWords {
			if hasPhrase(low, w) {
				return true
			}
		}
	}
	return false
}

// percentShare reports whether text has a figure followed by a percent
// sign or word.
func percentShare(low string) bool {
	for i := 0; i < len(low); i++ {
		if low[i] < '0' || low[i] > '9' {
			continue
		}
		j := i + 1
		for j < len(low) && (low[j] >= '0' && low[j] <= '9' || low[j] == '.' || low[j] == ',') {
			j++
		}
		rest := strings.TrimLeft(low[j:], " ")
		for _, p := range []string{"%", "per cent", "percent", "procent", "pour cent", "por ciento", "por cento", "per cento", "prozent"} {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
		i = j
	}
	return false
}

// titleLeads reports whether the headline has an investor lead a deal
// ("ASML spearheads €1.7bn Series C").
func (s *state) titleLeads() bool {
	if len(s.sents) == 0 || s.sents[0].Zone != rules.ZoneTitle {
		return false
	}
	for _, t := range tokenize(s.text.Runes, s.sents[0].Start, s.sents[0].End, nil) {
		switch t.lower {
		case "leads", "led", "spearheads", "spearheaded", "heads", "headed", "co-leads", "co-led":
			return true
		}
	}
	return false
}

// corporateOrState reports whether name is a corporate, an AI company,
// a chip or tool maker, a sovereign fund or a public body.
func (s *state) corporateOrState(name string) bool {
	if e := s.entryNamed(name); e != nil {
		return corporateEntry(e) || e.Has("sovereign") || e.Kind == gazetteer.KindGovernment
	}
	return publicBody(name) && !strings.Contains(strings.ToLower(name), "capital")
}

// corporateEntry reports whether e is a company investing from its own
// balance sheet: a corporate investor, an AI company, a chip or tool maker.
func corporateEntry(e *gazetteer.Entry) bool {
	return e != nil && (e.Has("corporate") || e.Kind == gazetteer.KindChipmaker || e.Kind == gazetteer.KindAICompany || e.Kind == gazetteer.KindToolMaker)
}

// entryNamed returns the gazetteer entry of the first mention called name,
// or nil when that mention is a newly found name (or there is none).
func (s *state) entryNamed(name string) *gazetteer.Entry {
	for _, m := range s.ents {
		if m.name == name {
			return s.entry(m)
		}
	}
	return nil
}

// proceedsToBuy reports whether the headline raises money before it names
// a purchase: "raises 1.2 billion yuan to buy computing capacity" says what
// the money is for, not that the company is bought.
func (s *state) proceedsToBuy() bool {
	if len(s.sents) == 0 || s.sents[0].Zone != rules.ZoneTitle {
		return false
	}
	r, a := s.termStart(0, "raise_verb"), s.termStart(0, "deal_acquisition")
	return r >= 0 && a > r
}

// stakeNouns name a holding outright, so a sentence with one tells of a
// stake even when it describes the target instead of naming it ("takes
// stake in Hanoi AI-chip designer").
var stakeNouns = []string{"stake", "stakes", "shares in", "equity", "入股", "持股", "지분", "出資"}

// stakeIn reports whether sentence si holds a stake word about this deal:
// it also names the target, a figure, a share or a holding. "Meta makes a
// year-end bet on AI agents" is a figure of speech over a lede in which
// Meta agrees to acquire Manus.
func (s *state) stakeIn(si int, target string) bool {
	if !s.termIn(si, "deal_stake") {
		return false
	}
	low := strings.ToLower(s.sentenceText(si))
	if s.has(si, builtinID("@money")) || percentShare(low) {
		return true
	}
	for _, w := range stakeNouns {
		if hasPhrase(low, w) {
			return true
		}
	}
	for _, m := range s.ents {
		if m.sent == si && m.name == target {
			return true
		}
	}
	return false
}

// titleHas reports whether the headline holds every one of terms.
func (s *state) titleHas(terms ...string) bool {
	if len(s.sents) == 0 || s.sents[0].Zone != rules.ZoneTitle {
		return false
	}
	for _, t := range terms {
		if !s.termIn(0, t) {
			return false
		}
	}
	return true
}

func (s *state) dealStatus(order []int) string {
	sents := order[:min(3, len(order))]
	for _, st := range []struct{ term, status string }{
		{"status_called_off", events.DealCalledOff},
		{"status_in_talks", events.DealInTalks},
		{"status_completed", events.DealCompleted},
		{"status_reported", events.DealRumoured},
		{"status_announced", events.DealAnnounced},
	} {
		for _, si := range sents {
			if s.termIn(si, st.term) {
				return st.status
			}
		}
	}
	return events.DealAnnounced
}

// stateBacked reports whether a government or state fund is named as the
// source of money in the deal sentences.
func (s *state) stateBacked(order []int) bool {
	for _, si := range order {
		// A government named only as a place ("an AI start-up of
		// Singapore") gives no money.
		if s.termIn(si, "state_funding") || s.termIn(si, "gov_subject") && (s.termIn(si, "deal_other") || s.termIn(si, "stake_verb") || s.termIn(si, "subsidy_word")) {
			return true
		}
	}
	return false
}

// actingJurisdiction returns the first acting government named in the deal
// sentences or the title.
func (s *state) actingJurisdiction(order []int) string {
	sents := append([]int{0}, order...)
	for _, si := range sents {
		for _, m := range s.ents {
			if e := s.entry(m); m.sent == si && e != nil && e.Kind == gazetteer.KindGovernment && !e.Has("adjective") {
				return e.Jurisdiction
			}
		}
	}
	return ""
}

// isGovernment reports whether m names a government or a place.
func (s *state) isGovernment(m mention) bool {
	e := s.entry(m)
	return e != nil && e.Kind == gazetteer.KindGovernment
}
