package normalize

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/httpguard"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var firstSeen = time.Date(2025, 6, 12, 9, 0, 0, 0, time.UTC)

func parseFixture(t *testing.T, name string) *Document {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("..", "testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	src := Source{Key: "https://fixtures.example/" + name, URL: "https://fixtures.example/" + name, Name: name}
	doc, err := Parse(body, "", src, firstSeen, 1000)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// TestGolden parses every fixture feed and compares the normalised items
// with testdata/golden/<fixture>.json (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, name := range []string{"rss2.xml", "rss2-quirks.xml", "rss1.rdf", "rss091.xml", "atom10.xml", "atom03.xml",
		"jsonfeed10.json", "jsonfeed11.json", "win1251.xml", "win1251-undeclared.xml", "latin1-undeclared.xml", "invalid-utf8.xml"} {
		t.Run(name, func(t *testing.T) {
			doc := parseFixture(t, name)
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("..", "testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if strings.TrimSpace(string(want)) != string(got) {
				t.Fatalf("%s differs from golden:\n%s", name, got)
			}
		})
	}
}

func byTitle(doc *Document, prefix string) *events.FeedItem {
	for i := range doc.Items {
		if strings.HasPrefix(doc.Items[i].Title, prefix) {
			return &doc.Items[i]
		}
	}
	return nil
}

func TestNormalisation(t *testing.T) {
	doc := parseFixture(t, "rss2.xml")
	if doc.TTL != 30*time.Minute || doc.Hub != "https://hub.example/" || doc.Title != "Harbour Tech Daily & Markets" {
		t.Fatalf("feed hints: ttl=%v hub=%q title=%q", doc.TTL, doc.Hub, doc.Title)
	}
	lum := byTitle(doc, "Lumora")
	if lum == nil {
		t.Fatal("Lumora item missing")
	}
	if lum.URL != "https://harbourtech.example/2025/06/lumora-raises?id=77" {
		t.Errorf("canonical link = %q", lum.URL)
	}
	if lum.Content != "The Paris-based model maker Lumora AI said on Tuesday it had raised $600 million.\n\nThe round was led by two sovereign funds." {
		t.Errorf("content = %q", lum.Content)
	}
	if !strings.Contains(lum.Summary, "€550 million…") {
		t.Errorf("summary entities not decoded: %q", lum.Summary)
	}
	if len(lum.Categories) != 2 || lum.Authors[0] != "Mira Okafor" || lum.ImageURL != "https://harbourtech.example/images/lumora.jpg" {
		t.Errorf("categories %v authors %v image %q", lum.Categories, lum.Authors, lum.ImageURL)
	}
	chip := byTitle(doc, "Commerce tightens")
	if chip.Title != "Commerce tightens licence rules for advanced chip tools" || chip.URL != "https://harbourtech.example/2025/06/commerce-chip-tools" {
		t.Errorf("chip item: %q %q", chip.Title, chip.URL)
	}
	if chip.Summary != "Export controls on lithography parts widen to 14 more entities & subsidiaries." {
		t.Errorf("double-escaped entity: %q", chip.Summary)
	}
	round := byTitle(doc, "Weekly roundup")
	if !round.PublishedEstimated || !round.PublishedAt.Equal(firstSeen) {
		t.Errorf("undated item should be first-seen and flagged: %v %v", round.PublishedAt, round.PublishedEstimated)
	}
	for i := 1; i < len(doc.Items); i++ {
		if doc.Items[i].PublishedAt.After(doc.Items[i-1].PublishedAt) {
			t.Errorf("items not newest first")
		}
	}
}

func TestStableIDs(t *testing.T) {
	doc := parseFixture(t, "rss2-quirks.xml")
	if len(doc.Items) != 5 {
		for _, it := range doc.Items {
			t.Logf("%s %q %s", it.ID, it.Title, it.URL)
		}
		t.Fatalf("items = %d, want 5 (exact duplicate dropped, shared guid kept apart)", len(doc.Items))
	}
	a1, a2 := byTitle(doc, "Chipmaker shares jump"), byTitle(doc, "Chipmaker shares fall")
	if a1.ID == a2.ID {
		t.Fatal("items sharing a guid but not a link got one id")
	}
	if a1.PublishedAt != time.Date(2025, 3, 4, 9, 15, 0, 0, time.UTC) || a2.PublishedAt != time.Date(2025, 3, 4, 11, 40, 0, 0, time.UTC) || a1.PublishedEstimated {
		t.Errorf("odd dates: %v %v", a1.PublishedAt, a2.PublishedAt)
	}
	linkOnly := byTitle(doc, "No guid")
	if linkOnly.URL != "https://quirkywire.example/news/story-3.html?page=2" {
		t.Errorf("relative link: %q", linkOnly.URL)
	}
	if linkOnly.ID != events.StableID("https://fixtures.example/rss2-quirks.xml", "link:"+linkOnly.URL) {
		t.Errorf("link id")
	}
	again := parseFixture(t, "rss2-quirks.xml")
	for i := range doc.Items {
		if doc.Items[i].ID != again.Items[i].ID {
			t.Fatal("ids differ between two parses")
		}
	}
	if bad := byTitle(doc, "Bad control char"); bad == nil {
		t.Error("entry with a control character was lost")
	}
}

func TestCharsets(t *testing.T) {
	for _, name := range []string{"win1251.xml", "win1251-undeclared.xml"} {
		doc := parseFixture(t, name)
		if doc.Items[0].Title != "Производитель чипов получил субсидию на новый завод" {
			t.Errorf("%s: title %q", name, doc.Items[0].Title)
		}
	}
	doc := parseFixture(t, "latin1-undeclared.xml")
	if doc.Items[0].Title != "Une société française lève 200 millions d'euros pour ses puces d'IA" {
		t.Errorf("latin-1: %q", doc.Items[0].Title)
	}
	doc = parseFixture(t, "invalid-utf8.xml")
	if doc.Items[0].Title != "Valid start \uFFFD valid end" {
		t.Errorf("invalid utf-8: %q", doc.Items[0].Title)
	}
}

func TestBadDocuments(t *testing.T) {
	cases := map[string]error{
		"malformed.xml":      httpguard.ErrParse,
		"page.html":          httpguard.ErrNotFeed,
		"billion-laughs.xml": nil, // Go's XML decoder does not expand entities: harmless
	}
	for name, want := range cases {
		body, _ := os.ReadFile(filepath.Join("..", "testdata", "feeds", name))
		doc, err := Parse(body, "", Source{Key: "k", URL: "https://x.example/"}, firstSeen, 100)
		if want == nil {
			if err == nil && len(doc.Items) > 0 && len(doc.Items[0].Title) > 1000 {
				t.Errorf("%s: entities expanded (%d bytes)", name, len(doc.Items[0].Title))
			}
			continue
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: err = %v, want %v", name, err, want)
		}
	}
	if _, err := Parse([]byte("{\"not\":\"a feed\"}"), "application/json", Source{}, firstSeen, 10); !errors.Is(err, httpguard.ErrNotFeed) && !errors.Is(err, httpguard.ErrParse) {
		t.Errorf("json object: %v", err)
	}
}

func TestCanonicalLink(t *testing.T) {
	cases := map[string]string{
		"https://A.example/x?utm_source=a&b=1&UTM_Medium=2#frag": "https://a.example/x?b=1",
		"https://a.example/x?gclid=1&fbclid=2":                   "https://a.example/x",
		"javascript:alert(1)":                                    "",
		"//cdn.example/p":                                        "https://cdn.example/p",
	}
	base, _ := parseURL("https://base.example/dir/")
	for in, want := range cases {
		if got := CanonicalLink(base, in); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}
