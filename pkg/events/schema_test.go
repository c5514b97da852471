package events_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsmon/newsmon/pkg/events"
)

// repoRoot is the repository root seen from this package's directory.
const repoRoot = "../.."

// compileSchemas loads every schema in schemas/ so cross-file $refs resolve.
func compileSchemas(t *testing.T) *jsonschema.Compiler {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	files, err := filepath.Glob(filepath.Join(repoRoot, "schemas", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schemas found: %v", err)
	}
	for _, f := range files {
		doc, err := readJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if !strings.HasPrefix(id, events.SchemaBase) || !strings.HasSuffix(id, filepath.Base(f)) {
			t.Errorf("%s: $id %q does not match its file name under %s", f, id, events.SchemaBase)
		}
		if err := c.AddResource(id, doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	return c
}

func readJSON(path string) (any, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}

// TestExamplesValidateAndRoundTrip checks every example message in
// testdata/events against its schema and through its Go type: decoding with
// unknown fields refused proves the type knows every field, and re-encoding
// must give back the same document.
func TestExamplesValidateAndRoundTrip(t *testing.T) {
	c := compileSchemas(t)
	kinds := map[string]struct {
		schema string
		newV   func() any
	}{
		"feed_item":      {events.SchemaFeedItem, func() any { return &events.FeedItem{} }},
		"article":        {events.SchemaArticle, func() any { return &events.Article{} }},
		"classification": {events.SchemaClassification, func() any { return &events.Classification{} }},
		"alert":          {events.SchemaAlert, func() any { return &events.Alert{} }},
	}
	files, _ := filepath.Glob(filepath.Join(repoRoot, "testdata", "events", "*.json"))
	if len(files) < 4 {
		t.Fatalf("want examples of all four messages, found %d files", len(files))
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		kind := name
		for k := range kinds {
			if name == k || strings.HasPrefix(name, k+"_") {
				kind = k
			}
		}
		k, ok := kinds[kind]
		if !ok {
			t.Errorf("%s: cannot tell which message it is (name it <kind>[_variant].json)", f)
			continue
		}
		seen[kind] = true
		t.Run(name, func(t *testing.T) {
			sch, err := c.Compile(k.schema)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := readJSON(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Fatalf("does not validate against %s: %v", k.schema, err)
			}
			raw, _ := os.ReadFile(f)
			v := k.newV()
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(v); err != nil {
				t.Fatalf("Go type does not mirror the example: %v", err)
			}
			again, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			var want, got any
			_ = json.Unmarshal(raw, &want)
			_ = json.Unmarshal(again, &got)
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("round trip changed the message:\nwant %s\ngot  %s", raw, again)
			}
			// What the Go type produces validates too.
			back, _ := jsonschema.UnmarshalJSON(bytes.NewReader(again))
			if err := sch.Validate(back); err != nil {
				t.Fatalf("re-encoded message does not validate: %v", err)
			}
		})
	}
	for k := range kinds {
		if !seen[k] {
			t.Errorf("no example for %s", k)
		}
	}
}

// TestSchemasRejectBrokenMessages makes sure the schemas are not vacuous.
func TestSchemasRejectBrokenMessages(t *testing.T) {
	c := compileSchemas(t)
	cases := map[string]struct{ schema, doc string }{
		"item without id":        {events.SchemaFeedItem, `{"revision":1,"feed_url":"https://a.example/f","url":"https://a.example/x","title":"t","published_at":"2026-01-01T00:00:00Z","fetched_at":"2026-01-01T00:00:00Z"}`},
		"item revision zero":     {events.SchemaFeedItem, `{"id":"x","revision":0,"feed_url":"https://a.example/f","url":"https://a.example/x","title":"t","published_at":"2026-01-01T00:00:00Z","fetched_at":"2026-01-01T00:00:00Z"}`},
		"article unknown method": {events.SchemaArticle, `{"id":"x","revision":1,"feed_url":"f","url":"u","item_url":"u","outlet":"o","title":"t","text":"","word_count":0,"published_at":"2026-01-01T00:00:00Z","extraction":{"method":"magic","fetch_ms":0,"extract_ms":0}}`},
		"alert bad severity":     {events.SchemaAlert, `{"id":"a","story_id":"s","revision":1,"kind":"new","topic":"ai_investment","severity":"urgent","confidence":0.5,"headline":"h","summary":"s","url":"u","sources":[{"outlet":"o","url":"u","first_seen_at":"2026-01-01T00:00:00Z"}],"facts":{},"first_seen_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}`},
		"alert bad deal type":    {events.SchemaAlert, `{"id":"a","story_id":"s","revision":1,"kind":"new","topic":"ai_investment","severity":"low","confidence":0.5,"headline":"h","summary":"s","url":"u","sources":[{"outlet":"o","url":"u","first_seen_at":"2026-01-01T00:00:00Z"}],"facts":{"deal":{"type":"merger","status":"announced"}},"first_seen_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}`},
		"classification score 2": {events.SchemaClassification, `{"id":"x","revision":1,"url":"u","outlet":"o","title":"t","topics":[{"topic":"chip_policy","score":2,"matched":true}],"published_at":"2026-01-01T00:00:00Z","classified_at":"2026-01-01T00:00:00Z","rules_version":"r"}`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			sch, err := c.Compile(tc.schema)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(strings.NewReader(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err == nil {
				t.Fatal("broken message validated")
			}
		})
	}
}
