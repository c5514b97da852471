package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/config"
)

func TestRunRefusesABadRulesFileWithItsLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.yaml")
	bad := "version: 1\ntopics:\n  - id: ai_investment\n    threshold: very high\n"
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"--rules", path, "--nats-url", "nats://127.0.0.1:1"}, func(string) string { return "" }, &stderr)
	if err == nil || config.ExitCode(err) != 2 {
		t.Fatalf("err = %v, want a configuration error (exit 2)", err)
	}
	for _, want := range []string{"NEWSMON_RULES", path, "line 4"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}
