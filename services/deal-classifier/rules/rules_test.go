package rules

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultParses(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Topics) != 2 || r.Topics[0].ID != "ai_investment" || r.Topics[1].ID != "chip_policy" {
		t.Fatalf("topics: %+v", r.Topics)
	}
	if !strings.HasPrefix(r.Hash, "sha256:") {
		t.Fatalf("hash %q", r.Hash)
	}
}

func TestBadFilesNameLineAndReason(t *testing.T) {
	good := string(DefaultYAML())
	tests := map[string]struct {
		edit func(string) string
		want string
	}{
		"unknown top-level field": {func(s string) string { return s + "\nextra: 1\n" }, "unknown field \"extra\""},
		"unknown term": {func(s string) string {
			return strings.Replace(s, "all: [raise_verb, \"@money\", ai_org]", "all: [raise_verbz, \"@money\", ai_org]", 1)
		}, "unknown term \"raise_verbz\""},
		"bad weight": {func(s string) string {
			return strings.Replace(s, "weight: 0.85, all: [raise_verb", "weight: 3, all: [raise_verb", 1)
		}, "weight must be in [-1, 1]"},
		"bad class":     {func(s string) string { return strings.Replace(s, "\"@money\"", "\"@cash\"", 1) }, "unknown class @cash"},
		"bad threshold": {func(s string) string { return strings.Replace(s, "threshold: 0.5", "threshold: 0", 1) }, "threshold must be in (0, 1]"},
		"bad severity":  {func(s string) string { return strings.Replace(s, "{level: low}", "{level: urgent}", 1) }, "severity level \"urgent\""},
		"unclosed brace": {func(s string) string {
			return strings.Replace(s, "\"{raise|raises|raised|raising|fundraise|fundraising}\"", "\"{raise|raises\"", 1)
		}, "unclosed brace"},
		"yaml syntax": {func(s string) string { return s + "\n  - [\n" }, "line"},
		"bad type":    {func(s string) string { return strings.Replace(s, "lede_sentences: 2", "lede_sentences: two", 1) }, "cannot unmarshal"},
		"learned lift above threshold": {func(s string) string {
			return strings.Replace(s, "learned: {lift_from: 0.2,", "learned: {lift_from: 0.6,", 1)
		}, "learned.lift_from (0.6) must be below the threshold"},
		"learned weak probability": {func(s string) string {
			return strings.Replace(s, "min_prob: 0.9,", "min_prob: 0.4,", 1)
		}, "learned.min_prob must be above 0.5"},
		"background factor out of range": {func(s string) string {
			return strings.Replace(s, "      factor: 0.35", "      factor: 1.2", 1)
		}, "background.factor must be above 0 and below 1"},
		"background unknown term": {func(s string) string {
			return strings.Replace(s, "terms: [dated_time, dated_deal]", "terms: [dated_time, dated_deals]", 1)
		}, "unknown term \"dated_deals\""},
		"background unknown field": {func(s string) string {
			return strings.Replace(s, "      factor: 0.35", "      weight: 0.35", 1)
		}, "unknown field \"weight\""},
		"target model weak probability": {func(s string) string {
			return strings.Replace(s, "target_prob: 0.9,", "target_prob: 0.3,", 1)
		}, "learned.target_prob must be 0 (off) or above 0.5"},
		"target cue without a target model": {func(s string) string {
			return strings.Replace(s, "target_prob: 0.9, ", "", 1)
		}, "cue raise_money_org: target_learned needs the topic's learned.target_prob"},
		"target model on a policy topic": {func(s string) string {
			return strings.Replace(s, "learned: {lift_from: 0.2, min_prob: 0.9, alone_prob: 0.98}", "learned: {lift_from: 0.2, min_prob: 0.9, alone_prob: 0.98, target_prob: 0.8}", 1)
		}, "learned.target_prob needs facts: deal"},
		"learned unknown field": {func(s string) string {
			return strings.Replace(s, "learned: {lift_from: 0.2,", "learned: {lift: 0.2,", 1)
		}, "unknown field \"lift\""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(tc.edit(good)))
			if err == nil || !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "line ") {
				t.Fatalf("err = %v, want %q and a line", err, tc.want)
			}
		})
	}
}

func TestErrorLineIsRight(t *testing.T) {
	src := "version: 1\nzones: {title: 1, lede: 1, lede_sentences: 1, body: 1, decay: 1, floor: 1}\nterms:\n  a: [x]\ntopics:\n  - id: t\n    threshold: 0.5\n    cues:\n      - {id: c, weight: 0.5, all: [a]}\n      - {id: d, weight: 0.5, all: [nope]}\n"
	_, err := Parse([]byte(src))
	if err == nil || !strings.Contains(err.Error(), "line 10:") {
		t.Fatalf("err = %v, want line 10", err)
	}
}

func TestExpand(t *testing.T) {
	got, err := Expand("{raise|raises} {a|the} round")
	if err != nil {
		t.Fatal(err)
	}
	want := "raise a round,raise the round,raises a round,raises the round"
	if strings.Join(got, ",") != want {
		t.Fatalf("got %v", got)
	}
	if got, _ := Expand("=AI"); len(got) != 1 || got[0] != "=AI" {
		t.Fatalf("exact: %v", got)
	}
	for _, bad := range []string{"{a|b", "a}b", "{a{b}}", ""} {
		if _, err := Expand(bad); err == nil {
			t.Errorf("Expand(%q): want error", bad)
		}
	}
}
