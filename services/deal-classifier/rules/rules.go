// Package rules defines the classifier's rules file: topics with weighted
// cue phrases (and where they count), negative cues, thresholds, severity
// rules, named phrase lists, extra gazetteer entries and the currency rates
// table. The default rules file is embedded; Load refuses a bad file with
// the line and the reason. Schema: schemas/rules.v1.json.
package rules

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"os"

	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
)

//go:embed default.yaml
var defaultYAML []byte

// ErrInvalid is wrapped by every error about a rules file's content.
var ErrInvalid = errors.New("rules: invalid rules file")

// Zones for cue hits.
const (
	ZoneTitle = "title"
	ZoneLede  = "lede"
	ZoneBody  = "body"
)

// Fact extractors a topic may use.
const (
	FactsDeal       = "deal"
	FactsChipPolicy = "chip_policy"
	FactsNone       = "none"
)

// Rules is a parsed, validated rules file.
type Rules struct {
	Version int `yaml:"version"`
	// Rates maps currency codes to US dollars per unit.
	Rates map[string]float64 `yaml:"rates"`
	Zones Zones              `yaml:"zones"`
	// Terms are named phrase lists. A phrase may use {a|b} alternatives, a
	// leading "=" for an exact-case match, and a leading "~" to match the
	// end of a longer word (a closed compound: "~chips" in "Logikchips").
	Terms map[string][]string `yaml:"terms"`
	// Entities add names to the embedded gazetteer.
	Entities []gazetteer.Entry `yaml:"entities"`
	Topics   []Topic           `yaml:"topics"`
	// TermLines records the line of each term, for error messages.
	TermLines map[string]int `yaml:"-"`
	// Hash identifies the file's bytes ("sha256:<hex>").
	Hash string `yaml:"-"`
}

// Zones weigh where a cue fires: the title, the lede (the first sentences of
// the text) and the body, whose weight decays paragraph by paragraph.
type Zones struct {
	Title         float64 `yaml:"title"`
	Lede          float64 `yaml:"lede"`
	LedeSentences int     `yaml:"lede_sentences"`
	Body          float64 `yaml:"body"`
	Decay         float64 `yaml:"decay"`
	Floor         float64 `yaml:"floor"`
	// Window, when above zero, lets a positive cue fire on two adjacent
	// sentences of the title and lede taken together ("UK bets on AI chip
	// newcomers" + "The government is helping fund start-ups"), at the
	// lower of their weights times Window. Negative cues stay per sentence.
	Window float64 `yaml:"window"`
}

// Topic is one topic.
type Topic struct {
	ID          string         `yaml:"id"`
	Description string         `yaml:"description"`
	Threshold   float64        `yaml:"threshold"`
	Facts       string         `yaml:"facts"`
	Cues        []Cue          `yaml:"cues"`
	Severity    []SeverityRule `yaml:"severity"`
	// Learned, when set, lets the learned scorer's probability lift the
	// topic over its threshold.
	Learned *Learned `yaml:"learned"`
	// Background, when set, discounts positive cues in sentences that
	// date the event in the past while the headline has no positive cue.
	Background *Background `yaml:"background"`
	Line       int         `yaml:"-"`
}

// Background says how much positive evidence counts in sentences that tell
// an earlier event as background ("The company, which raised $40m last
// year, named a new finance chief"). Where the headline (or, without one,
// the first sentence) fires no positive cue of the topic and has none of
// Unless, the cues that fire only in other sentences with one of Terms and
// none of Current ("said on Thursday") combine as usual and then count at
// Factor.
type Background struct {
	Terms   []TermRef `yaml:"-"`
	Current []TermRef `yaml:"-"`
	Unless  []TermRef `yaml:"-"`
	Factor  float64   `yaml:"factor"`
	Line    int       `yaml:"-"`
}

// Learned says when the learned scorer may lift a topic the rules score
// below its threshold. The topic then matches with the higher of the rules'
// score, the threshold and the mean of the two scores; the rules that fired
// name it as rule "learned".
type Learned struct {
	// LiftFrom is the lowest rules score that a probability of at least
	// MinProb lifts (the rules must have seen some evidence).
	LiftFrom float64 `yaml:"lift_from"`
	MinProb  float64 `yaml:"min_prob"`
	// AloneProb, when above zero, lifts any article, even one without rule
	// evidence, whose probability reaches it.
	AloneProb float64 `yaml:"alone_prob"`
	// TargetProb, when above zero, lets a second model, trained only on
	// articles whose deal the rules found but whose target they could not
	// tell to be an AI company, decide that question: a probability of at
	// least TargetProb makes the target an AI company. That model reads
	// what the company's product does ("turns drone footage into yield
	// maps") where no AI word says so.
	TargetProb float64 `yaml:"target_prob"`
	// Needs, when set, allows a lift only where one of these terms or
	// classes occurs in the headline or lede: the model knows what a deal
	// reads like better than whether the company is an AI company.
	Needs []TermRef `yaml:"-"`
	Line  int       `yaml:"-"`
}

// Lifts reports whether a learned probability p lifts a topic that the
// rules scored score, below the threshold.
func (l *Learned) Lifts(score, p float64) bool {
	return score >= l.LiftFrom && p >= l.MinProb || l.AloneProb > 0 && p >= l.AloneProb
}

// Cue is a weighted piece of evidence that fires in a sentence where every
// item of All occurs and no item of None does. Items name terms, built-in
// classes ("@money", "@ai_company", ...) or are inline lists of phrases. A
// negative weight lowers the score.
type Cue struct {
	ID     string    `yaml:"id"`
	Weight float64   `yaml:"weight"`
	All    []TermRef `yaml:"all"`
	None   []TermRef `yaml:"none"`
	Where  []string  `yaml:"where"`
	// TargetAI makes the cue count only when the deal's target is an AI
	// company: named as one, or described as one in its own sentence, the
	// title or the lede; an AI word near the acquirer or in a purpose
	// clause does not do.
	TargetAI bool `yaml:"target_ai"`
	// TargetLearned makes the cue count only when the topic's target model
	// (Learned.TargetProb) says the deal's target is an AI company: for
	// deal evidence in a sentence with no AI word at all, where the rules'
	// own reading of the target would be a guess.
	TargetLearned bool `yaml:"target_learned"`
	Line          int  `yaml:"-"`
}

// TermRef is a term name, a built-in class or an inline phrase list.
type TermRef struct {
	Name    string
	Phrases []string
	Line    int
}

// SeverityRule gives Level when all its conditions hold; the first rule
// that holds wins.
type SeverityRule struct {
	Level  string  `yaml:"level"`
	MinUSD float64 `yaml:"min_usd"`
	// MinValuationUSD compares with a deal's valuation.
	MinValuationUSD float64  `yaml:"min_valuation_usd"`
	MinScore        float64  `yaml:"min_score"`
	Jurisdictions   []string `yaml:"jurisdictions"`
	Actions         []string `yaml:"actions"`
	Statuses        []string `yaml:"statuses"`
	DealTypes       []string `yaml:"deal_types"`
	Line            int      `yaml:"-"`
}

// Default returns the embedded rules.
func Default() (*Rules, error) {
	r, err := Parse(defaultYAML)
	if err != nil {
		return nil, fmt.Errorf("rules: embedded default: %w", err)
	}
	return r, nil
}

// DefaultYAML returns the embedded default rules file.
func DefaultYAML() []byte { return append([]byte(nil), defaultYAML...) }

// LoadFile reads and parses a rules file.
func LoadFile(path string) (*Rules, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rules: read %s: %w", path, err)
	}
	r, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("rules: %s: %w", path, err)
	}
	return r, nil
}

// Parse decodes and validates a rules file.
func Parse(b []byte) (*Rules, error) {
	r, err := decode(b)
	if err != nil {
		return nil, err
	}
	if err := r.validate(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	r.Hash = "sha256:" + hex.EncodeToString(sum[:8])
	return r, nil
}
