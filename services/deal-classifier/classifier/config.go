// Package classifier is the deal-classifier service: it consumes
// news.articles, classifies each article, clusters stories and publishes
// news.classified and alerts.<topic>.<severity>.
package classifier

import (
	"flag"
	"time"

	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
	"github.com/newsmon/newsmon/services/deal-classifier/story"
)

// Config is the deal-classifier's configuration.
type Config struct {
	// RulesFile is a YAML rules file; empty uses the embedded default.
	RulesFile string
	// Workers is how many articles are classified at once.
	Workers int
	// StoryWindow is how long a story keeps absorbing new articles after
	// its last update.
	StoryWindow time.Duration

	// rules is the parsed rules file, set by Validate.
	rules *rules.Rules
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{Workers: 2, StoryWindow: story.DefaultConfig().Window}
}

// Register defines the service's flags on fs.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.RulesFile, "rules", c.RulesFile, "topic rules file (YAML); empty uses the built-in rules")
	fs.IntVar(&c.Workers, "classifier-workers", c.Workers, "articles classified at once")
	fs.DurationVar(&c.StoryWindow, "story-window", c.StoryWindow, "how long a story absorbs new articles after its last update")
}

// Validate checks the configuration and loads the rules file, so that a
// bad rules file is refused at start with its line and the reason.
func (c *Config) Validate() error {
	if err := config.Positive(config.EnvName("classifier-workers"), c.Workers); err != nil {
		return err
	}
	if c.StoryWindow < time.Hour {
		return config.Errorf(config.EnvName("story-window"), "must be at least 1h, got %v", c.StoryWindow)
	}
	var err error
	if c.RulesFile == "" {
		c.rules, err = rules.Default()
	} else {
		c.rules, err = rules.LoadFile(c.RulesFile)
	}
	if err != nil {
		return config.Errorf(config.EnvName("rules"), "%v", err)
	}
	return nil
}

// Rules returns the rules loaded by Validate.
func (c *Config) Rules() *rules.Rules { return c.rules }
