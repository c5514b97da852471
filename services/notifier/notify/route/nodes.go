package route

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// LineError is one problem in a routes file, at a line and column.
type LineError struct {
	Line, Column int
	// Path is where in the document the problem is, e.g. routes[1].match.min_severity.
	Path string
	Msg  string
}

func (e *LineError) Error() string {
	return fmt.Sprintf("line %d column %d: %s: %s", e.Line, e.Column, e.Path, e.Msg)
}

// walker reads values from a yaml.v3 node tree, collecting errors with the
// position of the node at fault.
type walker struct{ errs []error }

func (w *walker) fail(n *yaml.Node, path, format string, args ...any) {
	w.errs = append(w.errs, &LineError{Line: n.Line, Column: n.Column, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// fields checks that n is a mapping whose keys are all in allowed (no
// duplicates) and returns the values by key.
func (w *walker) fields(n *yaml.Node, path string, allowed ...string) map[string]*yaml.Node {
	n = resolve(n)
	out := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		w.fail(n, path, "want a mapping of %s", strings.Join(allowed, ", "))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		switch {
		case !contains(allowed, name):
			w.fail(k, path, "unknown field %q (known: %s)", name, strings.Join(allowed, ", "))
		case out[name] != nil:
			w.fail(k, path, "field %q given twice", name)
		default:
			out[name] = v
		}
	}
	return out
}

func (w *walker) items(n *yaml.Node, path string) []*yaml.Node {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		w.fail(n, path, "want a list")
		return nil
	}
	return n.Content
}

func (w *walker) scalar(n *yaml.Node, path, what string) (string, bool) {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		w.fail(n, path, "want %s", what)
		return "", false
	}
	return n.Value, true
}

func (w *walker) str(n *yaml.Node, path string) string {
	n = resolve(n)
	s, ok := w.scalar(n, path, "a string")
	if ok && n.Tag != "!!str" && n.Style == 0 {
		w.fail(n, path, "want a string, got %q (quote it)", s)
		return ""
	}
	if ok && strings.TrimSpace(s) == "" {
		w.fail(n, path, "must not be empty")
	}
	return s
}

func (w *walker) strs(n *yaml.Node, path string) []string {
	var out []string
	for i, it := range w.items(n, path) {
		out = append(out, w.str(it, fmt.Sprintf("%s[%d]", path, i)))
	}
	return out
}

func (w *walker) float(n *yaml.Node, path string) float64 {
	s, ok := w.scalar(n, path, "a number")
	if !ok {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		w.fail(n, path, "want a number, got %q", s)
		return 0
	}
	return f
}

func (w *walker) int(n *yaml.Node, path string) int {
	s, ok := w.scalar(n, path, "a whole number")
	if !ok {
		return 0
	}
	i, err := strconv.Atoi(s)
	if err != nil {
		w.fail(n, path, "want a whole number, got %q", s)
	}
	return i
}

func (w *walker) bool(n *yaml.Node, path string) bool {
	s, ok := w.scalar(n, path, "true or false")
	if !ok {
		return false
	}
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	w.fail(n, path, "want true or false, got %q", s)
	return false
}

func (w *walker) duration(n *yaml.Node, path string) time.Duration {
	s, ok := w.scalar(n, path, "a duration such as 30s or 15m")
	if !ok {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		w.fail(n, path, "want a duration such as 30s or 15m, got %q", s)
	}
	return d
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
