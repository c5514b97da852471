package replay

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden alerts of testdata/archive")

// repoArchive and golden are the project's own archive and the alerts a
// replay of it must produce.
var (
	repoArchive = filepath.Join("..", "..", "..", "testdata", "archive")
	golden      = filepath.Join("..", "..", "..", "testdata", "golden", "replay-alerts.jsonl")
)

func replayRepo(t *testing.T) (string, Summary) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var out bytes.Buffer
	sum, err := Run(ctx, Options{Archive: repoArchive, Alerts: AlertWriter(&out, "json")})
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), sum
}

// TestReplayGolden is the end-to-end test: the whole pipeline replays the
// project's archive and must produce exactly the golden alerts.
func TestReplayGolden(t *testing.T) {
	got, sum := replayRepo(t)
	t.Logf("\n%s", sum)
	if sum.Items < 300 || sum.Articles < sum.Items || sum.Classified < sum.Items {
		t.Errorf("replay lost messages: %+v", sum)
	}
	// One page of the archive was recorded as gone; nothing else may be
	// missing.
	if len(sum.Missing) != 1 {
		t.Errorf("requests the archive could not answer: %v", sum.Missing)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (regenerate with go test ./replay -run Golden -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("alerts differ from %s at line %d:\n got: %s\nwant: %s", golden, i+1, g, w)
			}
		}
	}
}
