package acmatch

import (
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// ErrEmptyPattern is returned when a phrase folds to nothing.
var ErrEmptyPattern = errors.New("acmatch: empty pattern")

// Match is one occurrence of a phrase: its value and its span in the folded
// text (byte offsets; Text.RuneSpan converts them).
type Match struct {
	Start, End int
	Value      int32
}

type pattern struct {
	folded []byte
	value  int32
	// exact, when set, must equal the original runes of the match.
	exact     []rune
	leftWord  bool
	rightWord bool
	// wordEnd: the match must close a longer word ("chips" in
	// "Logikchips").
	wordEnd      bool
	foldedRuneLn int
}

// Builder collects phrases for an Automaton.
type Builder struct {
	pats []pattern
}

// Add registers phrase with value. When exactCase is true the match must
// also equal phrase rune for rune in the original text.
func (b *Builder) Add(phrase string, value int32, exactCase bool) error {
	f := FoldString(phrase)
	if f == "" {
		return fmt.Errorf("%w: %q", ErrEmptyPattern, phrase)
	}
	first, _ := utf8.DecodeRuneInString(f)
	last, _ := utf8.DecodeLastRuneInString(f)
	p := pattern{
		folded:       []byte(f),
		value:        value,
		leftWord:     IsWordRune(first),
		rightWord:    IsWordRune(last),
		foldedRuneLn: utf8.RuneCountInString(f),
	}
	if exactCase {
		p.exact = []rune(phrase)
	}
	b.pats = append(b.pats, p)
	return nil
}

// AddWordEnd registers phrase with value, to match only as the end of a
// longer word: a closed compound such as "Speicherchips" or
// "datacenterchip" for "chips" and "chip". The phrase's own start needs
// a word rune before it; its end needs a word boundary as usual.
func (b *Builder) AddWordEnd(phrase string, value int32) error {
	if err := b.Add(phrase, value, false); err != nil {
		return err
	}
	p := &b.pats[len(b.pats)-1]
	p.leftWord, p.wordEnd = false, true
	return nil
}

// Len is the number of phrases added.
func (b *Builder) Len() int { return len(b.pats) }

// Automaton is a compiled, immutable, concurrency-safe matcher.
type Automaton struct {
	classes [256]uint8
	nclass  int
	trans   []int32
	out     [][]int32
	pats    []pattern
}

// Build compiles the phrases.
func (b *Builder) Build() *Automaton {
	a := &Automaton{pats: slices.Clone(b.pats)}
	// Byte classes: every byte used by a pattern gets its own class; all
	// other bytes share class 0, which always leads back to the root.
	next := 1
	for _, p := range a.pats {
		for _, c := range p.folded {
			if a.classes[c] == 0 {
				if next > 255 {
					panic("acmatch: more than 255 byte classes")
				}
				a.classes[c] = uint8(next)
				next++
			}
		}
	}
	a.nclass = next
	// Trie.
	type node struct {
		children map[uint8]int32
		out      []int32
	}
	nodes := []node{{children: map[uint8]int32{}}}
	for i, p := range a.pats {
		s := int32(0)
		for _, c := range p.folded {
			cl := a.classes[c]
			child, ok := nodes[s].children[cl]
			if !ok {
				child = int32(len(nodes))
				nodes = append(nodes, node{children: map[uint8]int32{}})
				nodes[s].children[cl] = child
			}
			s = child
		}
		nodes[s].out = append(nodes[s].out, int32(i))
	}
	// Breadth-first: failure links and the dense transition table.
	n := len(nodes)
	a.trans = make([]int32, n*a.nclass)
	a.out = make([][]int32, n)
	fail := make([]int32, n)
	queue := make([]int32, 0, n)
	for cl := 1; cl < a.nclass; cl++ {
		if child, ok := nodes[0].children[uint8(cl)]; ok {
			a.trans[cl] = child
			queue = append(queue, child)
		}
	}
	a.out[0] = nodes[0].out
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		a.out[s] = append(slices.Clone(nodes[s].out), a.out[fail[s]]...)
		for cl := 1; cl < a.nclass; cl++ {
			if child, ok := nodes[s].children[uint8(cl)]; ok {
				fail[child] = a.trans[int(fail[s])*a.nclass+cl]
				a.trans[int(s)*a.nclass+cl] = child
				queue = append(queue, child)
				continue
			}
			a.trans[int(s)*a.nclass+cl] = a.trans[int(fail[s])*a.nclass+cl]
		}
	}
	return a
}

// Find appends every valid match in t to dst and returns it. Overlapping
// matches are all reported, ordered by end offset.
func (a *Automaton) Find(t *Text, dst []Match) []Match {
	s := int32(0)
	nc := a.nclass
	for i, c := range t.Folded {
		s = a.trans[int(s)*nc+int(a.classes[c])]
		for _, pi := range a.out[s] {
			p := &a.pats[pi]
			end := i + 1
			start := end - len(p.folded)
			if !a.valid(t, p, start, end) {
				continue
			}
			if p.wordEnd {
				// The match spans the whole compound: "Logikchips".
				for start > 0 {
					r, n := utf8.DecodeLastRune(t.Folded[:start])
					if !IsWordRune(r) || IsCJK(r) {
						break
					}
					start -= n
				}
			}
			dst = append(dst, Match{Start: start, End: end, Value: p.value})
		}
	}
	return dst
}

func (a *Automaton) valid(t *Text, p *pattern, start, end int) bool {
	if p.leftWord && start > 0 {
		r, _ := utf8.DecodeLastRune(t.Folded[:start])
		if IsWordRune(r) {
			return false
		}
	}
	if p.wordEnd {
		if start == 0 {
			return false
		}
		if r, _ := utf8.DecodeLastRune(t.Folded[:start]); !IsWordRune(r) || IsCJK(r) {
			return false
		}
	}
	if p.rightWord && end < len(t.Folded) {
		r, _ := utf8.DecodeRune(t.Folded[end:])
		if IsWordRune(r) {
			return false
		}
	}
	if p.exact != nil {
		rs, re := t.RuneSpan(start, end)
		if re-rs != len(p.exact) || !slices.Equal(t.Runes[rs:re], p.exact) {
			return false
		}
	}
	return true
}

// States reports the number of automaton states (for diagnostics).
func (a *Automaton) States() int { return len(a.out) }
