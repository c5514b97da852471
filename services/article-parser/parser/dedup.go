package parser

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/events"
)

// urlIndex maps canonical article URLs to the first item id published with
// them (bucket article_urls, with a TTL), so the same article reached
// through several links is recognised.
type urlIndex struct {
	kv jetstream.KeyValue
}

// claim records itemID under every URL in urls (normalised) and returns
// the id of an earlier item already recorded under one of them, or "".
// Keys not yet recorded are claimed for that earlier item, so a third link
// to the same article points at the first item too. Redeliveries and new
// revisions of the same item are not duplicates.
func (x urlIndex) claim(ctx context.Context, itemID string, urls ...string) (string, error) {
	keys := urlKeys(urls)
	original := ""
	var missing []string
	for _, k := range keys {
		e, err := x.kv.Get(ctx, k)
		switch {
		case errors.Is(err, jetstream.ErrKeyNotFound):
			missing = append(missing, k)
		case err != nil:
			return "", fmt.Errorf("parser: read %s: %w", k, err)
		case original == "" && string(e.Value()) != itemID:
			original = string(e.Value())
		}
	}
	owner := itemID
	if original != "" {
		owner = original
	}
	for _, k := range missing {
		_, err := x.kv.Create(ctx, k, []byte(owner))
		if errors.Is(err, jetstream.ErrKeyExists) {
			// Another worker claimed it between our read and write.
			e, gerr := x.kv.Get(ctx, k)
			if gerr == nil && original == "" && string(e.Value()) != itemID {
				original = string(e.Value())
			}
			continue
		}
		if err != nil {
			return "", fmt.Errorf("parser: record %s: %w", k, err)
		}
	}
	return original, nil
}

// urlKeys turns URLs into distinct bucket keys.
func urlKeys(urls []string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, u := range urls {
		n := NormalizeURL(u)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		keys = append(keys, "u."+events.StableID(n))
	}
	return keys
}

// trackingParams are query parameters that name the referrer or campaign,
// not the article.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"ref": true, "ref_src": true, "referrer": true, "cmpid": true, "ocid": true, "smid": true,
	"taid": true, "ito": true, "share": true, "amp": true,
	"outputtype": true, "guccounter": true, "guce_referrer": true, "guce_referrer_sig": true,
	"__twitter_impression": true, "soc_src": true, "soc_trk": true,
}

// NormalizeURL reduces an article URL to the form compared for
// de-duplication: lower-case scheme-less host without "www." or "amp.",
// no fragment, no tracking parameters (utm_*, fbclid, ...), no AMP path
// suffix (/amp, .amp, /amp.html), no trailing slash, query sorted. It
// returns "" for non-HTTP URLs.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	host = strings.TrimPrefix(host, "amp.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := u.EscapedPath()
	for _, suffix := range []string{"/amp/", "/amp", ".amp.html", ".amp", "/amp.html"} {
		if strings.HasSuffix(strings.ToLower(path), suffix) {
			path = path[:len(path)-len(suffix)]
			break
		}
	}
	if strings.HasPrefix(strings.ToLower(path), "/amp/") {
		path = path[len("/amp"):]
	}
	path = strings.TrimRight(path, "/")
	q := u.Query()
	var parts []string
	for k, vs := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			continue
		}
		for _, v := range vs {
			parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	sort.Strings(parts)
	out := host + path
	if len(parts) > 0 {
		out += "?" + strings.Join(parts, "&")
	}
	return out
}
