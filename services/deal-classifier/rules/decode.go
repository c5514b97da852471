package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/newsmon/newsmon/services/deal-classifier/gazetteer"
)

func decode(b []byte) (*Rules, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrInvalid)
	}
	root := doc.Content[0]
	if err := checkKeys(root, "version", "rates", "zones", "terms", "entities", "topics"); err != nil {
		return nil, err
	}
	r := &Rules{TermLines: map[string]int{}}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var err error
		switch k.Value {
		case "version":
			err = v.Decode(&r.Version)
		case "rates":
			err = v.Decode(&r.Rates)
		case "zones":
			if err = checkKeys(v, "title", "lede", "lede_sentences", "body", "decay", "floor", "window"); err == nil {
				err = v.Decode(&r.Zones)
			}
		case "terms":
			err = decodeTerms(v, r)
		case "entities":
			if v.Kind != yaml.SequenceNode {
				return nil, fmt.Errorf("%w: line %d: entities must be a list", ErrInvalid, v.Line)
			}
			r.Entities, err = gazetteer.DecodeNodes(v.Content)
		case "topics":
			err = decodeTopics(v, r)
		}
		if err != nil {
			return nil, wrap(err, k.Line)
		}
	}
	return r, nil
}

// wrap adds ErrInvalid and a line to decoding errors that lack them.
func wrap(err error, line int) error {
	if strings.Contains(err.Error(), "line ") {
		if !isInvalid(err) {
			return fmt.Errorf("%w: %w", ErrInvalid, err)
		}
		return err
	}
	return fmt.Errorf("%w: line %d: %w", ErrInvalid, line, err)
}

func isInvalid(err error) bool {
	for e := err; e != nil; {
		if e == ErrInvalid || e == gazetteer.ErrInvalid {
			return true
		}
		u, ok := e.(interface{ Unwrap() []error })
		if ok {
			for _, x := range u.Unwrap() {
				if isInvalid(x) {
					return true
				}
			}
			return false
		}
		w, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = w.Unwrap()
	}
	return false
}

func checkKeys(n *yaml.Node, allowed ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%w: line %d: want a mapping", ErrInvalid, n.Line)
	}
	for i := 0; i < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(allowed, k.Value) {
			sort.Strings(allowed)
			return fmt.Errorf("%w: line %d: unknown field %q (allowed: %s)", ErrInvalid, k.Line, k.Value, strings.Join(allowed, ", "))
		}
	}
	return nil
}

func decodeTerms(v *yaml.Node, r *Rules) error {
	if v.Kind != yaml.MappingNode {
		return fmt.Errorf("%w: line %d: terms must be a mapping of name to phrases", ErrInvalid, v.Line)
	}
	r.Terms = map[string][]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, list := v.Content[i], v.Content[i+1]
		var phrases []string
		if err := list.Decode(&phrases); err != nil {
			return fmt.Errorf("%w: line %d: term %s: want a list of phrases: %w", ErrInvalid, list.Line, k.Value, err)
		}
		if _, dup := r.Terms[k.Value]; dup {
			return fmt.Errorf("%w: line %d: term %s is defined twice", ErrInvalid, k.Line, k.Value)
		}
		r.Terms[k.Value] = phrases
		r.TermLines[k.Value] = k.Line
	}
	return nil
}

func decodeTopics(v *yaml.Node, r *Rules) error {
	if v.Kind != yaml.SequenceNode {
		return fmt.Errorf("%w: line %d: topics must be a list", ErrInvalid, v.Line)
	}
	for _, tn := range v.Content {
		if err := checkKeys(tn, "id", "description", "threshold", "facts", "cues", "severity", "learned", "background"); err != nil {
			return err
		}
		t := Topic{Line: tn.Line}
		for i := 0; i+1 < len(tn.Content); i += 2 {
			k, val := tn.Content[i], tn.Content[i+1]
			var err error
			switch k.Value {
			case "id":
				err = val.Decode(&t.ID)
			case "description":
				err = val.Decode(&t.Description)
			case "threshold":
				err = val.Decode(&t.Threshold)
			case "facts":
				err = val.Decode(&t.Facts)
			case "cues":
				t.Cues, err = decodeCues(val)
			case "severity":
				t.Severity, err = decodeSeverity(val)
			case "learned":
				t.Learned, err = decodeLearned(val)
			case "background":
				t.Background, err = decodeBackground(val)
			}
			if err != nil {
				return wrap(err, k.Line)
			}
		}
		r.Topics = append(r.Topics, t)
	}
	return nil
}

func decodeLearned(v *yaml.Node) (*Learned, error) {
	if err := checkKeys(v, "lift_from", "min_prob", "alone_prob", "target_prob", "needs"); err != nil {
		return nil, err
	}
	l := &Learned{Line: v.Line}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var err error
		switch k.Value {
		case "lift_from":
			err = val.Decode(&l.LiftFrom)
		case "min_prob":
			err = val.Decode(&l.MinProb)
		case "alone_prob":
			err = val.Decode(&l.AloneProb)
		case "target_prob":
			err = val.Decode(&l.TargetProb)
		case "needs":
			l.Needs, err = decodeRefs(val)
		}
		if err != nil {
			return nil, wrap(err, k.Line)
		}
	}
	return l, nil
}

func decodeBackground(v *yaml.Node) (*Background, error) {
	if err := checkKeys(v, "terms", "current", "unless", "factor"); err != nil {
		return nil, err
	}
	b := &Background{Line: v.Line}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var err error
		switch k.Value {
		case "terms":
			b.Terms, err = decodeRefs(val)
		case "unless":
			b.Unless, err = decodeRefs(val)
		case "current":
			b.Current, err = decodeRefs(val)
		case "factor":
			err = val.Decode(&b.Factor)
		}
		if err != nil {
			return nil, wrap(err, k.Line)
		}
	}
	return b, nil
}

func decodeCues(v *yaml.Node) ([]Cue, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%w: line %d: cues must be a list", ErrInvalid, v.Line)
	}
	var out []Cue
	for _, cn := range v.Content {
		if err := checkKeys(cn, "id", "weight", "all", "none", "where", "target_ai", "target_learned"); err != nil {
			return nil, err
		}
		c := Cue{Line: cn.Line}
		for i := 0; i+1 < len(cn.Content); i += 2 {
			k, val := cn.Content[i], cn.Content[i+1]
			var err error
			switch k.Value {
			case "id":
				err = val.Decode(&c.ID)
			case "weight":
				err = val.Decode(&c.Weight)
			case "where":
				err = val.Decode(&c.Where)
			case "target_ai":
				err = val.Decode(&c.TargetAI)
			case "target_learned":
				err = val.Decode(&c.TargetLearned)
			case "all":
				c.All, err = decodeRefs(val)
			case "none":
				c.None, err = decodeRefs(val)
			}
			if err != nil {
				return nil, wrap(err, k.Line)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func decodeRefs(v *yaml.Node) ([]TermRef, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%w: line %d: want a list of term names or phrase lists", ErrInvalid, v.Line)
	}
	var out []TermRef
	for _, n := range v.Content {
		switch n.Kind {
		case yaml.ScalarNode:
			out = append(out, TermRef{Name: n.Value, Line: n.Line})
		case yaml.SequenceNode:
			var ph []string
			if err := n.Decode(&ph); err != nil {
				return nil, fmt.Errorf("%w: line %d: %w", ErrInvalid, n.Line, err)
			}
			out = append(out, TermRef{Phrases: ph, Line: n.Line})
		default:
			return nil, fmt.Errorf("%w: line %d: want a term name or a list of phrases", ErrInvalid, n.Line)
		}
	}
	return out, nil
}

func decodeSeverity(v *yaml.Node) ([]SeverityRule, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%w: line %d: severity must be a list", ErrInvalid, v.Line)
	}
	var out []SeverityRule
	for _, sn := range v.Content {
		if err := checkKeys(sn, "level", "min_usd", "min_valuation_usd", "min_score", "jurisdictions", "actions", "statuses", "deal_types"); err != nil {
			return nil, err
		}
		var s SeverityRule
		if err := sn.Decode(&s); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrInvalid, sn.Line, err)
		}
		s.Line = sn.Line
		out = append(out, s)
	}
	return out, nil
}
