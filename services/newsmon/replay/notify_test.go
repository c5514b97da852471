package replay

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestReplayDeliversThroughTheNotifier replays the project's archive with
// the notifier on: a signed webhook receives every alert of the replay
// exactly once.
func TestReplayDeliversThroughTheNotifier(t *testing.T) {
	var mu sync.Mutex
	deliveries := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var a struct{ ID string }
		if err := json.Unmarshal(body, &a); err != nil || a.ID == "" || r.Header.Get("X-Newsmon-Signature") == "" {
			http.Error(w, "bad delivery", http.StatusBadRequest)
			return
		}
		mu.Lock()
		deliveries[a.ID]++
		mu.Unlock()
	}))
	defer srv.Close()
	routes := filepath.Join(t.TempDir(), "routes.yaml")
	yaml := "version: 1\ndestinations:\n  - name: hook\n    type: webhook\n    url_env: REPLAY_HOOK_URL\n    secret_env: REPLAY_HOOK_SECRET\n    rate_per_second: 100\n    burst: 100\nroutes:\n  - name: all\n    to: [hook]\n"
	if err := os.WriteFile(routes, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"REPLAY_HOOK_URL": srv.URL + "/hook", "REPLAY_HOOK_SECRET": "replay-signing-key-0123456789"}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var ids []string
	sum, err := Run(ctx, Options{Archive: repoArchive, Routes: routes, Getenv: func(k string) string { return env[k] },
		Alerts: func(a Alert) error { ids = append(ids, a.ID); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 10 {
		t.Fatalf("replay produced only %d alerts: %s", len(ids), sum)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, id := range ids {
		if deliveries[id] != 1 {
			t.Errorf("alert %s delivered %d times, want once", id, deliveries[id])
		}
	}
	if len(deliveries) != len(ids) {
		t.Errorf("webhook got %d distinct alerts, the replay produced %d", len(deliveries), len(ids))
	}
}
