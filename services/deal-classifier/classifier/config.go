// Package classifier is the deal-classifier service: it consumes
// news.articles, classifies each article, clusters stories and publishes
// news.classified and alerts.<topic>.<severity>.
package classifier

import (
	"errors"
	"flag"
	"os"

	"github.com/newsmon/newsmon/pkg/config"
)

// Config is the deal-classifier's configuration.
type Config struct {
	// RulesFile is a YAML rules file; empty uses the embedded default.
	RulesFile string
	// Workers is how many articles are classified at once.
	Workers int
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config { return Config{Workers: 2} }

// Register defines the service's flags on fs.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.RulesFile, "rules", c.RulesFile, "topic rules file (YAML); empty uses the built-in rules")
	fs.IntVar(&c.Workers, "classifier-workers", c.Workers, "articles classified at once")
}

// Validate checks the configuration.
func (c *Config) Validate() error {
	if c.RulesFile != "" {
		if _, err := os.Stat(c.RulesFile); err != nil {
			return config.Errorf(config.EnvName("rules"), "cannot read rules file %s: %v", c.RulesFile, errors.Unwrap(err))
		}
	}
	return config.Positive(config.EnvName("classifier-workers"), c.Workers)
}
