package httpguard

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is what the client asks for; it decodes all three itself
// so that the body cap applies to the decoded bytes.
const acceptEncoding = "gzip, deflate, br"

// decodedReader wraps body in the decoders named by Content-Encoding
// (applied in reverse order of listing). Unknown codings are an error.
func decodedReader(body io.Reader, contentEncoding string) (io.Reader, error) {
	codings := strings.Split(contentEncoding, ",")
	r := body
	for i := len(codings) - 1; i >= 0; i-- {
		switch c := strings.ToLower(strings.TrimSpace(codings[i])); c {
		case "", "identity":
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(r)
			if err != nil {
				return nil, Classed(ErrParse, fmt.Errorf("gzip body: %w", err))
			}
			r = zr
		case "deflate":
			r = newDeflateReader(r)
		case "br":
			r = brotli.NewReader(r)
		default:
			return nil, Classed(ErrParse, fmt.Errorf("unsupported Content-Encoding %q", c))
		}
	}
	return r, nil
}

// newDeflateReader accepts both zlib-wrapped deflate (what the RFC says)
// and raw deflate (what some servers send).
func newDeflateReader(r io.Reader) io.Reader {
	var head [2]byte
	n, _ := io.ReadFull(r, head[:])
	rest := io.MultiReader(bytes.NewReader(head[:n]), r)
	if n == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		zr, err := zlib.NewReader(rest)
		if err == nil {
			return zr
		}
	}
	return flate.NewReader(rest)
}

// readCapped reads r fully unless it holds more than limit bytes, in which
// case it stops reading and returns ErrTooLarge.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if n > limit {
		return nil, fmt.Errorf("%w: more than %d bytes after decoding", ErrTooLarge, limit)
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
