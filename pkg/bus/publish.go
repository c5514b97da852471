package bus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/clock"
)

// CloudEvents binary-mode header names (NATS protocol binding) and the W3C
// trace context header carried from stage to stage.
const (
	HeaderSpecVersion = "ce-specversion"
	HeaderID          = "ce-id"
	HeaderSource      = "ce-source"
	HeaderType        = "ce-type"
	HeaderTime        = "ce-time"
	HeaderDataSchema  = "ce-dataschema"
	HeaderContentType = "content-type"
	HeaderTraceParent = "traceparent"
	// HeaderRedrive marks a message re-driven from the dead-letter stream.
	HeaderRedrive = "Newsmon-Redrive"
)

// Event is one message to publish.
type Event struct {
	Subject string
	// Type is the CloudEvents type, e.g. events.TypeArticle.
	Type string
	// Schema is the JSON Schema URI of Data.
	Schema string
	// ID is the deterministic event id; it doubles as Nats-Msg-Id.
	ID   string
	Data any
	// Parent is the header of the message this event derives from; its
	// traceparent continues in the new message.
	Parent nats.Header
}

// Publisher publishes events with CloudEvents headers and de-duplication ids.
type Publisher struct {
	js     jetstream.JetStream
	source string
	clock  clock.Clock
}

// NewPublisher returns a Publisher whose events carry ce-source source.
func NewPublisher(js jetstream.JetStream, source string, clk clock.Clock) *Publisher {
	if clk == nil {
		clk = clock.Real{}
	}
	return &Publisher{js: js, source: source, clock: clk}
}

// Publish encodes e.Data as JSON and publishes it. A second publish with the
// same ID inside the stream's duplicate window is stored once; the returned
// ack then has Duplicate set.
func (p *Publisher) Publish(ctx context.Context, e Event) (*jetstream.PubAck, error) {
	if e.ID == "" {
		return nil, fmt.Errorf("bus: publish to %s: event has no id", e.Subject)
	}
	body, err := json.Marshal(e.Data)
	if err != nil {
		return nil, fmt.Errorf("bus: encode %s %s: %w", e.Type, e.ID, err)
	}
	msg := nats.NewMsg(e.Subject)
	msg.Data = body
	msg.Header.Set(HeaderSpecVersion, "1.0")
	msg.Header.Set(HeaderID, e.ID)
	msg.Header.Set(HeaderSource, p.source)
	msg.Header.Set(HeaderType, e.Type)
	msg.Header.Set(HeaderTime, p.clock.Now().UTC().Format(time.RFC3339Nano))
	msg.Header.Set(HeaderContentType, "application/json")
	if e.Schema != "" {
		msg.Header.Set(HeaderDataSchema, e.Schema)
	}
	msg.Header.Set(HeaderTraceParent, ChildTraceParent(e.Parent.Get(HeaderTraceParent), e.ID))
	ack, err := p.js.PublishMsg(ctx, msg, jetstream.WithMsgID(e.ID))
	if err != nil {
		return nil, fmt.Errorf("bus: publish %s %s to %s: %w", e.Type, e.ID, e.Subject, err)
	}
	return ack, nil
}

// ChildTraceParent returns a W3C traceparent for a message derived from one
// carrying parent (empty for the head of the flow). The trace id is kept;
// span ids derive from the event id so replays produce the same headers.
func ChildTraceParent(parent, eventID string) string {
	sum := sha256.Sum256([]byte(eventID))
	span := hex.EncodeToString(sum[:8])
	trace := hex.EncodeToString(sum[8:24])
	if parts := strings.Split(parent, "-"); len(parts) == 4 && len(parts[1]) == 32 && parts[1] != strings.Repeat("0", 32) {
		trace = parts[1]
	}
	return "00-" + trace + "-" + span + "-01"
}

// TraceID extracts the trace id from a traceparent value ("" if malformed).
func TraceID(traceparent string) string {
	parts := strings.Split(traceparent, "-")
	if len(parts) != 4 || len(parts[1]) != 32 {
		return ""
	}
	return parts[1]
}
