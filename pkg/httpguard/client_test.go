package httpguard

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// loopback allows the httptest servers; everything else stays guarded.
func testClient(t *testing.T, mod func(*Options)) *Client {
	t.Helper()
	o := DefaultOptions("test")
	o.Allow = []string{"127.0.0.1/32"}
	o.RequestTimeout = 5 * time.Second
	if mod != nil {
		mod(&o)
	}
	c, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func fetch(t *testing.T, c *Client, u string) (*Response, error) {
	t.Helper()
	return c.Fetch(context.Background(), Request{URL: u})
}

func wantClass(t *testing.T, err error, want Class) {
	t.Helper()
	if got := ClassOf(err); got != want {
		t.Fatalf("class = %q, want %q (err: %v)", got, want, err)
	}
}

func TestGuardRefusesPrivateAddresses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "hi") }))
	defer srv.Close()
	c := testClient(t, func(o *Options) { o.Allow = nil })
	targets := []string{
		srv.URL,                 // loopback, not allow-listed
		"http://localhost/feed", // loopback by name
		"http://169.254.169.254/latest/meta-data", // cloud metadata
		"http://[fd00:ec2::254]/latest",           // AWS IPv6 metadata
		"http://[::1]/",                           // IPv6 loopback
		"http://[::ffff:127.0.0.1]/",              // IPv4-mapped loopback
		"http://[fe80::1]/",                       // IPv6 link-local
		"http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/",
		"http://100.64.0.1/", // CGNAT
		"http://0.0.0.0/",
	}
	for _, u := range targets {
		_, err := fetch(t, c, u)
		if !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: err = %v, want ErrBlocked", u, err)
		}
	}
	if _, err := fetch(t, c, "file:///etc/passwd"); !errors.Is(err, ErrBadURL) {
		t.Errorf("file URL: err = %v, want ErrBadURL", err)
	}
}

// TestGuardChecksDNSAnswers dials a name that resolves to loopback through
// the transport's dialer: the refusal happens after DNS, at connect time.
func TestGuardChecksDNSAnswers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	g, err := newGuard(nil)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := g.dialer(time.Second)(context.Background(), "tcp", net.JoinHostPort("localhost", port))
	if err == nil {
		conn.Close()
		t.Fatal("dial to localhost succeeded through the guard")
	}
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("err = %v, want ErrBlocked", err)
	}
	if err := g.control("tcp4", "93.184.215.14:443", nil); err != nil {
		t.Fatalf("public address refused: %v", err)
	}
}

func TestAllowListByHostName(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") }))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	c := testClient(t, func(o *Options) { o.Allow = []string{"localhost"} })
	resp, err := fetch(t, c, "http://localhost:"+port+"/")
	if err != nil {
		t.Fatalf("allow-listed host refused: %v", err)
	}
	if string(resp.Body) != "ok" {
		t.Fatalf("body = %q", resp.Body)
	}
	if _, err := fetch(t, c, srv.URL); !errors.Is(err, ErrBlocked) {
		t.Fatalf("127.0.0.1 should stay blocked when only the name is allowed: %v", err)
	}
}

func TestRedirectToPrivateAddressIsRefused(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/meta", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/other-loopback", func(w http.ResponseWriter, r *http.Request) {
		_, port, _ := net.SplitHostPort(r.Host)
		http.Redirect(w, r, "http://127.0.0.2:"+port+"/", http.StatusFound)
	})
	mux.HandleFunc("/ipv6-loopback", func(w http.ResponseWriter, r *http.Request) {
		_, port, _ := net.SplitHostPort(r.Host)
		http.Redirect(w, r, "http://[::1]:"+port+"/", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(t, nil)
	for _, p := range []string{"/meta", "/other-loopback", "/ipv6-loopback"} {
		_, err := fetch(t, c, srv.URL+p)
		if !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: err = %v, want ErrBlocked", p, err)
		}
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved2", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/final", http.StatusPermanentRedirect)
	})
	mux.HandleFunc("/temp", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/moved2", http.StatusFound) })
	mux.HandleFunc("/final", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "done") })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(t, nil)

	_, err := fetch(t, c, srv.URL+"/loop/a")
	wantClass(t, err, ClassRedirectLoop)
	_, err = fetch(t, c, srv.URL+"/chain/0")
	wantClass(t, err, ClassTooManyHops)

	resp, err := fetch(t, c, srv.URL+"/moved")
	if err != nil {
		t.Fatal(err)
	}
	if resp.PermanentURL != srv.URL+"/final" || resp.Redirects != 2 {
		t.Fatalf("permanent = %q hops = %d", resp.PermanentURL, resp.Redirects)
	}
	resp, err = fetch(t, c, srv.URL+"/temp")
	if err != nil {
		t.Fatal(err)
	}
	if resp.PermanentURL != "" || resp.URL != srv.URL+"/final" {
		t.Fatalf("a 302 in the chain must not update the stored URL: %+v", resp)
	}
}

func TestDecodingAndBodyCap(t *testing.T) {
	text := strings.Repeat("newsmon feed body ", 200)
	var gz, zl, br bytes.Buffer
	gw := gzip.NewWriter(&gz)
	_, _ = io.WriteString(gw, text)
	_ = gw.Close()
	zw := zlib.NewWriter(&zl)
	_, _ = io.WriteString(zw, text)
	_ = zw.Close()
	bw := brotli.NewWriter(&br)
	_, _ = io.WriteString(bw, text)
	_ = bw.Close()
	// A gzip bomb: 64 MiB of zeros in about 64 KiB on the wire.
	var bomb bytes.Buffer
	bombW, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 64 {
		_, _ = bombW.Write(zeros)
	}
	_ = bombW.Close()

	bodies := map[string]struct {
		enc  string
		data []byte
	}{
		"/gzip": {"gzip", gz.Bytes()}, "/deflate": {"deflate", zl.Bytes()}, "/br": {"br", br.Bytes()},
		"/plain": {"", []byte(text)}, "/bomb": {"gzip", bomb.Bytes()},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Accept-Encoding"); got != acceptEncoding {
			t.Errorf("Accept-Encoding = %q", got)
		}
		b := bodies[r.URL.Path]
		if b.enc != "" {
			w.Header().Set("Content-Encoding", b.enc)
		}
		_, _ = w.Write(b.data)
	}))
	defer srv.Close()
	c := testClient(t, func(o *Options) { o.MaxBodyBytes = 1 << 20 })
	for _, p := range []string{"/gzip", "/deflate", "/br", "/plain"} {
		resp, err := fetch(t, c, srv.URL+p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if string(resp.Body) != text {
			t.Fatalf("%s: body not decoded (%d bytes)", p, len(resp.Body))
		}
	}
	_, err := fetch(t, c, srv.URL+"/bomb")
	wantClass(t, err, ClassTooLarge)
	small := testClient(t, func(o *Options) { o.MaxBodyBytes = 100 })
	_, err = fetch(t, small, srv.URL+"/br")
	wantClass(t, err, ClassTooLarge)
}

// TestErrorsNeverCarryTheQuery makes sure a failed fetch names the URL only
// in its redacted form, however deep the transport's own error goes.
func TestErrorsNeverCarryTheQuery(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Fetch(context.Background(), Request{URL: "http://127.0.0.1:1/feed?token=s3cret-value"})
	if err == nil {
		t.Fatal("fetch of a loopback address succeeded")
	}
	if strings.Contains(err.Error(), "s3cret-value") {
		t.Fatalf("error leaks the query: %v", err)
	}
	c2, _ := New(Options{Allow: []string{"127.0.0.1"}})
	_, err = c2.Fetch(context.Background(), Request{URL: "http://127.0.0.1:1/feed?token=s3cret-value"})
	if err == nil || strings.Contains(err.Error(), "s3cret-value") || ClassOf(err) != ClassConnect {
		t.Fatalf("connect failure: %v (class %s)", err, ClassOf(err))
	}
}
