package notify

import (
	"context"
	"log/slog"

	"github.com/newsmon/newsmon/pkg/clock"
	"github.com/newsmon/newsmon/pkg/config"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/services/notifier/notify/outbound"
	"github.com/newsmon/newsmon/services/notifier/notify/route"
	"github.com/newsmon/newsmon/services/notifier/notify/secret"
	"github.com/newsmon/newsmon/services/notifier/notify/slack"
	"github.com/newsmon/newsmon/services/notifier/notify/webhook"
)

// sender delivers to one destination.
type sender interface {
	SendAlert(ctx context.Context, a events.Alert) error
	SendDigest(ctx context.Context, id string, list []events.Alert) error
}

// destination is a configured, ready destination.
type destination struct {
	route.Destination
	sender sender
	gate   *gate
}

// secrets are one destination's resolved secrets.
type secrets struct{ primary, key secret.Secret }

// resolveSecrets reads every destination's secrets. A required secret that
// is missing is a configuration error naming its variable or file; an
// optional destination without its primary secret is left out (skipped).
func resolveSecrets(rc *route.Config, getenv func(string) string) (map[string]secrets, []route.Destination, error) {
	out := map[string]secrets{}
	var skipped []route.Destination
	for _, d := range rc.Destinations {
		env, file := d.URLEnv, d.URLFile
		if d.Type == route.TypeSlackBot {
			env, file = d.TokenEnv, d.TokenFile
		}
		where := "routes destination " + d.Name
		p, err := secret.FromEnvOrFile(getenv, env, file)
		if err != nil {
			return nil, nil, config.Errorf(where, "%v", err)
		}
		if p.IsZero() {
			if d.Optional {
				skipped = append(skipped, d)
				continue
			}
			return nil, nil, config.Errorf(where, "%s is not set", env)
		}
		s := secrets{primary: p}
		if d.Type == route.TypeWebhook {
			if s.key, err = secret.FromEnvOrFile(getenv, d.SecretEnv, d.SecretFile); err != nil {
				return nil, nil, config.Errorf(where, "%v", err)
			}
			if s.key.IsZero() {
				return nil, nil, config.Errorf(where, "the signing key %s is not set (the URL is)", d.SecretEnv)
			}
		}
		out[d.Name] = s
	}
	return out, skipped, nil
}

// buildDestinations makes a sender and a gate for every configured destination.
func buildDestinations(rc *route.Config, sec map[string]secrets, st *store, cfg Config, clk clock.Clock,
	log *slog.Logger) map[string]*destination {
	out := map[string]*destination{}
	for _, d := range rc.Destinations {
		s, ok := sec[d.Name]
		if !ok {
			continue
		}
		client := outbound.NewClient(d.Timeout, cfg.Transport, "newsmon-notifier/1 (+https://newsmon.dev)")
		var snd sender
		switch d.Type {
		case route.TypeSlackWebhook:
			snd = slackWebhook{slack.NewWebhook(d.Name, s.primary, client, clk)}
		case route.TypeSlackBot:
			api := d.APIURL
			if api == "" {
				api = route.DefaultSlackAPI
			}
			snd = slackBot{slack.NewBot(d.Name, s.primary, d.Channel, api, client, clk, st, log)}
		case route.TypeWebhook:
			snd = webhook.New(d.Name, s.primary, s.key, client, clk)
		}
		out[d.Name] = &destination{Destination: d, sender: snd, gate: newGate(d.Name, d.RatePerSecond, d.Burst, clk)}
	}
	return out
}

type slackWebhook struct{ w *slack.Webhook }

func (s slackWebhook) SendAlert(ctx context.Context, a events.Alert) error {
	return s.w.Post(ctx, slack.AlertMessage(a))
}

func (s slackWebhook) SendDigest(ctx context.Context, _ string, list []events.Alert) error {
	return s.w.Post(ctx, slack.DigestMessage(digestTitle(list), list))
}

type slackBot struct{ b *slack.Bot }

func (s slackBot) SendAlert(ctx context.Context, a events.Alert) error { return s.b.SendAlert(ctx, a) }

func (s slackBot) SendDigest(ctx context.Context, _ string, list []events.Alert) error {
	return s.b.Post(ctx, slack.DigestMessage(digestTitle(list), list))
}
