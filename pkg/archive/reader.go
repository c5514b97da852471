package archive

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// ErrNotFound means the archive holds no exchange for a URL.
var ErrNotFound = errors.New("archive: not recorded")

// Reader answers questions about one archive: a directory written by
// Writer, or WARC files read by OpenWARC. It is safe for concurrent use
// once opened.
type Reader struct {
	m Manifest
	// dir is the archive directory; empty for WARC input.
	dir string
	// mem holds bodies by their Body name for WARC input.
	mem   map[string][]byte
	byURL map[string][]int
}

// Open opens an archive directory, or a WARC file (.warc, .warc.gz).
func Open(path string) (*Reader, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if !st.IsDir() {
		return OpenWARC(path)
	}
	data, err := os.ReadFile(filepath.Join(path, ManifestFile))
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("archive: %s: %w", filepath.Join(path, ManifestFile), err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("archive: %s: format %q, want %q", path, m.Format, Format)
	}
	if m.Version != Version {
		return nil, fmt.Errorf("archive: %s: version %d is not supported (this build reads version %d)", path, m.Version, Version)
	}
	for i, x := range m.Exchanges {
		if x.Body != "" && (strings.Contains(x.Body, "..") || filepath.IsAbs(x.Body)) {
			return nil, fmt.Errorf("archive: %s: exchange %d: body path %q leaves the archive", path, i, x.Body)
		}
	}
	return newReader(m, path, nil), nil
}

func newReader(m Manifest, dir string, mem map[string][]byte) *Reader {
	sortExchanges(m.Exchanges)
	r := &Reader{m: m, dir: dir, mem: mem, byURL: map[string][]int{}}
	for i, x := range m.Exchanges {
		r.byURL[x.URL] = append(r.byURL[x.URL], i)
	}
	return r
}

// Manifest returns the manifest (exchanges in fetch-time order).
func (r *Reader) Manifest() Manifest { return r.m }

// Feeds returns the recorded feeds.
func (r *Reader) Feeds() []Feed { return slices.Clone(r.m.Feeds) }

// Lookup returns the exchange for url current at t: the latest fetched at
// or before t. For a resource other than a feed that was first fetched
// after t, the earliest exchange is returned: a page a feed linked to
// existed when the feed was published, even if the recorder fetched it a
// moment later. A feed is never answered from its future.
func (r *Reader) Lookup(url string, t time.Time) (Exchange, error) {
	idx := r.byURL[url]
	if len(idx) == 0 {
		if i := strings.IndexByte(url, '#'); i >= 0 {
			idx = r.byURL[url[:i]]
		}
	}
	if len(idx) == 0 {
		return Exchange{}, fmt.Errorf("%w: %s", ErrNotFound, url)
	}
	n := sort.Search(len(idx), func(i int) bool { return r.m.Exchanges[idx[i]].FetchedAt.After(t) })
	if n == 0 {
		first := r.m.Exchanges[idx[0]]
		if first.Kind == KindFeed {
			return Exchange{}, fmt.Errorf("%w: %s before %s", ErrNotFound, url, first.FetchedAt.Format(time.RFC3339))
		}
		return first, nil
	}
	return r.m.Exchanges[idx[n-1]], nil
}

// Body returns an exchange's decoded body.
func (r *Reader) Body(x Exchange) ([]byte, error) {
	if x.Body == "" {
		return nil, nil
	}
	if r.mem != nil {
		b, ok := r.mem[x.Body]
		if !ok {
			return nil, fmt.Errorf("archive: body %s missing", x.Body)
		}
		return b, nil
	}
	f, err := os.Open(filepath.Join(r.dir, filepath.FromSlash(x.Body)))
	if err != nil {
		return nil, fmt.Errorf("archive: body of %s: %w", x.URL, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("archive: body of %s: %w", x.URL, err)
	}
	buf := bytes.NewBuffer(make([]byte, 0, x.BodySize))
	if _, err := io.Copy(buf, io.LimitReader(zr, x.BodySize+1)); err != nil {
		return nil, fmt.Errorf("archive: body of %s: %w", x.URL, err)
	}
	if int64(buf.Len()) != x.BodySize {
		return nil, fmt.Errorf("archive: body of %s: %d bytes, manifest says %d", x.URL, buf.Len(), x.BodySize)
	}
	return buf.Bytes(), nil
}

// SnapshotTimes returns the distinct fetch times of feed exchanges, in
// order: the moments at which the recorded world changed.
func (r *Reader) SnapshotTimes() []time.Time {
	var out []time.Time
	for _, x := range r.m.Exchanges {
		if x.Kind != KindFeed {
			continue
		}
		if n := len(out); n == 0 || !out[n-1].Equal(x.FetchedAt) {
			out = append(out, x.FetchedAt)
		}
	}
	return out
}

// Stats counts an archive's content.
type Stats struct {
	Feeds, FeedSnapshots, Articles, ArticleSnapshots, Other int
	Start, End                                              time.Time
}

// Stats counts feeds, snapshots and articles.
func (r *Reader) Stats() Stats {
	s := Stats{Feeds: len(r.m.Feeds), Start: r.m.Start, End: r.m.End}
	articles := map[string]bool{}
	for _, x := range r.m.Exchanges {
		switch x.Kind {
		case KindFeed:
			s.FeedSnapshots++
		case KindArticle:
			s.ArticleSnapshots++
			articles[x.URL] = true
		default:
			s.Other++
		}
	}
	s.Articles = len(articles)
	return s
}

// Empty returns an archive that holds nothing: a Transport over it
// answers 404 to every request.
func Empty() *Reader {
	return newReader(Manifest{Format: Format, Version: Version}, "", map[string][]byte{})
}
