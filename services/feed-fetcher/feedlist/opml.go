package feedlist

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

type opmlDoc struct {
	Body struct {
		Outlines []opmlOutline `xml:"outline"`
	} `xml:"body"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr"`
	Type     string        `xml:"type,attr"`
	XMLURL   string        `xml:"xmlUrl,attr"`
	Language string        `xml:"language,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

// maxOPMLBytes bounds an imported OPML file.
const maxOPMLBytes = 10 << 20

// ReadOPML returns the feeds of an OPML subscription list (what feed
// readers export). Folder outlines become tags of the feeds inside them.
func ReadOPML(r io.Reader) ([]Feed, error) {
	var doc opmlDoc
	dec := xml.NewDecoder(io.LimitReader(r, maxOPMLBytes))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("feedlist: OPML: %w", err)
	}
	var out []Feed
	var walk func(os []opmlOutline, tags []string)
	walk = func(os []opmlOutline, tags []string) {
		for _, o := range os {
			name := strings.TrimSpace(o.Title)
			if name == "" {
				name = strings.TrimSpace(o.Text)
			}
			if o.XMLURL != "" {
				f := Feed{Name: name, URL: strings.TrimSpace(o.XMLURL), Language: o.Language}
				if len(tags) > 0 {
					f.Tags = append([]string(nil), tags...)
				}
				out = append(out, f)
			}
			if len(o.Outlines) > 0 {
				sub := tags
				if name != "" && o.XMLURL == "" {
					sub = append(append([]string(nil), tags...), strings.ToLower(name))
				}
				walk(o.Outlines, sub)
			}
		}
	}
	walk(doc.Body.Outlines, nil)
	return out, nil
}

// Import adds the feeds of an OPML document to l, skipping URLs already
// listed and entries without a valid URL. It returns how many were added
// and the problems found.
func (l *List) Import(r io.Reader) (int, []error, error) {
	feeds, err := ReadOPML(r)
	if err != nil {
		return 0, nil, err
	}
	added := 0
	var problems []error
	for _, f := range feeds {
		ok, err := l.Add(f)
		if err != nil {
			problems = append(problems, fmt.Errorf("outline %q: %w", f.Name, err))
			continue
		}
		if ok {
			added++
		}
	}
	return added, problems, nil
}
