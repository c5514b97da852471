package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
)

const canonical = "Tencent and Alibaba in talks to back DeepSeek as US, China clear H200 sales\n" +
	"Tencent and Alibaba are reportedly in talks for a joint investment in DeepSeek, which is seeking outside capital at a valuation around $10 billion. " +
	"US and Chinese governments gave conditional approvals for Nvidia H200 supply to China.\n"

func TestTextFromStdin(t *testing.T) {
	var out bytes.Buffer
	if err := RunCLI(context.Background(), []string{"-"}, strings.NewReader(canonical), &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"[YES] ai_investment", "[YES] chip_policy", `target="DeepSeek"`, "investor Tencent", "action=licence_approval"} {
		if !strings.Contains(s, want) {
			t.Fatalf("output lacks %q:\n%s", want, s)
		}
	}
}

func TestJSONFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte(canonical), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := RunCLI(context.Background(), []string{path, "--json"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	var rec events.Classification
	if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
		t.Fatalf("not a classification: %v\n%s", err, out.String())
	}
	if len(rec.Topics) != 2 || !rec.Topics[0].Matched || rec.RulesVersion == "" || rec.ID == "" {
		t.Fatalf("record %+v", rec)
	}
}

func TestJSONL(t *testing.T) {
	in := `{"title":"Acme Robotics AI raises $20M","text":"The startup will hire engineers."}
{"title":"Arsenal sign striker in £60 million deal","text":"The club paid a record fee."}
`
	var out bytes.Buffer
	if err := RunCLI(context.Background(), []string{"--jsonl", "-"}, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	var a, b events.Classification
	if json.Unmarshal([]byte(lines[0]), &a) != nil || json.Unmarshal([]byte(lines[1]), &b) != nil {
		t.Fatal("bad json")
	}
	if !a.Topics[0].Matched || b.Topics[0].Matched {
		t.Fatalf("verdicts: %v %v", a.Topics[0].Matched, b.Topics[0].Matched)
	}
}

func TestURLWithoutFetcher(t *testing.T) {
	err := RunCLI(context.Background(), []string{"https://example.com/a"}, nil, &bytes.Buffer{})
	if !errors.Is(err, ErrNoFetcher) {
		t.Fatalf("err = %v", err)
	}
}

func TestURLWithFetcher(t *testing.T) {
	fetch := func(_ context.Context, url string) (string, string, error) {
		return "US tightens export controls on AI chips to China", "The Commerce Department issued new rules.", nil
	}
	var out bytes.Buffer
	if err := Run(context.Background(), []string{"https://example.com/a", "--json"}, nil, &out, Options{Fetch: fetch}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"chip_policy"`) {
		t.Fatalf("output %s", out.String())
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"a", "b"}, {"--bogus", "-"}} {
		if err := RunCLI(context.Background(), args, strings.NewReader(""), &bytes.Buffer{}); err == nil {
			t.Errorf("%v: want error", args)
		}
	}
}
