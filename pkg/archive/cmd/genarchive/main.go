// Command genarchive writes testdata/archive, the project's own replay
// archive: seven invented outlets (RSS 2.0, Atom and JSON Feed, one with
// odd dates, one in windows-1252) polled every two hours over three days,
// with the article page behind every item. The stories are invented; the
// generator is deterministic, so running it again gives the same archive.
//
//	go run ./archive/cmd/genarchive -out ../testdata/archive
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/newsmon/newsmon/pkg/archive"
)

// start is the first snapshot time; the recording spans three days.
var start = time.Date(2025, 11, 17, 0, 0, 0, 0, time.UTC)

const (
	span         = 72 * time.Hour
	snapshotStep = 2 * time.Hour
	feedWindow   = 30
)

// item is one story as an outlet publishes it.
type item struct {
	Outlet  *outlet
	Slug    string
	At      time.Duration // offset from start; negative for the backlog
	Title   string
	Summary string
	Section string
	Author  string
	Paras   []string
	Tags    []string
	// Updates revise the story later.
	Updates []update
	// NoPage means the article page was gone when recorded (404).
	NoPage bool
}

// update is a later revision of an item.
type update struct {
	At      time.Duration
	Title   string
	Summary string
	Paras   []string
}

// state is an item as of a time.
func (it *item) state(t time.Duration) (title, summary string, paras []string, updated time.Duration) {
	title, summary, paras, updated = it.Title, it.Summary, it.Paras, it.At
	for _, u := range it.Updates {
		if u.At > t {
			break
		}
		if u.Title != "" {
			title = u.Title
		}
		if u.Summary != "" {
			summary = u.Summary
		}
		if u.Paras != nil {
			paras = u.Paras
		}
		updated = u.At
	}
	return title, summary, paras, updated
}

func (it *item) URL() string { return it.Outlet.Base + it.Outlet.Path(it) }

func main() {
	out := flag.String("out", "testdata/archive", "archive directory to (re)write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genarchive:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	if err := os.RemoveAll(out); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	items := allItems()
	var feeds []archive.Feed
	for _, o := range outlets {
		feeds = append(feeds, archive.Feed{URL: o.FeedURL, Name: o.Name, Tags: o.Tags, Language: "en", Format: o.Format})
	}
	w, err := archive.Create(out, archive.Meta{
		Description: "newsmon's own replay archive: seven invented outlets over three days (17-19 November 2025), " +
			"every item with its article page. All stories are invented for testing. Regenerate with pkg/archive/cmd/genarchive.",
		CreatedBy: "newsmon genarchive", Feeds: feeds,
	})
	if err != nil {
		return err
	}
	byOutlet := map[*outlet][]*item{}
	for _, it := range items {
		byOutlet[it.Outlet] = append(byOutlet[it.Outlet], it)
	}
	for _, o := range outlets {
		its := byOutlet[o]
		sort.SliceStable(its, func(i, j int) bool { return its[i].At < its[j].At })
		if err := writeOutlet(w, o, its); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genarchive: %d items from %d outlets written to %s\n", len(items), len(outlets), out)
	return nil
}

// writeOutlet records the outlet's feed snapshots and article pages.
func writeOutlet(w *archive.Writer, o *outlet, its []*item) error {
	for t := o.Offset; t <= span; t += snapshotStep {
		var visible []*item
		for _, it := range its {
			if it.At <= t {
				visible = append(visible, it)
			}
		}
		sort.SliceStable(visible, func(i, j int) bool { return visible[i].At > visible[j].At })
		if len(visible) > feedWindow {
			visible = visible[:feedWindow]
		}
		body, ctype := o.Render(o, visible, t)
		h := map[string][]string{"Content-Type": {ctype}, "ETag": {etag(body)}, "Cache-Control": {"max-age=300"}}
		if _, err := w.Add(archive.Record{URL: o.FeedURL, Kind: archive.KindFeed, FetchedAt: start.Add(t), Status: 200, Header: h, Body: body}); err != nil {
			return err
		}
	}
	for _, it := range its {
		if o.Via {
			if _, err := w.Add(archive.Record{URL: feedLink(it), Kind: archive.KindOther, FetchedAt: start.Add(it.At), Status: 301,
				Header: map[string][]string{"Location": {it.URL()}}}); err != nil {
				return err
			}
		}
		if it.NoPage {
			continue
		}
		times := []time.Duration{it.At}
		for _, u := range it.Updates {
			times = append(times, u.At)
		}
		for _, t := range times {
			body := renderPage(it, t)
			h := map[string][]string{"Content-Type": {"text/html; charset=" + o.Charset}}
			if _, err := w.Add(archive.Record{URL: it.URL(), Kind: archive.KindArticle, FetchedAt: start.Add(t), Status: 200, Header: h, Body: body}); err != nil {
				return err
			}
		}
	}
	return nil
}
