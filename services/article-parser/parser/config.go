// Package parser is the article-parser service: it consumes news.items,
// downloads and extracts each article and publishes news.articles.
package parser

import (
	"flag"

	"github.com/newsmon/newsmon/pkg/config"
)

// Config is the article-parser's configuration.
type Config struct {
	// Workers is how many items are processed at once.
	Workers int
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config { return Config{Workers: 4} }

// Register defines the service's flags on fs.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.IntVar(&c.Workers, "parser-workers", c.Workers, "items processed at once")
}

// Validate checks the configuration.
func (c *Config) Validate() error {
	return config.Positive(config.EnvName("parser-workers"), c.Workers)
}
