package replay

import (
	"bytes"
	"context"
	"testing"

	"github.com/newsmon/newsmon/pkg/config"
)

func TestCommandRejectsBadArguments(t *testing.T) {
	cases := map[string][]string{
		"no archive":     {},
		"two archives":   {"a", "b"},
		"negative speed": {repoArchive, "--speed", "-2"},
		"bad format":     {repoArchive, "--format", "xml"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := Command(context.Background(), args, &out, &errOut)
			if config.ExitCode(err) != 2 {
				t.Fatalf("err = %v (exit %d), want a usage error", err, config.ExitCode(err))
			}
		})
	}
}
