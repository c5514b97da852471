// Package archive reads and writes newsmon archives: recorded HTTP
// exchanges for feeds and article pages, several snapshots of each feed over
// time, replayable through an http.RoundTripper that answers as of a
// virtual time.
//
// # Format (version 1)
//
// An archive is a directory:
//
//	manifest.json            the manifest (schema: schemas/archive.v1.json)
//	bodies/<aa>/<sha256>.gz  response bodies, gzip-compressed, named by the
//	                         SHA-256 of the uncompressed body (so identical
//	                         snapshots are stored once)
//
// The manifest names the format and version, describes the recording (who,
// when, from what), lists the feeds that were polled, and indexes every
// exchange: the URL asked for, when the answer was fetched, its status and
// headers, what kind of resource it is (feed, article or other) and the body
// file. Bodies are stored decoded: the Content-Encoding, Content-Length and
// Transfer-Encoding headers of the original response are dropped, because
// the body they described is not the one stored. Exchanges are ordered by
// fetch time, then URL, so the same recording always writes the same file.
//
// A redirect is stored as its own exchange (status 3xx with a Location
// header); the client follows it through the archive as it did live.
//
// WARC files (WARC/1.0 and WARC/1.1, plain or gzip per record, as written
// by wget --warc-file, Heritrix or Browsertrix) are read as archives too: see
// OpenWARC.
package archive

import (
	"net/http"
	"time"
)

// Format and Version identify the archive format in the manifest.
const (
	Format  = "newsmon-archive"
	Version = 1
	// ManifestFile is the manifest's name inside an archive directory.
	ManifestFile = "manifest.json"
	// BodiesDir holds the compressed bodies.
	BodiesDir = "bodies"
	// SchemaURI is the $id of the manifest's JSON Schema.
	SchemaURI = "https://newsmon.dev/schemas/archive.v1.json"
)

// Kinds of recorded resources.
const (
	KindFeed    = "feed"
	KindArticle = "article"
	KindOther   = "other"
)

// Manifest is the content of manifest.json.
type Manifest struct {
	Schema  string `json:"$schema,omitempty"`
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Description says what was recorded, for people.
	Description string `json:"description,omitempty"`
	// CreatedBy names the program that wrote the archive.
	CreatedBy string `json:"created_by,omitempty"`
	// Start and End bound the fetch times of the exchanges.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Feeds are the feeds that were polled, in the order given.
	Feeds     []Feed     `json:"feeds"`
	Exchanges []Exchange `json:"exchanges"`
}

// Feed is one polled feed, as the feed list named it.
type Feed struct {
	URL      string   `json:"url"`
	Name     string   `json:"name,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Language string   `json:"language,omitempty"`
	// Format is rss, atom or json when known.
	Format string `json:"format,omitempty"`
}

// Exchange is one recorded request and its response.
type Exchange struct {
	URL       string    `json:"url"`
	Kind      string    `json:"kind"`
	FetchedAt time.Time `json:"fetched_at"`
	Status    int       `json:"status"`
	// Header is the response header, without the hop-by-hop and encoding
	// headers (see the package documentation).
	Header http.Header `json:"header,omitempty"`
	// Body is the body file relative to the archive directory; empty when
	// the response had no body.
	Body string `json:"body,omitempty"`
	// BodySHA256 is the hex SHA-256 of the uncompressed body.
	BodySHA256 string `json:"body_sha256,omitempty"`
	// BodySize is the uncompressed body length in bytes.
	BodySize int64 `json:"body_size"`
}

// droppedHeaders describe the wire encoding of a body, not the stored body.
var droppedHeaders = []string{"Content-Encoding", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Set-Cookie"}

// cleanHeader returns a copy of h without the dropped headers.
func cleanHeader(h http.Header) http.Header {
	out := h.Clone()
	if out == nil {
		return nil
	}
	for _, k := range droppedHeaders {
		out.Del(k)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
