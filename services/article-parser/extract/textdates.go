package extract

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zone rules for ET, PT and CET dates printed on pages, on hosts without a zoneinfo database.
)

// monthNames maps lower-case month names and abbreviations in English,
// German, French and Spanish to their month.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{}
	lists := [][]string{
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"jän", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"},
	}
	for _, l := range lists {
		for i, n := range l {
			m[n] = time.Month(i + 1)
		}
	}
	m["sept"] = time.September
	m["févr"] = time.February
	m["janv"] = time.January
	m["déc"] = time.December
	return m
}()

// Date patterns printed on pages; each yields year, month, day in some
// order (see matchDate).
var (
	isoDateRe     = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:T|\b)`)
	cjkDateRe     = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	numDateRe     = regexp.MustCompile(`\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b`)
	dayMonthRe    = regexp.MustCompile(`(?i)\b(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b`)
	monthDayRe    = regexp.MustCompile(`(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	clockRe       = regexp.MustCompile(`(?i)^[\s,|·•/–-]*(?:at|um|à|a las|a la|le)?\s*(\d{1,2})\s*(?:[:.h時]\s*(\d{2}))?\s*分?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?:\s*uhr)?\s*(?:\(?\s*(ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|CET|CEST|MEZ|MESZ|JST|KST|BST|GMT|UTC|Z)\b\s*([+-]\s*\d{1,2}(?::?\d{2})?)?\)?|([+-]\d{2}:?\d{2}))?`)
	publishedLbl  = regexp.MustCompile(`(?i)(published|posted|first published|veröffentlicht|erschienen|publié|publicado|publicada|発行|公開|配信|发布|发表|發佈|發表)`)
	updatedLbl    = regexp.MustCompile(`(?i)(updated|last modified|aktualisiert|mis à jour|modifié|actualizado|actualizada|更新)`)
	chinaZone     = time.FixedZone("CST", 8*3600)
	zoneCacheOnce sync.Once
	zoneCache     map[string]*time.Location
)

// zoneFor returns the location a printed zone abbreviation stands for.
func zoneFor(abbr string) *time.Location {
	zoneCacheOnce.Do(func() {
		zoneCache = map[string]*time.Location{
			"JST": time.FixedZone("JST", 9*3600), "KST": time.FixedZone("KST", 9*3600),
			"UTC": time.UTC, "GMT": time.UTC, "Z": time.UTC,
		}
		for abbr, name := range map[string]string{"ET": "America/New_York", "CT": "America/Chicago",
			"PT": "America/Los_Angeles", "CET": "Europe/Berlin", "BST": "Europe/London"} {
			if loc, err := time.LoadLocation(name); err == nil {
				zoneCache[abbr] = loc
			}
		}
	})
	switch abbr = strings.ToUpper(abbr); abbr {
	case "EST", "EDT":
		abbr = "ET"
	case "PST", "PDT":
		abbr = "PT"
	case "CDT":
		abbr = "CT"
	case "CEST", "MEZ", "MESZ":
		abbr = "CET"
	}
	return zoneCache[abbr]
}

// langZone is the zone assumed for a clock time printed without one, by
// the page's language; nil means UTC.
func langZone(lang string) *time.Location {
	switch normLang(lang) {
	case "ja":
		return zoneFor("JST")
	case "ko":
		return zoneFor("KST")
	case "zh":
		return chinaZone
	case "de", "fr", "es", "it", "nl", "pl", "cs", "da", "sv", "no", "nb":
		return zoneFor("CET")
	}
	return nil
}

// textDate parses the first date printed in s ("Published 3/11/2025",
// "March 11, 2025 at 4:05 p.m. ET", "11. März 2025, 16:05 Uhr",
// "2025年3月11日 16時05分", "2025-03-11 16:05 UTC"). lang decides
// whether 3/11 is March or November and which zone a bare clock time is
// in; it may carry a region ("en-GB"). A date without a time is midnight UTC; dateOnly reports that.
func textDate(s, lang string) (t time.Time, dateOnly, ok bool) {
	y, mo, d, rest, found := matchDate(s, lang)
	if !found || y < 1990 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false, false
	}
	m := clockRe.FindStringSubmatch(rest)
	hasClock := m != nil && (m[2] != "" || m[3] != "") && len(m[0]) > 0
	if !hasClock {
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true, true
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	ampm := strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(m[3]))
	switch {
	case ampm == "pm" && h < 12:
		h += 12
	case ampm == "am" && h == 12:
		h = 0
	}
	if h > 23 || mi > 59 {
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true, true
	}
	loc := langZone(lang)
	switch off := firstNonEmpty(m[5], m[6]); {
	case off != "":
		loc = offsetZone(off)
	case m[4] != "":
		loc = zoneFor(m[4])
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc), false, true
}

// matchDate finds the earliest date pattern in s and returns its parts
// and the text after it.
func matchDate(s, lang string) (y, mo, d int, rest string, ok bool) {
	best := -1
	try := func(re *regexp.Regexp, conv func(m []string) (int, int, int, bool)) {
		for _, idx := range re.FindAllStringSubmatchIndex(s, 3) {
			if best >= 0 && idx[0] >= best {
				return
			}
			m := make([]string, len(idx)/2)
			for i := range m {
				if idx[2*i] >= 0 {
					m[i] = s[idx[2*i]:idx[2*i+1]]
				}
			}
			if yy, mm, dd, good := conv(m); good {
				best, y, mo, d, rest, ok = idx[0], yy, mm, dd, s[idx[1]:], true
				return
			}
		}
	}
	atoi := func(a string) int { n, _ := strconv.Atoi(a); return n }
	try(isoDateRe, func(m []string) (int, int, int, bool) { return atoi(m[1]), atoi(m[2]), atoi(m[3]), true })
	try(cjkDateRe, func(m []string) (int, int, int, bool) { return atoi(m[1]), atoi(m[2]), atoi(m[3]), true })
	try(numDateRe, func(m []string) (int, int, int, bool) {
		a, b := atoi(m[1]), atoi(m[3])
		if m[2] == "/" && usOrder(lang) && a <= 12 {
			return atoi(m[4]), a, b, true // US order: month/day/year.
		}
		return atoi(m[4]), b, a, true
	})
	try(dayMonthRe, func(m []string) (int, int, int, bool) {
		mon, good := monthNames[strings.ToLower(m[2])]
		return atoi(m[3]), int(mon), atoi(m[1]), good
	})
	try(monthDayRe, func(m []string) (int, int, int, bool) {
		mon, good := monthNames[strings.ToLower(m[1])]
		return atoi(m[3]), int(mon), atoi(m[2]), good
	})
	return
}

// usOrder reports whether slashed dates read month first: for US English
// and for pages that declare no language (such pages are mostly old US
// templates); "en-GB" and other languages read day first.
func usOrder(lang string) bool {
	lang = strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	return lang == "" || lang == "en" || lang == "en-us"
}

// offsetZone parses "+09:00", "-0500" or "+8".
func offsetZone(s string) *time.Location {
	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ":", "")
	if len(s) < 2 {
		return nil
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	digits := s[1:]
	h, m := 0, 0
	switch {
	case len(digits) <= 2:
		h, _ = strconv.Atoi(digits)
	case len(digits) == 4:
		h, _ = strconv.Atoi(digits[:2])
		m, _ = strconv.Atoi(digits[2:])
	default:
		return nil
	}
	if h > 14 || m > 59 {
		return nil
	}
	return time.FixedZone("", sign*(h*3600+m*60))
}
