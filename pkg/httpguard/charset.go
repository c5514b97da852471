package httpguard

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of a document is searched for a declared charset.
const sniffLen = 1024

var (
	xmlDeclEncoding = regexp.MustCompile(`(?i)^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)
	metaCharset     = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)`)
)

// DeclaredCharset returns the charset a document declares: its byte order
// mark, the Content-Type header, an XML declaration or an HTML <meta>, in
// that order of precedence. It returns "" when none is declared.
func DeclaredCharset(body []byte, contentType string) string {
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8"
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return "utf-16be"
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return "utf-16le"
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		return strings.ToLower(params["charset"])
	}
	head := body
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if m := xmlDeclEncoding.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// ToUTF8 converts a document to UTF-8 and returns it with the name of the
// charset it was read as. A declared charset is used when Go knows it
// (ISO-8859-1 is read as windows-1252, as browsers do). Without a usable
// declaration, valid UTF-8 stays UTF-8, and other bytes are guessed as
// windows-1251 when they look Cyrillic, else windows-1252. Bytes that are
// not valid in the chosen charset become U+FFFD rather than failing the
// whole document.
func ToUTF8(body []byte, contentType string) ([]byte, string) {
	name := DeclaredCharset(body, contentType)
	enc, canonical := lookupCharset(name)
	if enc == nil || canonical == "utf-8" {
		if canonical == "utf-8" || utf8.Valid(body) {
			return validUTF8(bytes.TrimPrefix(body, []byte{0xEF, 0xBB, 0xBF})), "utf-8"
		}
		if looksCyrillic1251(body) {
			enc, canonical = charmap.Windows1251, "windows-1251"
		} else {
			enc, canonical = charmap.Windows1252, "windows-1252"
		}
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return validUTF8(body), "utf-8"
	}
	return validUTF8(bytes.TrimPrefix(out, []byte{0xEF, 0xBB, 0xBF})), canonical
}

func lookupCharset(name string) (encoding.Encoding, string) {
	if name == "" {
		return nil, ""
	}
	switch name {
	case "utf8", "utf-8":
		return unicode.UTF8, "utf-8"
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil, ""
	}
	canonical, _ := htmlindex.Name(enc)
	return enc, canonical
}

func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

// looksCyrillic1251 guesses whether non-UTF-8 text is windows-1251: in
// Russian or Ukrainian text most high bytes are letters (0xC0-0xFF), and
// lower-case letters (0xE0-0xFF) dominate; in windows-1252 Western text
// high bytes are rare accented letters among ASCII words.
func looksCyrillic1251(b []byte) bool {
	var high, letters, lower, ascii int
	for _, c := range b {
		switch {
		case c >= 0xC0:
			high++
			letters++
			if c >= 0xE0 {
				lower++
			}
		case c >= 0x80:
			high++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			ascii++
		}
	}
	if high == 0 {
		return false
	}
	return letters*10 >= high*8 && lower*2 >= letters && high*2 >= ascii/4
}
