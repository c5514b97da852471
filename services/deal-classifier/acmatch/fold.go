// Package acmatch finds many phrases in a text in one pass with an
// Aho-Corasick automaton compiled to a dense DFA over byte classes. Matching
// is case-insensitive over a folded copy of the text (traditional Chinese
// characters fold to simplified ones, so one phrase serves both), honours word boundaries
// at Latin letters and digits (but not between CJK characters, which have no
// spaces), and can require an exact-case match for short acronyms such as
// "US" or "AI".
package acmatch

import (
	"unicode"
	"unicode/utf8"
)

// Text is a document prepared for matching: its runes, and a folded
// (lower-cased, punctuation-normalised) UTF-8 copy with, for every folded
// byte, the index of the original rune it came from.
type Text struct {
	// Runes are the original text's code points.
	Runes []rune
	// Folded is the folded text that the automaton scans.
	Folded []byte
	// RuneAt maps a byte offset in Folded to a rune index in Runes.
	RuneAt []int32
}

// NewText folds s for matching.
func NewText(s string) *Text {
	t := &Text{}
	t.Reset(s)
	return t
}

// Reset re-prepares t for s, reusing its buffers.
func (t *Text) Reset(s string) {
	t.Runes = t.Runes[:0]
	t.Folded = t.Folded[:0]
	t.RuneAt = t.RuneAt[:0]
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		idx := int32(len(t.Runes))
		t.Runes = append(t.Runes, r)
		f := FoldRune(r)
		if f < utf8.RuneSelf {
			t.Folded = append(t.Folded, byte(f))
			t.RuneAt = append(t.RuneAt, idx)
			continue
		}
		n := utf8.EncodeRune(buf[:], f)
		t.Folded = append(t.Folded, buf[:n]...)
		for range n {
			t.RuneAt = append(t.RuneAt, idx)
		}
	}
}

// RuneSpan converts a folded byte span to a rune span [start, end).
func (t *Text) RuneSpan(start, end int) (int, int) {
	if start >= len(t.RuneAt) {
		return len(t.Runes), len(t.Runes)
	}
	rs := int(t.RuneAt[start])
	if end <= 0 {
		return rs, rs
	}
	return rs, int(t.RuneAt[end-1]) + 1
}

// FoldRune maps r to its matching form: lower case, typographic quotes and
// dashes to ASCII, unusual spaces to a plain space, a traditional Chinese
// character to its simplified form.
func FoldRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201B', '\u00B4', '`', '\u2032':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u00A0', '\u2007', '\u2009', '\u202F', '\u200A', '\u3000':
		return ' '
	case '\uFF04':
		return '$'
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if s, ok := hantToHans[r]; ok {
		return s
	}
	return unicode.ToLower(r)
}

// FoldString folds every rune of s.
func FoldString(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, FoldRune(r))
	}
	return string(out)
}

// IsWordRune reports whether r is part of a space-delimited word: a letter
// or digit outside the CJK scripts.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	if IsCJK(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsCJK reports whether r belongs to a script written without spaces
// between words: Han, hiragana, katakana or Hangul.
func IsCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo: Latin, Greek, Cyrillic, Arabic, ...
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
