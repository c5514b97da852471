package classify

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

// token is a word of a sentence: letters and digits with inner joiners
// ("Run:ai", "01.AI", "Alibaba-backed", "Moonshot's").
type token struct {
	start, end int
	text       string
	lower      string
}

func tokenize(runes []rune, from, to int, dst []token) []token {
	i := from
	for i < to {
		if !isWordRune(runes[i]) {
			i++
			continue
		}
		j := i + 1
		for j < to {
			if isWordRune(runes[j]) {
				j++
				continue
			}
			if (runes[j] == '.' || runes[j] == ':' || runes[j] == '&' || runes[j] == '\'' || runes[j] == '\u2019' || runes[j] == '-') &&
				j+1 < to && isWordRune(runes[j+1]) {
				j += 2
				continue
			}
			break
		}
		t := string(runes[i:j])
		dst = append(dst, token{start: i, end: j, text: t, lower: strings.ToLower(t)})
		i = j
	}
	return dst
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$'
}

func isCap(t token) bool {
	r := []rune(t.text)[0]
	if unicode.IsUpper(r) {
		return true
	}
	// "xAI", "d-Matrix", "01.AI": a lower-case or digit start with capitals inside.
	for _, x := range t.text[1:] {
		if unicode.IsUpper(x) {
			return unicode.IsLetter(r) || unicode.IsDigit(r)
		}
	}
	return false
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var (
	nameStops = set(`raises raised raise raising secures secured lands landed bags nabs closes closed valued files filed
		debuts debut plans planned is are was were has have had said says announced announces gets got snags hits nets eyes
		seeks seeking weighs in to for at with on as from by after amid of and or the a an its their his her talks deal deals
		funding round series ipo valuation billion million bn new latest acquires acquire acquired acquisition buys buy bought
		invests invest invested investment backs backed leads led takes completes completed agrees agreed doubles triples soars
		jumps surges sees nears wins inks signs launches unveils hires taps could may will would should be what why how who
		this that these those it he she they we report reports reportedly sources exclusive update breaking analysis opinion
		startup start-up startups stake shares stock up down over than more about into via amid against per vs not no
		considers considering explores exploring weighing mulls targets aims seeks nears investors backers shareholders
		hr runde finanzierungsrunde ronde ronda`)
	descriptors = set(`ai a.i. chinese us u.s. american french german british uk israeli indian japanese korean south
		european swedish canadian dutch swiss singaporean saudi emirati taiwanese chip chipmaker chip-maker designer maker developer company
		firm lab unicorn coding defense defence search voice video humanoid robot robotics-startup generative cloud software platform
		rival exclusive tech two three data group giant legal healthcare agent agents hardware model models inference gpu
		accelerator accelerators industrial enterprise agentic state-backed state-owned government-backed state-run sovereign
		danish finnish norwegian polish irish spanish italian austrian belgian brazilian mexican argentine chilean
		estonian czech hungarian portuguese greek turkish vietnamese indonesian thai malaysian australian
		paris-based london-based berlin-based munich-based beijing-based shanghai-based hangzhou-based shenzhen-based
		ki-start-up ki-startup ki-firma ia cổ
		san francisco-based new york-based toronto-based tel aviv-based seoul-based tokyo-based`)
	beforeAnchors = set(`startup start-up company firm developer maker designer lab rival platform acquire acquires acquired
		outfit license licence unternehmen ki-start-up start-up-unternehmen pousse société entreprise
		acquiring buy buys bought buying into backing unicorn chipmaker newcomer challenger builder provider specialist
		including from competitor ia ty phần tnhh spółka spółki girişimi şirketi стартапа стартап стартапом`)
	afterAnchors = set(`raises raised raising secures secured lands landed bags nabs closes valued files filed debuts plans
		emerges emerged
		gets snags nets seeks weighs completes soars surges jumps doubles triples sees nears hits eyes tops
		targets considers explores mulls sammelt lève raccoglie erhält obtient boucle scores pockets adds
		places capta cierra levanta recauda consigue obtiene announces pozyskał pozyskała zebrał zebrała zamknął zamknęła
		henter hentet haalt haalde angariou získal získala`)
	infinitiveVerbs = set(`scale expand build grow accelerate boost fund develop bring power fuel help advance deploy
		speed push take extend bolster automate train hire`)
	afterNeedsNext = set(`is has to in said announced opens opened`)
	afterNext      = set(`raising seeking valued raised raise talks list go ipo closed secured sell selling listing float added
		going public exploring considering weighing buy acquire with buying acquiring purchasing`)
	possessiveNext = set(`ipo valuation funding listing debut fundraising round new latest fresh series technology tech models agent agents founders
		inference team staff engineers employees researchers assets patents`)
	startupWords = set(`startup start-up company developer maker firm lab platform designer provider unicorn outfit venture
		newcomer specialist builder app spinout spin-off spin-out tool scale-up scaleup`)
)

// discoverNames finds company names that the gazetteer lacks, from their
// place next to deal words: "Acme Robotics AI raises $20M", "AI startup
// Callosum", "agreed to buy Vexa Labs".
func (s *state) discoverNames() {
	runes := s.text.Runes
	limit := min(len(s.sents), 8)
	// Each sentence is tokenized once, into buffers the pooled state keeps,
	// for the places and then for the names.
	for len(s.nameToks) < limit {
		s.nameToks = append(s.nameToks, nil)
	}
	for si := 0; si < limit; si++ {
		s.nameToks[si] = tokenize(runes, s.sents[si].Start, s.sents[si].End, s.nameToks[si][:0])
	}
	s.findPlaces(s.nameToks[:limit])
	for si := 0; si < limit; si++ {
		s.cjkNames(si)
		toks := s.nameToks[si]
		for i := 0; i < len(toks); {
			if !isCap(toks[i]) || nameStops[toks[i].lower] {
				i++
				continue
			}
			j := i + 1
			// A possessive ends the run: "Alphabet's Isomorphic Labs" is
			// an owner and the name it owns.
			for j < len(toks) && !isPossessive(toks[j-1]) && isCap(toks[j]) && (!nameStops[toks[j].lower] || nameInner[toks[j].text]) && onlySpaceBetween(runes, toks[j-1].end, toks[j].start) {
				j++
			}
			s.considerName(si, toks, i, j)
			i = j
		}
	}
}

// placeDeterminers and placeNouns frame a place that the text uses to
// qualify a company: "a Halifax company", "the Tashkent firm".
var (
	placeDeterminers = set(`a an the this`)
	placeNouns       = set(`company firm start-up startup outfit`)
	placeLeads       = set(`based headquartered founded`)
)

// findPlaces collects the unknown capitalised runs that the sentences,
// given as tokens, use as places: "a Katowice start-up", "the Portland firm",
// "based in Redruth". placeNames lists the common cities; this catches the
// rest, so that "Halifax's Tidewise" or "stake in Katowice rock-burst
// predictor" elsewhere in the same text names no company Halifax or
// Katowice.
func (s *state) findPlaces(sentToks [][]token) {
	clear(s.places)
	runes := s.text.Runes
	for _, toks := range sentToks {
		for i := 1; i < len(toks); i++ {
			framed := placeDeterminers[toks[i-1].lower]
			led := i > 1 && toks[i-1].lower == "in" && placeLeads[toks[i-2].lower]
			if !framed && !led || !isCap(toks[i]) || nameStops[toks[i].lower] || descriptors[toks[i].lower] {
				continue
			}
			j := i + 1
			for j < len(toks) && j-i < 3 && isCap(toks[j]) && !nameStops[toks[j].lower] && !descriptors[toks[j].lower] && onlySpaceBetween(runes, toks[j-1].end, toks[j].start) {
				j++
			}
			// "The Browser Company" is a name: the noun is in lower case.
			if framed && (j == len(toks) || !placeNouns[toks[j].lower] || isCap(toks[j]) || !onlySpaceBetween(runes, toks[j-1].end, toks[j].start)) {
				continue
			}
			if s.overlapsMention(toks[i].start, toks[j-1].end) {
				continue // "a SoftBank company": a known name owns it
			}
			if s.places == nil {
				s.places = map[string]bool{}
			}
			s.places[strings.ToLower(string(runes[toks[i].start:toks[j-1].end]))] = true
		}
	}
}

// overlapsMention reports whether a found name overlaps runes [from, to).
func (s *state) overlapsMention(from, to int) bool {
	for _, m := range s.ents {
		if m.start < to && from < m.end {
			return true
		}
	}
	return false
}

// personTitles are words between a company and a person ("Spotify founder
// Daniel Ek") or before a person ("former Google chief Eric Schmidt").
var personTitles = set(`founder co-founder cofounder ceo chief executive chairman chairwoman boss owner president
	billionaire investor entrepreneur former partner head scientist researcher professor tycoon`)

// backerWords open a list of backers.
var backerWords = set(`including include includes included alongside backers`)

// verbFirstOpeners are backers' verbs that stand before their subjects, as
// German, Dutch, Spanish and Italian put them: "Die Runde führte Index
// Ventures an, daneben investierten ICONIQ Growth und WiL", "zudem
// beteiligten sich General Catalyst und MätchVC", "En la ronda
// participaron Kaszek y Monashees". The names after them are backers.
var verbFirstOpeners = []string{"führte", "führt", "führten", "investierten", "investierte", "beteiligten sich",
	"beteiligte sich", "beteiligen sich", "beteiligt sich", "sie vom", "lead-investor ist", "leadinvestor ist",
	"lead-investor war", "hauptinvestor ist", "lead investor is", "lead investor was", "investeerden", "investeerde",
	"deden mee", "participaron", "participan", "participó", "hanno partecipato", "ha partecipato", "partecipano"}

var verbFirstSet = func() map[string]bool {
	m := make(map[string]bool, len(verbFirstOpeners))
	for _, w := range verbFirstOpeners {
		m[w] = true
	}
	return m
}()

// afterBackerMarker reports whether token i follows a backer marker, over a
// list of names, commas, "and" and person titles: "led by", "backed by",
// "with participation from", "backers including", or "from" after an
// amount or a funding word.
func afterBackerMarker(toks []token, i int) bool {
	b := i - 1
	for b >= 0 && i-b <= 14 && (andWords[toks[b].lower] || personTitles[toks[b].lower] || (isCap(toks[b]) && !nameStops[toks[b].lower]) || toks[b].lower == "former" || toks[b].lower == "its" || investorDescriptors[toks[b].lower] || !isCap(toks[b]) && placeAdjective(toks[b].lower)) {
		if b == i-1 && isPossessive(toks[b]) {
			return false // "alongside Microsoft's Ignite": owned, not a backer
		}
		b--
	}
	if b < 0 || b == i-1 && false {
		return false
	}
	w := toks[b].lower
	switch {
	case backerWords[w]:
		return true
	case (w == "von" || w == "par") && b > 0:
		p := toks[b-1].lower
		return p == "runde" || p == "angeführt" || p == "geführt" || p == "menée" || p == "mené" || p == "dirigée" || p == "menés" || p == "sie"
	case listMarkers[w] || b > 0 && listMarkers[toks[b-1].lower+" "+w]:
		return true
	case verbFirstSet[w] || b > 0 && verbFirstSet[toks[b-1].lower+" "+w]:
		return true
	case (w == "por" || w == "pelo" || w == "pela") && b > 0:
		// "liderada pelo fundo X", "liderada por X".
		p := toks[b-1].lower
		return strings.HasPrefix(p, "liderad") || strings.HasPrefix(p, "encabezad") || strings.HasPrefix(p, "co-liderad")
	case w == "by" && b > 0:
		p := toks[b-1].lower
		return p == "led" || p == "co-led" || p == "backed" || p == "co-backed" || p == "funded" || p == "financed" || p == "joined" || p == "spearheaded" || p == "anchored" || p == "headed" ||
			// "has agreed to be bought by Dassault Systèmes": the buyer.
			purchasedBy(toks, b)
	case w == "from":
		if b > 0 && nonCapitalFrom[toks[b-1].lower] {
			return false // "characters from Disney"
		}
		for k := max(0, b-10); k < b; k++ {
			t := toks[k].lower
			if strings.ContainsAny(t, "0123456789$") || fundingWords[t] {
				return true
			}
		}
	}
	return false
}

// listMarkers open a list of backers in the languages the cues cover:
// "guidato da X", "onder leiding van X", "También entran X, Y y Z",
// "Bestaande investeerders X en Y".
var listMarkers = map[string]bool{
	"guidato da": true, "guidata da": true, "guidati da": true, "guidato dal": true, "guidata dal": true,
	"partecipato anche": true, "partecipazione di": true, "también entran": true, "participación de": true,
	"participação de": true, "leiding van": true, "aangevoerd door": true, "deelname van": true,
	"angeführt vom": true, "runde vom": true, "und von": true, "participation de": true,
	"auquel participent": true, "auquel participe": true, "entran": true,
	"investeerders": true, "investoren": true, "investisseurs": true, "inversores": true, "investidores": true,
	"dipimpin": true, "dipimpin oleh": true, "geldgebern zählen": true, "investoren zählen": true, "zählen auch": true,
}

var fundingWords = set(`raised raises raising funding financing investment investments round capital money backing secured
	participation backers investors`)

func onlySpaceBetween(runes []rune, a, b int) bool {
	for k := a; k < b; k++ {
		if runes[k] != ' ' {
			return false
		}
	}
	return true
}

func (s *state) considerName(si int, toks []token, i, j int) {
	runes := s.text.Runes
	ai := false
	// Strip leading descriptors ("AI Startup Callosum" -> "Callosum"), but
	// not from a name an owner's possessive introduces ("Amazon's Industrial
	// Innovation Fund").
	owned := i > 0 && isPossessive(toks[i-1]) && onlySpaceBetween(runes, toks[i-1].end, toks[i].start)
	i0, ai0 := i, ai
	if r := []rune(toks[i].text); len(r) > 2 && (r[1] == '\'' || r[1] == '’') {
		// "L'éditeur", "D'autres": an elided article before a common noun.
		if unicode.IsLower(r[2]) {
			return
		}
		// "start-up d'IA", "rachat d'Helsing": a lower-case elided article
		// is no part of the name after it.
		if r[0] == 'd' || r[0] == 'l' {
			t := string(r[2:])
			toks[i] = token{start: toks[i].start + 2, end: toks[i].end, text: t, lower: strings.ToLower(t)}
		}
	}
	// "Linzer Versicherungs-Start-up": a German compound that ends in a
	// start-up word describes a company; it names none.
	if w := toks[j-1].lower; strings.HasSuffix(w, "-start-up") || strings.HasSuffix(w, "-startup") {
		return
	}
	// "Münchner KI-Start-up Kairos Robotics": in a title-case headline a
	// start-up word inside the run ends its descriptors.
	for d := j - 2; !owned && d >= i; d-- {
		if w := toks[d].lower; strings.Contains(w, "start-up") || strings.Contains(w, "startup") {
			i = d + 1
			break
		}
	}
	for !owned && i < j-1 && (descriptors[toks[i].lower] || placeQualifier(toks[i].lower) || compoundRole(toks[i].lower) || aiCompound(toks[i].lower) || dutchPlaceAdjective(toks[i].lower)) {
		ai = ai || toks[i].lower == "ai" || aiCompound(toks[i].lower)
		i++
	}
	// "UK Sovereign Chip Fund", "AI Fund": the descriptors are the name
	// when only an investor's ending would be left.
	whole := i == j-1 && i > i0 && investorSuffix(" "+toks[i].lower)
	if whole {
		i, ai = i0, ai0
	}
	// "... Series A to Scale Agentic AI": in a title-case headline the verb
	// after "to" is no part of a name.
	for i < j-1 && i > 0 && toks[i-1].lower == "to" && infinitiveVerbs[toks[i].lower] {
		i++
	}
	if descriptors[toks[i].lower] && !whole {
		return
	}
	if p, q, ok := possessedName(toks, i, j); ok {
		s.considerOwned(si, toks, p, q)
		return
	}
	// A place named as where a company sits ("d-Matrix, based in Santa
	// Clara") is no party to the deal.
	if i > 1 && toks[i-1].lower == "in" && (toks[i-2].lower == "based" || toks[i-2].lower == "headquartered" || toks[i-2].lower == "located") {
		return
	}
	// "Toronto research-agent start-up Ottogrid": a run followed by
	// lower-case words and a company noun qualifies that company.
	for k := j; k < min(len(toks), j+4) && onlySpaceBetween(runes, toks[k-1].end, toks[k].start); k++ {
		w := toks[k].lower
		if isCap(toks[k]) || afterAnchors[w] || backerVerbs[w] || investorVerbs[w] || nameStops[w] || auxWords[w] {
			break
		}
		if startupWords[w] && k > j {
			return
		}
	}
	// A run that qualifies the next words ("Informatica-rival AI firm X",
	// "London AI inference chip developer X", "the San Francisco AI
	// group") is no name.
	for k := j; k < min(len(toks), j+4) && onlySpaceBetween(runes, toks[k-1].end, toks[k].start); k++ {
		if startupWords[toks[k].lower] || toks[k].lower == "group" {
			return
		}
		if !descriptors[toks[k].lower] && !strings.Contains(toks[k].lower, "-ai") {
			break
		}
	}
	last := toks[j-1]
	possessive := strings.HasSuffix(last.lower, "'s") || strings.HasSuffix(last.lower, "\u2019s")
	// "Microsoft's Ignite conference": an event, not a company.
	if j < len(toks) && eventWords[toks[j].lower] {
		return
	}
	anchored := false
	if i > 1 && placeAdjective(toks[i-1].lower) && beforeAnchors[toks[i-2].lower] {
		// "la startup milanese Claimora", "la start-up lyonnaise X".
		anchored = true
	}
	if i > 0 && (anchorWord(toks[i-1].lower) || phrasalBuy(toks, i) && !isPossessive(toks[j-1]) && !placeAdjective(toks[i].lower)) {
		anchored = true
		for k := max(0, i-4); k < i; k++ {
			ai = ai || toks[k].lower == "ai" || toks[k].lower == "a.i."
		}
	}
	// "hires Voxel founders", "poaches Adept's chief executive": the
	// company whose people are hired in a licence-and-hire deal.
	if i > 0 && hireVerbs[toks[i-1].lower] && j < len(toks) && personTitles[strings.TrimSuffix(toks[j].lower, "s")] {
		anchored = true
	}
	// "Paramount said on Thursday it would make a $500m equity investment":
	// the speaker of an investment.
	if j+1 < len(toks) && (toks[j].lower == "said" || toks[j].lower == "says") && saysItInvests(toks[j+1:min(len(toks), j+12)]) {
		anchored = true
	}
	// "starting with X", "such as X": a company named from a list.
	if listOpener(toks, i) {
		anchored = true
	}
	// "acquired by specialty insurer Castlegate Group": the buyer.
	if buyerAfterBy(toks, i) {
		anchored = true
	}
	// "led by X", "co-led by X": an investor.
	if i > 1 && toks[i-1].lower == "by" && (toks[i-2].lower == "led" || toks[i-2].lower == "co-led" || toks[i-2].lower == "backed") {
		anchored = true
	}
	// "backed by Spotify founder Daniel Ek", "from Sequoia, Lux and Eric
	// Schmidt": names listed after a backer marker are investors.
	if afterBackerMarker(toks, i) {
		anchored = true
	}
	// A multi-word name ending in "AI" or "Labs" is a company name.
	if j-i >= 2 && (toks[j-1].text == "AI" || toks[j-1].text == "Labs") {
		anchored = true
	}
	if i > 1 && toks[i-1].lower == "in" && (strings.HasPrefix(toks[i-2].lower, "invest") || strings.HasPrefix(toks[i-2].lower, "stake") || roundIn(toks, i-2)) {
		anchored = true
	}
	// "will pay $210 million in cash for Inkwell": what is bought.
	if paidForName(runes, toks, i, j) {
		anchored = true
	}
	// "Hugging Face met la main sur Pollen Robotics", "s'offre le bordelais
	// Pollen Robotics": what is bought.
	if frenchBought(toks, i) {
		anchored = true
	}
	if i > 1 && toks[i-1].lower == "of" && (toks[i-2].lower == "acquisition" || toks[i-2].lower == "takeover" || toks[i-2].lower == "purchase" || toks[i-2].lower == "take-private" || toks[i-2].lower == "buyout") {
		anchored = true
	}
	// "Amplify Partners led the cheque", "Jeff Bezos and Thrive Capital also
	// participated", "Siemens takes a minority stake": a backer's name.
	// "Varro Industrial calls off its purchase": a would-be buyer.
	if k := skipCoordinated(toks, j); k < len(toks) && (backerVerbs[toks[k].lower] || abandonVerbs[toks[k].lower]) && !personTitles[toks[i].lower] {
		anchored = true
	}
	// "State-backed Qasr Holding will invest $250 million": a backer; its
	// sentence's AI words describe the company it invests in.
	backer := false
	if k := j + 1; k < len(toks) && (toks[j].lower == "will" || toks[j].lower == "would" || toks[j].lower == "to") {
		if k+1 < len(toks) && (toks[k].lower == "together" || toks[k].lower == "jointly" || toks[k].lower == "also") {
			k++ // "will together invest"
		}
		if w := toks[k].lower; w == "invest" || w == "inject" || w == "lead" || w == "back" {
			anchored, backer = true, true
		}
	}
	if j < len(toks) {
		next := toks[j].lower
		switch {
		case possessive && possessiveNext[next]:
			anchored = true
		case afterAnchors[next]:
			anchored = true
		case afterNeedsNext[next] && j+1 < len(toks) && afterNext[toks[j+1].lower]:
			anchored = true
		case next == "met" && j+2 < len(toks) && toks[j+1].lower == "la" && toks[j+2].lower == "main":
			// "Corvane met la main sur Pollenwise Robotics": the buyer.
			anchored = true
		case buyerPaysFor(toks, j):
			// "Thomson Reuters will pay $650 million in cash for Casetext".
			anchored = true
		case (next == "prices" || next == "priced") && hasWordAny(toks[j+1:min(len(toks), j+6)], "ipo", "listing", "offering", "shares"):
			// "Quillbyte prices Nasdaq IPO at $18".
			anchored = true
		case saidItRaises(toks, j+1) && (i == 0 || startupNoun(toks[i-1].lower)):
			// "Lingjing Robotics said it raised HK$1.18 billion", at the
			// start of its sentence or after a start-up word, not at the
			// end of a clause ("... cameras, cars and PCs, said it raised").
			anchored = true
		}
	}
	// Appositive: "Callosum, a startup that ...", "Foldline, founded by
	// ...", "Lumenwave, which builds ...".
	if !anchored && last.end < len(runes) && runes[last.end] == ',' && j < len(toks) && !isCap(toks[j]) {
		for k := j; k < min(len(toks), j+5); k++ {
			if startupNoun(toks[k].lower) || k == j && appositiveOpeners[toks[k].lower] {
				anchored = true
				break
			}
		}
	}
	// "Bovisense fits dairy cows with collar sensors and uses machine
	// learning to ...", "Pactia, con sede en Guadalajara, usa modelos de
	// lenguaje": a name that opens a sentence describing an AI company,
	// followed by its verb, is that company.
	// In the lede such a name is a company whatever it does ("Dropwise
	// makes an app for parcel couriers that rebuilds each route"): the
	// target gate then decides whether it is an AI company.
	if !anchored && (i == 0 || i == 1 && articles[toks[0].lower]) && s.namedSubject(si) && (s.aiDescribed(si) || s.sents[si].Zone == rules.ZoneLede) {
		anchored = true
	}
	// The subject of the sentence ("Pebblecast snags ...", "Marlow, a
	// Lisbon company building AI agents") rather than a backer.
	subject := anchored && !backer && !afterBackerMarker(toks, i) && !buyerAfterBy(toks, i)
	// "Blackbird Ventures", "Tanjong Capital": a multi-word name with an
	// investor's ending is an organisation; its place decides its role.
	suffixOnly := false
	if !anchored && j-i >= 2 && investorSuffix(strings.ToLower(string(runes[toks[i].start:last.end]))) && !possessive && (j == len(toks) || !isCap(toks[j]) || !onlySpaceBetween(runes, last.end, toks[j].start)) {
		anchored, suffixOnly = true, true
	}
	if !anchored {
		return
	}
	start, end := toks[i].start, last.end
	if possessive {
		end -= 2
	}
	name := string(runes[start:end])
	if len([]rune(name)) < 2 && !letterCompany(toks, i, runes, last.end) || !hasLetter(name) {
		return
	}
	lname := strings.ToLower(name)
	// "priced its shares at HK$3.99": a price is no company, nor is a day
	// ("ahead of Thursday's debut").
	if strings.ContainsAny(name, "$€£¥₹₩") || calendarWords[lname] {
		return
	}
	// "Birmingham's Lexwell": a place's possessive locates the company
	// after it.
	if possessive && placeNames[lname] || s.places[lname] {
		return
	}
	// "former OpenAI technology chief Mira Murati": a person, unless named
	// as a backer ("backed by Spotify founder Daniel Ek").
	if !afterBackerMarker(toks, i) && s.personNamed(name) || s.runsCompany(name) {
		return
	}
	// "Korea Investment Partners" is an investor, not the government of
	// Korea: a found investor name wins over place names inside it.
	replace := investorName(lname)
	for _, m := range s.ents {
		if m.start < end && start < m.end {
			e := s.entry(m)
			if suffixOnly && e != nil && e.Kind != gazetteer.KindGovernment {
				return // "Samsung Catalyst Fund": the known name stands
			}
			// "Sierra Madre Ventures" holds the AI company Sierra and
			// "Korea Investment Partners" a place: a found investor name
			// wins over a known name wholly inside it.
			if !replace || e == nil || m.start < start || m.end > end || m.end-m.start >= end-start {
				return // overlaps a known name
			}
		}
	}
	if replace {
		s.ents = slices.DeleteFunc(s.ents, func(m mention) bool { return m.start < end && start < m.end })
	}
	ai = ai || namesAI(name)
	// "Labs" names an AI company unless the sentence places it in another
	// sector ("household-budget app Kakeibo Labs").
	sectorHere := s.termIn(si, "non_ai_sector")
	if !sectorHere {
		ai = ai || aiNameSuffix(lname)
	}
	// A subject of a title or lede that describes an AI company is one,
	// unless its own sentence puts it in another sector ("spend-management
	// startup Ramp ... its new AI agents").
	// The bare object of a purchase ("Anthropic acquires Bun to speed up
	// Claude Code") is not described by the buyer's AI words.
	object := i > 0 && purchaseVerbs[toks[i-1].lower]
	// "CNH Industrial buys Athens-born Augmenta" over a lede whose product
	// clause describes Augmenta: the buyer is not what the clause describes.
	// "Lexwell agrees sale to ..." is a seller, so "agrees" does not count.
	buyerOfDescribed := j < len(toks) && backerVerbs[toks[j].lower] && toks[j].lower != "agrees" && toks[j].lower != "agreed" && s.onlyProducts()
	ai = ai || subject && !object && !investorName(lname) && !sectorHere && s.aiDescribed(si) && !s.productElsewhere(si, end) && !buyerOfDescribed
	s.ents = append(s.ents, mention{entry: -1, name: name, start: start, end: end, sent: si, ai: ai})
}

// payWords are the verbs of a price paid, and payLeads the words that may
// stand between a buyer and them ("will pay", "agreed to pay").
var (
	payWords = set(`pay pays paying`)
	payLeads = set(`will would to agreed agrees is has`)
)

// buyerPaysFor reports whether the tokens from j say that the name before them
// pays a price for something: "will pay $650 million in cash for Casetext",
// "agreed to pay about $665m for Silo AI".
func buyerPaysFor(toks []token, j int) bool {
	k := j
	for k < len(toks) && k < j+3 && payLeads[toks[k].lower] {
		k++
	}
	if k == j || k >= len(toks) || !payWords[toks[k].lower] {
		return false
	}
	return hasWordAny(toks[k+1:min(len(toks), k+10)], "for")
}

// paidForNext are the lower-case words that may follow the name of what is
// paid for; another ("pay $2bn for Nvidia chips") makes the name describe a
// thing bought, not a company.
var paidForNext = set(`in and from to which that as on at after under`)

// paidForName reports whether the name at toks[i:j] is what a price is paid
// for: "will pay $210 million in cash for Inkwell, an AI start-up".
func paidForName(runes []rune, toks []token, i, j int) bool {
	if i < 2 || toks[i-1].lower != "for" || !hasWordAny(toks[max(0, i-8):i-1], "pay", "pays", "paid", "paying") {
		return false
	}
	return j >= len(toks) || !onlySpaceBetween(runes, toks[j-1].end, toks[j].start) || isCap(toks[j]) || paidForNext[toks[j].lower]
}

// frenchBuys are the French purchase verbs whose object is the company
// bought: "s'offre le bordelais Pollen Robotics", "rachète la start-up
// lyonnaise Vigie IA".
var frenchBuys = set(`s'offre s’offre rachète acquiert`)

// frenchBought reports whether the name at toks[i] is the object of a
// French purchase, over at most three lower-case words (articles, a
// demonym, "start-up") and no preposition: "s'offre le bordelais X", "met
// la main sur X".
func frenchBought(toks []token, i int) bool {
	for b := i - 1; b >= 0 && i-b <= 4; b-- {
		w := toks[b].lower
		if frenchBuys[w] || w == "sur" && b > 1 && toks[b-1].lower == "main" && toks[b-2].lower == "la" {
			return true
		}
		// "rachète une pépite de Villeurbanne": a place, not the company.
		if isCap(toks[b]) || !hasLetter(w) || w == "de" || w == "du" || w == "des" || w == "à" || w == "en" {
			return false
		}
	}
	return false
}

// buyerWords say a company was bought, before "by" and its buyer.
var buyerWords = set(`acquired bought purchased`)

// purchasedBy reports whether toks[b] is the "by" of a purchase told in
// the passive: "acquired by", "bought by", "snapped up by", "taken over by".
func purchasedBy(toks []token, b int) bool {
	if b < 1 || b >= len(toks) || toks[b].lower != "by" {
		return false
	}
	p := toks[b-1].lower
	return buyerWords[p] || b > 1 && (p == "up" && toks[b-2].lower == "snapped" || p == "over" && toks[b-2].lower == "taken")
}

// buyerAfterBy reports whether the name at toks[i] follows "acquired by"
// over a short lower-case description of the buyer: "has been acquired by
// specialty insurer Castlegate Group", "bought by private-equity firm
// Oakhurst Capital", "snapped up by insurer Mutuelle Seine".
func buyerAfterBy(toks []token, i int) bool {
	b := i - 1
	for b >= 0 && i-b <= 4 && !isCap(toks[b]) && !nameStops[toks[b].lower] && !andWords[toks[b].lower] && hasLetter(toks[b].lower) {
		b--
	}
	return b < i-1 && purchasedBy(toks, b)
}

// letterCompany reports whether the one-letter name at toks[i] is a
// company because a start-up word stands right before it or opens its
// appositive: "la start-up parisienne H", "H, la jeune pousse parisienne".
func letterCompany(toks []token, i int, runes []rune, end int) bool {
	// Not "the Series C, which the company ...".
	if !unicode.IsUpper([]rune(toks[i].text)[0]) || i > 0 && isCap(toks[i-1]) {
		return false
	}
	for k := max(0, i-2); k < i; k++ {
		if startupNoun(toks[k].lower) {
			return true
		}
	}
	if end >= len(runes) || runes[end] != ',' {
		return false
	}
	for k := i + 1; k < min(len(toks), i+5); k++ {
		if startupNoun(toks[k].lower) {
			return true
		}
	}
	return false
}

// namedSubject reports whether sentence si, not a headline, opens with a
// name the gazetteer does not know whose verb says what the company does:
// "Molcraft, founded out of Kyoto University, predicts ...", "Bovisense
// fits dairy cows with sensors", not "The company ...", "Accenture said it
// would train staff on AI agents" or "Walmart uses machine learning".
func (s *state) namedSubject(si int) bool {
	if s.sents[si].Zone == rules.ZoneTitle {
		return false // a headline's first word is often a verb or a place
	}
	s.bgToks = tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, s.bgToks[:0])
	toks := s.bgToks
	i := 0
	// "A Safralux usa imagens de satélite": an article before the name.
	if len(toks) > 1 && articles[toks[0].lower] && isCap(toks[1]) {
		i = 1
	}
	// "Das Linzer Start-up Schriftwerk liest ...", "La jeune pousse
	// lausannoise Turbinsight écoute ...": a start-up noun, then the name.
	for p := 0; p < min(4, len(toks)-1); p++ {
		if strings.ContainsRune(string(s.text.Runes[toks[0].start:toks[p].start]), ',') {
			break // "Occhio Industriale, startup di Torino, usa ...": an appositive
		}
		if startupNoun(toks[p].lower) {
			for q := p + 1; q <= p+2 && q < len(toks); q++ {
				if isCap(toks[q]) {
					i = q
					break
				}
			}
			break
		}
	}
	if i >= len(toks) || !isCap(toks[i]) || sentenceOpeners[toks[i].lower] || articles[toks[i].lower] {
		return false
	}
	for _, m := range s.ents {
		if m.sent == si && m.start <= toks[i].start && toks[i].start < m.end && m.entry >= 0 {
			return false // a known name: the gazetteer already says what it is
		}
	}
	j := i + 1
	for j < len(toks) && isCap(toks[j]) && (onlySpaceBetween(s.text.Runes, toks[j-1].end, toks[j].start) || string(s.text.Runes[toks[j-1].end:toks[j].start]) == " & ") {
		j++
	}
	// Skip an appositive between commas: "Contratia, con sede en
	// Guadalajara, usa modelos de lenguaje".
	if j < len(toks) && strings.ContainsRune(string(s.text.Runes[toks[j-1].end:toks[j].start]), ',') {
		k := j + 1
		for k < len(toks) && k <= j+20 && !strings.ContainsRune(string(s.text.Runes[toks[k-1].end:toks[k].start]), ',') {
			k++
		}
		j = k
	}
	if j < len(toks) && (toks[j].lower == "has" || toks[j].lower == "have") && j+1 < len(toks) {
		j++ // "has built software that reads photos"
	}
	if j >= len(toks) {
		return false
	}
	if describingVerbs[toks[j].lower] || builtVerbs[toks[j].lower] {
		return true
	}
	f, hasFunction := s.c.termID["ai_function"]
	// "Scanwacht collects log files from MRI machines and predicts which
	// part will fail", "Notulek nagrywa rozmowę ... przygotowuje opis": a
	// verb, then a function verb in the same sentence.
	if v := toks[j].lower; hasFunction && !isCap(toks[j]) && (len(v) > 3 && strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss") && !pluralNouns[v] || foreignVerbs[v]) && !auxVerbs[v] {
		for _, h := range s.terms {
			if int(h.sent) == si && int(h.feature) == f && int(h.start) > toks[j].start {
				return true
			}
		}
	}
	// A verb that tells what the software does ("Papelito reads ...,
	// flags ...", "Quipu, que pronostica ..."): the rules' ai_function.
	if hasFunction {
		for _, h := range s.terms {
			if int(h.sent) == si && int(h.feature) == f && int(h.start) >= toks[j].start && int(h.start) <= toks[min(j+1, len(toks)-1)].start {
				return true
			}
		}
	}
	return false
}

// productFunction reports whether sentence si says what a company's
// product does with an ai_function verb in the product's clause
// (productBefore): "Pickwise, whose overhead cameras grade fruit", "a tool
// that drafts tenders", "dont l'application estime le coût"; or what money
// raised is for ("raises £7m to predict gearbox failures"). A bare verb
// ("analysts estimate") does not. It returns where the clause stands and
// whose it is.
func (s *state) productFunction(si, function int) (productClause, bool) {
	var toks []token
	for _, h := range s.terms {
		if int(h.sent) != si || int(h.feature) != function {
			continue
		}
		if toks == nil {
			s.bgToks = tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, s.bgToks[:0])
			toks = s.bgToks
		}
		k := 0
		for k < len(toks) && toks[k].start < int(h.start) {
			k++
		}
		if k == len(toks) || toks[k].start != int(h.start) {
			continue
		}
		p := k - 1
		if p >= 0 && (strings.HasSuffix(toks[p].lower, "ly") || toks[p].lower == "also") {
			p-- // "whose software automatically reads"
		}
		// "raises £7m to predict turbine gearbox failures": what the money
		// is for says what the raiser does.
		if p >= 1 && toks[p].lower == "to" && raisePurpose(toks[max(0, p-4):p]) {
			return productClause{sent: si, at: toks[p].start, owner: subjectOwner}, true
		}
		if c, ok := s.productBefore(toks, k); ok {
			c.sent = si
			return c, true
		}
	}
	return productClause{}, false
}

// productWindow is how many words before a function verb its product
// clause may open: "whose software helps lawyers review contracts,
// research case law and draft documents".
const productWindow = 12

// productBefore looks back from the function verb at toks[k] for the
// clause that makes a product its subject, within productWindow words and
// the same clause: "whose overhead cameras", "a tool that", "Voxtide's
// software", "cuja ferramenta", "dont l'application", "programvare som".
func (s *state) productBefore(toks []token, k int) (productClause, bool) {
	runes := s.text.Runes
	for q := k - 1; q >= 0 && q >= k-productWindow; q-- {
		if q < k-1 {
			// The clause ends at a semicolon, a bracket or a dash, or
			// where someone is reported ("..., said analysts estimate").
			gap := string(runes[toks[q].end:toks[q+1].start])
			if strings.ContainsAny(gap, ";:()—–") || reportVerbs[toks[q+1].lower] {
				break
			}
		}
		w := toks[q].lower
		switch {
		case relativePronouns[w] && q >= 1 && (productNouns[toks[q-1].lower] || startupNoun(toks[q-1].lower)):
			return productClause{at: toks[q-1].start, owner: -1}, true
		case w == "which" && q == k-1 && q >= 1 && isCap(toks[q-1]) && runes[toks[q-1].end] == ',':
			// "Snowline, which predicts how busy ski lifts will be": the
			// name's own clause.
			return productClause{at: toks[q].start, owner: toks[q-1].end}, true
		case productNouns[w] && q >= 1 && (strings.HasSuffix(toks[q-1].lower, "'s") || strings.HasSuffix(toks[q-1].lower, "’s")):
			return productClause{at: toks[q-1].start, owner: toks[q-1].end - 2}, true
		case possessiveRelatives[w]:
			for r := q + 1; r < k && r <= q+4; r++ {
				if productNouns[toks[r].lower] {
					return productClause{at: toks[q].start, owner: -1}, true
				}
			}
		}
	}
	return productClause{}, false
}

// reportVerbs open a reported clause, after which a function verb is
// someone else's: "..., said analysts estimate".
var reportVerbs = set(`said says told added according noted argued wrote`)

// productElsewhere reports whether the AI description of sentence si is a
// product clause that does not describe the name ending at end: the clause
// belongs to the name just before it, within an appositive ("Forma Labs, a
// Columbus company whose software reads ...").
func (s *state) productElsewhere(si, end int) bool {
	for _, p := range s.products {
		if p.sent != si {
			continue
		}
		if p.owner == subjectOwner {
			return false
		}
		if p.owner >= 0 {
			return end != p.owner
		}
		if end > p.at || p.at-end > appositiveSpan || s.text.Runes[end] != ',' {
			return true
		}
		for _, r := range s.text.Runes[end:p.at] {
			if r == ';' || r == '(' || r == ')' {
				return true
			}
		}
		return false
	}
	return false
}

// onlyProducts reports whether every headline or lede sentence that names
// an AI company does so by a product clause alone.
func (s *state) onlyProducts() bool {
	org, ok := s.c.termID["ai_org"]
	if !ok || len(s.products) == 0 {
		return false
	}
	for si := range s.sents {
		if s.sents[si].Zone == rules.ZoneBody || !s.has(si, org) {
			continue
		}
		if !slices.ContainsFunc(s.products, func(p productClause) bool { return p.sent == si }) {
			return false
		}
	}
	return true
}

// productDescribes reports whether a product clause in o's sentence
// describes o: "Forma Labs, a Columbus company whose software reads ...".
func (s *state) productDescribes(o mention) bool {
	for _, p := range s.products {
		if p.sent == o.sent {
			return !s.productElsewhere(o.sent, o.end)
		}
	}
	return false
}

// appositiveSpan is how far (in runes) a product clause may stand after
// the name it describes: "Sawit Vision, a Kuala Lumpur firm whose cameras".
const appositiveSpan = 60

// subjectOwner marks a product clause that describes the sentence's
// subject: "Gearsafe raises £7m to predict gearbox failures".
const subjectOwner = -2

// raisePurpose reports whether toks, the words before a "to", tell of money
// raised: "raises £7m", "closes a $2m seed round".
func raisePurpose(toks []token) bool {
	for _, t := range toks {
		if raiseWords[t.lower] || strings.ContainsAny(t.text, "$€£¥₹") || strings.HasSuffix(t.lower, "m") && len(t.lower) > 1 && unicode.IsDigit(rune(t.lower[0])) {
			return true
		}
	}
	return false
}

// raiseWords tell of money raised before a purpose clause.
var raiseWords = set(`raises raised raising lands landed secures secured closes closed gets bags nabs round seed funding`)

// startupNoun reports whether w names a young company: one of the English
// startupWords, "business" ("the Nottingham business has raised £5m"), or
// a counterpart in another language the rules cover ("jeune pousse",
// "empresa", "spółka"). "business" stays out of startupWords, which other
// name checks (letterCompany, possessedName) also read.
func startupNoun(w string) bool {
	return startupWords[w] || w == "business" || foreignStartupNouns[w]
}

var foreignStartupNouns = set(`pousse empresa société azienda spółka bolag selskap virksomhed bedrijf`)

// productNouns name what a start-up sells, in the languages the rules cover.
var productNouns = set(`software app apps application tool tools platform system systems camera cameras
	model models algorithm algorithms sensors engine assistant agents bot bots service
	logiciel l'application outil plateforme système caméras modèles algorithmes
	ferramenta plataforma sistema aplicativo aplicação câmeras câmaras cámaras modelos algoritmos herramienta aplicación
	anwendung plattform kameras modelle algorithmen oprogramowanie aplikacja aplikace robot robots drones
	mjukvara programvara programvare værktøj verktøy værktøjet applikation undervannskamera kamera product scanner
	l'outil l'algorithme assistente asistente λογισμικό εφαρμογή πλατφόρμα`)

// relativePronouns open a clause about the noun before them.
var relativePronouns = set(`that which que qui die das che który która które som der που`)

// possessiveRelatives open a clause about the company before them: "whose
// software", "cuja ferramenta", "dont l'outil", "deren Software".
var possessiveRelatives = set(`whose cuja cujo cuyo cuya cuyas cuyos dont deren dessen jehož jejíž której którego vars hvis`)

// pluralNouns end in "s" but are no verb: "Global sales of chipmaking
// equipment will reach ...".
var pluralNouns = set(`sales shares prices shipments revenues profits earnings investors analysts companies firms
	makers markets stocks volumes margins`)

// auxVerbs end in "s" without saying what a company does.
var auxVerbs = set(`says does goes plans wants needs seeks aims hopes expects reports claims counts remains becomes seems`)

// foreignVerbs say what a company does in the other languages the rules
// cover, where no "-s" marks the verb: "Notulek nagrywa rozmowę".
var foreignVerbs = set(`nagrywa tworzy buduje rozwija analizuje bouwt maakt ontwikkelt leest zet traduce crea sviluppa
	utvecklar bygger bruker lager udvikler crée transforme grava cria desenvolve transforma crea usa`)

// builtVerbs follow "has" in a sentence that says what a company made:
// "Siniestro.ai has built software that reads photos of damaged cars".
var builtVerbs = set(`built developed designed created trained`)

// articles may stand before a company's name in the languages the rules
// cover ("A Faturai", "La startup", "Die Firma").
var articles = set(`a o la el le les die der das het de il lo`)

// sentenceOpeners are capitalised words that open a sentence without
// naming its subject.
var sentenceOpeners = set(`the a an it its this that these those their his her they he she we our
in on at after before since as while with for from by under over last next earlier later
some many most several both each every one two three four five six seven eight nine ten
shares investors analysts officials people according however meanwhile separately also
global worldwide overall total annual quarterly`)

// describingVerbs follow a company's name in a sentence that says what it
// does ("Bovisense fits dairy cows with sensors", "Weldsense uses computer
// vision"). Not "is" or "offers", which open too many other sentences
// ("Tender offers are the new IPO").
var describingVerbs = set(`fits uses builds makes develops designs sells provides predicts measures forecasts
	estimates detects spots reads analyses analyzes automates monitors tracks maps writes generates helps lets
	trains applies turns runs specialises specializes focuses flags checks mounts
	usa utiliza coloca estima prevê lê revisa desenvolve desarrolla sviluppa analizza legge
	nutzt erkennt analysiert entwickelt prüft utilise analyse conçoit développe prédit
	gebruikt ontwikkelt analyseert voorspelt`)

// compoundRole reports a German compound that names a backer's role
// before its name: "der Frühphaseninvestor Isarwerk Capital", "die
// Förderbank-Tochter Hanse Fonds".
func compoundRole(w string) bool {
	for _, suf := range []string{"investor", "investoren", "-tochter", "geldgeber", "kapitalgeber"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// roundIn reports whether token k ends the name of a round that is put
// into a company: "a £27 million Series A in Severn Logic", "a seed round
// in X".
func roundIn(toks []token, k int) bool {
	switch w := toks[k].lower; {
	case w == "round" || w == "funding" || w == "financing":
		return true
	case len(w) == 1 && k > 0 && toks[k-1].lower == "series":
		return true
	}
	return false
}

// personNamed reports whether name follows a person's title somewhere in
// the text ("chief Mira Murati", "co-founder Arthur Mensch").
func (s *state) personNamed(name string) bool {
	runes := s.text.Runes
	nr := []rune(name)
	return s.anyOccurrence(nr, func(i int) bool {
		b, e := wordBefore(runes, i)
		if b < e && personTitles[strings.ToLower(string(runes[b:e]))] {
			return true
		}
		// "the start-up set up by Bhavish Aggarwal", "founded by Mira
		// Murati": a founder, when the name reads as a person's.
		if b < e && strings.ToLower(string(runes[b:e])) == "by" && !investorName(strings.ToLower(name)) && personShaped(name) {
			v, w := wordBefore(runes, b)
			if founderVerbs[strings.ToLower(string(runes[v:w]))] {
				return true
			}
		}
		// "the Paris start-up Yann LeCun set up after leaving Meta": a
		// founder in a clause after a company noun.
		return b < e && companyNouns[strings.ToLower(string(runes[b:e]))] && personShaped(name) && founderAfter(runes, i+len(nr))
	})
}

// anyOccurrence reports whether f holds at the start of some occurrence
// of nr in the text.
func (s *state) anyOccurrence(nr []rune, f func(i int) bool) bool {
	runes := s.text.Runes
	for i := 0; i+len(nr) <= len(runes); i++ {
		if runes[i] == nr[0] && slices.Equal(runes[i:i+len(nr)], nr) && f(i) {
			return true
		}
	}
	return false
}

// calendarWords name days and months.
var calendarWords = set(`monday tuesday wednesday thursday friday saturday sunday january february april june july
	august september october november december q1 q2 q3 q4 h1 h2 fy2024 fy2025 fy2026`)

// placeNames are cities, regions and languages that stand where a
// target's name would ("lists in Hong Kong", "investors in Hangzhou",
// "stake in Arabic speech start-up"); countries are in the gazetteer. As a
// backer a city names its funds ("Hangzhou put in").
var placeNames = phraseSet(`hong kong, hangzhou, shenzhen, shanghai, beijing, guangzhou, chengdu, wuhan, nanjing,
	suzhou, zhuhai, hefei, tianjin, chongqing, xi'an, macau, taipei, hsinchu, tainan, seoul, pangyo, busan, tokyo, osaka,
	kyoto, yokohama, singapore, jakarta, bandung, hanoi, ho chi minh city, da nang, kuala lumpur, penang, bangkok, manila,
	bengaluru, bangalore, mumbai, delhi, new delhi, hyderabad, chennai, pune, gurugram, noida, dubai, abu dhabi, riyadh,
	doha, tel aviv, jerusalem, haifa, paris, london, berlin, munich, hamburg, zurich, geneva, stockholm, helsinki, oslo,
	copenhagen, amsterdam, eindhoven, brussels, madrid, barcelona, milan, rome, lisbon, warsaw, vienna, dublin, tallinn,
	toronto, montreal, vancouver, waterloo, sydney, melbourne, lagos, nairobi, cairo, sao paulo, são paulo, mexico city,
	bogota, bogotá, buenos aires, santiago, silicon valley, san francisco, new york, boston, seattle, austin, palo alto,
	washington, brasília, brasilia, europe, asia, africa, north america, south america, latin america, middle east,
	southeast asia, scandinavia, nordics, the nordics, oceania,
	arabic, swahili, kinyarwanda, hindi, telugu, tamil, bengali, urdu, afrikaans, zulu, yoruba, hausa, amharic, tagalog,
	english, french, german, spanish, portuguese, italian, dutch, polish, turkish, greek, vietnamese, thai, indonesian,
	korean, japanese, chinese, mandarin, cantonese, basque, catalan, galician, welsh, irish, gaelic,
	birmingham, manchester, leeds, liverpool, bristol, sheffield, newcastle, nottingham, leicester, edinburgh, glasgow,
	dundee, aberdeen, cardiff, belfast, cambridge, oxford, cork, galway, limerick, leipzig, cologne, köln, frankfurt,
	stuttgart, dresden, düsseldorf, lyon, lille, bordeaux, toulouse, marseille, nantes, grenoble, seville, sevilla,
	valencia, bilbao, zaragoza, málaga, porto, turin, torino, bologna, naples, florence, kraków, krakow, wrocław,
	wroclaw, gdańsk, gdansk, poznań, poznan, łódź, prague, brno, budapest, bucharest, sofia, riga, vilnius, tartu, oulu,
	tampere, espoo, gothenburg, göteborg, malmö, malmo, uppsala, umeå, aarhus, bergen, trondheim, stavanger, utrecht,
	rotterdam, delft, the hague, leuven, ghent, antwerp, calgary, ottawa, edmonton, chicago, detroit, columbus, cleveland,
	cincinnati, indianapolis, milwaukee, minneapolis, pittsburgh, atlanta, nashville, houston, dallas, miami, denver,
	raleigh, kochi, ahmedabad, jaipur, kolkata, thiruvananthapuram, coimbatore, nagoya, fukuoka, sapporo, sendai, kobe,
	niigata, daejeon, incheon, daegu, gwangju, perth, brisbane, adelaide, auckland, wellington, curitiba, belo horizonte,
	recife, porto alegre, rio de janeiro, guadalajara, monterrey, medellín, medellin, lima, casablanca, kigali, accra,
	cape town, johannesburg, dhaka, karachi, lahore, abuja`)

// phraseSet builds a set of comma-separated phrases, which may hold
// spaces ("hong kong").
func phraseSet(phrases string) map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(phrases, ",") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			m[p] = true
		}
	}
	return m
}

// runsCompany reports whether name is a person-shaped name after "led
// by" (or "headed by", "run by") right after a comma: "Isomorphic Labs,
// led by Demis Hassabis, has raised" describes who runs the company, not
// who leads a round ("a round led by Peter Thiel").
func (s *state) runsCompany(name string) bool {
	if !personShaped(name) || investorName(strings.ToLower(name)) {
		return false
	}
	runes := s.text.Runes
	return s.anyOccurrence([]rune(name), func(i int) bool {
		// Over up to four lower-case words of description: "headed by
		// veteran processor architect Jim Keller".
		b, e := wordBefore(runes, i)
		for n := 0; n < 4 && b < e && strings.ToLower(string(runes[b:e])) != "by" && unicode.IsLower(runes[b]); n++ {
			b, e = wordBefore(runes, b)
		}
		if b == e || strings.ToLower(string(runes[b:e])) != "by" {
			return false
		}
		v, w := wordBefore(runes, b)
		switch strings.ToLower(string(runes[v:w])) {
		case "led", "headed", "run", "chaired":
			return strings.TrimRight(string(runes[max(0, v-2):v]), " ") == ","
		}
		return false
	})
}

// companyNouns stand before a founder's name in "the lab Ilya Sutskever
// set up".
var companyNouns = set(`start-up startup company firm lab venture outfit business`)

// founderAfter reports whether the words from pos say someone founded
// something: "set up", "founded", "co-founded", "started", "launched".
func founderAfter(runes []rune, pos int) bool {
	rest := strings.ToLower(string(runes[pos:min(len(runes), pos+14)]))
	rest = strings.TrimLeft(rest, " ")
	for _, w := range []string{"set up", "founded", "co-founded", "cofounded", "started", "launched", "created", "spun up"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// wordBefore returns the span [b, e) of the word that ends before rune
// offset pos, over spaces; b == e when there is none.
func wordBefore(runes []rune, pos int) (int, int) {
	e := pos
	for e > 0 && runes[e-1] == ' ' {
		e--
	}
	b := e
	for b > 0 && (unicode.IsLetter(runes[b-1]) || runes[b-1] == '-') {
		b--
	}
	return b, e
}

// founderVerbs come before "by" and a founder's name: "founded by", "set
// up by", "run by".
var founderVerbs = set(`founded co-founded cofounded up started created run headed chaired`)

// companyWords name companies, not people.
var companyWords = set(`labs lab robotics systems technologies technology computing compute intelligence group
	holdings holding capital partners ventures inc ltd corp bio health networks dynamics logic silicon
	semiconductor semiconductors devices industries research studio studios games media software data cloud`)

// personShaped reports whether name is two or three capitalised words with
// no company word among them: "Bhavish Aggarwal", not "Matrix Partners" or
// "Mistral AI".
func personShaped(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || len(r) < 2 || unicode.IsUpper(r[1]) || namesAI(w) || companyWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// namesAI reports whether a name says it is an AI company: "Acme AI",
// "SiMa.ai", "Sakana AI".
func namesAI(name string) bool {
	l := strings.ToLower(name)
	// "Sémaphore IA": the Spanish, French and Italian abbreviation.
	return strings.HasSuffix(l, " ai") || strings.HasSuffix(name, "AI") || strings.HasSuffix(l, ".ai") || strings.HasSuffix(name, " IA")
}

// saysItInvests reports whether the words after "said" read "(on Tuesday)
// it would invest / make an investment / take a stake".
func saysItInvests(toks []token) bool {
	for i, t := range toks {
		if t.lower != "it" && t.lower != "they" {
			continue
		}
		for k, u := range toks[i+1:] {
			switch u.lower {
			case "invest", "invests", "invested", "investment", "stake", "acquire", "acquired", "buy", "bought", "back", "lead", "led", "pour", "inject", "put", "takeover":
				return true
			case "over":
				if k > 0 && toks[i+k].lower == "take" {
					return true // "said it has signed an agreement to take over"
				}
			}
		}
		return false
	}
	return false
}

// purchaseVerbs take the bought company as their direct object.
var purchaseVerbs = set(`acquire acquires acquired acquiring buy buys bought buying purchase purchases purchased`)

// eventWords follow the name of an event.
var eventWords = set(`conference summit event forum keynote festival expo fair show`)

// hireVerbs take a company's people: "hires X founders".
var hireVerbs = set(`hires hired hiring hire poaches poached poach brings bringing`)

// listOpener reports whether the words before token i open a list of
// companies: "starting with X", "beginning with X", "such as X".
func listOpener(toks []token, i int) bool {
	if i < 2 {
		return false
	}
	a, b := toks[i-2].lower, toks[i-1].lower
	return b == "with" && (a == "starting" || a == "beginning" || a == "first") || a == "such" && b == "as"
}

// skipCoordinated skips auxiliaries, "and" and further capitalised names
// after token j: "Jeff Bezos and Thrive Capital also participated".
func skipCoordinated(toks []token, j int) int {
	k := j
	for steps := 0; k < len(toks) && steps < 6; steps++ {
		t := toks[k]
		if auxWords[t.lower] || andWords[t.lower] || (isCap(t) && !nameStops[t.lower] && !investorVerbs[t.lower]) {
			k++
			continue
		}
		break
	}
	return k
}

// nameInner are capitalised words that stop a name at its start but not
// inside it: "Korea Investment Partners".
var nameInner = set(`Investment Series Capital`)

// backerVerbs follow a backer's name: "Amplify Partners led the round".
var backerVerbs = set(`led co-led leads invested invests participated joined joining joins takes took backed backs hired hires
	wrote bankrolls bankrolled ploughs ploughed pumps pumped
	acqui-hires acqui-hired figurent participent neemt koopt rachète s'offre s’offre ostaa osti acquiert kauft übernimmt compra adquiere adquire
	acquisisce acquista rileva agreed agrees acquires acquired buys bought purchases purchased
	leder ledde lidera liderou lideró leading ` + verbsAfterBackers)

// verbsAfterBackers close a list of backers in French, German, Dutch,
// Spanish and Italian ("A, B et C ont participé", "A und B
// investierten"); both the name finder (backerVerbs) and the role reader
// (investorVerbs) know them.
const verbsAfterBackers = `participé participée participés investi mené menée menés investierten investierte
	investeerden investeerde participaron partecipato`

// andWords join names in a list, in the languages the cues cover.
var andWords = set(`and & et und e y en ve oraz och og`)

// investorName reports whether a found name reads as an investor's
// ("Helix Ridge Capital", "Northwind Ventures").
func investorName(lname string) bool {
	// "Matrix Partners India", "Sequoia Capital China": a regional arm.
	if k := strings.LastIndex(lname, " "); k > 0 && investorSuffix(lname[:k]) {
		return true
	}
	return investorSuffix(lname)
}

func investorSuffix(lname string) bool {
	for _, suf := range []string{" capital", " ventures", " partners", " fund", " investments", " holdings", " holding", " vc", " bank", " group", " investment authority",
		" kapital", " fonds", " fondo", " fundo", " capitale"} {
		if strings.HasSuffix(lname, suf) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// entities lists the names found, in text order, for the classification.
func (s *state) entities() []events.Entity {
	out := make([]events.Entity, 0, len(s.ents))
	for _, m := range s.ents {
		kind := gazetteer.KindCompany
		if e := s.entry(m); e != nil {
			kind = e.Kind
		} else if m.ai {
			kind = gazetteer.KindAICompany
		}
		out = append(out, events.Entity{Name: m.name, Kind: kind, Known: m.entry >= 0, Start: m.start, End: m.end})
	}
	return out
}

// appositiveOpeners open a clause about the company named before the comma.
var appositiveOpeners = set(`founded started co-founded spun which whose dat die qui che que fondée fondata fundada gegründet`)

// placeAdjective reports a lower-case place adjective that Romance
// languages put between a noun and a name: "milanese", "lyonnaise",
// "madrileña", "paulistana".
func placeAdjective(w string) bool {
	for _, suf := range []string{"ese", "ana", "ano", "ense", "aise", "ais", "ienne", "ien", "oise", "ois", "eña", "eño", "ina", "ino", "ola"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// placeQualifier reports words like "HK-listed" or "Austin-based" that
// qualify a name without being part of it.
func placeQualifier(w string) bool {
	return strings.HasSuffix(w, "-listed") || strings.HasSuffix(w, "-based") || strings.HasSuffix(w, "-headquartered")
}

// phrasalBuyVerbs take "up" to buy: "snaps up Sky", "picks up Humane".
var phrasalBuyVerbs = set(`snaps snapped snap snapping picks picked pick picking scoops scooped scoop buys bought buy`)

// phrasalBuy reports whether the words before token i are a phrasal verb
// of buying ("snaps up"), which makes the name after it the bought company.
func phrasalBuy(toks []token, i int) bool {
	return i > 1 && toks[i-1].lower == "up" && phrasalBuyVerbs[toks[i-2].lower]
}

// aiNameSuffix reports whether a found name (lower case) ends in a word
// that says what an AI company does: "Kestrel Labs", "Pollen Robotics",
// "Vérone Intelligence".
func aiNameSuffix(lname string) bool {
	return strings.HasSuffix(lname, " labs") || strings.HasSuffix(lname, " robotics") || strings.HasSuffix(lname, " intelligence")
}

// aiCompound reports a hyphenated compound that opens with an AI word and
// describes a company: "AI-chipmaker", "KI-Übersetzungsdienst",
// "IA-startup".
func aiCompound(w string) bool {
	for _, p := range []string{"ai-", "ki-", "ia-", "a.i.-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			return true
		}
	}
	return false
}

// dutchPlaceAdjectives end in "-se" and go before a company noun:
// "Amerikaanse AI-chipmaker Kinara", "Eindhovense chipontwerper".
var dutchPlaceAdjectives = set(`amerikaanse franse duitse britse japanse chinese zweedse belgische canadese israëlische
	koreaanse taiwanese indiase europese nederlandse`)

func dutchPlaceAdjective(w string) bool {
	if dutchPlaceAdjectives[w] {
		return true
	}
	for _, suf := range []string{"damse", "hovense", "echtse", "haagse", "ootse", "ingse"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// anchorWord reports a word, or the last part of a hyphenated compound,
// that names the kind of company a name after it is: "chipmaker
// Kinara", "AI-chipmaker Kinara".
func anchorWord(w string) bool {
	if beforeAnchors[w] {
		return true
	}
	if k := strings.LastIndexByte(w, '-'); k > 0 {
		return beforeAnchors[w[k+1:]]
	}
	return false
}
