package classify

import (
	"strings"

	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

// isPossessive reports whether a token ends in "'s" (straight or curly).
func isPossessive(t token) bool {
	return strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "\u2019s")
}

// possessedName finds the name owned by the run toks[i:j] in "OpenAI buys
// Jony Ive's io" or "Ola founder's Krutrim raises": the thing owned, not its
// owner, is the company in the deal. It returns the owned run [p, q) and
// whether the owner run is followed by one. A possessive before a deal noun
// ("Acme's IPO") is left to the caller.
func possessedName(toks []token, i, j int) (int, int, bool) {
	p := j
	switch {
	case isPossessive(toks[j-1]):
	case j < len(toks) && isPossessive(toks[j]) && personTitles[strings.TrimSuffix(strings.TrimSuffix(toks[j].lower, "'s"), "\u2019s")]:
		p = j + 1
	default:
		return 0, 0, false
	}
	if p >= len(toks) || possessiveNext[toks[p].lower] || nameStops[toks[p].lower] || descriptors[toks[p].lower] || startupWords[toks[p].lower] {
		return 0, 0, false
	}
	q := p + 1
	if isCap(toks[p]) {
		for q < len(toks) && isCap(toks[q]) && !nameStops[toks[q].lower] {
			q++
		}
	} else if n := len([]rune(toks[p].text)); n > 4 || !hasLetter(toks[p].text) {
		// A lower-case word after a possessive is a brand only when short
		// ("io", "xAI" is in the gazetteer); longer ones are common nouns.
		return 0, 0, false
	}
	if q < len(toks) && eventWords[toks[q].lower] {
		return 0, 0, false // "Microsoft's Ignite conference"
	}
	// The owned name is a deal party only where the place says so: after
	// a deal verb ("buys Jony Ive's io") or before one ("... Krutrim raises").
	// ... or where a backer list places it ("led by Daniel Ek's Prima
	// Materia").
	before := i > 0 && beforeAnchors[toks[i-1].lower] || afterBackerMarker(toks, i)
	after := q < len(toks) && afterAnchors[toks[q].lower]
	if !before && !after {
		return 0, 0, false
	}
	return p, q, true
}

// considerOwned records the owned name toks[p:q] as a company unless it
// overlaps a known name; it is an AI company when the sentence describes one.
func (s *state) considerOwned(si int, toks []token, p, q int) {
	start, end := toks[p].start, toks[q-1].end
	if isPossessive(toks[q-1]) {
		end -= 2
	}
	name := string(s.text.Runes[start:end])
	if len([]rune(name)) < 2 || !hasLetter(name) {
		return
	}
	if s.overlapsMention(start, end) {
		return
	}
	if s.personNamed(name) {
		return // "Mira Murati's Thinking Machines Lab": the founder, not the company
	}
	ai := s.aiDescribed(si) || namesAI(name) || strings.HasSuffix(strings.ToLower(name), " labs")
	// A headline's owned name is an AI company when the lede, naming it
	// again, describes one ("... io, the AI device start-up").
	if !ai && s.sents[si].Zone == rules.ZoneTitle && si+1 < len(s.sents) {
		lede := s.sents[si+1]
		text := string(s.text.Runes[lede.Start:lede.End])
		ai = containsWord(text, name) && (s.aiDescribed(si+1) || containsWord(text, "AI"))
	}
	s.ents = append(s.ents, mention{entry: -1, name: name, start: start, end: end, sent: si, ai: ai})
}

// containsWord reports whether w occurs in text as a whole word.
func containsWord(text, w string) bool {
	for off := 0; ; {
		k := strings.Index(text[off:], w)
		if k < 0 {
			return false
		}
		a, b := off+k, off+k+len(w)
		okA := a == 0 || !isWordRune(lastRune(text[:a]))
		okB := b == len(text) || !isWordRune([]rune(text[b:])[0])
		if okA && okB {
			return true
		}
		off = b
	}
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}
