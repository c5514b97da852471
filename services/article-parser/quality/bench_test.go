package quality

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/article-parser/extract"
)

// BenchmarkExtract extracts one harness page per iteration, cycling
// through all pages, on the small hand-written pages and on their heavy
// versions (Heavy: ~350 KB with scripts, state blobs and story rails),
// with the combined method and with each library alone, in the same run.
// ns/op, B/op and allocs/op are therefore per page; pages/s is reported
// too:
//
//	go test -run '^$' -bench Extract -benchmem -cpu 1 ./quality
func BenchmarkExtract(b *testing.B) {
	small, err := LoadCases(pagesDir)
	if err != nil {
		b.Fatal(err)
	}
	sets := []struct {
		name  string
		cases []Case
	}{{"small", small}, {"heavy", HeavyCases(small)}}
	for _, set := range sets {
		for _, m := range []string{events.MethodCombined, events.MethodTrafilatura, events.MethodReadability} {
			b.Run(set.name+"/"+m, func(b *testing.B) {
				b.ReportAllocs()
				pages, bytes := 0, 0
				for b.Loop() {
					c := set.cases[pages%len(set.cases)]
					_, _ = extract.Extract(c.HTML, c.Expect.URL, extract.Options{Method: m, ContentType: c.Expect.ContentType})
					pages++
					bytes += len(c.HTML)
				}
				b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
				b.ReportMetric(float64(bytes)/float64(max(pages, 1))/1024, "KB/page")
			})
		}
	}
}
