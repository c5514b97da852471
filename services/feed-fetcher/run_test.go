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

func TestRunRefusesBadFeedList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feeds.yaml")
	if err := os.WriteFile(path, []byte("version: 1\nfeeds:\n  - url: ftp://x.example/feed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"NEWSMON_FETCHER_FEEDS": path}
	var stderr bytes.Buffer
	err := run(context.Background(), nil, func(k string) string { return env[k] }, &stderr)
	if config.ExitCode(err) != 2 || !strings.Contains(err.Error(), "feeds.yaml:3") {
		t.Fatalf("err = %v (exit %d)", err, config.ExitCode(err))
	}
	err = run(context.Background(), []string{"-fetcher-per-host", "0"}, func(string) string { return "" }, &stderr)
	if config.ExitCode(err) != 2 || !strings.Contains(err.Error(), "NEWSMON_FETCHER_PER_HOST") {
		t.Fatalf("err = %v", err)
	}
}
