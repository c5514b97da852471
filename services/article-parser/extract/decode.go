package extract

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of a page is searched for a <meta charset>.
const sniffLen = 4096

// toUTF8 converts a page to UTF-8 and names the encoding it used. The
// declared charset (Content-Type header, BOM, <meta>) is trusted only when
// the bytes agree with it: pages often declare one encoding and are served
// in another.
func toUTF8(body []byte, contentType string) ([]byte, string, error) {
	if e, name := bomEncoding(body); e != nil {
		return decodeWith(e, name, body)
	}
	if utf8.Valid(body) {
		// Valid UTF-8 with multi-byte sequences is almost never a
		// single-byte encoding in disguise, whatever the page declares.
		// Pure ASCII reads the same in every declared ASCII-compatible
		// encoding we expect, except UTF-16 which has a BOM.
		return body, "utf-8", nil
	}
	head := body
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	declared, name, certain := charset.DetermineEncoding(head, contentType)
	if !certain || name == "utf-8" || isLatin(name) {
		// Undeclared, or declared UTF-8 while the bytes are not, or a Latin
		// declaration: guess between Cyrillic and Western single-byte text.
		if looksCyrillic(body) {
			return decodeWith(charmap.Windows1251, "windows-1251", body)
		}
		if !certain || name == "utf-8" {
			return decodeWith(charmap.Windows1252, "windows-1252", body)
		}
	}
	return decodeWith(declared, name, body)
}

func isLatin(name string) bool {
	return name == "windows-1252" || name == "iso-8859-1" || name == "iso-8859-15"
}

func bomEncoding(b []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, "utf-8"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	return nil, ""
}

func decodeWith(e encoding.Encoding, name string, body []byte) ([]byte, string, error) {
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		return nil, name, fmt.Errorf("extract: decode %s: %w", name, err)
	}
	return out, name, nil
}

// looksCyrillic reports whether the high bytes of a single-byte page look
// like windows-1251 Russian/Ukrainian text rather than Western European
// text. In windows-1251 letters are bytes 0xC0-0xFF and words are runs of
// them; in windows-1252 accented letters sit alone between ASCII letters.
func looksCyrillic(b []byte) bool {
	high, runs := 0, 0
	prevHigh := false
	for _, c := range b {
		isHigh := c >= 0xC0
		if isHigh {
			high++
			if prevHigh {
				runs++
			}
		}
		prevHigh = isHigh
	}
	return high >= 20 && runs*2 > high
}

// DecodeForLabel converts a page to a UTF-8 string the way Extract does;
// the quality harness uses it to read its hand-labelled pages.
func DecodeForLabel(page []byte, contentType string) (string, error) {
	b, _, err := toUTF8(page, contentType)
	return string(b), err
}
