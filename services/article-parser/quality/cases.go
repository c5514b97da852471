package quality

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsmon/newsmon/services/article-parser/extract"
)

// Expected is the hand-written truth for one page, stored as
// <case>.expected.json beside <case>.html.
type Expected struct {
	// URL is the address the page is extracted as.
	URL string `json:"url"`
	// ContentType is the HTTP Content-Type the page is served with.
	ContentType string   `json:"content_type,omitempty"`
	Title       string   `json:"title,omitempty"`
	Authors     []string `json:"authors,omitempty"`
	Published   string   `json:"published,omitempty"`
	Modified    string   `json:"modified,omitempty"`
	SiteName    string   `json:"site_name,omitempty"`
	Language    string   `json:"language,omitempty"`
	Image       string   `json:"image,omitempty"`
	Section     string   `json:"section,omitempty"`
	Keywords    []string `json:"keywords,omitempty"`
	Canonical   string   `json:"canonical,omitempty"`
	// Text is the article body, paragraphs separated by a blank line. It is
	// written from the page's gold markers by Label.
	Text string `json:"text"`
}

// Case is one harness page.
type Case struct {
	Name   string
	HTML   []byte
	Expect Expected
	dir    string
}

// LoadCases reads every <case>.html with its <case>.expected.json in dir.
func LoadCases(dir string) ([]Case, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return nil, fmt.Errorf("quality: list pages: %w", err)
	}
	sort.Strings(files)
	var cases []Case
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		page, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("quality: read page: %w", err)
		}
		raw, err := os.ReadFile(filepath.Join(dir, name+".expected.json"))
		if err != nil {
			return nil, fmt.Errorf("quality: case %s: %w", name, err)
		}
		c := Case{Name: name, HTML: page, dir: dir}
		if err := json.Unmarshal(raw, &c.Expect); err != nil {
			return nil, fmt.Errorf("quality: case %s: parse expected: %w", name, err)
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("quality: no pages in %s", dir)
	}
	return cases, nil
}

// Gold markers delimit the article body in a harness page: text between
// <!--gold--> and <!--/gold--> is expected, except what lies between
// <!--skip--> and <!--/skip-->. Extractors drop HTML comments, so the
// markers give them no hint.
const (
	goldOpen, goldClose = "<!--gold-->", "<!--/gold-->"
	skipOpen, skipClose = "<!--skip-->", "<!--/skip-->"
)

// GoldText renders the expected body from a page's gold markers. The page
// must be UTF-8 or a single-byte encoding that extract decodes; markers are
// ASCII either way.
func GoldText(page []byte, contentType string) (string, error) {
	src, err := extract.DecodeForLabel(page, contentType)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for {
		i := strings.Index(src, goldOpen)
		if i < 0 {
			break
		}
		src = src[i+len(goldOpen):]
		j := strings.Index(src, goldClose)
		if j < 0 {
			return "", fmt.Errorf("quality: unclosed gold marker")
		}
		region := src[:j]
		src = src[j+len(goldClose):]
		for {
			k := strings.Index(region, skipOpen)
			if k < 0 {
				break
			}
			l := strings.Index(region, skipClose)
			if l < k {
				return "", fmt.Errorf("quality: unclosed skip marker")
			}
			region = region[:k] + region[l+len(skipClose):]
		}
		b.WriteString("<div>" + region + "</div>")
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("quality: page has no gold markers")
	}
	nodes, err := html.ParseFragment(strings.NewReader(b.String()), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return "", fmt.Errorf("quality: parse gold region: %w", err)
	}
	var parts []string
	for _, n := range nodes {
		if t := extract.RenderText(n); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n"), nil
}

// Label rewrites the text field of every case's expected.json from its
// gold markers, keeping the hand-written metadata.
func Label(cases []Case) error {
	for i := range cases {
		c := &cases[i]
		t, err := GoldText(c.HTML, c.Expect.ContentType)
		if err != nil {
			return fmt.Errorf("quality: label %s: %w", c.Name, err)
		}
		c.Expect.Text = t
		out, err := json.MarshalIndent(c.Expect, "", "  ")
		if err != nil {
			return fmt.Errorf("quality: label %s: %w", c.Name, err)
		}
		if err := os.WriteFile(filepath.Join(c.dir, c.Name+".expected.json"), append(out, '\n'), 0o644); err != nil {
			return fmt.Errorf("quality: label %s: %w", c.Name, err)
		}
	}
	return nil
}
