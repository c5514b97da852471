package extract

import (
	"regexp"
	"strings"
)

// Lines that open or close an extraction on many sites but are not
// article text. Leading lines: breadcrumbs, bylines and date lines printed
// above the body without markup that names them. Trailing lines: wire
// sign-offs, editor lines, end marks and copyright notices.
var (
	leadLine = regexp.MustCompile(`^(?:` +
		`(?i:home|start|startseite|首页|トップ)\s*[>›»/].*` +
		`|(?:By|BY|by)\s+\p{Lu}\S*(?:\s+(?:\p{Lu}\S*|and|und|&))*(?:\s+(?:in|for)\s+\p{Lu}\S*(?:\s+\p{Lu}\S*)*)?` +
		`|(?i:published|updated|posted|last updated|veröffentlicht|aktualisiert|publié|mis à jour)\b[^.]{0,40}\d[^.]{0,30}` +
		`)$`)
	tailLine = regexp.MustCompile(`(?i)^(?:` +
		`(?:copyright|©|\(c\))\s.*` +
		`|.*\ball rights reserved\b.*` +
		`|\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited)\s+by\b.*` +
		`|#{3}|-?\s*30\s*-|\(?end\)?|（完）|【完】` +
		`|(?:责任编辑|编辑|校对|审核)\s*[:：].{0,20}` +
		`)$`)
)

// edgeLines is how many paragraphs at each end are checked, and
// edgeMaxWords the longest paragraph that can be such a line.
const (
	edgeLines    = 4
	edgeMaxWords = 40
)

// trimEdges drops leading and trailing paragraphs that are page lines
// rather than article text. It stops at the first paragraph that is not
// one, so body text between is never touched.
func trimEdges(text string) string {
	if text == "" {
		return text
	}
	paras := strings.Split(text, "\n\n")
	lo, hi := 0, len(paras)
	for lo < hi-1 && lo < edgeLines && edgeLine(paras[lo], leadLine) {
		lo++
	}
	for hi > lo+1 && len(paras)-hi < edgeLines && edgeLine(paras[hi-1], tailLine) {
		hi--
	}
	return strings.Join(paras[lo:hi], "\n\n")
}

func edgeLine(p string, re *regexp.Regexp) bool {
	p = strings.TrimSpace(p)
	return CountWords(p) <= edgeMaxWords && re.MatchString(p)
}
