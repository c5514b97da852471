package normalize

import (
	"net/url"
	"strings"
)

// trackingParams are query parameters that only identify a campaign or a
// click, never the page; they are removed from canonical links.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true, "igshid": true, "mc_cid": true,
	"mc_eid": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true,
	"vero_id": true, "wt_mc": true, "cmpid": true, "ncid": true, "sr_share": true, "smid": true,
	"guccounter": true, "guce_referrer": true, "guce_referrer_sig": true, "__twitter_impression": true,
}

// isTracking reports whether a query key is a tracking parameter.
func isTracking(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}

// CanonicalLink resolves link against base, keeps only http(s) links,
// lower-cases scheme and host, drops the fragment and tracking parameters.
// It returns "" for an unusable link.
func CanonicalLink(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Host = strings.ToLower(u.Host)
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		parts := strings.Split(u.RawQuery, "&")
		kept := parts[:0]
		for _, p := range parts {
			key, _, _ := strings.Cut(p, "=")
			if k, err := url.QueryUnescape(key); err == nil && isTracking(k) || p == "" {
				continue
			}
			kept = append(kept, p)
		}
		u.RawQuery = strings.Join(kept, "&")
	}
	u.ForceQuery = false
	return u.String()
}
