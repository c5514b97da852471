package extract

import (
	"fmt"
	"net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// runTrafilatura extracts the main text with go-trafilatura in its fast
// mode: no external fallback extractors, comments excluded, no
// whole-document date search (metadata dates are read separately).
// go-trafilatura copies doc before changing it.
func runTrafilatura(doc *html.Node, pageURL *url.URL) (string, error) {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     pageURL,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
		Focus:           trafilatura.Balanced,
	})
	if err != nil {
		return "", fmt.Errorf("trafilatura: %w", err)
	}
	if res == nil || res.ContentNode == nil {
		return "", nil
	}
	return RenderText(res.ContentNode), nil
}

// runReadability extracts the main text with go-readability and renders it
// with the library's block-aware InnerText. doc is changed in place, so
// callers pass a copy they do not need afterwards.
func runReadability(doc *html.Node, pageURL *url.URL) (string, error) {
	p := readability.NewParser()
	p.DisableJSONLD = true
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return "", fmt.Errorf("readability: %w", err)
	}
	if art.Node == nil {
		return "", nil
	}
	return NormalizeText(render.InnerText(art.Node)), nil
}
