// Package feedlist reads and writes the feed list (YAML, schema
// schemas/feeds.v1.json), imports OPML and discovers feeds on web pages.
package feedlist

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/newsmon/newsmon/pkg/config"
)

// Interval bounds: the default poll interval and the floor below which a
// feed may not be polled.
const (
	DefaultInterval = 5 * time.Minute
	MinInterval     = time.Minute
	MaxInterval     = 24 * time.Hour
)

//go:embed default_feeds.yaml
var defaultFeeds []byte

// DefaultYAML is the built-in feed list, a copy of deploy/feeds.yaml.
func DefaultYAML() []byte { return bytes.Clone(defaultFeeds) }

// Default returns the built-in feed list.
func Default() (*List, error) { return Parse(defaultFeeds, "built-in feeds.yaml") }

// Duration is a time.Duration written as "5m", "90s" or "1h30m".
type Duration time.Duration

// UnmarshalYAML reads a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: interval %q: want a duration such as 5m or 1h", n.Line, n.Value)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration string.
func (d Duration) MarshalYAML() (any, error) { return time.Duration(d).String(), nil }

// Feed is one entry of the list.
type Feed struct {
	Name     string   `yaml:"name,omitempty"`
	URL      string   `yaml:"url"`
	Tags     []string `yaml:"tags,omitempty,flow"`
	Interval Duration `yaml:"interval,omitempty"`
	// Enabled defaults to true.
	Enabled *bool `yaml:"enabled,omitempty"`
	// Language is a hint (BCP 47) used when the feed declares none.
	Language string `yaml:"language,omitempty"`

	line int
}

// IsEnabled reports whether the feed is polled.
func (f Feed) IsEnabled() bool { return f.Enabled == nil || *f.Enabled }

// Every is the feed's interval, or def when none is set.
func (f Feed) Every(def time.Duration) time.Duration {
	if f.Interval > 0 {
		return time.Duration(f.Interval)
	}
	return def
}

// Defaults apply to feeds that do not set their own value.
type Defaults struct {
	Interval Duration `yaml:"interval,omitempty"`
}

// List is a feed list file.
type List struct {
	Version  int      `yaml:"version"`
	Defaults Defaults `yaml:"defaults,omitempty"`
	Feeds    []Feed   `yaml:"feeds"`
}

// Interval is the list's default interval.
func (l *List) Interval() time.Duration {
	if l.Defaults.Interval > 0 {
		return time.Duration(l.Defaults.Interval)
	}
	return DefaultInterval
}

// Load reads and validates a feed list file.
func Load(path string) (*List, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, config.Errorf(path, "%w", err)
	}
	return Parse(data, path)
}

// Parse decodes and validates a feed list. Errors are configuration errors
// naming the file, the line and the reason.
func Parse(data []byte, name string) (*List, error) {
	var l List
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil {
		return nil, config.Errorf(name, "%s", strings.TrimPrefix(yamlMessage(err), "yaml: "))
	}
	// A second pass over the node tree recovers each feed's line.
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err == nil {
		if feeds := mapValue(docNode(&root), "feeds"); feeds != nil && feeds.Kind == yaml.SequenceNode {
			for i, n := range feeds.Content {
				if i < len(l.Feeds) {
					l.Feeds[i].line = n.Line
				}
			}
		}
	}
	if err := l.Validate(name); err != nil {
		return nil, err
	}
	return &l, nil
}

func yamlMessage(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return strings.Join(te.Errors, "; ")
	}
	return err.Error()
}

func docNode(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return n.Content[0]
	}
	return n
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// Validate checks the list's rules; name is used in error messages.
func (l *List) Validate(name string) error {
	if l.Version != 1 {
		return config.Errorf(name, "version: want 1, got %d", l.Version)
	}
	if d := time.Duration(l.Defaults.Interval); d != 0 && (d < MinInterval || d > MaxInterval) {
		return config.Errorf(name, "defaults.interval %s: must be between %s and %s", d, MinInterval, MaxInterval)
	}
	seen := map[string]int{}
	for i := range l.Feeds {
		f := &l.Feeds[i]
		where := fmt.Sprintf("%s:%d", name, f.line)
		if f.line == 0 {
			where = fmt.Sprintf("%s: feeds[%d]", name, i)
		}
		if err := CheckURL(f.URL); err != nil {
			return config.Errorf(where, "feed %q: %v", f.Name, err)
		}
		if d := time.Duration(f.Interval); d != 0 && (d < MinInterval || d > MaxInterval) {
			return config.Errorf(where, "feed %q: interval %s: must be between %s and %s", f.URL, d, MinInterval, MaxInterval)
		}
		if prev, dup := seen[f.URL]; dup {
			return config.Errorf(where, "feed %q is listed twice (first at line %d)", f.URL, prev)
		}
		seen[f.URL] = f.line
		if f.Name == "" {
			u, _ := url.Parse(f.URL)
			f.Name = u.Hostname()
		}
	}
	return nil
}

// CheckURL accepts absolute http and https URLs.
func CheckURL(raw string) error {
	if strings.TrimSpace(raw) == "" {
		return errors.New("url is required")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("url %q: %w", raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("url %q: want an absolute http or https URL", raw)
	}
	return nil
}

// Marshal encodes the list as YAML.
func (l *List) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(l); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// Save writes the list to path atomically (temporary file, then rename).
func (l *List) Save(path string) error {
	data, err := l.Marshal()
	if err != nil {
		return fmt.Errorf("feedlist: encode: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("feedlist: write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("feedlist: replace %s: %w", path, err)
	}
	return nil
}

// Add appends f unless its URL is already listed; it reports whether f was
// added.
func (l *List) Add(f Feed) (bool, error) {
	if err := CheckURL(f.URL); err != nil {
		return false, err
	}
	for _, g := range l.Feeds {
		if g.URL == f.URL {
			return false, nil
		}
	}
	if f.Name == "" {
		u, _ := url.Parse(f.URL)
		f.Name = u.Hostname()
	}
	l.Feeds = append(l.Feeds, f)
	return true, nil
}
