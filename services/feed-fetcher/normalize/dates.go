package normalize

import (
	"strings"
	"time"
)

// extraLayouts are date forms seen in the wild that gofeed does not parse.
var extraLayouts = []string{
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"02.01.2006 15:04:05",
	"02.01.2006 15:04",
	"02.01.2006",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon, 02 Jan 2006 15:04 -0700",
	"2006年01月02日 15:04",
	"2006年1月2日",
	"2006-01-02",
}

// ParseDate parses the date forms gofeed does not know. Dates without a
// zone are read as UTC. It reports false when nothing fits.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range extraLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
