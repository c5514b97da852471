package config_test

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/config"
)

func TestParse(t *testing.T) {
	tests := map[string]struct {
		env      map[string]string
		args     []string
		wantErr  string
		wantCode int
		wantPoll time.Duration
	}{
		"default":           {wantPoll: 5 * time.Minute},
		"env applies":       {env: map[string]string{"NEWSMON_POLL_INTERVAL": "2m"}, wantPoll: 2 * time.Minute},
		"flag beats env":    {env: map[string]string{"NEWSMON_POLL_INTERVAL": "2m"}, args: []string{"-poll-interval=3m"}, wantPoll: 3 * time.Minute},
		"bad env duration":  {env: map[string]string{"NEWSMON_POLL_INTERVAL": "5 minutes"}, wantErr: "NEWSMON_POLL_INTERVAL", wantCode: 2},
		"unknown flag":      {args: []string{"-pol=1"}, wantErr: "flag provided but not defined: -pol", wantCode: 2},
		"bad flag duration": {args: []string{"-poll-interval=x"}, wantErr: "-poll-interval", wantCode: 2},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			poll := fs.Duration("poll-interval", 5*time.Minute, "")
			err := config.Parse(fs, tc.args, func(k string) string { return tc.env[k] })
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, tc.wantErr)
				}
				if got := config.ExitCode(err); got != tc.wantCode {
					t.Fatalf("exit code %d, want %d", got, tc.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if *poll != tc.wantPoll {
				t.Fatalf("poll = %v, want %v", *poll, tc.wantPoll)
			}
		})
	}
}
