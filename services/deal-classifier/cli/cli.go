// Package cli implements `newsmon classify FILE|URL|- [--json] [--jsonl]`:
// classify one article or plain text (headline on the first line) and print
// topics, scores, facts and evidence; --json prints the classification
// record; --jsonl classifies many items in one process (one JSON object
// with "title" and "text" per input line, one classification per output
// line).
package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/deal-classifier/classify"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

// ErrNoFetcher is returned for a URL argument when no fetch function was
// given.
var ErrNoFetcher = errors.New("classify: fetching URLs needs a guarded HTTP client, none configured")

// Fetch downloads a URL and returns the article's title and text.
type Fetch func(ctx context.Context, url string) (title, text string, err error)

// Options are RunCLI's dependencies.
type Options struct {
	// Fetch, when set, handles http(s) arguments.
	Fetch Fetch
	// Now stamps classified_at; the zero time when nil.
	Now func() time.Time
}

// RunCLI runs the classify command without URL support.
func RunCLI(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	return Run(ctx, args, stdin, stdout, Options{})
}

// Run runs the classify command.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, opt Options) error {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print the classification record (schemas/classification.v1.json)")
	asJSONL := fs.Bool("jsonl", false, "read one {\"title\",\"text\"} object per line, print one classification per line")
	rulesPath := fs.String("rules", "", "rules file (default: the embedded rules)")
	if err := fs.Parse(reorder(args)); err != nil {
		return fmt.Errorf("classify: %w (usage: classify FILE|URL|- [--json] [--jsonl] [--rules FILE])", err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("classify: want one FILE, URL or - (usage: classify FILE|URL|- [--json] [--jsonl] [--rules FILE])")
	}
	r, err := loadRules(*rulesPath)
	if err != nil {
		return err
	}
	c, err := classify.New(r)
	if err != nil {
		return err
	}
	now := time.Time{}
	if opt.Now != nil {
		now = opt.Now()
	}
	src := fs.Arg(0)
	if *asJSONL {
		in, closeIn, err := open(src, stdin)
		if err != nil {
			return err
		}
		defer closeIn()
		return runJSONL(ctx, c, in, stdout, now)
	}
	doc, err := readDoc(ctx, src, stdin, opt.Fetch)
	if err != nil {
		return err
	}
	res := c.Classify(doc)
	if *asJSON {
		return writeRecord(stdout, doc, res, now)
	}
	return writeText(stdout, doc, res)
}

// reorder moves flags before the positional argument so that
// "classify FILE --json" works like "classify --json FILE".
func reorder(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-" || !strings.HasPrefix(a, "-"):
			pos = append(pos, a)
		case a == "--rules" || a == "-rules":
			flags = append(flags, a)
			if i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			flags = append(flags, a)
		}
	}
	return append(flags, pos...)
}

func loadRules(path string) (*rules.Rules, error) {
	if path == "" {
		return rules.Default()
	}
	return rules.LoadFile(path)
}

func open(src string, stdin io.Reader) (io.Reader, func(), error) {
	if src == "-" {
		return stdin, func() {}, nil
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, nil, fmt.Errorf("classify: %w", err)
	}
	return f, func() { f.Close() }, nil
}

func readDoc(ctx context.Context, src string, stdin io.Reader, fetch Fetch) (classify.Document, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		if fetch == nil {
			return classify.Document{}, ErrNoFetcher
		}
		title, text, err := fetch(ctx, src)
		if err != nil {
			return classify.Document{}, fmt.Errorf("classify: fetch %s: %w", src, err)
		}
		return classify.Document{Title: title, Text: text, URL: src}, nil
	}
	in, closeIn, err := open(src, stdin)
	if err != nil {
		return classify.Document{}, err
	}
	defer closeIn()
	b, err := io.ReadAll(io.LimitReader(in, 8<<20))
	if err != nil {
		return classify.Document{}, fmt.Errorf("classify: read %s: %w", src, err)
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	title, text, _ := strings.Cut(strings.TrimLeft(s, "\n"), "\n")
	return classify.Document{Title: strings.TrimSpace(title), Text: strings.TrimSpace(text)}, nil
}

type jsonlItem struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Text    string `json:"text"`
	Summary string `json:"summary"`
	URL     string `json:"url"`
}

func runJSONL(ctx context.Context, c *classify.Classifier, in io.Reader, out io.Writer, now time.Time) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	w := bufio.NewWriter(out)
	defer w.Flush()
	line := 0
	for sc.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return err
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it jsonlItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return fmt.Errorf("classify: input line %d: %w", line, err)
		}
		doc := classify.Document{Title: it.Title, Text: it.Text, Summary: it.Summary, URL: it.URL}
		if err := writeRecord(w, doc, c.Classify(doc), now, it.ID); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("classify: read input: %w", err)
	}
	return nil
}

func writeRecord(w io.Writer, doc classify.Document, res classify.Result, now time.Time, id ...string) error {
	var rec events.Classification
	res.Fill(&rec, doc, now)
	rec.Revision = 1
	if len(id) > 0 && id[0] != "" {
		rec.ID = id[0]
	} else {
		rec.ID = events.StableID("text", doc.Title, doc.Body())
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("classify: encode: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func writeText(w io.Writer, doc classify.Document, res classify.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n", doc.Title)
	for _, t := range res.Topics {
		mark := "no "
		if t.Matched {
			mark = "YES"
		}
		fmt.Fprintf(&b, "\n[%s] %s  score %.2f", mark, t.Topic, t.Score)
		if t.Matched {
			fmt.Fprintf(&b, "  severity %s", t.Severity)
		}
		b.WriteString("\n")
		for _, h := range t.RulesFired {
			fmt.Fprintf(&b, "  rule %-32s %+.2f  %-5s %s\n", h.Rule, h.Weight, h.Where, h.Match)
		}
		if f := t.Facts; f != nil && f.Deal != nil {
			d := f.Deal
			fmt.Fprintf(&b, "  deal: type=%s status=%s target=%q\n", d.Type, d.Status, d.Target)
			for _, inv := range d.Investors {
				fmt.Fprintf(&b, "    investor %s (%s)\n", inv.Name, inv.Role)
			}
			if d.Amount != nil {
				fmt.Fprintf(&b, "    amount %s = %.0f USD\n", d.Amount.Text, d.Amount.USD)
			}
			if d.Valuation != nil {
				fmt.Fprintf(&b, "    valuation %s = %.0f USD\n", d.Valuation.Text, d.Valuation.USD)
			}
		}
		if f := t.Facts; f != nil && f.ChipPolicy != nil {
			cp := f.ChipPolicy
			fmt.Fprintf(&b, "  chip_policy: action=%s status=%s jurisdictions=%s\n", cp.Action, cp.Status, strings.Join(cp.Jurisdictions, ","))
			fmt.Fprintf(&b, "    chips=%s companies=%s\n", strings.Join(cp.Chips, ","), strings.Join(cp.Companies, ","))
		}
		for _, e := range t.Evidence {
			fmt.Fprintf(&b, "  evidence %s [%d:%d] %s\n", e.Fact, e.Start, e.End, e.Sentence)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
