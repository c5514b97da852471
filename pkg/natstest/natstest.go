// Package natstest starts a real, embedded NATS server with JetStream for
// tests: random port, temporary store, shut down when the test ends.
package natstest

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/natsembed"
)

// Server is a running test server.
type Server struct {
	*server.Server
	StoreDir string
}

// Start starts a server on a random port with a temporary store.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartDir(t, t.TempDir())
}

// StartDir starts a server storing JetStream data in dir, so a test can stop
// it and start another on the same data.
func StartDir(t testing.TB, dir string) *Server {
	t.Helper()
	ns, err := natsembed.Start(natsembed.Options{Port: server.RANDOM_PORT, StoreDir: dir})
	if err != nil {
		t.Fatalf("natstest: %v", err)
	}
	t.Cleanup(func() { natsembed.Stop(ns) })
	return &Server{Server: ns, StoreDir: dir}
}

// Connect opens a client connection closed at the end of the test.
func (s *Server) Connect(t testing.TB) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := nats.Connect(s.ClientURL())
	if err != nil {
		t.Fatalf("natstest: connect: %v", err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatalf("natstest: jetstream: %v", err)
	}
	return nc, js
}

// Topology connects and applies newsmon's default topology.
func (s *Server) Topology(t testing.TB) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, js := s.Connect(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := bus.Ensure(ctx, js, bus.Default(bus.Options{})); err != nil {
		t.Fatalf("natstest: %v", err)
	}
	return nc, js
}
