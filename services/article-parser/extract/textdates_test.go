package extract

import (
	"testing"
	"time"
)

func TestTextDate(t *testing.T) {
	cases := []struct {
		in, lang string
		want     string // RFC3339
		dateOnly bool
	}{
		{"Published 3/11/2025", "en-US", "2025-03-11T00:00:00Z", true},
		{"Published 3/11/2025", "en-GB", "2025-11-03T00:00:00Z", true},
		{"March 11, 2025 at 4:05 p.m. ET", "en", "2025-03-11T16:05:00-04:00", false},
		{"Jan. 7, 2025, 9:30 a.m. PT", "en", "2025-01-07T09:30:00-08:00", false},
		{"11 March 2025 14:20 GMT", "en", "2025-03-11T14:20:00Z", false},
		{"11.03.2025, 16:05 Uhr", "de", "2025-03-11T16:05:00+01:00", false},
		{"Veröffentlicht am 11. März 2025, 16:05 Uhr MESZ", "de", "2025-03-11T16:05:00+01:00", false},
		{"Publié le 11 mars 2025 à 16h05", "fr", "2025-03-11T16:05:00+01:00", false},
		{"Publicado el 11 de marzo de 2025", "es", "2025-03-11T00:00:00Z", true},
		{"2025年3月11日 16時05分", "ja", "2025-03-11T16:05:00+09:00", false},
		{"2025年3月11日 08:36", "zh-CN", "2025-03-11T08:36:00+08:00", false},
		{"2025-03-11 16:05 UTC+8", "", "2025-03-11T16:05:00+08:00", false},
		{"2025-03-11T09:00", "en", "2025-03-11T09:00:00Z", false},
	}
	for _, c := range cases {
		got, only, ok := textDate(c.in, c.lang)
		want, _ := time.Parse(time.RFC3339, c.want)
		if !ok || !got.Equal(want) || only != c.dateOnly {
			t.Errorf("textDate(%q, %q) = %v, %v, %v; want %v, %v", c.in, c.lang, got, only, ok, want, c.dateOnly)
		}
	}
	for _, no := range []string{"Weather: 48° Cloudy", "Call 555-0134 by 5 p.m.", "In 2025 the plant opened"} {
		if got, _, ok := textDate(no, "en"); ok {
			t.Errorf("textDate(%q) = %v, want no date", no, got)
		}
	}
}
