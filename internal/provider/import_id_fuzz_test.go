package provider

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzParseCompositeID checks that no import ID makes the composite parser panic,
// and that what it accepts has the expected number of non-empty parts.
func FuzzParseCompositeID(f *testing.F) {
	for _, seed := range []string{"1001/4000001", "", "/", "a/b/c", "40000000001/3f2b1c9e-0000-4000-8000-000000000000", "1001/", " / ", "\x00/\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, id string) {
		parts, err := parseCompositeID(id, "routing_queue_id", "channel_id")
		if err != nil {
			if !strings.Contains(err.Error(), "routing_queue_id/channel_id") {
				t.Fatalf("error %q does not show the expected form", err)
			}
			return
		}
		if len(parts) != 2 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" {
			t.Fatalf("accepted %q as %q", id, parts)
		}
	})
}

// FuzzParseNumericID checks that the numeric ID parser never panics and accepts
// exactly the positive whole numbers that fit an int64.
func FuzzParseNumericID(f *testing.F) {
	for _, seed := range []string{"1001", "0", "-1", "9223372036854775807", "9223372036854775808", "1e3", " 1", "０１"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseNumericID(s, "agent_id")
		want, werr := strconv.ParseInt(s, 10, 64)
		ok := werr == nil && want > 0 && strconv.FormatInt(want, 10) == s
		if (err == nil) != ok {
			t.Fatalf("parseNumericID(%q) = %d, %v; strconv says %d, %v", s, n, err, want, werr)
		}
		if err == nil && n != want {
			t.Fatalf("parseNumericID(%q) = %d, want %d", s, n, want)
		}
	})
}
