package story

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// SimHash is a 64-bit SimHash over the words and word pairs of the text
// (character bigrams for CJK runs), so that near-duplicate wordings of one report land
// a few bits apart.
func SimHash(text string) uint64 {
	var v [64]int
	add := func(s string) {
		h := fnv.New64a()
		h.Write([]byte(s))
		x := h.Sum64()
		for i := range 64 {
			if x&(1<<uint(i)) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	words := shingleWords(text)
	if len(words) == 0 {
		return 0
	}
	for i, w := range words {
		add(w)
		if i+1 < len(words) {
			add(w + " " + words[i+1])
		}
	}
	var out uint64
	for i := range 64 {
		if v[i] > 0 {
			out |= 1 << uint(i)
		}
	}
	return out
}

// Distance is the Hamming distance between two SimHashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

var stopWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "in": true, "to": true, "and": true,
	"for": true, "on": true, "at": true, "as": true, "its": true, "is": true, "by": true, "with": true, "said": true}

func shingleWords(text string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			w := strings.ToLower(string(cur))
			if !stopWords[w] {
				out = append(out, w)
			}
			cur = cur[:0]
		}
	}
	var prevHan rune
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			flush()
			if prevHan != 0 {
				out = append(out, string([]rune{prevHan, r}))
			}
			prevHan = r
			continue
		}
		prevHan = 0
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			cur = append(cur, r)
			continue
		}
		flush()
	}
	flush()
	return out
}
