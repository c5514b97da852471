package classify

import (
	"strings"

	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
)

var (
	// notActorBefore are words that make a government the place or the
	// target of an action ("exports to China", "investment in the US").
	notActorBefore = set(`to into against on for from toward towards across in of with than between via about`)
	// compassWords stand between a preposition and the country it places:
	// "a display factory in southern Taiwan".
	compassWords = set(`north south east west northern southern eastern western central northeastern northwestern
		southeastern southwestern`)
	// companyEndings close a company's name before a country that names
	// its local arm: "Pegatron Technology India", "Samsung Electronics
	// Vietnam".
	companyEndings = set(`technology technologies electronics systems semiconductor semiconductors holdings software
		solutions industries`)
	// notActorAfter are words that make a country name an adjective ("US
	// chips", "Chinese firms", "U.S. tech CEOs").
	notActorAfter = set(`chip chips chipmaker chipmakers company companies firm firms tech technology technologies
		investors investor stocks stock shares market markets customers buyers startups start-ups startup
		dollar dollars consumers users tariffs exports imports sales demand business businesses rivals rival
		subsidiaries subsidiary unit units expansion office offices operations push launch debut visit trip tour ai a.i. based
		fab fabs factory factories plant plants foundry foundries facility facilities site sites spending`)
	// stateWords after a possessive keep the government acting ("Korea's
	// National Growth Fund", "Japan's Ministry of Economy").
	stateWords = set(`national state sovereign public ministry government cabinet commerce finance industry trade
		economy customs parliament president prime premier federal central development investment treasury`)
)

// govActs reports whether a government mention names an acting government
// rather than a place or a target: not "to China", not "US chips", not
// "Japan's SBI" (a possessive before a company name), not "US-listed".
func (s *state) govActs(m mention) bool {
	runes := s.text.Runes
	if m.end < len(runes) && runes[m.end] == '-' {
		return false
	}
	sent := s.sents[m.sent]
	toks := tokenize(runes, sent.Start, sent.End, nil)
	k0, k1 := mentionTokens(toks, m)
	if k0 > 0 && notActorBefore[toks[k0-1].lower] {
		return false
	}
	if k0 > 1 && (toks[k0-1].lower == "the" || compassWords[toks[k0-1].lower]) && notActorBefore[toks[k0-2].lower] {
		return false
	}
	// "Pegatron's India iPhone plant", "Apple's China sales": a country
	// after a company's possessive says where its business is; in
	// "Pegatron Technology India" it ends the company's name.
	if k0 > 0 && isPossessive(toks[k0-1]) && !s.governmentAt(toks[k0-1].start) {
		return false
	}
	if k0 > 0 && isCap(toks[k0-1]) && companyEndings[toks[k0-1].lower] {
		return false
	}
	if k1 <= len(toks) && k1 > 0 {
		last := toks[k1-1].lower
		possessive := strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "\u2019s")
		if k1 < len(toks) {
			next := toks[k1]
			if notActorAfter[next.lower] {
				return false
			}
			if possessive && isCap(next) && !stateWords[next.lower] && !s.governmentAt(next.start) {
				return false
			}
			// "President Trump's state visit": a trip, not a state body.
			if possessive && next.lower == "state" && k1+1 < len(toks) && notActorAfter[toks[k1+1].lower] {
				return false
			}
		}
	}
	return true
}

// governmentAt reports whether a government mention starts at pos.
func (s *state) governmentAt(pos int) bool {
	for _, m := range s.ents {
		if m.start == pos {
			if e := s.entry(m); e != nil && e.Kind == gazetteer.KindGovernment {
				return true
			}
		}
	}
	return false
}
