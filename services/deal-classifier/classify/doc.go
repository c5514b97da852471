package classify

import (
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

// Document is one article or text to classify.
type Document struct {
	Title string
	// Text is the body, paragraphs separated by blank lines; may be empty.
	Text string
	// Summary is the feed's summary or lede; it stands in for Text when
	// Text is empty.
	Summary     string
	URL         string
	Outlet      string
	Language    string
	PublishedAt time.Time
}

// Body is the text after the title: Text, or Summary when Text is empty.
func (d Document) Body() string {
	if strings.TrimSpace(d.Text) != "" {
		return d.Text
	}
	return d.Summary
}

// Joined is the "title\n\ntext" document that evidence offsets refer to.
func (d Document) Joined() string { return d.Title + "\n\n" + d.Body() }

// Sentence is one sentence of the joined document. Start and End are rune
// offsets.
type Sentence struct {
	Start, End int
	Zone       string
	Weight     float64
	Para       int
}

// segment splits runes (the joined document) into sentences, tagging each
// with its zone and weight. titleLen is the title's length in runes.
func segment(runes []rune, titleLen int, z rules.Zones, dst []Sentence) []Sentence {
	if titleLen > 0 {
		dst = splitSentences(runes, 0, titleLen, dst, func(int) (string, float64, int) {
			return rules.ZoneTitle, z.Title, -1
		})
	}
	bodyStart := min(titleLen+2, len(runes))
	para, inPara, count := 0, 0, 0
	dst = splitSentences(runes, bodyStart, len(runes), dst, func(start int) (string, float64, int) {
		// A blank line before start opens a new paragraph.
		nl := 0
		for i := start - 1; i >= bodyStart && unicode.IsSpace(runes[i]); i-- {
			if runes[i] == '\n' {
				nl++
			}
		}
		if nl > 0 && count > 0 {
			para++
			inPara = 0
		}
		defer func() { count++; inPara++ }()
		if count < z.LedeSentences {
			return rules.ZoneLede, z.Lede, para
		}
		w := z.Body * math.Pow(z.Decay, float64(para))
		if inPara > 0 && para > 0 {
			w *= 0.9
		}
		return rules.ZoneBody, math.Max(w, z.Floor), para
	})
	return dst
}

var abbreviations = map[string]bool{
	"inc": true, "corp": true, "co": true, "ltd": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"st": true, "jr": true, "sr": true, "no": true, "vs": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "gov": true, "sen": true, "rep": true, "gen": true, "approx": true, "est": true, "plc": true,
	"bros": true, "u.s": true, "u.k": true, "e.u": true, "a.i": true, "n.v": true, "s.a": true, "ag": false,
	// German scale abbreviations: "500 Mio. Dollar", "1,2 Mrd. Euro".
	"mio": true, "mrd": true, "bzw": true, "ca": true,
}

// splitSentences appends the sentences of runes[from:to].
func splitSentences(runes []rune, from, to int, dst []Sentence, tag func(start int) (string, float64, int)) []Sentence {
	start := from
	emit := func(end int) {
		s, e := trimSpan(runes, start, end)
		if e > s {
			zone, w, p := tag(s)
			dst = append(dst, Sentence{Start: s, End: e, Zone: zone, Weight: w, Para: p})
		}
	}
	for i := from; i < to; i++ {
		r := runes[i]
		switch {
		case r == '\n':
			emit(i)
			start = i + 1
		case r == '。' || r == '！' || r == '？':
			emit(i + 1)
			start = i + 1
		case r == '.' || r == '!' || r == '?':
			if isBoundary(runes, i, to) {
				end := i + 1
				for end < to && (runes[end] == '"' || runes[end] == '\'' || runes[end] == '\u201D' || runes[end] == '\u2019' || runes[end] == ')') {
					end++
				}
				emit(end)
				start = end
				i = end - 1
			}
		}
	}
	emit(to)
	return dst
}

func isBoundary(runes []rune, i, to int) bool {
	j := i + 1
	for j < to && (runes[j] == '"' || runes[j] == '\u201D' || runes[j] == '\'' || runes[j] == '\u2019' || runes[j] == ')') {
		j++
	}
	if j >= to {
		return true
	}
	if runes[j] != ' ' && runes[j] != '\n' && runes[j] != '\u00A0' {
		return false
	}
	for j < to && (runes[j] == ' ' || runes[j] == '\u00A0') {
		j++
	}
	if j >= to || runes[j] == '\n' {
		return true
	}
	next := runes[j]
	if unicode.IsLower(next) {
		return false
	}
	if runes[i] != '.' {
		return true
	}
	// The word before the period: an abbreviation or an initial is no end.
	k := i
	for k > 0 && !unicode.IsSpace(runes[k-1]) && runes[k-1] != '(' {
		k--
	}
	word := strings.ToLower(string(runes[k:i]))
	if abbreviations[word] {
		return false
	}
	if len([]rune(word)) == 1 && unicode.IsLetter([]rune(word)[0]) {
		// "in a Series A. Harrowgate led the round": a round's letter
		// ends the sentence; an initial ("J. Smith") does not.
		return roundLetter(runes, k)
	}
	return true
}

// roundLetter reports whether the word before position k is "Series" (or
// "Serie", "Série"), making the single letter at k a round's name.
func roundLetter(runes []rune, k int) bool {
	e := k
	for e > 0 && unicode.IsSpace(runes[e-1]) {
		e--
	}
	b := e
	for b > 0 && unicode.IsLetter(runes[b-1]) {
		b--
	}
	switch strings.ToLower(string(runes[b:e])) {
	case "series", "serie", "série":
		return true
	}
	return false
}

func trimSpan(runes []rune, s, e int) (int, int) {
	for s < e && unicode.IsSpace(runes[s]) {
		s++
	}
	for e > s && unicode.IsSpace(runes[e-1]) {
		e--
	}
	return s, e
}
