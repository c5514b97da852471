package classify

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/acmatch"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
	"github.com/newsmon/newsmon/services/deal-classifier/money"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

type termHit struct {
	feature    int32
	start, end int32
	sent       int32
}

// mention is a name found in the text: a gazetteer entry or a discovered
// company name (entry -1).
type mention struct {
	entry      int32
	name       string
	start, end int
	sent       int
	ai         bool
}

// state is the per-document scratch space, pooled between calls.
type state struct {
	c       *Classifier
	doc     Document
	text    acmatch.Text
	matches []acmatch.Match
	masks   [][2]int // rune spans of the no_term phrases
	maskID  int      // the no_term feature, or -1
	sents   []Sentence
	words   int
	bits    []uint64
	terms   []termHit
	ents    []mention
	amounts []money.Amount
	// target is the deal target dealFacts chose, when it chose one.
	target mention
	hasTgt bool
	// modelDeal: only cues that need the target model's word found the
	// deal, so the target may be any new name in the headline or lede.
	modelDeal bool
	// aiBuyer is set when the only AI company near the deal is its buyer
	// or backer, so the deal has no AI target.
	aiBuyer bool
	// fz and hashes hold the learned scorer's features, computed at most
	// once per document (featured).
	fz       scorer.Featurizer
	hashes   []uint64
	featured bool
	// lifted is set while facts are extracted for a topic that the learned
	// scorer lifted over its threshold.
	lifted bool
	// datedOnly is set while a topic's only evidence strong enough for a
	// lift is dated background (topic.background).
	datedOnly bool
	// bgToks and bgDated are reused buffers of the background check.
	bgToks  []token
	bgDated []bool
	// products holds, for sentences that name an AI company only by what
	// its product does (productFunction), where that clause starts: the
	// AI description belongs to the name right before it, not to the
	// sentence's subject ("Cardinal Health has agreed to buy Forma Labs,
	// a company whose software reads ...").
	products []productClause
	// places holds the lower-cased runs the text uses as places
	// (findPlaces).
	places map[string]bool
	// nameToks holds the tokens of the sentences discoverNames reads.
	nameToks [][]token
}

// productClause is a product description at rune offset at in sentence
// sent; owner is where the name that owns it ends ("Voxtide's software
// transcribes", "Snowline, which predicts"), -1 when an appositive places
// it ("X, a company whose software ...") and subjectOwner when it tells
// what the sentence's subject raised money for.
type productClause struct{ sent, at, owner int }

func (s *state) has(sent, f int) bool {
	return s.bits[sent*s.words+f/64]&(1<<(uint(f)%64)) != 0
}

func (s *state) set(sent, f int) {
	s.bits[sent*s.words+f/64] |= 1 << (uint(f) % 64)
}

// sentenceAt returns the sentence containing rune offset pos, or -1.
func (s *state) sentenceAt(pos int) int {
	i := sort.Search(len(s.sents), func(i int) bool { return s.sents[i].End > pos })
	if i < len(s.sents) && s.sents[i].Start <= pos {
		return i
	}
	return -1
}

func (s *state) entry(m mention) *gazetteer.Entry {
	if m.entry < 0 {
		return nil
	}
	return &s.c.gaz.Entries[m.entry]
}

func (s *state) sentenceText(i int) string {
	return string(s.text.Runes[s.sents[i].Start:s.sents[i].End])
}

// Classify classifies one document.
func (c *Classifier) Classify(doc Document) Result {
	s := c.pool.Get().(*state)
	defer c.pool.Put(s)
	s.c, s.doc = c, doc
	s.featured = false
	joined := doc.Joined()
	s.text.Reset(joined)
	titleLen := len([]rune(doc.Title))
	s.sents = segment(s.text.Runes, titleLen, c.rules.Zones, s.sents[:0])
	s.words = (len(c.features) + 63) / 64
	need := len(s.sents) * s.words
	if cap(s.bits) < need {
		s.bits = make([]uint64, need)
	}
	s.bits = s.bits[:need]
	clear(s.bits)
	s.terms, s.ents, s.products = s.terms[:0], s.ents[:0], s.products[:0]
	s.matches = c.ac.Find(&s.text, s.matches[:0])
	s.collectMasks()
	for _, m := range s.matches {
		rs, re := s.text.RuneSpan(m.Start, m.End)
		si := s.sentenceAt(rs)
		if si < 0 {
			continue
		}
		for _, p := range c.payloads[m.Value] {
			if p.entity >= 0 {
				s.ents = append(s.ents, mention{entry: p.entity, start: rs, end: re, sent: si})
				continue
			}
			if s.masked(int(p.feature), rs, re) {
				continue
			}
			s.set(si, int(p.feature))
			s.terms = append(s.terms, termHit{feature: p.feature, start: int32(rs), end: int32(re), sent: int32(si)})
		}
	}
	s.resolveEntities()
	s.amounts = money.Find(s.text.Runes, c.rules.Rates, money.Options{Yen: s.yenCurrency()})
	s.describedAI()
	s.discoverNames()
	s.stakeInAI()
	s.fundRaise()
	slices.SortFunc(s.ents, func(a, b mention) int { return a.start - b.start })
	s.setBuiltins()
	res := Result{RulesVersion: c.rules.Hash}
	for ti := range c.topics {
		res.Topics = append(res.Topics, s.scoreTopic(&c.topics[ti]))
	}
	res.Entities = s.entities()
	return res
}

// collectMasks records where the no_term phrases of the rules stand: words
// inside them are no term of their own ("ban hành", Vietnamese for "to
// issue", holds no English "ban").
func (s *state) collectMasks() {
	s.masks = s.masks[:0]
	id, ok := s.c.termID[noTerm]
	if !ok {
		s.maskID = -1
		return
	}
	s.maskID = id
	for _, m := range s.matches {
		for _, p := range s.c.payloads[m.Value] {
			if int(p.feature) == id {
				rs, re := s.text.RuneSpan(m.Start, m.End)
				s.masks = append(s.masks, [2]int{rs, re})
				break
			}
		}
	}
}

// noTerm names the rules' term whose phrases mask the terms inside them.
const noTerm = "no_term"

// masked reports whether a hit of term feature over runes [rs, re) lies
// inside a no_term phrase and so does not count.
func (s *state) masked(feature, rs, re int) bool {
	for _, k := range s.masks {
		if k[0] <= rs && re <= k[1] && feature != s.maskID {
			return true
		}
	}
	return false
}

// resolveEntities keeps the longest of overlapping gazetteer matches.
func (s *state) resolveEntities() {
	slices.SortFunc(s.ents, func(a, b mention) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return (b.end - b.start) - (a.end - a.start)
	})
	kept := s.ents[:0]
	lastEnd := -1
	for _, m := range s.ents {
		if m.start < lastEnd {
			continue
		}
		e := &s.c.gaz.Entries[m.entry]
		m.name = e.Name
		m.ai = e.Kind == gazetteer.KindAICompany
		kept = append(kept, m)
		lastEnd = m.end
	}
	s.ents = kept
}

func (s *state) yenCurrency() string {
	for _, m := range s.ents {
		if e := s.entry(m); e != nil && e.Kind == gazetteer.KindGovernment {
			switch e.Jurisdiction {
			case "Japan":
				return "JPY"
			case "China":
				return "CNY"
			}
		}
	}
	if strings.Contains(strings.ToLower(s.doc.Title+s.doc.Body()), "yuan") {
		return "CNY"
	}
	return "JPY"
}

// describedAI marks as naming an AI company (ai_org) every sentence that
// describes a company by the AI it builds or uses: an ai_tech phrase with an
// ai_maker_cue phrase ("a start-up using small language models").
func (s *state) describedAI() {
	tech, ok1 := s.c.termID["ai_tech"]
	maker, ok2 := s.c.termID["ai_maker_cue"]
	org, ok3 := s.c.termID["ai_org"]
	if !ok1 || !ok2 || !ok3 {
		return
	}
	sector, hasSector := s.c.termID["non_ai_sector"]
	purpose, hasPurpose := s.c.termID["ai_purpose"]
	function, hasFunction := s.c.termID["ai_function"]
	for si := range s.sents {
		if !s.has(si, tech) && !(hasFunction && s.has(si, function)) {
			continue
		}
		// "to add AI hiring tools" is what the acquirer wants, not what
		// the target builds.
		if hasPurpose && s.has(si, purpose) {
			continue
		}
		// "a lender that uses machine-learning models" is a lender; "agents
		// for airlines" still makes an AI company.
		// "mining-software group Ironbark has bought Quokka Vision, a
		// start-up that trains models": the sector is the buyer's, the
		// models the bought company's.
		if hasSector && s.has(si, sector) && s.termBefore(si, sector, tech) && !s.purchaseBetween(si, sector, tech) {
			continue
		}
		// "Molcraft, founded out of Kyoto University, predicts how molecules
		// bind with machine-learning models": a sentence whose subject is a
		// company name describes that company however long it runs.
		if s.has(si, tech) && s.has(si, maker) && s.nearTerms(si, tech, maker, describeSpan) || s.namedSubject(si) {
			s.set(si, org)
			continue
		}
		if !hasFunction {
			continue
		}
		if p, ok := s.productFunction(si, function); ok {
			s.set(si, org)
			s.products = append(s.products, p)
		}
	}
}

// describeSpan is how far apart (in runes, within one clause) the AI phrase
// and the company word may be for the sentence to describe an AI company:
// "a start-up that writes and tests code with AI agents" does, "an
// identity-security firm in a cash deal, betting that AI agents ..." does not.
const describeSpan = 60

// stakeInAI marks (stake_in_ai) every sentence where money goes into a
// named AI company: a stake verb, then "in" or "into" right before the
// company ("will invest up to $100 billion in OpenAI"). Capex words in such
// a sentence describe what the money is for, not a capex plan.
func (s *state) stakeInAI() {
	mark, ok1 := s.c.termID["stake_in_ai"]
	stake, ok2 := s.c.termID["stake_verb"]
	if !ok1 || !ok2 {
		return
	}
	runes := s.text.Runes
	for _, m := range s.ents {
		e := s.entry(m)
		if !m.ai && (e == nil || e.Kind != gazetteer.KindAICompany) {
			continue
		}
		k := m.start - 1
		for k >= 0 && runes[k] == ' ' {
			k--
		}
		w := k
		for w >= 0 && unicode.IsLetter(runes[w]) {
			w--
		}
		prev := strings.ToLower(string(runes[w+1 : k+1]))
		if prev != "in" && prev != "into" {
			continue
		}
		for _, h := range s.terms {
			if int(h.sent) == m.sent && int(h.feature) == stake && int(h.end) <= w+1 {
				s.set(m.sent, mark)
				break
			}
		}
	}
}

// fundRaise marks (fund_raise) every title or lede sentence where a venture
// investor is the one raising or closing money: "Index Ventures raises $2.3
// billion", "Sakura Frontier Capital closes ¥30bn fund". That is the firm's
// own fund, not a deal in an AI company, even when the sentence says what
// the fund will back.
func (s *state) fundRaise() {
	mark, ok := s.c.termID["fund_raise"]
	if !ok {
		return
	}
	runes := s.text.Runes
	var toks []token
	for _, m := range s.ents {
		if m.sent >= len(s.sents) || s.sents[m.sent].Zone == rules.ZoneBody || !s.ventureName(m) {
			continue
		}
		sent := s.sents[m.sent]
		toks = tokenize(runes, m.end, sent.End, toks[:0])
		if len(toks) > 0 && toks[0].start <= m.end+1 && fundRaiseVerbs[toks[0].lower] {
			s.set(m.sent, mark)
		}
	}
}

// fundRaiseVerbs follow a venture firm's name when it raises its own fund.
var fundRaiseVerbs = set(`raises raised closes closed secures secured lands landed hits amasses amassed gathers launches
	launched unveils unveiled targets`)

// ventureName reports whether m names a venture or growth investor: a
// gazetteer investor tagged vc, or a found name ending in a fund word.
func (s *state) ventureName(m mention) bool {
	if e := s.entry(m); e != nil {
		return e.Kind == gazetteer.KindInvestor && e.Has("vc")
	}
	l := strings.ToLower(m.name)
	for _, suf := range []string{" ventures", " capital", " partners", " vc", " fund", " investments", " growth"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// termBefore reports whether sentence si has a hit of term a before its
// first hit of term b.
func (s *state) termBefore(si, a, b int) bool {
	first := s.featureStart(si, b)
	for _, x := range s.terms {
		if int(x.sent) == si && int(x.feature) == a && first >= 0 && int(x.start) < first {
			return true
		}
	}
	return false
}

// purchaseBetween reports whether a purchase verb (acq_verb) stands
// between the last hit of term a before the first hit of term b, and that
// hit of b.
func (s *state) purchaseBetween(si, a, b int) bool {
	acq, ok := s.c.termID["acq_verb"]
	if !ok {
		return false
	}
	first := s.featureStart(si, b)
	last := -1
	for _, x := range s.terms {
		if int(x.sent) == si && int(x.feature) == a && int(x.end) <= first && int(x.end) > last {
			last = int(x.end)
		}
	}
	if first < 0 || last < 0 {
		return false
	}
	for _, v := range s.terms {
		if int(v.sent) == si && int(v.feature) == acq && int(v.start) >= last && int(v.end) <= first {
			return true
		}
	}
	return false
}

// nearTerms reports whether sentence si has a hit of term a within span
// runes of a hit of term b.
func (s *state) nearTerms(si, a, b, span int) bool {
	for _, x := range s.terms {
		if int(x.sent) != si || int(x.feature) != a {
			continue
		}
		for _, y := range s.terms {
			if int(y.sent) != si || int(y.feature) != b {
				continue
			}
			lo, hi := int(y.end), int(x.start)
			if int(x.end) <= int(y.start) {
				lo, hi = int(x.end), int(y.start)
			}
			if hi-lo <= span && !slices.ContainsFunc(s.text.Runes[lo:max(lo, hi)], func(r rune) bool { return r == ',' || r == ';' }) {
				return true
			}
		}
	}
	return false
}

// aiDescribed reports whether sentence si, or the title and lede taken
// together when si is one of them, names or describes an AI company by
// phrase (not by a gazetteer name).
func (s *state) aiDescribed(si int) bool {
	org, ok := s.c.termID["ai_org"]
	if !ok {
		return false
	}
	if s.has(si, org) {
		return true
	}
	if s.sents[si].Zone == rules.ZoneBody {
		return false
	}
	customer, hasCustomer := s.c.termID["ai_customer"]
	for k := range s.sents {
		// "The company has been licensing its data to AI developers"
		// names its customers, not what it is.
		if s.sents[k].Zone != rules.ZoneBody && s.has(k, org) && !(hasCustomer && s.has(k, customer)) {
			return true
		}
	}
	return false
}

func (s *state) setBuiltins() {
	for _, a := range s.amounts {
		if si := s.sentenceAt(a.Start); si >= 0 {
			s.set(si, fMoney)
		}
	}
	for _, m := range s.ents {
		e := s.entry(m)
		if e == nil {
			s.set(m.sent, fNewOrg)
			s.set(m.sent, fOrg)
			if m.ai {
				s.set(m.sent, fAICompany)
				s.set(m.sent, fAI)
			}
			continue
		}
		switch e.Kind {
		case gazetteer.KindAICompany:
			s.set(m.sent, fAICompany)
			s.set(m.sent, fAI)
			s.set(m.sent, fOrg)
		case gazetteer.KindInvestor, gazetteer.KindCompany:
			s.set(m.sent, fOrg)
		case gazetteer.KindChipmaker, gazetteer.KindToolMaker:
			s.set(m.sent, fOrg)
			s.set(m.sent, fChipEntity)
		case gazetteer.KindChip:
			s.set(m.sent, fChipEntity)
		case gazetteer.KindGovernment:
			s.set(m.sent, fJurisdiction)
			if !e.Has("adjective") {
				s.set(m.sent, fGovernment)
				if s.govActs(m) {
					s.set(m.sent, fGovActor)
				}
			}
		}
		if e.Kind == gazetteer.KindInvestor || e.Has("investor") {
			s.set(m.sent, fInvestor)
		}
		if e.Has("chip") {
			s.set(m.sent, fChipEntity)
		}
		if e.Has("ai") {
			s.set(m.sent, fAI)
		}
	}
	// "The startup is raising ...": an anaphor carries the AI company of
	// the sentence before (or of the title) into this one.
	if id, ok := s.c.termID["anaphor"]; ok {
		for si := 1; si < len(s.sents); si++ {
			if !s.has(si, fAICompany) && s.aiBefore(si) && (s.has(si, id) || s.placeAnaphor(si)) {
				s.set(si, fAICompany)
				s.set(si, fAI)
			}
		}
	}
	// Terms that include built-in classes.
	for id, cls := range s.c.classes {
		for si := range s.sents {
			for _, cl := range cls {
				if s.has(si, cl) {
					s.set(si, id)
					break
				}
			}
		}
	}
}

func (s *state) cueFires(cu *cue, si int) bool {
	if !cu.where[zoneIndex(s.sents[si].Zone)] {
		return false
	}
	for _, f := range cu.all {
		if !s.has(si, f) {
			return false
		}
	}
	for _, f := range cu.none {
		if s.has(si, f) {
			return false
		}
	}
	return true
}

type firedCue struct {
	cue  *cue
	sent int
	// sent2 is the second sentence of a window hit, or -1.
	sent2 int
	v     float64
	// dated: the cue fired only in dated background and counts in the
	// topic's background share (topic.bgFactor).
	dated bool
}

// aiBefore reports whether an AI company is named in the title or in one
// of the three sentences before si, for an anaphor in si to refer to.
func (s *state) aiBefore(si int) bool {
	if s.sents[0].Zone == rules.ZoneTitle && s.has(0, fAICompany) {
		return true
	}
	for k := si - 1; k >= 0 && k >= si-3; k-- {
		if s.has(k, fAICompany) {
			return true
		}
	}
	return false
}

// placeAnaphor reports whether sentence si refers to a company by its
// place: "The Sunnyvale company said ...", "the Mountain View start-up".
func (s *state) placeAnaphor(si int) bool {
	toks := tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, nil)
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].lower != "the" || !isCap(toks[i+1]) {
			continue
		}
		j := i + 1
		for j < len(toks) && j < i+4 && isCap(toks[j]) {
			j++
		}
		if j < len(toks) && startupWords[toks[j].lower] {
			return true
		}
	}
	return false
}

// negScope is how much a negative cue counts in sentence si: in full in
// the title or where positive evidence fires; half next to it ("... the
// administration rescinded the chip export rule"); a quarter in background
// sentences away from it ("Saudi Arabia created Humain last year to build
// data centres and buy chips. ... Humain's venture arm led a $30m round").
//
// Where it would count in full, a negative cue whose words sit only in a
// background clause after the positive evidence ("..., even as it remains
// in copyright disputes with record labels") counts half.
func negScope(s *state, cu *cue, fired []firedCue, si int) float64 {
	if s.sents[si].Zone == rules.ZoneTitle || positiveAt(fired, si) {
		if s.inBackgroundClause(cu, si) {
			return 0.5
		}
		return 1
	}
	if positiveAt(fired, si-1) || positiveAt(fired, si+1) {
		return 0.5
	}
	return 0.25
}

// inBackgroundClause reports whether every occurrence in sentence si of
// one of the cue's required terms lies in the sentence's background clause
// (after "as", "amid", "after", ...). It tokenizes only when the cue can
// fire there.
func (s *state) inBackgroundClause(cu *cue, si int) bool {
	if len(cu.all) == 0 || !s.cueFires(cu, si) {
		return false
	}
	bg := -1
	for _, f := range cu.all {
		first := s.featureStart(si, f)
		if first < 0 {
			continue // a built-in class: no position to test
		}
		if bg < 0 {
			bg = s.backgroundStart(si)
		}
		if first >= bg {
			return true
		}
	}
	return false
}

// positiveAt reports whether a positive cue fired in sentence si.
func positiveAt(fired []firedCue, si int) bool {
	for _, f := range fired {
		if f.cue.weight > 0 && (f.sent == si || f.sent2 == si) {
			return true
		}
	}
	return false
}

// cueFiresPair reports whether a cue fires on sentences a and b taken
// together.
func (s *state) cueFiresPair(cu *cue, a, b int) bool {
	if !cu.where[zoneIndex(s.sents[a].Zone)] || !cu.where[zoneIndex(s.sents[b].Zone)] {
		return false
	}
	for _, f := range cu.all {
		if !s.has(a, f) && !s.has(b, f) {
			return false
		}
	}
	for _, f := range cu.none {
		if s.has(a, f) || s.has(b, f) {
			return false
		}
	}
	return true
}

func (s *state) scoreTopic(t *topic) events.TopicResult {
	tr := events.TopicResult{Topic: t.cfg.ID}
	pos, neg := 1.0, 1.0
	var fired, negs []firedCue
	// Positive cues first: where they fire decides how much a negative
	// cue counts.
	order := make([]int, 0, len(t.cues))
	for ci := range t.cues {
		if t.cues[ci].weight > 0 {
			order = append(order, ci)
		}
	}
	for ci := range t.cues {
		if t.cues[ci].weight <= 0 {
			order = append(order, ci)
		}
	}
	dated := s.datedSentences(t)
	// posDated combines the cues that fire only in dated sentences; they
	// count at the topic's background factor.
	posDated, bgSent := 1.0, -1
	for _, ci := range order {
		cu := &t.cues[ci]
		best, bestSent := 0.0, -1
		bestDated, datedSent := 0.0, -1
		for si := range s.sents {
			v := math.Abs(cu.weight) * s.sents[si].Weight
			if cu.weight < 0 {
				v *= negScope(s, cu, fired, si)
			}
			if cu.weight > 0 && dated.at(si) {
				if v > bestDated && s.cueFires(cu, si) {
					bestDated, datedSent = v, si
				}
				continue
			}
			if v > best && s.cueFires(cu, si) {
				best, bestSent = v, si
			}
		}
		second, datedSecond := -1, -1
		if win := s.c.rules.Zones.Window; win > 0 && cu.weight > 0 {
			for a := 0; a+1 < len(s.sents) && s.sents[a+1].Zone != rules.ZoneBody; a++ {
				v := cu.weight * min(s.sents[a].Weight, s.sents[a+1].Weight) * win
				if dated.at(a) || dated.at(a+1) {
					if v > bestDated && s.cueFiresPair(cu, a, a+1) {
						bestDated, datedSent, datedSecond = v, a, a+1
					}
					continue
				}
				if v > best && s.cueFiresPair(cu, a, a+1) {
					best, bestSent, second = v, a, a+1
				}
			}
		}
		isDated := datedSent >= 0 && best < bestDated*t.bgFactor
		if isDated {
			best, bestSent, second = bestDated, datedSent, datedSecond
			if bgSent < 0 {
				bgSent = datedSent
				if !dated.at(datedSent) {
					bgSent = datedSecond
				}
			}
		}
		if bestSent < 0 {
			continue
		}
		switch {
		case isDated:
			posDated *= 1 - best
		case cu.weight > 0:
			pos *= 1 - best
		default:
			negs = append(negs, firedCue{cue: cu, sent: bestSent, sent2: -1, v: best})
		}
		fired = append(fired, firedCue{cue: cu, sent: bestSent, sent2: second, v: best, dated: isDated})
		match := s.cueMatch(cu, bestSent)
		where := s.sents[bestSent].Zone
		if second >= 0 {
			match = s.cueMatchPair(cu, bestSent, second)
			where += "+" + s.sents[second].Zone
		}
		tr.RulesFired = append(tr.RulesFired, events.RuleHit{
			Rule: cu.id, Weight: round3(math.Copysign(best, cu.weight)),
			Where: where, Match: match,
		})
	}
	for _, n := range negs {
		neg *= 1 - n.v
	}
	s.datedOnly = false
	if bgSent >= 0 {
		// The dated evidence together counts at the background factor; the
		// hit says by how much it was cut. Where the rest is too weak for
		// the learned scorer to lift, the model may not lift it either.
		if l := t.cfg.Learned; l != nil {
			s.datedOnly = (1-pos)*neg < l.LiftFrom
		}
		pos = t.withDated(pos, posDated)
		tr.RulesFired = append(tr.RulesFired, events.RuleHit{
			Rule: backgroundRule, Weight: round3(-(1 - t.bgFactor) * (1 - posDated)),
			Where: s.sents[bgSent].Zone, Match: s.backgroundMatch(t, bgSent),
		})
	}
	tr.Score = round3((1 - pos) * neg)
	s.lifted = s.learnedLift(t, &tr)
	tr.Matched = tr.Score >= t.cfg.Threshold
	if !tr.Matched {
		return tr
	}
	// The topic's sentences: every sentence where a positive cue fires.
	// Cues that need the target model's word (deal words without any AI
	// word) say where the deal is only when no other cue does: otherwise
	// they would offer the target pick the other deals an AI story
	// mentions ("Meta, which bought WhatsApp, ...").
	others := slices.ContainsFunc(fired, func(f firedCue) bool { return f.cue.weight > 0 && !f.cue.targetLearned })
	counts := func(c *cue) bool { return c.weight > 0 && !(others && c.targetLearned) }
	s.modelDeal = !others && slices.ContainsFunc(fired, func(f firedCue) bool { return f.cue.weight > 0 && f.cue.targetLearned })
	var topicSents []int
	for _, f := range fired {
		if counts(f.cue) && !slices.Contains(topicSents, f.sent) {
			topicSents = append(topicSents, f.sent)
		}
	}
	// Sentences that only complete a window hit come after the rest.
	var windowSents []int
	for _, f := range fired {
		if counts(f.cue) && f.sent2 >= 0 && !slices.Contains(topicSents, f.sent2) && !slices.Contains(windowSents, f.sent2) {
			windowSents = append(windowSents, f.sent2)
		}
	}
	for si := range s.sents {
		if slices.Contains(topicSents, si) || s.sents[si].Weight < 0.3 {
			continue
		}
		for ci := range t.cues {
			if counts(&t.cues[ci]) && s.cueFires(&t.cues[ci], si) {
				topicSents = append(topicSents, si)
				break
			}
		}
	}
	slices.SortFunc(topicSents, func(a, b int) int {
		if s.sents[a].Weight != s.sents[b].Weight {
			if s.sents[a].Weight > s.sents[b].Weight {
				return -1
			}
			return 1
		}
		return a - b
	})
	if len(topicSents) == 0 && s.lifted {
		// Lifted without rule evidence: the headline and lede carry it.
		for si := range s.sents {
			if s.sents[si].Zone != rules.ZoneBody {
				topicSents = append(topicSents, si)
			}
		}
	}
	slices.Sort(windowSents)
	for _, si := range windowSents {
		if !slices.Contains(topicSents, si) {
			topicSents = append(topicSents, si)
		}
	}
	s.hasTgt = false
	s.aiBuyer = false
	if len(topicSents) > 0 {
		tr.Evidence = append(tr.Evidence, s.evidence("topic", topicSents[0]))
	}
	var facts events.Facts
	switch t.cfg.Facts {
	case rules.FactsDeal:
		facts.Deal = s.dealFacts(topicSents, &tr)
	case rules.FactsChipPolicy:
		facts.ChipPolicy = s.chipFacts(topicSents, fired, &tr)
	}
	if facts.Deal != nil || facts.ChipPolicy != nil {
		tr.Facts = &facts
	}
	if facts.Deal != nil && s.targetGate(t, &tr, fired, neg, facts.Deal.Investors) {
		return tr
	}
	tr.Severity = s.severity(t.cfg, tr.Score, &facts)
	return tr
}

// backgroundRule names the discount for dated background in the rules
// that fired.
const backgroundRule = "background"

// datedSentences marks the sentences whose positive cues count at the
// topic's background factor: those with a term that dates the event in the
// past ("raised $40m last year"), when the headline - or, without one, the
// first sentence - fires no positive cue of the topic and has none of its
// background's unless terms, or tells its deal only in a dated clause
// (datedClause). It returns nil when nothing is discounted.
func (s *state) datedSentences(t *topic) datedSet {
	if len(t.background) == 0 || len(s.sents) == 0 {
		return nil
	}
	headDeal := false
	for ci := range t.cues {
		if t.cues[ci].weight > 0 && s.cueFires(&t.cues[ci], 0) {
			headDeal = true
			break
		}
	}
	for _, f := range t.bgUnless {
		headDeal = headDeal || s.has(0, f)
	}
	from := 1
	if headDeal {
		// "Ardent Vision, the start-up that raised $18m last spring, has
		// appointed a finance chief": a headline whose deal sits in a dated
		// clause about the company is dated background itself.
		if !s.datedClause(t, 0, false) && !s.clauseDated(t, 0) {
			return nil
		}
		from = 0
	}
	var dated datedSet
	for si := from; si < len(s.sents); si++ {
		if s.clauseDated(t, si) {
			dated = s.markDated(dated, si)
			continue
		}
		if si > 0 && s.hasAny(si, t.bgCurrent) {
			// "It said on Wednesday it had raised $750m" is news, but in
			// "It launched a model on Monday, a month after a round valued
			// it at $183bn" the news of the day is not the deal.
			if s.datedClause(t, si, true) {
				dated = s.markDated(dated, si)
			}
			continue
		}
		for _, f := range t.background {
			if s.datingHit(si, f) && !s.datedAside(t, si) {
				dated = s.markDated(dated, si)
				break
			}
		}
	}
	return dated
}

// datingHit reports whether term f occurs in sentence si other than at
// the start of an undated_after phrase ("eight months after launching").
func (s *state) datingHit(si, f int) bool {
	if !s.has(si, f) {
		return false
	}
	u, ok := s.c.termID["undated_after"]
	if !ok || !s.has(si, u) {
		return true
	}
	for _, h := range s.terms {
		if int(h.sent) != si || int(h.feature) != f {
			continue
		}
		covered := false
		for _, g := range s.terms {
			if g.sent == h.sent && int(g.feature) == u && g.start == h.start {
				covered = true
				break
			}
		}
		if !covered {
			return true
		}
	}
	return false
}

// datedAside reports whether every dating term of sentence si stands in a
// relative clause that tells no deal, while a deal word stands outside
// such clauses: in "Zhipu AI, which Washington placed on its entity list in
// January, has secured 500 million yuan" the date belongs to the clause,
// not to the deal. "X, which raised $1bn last year, licenses its
// software" stays dated: its clause holds the deal.
func (s *state) datedAside(t *topic, si int) bool {
	s.bgToks = tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, s.bgToks[:0])
	var spans [][2]int
	for _, sp := range s.lookBackClauses(s.bgToks) {
		if w := strings.ToLower(string(s.text.Runes[sp[0]:min(sp[1], sp[0]+5)])); w == "which" || strings.HasPrefix(w, "who") {
			spans = append(spans, sp)
		}
	}
	if len(spans) == 0 {
		return false
	}
	mainDeal := false
	for _, h := range s.terms {
		if int(h.sent) != si {
			continue
		}
		f, at := int(h.feature), int(h.start)
		inClause := inSpans(spans, at)
		if slices.Contains(t.background, f) && !inClause {
			return false
		}
		if slices.Contains(t.bgUnless, f) {
			if inClause && !s.entityListAt(at) {
				return false
			}
			mainDeal = mainDeal || !inClause
		}
	}
	return mainDeal
}

// entityListAt reports whether rune offset at starts the "list" of "entity
// list", which the listing words also match ("its entity list in January").
func (s *state) entityListAt(at int) bool {
	const before = "entity "
	return at >= len(before) && strings.EqualFold(string(s.text.Runes[at-len(before):at]), before)
}

// markDated marks sentence si in dated, allocating the set on first use.
func (s *state) markDated(dated datedSet, si int) datedSet {
	if dated == nil {
		if cap(s.bgDated) < len(s.sents) {
			s.bgDated = make([]bool, len(s.sents))
		}
		s.bgDated = s.bgDated[:len(s.sents)]
		clear(s.bgDated)
		dated = s.bgDated
	}
	dated[si] = true
	return dated
}

// clauseDated reports whether sentence si tells its deal words only inside
// clauses that look back, or asks rather than tells. The clauses are a
// relative clause in the past hung on a name ("The unit is run by Alexandr
// Wang, who joined as part of Meta's $14.3 billion investment in Scale
// AI"), a clause opened by "since" or "having", a fronted "after" clause
// ("After its $6.6bn raise, OpenAI hires ..."), and a participle between
// commas ("OpenAI, valued at $300 billion in the financing it closed this
// spring, said ..."). A clause that denies or muses about a deal counts
// the same (hedgeClauses: "a listing is not a near-term focus"). Unlike
// the dating terms, the grammar alone dates the deal here; a look-back
// clause that tells news now (topic background current: "which on Monday
// raised $5m") is never dated.
//
// Only deals are dated this way: a policy action told in such a clause
// ("Biren, which was placed on a US export blacklist, ...") is evidence
// the guideline counts.
func (s *state) clauseDated(t *topic, si int) bool {
	if t.cfg.Facts != rules.FactsDeal {
		return false
	}
	deal := false
	for _, h := range s.terms {
		if int(h.sent) == si && slices.Contains(t.bgUnless, int(h.feature)) {
			deal = true
			break
		}
	}
	if !deal {
		return false
	}
	if s.question(si) {
		return true // "Could Samsung buy a chip-design start-up?"
	}
	s.bgToks = tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, s.bgToks[:0])
	spans := s.lookBackClauses(s.bgToks)
	hedged := s.hedgeClauses(s.bgToks)
	if len(spans) == 0 && len(hedged) == 0 {
		return false
	}
	for _, h := range s.terms {
		if int(h.sent) != si {
			continue
		}
		f, at := int(h.feature), int(h.start)
		if slices.Contains(t.bgUnless, f) && !inSpans(spans, at) && !inSpans(hedged, at) {
			return false // the main clause tells a deal
		}
		if slices.Contains(t.bgCurrent, f) && inSpans(spans, at) && !inSpans(hedged, at) {
			return false // "X, which on Monday raised $5m, ..."
		}
	}
	return true
}

// inSpans reports whether rune offset p lies in one of the spans.
func inSpans(spans [][2]int, p int) bool {
	for _, sp := range spans {
		if p >= sp[0] && p < sp[1] {
			return true
		}
	}
	return false
}

// hedgeClauses returns the rune spans of a sentence's clauses that deny a
// deal or only muse about one: "the company is not raising", "has no
// immediate plans to go public", "could consider outside capital", "a
// listing is not a near-term focus", "would be open to investment". Each
// span is the whole clause around its trigger: the words between commas,
// semicolons, brackets or dashes, cut also at but, though, although,
// while, whereas and and. A cut in the wrong place only shrinks a span,
// so the sentence keeps its deal.
func (s *state) hedgeClauses(toks []token) [][2]int {
	var spans [][2]int
	start := 0 // first token of the current clause
	for k := 0; k < len(toks); k++ {
		if k > start && s.clauseBreak(toks, k) {
			start = k
		}
		denial := deniesReport(toks, k)
		if !denial && !s.hedgeAt(toks, k) {
			continue
		}
		end := k + 1
		for end < len(toks) && (denial || !s.clauseBreak(toks, end)) {
			end++
		}
		spans = append(spans, [2]int{toks[start].start, toks[end-1].end})
		k = end - 1
	}
	return spans
}

// deniesReport reports whether token k opens a denial of a report, whose
// reach is the rest of the sentence: "pushing back on a report that the
// startup was seeking money at a $200 billion valuation", "denied reports
// it is in talks".
func deniesReport(toks []token, k int) bool {
	w := toks[k].lower
	switch {
	case denyVerbs[w]:
	case w == "back" && k > 0 && pushWords[toks[k-1].lower] && k+1 < len(toks) && (toks[k+1].lower == "on" || toks[k+1].lower == "against"):
	default:
		return false
	}
	for q := k + 1; q < len(toks) && q <= k+4; q++ {
		if reportWords[toks[q].lower] {
			return true
		}
	}
	return false
}

var (
	denyVerbs   = set(`denied denies deny denying dismissed dismisses dismissing rejected rejects rejecting refuted refutes rebuffed rebuts rebutted`)
	pushWords   = set(`push pushes pushed pushing`)
	reportWords = set(`report reports reporting speculation rumours rumors rumour rumor claims suggestions`)
)

// clauseBreak reports whether a new clause starts at token k: after a
// comma, semicolon, bracket, dash or colon, or at a joining conjunction.
func (s *state) clauseBreak(toks []token, k int) bool {
	return k > 0 && (s.punctBreak(toks, k, true) || clauseJoiners[toks[k].lower])
}

// punctBreak reports whether the gap before token k holds a comma,
// semicolon, bracket or dash ("–", "—", " - "), or with colon a colon.
func (s *state) punctBreak(toks []token, k int, colon bool) bool {
	gap := s.text.Runes[toks[k-1].end:toks[k].start]
	for i, r := range gap {
		switch r {
		case ',', ';', '；', '(', ')', '–', '—':
			return true
		case ':':
			return colon
		case '-':
			if i > 0 && gap[i-1] == ' ' && i+1 < len(gap) && gap[i+1] == ' ' {
				return true // " - "
			}
		}
	}
	return false
}

// gapHas reports whether the gap before token k holds one of chars.
func (s *state) gapHas(toks []token, k int, chars string) bool {
	for _, r := range s.text.Runes[toks[k-1].end:toks[k].start] {
		if strings.ContainsRune(chars, r) {
			return true
		}
	}
	return false
}

// hedgeAt reports whether token k opens a denial or a musing about a deal
// (hedgeClauses), within its clause.
func (s *state) hedgeAt(toks []token, k int) bool {
	w := strings.ReplaceAll(toks[k].lower, "’", "'")
	switch {
	case negators[w]:
		// "not raising", "no immediate plans", "not part of its plans",
		// "not in talks", "not a near-term focus"; not "not disclosed".
		for q := k + 1; q < len(toks) && q <= k+3 && !s.clauseBreak(toks, q); q++ {
			if hedgeIntents[toks[q].lower] {
				return true
			}
		}
	case hedgeModals[w]:
		// "could consider", "may one day list", "would welcome".
		for q := k + 1; q < len(toks) && q <= k+2 && !s.clauseBreak(toks, q); q++ {
			if hedgeMusings[toks[q].lower] {
				return true
			}
		}
	case w == "someday" || w == "somewhere":
		return true // "going public is probably somewhere in its future"
	case w == "one":
		// "a listing one day", not "one day after the listing"
		return k+1 < len(toks) && toks[k+1].lower == "day" && (k+2 >= len(toks) || !dayAnchors[toks[k+2].lower])
	case w == "open":
		// "remains open to outside investment"
		return k > 0 && k+1 < len(toks) && toks[k+1].lower == "to" && openCopulas[strings.ReplaceAll(toks[k-1].lower, "’", "'")]
	case w == "rule" || w == "rules" || w == "ruled" || w == "ruling":
		return k+1 < len(toks) && toks[k+1].lower == "out"
	}
	return false
}

var (
	negators = set(`not no never nor isn't aren't wasn't weren't won't doesn't don't didn't hasn't haven't hadn't`)
	// hedgeIntents follow a negator where it denies a deal rather than a
	// detail of one ("not disclosed").
	hedgeIntents = set(`raising seeking looking planning plans plan considering interested intention intent sale talks near-term immediate imminent priority focus part agenda table ready hurry rush rushing pursuing exploring timeline timetable decided selling`)
	hedgeModals  = set(`could might may would`)
	hedgeMusings = set(`consider eventually someday welcome explore one involve look`)
	dayAnchors   = set(`after before later earlier of`)
	openCopulas  = set(`is be are remains remain was 's stays`)
	// clauseJoiners start a new clause inside a sentence.
	clauseJoiners = set(`but though although while whereas and`)
)

// question reports whether sentence si asks rather than tells: it ends
// with a question mark ("What would a Mistral IPO look like?").
func (s *state) question(si int) bool {
	for i := s.sents[si].End - 1; i >= s.sents[si].Start; i-- {
		switch r := s.text.Runes[i]; {
		case r == '?' || r == '？':
			return true
		case unicode.IsSpace(r) || r == '"' || r == '\'' || r == '”' || r == '’':
			continue
		}
		return false
	}
	return false
}

// lookBackClauses returns the rune spans of a sentence's clauses that tell
// an earlier event (clauseDated): each runs from its opening word to the
// next comma, semicolon, dash or bracket, or to the sentence's end.
func (s *state) lookBackClauses(toks []token) [][2]int {
	var spans [][2]int
	end := func(k int) int {
		for q := k + 1; q < len(toks); q++ {
			if s.punctBreak(toks, q, false) {
				return toks[q-1].end
			}
		}
		return toks[len(toks)-1].end
	}
	for k := range toks {
		w := toks[k].lower
		switch {
		case k <= 2 && w == "after" && (k == 0 || fronting[toks[0].lower]):
			// "After its $6.6bn raise, ...", "Weeks after the deal, ..."
			spans = append(spans, [2]int{toks[0].start, end(k)})
		case k > 0 && (w == "since" || w == "having"):
			spans = append(spans, [2]int{toks[k].start, end(k)})
		case k > 0 && (w == "who" || w == "which" || w == "whose") && s.gapHas(toks, k, ",(") && pastClause(toks, k+1):
			spans = append(spans, [2]int{toks[k].start, end(k)})
		case k > 0 && participles[w] && s.gapHas(toks, k, ",("):
			spans = append(spans, [2]int{toks[k].start, end(k)})
		}
	}
	return spans
}

// fronting words open a sentence before "after": "Weeks after ...",
// "Shortly after ...", "Months after ...".
var fronting = set(`weeks days months years shortly soon just long a two three`)

// pastClause reports whether the relative clause that opens at token k
// tells a finished event: "who joined", "which was valued", "who came",
// "which Washington placed on its entity list", "which it bought", not
// "which is leading the round" or "who will invest".
func pastClause(toks []token, k int) bool {
	subject := 0
	for q := k; q < len(toks) && q < k+4; q++ {
		w := toks[q].lower
		if clauseAdverbs[w] {
			continue
		}
		if subject < 2 && (isCap(toks[q]) || clauseSubjects[w]) {
			subject++
			continue
		}
		return pastVerbs[w] || strings.HasSuffix(w, "ed") && !presentEd[w]
	}
	return false
}

var (
	clauseAdverbs = set(`also previously later then once first originally briefly`)
	// clauseSubjects stand before the verb of an object relative clause:
	// "which it bought", "which the US added".
	clauseSubjects = set(`it they he she we the`)
	// participles open an appositive that looks back on a deal: "OpenAI,
	// valued at $300 billion in its spring round, said ...".
	participles = set(`valued backed funded acquired bought founded spun`)
	// pastVerbs are irregular past forms a look-back clause opens with.
	pastVerbs = set(`was were had came took led sold bought made won got became went left grew began drew put paid rose`)
	// presentEd end in "ed" but do not tell a finished event.
	presentEd = set(`need needs embed seed feed speed breed shed`)
)

// datedClause reports whether sentence si tells its deal only as dated
// background around a main clause about something else: in a clause
// between commas after the opening name ("X, which raised $25m in
// February, said Germany is its fastest-growing market"), or after a
// subordinator that follows the main verb ("Y has joined DeepMind, the
// second departure since its round at a $4bn valuation in January", "Z
// was charged over claims made when raising money in 2022"), or in a
// fronted clause that opens with a dating term ("Three years on from its
// acquisition, W is doubling its lab"). The deal words must all stand
// there, and a dating term or a dating subordinator must date them; a
// clause opened by "where" needs a dating term, and so does every clause
// when needTerm is set: a sentence that also tells news of the day
// ("shares fell on Tuesday after the Commerce Department issued a rule").
func (s *state) datedClause(t *topic, si int, needTerm bool) bool {
	s.bgToks = tokenize(s.text.Runes, s.sents[si].Start, s.sents[si].End, s.bgToks[:0])
	toks := s.bgToks
	if len(toks) == 0 {
		return false
	}
	clauseStart, clauseEnd, mainTok := -1, -1, 0
	if s.frontedDate(t, si, toks[min(2, len(toks)-1)].start) {
		// "Three years on from its acquisition by a Korean conglomerate,
		// Pellucid Optics is doubling its research centre": the clause up
		// to the first comma is the dated one.
		for k := 1; k < len(toks) && k <= 16; k++ {
			if strings.ContainsRune(string(s.text.Runes[toks[k-1].end:toks[k].start]), ',') {
				clauseStart, clauseEnd, mainTok = toks[0].start, toks[k].start, k
				break
			}
		}
	}
	for k := 1; clauseStart < 0 && k < len(toks) && k <= 8; k++ {
		if strings.ContainsRune(string(s.text.Runes[toks[k-1].end:toks[k].start]), ',') {
			if q := s.clauseVerb(toks, k); q >= 0 {
				clauseStart, clauseEnd, mainTok = toks[k].start, toks[q].start, q
			}
			break
		}
	}
	sub, subDates := -1, false
	// A subordinator near the start opens a fronted clause ("Weeks after
	// US blacklisting, X raises ..."), not a trailing one.
	for k := max(mainTok+1, 4); k < len(toks); k++ {
		if subordinators[toks[k].lower] || clauseOpeners[toks[k].lower] {
			sub, subDates = toks[k].start, subordinators[toks[k].lower]
			break
		}
		if s.gapHas(toks, k, ";；(") {
			// "Sierra launched a voice-agent builder; it reached a $10bn
			// valuation in a round led by Greenoaks in September", "(the
			// lab closed a $2 billion seed round in July)": a clause after
			// a semicolon or in brackets, dated by a dating term there.
			sub = toks[k].start
			break
		}
	}
	if clauseStart < 0 && sub < 0 {
		return false
	}
	inBackground := func(p int) bool {
		return clauseStart >= 0 && p >= clauseStart && p < clauseEnd || sub >= 0 && p >= sub
	}
	dated, deal := false, false
	for _, h := range s.terms {
		if int(h.sent) != si {
			continue
		}
		f, at := int(h.feature), int(h.start)
		if slices.Contains(t.background, f) && (inBackground(at) || inBackground(int(h.end)-1)) {
			dated = true // also "a month after a funding round" across "after"
		}
		if slices.Contains(t.bgCurrent, f) && inBackground(at) {
			return false // the clause itself tells news now
		}
		if slices.Contains(t.bgUnless, f) {
			if !inBackground(at) {
				return false // the main clause tells a deal
			}
			deal = true
			dated = dated || subDates && !needTerm && at >= sub
		}
	}
	return dated && deal
}

// frontedDate reports whether sentence si opens with one of the topic's
// dating terms, starting at or before rune offset by (its third word:
// "Three years on from", "Two years after").
func (s *state) frontedDate(t *topic, si, by int) bool {
	for _, h := range s.terms {
		if int(h.sent) == si && int(h.start) <= by && slices.Contains(t.background, int(h.feature)) {
			return true
		}
	}
	return false
}

// subordinators open a clause that tells an earlier event: "since its
// round", "when raising money", "before the company's Series B".
var subordinators = set(`since when before after following`)

// clauseOpeners open a trailing clause that sets a scene without dating
// it: "committed to China, where its chips cannot be sold under US export
// rules". A dating term inside must date the deal words there.
var clauseOpeners = set(`where`)

// hasAny reports whether sentence si has one of the features.
func (s *state) hasAny(si int, features []int) bool {
	for _, f := range features {
		if s.has(si, f) {
			return true
		}
	}
	return false
}

// withDated folds the product of (1 - v) over dated cues into the product
// over the others: the dated evidence together counts at bgFactor.
func (t *topic) withDated(pos, posDated float64) float64 {
	return pos * (1 - t.bgFactor*(1-posDated))
}

// datedSet marks dated sentences; a nil set marks none.
type datedSet []bool

func (d datedSet) at(si int) bool { return si < len(d) && d[si] }

// backgroundMatch names the phrase that dated sentence si, or says that
// its grammar did (clauseDated).
func (s *state) backgroundMatch(t *topic, si int) string {
	for _, h := range s.terms {
		if int(h.sent) == si && slices.Contains(t.background, int(h.feature)) {
			return string(s.text.Runes[h.start:h.end])
		}
	}
	return clauseDatedMatch
}

// clauseDatedMatch is the match of a background hit dated by grammar.
const clauseDatedMatch = "(look-back clause, hedge or question)"

// cueMatch names what a cue matched in a sentence, for diagnosis.
func (s *state) cueMatch(cu *cue, si int) string { return s.cueMatchPair(cu, si, -1) }

// cueMatchPair names what a cue matched in sentence a, or in a and b.
func (s *state) cueMatchPair(cu *cue, a, b int) string {
	var parts []string
	for _, f := range cu.all {
		if f < numBuiltins {
			parts = append(parts, rules.Builtins[f])
			continue
		}
		for _, h := range s.terms {
			if (int(h.sent) == a || int(h.sent) == b) && int(h.feature) == f {
				parts = append(parts, string(s.text.Runes[h.start:h.end]))
				break
			}
		}
	}
	return strings.Join(parts, " + ")
}

func (s *state) evidence(fact string, si int) events.Evidence {
	return events.Evidence{Fact: fact, Sentence: s.sentenceText(si), Start: s.sents[si].Start, End: s.sents[si].End}
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

func sortStrings(s []string) { slices.Sort(s) }
