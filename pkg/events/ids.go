package events

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// StableID derives a short, deterministic id from its parts: the first 16
// bytes of SHA-256 over the parts joined by a NUL byte, hex-encoded. Ids
// that reach users derive from content, never from randomness or wall time.
func StableID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:16])
}

func revisionID(id string, rev int) string {
	return id + "-r" + strconv.Itoa(rev)
}
