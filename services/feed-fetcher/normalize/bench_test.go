package normalize

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkParse measures parse + normalise throughput on a 50-entry RSS
// document with HTML content; it reports entries per second.
func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title><link>https://bench.example/</link><description>d</description>`)
	for i := range 50 {
		fmt.Fprintf(&sb, `<item><title>Chip firm &amp; partners raise $%d million</title><link>/news/%d?utm_source=rss</link><guid>g%d</guid>`+
			`<pubDate>Tue, 10 Jun 2025 08:%02d:00 GMT</pubDate><category>AI</category><description>&lt;p&gt;Summary %d&lt;/p&gt;</description>`+
			`<content:encoded><![CDATA[<p>Paragraph one of entry %d with <b>bold</b> text.</p><p>Paragraph two, longer, about export controls and funding rounds.</p>]]></content:encoded></item>`,
			i, i, i, i%60, i, i)
	}
	sb.WriteString(`</channel></rss>`)
	doc := []byte(sb.String())
	now := time.Date(2025, 6, 12, 0, 0, 0, 0, time.UTC)
	src := Source{Key: "https://bench.example/feed", URL: "https://bench.example/feed"}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		d, err := Parse(doc, "application/rss+xml", src, now, 1000)
		if err != nil || len(d.Items) != 50 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(50*b.N)/b.Elapsed().Seconds(), "items/s")
}
