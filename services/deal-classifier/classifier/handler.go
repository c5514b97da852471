package classifier

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/newsmon/newsmon/pkg/app"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
)

type handler struct {
	pub   *bus.Publisher
	clock clock.Clock
}

func newHandler(_ Config, d app.Deps) (*handler, error) {
	return &handler{pub: bus.NewPublisher(d.JS, "newsmon/deal-classifier", d.Clock), clock: d.Clock}, nil
}

func (h *handler) handle(ctx context.Context, m bus.Msg) error {
	var a events.Article
	if err := json.Unmarshal(m.Data, &a); err != nil {
		return bus.Permanent(fmt.Errorf("decode article: %w", err))
	}
	if a.ID == "" {
		return bus.Permanent(fmt.Errorf("article without id"))
	}
	c := events.Classification{
		ID: a.ID, Revision: a.Revision, URL: a.URL, Outlet: a.Outlet, Title: a.Title,
		Topics: []events.TopicResult{}, PublishedAt: a.PublishedAt, ClassifiedAt: h.clock.Now().UTC(),
		RulesVersion: "none",
	}
	_, err := h.pub.Publish(ctx, bus.Event{Subject: events.SubjectClassified, Type: events.TypeClassification,
		Schema: events.SchemaClassification, ID: c.MsgID(), Data: c, Parent: m.Header})
	return err
}
