package secret_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/services/notifier/notify/secret"
)

const hook = "https://hooks.slack.example/services/T000/B000/XXXXsecretXXXX"

func TestSecretNeverPrints(t *testing.T) {
	s := secret.New(hook)
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", slog.Any("url", s))
	js, _ := json.Marshal(struct{ URL secret.Secret }{s})
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s %q %x", s, s, s, s, s, s), logs.String(), string(js)} {
		if strings.Contains(out, "XXXXsecretXXXX") {
			t.Fatalf("secret leaked: %s", out)
		}
	}
	if s.Reveal() != hook {
		t.Fatal("Reveal lost the value")
	}
}

func TestScrub(t *testing.T) {
	s := secret.New(hook)
	for _, in := range []string{
		`Post "` + hook + `": dial tcp: connection refused`,
		"path /services/T000/B000/XXXXsecretXXXX not found",
		"escaped " + strings.ReplaceAll(hook, "/", "%2F"),
	} {
		if out := s.Scrub(in); strings.Contains(out, "XXXXsecretXXXX") {
			t.Errorf("Scrub(%q) = %q", in, out)
		}
	}
}
