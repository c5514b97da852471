package quality

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/article-parser/extract"
)

// BenchmarkExtract extracts one harness page per iteration, cycling
// through all pages, with the combined method and with each library alone,
// in the same run; ns/op, B/op and allocs/op are therefore per page, and
// pages/s is reported too:
//
//	go test -run '^$' -bench Extract -benchmem -cpu 1 ./quality
func BenchmarkExtract(b *testing.B) {
	cases, err := LoadCases(pagesDir)
	if err != nil {
		b.Fatal(err)
	}
	for _, m := range []string{events.MethodCombined, events.MethodTrafilatura, events.MethodReadability} {
		b.Run(m, func(b *testing.B) {
			b.ReportAllocs()
			pages := 0
			for b.Loop() {
				c := cases[pages%len(cases)]
				_, _ = extract.Extract(c.HTML, c.Expect.URL, extract.Options{Method: m, ContentType: c.Expect.ContentType})
				pages++
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
