package app

import (
	"encoding/json"
	"net/http"
	"sort"
	"sync"
)

// Health collects the state of a process's components for /healthz.
type Health struct {
	mu    sync.Mutex
	state map[string]string // component -> "" when healthy, else the problem
}

// NewHealth returns an empty Health.
func NewHealth() *Health { return &Health{state: map[string]string{}} }

// Set records component's state: nil is healthy.
func (h *Health) Set(component string, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err == nil {
		h.state[component] = ""
		return
	}
	h.state[component] = err.Error()
}

// Remove forgets a component (for example after a clean stop).
func (h *Health) Remove(component string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.state, component)
}

// ServeHTTP answers 200 when every component is healthy, 503 otherwise,
// with a JSON body listing them.
func (h *Health) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	h.mu.Lock()
	type comp struct {
		Name    string `json:"name"`
		OK      bool   `json:"ok"`
		Problem string `json:"problem,omitempty"`
	}
	body := struct {
		OK         bool   `json:"ok"`
		Components []comp `json:"components"`
	}{OK: true}
	for name, problem := range h.state {
		body.Components = append(body.Components, comp{Name: name, OK: problem == "", Problem: problem})
		if problem != "" {
			body.OK = false
		}
	}
	h.mu.Unlock()
	sort.Slice(body.Components, func(i, j int) bool { return body.Components[i].Name < body.Components[j].Name })
	w.Header().Set("Content-Type", "application/json")
	if !body.OK {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	_ = json.NewEncoder(w).Encode(body)
}
