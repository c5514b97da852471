// Package route reads the notifier's routes file (YAML, schema
// schemas/routes.v1.json) and decides which destinations an alert goes to.
// A bad file is refused whole, each problem reported with its line.
package route

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/newsmon/newsmon/pkg/events"
)

// Destination types.
const (
	TypeSlackWebhook = "slack_webhook"
	TypeSlackBot     = "slack_bot"
	TypeWebhook      = "webhook"
)

// Defaults for a destination's delivery settings.
const (
	DefaultRatePerSecond = 1.0
	DefaultBurst         = 3
	DefaultTimeout       = 10 * time.Second
	DefaultSlackAPI      = "https://slack.com/api"
)

// Config is a parsed, valid routes file.
type Config struct {
	Destinations []Destination
	Routes       []Route
}

// Destination is somewhere alerts are delivered. Secrets (webhook URLs,
// tokens, signing keys) are named by an environment variable or a file,
// never written in the routes file.
type Destination struct {
	Name string
	Type string
	// URLEnv or URLFile hold the webhook URL (slack_webhook, webhook).
	URLEnv, URLFile string
	// TokenEnv or TokenFile hold the bot token (slack_bot).
	TokenEnv, TokenFile string
	// SecretEnv or SecretFile hold the HMAC signing key (webhook).
	SecretEnv, SecretFile string
	// Channel is the Slack channel id a bot posts to.
	Channel string
	// APIURL is the Slack Web API base URL (slack_bot).
	APIURL string
	// Optional destinations whose secret is not set are skipped with a log
	// line instead of refusing to start.
	Optional      bool
	RatePerSecond float64
	Burst         int
	Timeout       time.Duration
	Line          int
}

// Route sends the alerts it matches to its destinations, at once or, with
// Digest set, batched into one message every Digest.
type Route struct {
	Name   string
	Match  Match
	To     []string
	Digest time.Duration
	Line   int
}

// ErrInvalid marks a routes file that was refused.
var ErrInvalid = errors.New("invalid routes file")

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

// Load reads and checks the routes file at path.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("routes: %w", err)
	}
	cfg, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("routes file %s: %w", path, err)
	}
	return cfg, nil
}

// Parse reads and checks a routes document. Its error wraps ErrInvalid and
// every *LineError found.
func Parse(data []byte) (*Config, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrInvalid)
	}
	w := &walker{}
	cfg := w.config(doc.Content[0])
	if len(w.errs) > 0 {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, errors.Join(w.errs...))
	}
	return cfg, nil
}

func (w *walker) config(n *yaml.Node) *Config {
	f := w.fields(n, "(top)", "version", "destinations", "routes")
	cfg := &Config{}
	if v := f["version"]; v == nil {
		w.fail(n, "version", "missing; want version: 1")
	} else if w.int(v, "version") != 1 {
		w.fail(v, "version", "only version 1 is understood")
	}
	names := map[string]bool{}
	if d := f["destinations"]; d != nil {
		for i, it := range w.items(d, "destinations") {
			dst := w.destination(it, fmt.Sprintf("destinations[%d]", i))
			if names[dst.Name] {
				w.fail(it, fmt.Sprintf("destinations[%d].name", i), "destination %q is defined twice", dst.Name)
			}
			names[dst.Name] = true
			cfg.Destinations = append(cfg.Destinations, dst)
		}
	}
	routes := map[string]bool{}
	r := f["routes"]
	if r == nil {
		w.fail(n, "routes", "missing; want a list of routes (it may be empty: routes: [])")
		return cfg
	}
	for i, it := range w.items(r, "routes") {
		path := fmt.Sprintf("routes[%d]", i)
		rt := w.route(it, path, names)
		if routes[rt.Name] {
			w.fail(it, path+".name", "route %q is defined twice", rt.Name)
		}
		routes[rt.Name] = true
		cfg.Routes = append(cfg.Routes, rt)
	}
	return cfg
}

func (w *walker) name(f map[string]*yaml.Node, n *yaml.Node, path string) string {
	v := f["name"]
	if v == nil {
		w.fail(n, path+".name", "missing")
		return ""
	}
	s := w.str(v, path+".name")
	if s != "" && !nameRE.MatchString(s) {
		w.fail(v, path+".name", "%q must be lower-case letters, digits, _ or - (at most 63)", s)
	}
	return s
}

func (w *walker) route(n *yaml.Node, path string, dests map[string]bool) Route {
	f := w.fields(n, path, "name", "match", "to", "digest")
	r := Route{Name: w.name(f, n, path), Line: resolve(n).Line}
	if v := f["match"]; v != nil {
		r.Match = w.match(v, path+".match")
	}
	if v := f["to"]; v == nil {
		w.fail(n, path+".to", "missing; want the names of one or more destinations")
	} else {
		items := w.items(v, path+".to")
		if len(items) == 0 && resolve(v).Kind == yaml.SequenceNode {
			w.fail(v, path+".to", "want at least one destination")
		}
		for i, it := range items {
			p := fmt.Sprintf("%s.to[%d]", path, i)
			name := w.str(it, p)
			if name != "" && !dests[name] {
				w.fail(it, p, "no destination named %q", name)
			}
			r.To = append(r.To, name)
		}
	}
	if v := f["digest"]; v != nil {
		if r.Digest = w.duration(v, path+".digest"); r.Digest < time.Minute || r.Digest > 24*time.Hour {
			w.fail(v, path+".digest", "must be between 1m and 24h, got %v", r.Digest)
		}
	}
	return r
}

func (w *walker) match(n *yaml.Node, path string) Match {
	f := w.fields(n, path, "topics", "min_severity", "max_severity", "min_confidence", "entities", "keywords", "kinds")
	var m Match
	if v := f["topics"]; v != nil {
		m.Topics = w.strs(v, path+".topics")
	}
	sev := func(key string) events.Severity {
		v := f[key]
		if v == nil {
			return ""
		}
		s := events.Severity(w.str(v, path+"."+key))
		if s != "" && !s.Valid() {
			w.fail(v, path+"."+key, "%q is not a severity (want low, medium or high)", s)
		}
		return s
	}
	m.MinSeverity, m.MaxSeverity = sev("min_severity"), sev("max_severity")
	if m.MinSeverity.Valid() && m.MaxSeverity.Valid() && m.MinSeverity.Rank() > m.MaxSeverity.Rank() {
		w.fail(f["max_severity"], path+".max_severity", "%s is below min_severity %s: nothing would match", m.MaxSeverity, m.MinSeverity)
	}
	if v := f["min_confidence"]; v != nil {
		if m.MinConfidence = w.float(v, path+".min_confidence"); m.MinConfidence < 0 || m.MinConfidence > 1 {
			w.fail(v, path+".min_confidence", "must be between 0 and 1, got %v", m.MinConfidence)
		}
	}
	if v := f["entities"]; v != nil {
		m.Entities = w.strs(v, path+".entities")
	}
	if v := f["keywords"]; v != nil {
		m.Keywords = w.strs(v, path+".keywords")
	}
	if v := f["kinds"]; v != nil {
		m.Kinds = w.strs(v, path+".kinds")
		for i, k := range m.Kinds {
			if k != "" && k != events.AlertNew && k != events.AlertUpdate {
				w.fail(resolve(v).Content[i], fmt.Sprintf("%s.kinds[%d]", path, i), "%q is not an alert kind (want new or update)", k)
			}
		}
	}
	return m
}

func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
