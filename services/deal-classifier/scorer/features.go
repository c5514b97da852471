// Package scorer is newsmon's learned topic scorer: a logistic regression
// over the words of an article's headline and lede, trained only on the
// labelled corpora in the repository (cmd/trainscorer). It complements the
// rules: where the rules' evidence is present but weak, a confident learned
// score can lift an article over a topic's threshold.
package scorer

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/services/deal-classifier/acmatch"
)

// maxRunes bounds how much of the body the features read: the lede carries
// the news, and a long body would drown it.
const maxRunes = 700

// Featurizer turns a headline and body into features: folded words and
// word pairs of the whole text, the headline's words and pairs again with
// a "t:" prefix, and overlapping character pairs for scripts written
// without spaces. Digit runs become "0", so "$20 million" and "$35
// million" share their features. A Featurizer reuses its buffers and is
// not safe for concurrent use.
type Featurizer struct {
	runes  []rune
	toks   [][2]int32 // rune spans; an empty span marks a break
	hashes []uint64
}

// Hashes returns the distinct features' hashes, sorted. The slice is reused
// by the next call.
func (f *Featurizer) Hashes(title, body string) []uint64 {
	f.hashes = f.hashes[:0]
	f.each(title, body, func(prefix string, a, b []rune) {
		h := hashString(offset64, prefix)
		h = hashRunes(h, a)
		if b != nil {
			h = hashRunes(hashString(h, "_"), b)
		}
		f.hashes = append(f.hashes, h)
	})
	slices.Sort(f.hashes)
	return slices.Compact(f.hashes)
}

// Strings returns the distinct features as text, for training and
// diagnosis.
func (f *Featurizer) Strings(title, body string) []string {
	var out []string
	f.each(title, body, func(prefix string, a, b []rune) {
		s := prefix + string(a)
		if b != nil {
			s += "_" + string(b)
		}
		out = append(out, s)
	})
	slices.Sort(out)
	return slices.Compact(out)
}

func (f *Featurizer) each(title, body string, emit func(prefix string, a, b []rune)) {
	pass := func(text, prefix string) {
		f.tokens(text)
		var prev []rune
		for _, t := range f.toks {
			if t[0] == t[1] {
				prev = nil
				continue
			}
			tok := f.runes[t[0]:t[1]]
			emit(prefix, tok, nil)
			if prev != nil {
				emit(prefix, prev, tok)
			}
			prev = tok
		}
	}
	pass(title, "t:")
	pass(title, "")
	pass(body, "")
}

// tokens splits text into folded words, held as spans of f.runes. Han,
// kana and Hangul runs yield overlapping character pairs.
func (f *Featurizer) tokens(text string) {
	f.runes, f.toks = f.runes[:0], f.toks[:0]
	start := int32(-1) // start of the word being read
	cjk := int32(-1)   // start of the CJK run being read
	inDigits := false
	endWord := func() {
		if start >= 0 && int32(len(f.runes)) > start {
			f.toks = append(f.toks, [2]int32{start, int32(len(f.runes))})
		}
		start = -1
	}
	endCJK := func() {
		if cjk < 0 {
			return
		}
		end := int32(len(f.runes))
		if end-cjk == 1 {
			f.toks = append(f.toks, [2]int32{cjk, end})
		}
		for i := cjk; i+1 < end; i++ {
			f.toks = append(f.toks, [2]int32{i, i + 2})
		}
		cjk = -1
	}
	brk := func() { f.toks = append(f.toks, [2]int32{0, 0}) }
	n := 0
	for _, r := range text {
		if n++; n > maxRunes {
			break
		}
		switch {
		case acmatch.IsCJK(r):
			endWord()
			if cjk < 0 {
				cjk = int32(len(f.runes))
			}
			f.runes = append(f.runes, r)
			inDigits = false
		case '0' <= r && r <= '9' || r > 0x7f && unicode.IsDigit(r):
			endCJK()
			if !inDigits {
				if start < 0 {
					start = int32(len(f.runes))
				}
				f.runes = append(f.runes, '0')
			}
			inDigits = true
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 0x7f && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)):
			endCJK()
			if start < 0 {
				start = int32(len(f.runes))
			}
			f.runes = append(f.runes, acmatch.FoldRune(r))
			inDigits = false
		case (r == '.' || r == ',') && inDigits:
			// 1.5 and 2,000 stay one number.
		case r == '$' || r == '€' || r == '¥' || r == '£' || r == '₩' || r == '₹':
			endCJK()
			endWord()
			f.runes = append(f.runes, r)
			f.toks = append(f.toks, [2]int32{int32(len(f.runes) - 1), int32(len(f.runes))})
			inDigits = false
		default:
			endCJK()
			endWord()
			inDigits = false
			switch r {
			case '.', '!', '?', '|', '。', '\n', ';', ':':
				brk()
			}
		}
	}
	endCJK()
	endWord()
}

// FNV-1a, 64 bit, over the UTF-8 bytes of a feature, so that a feature
// hashed from its parts equals the hash of its text.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime64
	}
	return h
}

func hashRunes(h uint64, rs []rune) uint64 {
	var buf [4]byte
	for _, r := range rs {
		if r < 0x80 {
			h = (h ^ uint64(r)) * prime64
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:n] {
			h = (h ^ uint64(b)) * prime64
		}
	}
	return h
}
