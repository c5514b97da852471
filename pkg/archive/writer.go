package archive

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Writer writes an archive directory. Bodies are written as they are
// added; the manifest is written by Flush and Close. It is safe for
// concurrent use.
type Writer struct {
	dir string

	mu     sync.Mutex
	m      Manifest
	bodies map[string]bool
	closed bool
}

// Meta describes a recording.
type Meta struct {
	Description string
	CreatedBy   string
	Feeds       []Feed
}

// Create starts an archive in dir, which must be empty or not exist yet.
func Create(dir string, meta Meta) (*Writer, error) {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return nil, fmt.Errorf("archive: %s is not empty", dir)
	}
	if err := os.MkdirAll(filepath.Join(dir, BodiesDir), 0o755); err != nil {
		return nil, fmt.Errorf("archive: create %s: %w", dir, err)
	}
	w := &Writer{dir: dir, bodies: map[string]bool{}, m: Manifest{
		Schema: SchemaURI, Format: Format, Version: Version,
		Description: meta.Description, CreatedBy: meta.CreatedBy, Feeds: slices.Clone(meta.Feeds),
	}}
	if w.m.Feeds == nil {
		w.m.Feeds = []Feed{}
	}
	return w, nil
}

// Record is an exchange to add, with its decoded body.
type Record struct {
	URL       string
	Kind      string
	FetchedAt time.Time
	Status    int
	Header    http.Header
	Body      []byte
}

// Add stores one exchange: the body (once per distinct content) and its
// index entry.
func (w *Writer) Add(r Record) (Exchange, error) {
	if r.URL == "" {
		return Exchange{}, errors.New("archive: exchange without URL")
	}
	if r.Kind == "" {
		r.Kind = KindOther
	}
	x := Exchange{URL: r.URL, Kind: r.Kind, FetchedAt: r.FetchedAt.UTC(), Status: r.Status,
		Header: cleanHeader(r.Header), BodySize: int64(len(r.Body))}
	if len(r.Body) > 0 {
		x.Body, x.BodySHA256 = bodyName(r.Body)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return Exchange{}, errors.New("archive: writer is closed")
	}
	if x.Body != "" && !w.bodies[x.Body] {
		if err := writeBody(filepath.Join(w.dir, filepath.FromSlash(x.Body)), r.Body); err != nil {
			return Exchange{}, err
		}
		w.bodies[x.Body] = true
	}
	w.m.Exchanges = append(w.m.Exchanges, x)
	return x, nil
}

// AddFeed adds a feed to the manifest's feed list unless it is there.
func (w *Writer) AddFeed(f Feed) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, g := range w.m.Feeds {
		if g.URL == f.URL {
			return
		}
	}
	w.m.Feeds = append(w.m.Feeds, f)
}

// Flush writes the manifest as it stands.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flushLocked()
}

// Close writes the manifest; the writer takes no more exchanges.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	return w.flushLocked()
}

func (w *Writer) flushLocked() error {
	m := w.m
	m.Exchanges = slices.Clone(m.Exchanges)
	sortExchanges(m.Exchanges)
	if m.Exchanges == nil {
		m.Exchanges = []Exchange{}
	}
	if n := len(m.Exchanges); n > 0 {
		m.Start, m.End = m.Exchanges[0].FetchedAt, m.Exchanges[n-1].FetchedAt
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("archive: encode manifest: %w", err)
	}
	data = append(data, '\n')
	return writeFileAtomic(filepath.Join(w.dir, ManifestFile), data)
}

// sortExchanges orders by fetch time, then URL, then status.
func sortExchanges(xs []Exchange) {
	slices.SortStableFunc(xs, func(a, b Exchange) int {
		if c := a.FetchedAt.Compare(b.FetchedAt); c != 0 {
			return c
		}
		if c := strings.Compare(a.URL, b.URL); c != 0 {
			return c
		}
		return a.Status - b.Status
	})
}

// writeBody writes body gzip-compressed. The gzip header carries no name
// or time, so the same body always gives the same file.
func writeBody(path string, body []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("archive: gzip: %w", err)
	}
	if _, err := zw.Write(body); err != nil {
		return fmt.Errorf("archive: gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("archive: gzip: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return writeFileAtomic(path, buf.Bytes())
}

func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("archive: write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("archive: write %s: %w", path, err)
	}
	return nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
