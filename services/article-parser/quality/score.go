// Package quality scores article extraction against hand-labelled pages:
// token precision, recall and F1 over 4-token shingles, and metadata
// accuracy. It backs the extracteval command and the harness test.
package quality

import (
	"strings"
	"unicode"
)

// ShingleSize is the number of consecutive tokens in one shingle.
const ShingleSize = 4

// PRF is precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Tokens splits text into \w+ runs (Unicode letters, marks, digits and
// underscore), lower-cased. Each CJK character is a token of its own,
// since those scripts put no spaces between words and a whole sentence
// would otherwise be one token.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
		cjk := word && isCJK(r)
		if (!word || cjk) && start >= 0 {
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
		if cjk {
			out = append(out, string(r))
		} else if word && start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// shingles counts the ShingleSize-token windows of tokens; texts shorter
// than one window give one shingle of all their tokens.
func shingles(tokens []string) map[string]int {
	m := map[string]int{}
	if len(tokens) == 0 {
		return m
	}
	if len(tokens) < ShingleSize {
		m[strings.Join(tokens, " ")]++
		return m
	}
	for i := 0; i+ShingleSize <= len(tokens); i++ {
		m[strings.Join(tokens[i:i+ShingleSize], " ")]++
	}
	return m
}

// Score compares extracted text with the expected text over multisets of
// 4-token shingles.
func Score(got, want string) PRF {
	g, w := shingles(Tokens(got)), shingles(Tokens(want))
	ng, nw, common := 0, 0, 0
	for k, c := range g {
		ng += c
		common += min(c, w[k])
	}
	for _, c := range w {
		nw += c
	}
	switch {
	case ng == 0 && nw == 0:
		return PRF{1, 1, 1}
	case ng == 0 || nw == 0 || common == 0:
		return PRF{}
	}
	p, r := float64(common)/float64(ng), float64(common)/float64(nw)
	return PRF{Precision: p, Recall: r, F1: 2 * p * r / (p + r)}
}
