package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// DeadLetter is one message that was terminated or exhausted its deliveries.
// The advisory is kept in the dead-letter stream; the original stays in its
// own stream until that stream's retention removes it.
type DeadLetter struct {
	// Seq is the advisory's sequence in the dead-letter stream; pass it to
	// Redrive.
	Seq        uint64
	Time       time.Time
	Kind       string // "terminated" or "max_deliveries"
	Stream     string
	Consumer   string
	StreamSeq  uint64
	Deliveries uint64
	// Reason is the handler's termination reason, or why delivery stopped.
	Reason string
	// Subject, Header and Data are the original message's, when it is still
	// in its stream; Missing is set otherwise.
	Subject string
	Header  nats.Header
	Data    []byte
	Missing bool
}

type advisory struct {
	Type       string    `json:"type"`
	Timestamp  time.Time `json:"timestamp"`
	Stream     string    `json:"stream"`
	Consumer   string    `json:"consumer"`
	StreamSeq  uint64    `json:"stream_seq"`
	Deliveries uint64    `json:"deliveries"`
	Reason     string    `json:"reason"`
}

// ErrNoDeadLetter is returned by Redrive for a sequence that is not (or no
// longer) in the dead-letter stream.
var ErrNoDeadLetter = errors.New("bus: no such dead letter")

// ListDeadLetters returns up to limit dead letters, oldest first.
func ListDeadLetters(ctx context.Context, js jetstream.JetStream, limit int) ([]DeadLetter, error) {
	st, err := js.Stream(ctx, StreamDeadLetters)
	if err != nil {
		return nil, fmt.Errorf("bus: dead-letter stream: %w", err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("bus: dead-letter stream info: %w", err)
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && seq > 0 && (limit <= 0 || len(out) < limit); seq++ {
		dl, err := readDeadLetter(ctx, js, st, seq)
		if errors.Is(err, ErrNoDeadLetter) {
			continue // deleted after a redrive
		}
		if err != nil {
			return out, err
		}
		out = append(out, dl)
	}
	return out, nil
}

func readDeadLetter(ctx context.Context, js jetstream.JetStream, st jetstream.Stream, seq uint64) (DeadLetter, error) {
	raw, err := st.GetMsg(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return DeadLetter{}, ErrNoDeadLetter
	}
	if err != nil {
		return DeadLetter{}, fmt.Errorf("bus: read dead letter %d: %w", seq, err)
	}
	var a advisory
	if err := json.Unmarshal(raw.Data, &a); err != nil {
		return DeadLetter{}, fmt.Errorf("bus: dead letter %d: bad advisory: %w", seq, err)
	}
	dl := DeadLetter{Seq: seq, Time: a.Timestamp, Stream: a.Stream, Consumer: a.Consumer,
		StreamSeq: a.StreamSeq, Deliveries: a.Deliveries, Reason: a.Reason}
	switch a.Type {
	case "io.nats.jetstream.advisory.v1.terminated":
		dl.Kind = "terminated"
	default:
		dl.Kind = "max_deliveries"
		if dl.Reason == "" {
			dl.Reason = "not acknowledged after " + strconv.FormatUint(a.Deliveries, 10) + " deliveries"
		}
	}
	orig, err := js.Stream(ctx, a.Stream)
	if err != nil {
		dl.Missing = true
		return dl, nil
	}
	m, err := orig.GetMsg(ctx, a.StreamSeq)
	if err != nil {
		dl.Missing = true
		return dl, nil
	}
	dl.Subject, dl.Header, dl.Data = m.Subject, m.Header, m.Data
	return dl, nil
}

// Redrive publishes the original of dead letter seq again on its subject,
// so its consumer gets another go, and removes the dead letter. The copy
// gets a new Nats-Msg-Id so the duplicate window does not swallow it.
func Redrive(ctx context.Context, js jetstream.JetStream, seq uint64) (*jetstream.PubAck, error) {
	st, err := js.Stream(ctx, StreamDeadLetters)
	if err != nil {
		return nil, fmt.Errorf("bus: dead-letter stream: %w", err)
	}
	dl, err := readDeadLetter(ctx, js, st, seq)
	if err != nil {
		return nil, err
	}
	if dl.Missing {
		return nil, fmt.Errorf("bus: dead letter %d: original %s #%d is no longer stored", seq, dl.Stream, dl.StreamSeq)
	}
	msg := nats.NewMsg(dl.Subject)
	msg.Data = dl.Data
	for k, v := range dl.Header {
		if k == jetstream.MsgIDHeader {
			continue
		}
		msg.Header[k] = v
	}
	msg.Header.Set(HeaderRedrive, strconv.FormatUint(seq, 10))
	id := dl.Header.Get(jetstream.MsgIDHeader) + ".redrive." + strconv.FormatUint(seq, 10)
	ack, err := js.PublishMsg(ctx, msg, jetstream.WithMsgID(id))
	if err != nil {
		return nil, fmt.Errorf("bus: redrive dead letter %d: %w", seq, err)
	}
	if err := st.DeleteMsg(ctx, seq); err != nil {
		return ack, fmt.Errorf("bus: redrive dead letter %d: published, but removing it failed: %w", seq, err)
	}
	return ack, nil
}
