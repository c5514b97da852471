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
	// German, French, Spanish, Italian, Portuguese and Dutch, as far as
	// news spells out amounts ("zwei Milliarden Dollar", "un milliard
	// d'euros", "dos mil millones").
	"ein": 1, "eine": 1, "einer": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "zehn": 10, "anderthalb": 1.5,
	"un": 1, "une": 1, "deux": 2, "trois": 3, "cinq": 5, "dix": 10,
	"uno": 1, "una": 1, "dos": 2, "tres": 3, "cinco": 5, "diez": 10, "due": 2, "tre": 3, "cinque": 5, "dieci": 10,
	"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3,
	"één": 1, "twee": 2, "drie": 3, "vijf": 5, "tien": 10,
}

var wordScales = map[string]float64{"million": 1e6, "billion": 1e9, "trillion": 1e12,
	"millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
	"millones": 1e6, "milioni": 1e6, "miliardi": 1e9, "miliardo": 1e9, "milhões": 1e6, "bilhões": 1e9, "bilhão": 1e9,
	"miljoen": 1e6, "miljard": 1e9}

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

// scaleStems are ASCII stems of the scale words: million, billion,
// Milliarde, milliard, millones, miliardi, milioni, miljard, miljoen.
var scaleStems = []string{"illi", "ilia", "ilio", "iljar", "iljoe"}

// hasScaleWord reports whether a scale-word stem occurs in the text, in any
// case, without allocating.
func hasScaleWord(runes []rune) bool {
	for _, want := range scaleStems {
		for i := 0; i+len(want) <= len(runes); i++ {
			j := 0
			for j < len(want) && unicode.ToLower(runes[i+j]) == rune(want[j]) {
				j++
			}
			if j == len(want) {
				return true
			}
		}
	}
	return false
}
