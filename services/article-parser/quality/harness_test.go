package quality

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/article-parser/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/pages/*.golden.txt from the current extraction")

const pagesDir = "../testdata/pages"

// minF1 is the overall token F1 (4-token shingles, pages weighted equally)
// the combined method must keep on the harness. Measured 0.984 when set;
// the margin absorbs small library changes, not regressions.
const minF1 = 0.97

func TestHarnessF1(t *testing.T) {
	cases, err := LoadCases(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 30 {
		t.Fatalf("harness has %d pages, want at least 30", len(cases))
	}
	results, sum := Run(cases, events.MethodCombined, 1)
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Case, r.Err)
		}
		if r.Score.F1 < 0.85 {
			t.Errorf("%s: F1 %.3f below the per-page floor 0.85", r.Case, r.Score.F1)
		}
	}
	if sum.Mean.F1 < minF1 {
		t.Errorf("overall F1 %.4f, want >= %.2f", sum.Mean.F1, minF1)
	}
	if sum.MetaAccuracy < 0.95 {
		t.Errorf("metadata accuracy %.3f, want >= 0.95", sum.MetaAccuracy)
	}
	t.Logf("combined: P %.4f R %.4f F1 %.4f meta %.3f", sum.Mean.Precision, sum.Mean.Recall, sum.Mean.F1, sum.MetaAccuracy)
}

// TestGolden compares each page's extracted text with <case>.golden.txt,
// so any change in output shows up in review; -update rewrites them.
func TestGolden(t *testing.T) {
	cases, err := LoadCases(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			res, _ := extract.Extract(c.HTML, c.Expect.URL, extract.Options{ContentType: c.Expect.ContentType})
			path := filepath.Join(pagesDir, c.Name+".golden.txt")
			got := res.Method + "\n\n" + res.Text + "\n"
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./quality -update)", err)
			}
			if string(want) != got {
				t.Errorf("extraction changed; diff %s against the new output, then run with -update:\n%s", path, got)
			}
		})
	}
}

func TestGoldLabelsMatchExpected(t *testing.T) {
	cases, err := LoadCases(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got, err := GoldText(c.HTML, c.Expect.ContentType)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if got != c.Expect.Text {
			t.Errorf("%s: expected.json text is stale; run go run ./cmd/extracteval -label", c.Name)
		}
	}
}

func TestScore(t *testing.T) {
	tests := map[string]struct {
		got, want string
		f1        float64
	}{
		"identical":      {"one two three four five", "one two three four five", 1},
		"both empty":     {"", "", 1},
		"nothing found":  {"", "one two three four", 0},
		"half precision": {"a b c d e f g h i j k l m n", "a b c d e f g", 2 * 0.3636 * 1 / 1.3636},
		"case and punct": {"One, two; THREE four!", "one two three four", 1},
		"cjk per char":   {"腾讯与阿里巴巴", "腾讯与阿里巴巴", 1},
		"short texts":    {"two words", "two words", 1},
	}
	for name, tc := range tests {
		got := Score(tc.got, tc.want)
		if d := got.F1 - tc.f1; d > 0.001 || d < -0.001 {
			t.Errorf("%s: F1 %.4f, want %.4f", name, got.F1, tc.f1)
		}
	}
}

// TestHarnessHeavyF1 scores the heavy versions of the pages (the same
// articles inside ~350 KB of scripts, state blobs, menus, ads and story
// rails): pruning must keep the extractors on the article.
func TestHarnessHeavyF1(t *testing.T) {
	cases, err := LoadCases(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	heavy := HeavyCases(cases)
	for _, c := range heavy {
		if len(c.HTML) < HeavyTargetBytes*9/10 {
			t.Fatalf("%s: heavy page is only %d bytes", c.Name, len(c.HTML))
		}
	}
	results, sum := Run(heavy, events.MethodCombined, 1)
	for _, r := range results {
		if r.Score.F1 < 0.85 {
			t.Errorf("%s: F1 %.3f below the per-page floor 0.85", r.Case, r.Score.F1)
		}
	}
	if sum.Mean.F1 < minF1 {
		t.Errorf("heavy pages: overall F1 %.4f, want >= %.2f", sum.Mean.F1, minF1)
	}
	t.Logf("combined on heavy pages: P %.4f R %.4f F1 %.4f", sum.Mean.Precision, sum.Mean.Recall, sum.Mean.F1)
}
