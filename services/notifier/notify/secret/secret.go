// Package secret holds webhook URLs and tokens so that they cannot leak by
// accident: a Secret prints, logs and marshals as "[redacted]", and Scrub
// removes a secret (and its recognisable parts) from any text that may have
// picked it up, such as a *url.Error from net/http.
package secret

import (
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
)

// Redacted is what a secret looks like wherever it is printed.
const Redacted = "[redacted]"

// Secret is a sensitive string: a webhook URL, a bot token or a signing key.
// Only Reveal returns its value.
type Secret struct{ v string }

// New wraps v.
func New(v string) Secret { return Secret{v: v} }

// Reveal returns the value, for the one place that must use it.
func (s Secret) Reveal() string { return s.v }

// IsZero reports whether the secret is empty.
func (s Secret) IsZero() bool { return s.v == "" }

// String returns Redacted.
func (s Secret) String() string { return Redacted }

// GoString returns Redacted, so %#v does not leak either.
func (s Secret) GoString() string { return Redacted }

// LogValue returns Redacted for log/slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue(Redacted) }

// MarshalJSON returns Redacted as a JSON string.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + Redacted + `"`), nil }

// Format implements fmt.Formatter so every verb prints Redacted.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(Redacted)) }

// Scrub replaces every occurrence of the secret in text with Redacted. For a
// URL it also replaces its path, its long path segments, query, user info
// and escaped forms,
// since errors and response bodies may echo only a part of it.
func (s Secret) Scrub(text string) string {
	if s.v == "" {
		return text
	}
	needles := []string{s.v, url.QueryEscape(s.v), url.PathEscape(s.v)}
	if u, err := url.Parse(s.v); err == nil && u.Host != "" {
		for _, part := range []string{u.EscapedPath(), u.Path, u.RawQuery, u.Fragment} {
			if len(part) >= 8 && part != "/" {
				needles = append(needles, part)
			}
		}
		if u.User != nil {
			needles = append(needles, u.User.String())
		}
		// Token-like path segments (Slack's webhook key) on their own.
		for _, seg := range strings.Split(u.Path, "/") {
			if len(seg) >= 10 {
				needles = append(needles, seg)
			}
		}
	}
	for _, n := range needles {
		if n != "" {
			text = strings.ReplaceAll(text, n, Redacted)
		}
	}
	return text
}

// FromEnvOrFile loads a secret from the environment variable env or, when
// env is empty, from file (surrounding white space trimmed). It returns a
// zero Secret and no error when neither is set; errors never contain the
// value.
func FromEnvOrFile(getenv func(string) string, env, file string) (Secret, error) {
	if env != "" {
		if v := strings.TrimSpace(getenv(env)); v != "" {
			return New(v), nil
		}
	}
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return Secret{}, fmt.Errorf("read secret file %s: %w", file, err)
		}
		if v := strings.TrimSpace(string(b)); v != "" {
			return New(v), nil
		}
		return Secret{}, fmt.Errorf("secret file %s is empty", file)
	}
	return Secret{}, nil
}
