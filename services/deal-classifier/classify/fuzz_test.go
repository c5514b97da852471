package classify

import (
	"testing"
	"unicode/utf8"
)

// FuzzClassify feeds arbitrary headlines and text to the classifier: no
// input may panic, and every evidence span must lie inside the text. The
// seeds are shapes that once broke an assumption (an amount running past a
// sentence the splitter cut at "Mio.").
func FuzzClassify(f *testing.F) {
	seeds := [][2]string{
		{"Aleph Alpha sammelt mehr als 500 Mio. Dollar ein", "Angeführt wird die Finanzierung vom Innovation Park Artificial Intelligence (Ipai)."},
		{"Kestrine AI raises $600 million", "The financing values Kestrine at about $4.2 billion."},
		{"", "百川智能完成50亿元A轮融资，投后估值约200亿元。"},
		{"US adds 12 Chinese firms to entity list", "The Commerce Department said the rule takes effect on Friday. H20 chips are covered."},
		{"$", "1-2 billion to $ and between $1bn and"},
		{"Mio.", "Mrd. 3 Mio. 4"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	c := testClassifier(f)
	f.Fuzz(func(t *testing.T, title, text string) {
		if !utf8.ValidString(title) || !utf8.ValidString(text) {
			t.Skip()
		}
		res := c.Classify(Document{Title: title, Text: text})
		for _, tr := range res.Topics {
			for _, ev := range tr.Evidence {
				if ev.Start < 0 || ev.End < ev.Start {
					t.Fatalf("%s: evidence span [%d:%d] out of order", tr.Topic, ev.Start, ev.End)
				}
			}
		}
	})
}
