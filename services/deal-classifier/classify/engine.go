// Package classify is newsmon's classification engine: it matches the
// gazetteer and the rules' phrases over an article in one pass, scores each
// topic from weighted cues, lets a topic's learned scorer (package scorer)
// lift weak rule evidence where the rules allow it, and extracts typed facts
// (deal, chip policy) with the sentences that support them.
package classify

import (
	"fmt"
	"strings"
	"sync"

	"github.com/newsmon/newsmon/services/deal-classifier/acmatch"
	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/scorer"
)

// Built-in feature ids, in rules.Builtins order.
const (
	fMoney = iota
	fAICompany
	fAI
	fInvestor
	fChipEntity
	fGovernment
	fJurisdiction
	fNewOrg
	fOrg
	fGovActor
	numBuiltins
)

type payload struct {
	entity  int32 // gazetteer entry, or -1
	feature int32 // term feature, or -1
}

type cue struct {
	id     string
	weight float64
	all    []int
	none   []int
	where  [3]bool // title, lede, body
	// targetAI: the cue needs the deal's target to be an AI company;
	// targetLearned: one that the target model vouches for.
	targetAI, targetLearned bool
}

type topic struct {
	cfg  *rules.Topic
	cues []cue
	// model is the learned scorer for a topic with a learned block, and
	// needs the features of which one must occur in the headline or lede
	// for it to lift the topic (none: no condition).
	model *scorer.Model
	needs []int
	// targetModel judges whether a deal's target is an AI company where
	// the rules cannot tell (rules.Learned.TargetProb).
	targetModel *scorer.Model
	// background lists the terms that date a sentence's event in the
	// past, and bgFactor what a positive cue counts there when the
	// headline fires none (rules.Background).
	background, bgCurrent, bgUnless []int
	bgFactor                        float64
}

// Classifier is an immutable, concurrency-safe classifier built from a rules
// file and the gazetteer.
type Classifier struct {
	rules    *rules.Rules
	gaz      *gazetteer.Gazetteer
	ac       *acmatch.Automaton
	payloads [][]payload
	features []string
	termID   map[string]int
	// classes lists, per term feature, the built-in classes it includes.
	classes map[int][]int
	topics  []topic
	pool    sync.Pool
}

// Option configures a Classifier.
type Option func(*config)

type config struct {
	gaz    *gazetteer.Gazetteer
	models map[string]*scorer.Model
}

// WithGazetteer replaces the embedded gazetteer.
func WithGazetteer(g *gazetteer.Gazetteer) Option { return func(c *config) { c.gaz = g } }

// TargetModel names the model that judges a topic's deal targets
// (rules.Learned.TargetProb) among the learned scorers.
func TargetModel(topic string) string { return topic + ".target" }

// WithModels replaces the embedded learned scorers (by topic id, and by
// TargetModel for target models).
func WithModels(m map[string]*scorer.Model) Option { return func(c *config) { c.models = m } }

// New builds a classifier. Entities in the rules file are added to the
// gazetteer.
func New(r *rules.Rules, opts ...Option) (*Classifier, error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.gaz == nil {
		g, err := gazetteer.Default()
		if err != nil {
			return nil, fmt.Errorf("classify: %w", err)
		}
		cfg.gaz = g
	}
	if cfg.models == nil {
		m, err := scorer.Default()
		if err != nil {
			return nil, fmt.Errorf("classify: learned scorer: %w", err)
		}
		cfg.models = m
	}
	gaz := &gazetteer.Gazetteer{Entries: append(append([]gazetteer.Entry(nil), cfg.gaz.Entries...), r.Entities...)}
	c := &Classifier{rules: r, gaz: gaz, termID: map[string]int{}, classes: map[int][]int{}}
	c.features = append(c.features, rules.Builtins...)
	var b acmatch.Builder
	index := map[string]int32{}
	// add registers a gazetteer alias or a term phrase; wordEnd asks for
	// the end of a closed compound (a term phrase's leading "~").
	add := func(phrase string, exact, wordEnd bool, p payload) error {
		key := acmatch.FoldString(phrase)
		switch {
		case exact:
			key = "=" + phrase
		case wordEnd:
			key = "~" + key
		}
		v, ok := index[key]
		if !ok {
			v = int32(len(c.payloads))
			index[key] = v
			c.payloads = append(c.payloads, nil)
			var err error
			if wordEnd {
				err = b.AddWordEnd(phrase, v)
			} else {
				err = b.Add(phrase, v, exact)
			}
			if err != nil {
				return err
			}
		}
		c.payloads[v] = append(c.payloads[v], p)
		return nil
	}
	for _, a := range gaz.Aliases() {
		if err := add(a.Text, a.Exact, false, payload{entity: int32(a.Entry), feature: -1}); err != nil {
			return nil, fmt.Errorf("classify: alias %q: %w", a.Text, err)
		}
	}
	addTerm := func(name string, phrases []string) (int, error) {
		id := len(c.features)
		c.features = append(c.features, name)
		for _, p := range phrases {
			if strings.HasPrefix(p, "@") {
				c.classes[id] = append(c.classes[id], builtinID(p))
				continue
			}
			vs, err := rules.Expand(p)
			if err != nil {
				return 0, err
			}
			for _, v := range vs {
				exact, wordEnd := strings.HasPrefix(v, "="), strings.HasPrefix(v, "~")
				if exact || wordEnd {
					v = v[1:] // Expand keeps at most one leading mark
				}
				if err := add(v, exact, wordEnd, payload{entity: -1, feature: int32(id)}); err != nil {
					return 0, err
				}
			}
		}
		return id, nil
	}
	for _, name := range sortedKeys(r.Terms) {
		id, err := addTerm(name, r.Terms[name])
		if err != nil {
			return nil, fmt.Errorf("classify: term %s: %w", name, err)
		}
		c.termID[name] = id
	}
	for ti := range r.Topics {
		t := &r.Topics[ti]
		tp := topic{cfg: t}
		refs := func(trs []rules.TermRef, name string) ([]int, error) {
			return c.termRefs(trs, t.ID+"."+name, addTerm)
		}
		var err error
		if t.Learned != nil {
			if tp.model = cfg.models[t.ID]; tp.model == nil {
				return nil, fmt.Errorf("classify: topic %s (line %d) asks for a learned scorer, but there is no model for it; train one with cmd/trainscorer or remove the learned block", t.ID, t.Learned.Line)
			}
			if t.Learned.TargetProb > 0 {
				if tp.targetModel = cfg.models[TargetModel(t.ID)]; tp.targetModel == nil {
					return nil, fmt.Errorf("classify: topic %s (line %d) sets learned.target_prob, but there is no model %s; train one with cmd/trainscorer or remove target_prob", t.ID, t.Learned.Line, TargetModel(t.ID))
				}
			}
			if tp.needs, err = refs(t.Learned.Needs, "learned.needs"); err != nil {
				return nil, fmt.Errorf("classify: topic %s learned: %w", t.ID, err)
			}
		}
		if bg := t.Background; bg != nil {
			tp.bgFactor = bg.Factor
			if tp.background, err = refs(bg.Terms, "background"); err == nil {
				if tp.bgCurrent, err = refs(bg.Current, "background_current"); err == nil {
					tp.bgUnless, err = refs(bg.Unless, "background_unless")
				}
			}
			if err != nil {
				return nil, fmt.Errorf("classify: topic %s background: %w", t.ID, err)
			}
		}
		for _, rc := range t.Cues {
			cu := cue{id: rc.ID, weight: rc.Weight, targetAI: rc.TargetAI || rc.TargetLearned, targetLearned: rc.TargetLearned}
			if len(rc.Where) == 0 {
				cu.where = [3]bool{true, true, true}
			}
			for _, w := range rc.Where {
				cu.where[zoneIndex(w)] = true
			}
			if cu.all, err = refs(rc.All, rc.ID+".all"); err == nil {
				cu.none, err = refs(rc.None, rc.ID+".none")
			}
			if err != nil {
				return nil, fmt.Errorf("classify: topic %s cue %s: %w", t.ID, rc.ID, err)
			}
			tp.cues = append(tp.cues, cu)
		}
		c.topics = append(c.topics, tp)
	}
	c.ac = b.Build()
	c.pool.New = func() any { return &state{} }
	return c, nil
}

// Rules returns the rules the classifier was built from.
func (c *Classifier) Rules() *rules.Rules { return c.rules }

// Gazetteer returns the gazetteer in use (embedded lists plus the rules
// file's entities).
func (c *Classifier) Gazetteer() *gazetteer.Gazetteer { return c.gaz }

// termRef resolves a term name, a built-in class or an inline phrase list
// (added as a new term called name) to its feature id.
func (c *Classifier) termRef(tr rules.TermRef, name string, addTerm func(string, []string) (int, error)) (int, error) {
	switch {
	case strings.HasPrefix(tr.Name, "@"):
		return builtinID(tr.Name), nil
	case tr.Name != "":
		return c.termID[tr.Name], nil
	}
	return addTerm(name, tr.Phrases)
}

// termRefs resolves a list of term references; inline phrase lists become
// terms named name0, name1, ...
func (c *Classifier) termRefs(trs []rules.TermRef, name string, addTerm func(string, []string) (int, error)) ([]int, error) {
	var ids []int
	for i, tr := range trs {
		id, err := c.termRef(tr, fmt.Sprintf("%s%d", name, i), addTerm)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func builtinID(name string) int {
	for i, b := range rules.Builtins {
		if b == name {
			return i
		}
	}
	panic("classify: unknown built-in " + name) // validated by rules.Parse
}

func zoneIndex(z string) int {
	switch z {
	case rules.ZoneTitle:
		return 0
	case rules.ZoneLede:
		return 1
	}
	return 2
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}
