package classify

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Every record the classifier produces for the invented corpus must
// validate against schemas/classification.v1.json: the contract is what
// subscribers of news.classified code against. This covers cues read
// across two sentences ("title+lede") and the learned scorer ("model").
func TestRecordsValidateAgainstSchema(t *testing.T) {
	comp := jsonschema.NewCompiler()
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "schemas", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schemas: %v", err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := comp.AddResource(events.SchemaBase+filepath.Base(f), doc); err != nil {
			t.Fatal(err)
		}
	}
	sch, err := comp.Compile(events.SchemaClassification)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "corpus.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	c := testClassifier(t)
	wheres := map[string]int{}
	for i, line := range bytes.Split(raw, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var it struct{ ID, Title, Summary, Text string }
		if err := json.Unmarshal(line, &it); err != nil {
			t.Fatalf("corpus line %d: %v", i+1, err)
		}
		doc := Document{Title: it.Title, Summary: it.Summary, Text: it.Text, URL: "https://news.example/" + it.ID, Outlet: "Example"}
		rec := events.Classification{ID: it.ID, Revision: 1}
		c.Classify(doc).Fill(&rec, doc, time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Fatalf("%s: record does not validate: %v\n%s", it.ID, err, b)
		}
		for _, tr := range rec.Topics {
			for _, h := range tr.RulesFired {
				wheres[h.Where]++
			}
		}
	}
	for _, w := range []string{"title", "lede", "title+lede", "model"} {
		if wheres[w] == 0 {
			t.Errorf("no record had a rule fire at %q; the test no longer covers it (%v)", w, wheres)
		}
	}
}
