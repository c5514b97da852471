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

// combined runs both extractors and keeps the better text.
func combined(root *html.Node, u *url.URL) (string, string, error) {
	tt, terr := runTrafilatura(root, u)
	rt, rerr := runReadability(cloneTree(root), u)
	tw, rw := CountWords(tt), CountWords(rt)
	if rw > tw {
		return rt, events.MethodReadability, rerr
	}
	return tt, events.MethodTrafilatura, terr
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
