package learn

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/services/deal-classifier/classify"
)

// ledeRunes bounds the part of the body that feeds the word features: the
// lede is where a news story states what happened.
const ledeRunes = 600

// Dense feature names, in the order of the dense weight vector. They come
// from the rules' verdict and the entities it found, never from the labels.
var denseNames = []string{
	"bias",
	"rule_score",      // this topic's rule score
	"rule_matched",    // this topic's rule verdict
	"rule_title_hit",  // a positive rule of this topic fired in the title
	"rule_count",      // positive rules of this topic, capped at 5, over 5
	"rule_negative",   // strongest negative cue of this topic (|weight|)
	"other_score",     // the other topics' best rule score
	"has_money",       // an amount or valuation was found, or a rule used @money
	"has_ai_company",  // a known or described AI company was named
	"has_government",  // a government or agency was named
	"has_investor",    // an investor was named
	"has_chip_entity", // a chip, chipmaker or tool maker was named
}

// features is one document as the model sees it: hashed sparse text
// features (bucket -> value) and the dense shape features.
type features struct {
	sparse []entry
	dense  []float64
}

// entry is one non-zero hashed feature.
type entry struct {
	k uint32
	v float64
}

// extract builds the features of doc for topic, given the rules' verdict.
// With textOnly the dense features other than the bias are left at zero.
func extract(topic string, doc classify.Document, res classify.Result, buckets uint32, textOnly bool) features {
	f := features{dense: make([]float64, len(denseNames))}
	sparse := map[uint32]float64{}
	addGroup(sparse, "t", tokens(doc.Title), buckets)
	addGroup(sparse, "l", tokens(firstRunes(doc.Body(), ledeRunes)), buckets)
	f.dense[0] = 1
	if textOnly {
		f.sparse = sorted(sparse)
		return f
	}
	var rulesFired []string
	for _, tr := range res.Topics {
		if tr.Topic != topic {
			f.dense[6] = math.Max(f.dense[6], tr.Score)
			continue
		}
		f.dense[1] = tr.Score
		if tr.Matched {
			f.dense[2] = 1
		}
		n := 0
		for _, h := range tr.RulesFired {
			if h.Rule == ReasonRule {
				continue
			}
			rulesFired = append(rulesFired, "r:"+h.Rule, "rz:"+h.Rule+"@"+h.Where)
			if h.Weight < 0 {
				f.dense[5] = math.Max(f.dense[5], -h.Weight)
				continue
			}
			n++
			if h.Where == "title" {
				f.dense[3] = 1
			}
			if strings.Contains(h.Match, "@money") {
				f.dense[7] = 1
			}
		}
		f.dense[4] = float64(min(n, 5)) / 5
		if d := dealOf(tr.Facts); d != nil && (d.Amount != nil || d.Valuation != nil) {
			f.dense[7] = 1
		}
	}
	for _, e := range res.Entities {
		switch e.Kind {
		case "ai_company":
			f.dense[8] = 1
		case "government":
			f.dense[9] = 1
		case "investor":
			f.dense[10] = 1
		case "chip", "chipmaker", "toolmaker", "tool_maker":
			f.dense[11] = 1
		}
	}
	addGroup(sparse, "", rulesFired, buckets)
	f.sparse = sorted(sparse)
	return f
}

// sorted lists m by bucket, so sums over it run in a fixed order and
// training is reproducible to the bit.
func sorted(m map[uint32]float64) []entry {
	out := make([]entry, 0, len(m))
	for k, v := range m {
		out = append(out, entry{k, v})
	}
	slices.SortFunc(out, func(a, b entry) int { return cmp.Compare(a.k, b.k) })
	return out
}

// addGroup hashes the unigrams and bigrams of toks (prefix marks the
// group, so a title word and a lede word are different features) and adds
// them with values scaled so the group has unit length.
func addGroup(dst map[uint32]float64, prefix string, toks []string, buckets uint32) {
	if len(toks) == 0 {
		return
	}
	local := map[uint32]float64{}
	for i, t := range toks {
		if prefix == "" {
			local[bucket(t, buckets)]++
			continue
		}
		local[bucket(prefix+":"+t, buckets)]++
		if i > 0 {
			local[bucket(prefix+":"+toks[i-1]+" "+t, buckets)]++
		}
	}
	var norm float64
	for _, v := range local {
		norm += v * v
	}
	norm = math.Sqrt(norm)
	for k, v := range local {
		dst[k] += v / norm
	}
}

// bucket hashes a feature name into [0, buckets).
func bucket(s string, buckets uint32) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32() % buckets
}

// tokens lowercases s and splits it into words: runs of letters, runs of
// digits (folded to "0" so that "$20M" and "$35M" share a feature), single
// CJK characters (their bigrams then act as words), and currency signs.
func tokens(s string) []string {
	var out []string
	var cur []rune
	digits := false
	flush := func() {
		if len(cur) > 0 {
			if digits {
				out = append(out, "0")
			} else {
				out = append(out, string(cur))
			}
			cur = cur[:0]
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case isCJK(r):
			flush()
			out = append(out, string(r))
		case unicode.IsDigit(r):
			if !digits {
				flush()
			}
			digits = true
			cur = append(cur, r)
		case unicode.IsLetter(r):
			if digits {
				flush()
			}
			digits = false
			cur = append(cur, r)
		case r == '.' || r == ',':
			if !digits {
				flush()
			}
		default:
			flush()
			digits = false
			if unicode.Is(unicode.Sc, r) {
				out = append(out, string(r))
			}
		}
	}
	flush()
	return out
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
