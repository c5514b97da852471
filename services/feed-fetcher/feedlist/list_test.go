package feedlist

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"net/http"
	"net/http/httptest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/httpguard"
)

const repoRoot = "../../.."

func TestParseGoodList(t *testing.T) {
	l, err := Load("../testdata/lists/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Feeds) != 2 || l.Interval() != 10*time.Minute {
		t.Fatalf("feeds=%d interval=%v", len(l.Feeds), l.Interval())
	}
	if l.Feeds[1].Name != "policywatch.example" || l.Feeds[1].IsEnabled() || l.Feeds[1].Every(l.Interval()) != time.Hour {
		t.Fatalf("second feed: %+v", l.Feeds[1])
	}
}

func TestBadListsNameLineAndReason(t *testing.T) {
	cases := map[string]string{
		"bad-interval.yaml": "bad-interval.yaml:5: feed \"https://fast.example/feed\": interval 10s: must be between 1m0s and 24h0m0s",
		"bad-url.yaml":      "bad-url.yaml:3: feed \"relative\": url \"/feed.xml\": want an absolute http or https URL",
		"bad-field.yaml":    "line 5: field intervall not found",
	}
	for file, want := range cases {
		_, err := Load(filepath.Join("../testdata/lists", file))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want it to contain %q", file, err, want)
		}
		if !config.IsConfigError(err) {
			t.Errorf("%s: not a config error (exit status 2)", file)
		}
	}
}

func TestDefaultListIsTheDeployCopy(t *testing.T) {
	deploy, err := os.ReadFile(filepath.Join(repoRoot, "deploy", "feeds.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(deploy, DefaultYAML()) {
		t.Fatal("feedlist/default_feeds.yaml differs from deploy/feeds.yaml: copy it over")
	}
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Feeds) < 25 {
		t.Fatalf("default list has %d feeds, want at least 25", len(l.Feeds))
	}
}

// TestSchemaValidatesExamples checks schemas/feeds.v1.json against the
// default list and the test lists: valid ones pass, invalid ones fail.
func TestSchemaValidatesExamples(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join(repoRoot, "schemas", "feeds.v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{
		filepath.Join(repoRoot, "deploy", "feeds.yaml"): true,
		"../testdata/lists/good.yaml":                   true,
		"../testdata/lists/bad-url.yaml":                false,
		"../testdata/lists/bad-field.yaml":              false,
	}
	for path, valid := range cases {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(doc)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
		if err != nil {
			t.Fatal(err)
		}
		err = sch.Validate(inst)
		if valid && err != nil {
			t.Errorf("%s: %v", path, err)
		}
		if !valid && err == nil {
			t.Errorf("%s: schema accepted an invalid list", path)
		}
	}
}

func TestSaveRoundTrip(t *testing.T) {
	l, err := Load("../testdata/lists/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if added, _ := l.Add(Feed{URL: "https://new.example/rss", Tags: []string{"x"}}); !added {
		t.Fatal("not added")
	}
	if added, _ := l.Add(Feed{URL: "https://new.example/rss"}); added {
		t.Fatal("duplicate added")
	}
	path := filepath.Join(t.TempDir(), "feeds.yaml")
	if err := l.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Feeds) != 3 || back.Feeds[2].Name != "new.example" || back.Feeds[1].Every(0) != time.Hour {
		t.Fatalf("round trip: %+v", back.Feeds)
	}
}

func TestImportOPML(t *testing.T) {
	l, _ := Load("../testdata/lists/good.yaml")
	f, err := os.Open("../testdata/lists/subscriptions.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	added, problems, err := l.Import(f)
	if err != nil {
		t.Fatal(err)
	}
	// policywatch and harbourtech are already listed; broken is refused.
	if added != 1 || len(problems) != 1 {
		t.Fatalf("added %d, problems %v", added, problems)
	}
	last := l.Feeds[len(l.Feeds)-1]
	if last.URL != "https://fabnotes.example/atom.xml" || len(last.Tags) != 1 || last.Tags[0] != "chips" {
		t.Fatalf("imported feed: %+v", last)
	}
}

func TestDiscover(t *testing.T) {
	page, _ := os.ReadFile("../testdata/feeds/page.html")
	feed, _ := os.ReadFile("../testdata/feeds/rss2.xml")
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write(feed)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	o := httpguard.DefaultOptions("test")
	o.Allow = []string{"127.0.0.1/32"}
	c, _ := httpguard.New(o)
	got, err := Discover(context.Background(), c, srv.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{srv.URL + "/feed.xml", "https://harbourtech.example/atom.xml", srv.URL + "/feed.json"}
	if len(got) != len(want) {
		t.Fatalf("found %+v", got)
	}
	for i := range want {
		if got[i].URL != want[i] {
			t.Errorf("feed %d = %s, want %s", i, got[i].URL, want[i])
		}
	}
	self, err := Discover(context.Background(), c, srv.URL+"/feed.xml")
	if err != nil || len(self) != 1 || self[0].URL != srv.URL+"/feed.xml" {
		t.Fatalf("a feed URL should discover itself: %+v %v", self, err)
	}
}
