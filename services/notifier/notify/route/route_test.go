package route_test

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/notifier/notify/route"
)

// badFiles are routes files the loader must refuse, with the line and a
// piece of the reason it must give. schemaToo marks those the JSON Schema
// must refuse as well (some checks, like references between names, are
// beyond it).
var badFiles = map[string]struct {
	yaml      string
	line      int
	reason    string
	schemaToo bool
}{
	"not yaml":          {"version: 1\nroutes: [\n", 2, "did not find expected", false},
	"no version":        {"routes: []\n", 1, "version", true},
	"wrong version":     {"version: 2\nroutes: []\n", 1, "only version 1", true},
	"unknown top field": {"version: 1\nroutez: []\nroutes: []\n", 2, `unknown field "routez"`, true},
	"bad severity": {"version: 1\nroutes:\n  - name: a\n    match:\n      min_severity: urgent\n    to: [x]\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n",
		5, `"urgent" is not a severity`, true},
	"unknown destination": {"version: 1\nroutes:\n  - name: a\n    to:\n      - nowhere\n", 5, `no destination named "nowhere"`, false},
	"secret inline": {"version: 1\ndestinations:\n  - name: s\n    type: slack_webhook\n    url: https://hooks.slack.com/services/T/B/C\nroutes: []\n",
		5, `unknown field "url"`, true},
	"no secret source":    {"version: 1\ndestinations:\n  - name: s\n    type: webhook\n    url_env: U\nroutes: []\n", 3, "needs secret_env or secret_file", true},
	"both env and file":   {"version: 1\ndestinations:\n  - name: s\n    type: slack_webhook\n    url_env: U\n    url_file: /f\nroutes: []\n", 6, "not both", true},
	"bot without channel": {"version: 1\ndestinations:\n  - name: b\n    type: slack_bot\n    token_env: T\nroutes: []\n", 3, "channel", true},
	"bad type":            {"version: 1\ndestinations:\n  - name: b\n    type: teams\n    url_env: T\nroutes: []\n", 4, `"teams" is not a destination type`, true},
	"bad name":            {"version: 1\nroutes:\n  - name: Big Deals\n    to: [x]\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n", 3, "lower-case", true},
	"confidence > 1":      {"version: 1\nroutes:\n  - name: a\n    match: {min_confidence: 1.5}\n    to: [x]\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n", 4, "between 0 and 1", true},
	"bad digest":          {"version: 1\nroutes:\n  - name: a\n    digest: soon\n    to: [x]\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n", 4, "want a duration", true},
	"empty to":            {"version: 1\nroutes:\n  - name: a\n    to: []\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n", 4, "at least one", true},
	"duplicate route":     {"version: 1\nroutes:\n  - {name: a, to: [x]}\n  - {name: a, to: [x]}\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n", 4, "defined twice", false},
	"min above max":       {"version: 1\nroutes:\n  - name: a\n    match: {min_severity: high, max_severity: low}\n    to: [x]\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n", 4, "nothing would match", false},
	"number as string":    {"version: 1\nroutes:\n  - name: a\n    match:\n      topics: [42]\n    to: [x]\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n", 5, "quote it", true},
	"bad kind":            {"version: 1\nroutes:\n  - name: a\n    match:\n      kinds: [new, retracted]\n    to: [x]\ndestinations:\n  - {name: x, type: slack_webhook, url_env: X}\n", 5, `"retracted" is not an alert kind`, true},
}

func TestParseRefusesBadFilesWithLineAndReason(t *testing.T) {
	for name, tc := range badFiles {
		t.Run(name, func(t *testing.T) {
			_, err := route.Parse([]byte(tc.yaml))
			if err == nil || !errors.Is(err, route.ErrInvalid) {
				t.Fatalf("Parse accepted it (err %v)", err)
			}
			if !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("error %q does not give the reason %q", err, tc.reason)
			}
			var le *route.LineError
			if errors.As(err, &le) {
				if le.Line != tc.line {
					t.Fatalf("error %q points at line %d, want %d", err, le.Line, tc.line)
				}
			} else if !strings.Contains(err.Error(), "line "+strconv.Itoa(tc.line)) {
				t.Fatalf("error %q does not name line %d", err, tc.line)
			}
		})
	}
}

func TestLoadFullFile(t *testing.T) {
	cfg, err := route.Load("testdata/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Destinations) != 3 || len(cfg.Routes) != 3 {
		t.Fatalf("got %d destinations, %d routes", len(cfg.Destinations), len(cfg.Routes))
	}
	d, _ := cfg.Destination("deals-slack")
	if d.RatePerSecond != 0.5 || d.Burst != 2 || d.Timeout != route.DefaultTimeout || d.URLFile != "/run/secrets/deals_webhook" {
		t.Fatalf("deals-slack = %+v", d)
	}
	if cfg.Routes[2].Digest != time.Hour || cfg.Routes[2].Match.MaxSeverity != events.SeverityLow {
		t.Fatalf("quiet route = %+v", cfg.Routes[2])
	}
}

func TestTargets(t *testing.T) {
	cfg, err := route.Load("testdata/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	deal := events.Alert{Topic: "ai_investment", Severity: events.SeverityHigh, Confidence: 0.8, Kind: events.AlertNew,
		Facts: events.Facts{Deal: &events.DealFacts{Target: "deepseek"}}}
	weak := deal
	weak.Confidence = 0.4
	lowDeal := deal
	lowDeal.Severity = events.SeverityLow
	chip := events.Alert{Topic: "chip_policy", Severity: events.SeverityMedium, Kind: events.AlertUpdate, Headline: "New EXPORT rules"}
	otherChip := chip
	otherChip.Headline = "Subsidy for fabs"
	tests := map[string]struct {
		a    events.Alert
		want string
	}{
		"deal by entity":       {deal, "deals-slack/big-deals/0s audit/big-deals/0s"},
		"weak deal":            {weak, ""},
		"low deal digest":      {lowDeal, "deals-slack/quiet/1h0m0s"},
		"chip keyword":         {chip, "policy-bot/chips/0s"},
		"chip without keyword": {otherChip, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, tg := range cfg.Targets(tc.a) {
				got = append(got, tg.Destination+"/"+tg.Route+"/"+tg.Digest.String())
			}
			if s := strings.Join(got, " "); s != tc.want {
				t.Fatalf("Targets = %q, want %q", s, tc.want)
			}
		})
	}
}

func TestImmediateWinsOverDigest(t *testing.T) {
	cfg, err := route.Parse([]byte(`version: 1
destinations: [{name: s, type: slack_webhook, url_env: S}]
routes:
  - {name: digest-all, digest: 10m, to: [s]}
  - {name: now, match: {topics: [chip_policy]}, to: [s]}
`))
	if err != nil {
		t.Fatal(err)
	}
	tg := cfg.Targets(events.Alert{Topic: "chip_policy", Severity: events.SeverityLow})
	if len(tg) != 1 || tg[0].Route != "now" || tg[0].Digest != 0 {
		t.Fatalf("targets = %+v, want one immediate delivery", tg)
	}
}

func TestDefaultRoutesParse(t *testing.T) {
	b, err := os.ReadFile("../../../../deploy/routes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := route.Parse(b); err != nil {
		t.Fatal(err)
	}
}
