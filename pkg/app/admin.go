package app

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Admin is the HTTP server for /metrics and /healthz.
type Admin struct {
	srv  *http.Server
	ln   net.Listener
	done chan error
}

// StartAdmin listens on addr and serves g's metrics and h's health.
func StartAdmin(addr string, g prometheus.Gatherer, h *Health) (*Admin, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("app: admin listener on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(g, promhttp.HandlerOpts{}))
	mux.Handle("GET /healthz", h)
	a := &Admin{
		srv: &http.Server{
			Handler:           mux,
			ReadHeaderTimeout: 5 * time.Second, // Default is none.
		},
		ln:   ln,
		done: make(chan error, 1),
	}
	go func() {
		err := a.srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		a.done <- err
	}()
	return a, nil
}

// Addr is the address the server listens on.
func (a *Admin) Addr() string { return a.ln.Addr().String() }

// Shutdown stops the server, waiting at most 5 seconds for open requests.
func (a *Admin) Shutdown() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("app: admin shutdown: %w", err)
	}
	return <-a.done
}
