package app

import "net/url"

// redactURL hides a URL's user info (NATS URLs may carry a user and
// password or a token).
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	u.User = url.User("REDACTED")
	return u.String()
}
