package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/notifier/notify/outbound"
	"github.com/newsmon/newsmon/services/notifier/notify/secret"
)

// Thread is where a story's first message was posted.
type Thread struct {
	Channel string `json:"channel"`
	TS      string `json:"ts"`
	// Revision is the newest revision the parent message shows.
	Revision int `json:"revision"`
}

// ThreadStore remembers each story's thread per destination.
type ThreadStore interface {
	GetThread(ctx context.Context, dest, storyID string) (Thread, bool, error)
	PutThread(ctx context.Context, dest, storyID string, t Thread) error
}

// Bot posts with a bot token through the Web API: the first alert of a
// story becomes a message, later revisions become replies in its thread,
// and the parent is edited (chat.update) to show the latest revision.
type Bot struct {
	name    string
	token   secret.Secret
	channel string
	api     string
	client  *outbound.Client
	clock   clock.Clock
	threads ThreadStore
	log     *slog.Logger

	mu    sync.Mutex
	locks map[string]*storyLock
}

type storyLock struct {
	sync.Mutex
	refs int
}

// NewBot returns a bot sender posting to channel through the Web API at api.
func NewBot(name string, token secret.Secret, channel, api string, c *outbound.Client, clk clock.Clock,
	threads ThreadStore, log *slog.Logger) *Bot {
	return &Bot{name: name, token: token, channel: channel, api: strings.TrimRight(api, "/"), client: c,
		clock: clk, threads: threads, log: log, locks: map[string]*storyLock{}}
}

// SendAlert posts a (as a new message or a thread reply) and keeps the
// parent message current. Alerts of one story are handled one at a time.
func (b *Bot) SendAlert(ctx context.Context, a events.Alert) error {
	unlock := b.lock(a.StoryID)
	defer unlock()
	th, ok, err := b.threads.GetThread(ctx, b.name, a.StoryID)
	if err != nil {
		return fmt.Errorf("slack bot %s: thread of story %s: %w", b.name, a.StoryID, err)
	}
	msg := AlertMessage(a)
	if !ok {
		ch, ts, err := b.call(ctx, "chat.postMessage", msg)
		if err != nil {
			return err
		}
		// The message is out: a failure to remember the thread must not
		// make the alert look undelivered (a retry would post it again).
		if perr := b.threads.PutThread(ctx, b.name, a.StoryID, Thread{Channel: ch, TS: ts, Revision: a.Revision}); perr != nil {
			b.log.Warn("slack bot: thread not saved; the next update starts a new thread",
				slog.String("destination", b.name), slog.String("story_id", a.StoryID), slog.Any("error", perr))
		}
		return nil
	}
	reply := msg
	reply.Channel, reply.ThreadTS = th.Channel, th.TS
	if _, _, err := b.call(ctx, "chat.postMessage", reply); err != nil {
		return err
	}
	if a.Revision <= th.Revision {
		return nil // an older revision arriving late: the parent already shows newer facts
	}
	parent := msg
	parent.Channel, parent.TS = th.Channel, th.TS
	if _, _, err := b.call(ctx, "chat.update", parent); err != nil {
		b.log.Warn("slack bot: parent message not updated", slog.String("destination", b.name),
			slog.String("story_id", a.StoryID), slog.Any("error", err))
		return nil
	}
	th.Revision = a.Revision
	if perr := b.threads.PutThread(ctx, b.name, a.StoryID, th); perr != nil {
		b.log.Warn("slack bot: thread revision not saved", slog.String("destination", b.name),
			slog.String("story_id", a.StoryID), slog.Any("error", perr))
	}
	return nil
}

// Post sends a standalone message (a digest) to the channel.
func (b *Bot) Post(ctx context.Context, m Message) error {
	_, _, err := b.call(ctx, "chat.postMessage", m)
	return err
}

func (b *Bot) lock(story string) func() {
	b.mu.Lock()
	l := b.locks[story]
	if l == nil {
		l = &storyLock{}
		b.locks[story] = l
	}
	l.refs++
	b.mu.Unlock()
	l.Lock()
	return func() {
		l.Unlock()
		b.mu.Lock()
		if l.refs--; l.refs == 0 {
			delete(b.locks, story)
		}
		b.mu.Unlock()
	}
}

type apiAnswer struct {
	OK      bool   `json:"ok"`
	Error   string `json:"error"`
	Channel string `json:"channel"`
	TS      string `json:"ts"`
}

// Web API error codes after which the destination cannot work until an
// operator acts, and those worth retrying.
var (
	disablingCodes = map[string]bool{"invalid_auth": true, "not_authed": true, "account_inactive": true,
		"token_revoked": true, "token_expired": true, "no_permission": true, "missing_scope": true,
		"channel_not_found": true, "is_archived": true, "not_in_channel": true, "team_access_not_granted": true}
	retryCodes = map[string]bool{"internal_error": true, "fatal_error": true, "service_unavailable": true,
		"request_timeout": true, "ratelimited": true}
)

func (b *Bot) call(ctx context.Context, method string, m Message) (channel, ts string, err error) {
	if m.Channel == "" {
		m.Channel = b.channel
	}
	body, err := json.Marshal(m)
	if err != nil {
		return "", "", outbound.Describe(b.name, err)
	}
	h := http.Header{"Authorization": {"Bearer " + b.token.Reveal()}}
	resp, err := b.client.Post(ctx, b.name, secret.New(b.api+"/"+method), body, h)
	if err != nil {
		return "", "", err
	}
	if err := outbound.Classify(b.name, resp, b.clock.Now(), b.token.Scrub); err != nil {
		return "", "", err
	}
	var ans apiAnswer
	if err := json.Unmarshal(resp.Body, &ans); err != nil {
		return "", "", &outbound.Error{Destination: b.name, Status: resp.Status, Detail: method + ": answer is not JSON"}
	}
	if !ans.OK {
		code := outbound.Snippet([]byte(ans.Error), b.token.Scrub)
		e := &outbound.Error{Destination: b.name, Status: resp.Status, Code: code, Detail: method}
		switch {
		case retryCodes[ans.Error]:
			if ans.Error == "ratelimited" {
				e.RetryAfter = outbound.RetryAfter(resp.Header.Get("Retry-After"), b.clock.Now())
			}
		case disablingCodes[ans.Error]:
			e.Permanent, e.Disable = true, true
		default:
			e.Permanent = true
		}
		return "", "", e
	}
	return ans.Channel, ans.TS, nil
}
