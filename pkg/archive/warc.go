package archive

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/nlnwa/gowarc/v3"
)

// maxWARCBody caps one payload read from a WARC file (after decoding).
const maxWARCBody = 32 << 20

// OpenWARC reads WARC files (WARC/1.0 or 1.1, uncompressed or gzip per
// record) into an archive held in memory. Response and resource records
// become exchanges; revisit records that point to a payload seen earlier
// (identical-payload-digest) reuse that payload; request, warcinfo and
// metadata records are skipped. Payloads are de-chunked and decoded
// (gzip, deflate, br) as recorded on the wire. Feeds are recognised by
// their Content-Type or, failing that, by their first bytes.
func OpenWARC(paths ...string) (*Reader, error) {
	b := warcBuilder{mem: map[string][]byte{}, byDigest: map[string]Exchange{}}
	for _, p := range paths {
		if err := b.readFile(p); err != nil {
			return nil, err
		}
	}
	m := Manifest{Format: Format, Version: Version, Description: "read from WARC: " + strings.Join(paths, ", "),
		Exchanges: b.xs, Feeds: b.feeds}
	sortExchanges(m.Exchanges)
	if n := len(m.Exchanges); n > 0 {
		m.Start, m.End = m.Exchanges[0].FetchedAt, m.Exchanges[n-1].FetchedAt
	}
	return newReader(m, "", b.mem), nil
}

type warcBuilder struct {
	xs       []Exchange
	feeds    []Feed
	mem      map[string][]byte
	byDigest map[string]Exchange
}

func (b *warcBuilder) readFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	defer f.Close()
	wr, err := gowarc.NewWarcFileReaderFromStream(f, 0, gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore), gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore))
	if err != nil {
		return fmt.Errorf("archive: %s: %w", path, err)
	}
	defer wr.Close()
	for rec, err := range wr.Records() {
		if err != nil {
			return fmt.Errorf("archive: %s: record at offset %d: %w", path, rec.Offset, err)
		}
		err := b.add(rec.WarcRecord)
		_ = rec.Close()
		if err != nil {
			return fmt.Errorf("archive: %s: record at offset %d: %w", path, rec.Offset, err)
		}
	}
	return nil
}

func (b *warcBuilder) add(rec gowarc.WarcRecord) error {
	h := rec.WarcHeader()
	url := strings.TrimSuffix(strings.TrimPrefix(h.Get(gowarc.WarcTargetURI), "<"), ">")
	at, err := h.GetTime(gowarc.WarcDate)
	if err != nil {
		return fmt.Errorf("WARC-Date: %w", err)
	}
	x := Exchange{URL: url, FetchedAt: at.UTC(), Status: http.StatusOK}
	var body []byte
	switch rec.Type() {
	case gowarc.Response:
		blk, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return nil // a non-HTTP response (dns:, ftp:) has nothing to replay
		}
		x.Status = blk.HttpStatusCode()
		hdr := http.Header{}
		if hp := blk.HttpHeader(); hp != nil {
			hdr = hp.Clone()
		}
		r, err := blk.PayloadBytes()
		if err != nil {
			return fmt.Errorf("%s: payload: %w", url, err)
		}
		// net/http-style parsing moves Transfer-Encoding out of the
		// header map; the raw header bytes still say whether the payload
		// was recorded chunked.
		if bytes.Contains(bytes.ToLower(blk.ProtocolHeaderBytes()), []byte("transfer-encoding: chunked")) {
			hdr.Set("Transfer-Encoding", "chunked")
		}
		if body, err = decodePayload(r, hdr); err != nil {
			return fmt.Errorf("%s: %w", url, err)
		}
		x.Header = cleanHeader(hdr)
		if d := h.Get(gowarc.WarcPayloadDigest); d != "" {
			defer func() { b.byDigest[d] = x }()
		}
	case gowarc.Resource:
		r, err := rec.Block().RawBytes()
		if err != nil {
			return fmt.Errorf("%s: block: %w", url, err)
		}
		if body, err = io.ReadAll(io.LimitReader(r, maxWARCBody)); err != nil {
			return fmt.Errorf("%s: block: %w", url, err)
		}
		x.Header = http.Header{"Content-Type": {h.Get(gowarc.ContentType)}}
	case gowarc.Revisit:
		orig, ok := b.byDigest[h.Get(gowarc.WarcPayloadDigest)]
		if !ok {
			return nil // the payload it repeats is not in these files
		}
		x.Status, x.Header, x.Body, x.BodySHA256, x.BodySize = orig.Status, orig.Header, orig.Body, orig.BodySHA256, orig.BodySize
		if blk, ok := rec.Block().(gowarc.HttpResponseBlock); ok && blk.HttpHeader() != nil && blk.HttpStatusCode() == http.StatusOK {
			x.Header = cleanHeader(blk.HttpHeader().Clone())
		}
		x.Kind = kindOf(x.Header.Get("Content-Type"), b.mem[x.Body])
		b.xs = append(b.xs, x)
		b.noteFeed(x, b.mem[x.Body])
		return nil
	default:
		return nil
	}
	if url == "" {
		return errors.New("record without WARC-Target-URI")
	}
	x.Kind = kindOf(x.Header.Get("Content-Type"), body)
	if x.Status >= 300 && x.Status < 400 {
		x.Kind = KindOther
	}
	if len(body) > 0 {
		name, sum := bodyName(body)
		x.Body, x.BodySHA256, x.BodySize = name, sum, int64(len(body))
		b.mem[name] = body
	}
	b.xs = append(b.xs, x)
	b.noteFeed(x, body)
	return nil
}

func (b *warcBuilder) noteFeed(x Exchange, body []byte) {
	if x.Kind != KindFeed {
		return
	}
	for _, f := range b.feeds {
		if f.URL == x.URL {
			return
		}
	}
	b.feeds = append(b.feeds, Feed{URL: x.URL, Format: feedFormat(x.Header.Get("Content-Type"), body)})
}

// decodePayload undoes chunked transfer and content encodings that a
// crawler recorded as they came over the wire.
func decodePayload(r io.Reader, h http.Header) ([]byte, error) {
	if strings.EqualFold(strings.TrimSpace(h.Get("Transfer-Encoding")), "chunked") {
		raw, err := io.ReadAll(io.LimitReader(r, maxWARCBody))
		if err != nil {
			return nil, err
		}
		// Some crawlers store the payload de-chunked but keep the header.
		if dec, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(raw))); err == nil {
			raw = dec
		}
		r = bytes.NewReader(raw)
	}
	raw, err := io.ReadAll(io.LimitReader(r, maxWARCBody))
	if err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	var zr io.Reader
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "", "identity":
		return raw, nil
	case "gzip", "x-gzip":
		g, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return raw, nil // recorded decoded despite the header
		}
		zr = g
	case "deflate":
		zr = flate.NewReader(bytes.NewReader(raw))
	case "br":
		zr = brotli.NewReader(bytes.NewReader(raw))
	default:
		return nil, fmt.Errorf("content encoding %q is not supported", h.Get("Content-Encoding"))
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxWARCBody))
	if err != nil {
		return nil, fmt.Errorf("decode %s payload: %w", h.Get("Content-Encoding"), err)
	}
	return out, nil
}

// kindOf tells feeds from pages by media type, then by the first bytes.
func kindOf(contentType string, body []byte) string {
	if feedFormat(contentType, body) != "" {
		return KindFeed
	}
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "html") || bytes.Contains(bytes.ToLower(head(body, 512)), []byte("<html")) {
		return KindArticle
	}
	return KindOther
}

// feedFormat returns rss, atom or json for a feed document, else "".
func feedFormat(contentType string, body []byte) string {
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "rss+xml"):
		return "rss"
	case strings.Contains(ct, "atom+xml"):
		return "atom"
	case strings.Contains(ct, "feed+json"):
		return "json"
	}
	start := bytes.ToLower(head(body, 1024))
	switch {
	case bytes.Contains(start, []byte("<rss")) || bytes.Contains(start, []byte("<rdf:rdf")):
		return "rss"
	case bytes.Contains(start, []byte("<feed")) && bytes.Contains(start, []byte("atom")):
		return "atom"
	case bytes.Contains(start, []byte("jsonfeed.org/version")):
		return "json"
	}
	return ""
}

func head(b []byte, n int) []byte { return b[:min(len(b), n)] }

// bodyName is the content-addressed name of a body.
func bodyName(body []byte) (name, sum string) {
	s := sha256Hex(body)
	return BodiesDir + "/" + s[:2] + "/" + s + ".gz", s
}
