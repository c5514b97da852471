package extract

import (
	"strings"
	"time"
)

// dateLayouts are the date formats seen in article metadata, most common first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2006年1月2日 15:04",
	"2006年1月2日",
}

// parseDate parses a metadata date; times without a zone are taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1990 || t.Year() > 2200 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// firstDate returns the first of vals that parses as a date.
func firstDate(vals ...string) time.Time {
	for _, v := range vals {
		if t, ok := parseDate(v); ok {
			return t
		}
	}
	return time.Time{}
}
