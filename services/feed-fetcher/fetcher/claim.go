package fetcher

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// Replica safety. Every replica schedules every feed, but a poll starts
// with a claim: the replica reads the feed's feed_state entry and, if the
// feed is due and no other replica holds an unexpired lease on it, writes
// its own lease with a compare-and-set on the entry's revision. Only one
// compare-and-set on a revision can win, so exactly one replica polls a
// due feed; the loser adopts the stored schedule. The poll's result is
// written with a compare-and-set on the claim's revision, clearing the
// lease. A replica that dies mid-poll leaves its lease, which expires
// after Config.Lease; another replica then takes the feed over. Times are
// on the service clock, so the same holds on a virtual clock in replay.

// claimRetry is how soon a feed is looked at again when its claim could
// not be decided (the bus was unreachable, or claims kept colliding).
const claimRetry = 15 * time.Second

// defaultReplicaID names this process in leases: host name, process id
// and a random suffix, so a restarted process never mistakes a dead
// predecessor's lease for its own.
func defaultReplicaID() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "fetcher"
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// claim decides whether this replica polls fr now. It loads the stored
// state (the truth shared by replicas) into fr. When it returns false,
// fr.due holds when to look again, or fr.st.Disabled is set.
func (p *poller) claim(ctx context.Context, fr *feedRun, now time.Time) (bool, error) {
	for range 3 {
		st, rev, err := p.states.load(ctx, fr.feed.URL)
		if err != nil {
			return false, err
		}
		if rev != fr.rev {
			// Another replica polled the feed since this one did: the
			// cached seen records may be behind.
			fr.seen = nil
		}
		st.Name = fr.feed.Name
		fr.st, fr.rev = st, rev
		switch {
		case st.Disabled:
			return false, nil
		case st.leasedByOther(p.owner, now):
			fr.due = st.LeaseUntil
			return false, nil
		case st.NextPoll.After(now):
			fr.due = st.NextPoll
			return false, nil
		}
		st.LeaseOwner = p.owner
		st.LeaseUntil = now.Add(p.cfg.Lease)
		nrev, err := p.states.cas(ctx, &st, rev)
		if errors.Is(err, errConflict) {
			p.m.claims.WithLabelValues("lost").Inc()
			continue
		}
		if err != nil {
			return false, err
		}
		p.m.claims.WithLabelValues("won").Inc()
		fr.st, fr.rev = st, nrev
		return true, nil
	}
	fr.due = now.Add(claimRetry)
	return false, nil
}

// save writes the poll's result and releases the lease. Losing the
// compare-and-set means the lease expired and another replica took the
// feed over: its state wins and this poll's schedule is dropped.
func (p *poller) save(ctx context.Context, fr *feedRun) {
	fr.st.LeaseOwner, fr.st.LeaseUntil = "", time.Time{}
	nrev, err := p.states.cas(ctx, &fr.st, fr.rev)
	switch {
	case err == nil:
		fr.rev = nrev
	case errors.Is(err, errConflict):
		p.log.Warn("feed lease lost before the poll was saved", slog.String("feed", fr.feed.Name),
			slog.Duration("lease", p.cfg.Lease))
		if st, rev, lerr := p.states.load(ctx, fr.feed.URL); lerr == nil {
			st.Name = fr.feed.Name
			fr.st, fr.rev, fr.seen = st, rev, nil
			if st.NextPoll.After(fr.due) {
				fr.due = st.NextPoll
			}
		}
	case ctx.Err() == nil:
		p.log.Error("saving feed state failed", slog.String("feed", fr.feed.Name), slog.String("error", err.Error()))
	}
}

// release gives a claimed feed back unpolled (the service is stopping):
// the stored state is restored without the lease, so another replica, or
// this one after a restart, polls the feed on its old schedule.
func (p *poller) release(claimed State, fr *feedRun) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	claimed.LeaseOwner, claimed.LeaseUntil = "", time.Time{}
	if _, err := p.states.cas(ctx, &claimed, fr.rev); err != nil {
		p.log.Debug("releasing feed lease failed; it will expire", slog.String("feed", fr.feed.Name),
			slog.String("error", err.Error()))
	}
}
