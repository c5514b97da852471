package money

import (
	"strings"
	"unicode"
)

// Spelled-out numbers: "three hundred million dollars", "a two billion
// valuation". Only a run of number words followed by million, billion or
// trillion counts, and only with a currency after it or a deal word
// (valuation, round, funding, ...) right after, so "two billion users" stays
// text.

var numberWords = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"half": 0.5,
}

var wordScales = map[string]float64{"million": 1e6, "billion": 1e9, "trillion": 1e12}

// dealWordsAfter may follow a spelled amount with no currency named.
var dealWordsAfter = map[string]bool{
	"valuation": true, "round": true, "funding": true, "investment": true, "stake": true,
	"deal": true, "takeover": true, "acquisition": true, "ipo": true, "financing": true,
}

type wordTok struct {
	lower      string
	start, end int
}

func wordsFrom(runes []rune) []wordTok {
	var out []wordTok
	for i := 0; i < len(runes); {
		if !unicode.IsLetter(runes[i]) || !latinLetter(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && (latinLetter(runes[j]) || runes[j] == '-') {
			j++
		}
		out = append(out, wordTok{strings.ToLower(string(runes[i:j])), i, j})
		i = j
	}
	return out
}

// findWords returns spelled-out amounts that do not overlap taken ones.
func findWords(runes []rune, rates Rates, taken []Amount) []Amount {
	if !hasScaleWord(runes) {
		return nil // most texts spell no amount: skip the tokenising
	}
	toks := wordsFrom(runes)
	var out []Amount
	for i := 0; i < len(toks); i++ {
		if _, ok := numberWords[toks[i].lower]; !ok && compound(toks[i].lower) == 0 {
			continue
		}
		// "a three billion valuation": the article is no number.
		if (toks[i].lower == "a" || toks[i].lower == "an") && i+1 < len(toks) && toks[i+1].lower != "hundred" {
			if _, ok := wordScales[toks[i+1].lower]; !ok {
				continue
			}
		}
		// A run of number words: "three hundred", "twenty-five", "one and a half".
		val, j := 0.0, i
		for j < len(toks) {
			w := toks[j].lower
			if n, ok := numberWords[w]; ok {
				val += n
			} else if w == "hundred" {
				val = max(val, 1) * 100
			} else if n := compound(w); n > 0 {
				val += n
			} else if w != "and" {
				break
			}
			j++
		}
		if j >= len(toks) || j == i {
			continue
		}
		scale, ok := wordScales[toks[j].lower]
		if !ok || val == 0 || (toks[i].lower == "a" || toks[i].lower == "an") && j == i+1 {
			continue
		}
		end := toks[j].end
		cur, send := suffixAfter(runes, end)
		if cur != "" {
			end = send
		} else if j+1 < len(toks) && dealWordsAfter[toks[j+1].lower] {
			cur = "USD"
		} else {
			continue
		}
		a := Amount{Start: toks[i].start, End: end, Value: val * scale, Currency: cur}
		overlap := false
		for _, t := range taken {
			if a.Start < t.End && t.Start < a.End {
				overlap = true
			}
		}
		if !overlap {
			a.USD = a.Value * rate(rates, cur)
			a.Qualifier = qualifierBefore(runes, a.Start)
			a.Text = string(runes[a.Start:a.End])
			out = append(out, a)
		}
		i = j
	}
	return out
}

// compound is the value of "twenty-five" style words, or 0.
func compound(w string) float64 {
	tens, unit, ok := strings.Cut(w, "-")
	if !ok || numberWords[tens] < 20 || numberWords[unit] < 1 || numberWords[unit] > 9 {
		return 0
	}
	return numberWords[tens] + numberWords[unit]
}

// hasScaleWord reports whether "illion" (million, billion, trillion) occurs
// in the text, in any case, without allocating.
func hasScaleWord(runes []rune) bool {
	const want = "illion"
	for i := 0; i+len(want) <= len(runes); i++ {
		j := 0
		for j < len(want) && unicode.ToLower(runes[i+j]) == rune(want[j]) {
			j++
		}
		if j == len(want) {
			return true
		}
	}
	return false
}
