// Package gazetteer holds the known names newsmon recognises: AI companies
// and labs, investors, chipmakers and tool makers, chips, governments and
// agencies, each with aliases (Chinese names included). The default lists
// are YAML files embedded in the binary; a rules file may add more.
package gazetteer

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var dataFS embed.FS

// Entity kinds.
const (
	KindAICompany  = "ai_company"
	KindInvestor   = "investor"
	KindChipmaker  = "chipmaker"
	KindToolMaker  = "tool_maker"
	KindChip       = "chip"
	KindGovernment = "government"
	KindCompany    = "company"
	KindProduct    = "product"
	KindPerson     = "person"
)

var kinds = []string{KindAICompany, KindInvestor, KindChipmaker, KindToolMaker, KindChip,
	KindGovernment, KindCompany, KindProduct, KindPerson}

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("gazetteer: invalid entry")

// Entry is one known name.
type Entry struct {
	Name    string   `yaml:"name" json:"name"`
	Kind    string   `yaml:"kind" json:"kind"`
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	Country string   `yaml:"country,omitempty" json:"country,omitempty"`
	// Jurisdiction is set on governments and agencies ("US", "China", "EU").
	Jurisdiction string `yaml:"jurisdiction,omitempty" json:"jurisdiction,omitempty"`
	// Tags add roles: investor (may put money in), chip (chip subject),
	// ai (marks the text as about AI), adjective (locates, does not act).
	Tags []string `yaml:"tags,omitempty" json:"tags,omitempty"`
	// Exact requires the exact case for every alias (names that are also
	// common words: Meta, Runway, Perplexity).
	Exact bool `yaml:"exact,omitempty" json:"exact,omitempty"`
	// Line is the line of the entry in its file, for error messages.
	Line int `yaml:"-" json:"-"`
}

// Has reports whether the entry carries tag.
func (e *Entry) Has(tag string) bool { return slices.Contains(e.Tags, tag) }

// Validate checks one entry.
func (e *Entry) Validate() error {
	if strings.TrimSpace(e.Name) == "" {
		return fmt.Errorf("%w: line %d: name is empty", ErrInvalid, e.Line)
	}
	if !slices.Contains(kinds, e.Kind) {
		return fmt.Errorf("%w: line %d: %s: kind %q is not one of %s", ErrInvalid, e.Line, e.Name, e.Kind, strings.Join(kinds, ", "))
	}
	if e.Kind == KindGovernment && e.Jurisdiction == "" {
		return fmt.Errorf("%w: line %d: %s: a government needs a jurisdiction", ErrInvalid, e.Line, e.Name)
	}
	for _, a := range e.Aliases {
		if strings.TrimSpace(a) == "" {
			return fmt.Errorf("%w: line %d: %s: empty alias", ErrInvalid, e.Line, e.Name)
		}
	}
	return nil
}

// Alias is one surface form of an entry.
type Alias struct {
	Text  string
	Entry int
	// Exact requires an exact-case match.
	Exact bool
}

// Gazetteer is a list of entries.
type Gazetteer struct {
	Entries []Entry
}

// Default returns the embedded lists.
func Default() (*Gazetteer, error) {
	g := &Gazetteer{}
	files, err := fs.Glob(dataFS, "data/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("gazetteer: list data: %w", err)
	}
	for _, f := range files {
		b, err := dataFS.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: read %s: %w", f, err)
		}
		es, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %s: %w", f, err)
		}
		g.Entries = append(g.Entries, es...)
	}
	return g, nil
}

// Parse reads a YAML list of entries and validates each.
func Parse(b []byte) ([]Entry, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	seq := root.Content[0]
	if seq.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%w: line %d: want a list of entries", ErrInvalid, seq.Line)
	}
	return DecodeNodes(seq.Content)
}

// DecodeNodes decodes entries from YAML mapping nodes.
func DecodeNodes(nodes []*yaml.Node) ([]Entry, error) {
	out := make([]Entry, 0, len(nodes))
	for _, n := range nodes {
		var e Entry
		if err := n.Decode(&e); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrInvalid, n.Line, err)
		}
		e.Line = n.Line
		if err := e.Validate(); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Aliases lists every surface form (names included) with its entry index.
func (g *Gazetteer) Aliases() []Alias {
	var out []Alias
	for i := range g.Entries {
		e := &g.Entries[i]
		seen := map[string]bool{}
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			if seen[s] {
				continue
			}
			seen[s] = true
			out = append(out, Alias{Text: s, Entry: i, Exact: e.Exact || isAcronym(s)})
		}
	}
	return out
}

// isAcronym reports whether s is a short all-capitals token such as "US" or
// "BIS", which must match in exact case to avoid "us" or "bis".
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return letters > 0 && len([]rune(s)) <= 5
}
