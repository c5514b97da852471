package quality

import (
	"strings"
	"time"

	"github.com/newsmon/newsmon/services/article-parser/extract"
)

// PageResult is one method's outcome on one page.
type PageResult struct {
	Case   string
	Method string
	// Used is the method that produced the text (the combined method
	// reports which extractor it kept).
	Used    string
	Score   PRF
	MetaOK  int
	MetaAll int
	// MetaMisses names the metadata fields that did not match.
	MetaMisses []string
	Err        error
	Text       string
}

// MethodSummary aggregates one method over all pages; each page weighs the same.
type MethodSummary struct {
	Method       string
	Pages        int
	Mean         PRF
	MetaAccuracy float64
	PagesPerSec  float64
}

// Run extracts every case with method and scores it. The extraction is
// repeated rounds times (at least once) to time it.
func Run(cases []Case, method string, rounds int) ([]PageResult, MethodSummary) {
	rounds = max(rounds, 1)
	results := make([]PageResult, len(cases))
	start := time.Now()
	for r := 0; r < rounds; r++ {
		for i, c := range cases {
			res, err := extract.Extract(c.HTML, c.Expect.URL, extract.Options{Method: method, ContentType: c.Expect.ContentType})
			if r == 0 {
				results[i] = PageResult{Case: c.Name, Method: method, Used: res.Method, Err: err, Text: res.Text}
				results[i].Score = Score(res.Text, c.Expect.Text)
				results[i].MetaOK, results[i].MetaAll, results[i].MetaMisses = compareMeta(res.Meta, c.Expect)
			}
		}
	}
	elapsed := time.Since(start)
	sum := MethodSummary{Method: method, Pages: len(cases)}
	metaOK, metaAll := 0, 0
	for _, pr := range results {
		sum.Mean.Precision += pr.Score.Precision
		sum.Mean.Recall += pr.Score.Recall
		sum.Mean.F1 += pr.Score.F1
		metaOK += pr.MetaOK
		metaAll += pr.MetaAll
	}
	if n := float64(len(results)); n > 0 {
		sum.Mean.Precision /= n
		sum.Mean.Recall /= n
		sum.Mean.F1 /= n
	}
	if metaAll > 0 {
		sum.MetaAccuracy = float64(metaOK) / float64(metaAll)
	}
	if elapsed > 0 {
		sum.PagesPerSec = float64(len(cases)*rounds) / elapsed.Seconds()
	}
	return results, sum
}

// compareMeta counts the expected metadata fields that the extraction got
// right, and names the ones it missed. Only fields present in the expected
// file count.
func compareMeta(m extract.Metadata, e Expected) (ok, all int, misses []string) {
	check := func(name string, present, good bool) {
		if !present {
			return
		}
		all++
		if good {
			ok++
		} else {
			misses = append(misses, name)
		}
	}
	check("title", e.Title != "", norm(m.Title) == norm(e.Title))
	check("authors", len(e.Authors) > 0, sameSet(m.Authors, e.Authors))
	check("published", e.Published != "", sameTime(m.PublishedAt, e.Published) ||
		(m.PublishedDateOnly && sameDay(m.PublishedAt, e.Published)))
	check("modified", e.Modified != "", sameTime(m.ModifiedAt, e.Modified))
	check("site_name", e.SiteName != "", norm(m.SiteName) == norm(e.SiteName))
	check("language", e.Language != "", m.Language == e.Language)
	check("image", e.Image != "", m.ImageURL == e.Image)
	check("section", e.Section != "", norm(m.Section) == norm(e.Section))
	check("keywords", len(e.Keywords) > 0, sameSet(m.Keywords, e.Keywords))
	check("canonical", e.Canonical != "", m.CanonicalURL == e.Canonical)
	return ok, all, misses
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[norm(x)]++
	}
	for _, x := range b {
		if seen[norm(x)] == 0 {
			return false
		}
		seen[norm(x)]--
	}
	return true
}

// sameDay reports whether a date-only result names the expected day, as
// the expected time's own zone has it.
func sameDay(got time.Time, want string) bool {
	w, err := time.Parse(time.RFC3339, want)
	return err == nil && got.UTC().Format(time.DateOnly) == w.Format(time.DateOnly)
}

func sameTime(got time.Time, want string) bool {
	w, err := time.Parse(time.RFC3339, want)
	return err == nil && got.Equal(w)
}
