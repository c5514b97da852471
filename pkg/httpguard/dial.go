package httpguard

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"syscall"
	"time"

	"code.dny.dev/ssrf"
)

// guard decides which addresses may be reached. The deny list is
// code.dny.dev/ssrf's: every IANA special-purpose IPv4 range (loopback,
// RFC 1918, link-local with the 169.254.169.254 metadata address, CGNAT
// 100.64/10, documentation, benchmarking, multicast, reserved) and every
// IPv6 address outside global unicast 2000::/3 (::1, fc00::/7 with the
// fd00:ec2::254 metadata address, fe80::/10, IPv4-mapped forms) plus the
// special ranges inside it. The allow-list is checked first.
type guard struct {
	ssrf       *ssrf.Guardian
	allowHosts map[string]bool
}

func newGuard(allow []string) (*guard, error) {
	g := &guard{allowHosts: map[string]bool{}}
	var v4, v6 []netip.Prefix
	for _, a := range allow {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		var p netip.Prefix
		switch {
		case strings.Contains(a, "/"):
			var err error
			p, err = netip.ParsePrefix(a)
			if err != nil {
				return nil, fmt.Errorf("httpguard: allow-list entry %q: %w", a, err)
			}
		default:
			if ip, err := netip.ParseAddr(a); err == nil {
				p = netip.PrefixFrom(ip, ip.BitLen())
			} else {
				g.allowHosts[strings.ToLower(strings.TrimSuffix(a, "."))] = true
				continue
			}
		}
		p = p.Masked()
		if p.Addr().Is4() {
			v4 = append(v4, p)
		} else {
			v6 = append(v6, p)
		}
	}
	g.ssrf = ssrf.New(ssrf.WithAnyPort(), ssrf.WithAllowedV4Prefixes(v4...), ssrf.WithAllowedV6Prefixes(v6...))
	return g, nil
}

// hostAllowed reports whether host (a name, not an address) is on the
// allow-list, and so may resolve to any address.
func (g *guard) hostAllowed(host string) bool {
	return g.allowHosts[strings.ToLower(strings.TrimSuffix(host, "."))]
}

// checkAddr refuses addresses on the deny list. An IPv4-mapped IPv6
// address is judged by its IPv4 form.
func (g *guard) checkAddr(ip netip.Addr) error {
	if err := g.ssrf.SafeAddr(ip.Unmap()); err != nil {
		return Classed(ErrBlocked, err)
	}
	return nil
}

// checkURLHost refuses a URL whose host is a literal address on the deny
// list. Names are checked at dial time, after DNS.
func (g *guard) checkURLHost(host string) error {
	if g.hostAllowed(host) {
		return nil
	}
	h := strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if ip, err := netip.ParseAddr(h); err == nil {
		return g.checkAddr(ip)
	}
	if strings.EqualFold(h, "localhost") || strings.HasSuffix(strings.ToLower(h), ".localhost") {
		return g.checkAddr(netip.MustParseAddr("127.0.0.1"))
	}
	return nil
}

// control is the net.Dialer.Control hook: it runs after DNS, for every
// address the dialer tries, so a name that resolves to a private address
// is refused however it was reached (first request or a redirect).
func (g *guard) control(network, address string, _ syscall.RawConn) error {
	if network != "tcp4" && network != "tcp6" {
		return fmt.Errorf("%w: network %s", ErrBlocked, network)
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse %s: %w", ErrBlocked, address, err)
	}
	return g.checkAddr(ap.Addr())
}

// dialer returns a DialContext that applies the guard, except for hosts on
// the allow-list.
func (g *guard) dialer(connectTimeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	guarded := &net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second, Control: g.control}
	open := &net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err == nil && g.hostAllowed(host) {
			return open.DialContext(ctx, network, addr)
		}
		return guarded.DialContext(ctx, network, addr)
	}
}
