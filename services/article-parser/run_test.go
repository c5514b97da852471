package main

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/config"
)

func TestRunConfigErrors(t *testing.T) {
	tests := map[string]struct {
		args []string
		env  map[string]string
		want string
	}{
		"zero workers":    {args: []string{"--parser-workers=0"}, want: "NEWSMON_PARSER_WORKERS"},
		"bad method":      {args: []string{"--parser-method=regex"}, want: "NEWSMON_PARSER_METHOD"},
		"bad allow list":  {env: map[string]string{"NEWSMON_PARSER_ALLOW": "10.0.0.0/33"}, want: "NEWSMON_PARSER_ALLOW"},
		"zero robots ttl": {args: []string{"--parser-robots-ttl=0s"}, want: "NEWSMON_PARSER_ROBOTS_TTL"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			getenv := func(k string) string { return tc.env[k] }
			err := run(context.Background(), tc.args, getenv, io.Discard)
			if config.ExitCode(err) != 2 || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v (exit %d), want a config error naming %s", err, config.ExitCode(err), tc.want)
			}
		})
	}
}
