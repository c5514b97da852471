// Package extractcli implements `newsmon extract FILE|URL|- [--url U]
// [--json]`: the article-parser's extraction run on one page, for people
// checking what the service would publish.
package extractcli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/article-parser/extract"
)

// FetchFunc downloads a page, normally through the guarded HTTP client.
type FetchFunc func(ctx context.Context, url string) (extract.Fetch, error)

// ErrNoFetcher is returned for a URL argument when no FetchFunc is given.
var ErrNoFetcher = errors.New("extract: fetching URLs is not available in this build; save the page and pass the file, or pipe it to -")

const usage = "usage: newsmon extract FILE|URL|- [--url U] [--json]"

// RunExtractCLI runs the extract command with args (after "extract"). It
// reads the page from a file, from stdin ("-") or by fetching a URL, runs
// the same extraction as the service, and prints the body text, or with
// --json the whole article record.
func RunExtractCLI(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, fetch FetchFunc) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	pageURL := fs.String("url", "", "the page's URL, for relative links and the canonical URL (file and stdin input)")
	asJSON := fs.Bool("json", false, "print the whole article record as JSON")
	method := fs.String("method", "", "extraction method: combined (default), trafilatura or readability")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w\n%s", err, usage)
	}
	// Flags may also follow the page argument.
	src := fs.Arg(0)
	if err := fs.Parse(fs.Args()[min(1, fs.NArg()):]); err != nil {
		return fmt.Errorf("%w\n%s", err, usage)
	}
	if src == "" || fs.NArg() > 0 {
		return errors.New(usage)
	}
	f, err := load(ctx, src, *pageURL, stdin, fetch)
	if err != nil {
		return err
	}
	item := events.FeedItem{ID: events.StableID("extract", firstNonEmpty(f.FinalURL, src)), Revision: 1, URL: f.FinalURL}
	a := extract.BuildArticle(item, f, clock.Real{}, extract.Options{Method: *method})
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("extract: write json: %w", err)
		}
		return nil
	}
	if a.Extraction.Method == events.MethodFeed {
		return fmt.Errorf("extract: no usable article text (%s): %s", a.Extraction.FallbackReason, a.Extraction.Detail)
	}
	if _, err := fmt.Fprintln(stdout, a.Text); err != nil {
		return fmt.Errorf("extract: write text: %w", err)
	}
	return nil
}

// load reads the page from stdin, a file, or a fetch.
func load(ctx context.Context, src, pageURL string, stdin io.Reader, fetch FetchFunc) (extract.Fetch, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		if fetch == nil {
			return extract.Fetch{}, ErrNoFetcher
		}
		f, err := fetch(ctx, src)
		if err != nil && f.Err == nil {
			f.Err = err
		}
		if f.FinalURL == "" {
			f.FinalURL = src
		}
		return f, nil
	}
	var r io.Reader = stdin
	if src != "-" {
		file, err := os.Open(src)
		if err != nil {
			return extract.Fetch{}, fmt.Errorf("extract: %w", err)
		}
		defer file.Close()
		r = file
	}
	// Read one byte past the cap so Extract can tell the page was cut.
	body, err := io.ReadAll(io.LimitReader(r, extract.DefaultMaxBytes+1))
	if err != nil {
		return extract.Fetch{}, fmt.Errorf("extract: read %s: %w", src, err)
	}
	return extract.Fetch{Status: 200, Body: body, FinalURL: pageURL}, nil
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
