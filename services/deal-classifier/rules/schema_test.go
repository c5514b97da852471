package rules

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// TestDefaultValidatesAgainstSchema checks the embedded rules file against
// schemas/rules.v1.json, and that the schema refuses a broken copy.
func TestDefaultValidatesAgainstSchema(t *testing.T) {
	path := filepath.Join("..", "..", "..", "schemas", "rules.v1.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource("https://newsmon.dev/schemas/rules.v1.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := comp.Compile("https://newsmon.dev/schemas/rules.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	inst := yamlToJSON(t, DefaultYAML())
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("default rules do not validate: %v", err)
	}
	broken := yamlToJSON(t, DefaultYAML())
	broken.(map[string]any)["topics"].([]any)[0].(map[string]any)["threshold"] = 2
	if err := sch.Validate(broken); err == nil {
		t.Fatal("schema accepted threshold 2")
	}
}

func yamlToJSON(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
