package parser

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/events"
)

type handler struct {
	pub *bus.Publisher
}

func newHandler(_ Config, d app.Deps) *handler {
	return &handler{pub: bus.NewPublisher(d.JS, "newsmon/article-parser", d.Clock)}
}

func (h *handler) handle(ctx context.Context, m bus.Msg) error {
	var it events.FeedItem
	if err := json.Unmarshal(m.Data, &it); err != nil {
		return bus.Permanent(fmt.Errorf("decode feed item: %w", err))
	}
	if it.ID == "" {
		return bus.Permanent(fmt.Errorf("feed item without id"))
	}
	text := it.Content
	if text == "" {
		text = it.Summary
	}
	a := events.Article{
		ID: it.ID, Revision: it.Revision, FeedURL: it.FeedURL, FeedName: it.FeedName, FeedTags: it.FeedTags,
		URL: it.URL, ItemURL: it.URL, Outlet: it.FeedName, Title: it.Title, Authors: it.Authors,
		Language: it.Language, Summary: it.Summary, Text: text, WordCount: len(strings.Fields(text)),
		PublishedAt: it.PublishedAt, PublishedEstimated: it.PublishedEstimated,
		Extraction: events.Extraction{Method: events.MethodFeed, FallbackReason: "not_fetched"},
	}
	_, err := h.pub.Publish(ctx, bus.Event{Subject: events.SubjectArticles, Type: events.TypeArticle,
		Schema: events.SchemaArticle, ID: a.MsgID(), Data: a, Parent: m.Header})
	return err
}
