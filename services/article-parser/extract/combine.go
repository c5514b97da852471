package extract

import (
	"net/url"

	"github.com/newsmon/newsmon/pkg/events"
	"golang.org/x/net/html"
)

// run extracts text from root with the named method and returns the text
// and the method that produced it. root is not changed.
func run(root *html.Node, u *url.URL, method string) (string, string, error) {
	switch method {
	case events.MethodTrafilatura:
		t, err := runTrafilatura(root, u)
		return t, events.MethodTrafilatura, err
	case events.MethodReadability:
		t, err := runReadability(cloneTree(root), u)
		return t, events.MethodReadability, err
	}
	return combined(root, u)
}

// combinedAcceptWords is the length at which the readability text is kept
// without consulting trafilatura.
const combinedAcceptWords = 80

// combined runs go-readability first: on the harness it is both the faster
// and the more accurate of the two. Its text is kept when it is long enough
// to be an article; otherwise (an error, a near-empty result, a page whose
// structure it misreads) go-trafilatura runs too and the longer text wins.
func combined(root *html.Node, u *url.URL) (string, string, error) {
	rt, rerr := runReadability(cloneTree(root), u)
	rw := CountWords(rt)
	if rerr == nil && rw >= combinedAcceptWords {
		return rt, events.MethodReadability, nil
	}
	tt, terr := runTrafilatura(root, u)
	if CountWords(tt) > rw {
		return tt, events.MethodTrafilatura, terr
	}
	return rt, events.MethodReadability, rerr
}

// cloneTree deep-copies an HTML tree.
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	if len(n.Attr) > 0 {
		c.Attr = append([]html.Attribute(nil), n.Attr...)
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(cloneTree(ch))
	}
	return c
}
