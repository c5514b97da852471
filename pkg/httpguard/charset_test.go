package httpguard

import (
	"bytes"
	"context"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func TestToUTF8(t *testing.T) {
	ru := "Новости технологий: полупроводники и экспортный контроль"
	ru1251, _ := charmap.Windows1251.NewEncoder().String(ru)
	fr := "Les sociétés chinoises accélèrent leurs investissements à l'étranger"
	fr8859, _ := charmap.ISO8859_1.NewEncoder().String(fr)

	cases := []struct {
		name, ct, body, want, charset string
	}{
		{"declared in XML", "", `<?xml version="1.0" encoding="windows-1251"?><t>` + ru1251 + `</t>`,
			`<?xml version="1.0" encoding="windows-1251"?><t>` + ru + `</t>`, "windows-1251"},
		{"declared in header", "text/xml; charset=ISO-8859-1", "<t>" + fr8859 + "</t>", "<t>" + fr + "</t>", "windows-1252"},
		{"undeclared cyrillic", "", "<t>" + ru1251 + "</t>", "<t>" + ru + "</t>", "windows-1251"},
		{"undeclared latin", "", "<t>" + fr8859 + "</t>", "<t>" + fr + "</t>", "windows-1252"},
		{"utf-8 with BOM", "", "\xEF\xBB\xBF<t>" + ru + "</t>", "<t>" + ru + "</t>", "utf-8"},
		{"invalid bytes replaced", "application/rss+xml; charset=utf-8", "<t>ok \xff\xfe bad</t>", "<t>ok \uFFFD bad</t>", "utf-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, cs := ToUTF8([]byte(c.body), c.ct)
			if string(got) != c.want || cs != c.charset {
				t.Fatalf("got %q (%s), want %q (%s)", got, cs, c.want, c.charset)
			}
		})
	}
}

func TestHostLimiter(t *testing.T) {
	l := NewHostLimiter(1, 2)
	ctx := context.Background()
	relA, err := l.Acquire(ctx, "a.example")
	if err != nil {
		t.Fatal(err)
	}
	// A second request to the same host waits.
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := l.Acquire(short, "a.example"); err == nil {
		t.Fatal("second slot on one host granted with per-host limit 1")
	}
	relB, err := l.Acquire(ctx, "b.example")
	if err != nil {
		t.Fatal(err)
	}
	// Global limit 2 is now reached.
	short2, cancel2 := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel2()
	if _, err := l.Acquire(short2, "c.example"); err == nil {
		t.Fatal("global limit exceeded")
	}
	got := make(chan error, 1)
	go func() {
		rel, err := l.Acquire(ctx, "a.example")
		if err == nil {
			rel()
		}
		got <- err
	}()
	relA()
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	relB()
	relA() // a second call is harmless
	if n := len(l.hosts); n != 0 {
		t.Fatalf("limiter keeps %d idle hosts", n)
	}
	if HostKey("https://WWW.Example.com:8443/feed") != "example.com" {
		t.Fatal("HostKey")
	}
	_ = bytes.MinRead
}
