package natsembed_test

import (
	"path/filepath"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
)

// TestDeployConfigsParse loads the NATS server configurations shipped in
// deploy/nats with the real server's parser, so a typo there fails here
// rather than at a user's first start.
func TestDeployConfigsParse(t *testing.T) {
	for _, v := range []string{"FETCHER_PASSWORD", "PARSER_PASSWORD", "CLASSIFIER_PASSWORD", "NOTIFIER_PASSWORD", "READER_PASSWORD"} {
		t.Setenv(v, "test-"+v)
	}
	t.Setenv("NODE_NAME", "n1")
	files, _ := filepath.Glob("../../deploy/nats/*.conf")
	if len(files) < 2 {
		t.Fatalf("found %d NATS configs in deploy/nats", len(files))
	}
	for _, f := range files {
		if filepath.Base(f) == "accounts.conf" {
			continue // included by cluster.conf
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			o, err := server.ProcessConfigFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !o.JetStream {
				t.Error("JetStream is not enabled")
			}
			if o.MaxPayload < 8<<20 {
				t.Errorf("max_payload %d is below the 8 MB articles need", o.MaxPayload)
			}
		})
	}
}
