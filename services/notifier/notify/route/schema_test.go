package route_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/newsmon/newsmon/services/notifier/notify/route"
)

const schemaPath = "../../../../schemas/routes.v1.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("https://newsmon.dev/schemas/routes.v1.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("https://newsmon.dev/schemas/routes.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asJSON turns a YAML document into the value a JSON decoder would give.
func asJSON(t *testing.T, y []byte) (any, bool) {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(y, &v); err != nil {
		return nil, false
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out, true
}

// TestSchemaAgreesWithLoader validates the example files against
// schemas/routes.v1.json and checks that the schema refuses the bad files
// the loader refuses (where a schema can tell).
func TestSchemaAgreesWithLoader(t *testing.T) {
	s := compileSchema(t)
	for _, path := range []string{"testdata/full.yaml", "../../../../deploy/routes.yaml", "../default_routes.yaml"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := route.Parse(b); err != nil {
			t.Errorf("%s: loader: %v", path, err)
		}
		v, ok := asJSON(t, b)
		if !ok {
			t.Fatalf("%s: not YAML", path)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%s: schema: %v", path, err)
		}
	}
	for name, tc := range badFiles {
		if !tc.schemaToo {
			continue
		}
		t.Run(name, func(t *testing.T) {
			v, ok := asJSON(t, []byte(tc.yaml))
			if !ok {
				return
			}
			if err := s.Validate(v); err == nil {
				t.Fatalf("schema accepted a file the loader refuses")
			}
		})
	}
}
