package acmatch

import (
	"slices"
	"testing"
)

func build(t *testing.T, phrases map[string]int32, exact map[string]bool) *Automaton {
	t.Helper()
	var b Builder
	keys := make([]string, 0, len(phrases))
	for k := range phrases {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := b.Add(k, phrases[k], exact[k]); err != nil {
			t.Fatal(err)
		}
	}
	return b.Build()
}

func TestFind(t *testing.T) {
	a := build(t, map[string]int32{
		"deepseek": 1, "深度求索": 2, "US": 3, "in talks": 4, "talks": 5,
		"alibaba": 6, "u.s.": 7, "run:ai": 8, "ai": 9,
	}, map[string]bool{"US": true, "ai": false})
	tests := map[string]struct {
		text string
		want []int32 // values in end order
	}{
		"case insensitive":     {"DeepSeek raises", []int32{1}},
		"cjk without spaces":   {"腾讯投资深度求索公司", []int32{2}},
		"exact case acronym":   {"the US and us", []int32{3}},
		"overlapping":          {"are in talks", []int32{4, 5}},
		"word boundary":        {"Alibabas and Alibaba's", []int32{6}},
		"boundary inside word": {"DeepSeekers", nil},
		"punctuated":           {"U.S. curbs on Run:ai", []int32{7, 8, 9}},
		"curly apostrophe":     {"Alibaba\u2019s", []int32{6}},
		"said is not ai":       {"said", nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			txt := NewText(tc.text)
			var got []int32
			for _, m := range a.Find(txt, nil) {
				got = append(got, m.Value)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRuneSpan(t *testing.T) {
	a := build(t, map[string]int32{"深度求索": 1, "tencent": 2}, nil)
	txt := NewText("腾讯 Tencent 与深度求索")
	ms := a.Find(txt, nil)
	if len(ms) != 2 {
		t.Fatalf("got %d matches", len(ms))
	}
	type span struct{ s, e int }
	var got []span
	for _, m := range ms {
		s, e := txt.RuneSpan(m.Start, m.End)
		got = append(got, span{s, e})
		if m.Value == 1 && string(txt.Runes[s:e]) != "深度求索" {
			t.Fatalf("bad span %d-%d", s, e)
		}
	}
	if got[0] != (span{3, 10}) || got[1] != (span{12, 16}) {
		t.Fatalf("spans %v", got)
	}
}

func TestEmptyPattern(t *testing.T) {
	var b Builder
	if err := b.Add("", 1, false); err == nil {
		t.Fatal("want error for empty pattern")
	}
}

// A traditional Chinese text matches the simplified phrase, and the match
// keeps the original text's offsets.
func TestTraditionalMatchesSimplified(t *testing.T) {
	a := build(t, map[string]int32{"天数智芯": 1, "挂牌": 2}, nil)
	text := NewText("上海天數智芯於港交所掛牌")
	var got []int32
	for _, m := range a.Find(text, nil) {
		s, e := text.RuneSpan(m.Start, m.End)
		got = append(got, m.Value)
		if w := map[int32]string{1: "天數智芯", 2: "掛牌"}[m.Value]; string(text.Runes[s:e]) != w {
			t.Errorf("match %d spans %q, want %q", m.Value, string(text.Runes[s:e]), w)
		}
	}
	if len(got) != 2 {
		t.Errorf("matches %v, want phrases 1 and 2", got)
	}
}

// A word-end phrase matches only as the end of a longer word, and its
// match spans that whole word.
func TestWordEnd(t *testing.T) {
	var b Builder
	if err := b.AddWordEnd("chips", 1); err != nil {
		t.Fatal(err)
	}
	a := b.Build()
	for text, want := range map[string]string{
		"für Logikchips und":       "Logikchips",
		"Speicherchips.":           "Speicherchips",
		"AI chips for":             "",
		"chips":                    "",
		"Logikchipsatz":            "",
		"半导体chips":                 "",
		"a Grafikchips-Hersteller": "Grafikchips",
	} {
		txt := NewText(text)
		var got []string
		for _, m := range a.Find(txt, nil) {
			rs, re := txt.RuneSpan(m.Start, m.End)
			got = append(got, string(txt.Runes[rs:re]))
		}
		switch {
		case want == "" && len(got) != 0:
			t.Errorf("%q: got %q, want no match", text, got)
		case want != "" && (len(got) != 1 || got[0] != want):
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}
