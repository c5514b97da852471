package route

import (
	"time"

	"gopkg.in/yaml.v3"
)

func (w *walker) destination(n *yaml.Node, path string) Destination {
	f := w.fields(n, path, "name", "type", "url_env", "url_file", "token_env", "token_file", "secret_env", "secret_file",
		"channel", "api_url", "optional", "rate_per_second", "burst", "timeout")
	d := Destination{Name: w.name(f, n, path), RatePerSecond: DefaultRatePerSecond, Burst: DefaultBurst,
		Timeout: DefaultTimeout, Line: resolve(n).Line}
	strField := func(key string, into *string) {
		if v := f[key]; v != nil {
			*into = w.str(v, path+"."+key)
		}
	}
	for key, into := range map[string]*string{"type": &d.Type, "url_env": &d.URLEnv, "url_file": &d.URLFile,
		"token_env": &d.TokenEnv, "token_file": &d.TokenFile, "secret_env": &d.SecretEnv, "secret_file": &d.SecretFile,
		"channel": &d.Channel, "api_url": &d.APIURL} {
		strField(key, into)
	}
	if v := f["optional"]; v != nil {
		d.Optional = w.bool(v, path+".optional")
	}
	if v := f["rate_per_second"]; v != nil {
		if d.RatePerSecond = w.float(v, path+".rate_per_second"); d.RatePerSecond <= 0 || d.RatePerSecond > 1000 {
			w.fail(v, path+".rate_per_second", "must be above 0 and at most 1000, got %v", d.RatePerSecond)
		}
	}
	if v := f["burst"]; v != nil {
		if d.Burst = w.int(v, path+".burst"); d.Burst < 1 || d.Burst > 1000 {
			w.fail(v, path+".burst", "must be 1 to 1000, got %d", d.Burst)
		}
	}
	if v := f["timeout"]; v != nil {
		if d.Timeout = w.duration(v, path+".timeout"); d.Timeout < 100*time.Millisecond || d.Timeout > time.Minute {
			w.fail(v, path+".timeout", "must be between 100ms and 1m, got %v", d.Timeout)
		}
	}
	w.checkDestination(d, n, f, path)
	return d
}

func (w *walker) checkDestination(d Destination, n *yaml.Node, f map[string]*yaml.Node, path string) {
	type pair struct{ env, file string }
	need := func(p pair) {
		switch {
		case f[p.env] == nil && f[p.file] == nil:
			w.fail(n, path, "a %s destination needs %s or %s (the secret itself never goes in this file)", d.Type, p.env, p.file)
		case f[p.env] != nil && f[p.file] != nil:
			w.fail(f[p.file], path+"."+p.file, "give %s or %s, not both", p.env, p.file)
		}
	}
	forbid := func(keys ...string) {
		for _, k := range keys {
			if v := f[k]; v != nil {
				w.fail(v, path+"."+k, "does not apply to a %s destination", d.Type)
			}
		}
	}
	urls, token, sec := pair{"url_env", "url_file"}, pair{"token_env", "token_file"}, pair{"secret_env", "secret_file"}
	switch d.Type {
	case TypeSlackWebhook:
		need(urls)
		forbid("token_env", "token_file", "secret_env", "secret_file", "channel", "api_url")
	case TypeWebhook:
		need(urls)
		need(sec)
		forbid("token_env", "token_file", "channel", "api_url")
	case TypeSlackBot:
		need(token)
		forbid("url_env", "url_file", "secret_env", "secret_file")
		if f["channel"] == nil {
			w.fail(n, path+".channel", "a slack_bot destination needs the channel id to post to")
		}
		if v := f["api_url"]; v != nil && !httpURL(d.APIURL) {
			w.fail(v, path+".api_url", "want an http or https URL")
		}
	case "":
		if f["type"] == nil {
			w.fail(n, path+".type", "missing; want slack_webhook, slack_bot or webhook")
		}
	default:
		w.fail(f["type"], path+".type", "%q is not a destination type (want slack_webhook, slack_bot or webhook)", d.Type)
	}
}
