// Package natsembed runs a NATS server with JetStream inside the process,
// for the all-in-one binary and for tests.
package natsembed

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Options configure the embedded server.
type Options struct {
	// Host and Port to listen on; Port 0 or -1 picks a random free port.
	Host string
	Port int
	// StoreDir holds JetStream data; it survives restarts.
	StoreDir string
	// ServerName names the server (and its JetStream domain owner).
	ServerName string
	// Log enables the server's own logging to stderr.
	Log bool
}

// ErrAddrInUse is returned when the listen address is taken.
var ErrAddrInUse = errors.New("natsembed: address already in use")

// Start starts the server and waits until it accepts connections.
func Start(o Options) (*server.Server, error) {
	if o.Host == "" {
		o.Host = "127.0.0.1"
	}
	if o.StoreDir == "" {
		return nil, errors.New("natsembed: a JetStream store directory is required")
	}
	if o.Port == 0 {
		o.Port = server.RANDOM_PORT
	}
	if o.Port != server.RANDOM_PORT {
		addr := net.JoinHostPort(o.Host, strconv.Itoa(o.Port))
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrAddrInUse, addr, err)
		}
		_ = l.Close()
	}
	name := o.ServerName
	if name == "" {
		name = "newsmon"
	}
	ns, err := server.NewServer(&server.Options{
		ServerName: name,
		Host:       o.Host,
		Port:       o.Port,
		JetStream:  true,
		StoreDir:   o.StoreDir,
		NoSigs:     true,
		NoLog:      !o.Log,
		// Alerts and articles can carry long texts.
		MaxPayload: 8 << 20,
	})
	if err != nil {
		return nil, fmt.Errorf("natsembed: configure server: %w", err)
	}
	if o.Log {
		ns.ConfigureLogger()
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("natsembed: server on %s:%d not ready after 10s", o.Host, o.Port)
	}
	return ns, nil
}

// Stop shuts the server down and waits for it to finish.
func Stop(ns *server.Server) {
	ns.Shutdown()
	ns.WaitForShutdown()
}
