package extractcli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/article-parser/extract"
)

const samplePage = "../testdata/pages/wire-funding-round.html"

func TestExtractFileText(t *testing.T) {
	var out bytes.Buffer
	if err := RunExtractCLI(context.Background(), []string{samplePage}, nil, &out, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "SAN FRANCISCO, March 4") || strings.Contains(out.String(), "Read Next") {
		t.Errorf("text: %.200q", out.String())
	}
}

func TestExtractStdinJSON(t *testing.T) {
	page, err := os.ReadFile(samplePage)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	args := []string{"-", "--json", "--url", "https://www.meridianwire.test/technology/x?utm_source=feed"}
	if err := RunExtractCLI(context.Background(), args, bytes.NewReader(page), &out, nil); err != nil {
		t.Fatal(err)
	}
	var a events.Article
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatalf("output is not an article record: %v", err)
	}
	if a.URL != "https://www.meridianwire.test/technology/lumora-ai-raises-600-million-2026-03-04/" || a.Outlet != "Meridian Wire" || a.WordCount < 200 || len(a.Authors) != 2 {
		t.Errorf("record: url %q outlet %q words %d authors %v", a.URL, a.Outlet, a.WordCount, a.Authors)
	}
}

func TestExtractURL(t *testing.T) {
	page, err := os.ReadFile(samplePage)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/pdf" {
			w.Header().Set("Content-Type", "application/pdf")
			_, _ = w.Write([]byte("%PDF-1.7"))
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	}))
	defer srv.Close()
	fetch := func(ctx context.Context, u string) (extract.Fetch, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return extract.Fetch{}, err
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			return extract.Fetch{}, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		return extract.Fetch{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: body,
			FinalURL: resp.Request.URL.String(), FetchedAt: time.Unix(0, 0)}, err
	}
	var out bytes.Buffer
	if err := RunExtractCLI(context.Background(), []string{srv.URL + "/story"}, nil, &out, fetch); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Series C round led by Harbor Peak") {
		t.Errorf("text: %.200q", out.String())
	}
	err = RunExtractCLI(context.Background(), []string{srv.URL + "/pdf"}, nil, &out, fetch)
	if err == nil || !strings.Contains(err.Error(), "not_html") {
		t.Errorf("PDF: want a not_html error, got %v", err)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := map[string]struct {
		args []string
		want string
	}{
		"url without fetcher": {[]string{"https://news.test/a"}, "fetching URLs is not available"},
		"no argument":         {nil, "usage:"},
		"two arguments":       {[]string{"a.html", "b.html"}, "usage:"},
		"missing file":        {[]string{"does-not-exist.html"}, "no such file"},
		"unknown flag":        {[]string{"--bogus", "a.html"}, "usage:"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			err := RunExtractCLI(context.Background(), tc.args, strings.NewReader(""), io.Discard, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want it to contain %q", err, tc.want)
			}
			if name == "url without fetcher" && !errors.Is(err, ErrNoFetcher) {
				t.Errorf("want ErrNoFetcher, got %v", err)
			}
		})
	}
}
