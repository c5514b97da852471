package app

import (
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/config"
)

func TestCommonValidateNamesTheVariable(t *testing.T) {
	tests := map[string]struct {
		args []string
		want string
	}{
		"defaults are valid":   {},
		"bad replicas":         {args: []string{"-replicas=2"}, want: "NEWSMON_REPLICAS"},
		"bad log format":       {args: []string{"-log-format=xml"}, want: "NEWSMON_LOG_FORMAT"},
		"short seen-items ttl": {args: []string{"-seen-items-ttl=1h"}, want: "NEWSMON_SEEN_ITEMS_TTL"},
		"window beyond ttl":    {args: []string{"-duplicate-window=2400h"}, want: "NEWSMON_DUPLICATE_WINDOW"},
		"zero shutdown":        {args: []string{"-shutdown-timeout=0s"}, want: "NEWSMON_SHUTDOWN_TIMEOUT"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var c Common
			c.Register(fs, "")
			if err := config.Parse(fs, tc.args, nil); err != nil {
				t.Fatal(err)
			}
			err := c.Validate()
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				o := c.TopologyOptions()
				if o.SeenItemsTTL != c.SeenItemsTTL || o.DuplicateWindow != c.DuplicateWindow || o.Replicas != 1 {
					t.Fatalf("topology options %+v do not follow the settings", o)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || config.ExitCode(err) != 2 {
				t.Fatalf("err = %v, want a configuration error naming %s", err, tc.want)
			}
		})
	}
}

func TestAdminServesHealthAndMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "newsmon_test_total", Help: "test"})
	reg.MustRegister(c)
	c.Inc()
	h := NewHealth()
	h.Set("nats", nil)
	a, err := StartAdmin("127.0.0.1:0", reg, h)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Shutdown()
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + a.Addr() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, "newsmon_test_total 1") {
		t.Fatalf("/metrics: %d %s", code, body)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Fatalf("/healthz healthy: %d", code)
	}
	h.Set("nats", errors.New("disconnected"))
	code, body := get("/healthz")
	var got struct {
		OK         bool
		Components []struct{ Name, Problem string }
	}
	_ = json.Unmarshal([]byte(body), &got)
	if code != http.StatusServiceUnavailable || got.OK || len(got.Components) != 1 || got.Components[0].Problem != "disconnected" {
		t.Fatalf("/healthz unhealthy: %d %s", code, body)
	}
}

func TestRedactURLHidesCredentials(t *testing.T) {
	got := redactURL("nats://alice:s3cret@nats.example.com:4222")
	if strings.Contains(got, "s3cret") || strings.Contains(got, "alice") {
		t.Fatalf("redactURL leaked: %s", got)
	}
}
