package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The command-line fetches go through the same guarded client as the
// services: a loopback (or metadata) address is refused, not fetched.
func TestCommandLineFetchesAreGuarded(t *testing.T) {
	hit := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hit = true }))
	defer srv.Close()
	for _, cmd := range []string{"classify", "extract"} {
		for _, url := range []string{srv.URL + "/story", "http://169.254.169.254/latest/meta-data/"} {
			var out, errOut bytes.Buffer
			err := run(context.Background(), []string{cmd, url}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
			if err == nil {
				t.Errorf("%s %s: fetched a private address (output %q)", cmd, url, out.String())
			}
		}
	}
	if hit {
		t.Fatal("the loopback server was reached")
	}
}

func TestClassifyReadsStandardInput(t *testing.T) {
	var out bytes.Buffer
	in := "Acme Robotics AI raises $20 million Series A led by Example Ventures\nThe startup builds warehouse robots.\n"
	err := run(context.Background(), []string{"classify", "-", "--json"}, func(string) string { return "" }, strings.NewReader(in), &out, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"target":"Acme Robotics AI"`) || !strings.Contains(out.String(), `"matched":true`) {
		t.Fatalf("classification:\n%s", out.String())
	}
}
